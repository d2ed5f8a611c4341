"""Signing through the BSrE esign-client API shape (issue 16) against a real HTTP server
on 127.0.0.1 that speaks it (``bsre.LayananBsre``, signing with the certomancer keys):
the PDF goes to the service with the NIK, passphrase, page, box and QR link; the signed
PDF that comes back is checked (who signed it, P20-3) before anything is kept."""

import pytest
import time_machine

from kersa.agreements.choices import Status
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.services.versi import dokumen_naskah
from kersa.tte import pdf, services
from kersa.tte.choices import PeranTte
from kersa.tte.penyedia import Bsre

from .bsre import PENGGUNA, SANDI, LayananBsre
from .conftest import hari_ttd_kb, otp

pytestmark = pytest.mark.django_db

NIK = {
    "6204010101700001": "bupati",
    "6204010101700002": "kabag",
    "6204010101700003": "ketua",
    "6204010101700004": "kadis",
}
NIK_LABEL = {v: k for k, v in NIK.items()}


@pytest.fixture
def bsre(pki):
    layanan = LayananBsre(pki, NIK).mulai()
    yield layanan
    layanan.berhenti()


@pytest.fixture
def kb(faktor_kedua, tte_setelan, bsre, settings):
    settings.KERSA_TTE_PENYEDIA = "bsre"
    settings.KERSA_TTE_BSRE_URL = bsre.url
    settings.KERSA_TTE_BSRE_PENGGUNA = PENGGUNA
    settings.KERSA_TTE_BSRE_SANDI = SANDI
    p = faktor_kedua
    ksdd = ke_status(ksdd_baru(p), Status.PENANDATANGANAN_KB, p)
    return dokumen_naskah(ksdd=ksdd, jenis="kb", user=p.sekretariat)


def _ttd(dok, user, label, peran=PeranTte.TANDA_TANGAN, passphrase="sandi-p12", **kw):
    return services.tte_tandatangani(
        dokumen=dok,
        user=user,
        peran=peran,
        penyedia=Bsre(nik=NIK_LABEL[label], passphrase=passphrase, **kw),
        kode_otp=otp(user),
    )


def _tolak(fn, *args, **kwargs) -> RuleViolation:
    with pytest.raises(RuleViolation) as e:
        fn(*args, **kwargs)
    return e.value


def test_p20_3_tte_bsre_menandatangani_kb_melalui_layanan_bsre(kb, faktor_kedua, bsre):
    """P20-3, P20-4 through BSrE: paraf then the Bupati's signature, each a request to
    /api/sign/pdf with the NIK, a visible box on the page and the QR link to the
    verification page; the signed PDF validates against our trust root and the service's
    /api/sign/verify reports the three signatures."""
    p = faktor_kedua
    with time_machine.travel(hari_ttd_kb(), tick=True):
        _ttd(kb, p.sekretariat, "kabag", PeranTte.PARAF)
        _ttd(kb, p.ketua, "ketua", PeranTte.PARAF)
        ttd = _ttd(kb, p.bupati, "bupati")
    assert (ttd.nama, ttd.jabatan, ttd.penyedia) == (
        "Eddy Raya Samsuri",
        "Bupati Barito Selatan",
        "bsre",
    )
    assert ttd.bercap_waktu
    assert services.validasi_terakhir(ttd.versi).sah
    kode = kb.kode_verifikasi.kode
    terakhir = bsre.permintaan[-1]
    assert terakhir["nik"] == NIK_LABEL["bupati"]
    assert terakhir["tampilan"] == "visible"
    assert terakhir["linkQR"].endswith(f"/verifikasi/{kode}/")
    assert int(terakhir["page"]) >= 1 and int(terakhir["width"]) == 190
    with ttd.versi.berkas.file.open("rb") as f:
        data = f.read()
    hasil = pdf.jalankan(Bsre(nik=NIK_LABEL["bupati"], passphrase="").verifikasi_async(data))
    assert hasil["jumlah_signature"] == 3
    assert hasil["details"][-1]["info_signer"]["signer_name"] == "Eddy Raya Samsuri"
    assert hasil["summary"] == "VALID"


def test_p20_3_tte_bsre_penolakan_tanpa_catatan(kb, faktor_kedua, bsre):
    """Bad input through BSrE, each refused in Bahasa Indonesia with nothing recorded:
    a wrong passphrase (the service's own message), KERSA's application account refused
    (HTTP 401), a service that does not answer, and the Bupati's login signing with the
    Kepala Dinas's NIK: the certificate that comes back is not the Bupati's (P20-3)."""
    p = faktor_kedua
    with time_machine.travel(hari_ttd_kb(), tick=True):
        _ttd(kb, p.sekretariat, "kabag", PeranTte.PARAF)
        _ttd(kb, p.ketua, "ketua", PeranTte.PARAF)
        n = kb.versi.count()
        e = _tolak(_ttd, kb, p.bupati, "bupati", passphrase="salah")
        assert "Passphrase anda salah" in e.detail and "HTTP 400" in e.detail
        e = _tolak(_ttd, kb, p.bupati, "bupati", sandi_api="bukan-sandinya")
        assert "HTTP 401" in e.detail and "KERSA_TTE_BSRE_PENGGUNA" in e.detail
        e = _tolak(_ttd, kb, p.bupati, "bupati", url="http://127.0.0.1:9")
        assert "tidak menjawab" in e.detail
        e = _tolak(_ttd, kb, p.bupati, "kadis")
        assert e.rule == "P20-3"
        assert "Rahmat Hidayat bukan kepala daerah yang tercatat" in e.detail
    assert kb.versi.count() == n
    assert kb.tte.filter(peran=PeranTte.TANDA_TANGAN).count() == 0
