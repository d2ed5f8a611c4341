"""Signing a KB electronically (issue 16) with a real PKI on 127.0.0.1: who may sign
(P20-3, P24-2), in which order (P20-4), with which certificate; nothing recorded on refusal."""

import io

import pytest
import time_machine
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers

from kersa.agreements.choices import Status
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import _penandatangan, ke_status, ksdd_baru
from kersa.documents.services.versi import dokumen_naskah
from kersa.tte import services
from kersa.tte.choices import PeranTte
from kersa.tte.models import TandaTanganTte, ValidasiTte
from kersa.tte.penyedia import Csc, Pkcs12

from .conftest import hari_ttd_kb, otp

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture
def kb(faktor_kedua, tte_setelan):
    p = faktor_kedua
    ksdd = ke_status(ksdd_baru(p), Status.PENANDATANGANAN_KB, p)
    return dokumen_naskah(ksdd=ksdd, jenis="kb", user=p.sekretariat)


def _ttd(dok, user, pki, label, peran=PeranTte.TANDA_TANGAN, sandi="sandi-p12"):
    return services.tte_tandatangani(
        dokumen=dok,
        user=user,
        peran=peran,
        penyedia=Pkcs12(pki.p12(label), sandi),
        kode_otp=otp(user),
    )


def _paraf(dok, p, pki):
    _ttd(dok, p.sekretariat, pki, "kabag", PeranTte.PARAF)
    _ttd(dok, p.ketua, pki, "ketua", PeranTte.PARAF)


def _mitra_menandatangani(data: bytes, pki) -> bytes:
    """The partner's head signs the PDF KERSA sent, in the partner's own system."""
    signer = signers.SimpleSigner.load_pkcs12_data(
        pki.p12("bupati-mitra"), other_certs=[], passphrase=b"sandi-p12"
    )
    w = IncrementalPdfFileWriter(io.BytesIO(data))
    meta = signers.PdfSignatureMetadata(field_name="TTE-Mitra")
    return signers.sign_pdf(w, meta, signer=signer).getvalue()


def _baca(versi) -> bytes:
    with versi.berkas.file.open("rb") as f:
        return f.read()


def test_p20_3_kb_ditandatangani_kedua_kepala_daerah_sah_dan_langkah_dicatat(kb, pki):
    """P20-3, P20-4: paraf hierarki, the Bupati's TTE, the partner head's signature on the
    PDF that comes back: all validate; the KB signing step is recorded from it, dated by
    the signature."""
    p = pemeran = None  # noqa: F841
    from kersa.demo.skenario import pemeran_buat

    p = pemeran_buat()
    with time_machine.travel(hari_ttd_kb(), tick=True):
        _paraf(kb, p, pki)
        ttd = _ttd(kb, p.bupati, pki, "bupati")
        assert ttd.nama == "Eddy Raya Samsuri"
        assert ttd.jabatan == "Bupati Barito Selatan"
        assert ttd.bercap_waktu
        data = _baca(ttd.versi)
        kembali = _mitra_menandatangani(data, pki)
        from django.core.files.uploadedfile import SimpleUploadedFile

        val = services.tte_unggah_bertanda(
            dokumen=kb,
            upload=SimpleUploadedFile("kb-mitra.pdf", kembali, content_type="application/pdf"),
            user=p.sekretariat,
        )
        assert val.sah, val.ringkasan
        assert [s["nama"] for s in val.tanda_tangan] == [
            "Nur Aisyah",
            "Edy Purwanto",
            "Eddy Raya Samsuri",
            "Kepala Daerah Barito Timur",
        ]
        assert all(s["utuh"] and s["tepercaya"] and not s["diubah"] for s in val.tanda_tangan)
        ksdd = services.tte_catat_penandatanganan(
            versi=val.versi,
            user=p.sekretariat,
            tempat="Buntok",
            penandatangan=_penandatangan(kb.ksdd, p, pks=False),
        )
    ksdd.refresh_from_db()
    assert ksdd.status in (Status.PENYUSUNAN_PKS, Status.PERMOHONAN_DPRD)
    naskah = ksdd.naskah.get(jenis="kb")
    assert naskah.tanggal_ditandatangani == hari_ttd_kb().date()
    assert naskah.berkas_ditandatangani.sha256 == val.versi.berkas.sha256


