"""The signer interface (issue 16): one small abstract class, three providers, chosen by
the ``KERSA_TTE_PENYEDIA`` setting.

- ``Pkcs12``: the signer's own certificate file and passphrase, given for this one
  signing and never stored (not even encrypted: it lives in memory for the request).
- ``Csc``: a remote signing service speaking the Cloud Signature Consortium API, through
  pyHanko's CSC client (credentials/info, credentials/authorize, signatures/signHash).
- ``Bsre``: a signing service speaking the BSrE esign-client API shape (``POST
  /api/sign/pdf``, ``POST /api/sign/verify``, ``GET /api/user/status/<nik>``, HTTP Basic
  auth): the whole PDF goes to the service, which signs it with the signer's key (NIK and
  passphrase) and sends the signed PDF back.

The interface is two calls: ``sertifikat()`` (the signer's certificate before signing,
or None when the service only tells it by signing: BSrE) and ``tandatangani_async()``
(the signed PDF). ``Pkcs12`` and ``Csc`` give a pyHanko ``Signer`` (``penanda()``) and
the PDF is signed here; a failure is a ``PenyediaGagal`` with a message in Bahasa
Indonesia.
"""

from __future__ import annotations

import abc
import contextlib
from collections.abc import AsyncIterator

import aiohttp
from asn1crypto import core
from django.conf import settings
from django.utils.translation import gettext as _
from pyhanko.sign import signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers import csc_signer

from kersa.core.errors import KersaError

from . import pdf
from .choices import Penyedia

__all__ = ["Bsre", "Csc", "Pkcs12", "PenyediaGagal", "PenyediaTte", "penyedia_dari_setelan"]


class PenyediaGagal(KersaError):
    """The provider could not give a signer: unreadable certificate, wrong passphrase,
    a service that does not answer or refuses."""


class PenyediaTte(abc.ABC):
    """A source of signatures. ``kode`` names it in the record."""

    kode: str

    def penanda(self) -> contextlib.AbstractAsyncContextManager[signers.Signer]:
        """An async context giving a pyHanko Signer (certificate included)."""
        raise NotImplementedError

    async def sertifikat_async(self):
        """(certificate, other certificates) of the signer, or None when unknown before
        signing."""
        async with self.penanda() as p:
            return p.signing_cert, list(p.cert_registry)

    async def tandatangani_async(self, data: bytes, **kwargs):
        """The signed PDF (``pdf.HasilTanda``); ``kwargs`` as ``pdf.tanda_tangani_async``."""

        async with self.penanda() as penanda:
            return await pdf.tanda_tangani_async(data, penanda, **kwargs)


class Pkcs12(PenyediaTte):
    kode = Penyedia.PKCS12

    def __init__(self, data: bytes, sandi: str):
        self.data = data or b""
        self.sandi = sandi or ""

    def _muat(self) -> signers.SimpleSigner:
        try:
            core.Asn1Value.load(self.data, strict=True)
        except (ValueError, TypeError, OSError):
            raise PenyediaGagal(
                _(
                    "Berkas sertifikat tidak dapat dibaca: unggah sertifikat elektronik dalam "
                    "format PKCS#12 (.p12 atau .pfx)."
                )
            ) from None
        try:
            signer = signers.SimpleSigner.load_pkcs12_data(
                self.data, other_certs=[], passphrase=self.sandi.encode() or None
            )
        except (ValueError, TypeError):
            signer = None
        if signer is None:
            raise PenyediaGagal(
                _("Kata sandi sertifikat salah, atau berkas bukan sertifikat PKCS#12.")
            )
        return signer

    @contextlib.asynccontextmanager
    async def penanda(self) -> AsyncIterator[signers.Signer]:
        yield self._muat()


class _OtorisasiCsc(csc_signer.CSCAuthorizationManager):
    """Asks credentials/authorize for the SAD of the hashes about to be signed (hash
    pinning, SCAL 2), with the signer's PIN where the service wants one."""

    def __init__(self, info, kredensial, sesi: aiohttp.ClientSession, pin: str | None):
        super().__init__(info, kredensial)
        self.sesi = sesi
        self.pin = pin

    async def authorize_signature(self, hash_b64s):
        body = self.format_csc_auth_request(hash_b64s=hash_b64s, pin=self.pin or None)
        url = self.csc_session_info.endpoint_url("credentials/authorize")
        async with self.sesi.post(url, json=body, headers=self.auth_headers) as resp:
            if resp.status != 200:
                raise SigningError(f"credentials/authorize: HTTP {resp.status}")
            return self.parse_csc_auth_response(await resp.json())


