"""PAdES signing and validation with pyHanko (issue 16). No database access here.

- ``tanda_tangani``: one visible signature (a QR code leading to the verification page,
  the short code, the signer and the time) on the signature block of the PDF, PAdES
  baseline with a trusted timestamp when a TSA is configured (B-T) and the revocation
  data embedded when ``KERSA_TTE_LT`` (B-LT).
- ``validasi``: every signature of a PDF against the configured trust roots: integrity,
  signer, time, trust, revocation, and whether the file changed after signing.
- ``periksa_sertifikat``: the signer's certificate before signing (revoked, expired,
  untrusted are refused).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import datetime as dt
import hashlib
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
from asn1crypto import pem, x509
from django.conf import settings
from django.utils.translation import gettext as _
from pyhanko import stamp
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import (
    InvalidCertificateError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
)

from kersa.core.errors import KersaError

__all__ = [
    "PdfTidakSah",
    "SertifikatDitolak",
    "akar_tepercaya",
    "baca_pdf",
    "nama_sertifikat",
    "klaim_pdfa",
    "periksa_pdfa",
    "periksa_sertifikat",
    "tanda_tangani",
    "validasi",
]


class PdfTidakSah(KersaError):
    """The file cannot be signed or validated as it is (not a PDF, encrypted…)."""


class SertifikatDitolak(KersaError):
    """The signer's certificate is revoked, expired or not from a trusted root."""


