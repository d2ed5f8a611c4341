"""The TTE pages: signing from the KSDD page, the panel showing signatures and
validation, the second-factor enrolment, and the public verification page (no login)."""

import hashlib
import re

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.services.versi import dokumen_naskah
from kersa.tte.choices import PeranTte
from kersa.tte.models import KodeVerifikasi, TandaTanganTte

from .conftest import hari_ttd_kb, otp

pytestmark = pytest.mark.django_db


def _masuk(client, user):
    """Log in by the form, finishing with the second factor (the user has one)."""
    client.logout()
    r = client.post(reverse("login"), {"username": user.username, "password": "rahasia-uji-123"})
    assert r.status_code == 302
    r = client.get(reverse("agreements:daftar"))
    assert r.status_code == 302 and reverse("tte:masuk_otp") in r["Location"]
    r = client.post(reverse("tte:masuk_otp"), {"kode_otp": otp(user)})
    assert r.status_code == 302


def _post_ttd(client, dok, user, pki, label, peran):
    _masuk(client, user)
    return client.post(
        reverse("tte:tandatangani", args=[dok.pk]),
        {
            "peran": peran,
            "kode_otp": otp(user),
            "sandi": "sandi-p12",
            "sertifikat": SimpleUploadedFile(f"{label}.p12", pki.p12(label)),
        },
        follow=True,
    )


def test_p20_3_tte_lewat_halaman_ksdd_dan_verifikasi_publik(client, faktor_kedua, tte_setelan, pki):
    """P20-3, P20-4 through the web: paraf, then the Bupati signs on the KSDD page; the
    panel shows the signatures and the validation; the public page (no login) shows
    title, number, signers and SAH, and tells a matching file from another one, without
    the KSDD's budget or KAK."""
    p = faktor_kedua
    ksdd = ke_status(ksdd_baru(p), Status.PENANDATANGANAN_KB, p)
    kb = dokumen_naskah(ksdd=ksdd, jenis="kb", user=p.sekretariat)
    with time_machine.travel(hari_ttd_kb(), tick=True):
        r = _post_ttd(client, kb, p.bupati, pki, "bupati", PeranTte.TANDA_TANGAN)
        assert "Paraf hierarki belum lengkap" in r.content.decode()
        assert not TandaTanganTte.objects.exists()
        _post_ttd(client, kb, p.sekretariat, pki, "kabag", PeranTte.PARAF)
        _post_ttd(client, kb, p.ketua, pki, "ketua", PeranTte.PARAF)
        r = _post_ttd(client, kb, p.bupati, pki, "bupati", PeranTte.TANDA_TANGAN)
    html = r.content.decode()
    assert r.status_code == 200
    assert "Tanda tangan elektronik Eddy Raya Samsuri disimpan" in html
    assert 'id="judul-tte"' in html
    assert re.search(r"Tanda tangan: Eddy Raya Samsuri \(Bupati Barito Selatan\)", html)
    ttd = TandaTanganTte.objects.get(peran=PeranTte.TANDA_TANGAN)
    assert f"Versi {ttd.versi.nomor}:" in html and "SAH" in html
    kode = KodeVerifikasi.objects.get(dokumen=kb).kode
    with ttd.versi.berkas.file.open("rb") as f:
        data = f.read()
    client.logout()
    url = reverse("tte:verifikasi", args=[kode])
    r = client.get(url)
    html = r.content.decode()
    assert r.status_code == 200
    assert kb.judul in html
    assert "3 tanda tangan elektronik sah" in html
    assert "Eddy Raya Samsuri" in html and "Edy Purwanto" in html and "Nur Aisyah" in html
    assert "450.000.000" not in html and "DPA/" not in html  # nothing of the record beyond
    r = client.post(url, {"berkas": SimpleUploadedFile("kb.pdf", data)})
    assert f"Berkas cocok dengan versi {ttd.versi.nomor}" in r.content.decode()
    r = client.post(url, {"sha256": hashlib.sha256(data + b" ").hexdigest()})
    assert "Berkas TIDAK cocok" in r.content.decode()
    assert client.get(reverse("tte:verifikasi", args=["TIDAKADA"])).status_code == 404


def test_tte_faktor_kedua_diaktifkan_dengan_kode(client, pemeran):
    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(pemeran.bupati)
    r = client.get(reverse("tte:faktor_kedua"))
    assert "Pindai kode QR" in r.content.decode()
    d = TOTPDevice.objects.get(user=pemeran.bupati, confirmed=False)
    with time_machine.travel(hari_ttd_kb(), tick=False) as waktu:
        r = client.post(reverse("tte:faktor_kedua"), {"kode_otp": "000000"})
        assert "Kode salah" in r.content.decode()
        assert not TOTPDevice.objects.get(user=pemeran.bupati).confirmed
        waktu.shift(30)  # past django-otp's throttle after a wrong code
        token = TOTP(d.bin_key, d.step, d.t0, d.digits, d.drift).token()
        r = client.post(reverse("tte:faktor_kedua"), {"kode_otp": f"{token:06d}"}, follow=True)
    assert "Faktor kedua aktif" in r.content.decode()
    assert TOTPDevice.objects.get(user=pemeran.bupati).confirmed


def test_tte_masuk_dengan_faktor_kedua_bagi_yang_mendaftarkannya(client, pemeran):
    """A user with an enrolled second factor finishes the login with its code before any
    page; a wrong code keeps him out; an operator (no signing, no approval) is not asked."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=pemeran.bupati, name="autentikator", confirmed=True)
    client.post(reverse("login"), {"username": "bupati", "password": "rahasia-uji-123"})
    halaman = reverse("agreements:daftar")
    r = client.get(halaman)
    assert r.status_code == 302
    assert r["Location"] == f"{reverse('tte:masuk_otp')}?next={halaman}"
    with time_machine.travel(timezone.now(), tick=False) as waktu:
        r = client.post(f"{reverse('tte:masuk_otp')}?next={halaman}", {"kode_otp": "000000"})
        assert "Kode salah" in r.content.decode()
        assert client.get(halaman).status_code == 302
        waktu.shift(30)  # past django-otp's throttle after the wrong code
        r = client.post(
            f"{reverse('tte:masuk_otp')}?next={halaman}", {"kode_otp": otp(pemeran.bupati)}
        )
        assert r.status_code == 302 and r["Location"] == halaman
        assert client.get(halaman).status_code == 200
    client.logout()
    client.post(reverse("login"), {"username": "operator.dinkes", "password": "rahasia-uji-123"})
    assert client.get(halaman).status_code == 200