class Csc(PenyediaTte):
    kode = Penyedia.CSC

    def __init__(
        self,
        *,
        kredensial: str,
        url: str | None = None,
        token: str | None = None,
        pin: str | None = None,
        batas_detik: int | None = None,
    ):
        self.url = (url or settings.KERSA_TTE_CSC_URL or "").rstrip("/")
        self.kredensial = (kredensial or "").strip()
        self.token = token if token is not None else settings.KERSA_TTE_CSC_TOKEN
        self.pin = pin
        self.batas = batas_detik or settings.KERSA_TTE_BATAS_DETIK

    @contextlib.asynccontextmanager
    async def penanda(self) -> AsyncIterator[signers.Signer]:
        if not self.url:
            raise PenyediaGagal(_("Alamat layanan tanda tangan (KERSA_TTE_CSC_URL) belum diatur."))
        if not self.kredensial:
            raise PenyediaGagal(_("Isi ID kredensial penanda tangan pada layanan TTE."))
        info = csc_signer.CSCServiceSessionInfo(
            service_url=self.url, credential_id=self.kredensial, oauth_token=self.token
        )
        timeout = aiohttp.ClientTimeout(total=self.batas)
        async with aiohttp.ClientSession(timeout=timeout) as sesi:
            try:
                kredensial = await csc_signer.fetch_certs_in_csc_credential(
                    sesi, info, timeout=self.batas
                )
            except (aiohttp.ClientError, TimeoutError, OSError) as exc:
                raise PenyediaGagal(
                    _(
                        "Layanan tanda tangan %(url)s tidak menjawab (%(pesan)s); tidak ada yang dicatat."
                    )
                    % {"url": self.url, "pesan": exc.__class__.__name__}
                ) from exc
            except SigningError as exc:
                sebab = exc.__cause__ or exc.__context__
                if isinstance(sebab, aiohttp.ClientConnectionError | TimeoutError | OSError):
                    raise PenyediaGagal(
                        _(
                            "Layanan tanda tangan %(url)s tidak menjawab (%(pesan)s); tidak "
                            "ada yang dicatat."
                        )
                        % {"url": self.url, "pesan": sebab.__class__.__name__}
                    ) from exc
                raise PenyediaGagal(
                    _("Layanan tanda tangan menolak kredensial %(id)s: %(pesan)s")
                    % {"id": self.kredensial, "pesan": exc}
                ) from exc
            yield csc_signer.CSCSigner(
                sesi, auth_manager=_OtorisasiCsc(info, kredensial, sesi, self.pin)
            )


def _tidak_menjawab(url: str, exc: BaseException) -> PenyediaGagal:
    return PenyediaGagal(
        _("Layanan tanda tangan %(url)s tidak menjawab (%(pesan)s); tidak ada yang dicatat.")
        % {"url": url, "pesan": exc.__class__.__name__}
    )