def jalankan(coro):
    """Run ``coro`` to completion from sync code: in a fresh event loop, or, when this
    thread already runs one (an async caller, Playwright's sync API), in a worker thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(1) as ex:
        return ex.submit(asyncio.run, coro).result()


def akar_tepercaya() -> list[x509.Certificate]:
    """The trust roots of ``KERSA_TTE_AKAR_TEPERCAYA`` (PEM or DER files)."""
    akar = []
    for path in settings.KERSA_TTE_AKAR_TEPERCAYA:
        data = Path(path).read_bytes()
        if pem.detect(data):
            akar += [x509.Certificate.load(der) for _t, _h, der in pem.unarmor(data, multiple=True)]
        else:
            akar.append(x509.Certificate.load(data))
    return akar


def _konteks(
    *, untuk_tanda_tangan: bool = False, waktu: dt.datetime | None = None
) -> ValidationContext:
    return ValidationContext(
        trust_roots=akar_tepercaya(),
        allow_fetching=True,
        revocation_mode=settings.KERSA_TTE_MODE_PENCABUTAN,
        moment=waktu,
        retroactive_revinfo=not untuk_tanda_tangan,
    )


def nama_sertifikat(cert: x509.Certificate) -> str:
    """The common name on a certificate (a person's name on BSrE certificates)."""
    return cert.subject.native.get("common_name", "") or cert.subject.human_friendly


def baca_pdf(data: bytes) -> PdfFileReader:
    if not data.startswith(b"%PDF-"):
        raise PdfTidakSah(_("Berkas bukan PDF; tanda tangan elektronik hanya untuk PDF."))
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
    except (PdfError, ValueError, KeyError, IndexError) as exc:
        raise PdfTidakSah(_("PDF rusak dan tidak dapat dibaca: %s") % exc) from exc
    if reader.encrypted:
        raise PdfTidakSah(
            _(
                "PDF terenkripsi (dilindungi kata sandi) tidak sesuai PDF/A dan tidak dapat "
                "ditandatangani; simpan ulang tanpa enkripsi."
            )
        )
    return reader


# --- PDF/A compatibility -----------------------------------------------------------------


def _halaman(node, warisan=None):
    """Each page dict of the page tree with its (inherited) /Resources."""
    res = node.get("/Resources", warisan)
    if node.get("/Type") == "/Pages" or "/Kids" in node:
        for kid in node["/Kids"]:
            yield from _halaman(kid.get_object(), res)
    else:
        yield node, res


def _font_tertanam(font) -> bool:
    font = font.get_object()
    sub = font.get("/Subtype")
    if sub == "/Type3":
        return True
    if sub == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    desc = font.get("/FontDescriptor")
    if desc is None:
        return False
    desc = desc.get_object()
    return any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def periksa_pdfa(data: bytes) -> list[str]:
    """What in ``data`` breaks PDF/A (ISO 19005-2, level B) in a way signing would carry
    on, checked with pyHanko's reader (veraPDF is not used): encryption (refused by
    ``baca_pdf``), fonts of the page content not embedded, JavaScript or launch actions,
    and a page tree that cannot be read. An empty list means PDF/A-compatible for
    signing; it is not a full conformance check (colour spaces and XMP are not checked)."""
    reader = baca_pdf(data)
    masalah = []
    root = reader.root
    try:
        halaman = list(_halaman(root["/Pages"].get_object()))
    except (KeyError, AttributeError, TypeError, PdfError) as exc:
        return [_("susunan halaman tidak dapat dibaca (%s)") % exc]
    tidak_tertanam = set()
    for _page, res in halaman:
        fonts = (res.get_object().get("/Font") if res is not None else None) or {}
        fonts = fonts.get_object() if hasattr(fonts, "get_object") else fonts
        for nama, font in fonts.items():
            try:
                if not _font_tertanam(font):
                    tidak_tertanam.add(str(font.get_object().get("/BaseFont", nama)).lstrip("/"))
            except (KeyError, IndexError, AttributeError, TypeError):
                tidak_tertanam.add(str(nama).lstrip("/"))
    if tidak_tertanam:
        masalah.append(
            _("huruf tidak tertanam: %(font)s") % {"font": ", ".join(sorted(tidak_tertanam))}
        )
    names = root.get("/Names")
    if names is not None and "/JavaScript" in names.get_object():
        masalah.append(_("memuat JavaScript"))
    aksi = root.get("/OpenAction")
    aksi = aksi.get_object() if aksi is not None else None
    if hasattr(aksi, "get") and aksi.get("/S") in ("/JavaScript", "/Launch"):
        masalah.append(_("memuat aksi JavaScript/Launch saat dibuka"))
    return masalah


def klaim_pdfa(data: bytes) -> str:
    """The PDF/A conformance the file claims in its XMP metadata ("PDF/A-2B"), or ""."""
    meta = baca_pdf(data).root.get("/Metadata")
    if meta is None:
        return ""
    try:
        xmp = meta.get_object().data.decode("utf-8", "replace")
    except (AttributeError, PdfError):
        return ""
    part = re.search(r"pdfaid:part(?:>|=\")\s*(\d)", xmp)
    conf = re.search(r"pdfaid:conformance(?:>|=\")\s*([ABUabu])", xmp)
    return f"PDF/A-{part.group(1)}{conf.group(1).upper() if conf else ''}" if part else ""


# --- placement on the signature block ---------------------------------------------------

_KOTAK = {"tanda_tangan": (190, 72), "paraf": (130, 52)}
_KATA = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)
_HALAMAN = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def _kata_per_halaman(data: bytes) -> list[tuple[float, float, list]]:
    """Each page's size and words with their boxes (poppler's pdftotext -bbox)."""
    exe = shutil.which("pdftotext")
    if not exe:
        return []
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        try:
            out = subprocess.run(
                [exe, "-bbox", f.name, "-"], capture_output=True, timeout=30, check=True
            ).stdout.decode("utf-8", "replace")
        except (subprocess.SubprocessError, OSError):
            return []
    halaman = []
    for bagian in out.split("<page ")[1:]:
        m = _HALAMAN.match("<page " + bagian)
        if not m:
            continue
        kata = [
            (float(a), float(b), float(c), float(d), w.casefold())
            for a, b, c, d, w in _KATA.findall(bagian)
        ]
        halaman.append((float(m.group(1)), float(m.group(2)), kata))
    return halaman


