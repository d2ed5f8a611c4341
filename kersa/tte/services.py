"""Writes of the electronic signature (issue 16): sign a document's PDF, validate a
signed PDF that arrives, record the signing step from a valid signed version.

Every write runs in one transaction (``atomic_dengan_berkas``): a refusal — wrong
second factor, wrong office, wrong order, a revoked or expired certificate, a provider
that does not answer — leaves no version, no file and no row behind. Network calls (the
signing provider, the TSA, OCSP/CRL) are made before that transaction opens, never
inside it, so no row stays locked while a remote service answers (``tte_tandatangani``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements import rules
from kersa.agreements import services as ag
from kersa.agreements.choices import KedudukanPenandatangan, Status
from kersa.agreements.models import SuratKuasa
from kersa.core.errors import KersaError, Pelanggaran, RuleViolation
from kersa.core.roles import Peran
from kersa.documents.choices import AsalVersi, JenisBerkas, JenisDokumen
from kersa.documents.konversi import KonversiGagal, pdf_dari_docx
from kersa.documents.models import Dokumen, VersiDokumen
from kersa.documents.services.berkas import atomic_dengan_berkas, berkas_unggah
from kersa.documents.services.versi import versi_dari_berkas, versi_tambah
from kersa.regions.models import PerangkatDaerah
from kersa.regions.selectors import kepala_daerah_pada, wilayah_daerah

from . import pdf
from .choices import PeranTte
from .models import KodeVerifikasi, TandaTanganTte, ValidasiTte
from .penyedia import PenyediaGagal, PenyediaTte

__all__ = [
    "kode_verifikasi_untuk",
    "tte_catat_penandatanganan",
    "tte_tandatangani",
    "tte_unggah_bertanda",
    "tte_validasi",
]

# Documents KERSA signs electronically in the stage of the workflow they belong to (P13).
_TAHAP = {
    JenisDokumen.KB: (Status.PENANDATANGANAN_KB, "P20-3"),
    JenisDokumen.PKS: (Status.PENANDATANGANAN_PKS, "P24-1"),
    JenisDokumen.ADDENDUM: (Status.PELAKSANAAN, "P24-1"),
}

# Who signs each document (the office, the rule and its Pasal in words). BUPATI: the
# head of region recorded on the signing date; KUASA: the Bupati or the Kepala Perangkat
# Daerah holding a Surat Kuasa (P24-1…3); KEPALA_PD: the Kepala of the Perangkat Daerah
# of the KSDD (its initiating agency); KETUA: the Ketua TKKSD (the Sekretaris Daerah).
# KEPALA_PD_KS: the Kepala of the agency for cooperation (Pasal 28 ayat 2).
BUPATI, KUASA, KEPALA_PD, KETUA = "bupati", "kuasa", "kepala_pd", "ketua_tkksd"
KEPALA_PD_KS = "kepala_pd_ks"
PENANDA = {
    JenisDokumen.KAK: (KEPALA_PD, "P14-1", "Pasal 14 ayat (1)"),
    JenisDokumen.SURAT_PENAWARAN: (BUPATI, "P16-3", "Pasal 16 ayat (3)"),
    JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA: (BUPATI, "P16-5", "Pasal 16 ayat (5)"),
    JenisDokumen.LAPORAN_GUBERNUR: (BUPATI, "P16-6", "Pasal 16 ayat (6)"),
    JenisDokumen.SURAT_TANGGAPAN: (BUPATI, "P18-1", "Pasal 18 ayat (1)"),
    JenisDokumen.KB: (BUPATI, "P20-3", "Pasal 20 ayat (3)"),
    JenisDokumen.PKS: (KUASA, "P24-1", "Pasal 24 ayat (1)–(3)"),
    JenisDokumen.ADDENDUM: (KUASA, "P24-1", "Pasal 24 ayat (1)–(3), Pasal 25 ayat (4)"),
    JenisDokumen.PERMOHONAN_DPRD: (BUPATI, "P22-1a", "Pasal 22 ayat (1) huruf a"),
    JenisDokumen.SURAT_KUASA: (BUPATI, "P24-2", "Pasal 1 angka 13, Pasal 24 ayat (2)"),
    JenisDokumen.BERITA_ACARA_RENCANA: (BUPATI, "P7-5", "Pasal 7 ayat (5), Pasal 8 ayat (4)"),
    JenisDokumen.LAPORAN_BUPATI: (BUPATI, "P27-2", "Pasal 27 ayat (2)"),
    JenisDokumen.LAPORAN_SEMESTER: (KEPALA_PD, "P27-1", "Pasal 27 ayat (1)"),
    JenisDokumen.BERITA_ACARA_PERSELISIHAN: (KEPALA_PD, "P29-3", "Pasal 29 ayat (3)"),
    JenisDokumen.LAPORAN_PERSELISIHAN: (KEPALA_PD, "P29-4", "Pasal 29 ayat (4)"),
    JenisDokumen.UNDANGAN_RAPAT: (KETUA, "P37-3", "Pasal 36, Pasal 37 ayat (3)"),
    JenisDokumen.BERITA_ACARA_RAPAT: (KETUA, "P39", "Pasal 37 ayat (3), Pasal 39"),
    JenisDokumen.NOTULEN_RAPAT: (KETUA, "P39", "Pasal 37 ayat (3), Pasal 39"),
    JenisDokumen.LAPORAN_TKKSD: (KETUA, "P34-2j", "Pasal 34 ayat (2) huruf j"),
    JenisDokumen.LAPORAN_MONEV: (KEPALA_PD_KS, "P28", "Pasal 28 ayat (2)"),
}
# The stored file's kind of each signed document (the rest: "lampiran lain").
_JENIS_BERKAS = {
    JenisDokumen.KB: JenisBerkas.KB_DITANDATANGANI,
    JenisDokumen.PKS: JenisBerkas.PKS_DITANDATANGANI,
    JenisDokumen.ADDENDUM: JenisBerkas.PKS_DITANDATANGANI,
    JenisDokumen.SURAT_PENAWARAN: JenisBerkas.SURAT_PENAWARAN,
    JenisDokumen.SURAT_TANGGAPAN: JenisBerkas.SURAT_TANGGAPAN,
    JenisDokumen.PERMOHONAN_DPRD: JenisBerkas.PERMOHONAN_DPRD,
    JenisDokumen.SURAT_KUASA: JenisBerkas.SURAT_KUASA,
}
_ALFABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud or typed by hand


def _tolak(rule: str, detail, field: str | None = None) -> RuleViolation:
    return RuleViolation(Pelanggaran(rule, detail, field=field))


def _teknis(exc: KersaError, field: str | None = None) -> RuleViolation:
    return _tolak("TTE", str(exc), field)


def kode_verifikasi_untuk(dokumen: Dokumen) -> KodeVerifikasi:
    """The document's short code (made at its first signature)."""
    kode = KodeVerifikasi.objects.filter(dokumen=dokumen).first()
    while kode is None:
        teks = "".join(secrets.choice(_ALFABET) for _i in range(10))
        if not KodeVerifikasi.objects.filter(kode=teks).exists():
            kode = KodeVerifikasi.objects.create(dokumen=dokumen, kode=teks)
    return kode