class Bsre(PenyediaTte):
    """The BSrE esign-client API shape (Balai Sertifikasi Elektronik, BSSN), as its PHP
    client (opendesa/e-sign-bsre) calls it:

    - ``POST {url}/api/sign/pdf``, HTTP Basic auth, multipart: ``file`` (the PDF), ``nik``,
      ``passphrase``, ``tampilan`` (``visible``/``invisible``) and, for a visible one,
      ``linkQR`` (the QR's URL), ``page`` (1-based), ``xAxis``/``yAxis`` (lower left, PDF
      points), ``width``, ``height``, ``reason``, ``location``. 200 with the signed PDF
      (``application/pdf``); otherwise JSON ``{"error": …}`` or ``{"message": …}``.
    - ``POST {url}/api/sign/verify``, multipart ``signed_file``: JSON ``nama_dokumen``,
      ``jumlah_signature``, ``details`` (``info_signer``, ``signature_document``,
      ``info_tsa``), ``summary``/``notes``.
    - ``GET {url}/api/user/status/<nik>``: the signer's certificate status.

    The certificate is known only from the signed PDF (``sertifikat_async`` is None): the
    service checks who signs after signing, before anything is kept."""

    kode = Penyedia.BSRE

    def __init__(
        self,
        *,
        nik: str,
        passphrase: str,
        url: str | None = None,
        pengguna: str | None = None,
        sandi_api: str | None = None,
        batas_detik: int | None = None,
    ):
        self.nik = (nik or "").strip()
        self.passphrase = passphrase or ""
        self.url = (url or settings.KERSA_TTE_BSRE_URL or "").rstrip("/")
        self.pengguna = pengguna if pengguna is not None else settings.KERSA_TTE_BSRE_PENGGUNA
        self.sandi_api = sandi_api if sandi_api is not None else settings.KERSA_TTE_BSRE_SANDI
        self.batas = batas_detik or settings.KERSA_TTE_BATAS_DETIK

    async def sertifikat_async(self):
        return None

    def _sesi(self) -> aiohttp.ClientSession:
        if not self.url:
            raise PenyediaGagal(
                _("Alamat layanan tanda tangan BSrE (KERSA_TTE_BSRE_URL) belum diatur.")
            )
        return aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=self.batas),
            auth=aiohttp.BasicAuth(self.pengguna or "", self.sandi_api or ""),
        )

    async def _galat(self, resp) -> PenyediaGagal:
        pesan = ""
        try:
            body = await resp.json(content_type=None)
            if isinstance(body, dict):
                pesan = str(body.get("message") or body.get("error") or "")
        except (ValueError, aiohttp.ContentTypeError):
            pesan = (await resp.text())[:200]
        if resp.status == 401:
            return PenyediaGagal(
                _(
                    "Layanan tanda tangan BSrE menolak akun aplikasi KERSA (HTTP 401); periksa "
                    "KERSA_TTE_BSRE_PENGGUNA dan KERSA_TTE_BSRE_SANDI."
                )
            )
        return PenyediaGagal(
            _("Layanan tanda tangan BSrE menolak permintaan (HTTP %(status)d): %(pesan)s")
            % {"status": resp.status, "pesan": pesan or "-"}
        )

    async def tandatangani_async(
        self,
        data: bytes,
        *,
        nama_field: str,
        halaman: int,
        kotak: tuple,
        teks: str,
        url: str,
        kode: str,
    ):

        if not self.nik:
            raise PenyediaGagal(_("Isi NIK penanda tangan yang terdaftar pada BSrE."))
        if not self.passphrase:
            raise PenyediaGagal(_("Isi passphrase sertifikat elektronik BSrE Anda."))
        sebelum = len(pdf.baca_pdf(data).embedded_signatures)
        if halaman < 0:
            halaman = pdf.jumlah_halaman(data) - 1
        x0, y0, x1, y1 = (int(v) for v in kotak)
        form = aiohttp.FormData()
        form.add_field("file", data, filename=f"{nama_field}.pdf", content_type="application/pdf")
        for k, v in {
            "nik": self.nik,
            "passphrase": self.passphrase,
            "tampilan": "visible",
            "image": "false",
            "linkQR": url,
            "page": str(halaman + 1),
            "xAxis": str(x0),
            "yAxis": str(y0),
            "width": str(x1 - x0),
            "height": str(y1 - y0),
            "reason": _("Kode verifikasi %s") % kode,
            "location": settings.KERSA_KEDUDUKAN_DAERAH,
        }.items():
            form.add_field(k, v)
        try:
            async with (
                self._sesi() as sesi,
                sesi.post(f"{self.url}/api/sign/pdf", data=form) as resp,
            ):
                if resp.status != 200:
                    raise await self._galat(resp)
                hasil = await resp.read()
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise _tidak_menjawab(self.url, exc) from exc
        try:
            ada = pdf.baca_pdf(hasil).embedded_signatures
        except pdf.PdfTidakSah as exc:
            raise PenyediaGagal(
                _("Layanan tanda tangan BSrE tidak mengirim PDF bertanda tangan: %s") % exc
            ) from exc
        if len(ada) != sebelum + 1:
            raise PenyediaGagal(
                _(
                    "Layanan tanda tangan BSrE mengirim PDF dengan %(n)d tanda tangan baru, bukan satu."
                )
                % {"n": len(ada) - sebelum}
            )
        return pdf.HasilTanda(hasil, ada[-1].signer_cert, list(ada[-1].other_embedded_certs))

    async def verifikasi_async(self, data: bytes) -> dict:
        """The service's own verdict on a signed PDF (``/api/sign/verify``), as it sends it."""
        form = aiohttp.FormData()
        form.add_field("signed_file", data, filename="berkas.pdf", content_type="application/pdf")
        try:
            async with (
                self._sesi() as sesi,
                sesi.post(f"{self.url}/api/sign/verify", data=form) as resp,
            ):
                if resp.status != 200:
                    raise await self._galat(resp)
                return await resp.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise _tidak_menjawab(self.url, exc) from exc

    async def status_pengguna_async(self) -> dict:
        try:
            async with (
                self._sesi() as sesi,
                sesi.get(f"{self.url}/api/user/status/{self.nik}") as resp,
            ):
                if resp.status != 200:
                    raise await self._galat(resp)
                return await resp.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            raise _tidak_menjawab(self.url, exc) from exc


def penyedia_dari_setelan(
    *,
    berkas: bytes | None = None,
    sandi: str = "",
    kredensial: str = "",
    pin: str = "",
    nik: str = "",
) -> PenyediaTte:
    """The provider the ``KERSA_TTE_PENYEDIA`` setting selects, with what the signer gave."""
    if settings.KERSA_TTE_PENYEDIA == Penyedia.CSC:
        return Csc(kredensial=kredensial, pin=pin or None)
    if settings.KERSA_TTE_PENYEDIA == Penyedia.BSRE:
        return Bsre(nik=nik, passphrase=sandi)
    return Pkcs12(berkas or b"", sandi)
