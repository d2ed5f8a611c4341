"""Issue 19 item 5 (ASVS 2.2): administrators and whoever signs or approves (the Bupati,
the Ketua TKKSD who is the Sekda, the DPRD, the TKKSD secretariat that records the
approvals, a Kepala Perangkat Daerah holding a Surat Kuasa) log in with a second factor.
Without one they are sent to enrol it before any page; the API gives them no token
without its code; backup codes are the recovery path. All through the real login form
(``/akun/login/``) and the real token endpoint."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from kersa.accounts.faktor_kedua import kode_cadangan_buat, wajib_faktor_kedua
from kersa.tte.tests.conftest import otp

pytestmark = pytest.mark.django_db

SANDI = "rahasia-uji-123"


def _masuk(client, user):
    r = client.post(reverse("login"), {"username": user.username, "password": SANDI})
    assert r.status_code == 302, r.content.decode()[:500]


def _kode(d: TOTPDevice) -> str:
    return f"{TOTP(d.bin_key, d.step, d.t0, d.digits, d.drift).token():06d}"


@pytest.mark.parametrize(
    "peran,wajib",
    [
        ("bupati", True),
        ("ketua", True),
        ("dprd", True),
        ("sekretariat", True),
        ("admin", True),
        ("operator", False),
        ("anggota", False),
        ("publik", False),
    ],
)
def test_i19_5_siapa_wajib_faktor_kedua(pemeran, peran, wajib):
    assert wajib_faktor_kedua(getattr(pemeran, peran)) is wajib


def test_i19_5_kepala_pd_pemegang_surat_kuasa_wajib_faktor_kedua(pemeran):
    """P24-2: the Kepala Perangkat Daerah named in a live Surat Kuasa signs PKS: he needs
    the second factor; once it is revoked he no longer does."""
    from kersa.agreements.models import SuratKuasa

    kepala = pemeran.operator  # Siti Aminah of Dinas Kesehatan, named in the mandate
    assert not wajib_faktor_kedua(kepala)
    sk = SuratKuasa.objects.create(
        nomor="180/12/SK/2026",
        tanggal=dt.date(2026, 1, 5),
        pemberi="Eddy Raya Samsuri",
        penerima_nama="Siti  Aminah",
        penerima_jabatan="Kepala Dinas Kesehatan",
        perangkat_daerah=kepala.perangkat_daerah,
        lingkup="Menandatangani PKS bidang kesehatan",
    )
    assert wajib_faktor_kedua(kepala)
    sk.dicabut = True
    sk.save()
    assert not wajib_faktor_kedua(kepala)


def test_i19_5_penyetuju_tanpa_perangkat_diarahkan_mendaftar_sebelum_halaman_apa_pun(
    client, pemeran
):
    bupati = pemeran.bupati
    _masuk(client, bupati)
    for halaman in ("/ksdd/", "/", "/tenggat/", "/admin/", "/akun/token/"):
        r = client.get(halaman)
        assert r.status_code == 302, halaman
        assert r["Location"] == f"{reverse('tte:faktor_kedua')}?next={halaman}"
    r = client.get(f"{reverse('tte:faktor_kedua')}?next=/ksdd/")
    html = r.content.decode()
    assert r.status_code == 200 and 'id="otp-wajib"' in html
    assert "Pindai kode QR" in html and 'id="kunci-otp"' in html
    d = TOTPDevice.objects.get(user=bupati, confirmed=False)
    with time_machine.travel(timezone.now(), tick=False) as waktu:
        r = client.post(f"{reverse('tte:faktor_kedua')}?next=/ksdd/", {"kode_otp": "000000"})
        assert "Kode salah atau sudah kedaluwarsa" in r.content.decode()
        assert client.get("/ksdd/").status_code == 302
        waktu.shift(30)  # past django-otp's throttle after the wrong code
        r = client.post(f"{reverse('tte:faktor_kedua')}?next=/ksdd/", {"kode_otp": _kode(d)})
        html = r.content.decode()
        assert r.status_code == 200 and 'id="kode-cadangan"' in html
        assert html.count("<li><code>") == 10
        assert 'href="/ksdd/"' in html
        assert client.get("/ksdd/").status_code == 200
    d.refresh_from_db()
    assert d.confirmed


def test_i19_5_yang_tidak_wajib_tidak_ditanya(client, pemeran):
    _masuk(client, pemeran.operator)
    assert client.get("/ksdd/").status_code == 200


def test_i19_5_yang_terdaftar_memasukkan_kode_dan_kode_cadangan_memulihkan(client, pemeran):
    """With the authenticator enrolled the login ends with its code; a backup code opens
    the login once (the phone lost), then the user enrols a new authenticator."""
    ketua = pemeran.ketua
    TOTPDevice.objects.create(user=ketua, name="autentikator", confirmed=True)
    kode = kode_cadangan_buat(ketua)
    _masuk(client, ketua)
    r = client.get("/tenggat/")
    assert r["Location"] == f"{reverse('tte:masuk_otp')}?next=/tenggat/"
    r = client.post(f"{reverse('tte:masuk_otp')}?next=/tenggat/", {"kode_otp": kode[0]})
    assert r.status_code == 302 and r["Location"] == "/tenggat/"
    assert client.get("/tenggat/").status_code == 200
    # a used backup code does not work a second time
    client.logout()
    _masuk(client, ketua)
    with time_machine.travel(timezone.now(), tick=False) as waktu:
        r = client.post(f"{reverse('tte:masuk_otp')}?next=/tenggat/", {"kode_otp": kode[0]})
        assert "Kode salah" in r.content.decode()
        waktu.shift(30)
        r = client.post(f"{reverse('tte:masuk_otp')}?next=/tenggat/", {"kode_otp": otp(ketua)})
        assert r["Location"] == "/tenggat/"
    # a new phone: a verified user replaces the authenticator; the old one works until
    # the new one is confirmed
    lama = TOTPDevice.objects.get(user=ketua, confirmed=True)
    r = client.post(reverse("tte:faktor_kedua"), {"ganti": "1"})
    assert r.status_code == 302
    assert "Pindai kode QR" in client.get(reverse("tte:faktor_kedua")).content.decode()
    baru = TOTPDevice.objects.get(user=ketua, confirmed=False)
    r = client.post(reverse("tte:faktor_kedua"), {"kode_otp": _kode(baru)})
    assert 'id="kode-cadangan"' in r.content.decode()
    assert list(TOTPDevice.objects.filter(user=ketua).values_list("pk", "confirmed")) == [
        (baru.pk, True)
    ]
    assert not TOTPDevice.objects.filter(pk=lama.pk).exists()


def test_i19_5_kata_sandi_saja_tidak_dapat_mendaftarkan_autentikator_baru(client, pemeran):
    """With backup codes left (the authenticator removed by an administrator), the
    password alone does not reach the enrolment: a backup code comes first."""
    bupati = pemeran.bupati
    kode = kode_cadangan_buat(bupati)
    _masuk(client, bupati)
    r = client.get(reverse("tte:faktor_kedua"))
    assert r.status_code == 302 and r["Location"].startswith(reverse("tte:masuk_otp"))
    assert not TOTPDevice.objects.filter(user=bupati).exists()
    r = client.post(f"{reverse('tte:masuk_otp')}?next=/ksdd/", {"kode_otp": kode[3]})
    assert r["Location"] == f"{reverse('tte:faktor_kedua')}?next=/ksdd/"
    assert "Pindai kode QR" in client.get(r["Location"]).content.decode()


def test_i19_5_token_api_penyetuju_hanya_dengan_faktor_kedua(client, pemeran):
    url = "/api/v1/token/"
    dprd = pemeran.dprd
    r = client.post(url, {"username": dprd.username, "password": SANDI})
    assert r.status_code == 400
    assert "wajib memakai faktor kedua" in r.json()["kode_otp"][0]
    TOTPDevice.objects.create(user=dprd, name="autentikator", confirmed=True)
    with time_machine.travel(timezone.now(), tick=False) as waktu:
        r = client.post(url, {"username": dprd.username, "password": SANDI})
        assert r.status_code == 400
        assert r.json()["kode_otp"] == ["Kode faktor kedua salah atau sudah kedaluwarsa."]
        waktu.shift(30)
        r = client.post(url, {"username": dprd.username, "password": SANDI, "kode_otp": otp(dprd)})
    assert r.status_code == 200 and r.json()["token"]
    token = r.json()["token"]
    assert client.get("/api/v1/ksdd/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200
    # who need not use one gets a token with the password alone
    r = client.post(url, {"username": pemeran.operator.username, "password": SANDI})
    assert r.status_code == 200


def test_i19_5_sesi_web_belum_lengkap_ditolak_api_dalam_json(client, pemeran):
    _masuk(client, pemeran.sekretariat)
    r = client.get("/api/v1/ksdd/")
    assert r.status_code == 403
    assert "faktor kedua" in r.json()["detail"]
