"""Writes of the electronic signature (issue 16): sign a document's PDF, validate a
signed PDF that arrives, record the signing step from a valid signed version.

Every write runs in one transaction (``atomic_dengan_berkas``): a refusal — wrong
second factor, wrong office, wrong order, a revoked or expired certificate, a provider
that does not answer — leaves no version, no file and no row behind.
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
from kersa.agreements.choices import KedudukanPenandatangan, Status
from kersa.core.errors import KersaError, Pelanggaran, RuleViolation
from kersa.core.roles import Peran
from kersa.documents.choices import AsalVersi, JenisBerkas, JenisDokumen
from kersa.documents.konversi import KonversiGagal, pdf_dari_docx
from kersa.documents.models import Dokumen, VersiDokumen
from kersa.documents.services.berkas import atomic_dengan_berkas, berkas_unggah
from kersa.documents.services.versi import versi_dari_berkas, versi_tambah
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

# Documents KERSA signs electronically, the stage each is signed in and its rule.
_TAHAP = {
    JenisDokumen.KB: (Status.PENANDATANGANAN_KB, "P20-3"),
    JenisDokumen.PKS: (Status.PENANDATANGANAN_PKS, "P24-1"),
    JenisDokumen.ADDENDUM: (Status.PELAKSANAAN, "P24-1"),
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


def _wewenang(dokumen: Dokumen, user, peran: str, nama: str, tanggal: dt.date) -> str:
    """The office in which ``user`` holding the certificate of ``nama`` signs, or the
    refusal. The certificate's name is checked against the record, never the form."""
    ksdd = dokumen.ksdd
    tahap = _TAHAP.get(dokumen.jenis)
    if tahap is None or ksdd is None:
        raise _tolak(
            "TTE",
            _("Dokumen %(dok)s belum dapat ditandatangani secara elektronik di KERSA.")
            % {"dok": dokumen.judul},
        )
    status, rule = tahap
    if ksdd.status != status:
        raise _tolak(
            "P13",
            _(
                "%(dok)s ditandatangani pada tahapnya (Pasal 13); KSDD ini sedang pada tahap "
                "%(tahap)s."
            )
            % {"dok": JenisDokumen(dokumen.jenis).label, "tahap": ksdd.tahap_label},
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
    home = wilayah_daerah()
    kb = dokumen.jenis == JenisDokumen.KB
    if user.punya_peran(Peran.BUPATI):
        kepala = kepala_daerah_pada(home, tanggal)
        found = rules.kepala_daerah_sah(jenis_kb=kb, nama=nama, kepala=kepala, tanggal=tanggal)
        if found:
            raise RuleViolation(found)
        return kepala.jabatan
    if kb:
        raise _tolak(
            "P20-3",
            _(
                "Kesepakatan Bersama ditandatangani oleh Bupati (Pasal 20 ayat 3); %(nama)s "
                "tidak menandatanganinya atas nama daerah."
            )
            % {"nama": nama},
        )
    from kersa.agreements.models import SuratKuasa

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


def _urutan(berlaku: list[TandaTanganTte], user, peran: str, jabatan: str) -> None:
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
        sebelum = urut
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
    async def ambil():
        async with penyedia.penanda() as p:
            return p.signing_cert, list(p.cert_registry)

    return pdf.jalankan(ambil())


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


def tte_tandatangani(
    *, dokumen: Dokumen, user, peran: str, penyedia: PenyediaTte, kode_otp: str
) -> TandaTanganTte:
    """Sign the current text of ``dokumen`` (its latest version as PDF) as ``peran``
    (paraf or tanda tangan) with ``penyedia``; the signed PDF becomes the next version.

    Refused, with nothing recorded: a wrong or missing second factor; an unreadable
    certificate, a wrong passphrase or a provider that does not answer; a revoked, expired
    or untrusted certificate; someone whose office does not sign this document (P20-3,
    P24-1…3); paraf after the signature or the signature before the paraf (P20-4, P24-4);
    the same person twice; a PDF that cannot carry a signature (encrypted)."""
    if peran not in PeranTte.values:
        raise _tolak("TTE", _("Pilih paraf atau tanda tangan."), "peran")
    periksa_faktor_kedua(user, kode_otp)
    try:
        cert, lain = _sertifikat(penyedia)
    except PenyediaGagal as exc:
        raise _teknis(exc, "sertifikat") from exc
    nama = pdf.nama_sertifikat(cert)
    with atomic_dengan_berkas():
        dok = (
            Dokumen.objects.select_for_update(of=("self",))
            .select_related("ksdd")
            .get(pk=dokumen.pk)
        )
        tanggal = timezone.localdate()
        jabatan = _wewenang(dok, user, peran, nama, tanggal)
        berlaku = tte_berlaku(dok)
        _urutan(berlaku, user, peran, jabatan)
        terakhir = _versi_terakhir(dok)
        if terakhir is None:
            raise _tolak("P26", _("Dokumen ini belum mempunyai versi untuk ditandatangani."))
        data = _pdf_dasar(terakhir)
        sidik = pdf.sidik_jari(cert)
        ada = pdf.baca_pdf(data).embedded_signatures
        if any(pdf.sidik_jari(s.signer_cert) == sidik for s in ada):
            raise _tolak(
                "TTE",
                _(
                    "PDF ini sudah ditandatangani dengan sertifikat %(nama)s; tidak ditandatangani lagi."
                )
                % {"nama": nama},
            )
        kode = kode_verifikasi_untuk(dok)
        url = url_verifikasi(kode.kode)
        halaman, kotak = pdf.letak_kotak(
            data,
            cari=[nama, jabatan] + (["PIHAK KESATU"] if peran == PeranTte.TANDA_TANGAN else []),
            peran=peran,
            ke=len(ada),
        )
        try:
            hasil = pdf.tanda_tangani(
                data,
                penyedia,
                nama_field=f"TTE-{len(ada) + 1}-{peran}",
                halaman=halaman,
                kotak=kotak,
                teks=_teks_cap(peran, jabatan),
                url=url,
                kode=kode.kode,
            )
        except (pdf.SertifikatDitolak, PenyediaGagal, pdf.PdfTidakSah) as exc:
            raise _teknis(exc, "sertifikat") from exc
        except Exception as exc:  # the provider's or the TSA's failure, network included
            raise _tolak(
                "TTE",
                _("Penandatanganan gagal (%(jenis)s: %(pesan)s); tidak ada yang dicatat.")
                % {"jenis": exc.__class__.__name__, "pesan": str(exc)[:200]},
            ) from exc
        periksa = pdf.validasi(hasil.data)
        if not (periksa and all(s["sah"] for s in periksa)):
            masalah = "; ".join(m for s in periksa for m in s["masalah"]) or "-"
            raise _tolak("TTE", _("PDF yang ditandatangani tidak lolos validasi: %s.") % masalah)
        ksdd = dok.ksdd
        berkas = berkas_unggah(
            ksdd=ksdd,
            jenis=JenisBerkas.KB_DITANDATANGANI
            if dok.jenis == JenisDokumen.KB
            else JenisBerkas.PKS_DITANDATANGANI,
            upload=SimpleUploadedFile(
                f"{dok.jenis}-{ksdd.nomor_register}-tte-{len(ada) + 1}.pdf",
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
            sidik_jari=sidik,
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


def tte_catat_penandatanganan(
    *, versi: VersiDokumen, user, tempat: str, penandatangan, versi_ksdd: int | None = None
):
    """Record the KB or PKS signing step (P20-3, P24-1) from a signed PDF version whose
    signatures validate: the date is the latest signature's (its timestamp where there is
    one). A version that does not validate cannot be used."""
    from kersa.agreements import services as ag

    dok = versi.dokumen
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
    with versi.berkas.file.open("rb") as f:
        data = f.read()
    naskah = SimpleUploadedFile(
        f"{dok.jenis}-ttd-elektronik.pdf", data, content_type="application/pdf"
    )
    fungsi = ag.ksdd_tandatangani_kb if dok.jenis == JenisDokumen.KB else ag.ksdd_tandatangani_pks
    return fungsi(
        ksdd=dok.ksdd,
        user=user,
        tanggal=tanggal,
        tempat=tempat,
        penandatangan=penandatangan,
        naskah=naskah,
        versi=versi_ksdd,
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