def letak_kotak(data: bytes, *, cari: list[str], peran: str, ke: int) -> tuple[int, tuple]:
    """Where the ``ke``-th signature goes: under the last line that names the signer
    (``cari``: the signer's name, then the words of the signature block, e.g. "PIHAK
    KESATU"); else at the foot of the last page, side by side. Returns (page, box)."""
    lebar, tinggi = _KOTAK[peran]
    halaman = _kata_per_halaman(data)
    for frasa in cari:
        kata_frasa = frasa.casefold().split()
        if not kata_frasa:
            continue
        for nomor in range(len(halaman) - 1, -1, -1):
            w, h, kata = halaman[nomor]
            for i in range(len(kata) - len(kata_frasa), -1, -1):
                if [k[4].strip(",.") for k in kata[i : i + len(kata_frasa)]] == kata_frasa:
                    x0, y_bawah = kata[i][0], max(k[3] for k in kata[i : i + len(kata_frasa)])
                    y1 = h - y_bawah - 4
                    if y1 - tinggi > 20:
                        x = min(x0, w - lebar - 20)
                        return nomor, (x, y1 - tinggi, x + lebar, y1)
    if halaman:
        w, h, _k = halaman[-1]
        nomor = len(halaman) - 1
    else:
        w, h, nomor = 595, 842, -1
    kolom = ke % 2
    baris = ke // 2
    x = 60 + kolom * (lebar + 30)
    y = 40 + baris * (tinggi + 12)
    return nomor, (x, y, x + lebar, y + tinggi)


# --- signing ----------------------------------------------------------------------------


@dataclass
class HasilTanda:
    data: bytes
    sertifikat: x509.Certificate
    lain: list = field(default_factory=list)  # the chain sent along (intermediates)


def _gaya(teks: str) -> stamp.QRStampStyle:
    return stamp.QRStampStyle(stamp_text=teks, border_width=1)


async def _periksa_async(cert: x509.Certificate, lain) -> None:
    vc = _konteks(untuk_tanda_tangan=True)
    try:
        await _periksa_dengan(vc, cert, lain)
    finally:
        await vc.aclose()


async def _periksa_dengan(vc, cert: x509.Certificate, lain) -> None:
    validator = CertificateValidator(cert, intermediate_certs=list(lain), validation_context=vc)
    nama = nama_sertifikat(cert)
    try:
        await validator.async_validate_usage({"non_repudiation"})
    except RevokedError as exc:
        raise SertifikatDitolak(
            _("Sertifikat %(nama)s telah dicabut oleh penerbitnya; tanda tangan ditolak.")
            % {"nama": nama}
        ) from exc
    except InvalidCertificateError as exc:
        raise SertifikatDitolak(
            _("Sertifikat %(nama)s tidak dapat dipakai untuk menandatangani: %(pesan)s")
            % {"nama": nama, "pesan": exc}
        ) from exc
    except (PathBuildingError, PathValidationError) as exc:
        now = dt.datetime.now(dt.UTC)
        if cert.not_valid_after < now:
            raise SertifikatDitolak(
                _("Sertifikat %(nama)s sudah kedaluwarsa sejak %(tanggal)s; tanda tangan ditolak.")
                % {"nama": nama, "tanggal": cert.not_valid_after.strftime("%d-%m-%Y")}
            ) from exc
        if cert.not_valid_before > now:
            raise SertifikatDitolak(
                _("Sertifikat %(nama)s belum berlaku; tanda tangan ditolak.") % {"nama": nama}
            ) from exc
        raise SertifikatDitolak(
            _(
                "Sertifikat %(nama)s tidak diterbitkan oleh penyelenggara sertifikasi yang "
                "dipercaya KERSA (akar tepercaya); tanda tangan ditolak."
            )
            % {"nama": nama}
        ) from exc


def periksa_sertifikat(cert: x509.Certificate, lain=()) -> None:
    """Refuse a revoked, expired or untrusted signing certificate (SertifikatDitolak)."""
    jalankan(_periksa_async(cert, lain))