def url_verifikasi(kode: str) -> str:
    return settings.KERSA_BASE_URL.rstrip("/") + reverse("tte:verifikasi", args=[kode])


# --- second factor ---------------------------------------------------------------------


def periksa_faktor_kedua(user, kode_otp: str) -> None:
    """A signer uses the second factor at each signing (django-otp TOTP)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    # the authenticator only: backup codes open a login, they do not sign
    perangkat = list(TOTPDevice.objects.filter(user=user, confirmed=True))
    if not perangkat:
        raise _tolak(
            "TTE",
            _(
                "Aktifkan faktor kedua (aplikasi autentikator) pada halaman Faktor kedua "
                "sebelum menandatangani secara elektronik."
            ),
            "kode_otp",
        )
    kode = (kode_otp or "").strip().replace(" ", "")
    if not (kode.isdigit() and any(d.verify_token(kode) for d in perangkat)):
        raise _tolak(
            "TTE",
            _("Kode faktor kedua salah atau sudah kedaluwarsa; tidak ada yang ditandatangani."),
            "kode_otp",
        )


# --- which version is signed, and the signatures in force on it --------------------------


def _versi_terakhir(dokumen: Dokumen) -> VersiDokumen | None:
    return dokumen.versi.select_related("berkas").order_by("-nomor").first()


def tte_berlaku(dokumen: Dokumen) -> list[TandaTanganTte]:
    """The electronic signatures on the document's current text: those of the signed
    versions after the last version KERSA did not sign (a new draft starts over)."""
    rows = list(
        TandaTanganTte.objects.filter(dokumen=dokumen)
        .select_related("versi", "penanda")
        .order_by("versi__nomor")
    )
    bertanda = {t.versi.nomor for t in rows}
    dasar = (
        dokumen.versi.exclude(nomor__in=bertanda)
        .exclude(asal=AsalVersi.DITANDATANGANI, berkas__content_type="application/pdf")
        .order_by("-nomor")
        .values_list("nomor", flat=True)
        .first()
    ) or 0
    return [t for t in rows if t.versi.nomor > dasar]


def _pdf_dasar(versi: VersiDokumen) -> bytes:
    with versi.berkas.file.open("rb") as f:
        data = f.read()
    if versi.berkas.content_type != "application/pdf":
        try:
            data = pdf_dari_docx(data)
        except KonversiGagal as exc:
            raise _teknis(exc) from exc
    try:
        pdf.baca_pdf(data)
    except pdf.PdfTidakSah as exc:
        raise _teknis(exc) from exc
    return data


# --- who may sign (P20-3, P24-1…3) and in which order (P20-4, P24-4) ---------------------


def _peran_paraf() -> list[str]:
    return [p for p in settings.KERSA_TTE_PARAF_PERAN if p in Peran.values]


def _bupati_sah(jenis: str, nama: str, tanggal: dt.date) -> str:
    """The Bupati's office when ``nama`` (the certificate's) is the head of region recorded
    on ``tanggal``; else the refusal (P20-3, P24-1 for a KB/PKS; the letter's rule else)."""
    home = wilayah_daerah()
    kepala = kepala_daerah_pada(home, tanggal)
    if jenis in _TAHAP:
        found = rules.kepala_daerah_sah(
            jenis_kb=jenis == JenisDokumen.KB, nama=nama, kepala=kepala, tanggal=tanggal
        )
        if found:
            raise RuleViolation(found)
        return kepala.jabatan
    _k, rule, pasal = PENANDA[jenis]
    if kepala is None or not rules._nama_sama(nama, kepala.nama):
        raise _tolak(
            rule,
            _(
                "%(dok)s ditandatangani oleh Bupati (%(pasal)s); sertifikat atas nama %(nama)s, "
                "sedangkan kepala daerah yang tercatat pada %(tanggal)s adalah %(kepala)s."
            )
            % {
                "dok": _nama_jenis(jenis),
                "pasal": pasal,
                "nama": nama,
                "tanggal": tanggal.strftime("%d-%m-%Y"),
                "kepala": kepala.nama if kepala else _("(belum tercatat)"),
            },
        )
    return kepala.jabatan


def _nama_jenis(jenis: str) -> str:
    """The document's kind without its Pasal in brackets ("Surat penawaran KSDD")."""
    return str(JenisDokumen(jenis).label).split(" (")[0]


def _pd_penanda(dokumen: Dokumen, user, kantor: str):
    """The Perangkat Daerah whose Kepala signs: the KSDD's agency (KEPALA_PD), or the
    agency for cooperation (KEPALA_PD_KS, Pasal 28 ayat 2)."""
    if kantor == KEPALA_PD_KS:
        return PerangkatDaerah.objects.filter(membidangi_kerja_sama=True, aktif=True).first()
    return dokumen.ksdd.perangkat_daerah if dokumen.ksdd is not None else user.perangkat_daerah


def _wewenang(dokumen: Dokumen, user, peran: str, nama: str, tanggal: dt.date) -> str:
    """The office in which ``user`` holding the certificate of ``nama`` signs, or the
    refusal. The certificate's name is checked against the record, never the form.
    Who signs which document is the ``PENANDA`` table (each row its rule)."""
    ksdd = dokumen.ksdd
    if dokumen.jenis not in PENANDA:
        raise _tolak(
            "TTE",
            _("Dokumen %(dok)s belum dapat ditandatangani secara elektronik di KERSA.")
            % {"dok": dokumen.judul},
        )
    kantor, rule, pasal = PENANDA[dokumen.jenis]
    tahap = _TAHAP.get(dokumen.jenis)
    if tahap is not None and (ksdd is None or ksdd.status != tahap[0]):
        raise _tolak(
            "P13",
            _(
                "%(dok)s ditandatangani pada tahapnya (Pasal 13); KSDD ini sedang pada tahap "
                "%(tahap)s."
            )
            % {
                "dok": JenisDokumen(dokumen.jenis).label,
                "tahap": ksdd.tahap_label if ksdd else "-",
            },
        )
    if peran == PeranTte.PARAF:
        milik = [p for p in _peran_paraf() if user.punya_peran(p)]
        if not milik:
            raise _tolak(
                "P20-4",
                _(
                    "Paraf hierarki dibubuhkan oleh %(peran)s (Pasal 20 ayat 4, Pasal 24 ayat "
                    "4); Anda bukan salah satunya."
                )
                % {"peran": ", ".join(str(Peran(p).label) for p in _peran_paraf()) or "-"},
            )
        if not rules._nama_sama(nama, user.nama_tampil):
            raise _tolak(
                "TTE",
                _("Sertifikat atas nama %(nama)s, bukan atas nama Anda (%(anda)s).")
                % {"nama": nama, "anda": user.nama_tampil},
            )
        return str(Peran(milik[0]).label)
    if kantor in (BUPATI, KUASA) and user.punya_peran(Peran.BUPATI):
        return _bupati_sah(dokumen.jenis, nama, tanggal)
    if kantor == BUPATI:
        if dokumen.jenis == JenisDokumen.KB:
            raise _tolak(
                "P20-3",
                _(
                    "Kesepakatan Bersama ditandatangani oleh Bupati (Pasal 20 ayat 3); %(nama)s "
                    "tidak menandatanganinya atas nama daerah."
                )
                % {"nama": nama},
            )
        raise _tolak(
            rule,
            _("%(dok)s ditandatangani oleh Bupati (%(pasal)s); %(nama)s bukan Bupati.")
            % {"dok": _nama_jenis(dokumen.jenis), "pasal": pasal, "nama": nama},
        )
    if kantor == KETUA:
        if not user.punya_peran(Peran.KETUA_TKKSD) or not rules._nama_sama(nama, user.nama_tampil):
            raise _tolak(
                rule,
                _(
                    "%(dok)s ditandatangani oleh Ketua TKKSD (%(pasal)s); sertifikat %(nama)s "
                    "bukan milik Ketua TKKSD yang masuk."
                )
                % {"dok": _nama_jenis(dokumen.jenis), "pasal": pasal, "nama": nama},
            )
        return str(Peran.KETUA_TKKSD.label)
    if kantor in (KEPALA_PD, KEPALA_PD_KS):
        pd = _pd_penanda(dokumen, user, kantor)
        if (
            pd is None
            or user.perangkat_daerah_id != pd.pk
            or not rules._nama_sama(nama, pd.kepala_nama)
        ):
            raise _tolak(
                rule,
                _(
                    "%(dok)s ditandatangani oleh Kepala Perangkat Daerah %(pd)s (%(pasal)s), "
                    "yang tercatat atas nama %(kepala)s; sertifikat atas nama %(nama)s."
                )
                % {
                    "dok": _nama_jenis(dokumen.jenis),
                    "pd": pd.nama if pd else "-",
                    "pasal": pasal,
                    "kepala": (pd.kepala_nama if pd else "") or _("(belum tercatat)"),
                    "nama": nama,
                },
            )
        return pd.kepala_jabatan or _("Kepala %(pd)s") % {"pd": pd.nama}
    # KUASA, by someone other than the Bupati: the Kepala PD holding a Surat Kuasa.

    home = wilayah_daerah()
    kuasa = list(
        SuratKuasa.objects.select_related("perangkat_daerah")
        .filter(perangkat_daerah_id=user.perangkat_daerah_id, dicabut=False)
        .filter(Q(ksdd=ksdd) | Q(ksdd__isnull=True))
        .order_by("-tanggal")
    )
    if user.perangkat_daerah_id is None or not kuasa:
        raise _tolak(
            "P24-2",
            _(
                "PKS yang tidak ditandatangani Bupati ditandatangani oleh Kepala Perangkat "
                "Daerah yang memegang Surat Kuasa untuk KSDD ini (Pasal 24 ayat 2); tidak ada "
                "Surat Kuasa yang tercatat untuk Anda."
            ),
        )
    masalah = []
    for sk in kuasa:
        found = rules.penandatangan_sah(
            jenis_kb=False,
            penandatangan={
                "kedudukan": KedudukanPenandatangan.PEJABAT_KUASA,
                "wilayah": home,
                "nama": nama,
                "surat_kuasa": sk,
            },
            tanggal=tanggal,
            ksdd=ksdd,
            home=home.kode,
        )
        if not found:
            return sk.penerima_jabatan
        masalah += found
    raise RuleViolation(masalah)


def _nama_diharapkan(dokumen: Dokumen, user, peran: str, tanggal: dt.date) -> str:
    """The name the certificate should carry, for a provider that tells the certificate
    only by signing (BSrE): the office's holder on record. The signed PDF's certificate
    is checked again before anything is kept."""
    kantor = PENANDA.get(dokumen.jenis, (None,))[0]
    if peran == PeranTte.PARAF:
        return user.nama_tampil
    if kantor in (BUPATI, KUASA) and user.punya_peran(Peran.BUPATI):
        kepala = kepala_daerah_pada(wilayah_daerah(), tanggal)
        return kepala.nama if kepala else user.nama_tampil
    if kantor in (KEPALA_PD, KEPALA_PD_KS):
        pd = _pd_penanda(dokumen, user, kantor)
        return (pd.kepala_nama if pd else "") or user.nama_tampil
    if kantor == KUASA:
        sk = (
            SuratKuasa.objects.filter(perangkat_daerah_id=user.perangkat_daerah_id, dicabut=False)
            .filter(Q(ksdd=dokumen.ksdd) | Q(ksdd__isnull=True))
            .order_by("-tanggal")
            .first()
        )
        return sk.penerima_nama if sk else user.nama_tampil
    return user.nama_tampil


def _wajib_paraf(dokumen: Dokumen) -> bool:
    """P20-4, P24-4: paraf hierarki before the head's signature, on what the Bupati (or
    his mandated official) signs; the Ketua's and a Kepala PD's own papers carry none."""
    return PENANDA.get(dokumen.jenis, (None,))[0] in (BUPATI, KUASA)


def _urutan(
    berlaku: list[TandaTanganTte], user, peran: str, jabatan: str, wajib_paraf: bool = True
) -> None:
    """P20-4, P24-4: the paraf hierarki comes before the head's signature, in the order
    the office configured; nobody signs the same text twice."""
    for t in berlaku:
        if t.penanda_id == user.pk:
            raise _tolak(
                "TTE",
                _(
                    "Anda sudah membubuhkan %(peran)s pada dokumen ini (versi %(versi)d, "
                    "%(waktu)s); tidak ada yang ditandatangani lagi."
                )
                % {
                    "peran": t.get_peran_display().lower(),
                    "versi": t.versi.nomor,
                    "waktu": timezone.localtime(t.waktu).strftime("%d-%m-%Y %H:%M"),
                },
            )
    ttd = [t for t in berlaku if t.peran == PeranTte.TANDA_TANGAN]
    sudah = {t.jabatan for t in berlaku if t.peran == PeranTte.PARAF}
    urut = [str(Peran(p).label) for p in _peran_paraf()]
    if peran == PeranTte.PARAF:
        if ttd:
            raise _tolak(
                "P20-4",
                _(
                    "Paraf hierarki dibubuhkan sebelum tanda tangan; dokumen ini sudah "
                    "ditandatangani %(nama)s (Pasal 20 ayat 4, Pasal 24 ayat 4)."
                )
                % {"nama": ttd[0].nama},
            )
        sebelum = urut[: urut.index(jabatan)] if jabatan in urut else []
    else:
        sebelum = urut if wajib_paraf else []
    kurang = [j for j in sebelum if j not in sudah]
    if kurang:
        raise _tolak(
            "P20-4",
            _(
                "Paraf hierarki belum lengkap: %(kurang)s belum membubuhkan paraf; paraf "
                "dibubuhkan berurutan sebelum tanda tangan (Pasal 20 ayat 4, Pasal 24 ayat 4)."
            )
            % {"kurang": ", ".join(kurang)},
        )


# --- signing ---------------------------------------------------------------------------


def _sertifikat(penyedia: PenyediaTte):
    """(certificate, others) before signing, or None (BSrE tells it only by signing)."""
    return pdf.jalankan(penyedia.sertifikat_async())


def _teks_cap(peran: str, jabatan: str) -> str:
    j = jabatan.replace("%", "%%")
    if peran == PeranTte.PARAF:
        return _("Paraf elektronik\n%(signer)s\n") + j + "\n%(ts)s\n" + _("Kode: %(kode)s")
    return (
        _("Ditandatangani secara elektronik oleh\n%(signer)s\n")
        + j
        + "\n%(ts)s\n"
        + _("Verifikasi: kode %(kode)s")
    )


def _kode_baru() -> str:
    while True:
        teks = "".join(secrets.choice(_ALFABET) for _i in range(10))
        if not KodeVerifikasi.objects.filter(kode=teks).exists():
            return teks


def _sudah_dengan_sertifikat(data: bytes, cert, nama: str) -> None:
    sidik = pdf.sidik_jari(cert)
    if any(pdf.sidik_jari(s.signer_cert) == sidik for s in pdf.baca_pdf(data).embedded_signatures):
        raise _tolak(
            "TTE",
            _("PDF ini sudah ditandatangani dengan sertifikat %(nama)s; tidak ditandatangani lagi.")
            % {"nama": nama},
        )


def tte_tandatangani(
    *, dokumen: Dokumen, user, peran: str, penyedia: PenyediaTte, kode_otp: str
) -> TandaTanganTte:
    """Sign the current text of ``dokumen`` (its latest version as PDF) as ``peran``
    (paraf or tanda tangan) with ``penyedia``; the signed PDF becomes the next version.

    Three phases, so that no row lock is held while the provider, the TSA or the OCSP
    responder is called: (1) checks and the PDF to sign, read without locks; (2) the
    network: the signature, its timestamp and the validation of the signed PDF, outside
    any transaction; (3) one short transaction that locks the document, checks again that
    its text is still the one signed and that the signer may still sign it, and stores.

    Refused, with nothing recorded: a wrong or missing second factor; an unreadable
    certificate, a wrong passphrase or a provider that does not answer; a revoked, expired
    or untrusted certificate; someone whose office does not sign this document (``PENANDA``:
    P20-3, P24-1…3, P16-3, P14-1, P39…); paraf after the signature or the signature before
    the paraf (P20-4, P24-4); the same person twice; a PDF that is not PDF/A-compatible;
    a document that changed while it was being signed."""
    if peran not in PeranTte.values:
        raise _tolak("TTE", _("Pilih paraf atau tanda tangan."), "peran")
    periksa_faktor_kedua(user, kode_otp)
    # (1) prepare: no lock, nothing written.
    try:
        dimuka = _sertifikat(penyedia)
    except PenyediaGagal as exc:
        raise _teknis(exc, "sertifikat") from exc
    dok = Dokumen.objects.select_related("ksdd").get(pk=dokumen.pk)
    tanggal = timezone.localdate()
    nama = pdf.nama_sertifikat(dimuka[0]) if dimuka else _nama_diharapkan(dok, user, peran, tanggal)
    jabatan = _wewenang(dok, user, peran, nama, tanggal)
    _urutan(tte_berlaku(dok), user, peran, jabatan, _wajib_paraf(dok))
    terakhir = _versi_terakhir(dok)
    if terakhir is None:
        raise _tolak("P26", _("Dokumen ini belum mempunyai versi untuk ditandatangani."))
    data = _pdf_dasar(terakhir)
    masalah_pdfa = pdf.periksa_pdfa(data)
    if masalah_pdfa:
        raise _tolak(
            "TTE",
            _(
                "PDF versi %(n)d tidak sesuai PDF/A sehingga tidak ditandatangani: %(masalah)s. "
                "Buat ulang PDF dari naskahnya."
            )
            % {"n": terakhir.nomor, "masalah": "; ".join(masalah_pdfa)},
        )
    if dimuka:
        _sudah_dengan_sertifikat(data, dimuka[0], nama)
    ada = len(pdf.baca_pdf(data).embedded_signatures)
    kode_ada = KodeVerifikasi.objects.filter(dokumen=dok).values_list("kode", flat=True).first()
    kode = kode_ada or _kode_baru()
    halaman, kotak = pdf.letak_kotak(
        data,
        cari=[nama, jabatan] + (["PIHAK KESATU"] if peran == PeranTte.TANDA_TANGAN else []),
        peran=peran,
        ke=ada,
    )
    # (2) the network, outside any transaction.
    try:
        hasil = pdf.tanda_tangani(
            data,
            penyedia,
            nama_field=f"TTE-{ada + 1}-{peran}",
            halaman=halaman,
            kotak=kotak,
            teks=_teks_cap(peran, jabatan),
            url=url_verifikasi(kode),
            kode=kode,
        )
        if not dimuka:  # known only now: the same checks as before signing
            pdf.periksa_sertifikat(hasil.sertifikat, hasil.lain)
    except (pdf.SertifikatDitolak, PenyediaGagal, pdf.PdfTidakSah) as exc:
        raise _teknis(exc, "sertifikat") from exc
    except Exception as exc:  # the provider's or the TSA's failure, network included
        raise _tolak(
            "TTE",
            _("Penandatanganan gagal (%(jenis)s: %(pesan)s); tidak ada yang dicatat.")
            % {"jenis": exc.__class__.__name__, "pesan": str(exc)[:200]},
        ) from exc
    cert = hasil.sertifikat
    nama = pdf.nama_sertifikat(cert)
    if not dimuka:
        _sudah_dengan_sertifikat(data, cert, nama)
    periksa = pdf.validasi(hasil.data)
    if not (periksa and all(s["sah"] for s in periksa)):
        masalah = "; ".join(m for s in periksa for m in s["masalah"]) or "-"
        raise _tolak("TTE", _("PDF yang ditandatangani tidak lolos validasi: %s.") % masalah)
    # (3) a short transaction: lock, check again, store.
    with atomic_dengan_berkas():
        dok = (
            Dokumen.objects.select_for_update(of=("self",))
            .select_related("ksdd")
            .get(pk=dokumen.pk)
        )
        sekarang = _versi_terakhir(dok)
        if sekarang is None or sekarang.pk != terakhir.pk:
            raise _tolak(
                "TTE",
                _(
                    "Dokumen berubah selama penandatanganan: versi %(baru)d ditambahkan setelah "
                    "versi %(lama)d yang Anda tandatangani. Tanda tangan tidak disimpan; "
                    "periksa versi terbaru lalu tanda tangani lagi."
                )
                % {"baru": sekarang.nomor if sekarang else 0, "lama": terakhir.nomor},
            )
        jabatan = _wewenang(dok, user, peran, nama, tanggal)
        _urutan(tte_berlaku(dok), user, peran, jabatan, _wajib_paraf(dok))
        kode_row, _baru = KodeVerifikasi.objects.get_or_create(dokumen=dok, defaults={"kode": kode})
        if kode_row.kode != kode:  # another first signature of this document won the race
            raise _tolak(
                "TTE",
                _("Dokumen ini baru saja ditandatangani orang lain; tanda tangani lagi."),
            )
        ksdd = dok.ksdd
        berkas = berkas_unggah(
            ksdd=ksdd,
            jenis=_JENIS_BERKAS.get(dok.jenis, JenisBerkas.LAINNYA),
            upload=SimpleUploadedFile(
                f"{dok.jenis}-{ksdd.nomor_register if ksdd else dok.pk}-tte-{ada + 1}.pdf",
                hasil.data,
                content_type="application/pdf",
            ),
            user=user,
        )
        versi = versi_dari_berkas(
            dokumen=dok,
            berkas=berkas,
            asal=AsalVersi.DITANDATANGANI,
            user=user,
            catatan=_("%(peran)s elektronik %(nama)s (%(jabatan)s).")
            % {"peran": PeranTte(peran).label, "nama": nama, "jabatan": jabatan},
        )
        ValidasiTte.objects.create(
            versi=versi,
            sah=True,
            ringkasan=_ringkasan(periksa),
            tanda_tangan=periksa,
            divalidasi_oleh=user,
        )
        return TandaTanganTte.objects.create(
            dokumen=dok,
            versi=versi,
            peran=peran,
            penanda=user,
            nama=nama,
            jabatan=jabatan,
            subjek=cert.subject.human_friendly,
            penerbit=cert.issuer.human_friendly,
            serial=str(cert.serial_number)[:80],
            sidik_jari=pdf.sidik_jari(cert),
            penyedia=penyedia.kode,
            waktu=dt.datetime.fromisoformat(periksa[-1]["waktu"]),
            bercap_waktu=periksa[-1]["bercap_waktu"],
        )


# --- validation of what arrives ----------------------------------------------------------


def _ringkasan(tanda_tangan: list[dict]) -> str:
    if not tanda_tangan:
        return _("Tidak ada tanda tangan elektronik.")
    sah = [s for s in tanda_tangan if s["sah"]]
    if len(sah) == len(tanda_tangan):
        return _("%(n)d tanda tangan elektronik sah: %(nama)s.") % {
            "n": len(sah),
            "nama": ", ".join(s["nama"] for s in tanda_tangan),
        }
    return _("%(n)d dari %(total)d tanda tangan tidak sah: %(masalah)s.") % {
        "n": len(tanda_tangan) - len(sah),
        "total": len(tanda_tangan),
        "masalah": "; ".join(
            f"{s['nama']}: {', '.join(s['masalah'])}" for s in tanda_tangan if not s["sah"]
        ),
    }


def tte_validasi(*, versi: VersiDokumen, user=None) -> ValidasiTte:
    """Validate the signatures of a PDF version against the configured trust roots and
    keep the result with the version (a new row each time it is checked)."""
    with versi.berkas.file.open("rb") as f:
        data = f.read()
    try:
        hasil = pdf.validasi(data)
    except pdf.PdfTidakSah as exc:
        raise _teknis(exc, "berkas") from exc
    return ValidasiTte.objects.create(
        versi=versi,
        sah=bool(hasil) and all(s["sah"] for s in hasil),
        ringkasan=_ringkasan(hasil),
        tanda_tangan=hasil,
        divalidasi_oleh=user,
    )


def tte_unggah_bertanda(*, dokumen: Dokumen, upload, user, catatan: str = "") -> ValidasiTte:
    """A signed PDF that arrives (the KB signed by the partner's head) becomes the next
    version of ``dokumen``, validated at once; the result is kept and shown, valid or not.
    A PDF without any electronic signature is refused (the scan of a wet signature is an
    ordinary version upload)."""
    data = upload.read()
    try:
        tanda = pdf.validasi(data)
    except pdf.PdfTidakSah as exc:
        raise _teknis(exc, "berkas") from exc
    if not tanda:
        raise _tolak(
            "TTE",
            _(
                "PDF ini tidak memuat tanda tangan elektronik; pindaian naskah bertanda tangan "
                "basah diunggah sebagai versi biasa."
            ),
            "berkas",
        )
    with atomic_dengan_berkas():
        versi = versi_tambah(
            dokumen=dokumen,
            asal=AsalVersi.DITANDATANGANI,
            user=user,
            data=data,
            nama=getattr(upload, "name", "") or "bertanda.pdf",
            catatan=catatan or _("PDF bertanda tangan elektronik yang diterima."),
        )
        return ValidasiTte.objects.create(
            versi=versi,
            sah=all(s["sah"] for s in tanda),
            ringkasan=_ringkasan(tanda),
            tanda_tangan=tanda,
            divalidasi_oleh=user,
        )


def validasi_terakhir(versi: VersiDokumen) -> ValidasiTte | None:
    return versi.validasi_tte.order_by("-divalidasi_pada", "-id").first()


def versi_dapat_dicatat(dokumen: Dokumen) -> list[VersiDokumen]:
    """The signed versions of a KB/PKS whose latest validation holds (newest first): those
    the signing step can be recorded from."""
    rows = (
        VersiDokumen.objects.filter(dokumen=dokumen, asal=AsalVersi.DITANDATANGANI)
        .filter(validasi_tte__isnull=False)
        .distinct()
        .order_by("-nomor")
    )
    return [v for v in rows if (val := validasi_terakhir(v)) is not None and val.sah]


def _penandatangan_dari_tte(dok: Dokumen, val: ValidasiTte, tanggal: dt.date, nomor: dict, rule):
    """The signers of the step, one row per party, taken from the signatures themselves:
    each party's signature is the one made with its head's certificate (P20-3, P24-1), or
    for the home region of a PKS the certificate of the Kepala PD holding a Surat Kuasa
    (P24-2). A party whose signature is missing refuses the step, naming who did sign."""

    ksdd = dok.ksdd
    kb = dok.jenis == JenisDokumen.KB
    home = wilayah_daerah()
    nama_ttd = [s["nama"] for s in val.tanda_tangan]
    paraf = set(
        TandaTanganTte.objects.filter(dokumen=dok, peran=PeranTte.PARAF).values_list(
            "sidik_jari", flat=True
        )
    )
    ttd = [s for s in val.tanda_tangan if s["sidik_jari"] not in paraf]

    dipakai: set[str] = set()

    def cari(nama):
        s = next(
            (
                s
                for s in ttd
                if s["sidik_jari"] not in dipakai and rules._nama_sama(s["nama"], nama)
            ),
            None,
        )
        if s is not None:
            dipakai.add(s["sidik_jari"])
        return s

    rows = []
    for w in [home, *ksdd.mitra.order_by("kode")]:
        kepala = kepala_daerah_pada(w, tanggal)
        baris = {"wilayah": w.kode, "nomor_naskah": (nomor or {}).get(w.kode, "")}
        if kepala is not None and cari(kepala.nama):
            rows.append(
                baris
                | {
                    "nama": kepala.nama,
                    "jabatan": kepala.jabatan,
                    "kedudukan": KedudukanPenandatangan.KEPALA_DAERAH,
                }
            )
            continue
        if kepala is None and w.pk != home.pk:
            # A partner whose head KERSA has not recorded: its signature is the next one
            # on the file not yet taken (its name is the certificate's).
            s = next((s for s in ttd if s["sidik_jari"] not in dipakai), None)
            if s is not None:
                dipakai.add(s["sidik_jari"])
                rows.append(
                    baris
                    | {
                        "nama": s["nama"],
                        "jabatan": f"{w.sebutan_kepala} {w.nama}",
                        "kedudukan": KedudukanPenandatangan.KEPALA_DAERAH,
                    }
                )
                continue
        if not kb and w.pk == home.pk:
            sk = next(
                (
                    sk
                    for sk in SuratKuasa.objects.filter(ksdd=ksdd, dicabut=False).order_by(
                        "-tanggal"
                    )
                    if cari(sk.penerima_nama)
                ),
                None,
            )
            if sk is not None:
                rows.append(
                    baris
                    | {
                        "nama": sk.penerima_nama,
                        "jabatan": sk.penerima_jabatan,
                        "kedudukan": KedudukanPenandatangan.PEJABAT_KUASA,
                        "surat_kuasa": sk.pk,
                    }
                )
                continue
        raise _tolak(
            rule,
            _(
                "%(dok)s belum ditandatangani oleh %(siapa)s (%(pasal)s): tanda tangan pada "
                "berkas ini atas nama %(nama)s. Langkah penandatanganan tidak dicatat."
            )
            % {
                "dok": _nama_jenis(dok.jenis),
                "siapa": f"{kepala.jabatan} {kepala.nama}"
                if kepala
                else _("kepala daerah %(w)s") % {"w": w.nama_lengkap},
                "pasal": "Pasal 20 ayat (3)" if kb else "Pasal 24 ayat (1)–(3)",
                "nama": ", ".join(nama_ttd) or "-",
            },
            "versi",
        )
    return rows


def _urutan_pada_berkas(dok: Dokumen, val: ValidasiTte, rule: str) -> None:
    """P20-4, P24-4: on the signed file, every paraf hierarki the office uses comes before
    the first signature (the signatures' order in the file is the order they were made)."""
    if not _wajib_paraf(dok):
        return
    catatan = {
        t.sidik_jari: t for t in TandaTanganTte.objects.filter(dokumen=dok, peran=PeranTte.PARAF)
    }
    urut = [str(Peran(p).label) for p in _peran_paraf()]
    sudah = []
    for s in val.tanda_tangan:
        t = catatan.get(s["sidik_jari"])
        if t is not None:
            sudah.append(t.jabatan)
        elif s["nama"]:
            break  # the first signature that is not a paraf
    kurang = [j for j in urut if j not in sudah]
    if kurang:
        raise _tolak(
            "P20-4" if dok.jenis == JenisDokumen.KB else "P24-4",
            _(
                "Pada berkas ini paraf hierarki %(kurang)s tidak dibubuhkan sebelum tanda "
                "tangan (Pasal 20 ayat 4, Pasal 24 ayat 4); langkah penandatanganan tidak "
                "dicatat."
            )
            % {"kurang": ", ".join(kurang)},
            "versi",
        )


def tte_catat_penandatanganan(
    *,
    versi: VersiDokumen,
    user,
    tempat: str,
    penandatangan=None,
    nomor_naskah: dict | None = None,
    alasan_perbedaan: str = "",
    versi_ksdd: int | None = None,
):
    """Record the KB or PKS signing step (P20-3, P24-1) from a signed PDF version whose
    signatures validate: the date is the latest signature's (its timestamp where there is
    one), the signed PDF the step's file, and the signers the certificates' holders, one
    per party (``nomor_naskah``: each party's own number of the text, by region code), or
    ``penandatangan`` as the ordinary step takes them.

    Refused, with nothing recorded: a version whose signatures do not validate; fewer
    signatures than parties; a party's head (or, for our PKS, the official under a Surat
    Kuasa) who did not sign it (P20-3, P24-1…3); paraf hierarki not before the signature
    on the file (P20-4, P24-4); and whatever the step itself refuses."""

    dok = versi.dokumen
    if dok.jenis not in (JenisDokumen.KB, JenisDokumen.PKS):
        raise _tolak(
            "TTE",
            _("Langkah penandatanganan dicatat dari naskah KB atau PKS, bukan dari %(dok)s.")
            % {"dok": _nama_jenis(dok.jenis)},
            "versi",
        )
    rule = "P20-3" if dok.jenis == JenisDokumen.KB else "P24-1"
    val = validasi_terakhir(versi)
    if val is None or not val.sah:
        raise _tolak(
            rule,
            _(
                "Tanda tangan elektronik pada versi %(n)d tidak sah (%(ringkasan)s); langkah "
                "penandatanganan tidak dapat dicatat dari berkas ini."
            )
            % {"n": versi.nomor, "ringkasan": val.ringkasan if val else _("belum divalidasi")},
            "versi",
        )
    pihak = 1 + dok.ksdd.mitra.count()
    if len(val.tanda_tangan) < pihak:
        raise _tolak(
            rule,
            _(
                "Versi %(n)d baru memuat %(ada)d tanda tangan elektronik; setiap pihak (%(pihak)d) "
                "menandatangani naskah."
            )
            % {"n": versi.nomor, "ada": len(val.tanda_tangan), "pihak": pihak},
            "versi",
        )
    waktu = max(dt.datetime.fromisoformat(s["waktu"]) for s in val.tanda_tangan if s["waktu"])
    tanggal = timezone.localtime(waktu).date()
    _urutan_pada_berkas(dok, val, rule)
    if penandatangan is None:
        penandatangan = _penandatangan_dari_tte(dok, val, tanggal, nomor_naskah, rule)
    with versi.berkas.file.open("rb") as f:
        data = f.read()
    naskah = SimpleUploadedFile(
        f"{dok.jenis}-ttd-elektronik.pdf", data, content_type="application/pdf"
    )
    kwargs = {
        "ksdd": dok.ksdd,
        "user": user,
        "tanggal": tanggal,
        "tempat": tempat,
        "penandatangan": penandatangan,
        "naskah": naskah,
        "versi": versi_ksdd,
    }
    if dok.jenis == JenisDokumen.KB:
        return ag.ksdd_tandatangani_kb(**kwargs)
    return ag.ksdd_tandatangani_pks(**kwargs, alasan_perbedaan=alasan_perbedaan)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