def _tidak_ada_yang_dicatat(kb, versi_sebelum: int):
    assert kb.versi.count() == versi_sebelum
    assert (
        not TandaTanganTte.objects.filter(dokumen=kb)
        .exclude(versi__nomor__lte=versi_sebelum)
        .exists()
    )


def _tolak(fn, *args, **kwargs) -> RuleViolation:
    with pytest.raises(RuleViolation) as e:
        fn(*args, **kwargs)
    return e.value


def test_tte_pdf_diubah_setelah_ditandatangani_dilaporkan_dan_tidak_dapat_dicatat(kb, pki):
    """A PDF changed after signing (content added in a later revision, or bytes edited)
    is reported as altered; it cannot be used to record the KB signing (P20-3)."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from pyhanko import stamp

    from kersa.demo.skenario import pemeran_buat

    p = pemeran_buat()
    with time_machine.travel(hari_ttd_kb(), tick=True):
        _paraf(kb, p, pki)
        ttd = _ttd(kb, p.bupati, pki, "bupati")
        data = _baca(ttd.versi)
        w = IncrementalPdfFileWriter(io.BytesIO(data))
        stamp.TextStamp(w, stamp.TextStampStyle(stamp_text="Pasal 2 diubah")).apply(0, 100, 600)
        out = io.BytesIO()
        w.write(out)
        val = services.tte_unggah_bertanda(
            dokumen=kb,
            upload=SimpleUploadedFile(
                "kb-ubah.pdf", out.getvalue(), content_type="application/pdf"
            ),
            user=p.sekretariat,
        )
        assert not val.sah
        assert all(s["diubah"] for s in val.tanda_tangan)
        assert "berkas diubah setelah ditandatangani" in val.ringkasan
        e = _tolak(
            services.tte_catat_penandatanganan,
            versi=val.versi,
            user=p.sekretariat,
            tempat="Buntok",
            penandatangan=_penandatangan(kb.ksdd, p, pks=False),
        )
        assert e.rule == "P20-3"
        assert "tidak dapat dicatat" in e.detail
        # bytes edited inside the signed range: the signature itself is broken
        i = data.index(b"/Contents", 200) - 300
        rusak = data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :]
        val2 = services.tte_unggah_bertanda(
            dokumen=kb,
            upload=SimpleUploadedFile("kb-rusak.pdf", rusak, content_type="application/pdf"),
            user=p.sekretariat,
        )
    assert not val2.sah
    assert not any(s["sah"] for s in val2.tanda_tangan)
    assert ValidasiTte.objects.filter(versi__dokumen=kb, sah=False).count() == 2


@pytest.mark.parametrize(
    ("label", "pesan"),
    [("dicabut", "telah dicabut"), ("kedaluwarsa", "sudah kedaluwarsa sejak 01-01-2024")],
)
def test_tte_sertifikat_dicabut_atau_kedaluwarsa_ditolak(kb, pki, label, pesan):
    from kersa.demo.skenario import pemeran_buat

    p = pemeran_buat()
    with time_machine.travel(hari_ttd_kb(), tick=True):
        _paraf(kb, p, pki)
        n = kb.versi.count()
        e = _tolak(_ttd, kb, p.bupati, pki, label)
    assert e.rule == "TTE"
    assert pesan in e.detail
    _tidak_ada_yang_dicatat(kb, n)


def test_p20_3_kepala_dinas_tidak_menandatangani_kb(kb, pki):
    """P20-3: the KB is signed by the Bupati; a Kepala Dinas's certificate is refused,
    whoever holds it, and so is the Bupati's account with another person's certificate."""
    from kersa.demo.skenario import pemeran_buat

    p = pemeran_buat()
    with time_machine.travel(hari_ttd_kb(), tick=True):
        _paraf(kb, p, pki)
        n = kb.versi.count()
        e = _tolak(_ttd, kb, p.operator, pki, "kadis")
        assert e.rule == "P20-3"
        assert "ditandatangani oleh Bupati" in e.detail
        e = _tolak(_ttd, kb, p.bupati, pki, "kadis")
        assert e.rule == "P20-3"
        assert "Rahmat Hidayat bukan kepala daerah yang tercatat" in e.detail
    _tidak_ada_yang_dicatat(kb, n)


def test_p24_2_pks_tanpa_surat_kuasa_ditolak(faktor_kedua, tte_setelan, pki):
    """P24-2: a PKS not signed by the Bupati needs the signer's Surat Kuasa; with a valid
    one for this KSDD, the Kepala Dinas signs."""
    p = faktor_kedua
    ksdd = ke_status(ksdd_baru(p), Status.PENANDATANGANAN_PKS, p)
    pks = dokumen_naskah(ksdd=ksdd, jenis="pks", user=p.sekretariat)
    _paraf(pks, p, pki)
    n = pks.versi.count()
    e = _tolak(_ttd, pks, p.operator, pki, "kadis")
    assert e.rule == "P24-2"
    assert "tidak ada Surat Kuasa yang tercatat untuk Anda" in e.detail
    _tidak_ada_yang_dicatat(pks, n)
    # with the Bupati's Surat Kuasa to the Kepala Dinas for this KSDD, he signs (P24-2)
    import datetime as dt

    from django.utils import timezone

    from kersa.agreements import services as ag

    hari = timezone.localdate()
    pd = p.operator.perangkat_daerah
    pd.kepala_nama = "Rahmat Hidayat"  # the Kepala recorded for the agency, his certificate's name
    pd.save(update_fields=["kepala_nama"])
    ag.surat_kuasa_create(
        user=p.sekretariat,
        nomor="100.3.4/07/Pem/2026",
        tanggal=hari - dt.timedelta(days=10),
        pemberi="Bupati Barito Selatan",
        penerima_nama="Rahmat Hidayat",
        penerima_jabatan="Kepala Dinas Kesehatan",
        perangkat_daerah=p.operator.perangkat_daerah,
        ksdd=ksdd,
        lingkup="Menandatangani PKS pelayanan kesehatan rujukan.",
        berlaku_sampai=hari + dt.timedelta(days=30),
        tanggal_tembusan=hari - dt.timedelta(days=9),
    )
    ttd = _ttd(pks, p.operator, pki, "kadis")
    assert (ttd.nama, ttd.jabatan) == ("Rahmat Hidayat", "Kepala Dinas Kesehatan")
    assert services.validasi_terakhir(ttd.versi).sah


def test_p20_4_paraf_hierarki_sebelum_tanda_tangan_berurutan(kb, pki):
    """P20-4: the head does not sign before the paraf hierarki; the Ketua does not
    initial before the secretariat; nobody initials after the signature; nobody twice."""
    from kersa.demo.skenario import pemeran_buat

    p = pemeran_buat()
    with time_machine.travel(hari_ttd_kb(), tick=True):
        e = _tolak(_ttd, kb, p.bupati, pki, "bupati")
        assert e.rule == "P20-4"
        assert "Sekretariat TKKSD, Ketua TKKSD belum membubuhkan paraf" in e.detail
        e = _tolak(_ttd, kb, p.ketua, pki, "ketua", PeranTte.PARAF)
        assert e.rule == "P20-4"
        assert "Sekretariat TKKSD belum membubuhkan paraf" in e.detail
        _ttd(kb, p.sekretariat, pki, "kabag", PeranTte.PARAF)
        e = _tolak(_ttd, kb, p.sekretariat, pki, "kabag", PeranTte.PARAF)
        assert "Anda sudah membubuhkan paraf pada dokumen ini" in e.detail
        _ttd(kb, p.ketua, pki, "ketua", PeranTte.PARAF)
        _ttd(kb, p.bupati, pki, "bupati")
        e = _tolak(_ttd, kb, p.bupati, pki, "bupati")
        assert "Anda sudah membubuhkan tanda tangan" in e.detail
    assert [t.peran for t in services.tte_berlaku(kb)] == ["paraf", "paraf", "tanda_tangan"]


def test_tte_masukan_buruk_pesan_jelas_tanpa_catatan(kb, pki):
    """An unreadable certificate, a wrong passphrase, a wrong second factor, a provider
    that does not answer: a clear message, nothing recorded."""
    from kersa.demo.skenario import pemeran_buat
    from kersa.tte.tests.pki import _port_bebas

    p = pemeran_buat()
    n = kb.versi.count()
    mati = f"http://127.0.0.1:{_port_bebas()}"
    kasus = [
        (Pkcs12(b"bukan sertifikat", "x"), None, "Berkas sertifikat tidak dapat dibaca"),
        (Pkcs12(pki.p12("kabag"), "salah"), None, "Kata sandi sertifikat salah"),
        (Pkcs12(pki.p12("kabag"), "sandi-p12"), "000000", "Kode faktor kedua salah"),
        (Csc(url=mati, kredensial=pki.credential_id("kabag")), None, "tidak menjawab"),
    ]
    with time_machine.travel(hari_ttd_kb(), tick=False) as waktu:
        for penyedia, kode, pesan in kasus:
            waktu.shift(60)  # a fresh second-factor code for each try
            e = _tolak(
                services.tte_tandatangani,
                dokumen=kb,
                user=p.sekretariat,
                peran=PeranTte.PARAF,
                penyedia=penyedia,
                kode_otp=kode or otp(p.sekretariat),
            )
            assert e.rule == "TTE"
            assert pesan in e.detail
    _tidak_ada_yang_dicatat(kb, n)


def test_tte_tanpa_faktor_kedua_ditolak(kb, pki):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from kersa.demo.skenario import pemeran_buat

    p = pemeran_buat()
    TOTPDevice.objects.filter(user=p.sekretariat).delete()
    e = _tolak(
        services.tte_tandatangani,
        dokumen=kb,
        user=p.sekretariat,
        peran=PeranTte.PARAF,
        penyedia=Pkcs12(pki.p12("kabag"), "sandi-p12"),
        kode_otp="123456",
    )
    assert "Aktifkan faktor kedua" in e.detail


def test_tte_csc_menandatangani_melalui_server_csc_sungguhan(kb, pki, settings):
    """The Bupati signs through the CSC API (certomancer-csc-dummy on 127.0.0.1): the
    signature validates against the trust root and carries the TSA's timestamp."""
    from kersa.demo.skenario import pemeran_buat

    settings.KERSA_TTE_PENYEDIA = "csc"
    settings.KERSA_TTE_CSC_URL = pki.csc_url
    p = pemeran_buat()
    with time_machine.travel(hari_ttd_kb(), tick=True):
        _paraf(kb, p, pki)
        ttd = services.tte_tandatangani(
            dokumen=kb,
            user=p.bupati,
            peran=PeranTte.TANDA_TANGAN,
            penyedia=Csc(kredensial=pki.credential_id("bupati")),
            kode_otp=otp(p.bupati),
        )
    assert ttd.penyedia == "csc"
    assert ttd.nama == "Eddy Raya Samsuri"
    val = services.validasi_terakhir(ttd.versi)
    assert val.sah
    assert val.tanda_tangan[-1]["bercap_waktu"]