async def tanda_tangani_async(
    data: bytes,
    penanda: signers.Signer,
    *,
    nama_field: str,
    halaman: int,
    kotak: tuple,
    teks: str,
    url: str,
    kode: str,
) -> HasilTanda:
    """Sign ``data`` with ``penanda`` (pyHanko Signer) in a new visible field."""
    await _periksa_async(penanda.signing_cert, penanda.cert_registry)
    w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    fields.append_signature_field(
        w, fields.SigFieldSpec(nama_field, on_page=halaman, box=tuple(int(v) for v in kotak))
    )
    tsa = settings.KERSA_TTE_TSA_URL
    vc = _konteks(untuk_tanda_tangan=True) if settings.KERSA_TTE_LT else None
    meta = signers.PdfSignatureMetadata(
        field_name=nama_field,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        embed_validation_info=settings.KERSA_TTE_LT,
        validation_context=vc,
        location=settings.KERSA_KEDUDUKAN_DAERAH,
    )
    async with aiohttp.ClientSession() as sesi:
        pdf_signer = signers.PdfSigner(
            meta,
            signer=penanda,
            timestamper=timestamps.HTTPTimeStamper(
                tsa, timeout=settings.KERSA_TTE_BATAS_DETIK, session=sesi
            )
            if tsa
            else None,
            stamp_style=_gaya(teks),
        )
        try:
            out = await pdf_signer.async_sign_pdf(
                w, appearance_text_params={"url": url, "kode": kode}, in_place=False
            )
        finally:
            if vc is not None:
                await vc.aclose()
    return HasilTanda(out.getvalue(), penanda.signing_cert)


def tanda_tangani(data: bytes, penyedia, **kwargs) -> HasilTanda:
    """``data`` signed by ``penyedia`` (``PenyediaTte``): network calls to the provider, the
    TSA and OCSP happen here, so callers keep no transaction open around it."""
    return jalankan(penyedia.tandatangani_async(data, **kwargs))


def jumlah_halaman(data: bytes) -> int:
    return int(baca_pdf(data).root["/Pages"]["/Count"])


# --- validation -------------------------------------------------------------------------


def sidik_jari(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.dump()).hexdigest()


async def _validasi_async(data: bytes) -> list[dict]:
    reader = baca_pdf(data)
    hasil = []
    for sig in reader.embedded_signatures:
        vc = _konteks()
        cert = sig.signer_cert
        try:
            st = await async_validate_pdf_signature(sig, vc)
        finally:
            await vc.aclose()
        ts = st.timestamp_validity
        waktu = ts.timestamp if ts is not None else st.signer_reported_dt
        diubah = st.docmdp_ok is False or st.modification_level == ModificationLevel.OTHER
        dicabut = bool(st.revoked)
        kedaluwarsa = cert.not_valid_after < (waktu or dt.datetime.now(dt.UTC))
        sah = bool(st.intact and st.valid and st.trusted and not diubah and not dicabut)
        masalah = []
        if not st.intact:
            masalah.append(_("isi berkas berubah setelah ditandatangani (tanda tangan rusak)"))
        elif not st.valid:
            masalah.append(_("tanda tangan kriptografis tidak sah"))
        if diubah:
            masalah.append(_("berkas diubah setelah ditandatangani"))
        if dicabut:
            masalah.append(_("sertifikat telah dicabut"))
        elif kedaluwarsa:
            masalah.append(_("sertifikat sudah kedaluwarsa pada waktu tanda tangan"))
        elif not st.trusted:
            masalah.append(_("sertifikat tidak diterbitkan oleh akar tepercaya"))
        hasil.append(
            {
                "field": sig.field_name,
                "nama": nama_sertifikat(cert),
                "subjek": cert.subject.human_friendly,
                "penerbit": cert.issuer.human_friendly,
                "serial": str(cert.serial_number),
                "sidik_jari": sidik_jari(cert),
                "waktu": waktu.isoformat() if waktu else None,
                "bercap_waktu": ts is not None and ts.intact and ts.valid,
                "utuh": bool(st.intact),
                "tepercaya": bool(st.trusted),
                "dicabut": dicabut,
                "diubah": diubah,
                "sah": sah,
                "masalah": [str(m) for m in masalah],
            }
        )
    return hasil


def validasi(data: bytes) -> list[dict]:
    """Each signature of ``data`` as a dict (see ``_validasi_async``); [] when unsigned."""
    return jalankan(_validasi_async(data))
