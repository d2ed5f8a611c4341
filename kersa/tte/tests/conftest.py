"""The throw-away PKI (certomancer) served on 127.0.0.1 for the whole test session, the
trust-root and TSA settings pointing at it, and second-factor devices for the cast."""

import datetime as dt

import pytest

from .pki import PkiUji


@pytest.fixture(scope="session")
def pki(tmp_path_factory):
    p = PkiUji(tmp_path_factory.mktemp("pki")).mulai()
    yield p
    p.berhenti()


@pytest.fixture
def tte_setelan(settings, pki):
    settings.KERSA_TTE_AKAR_TEPERCAYA = [str(pki.root_pem)]
    settings.KERSA_TTE_TSA_URL = pki.tsa_url
    settings.KERSA_TTE_PENYEDIA = "pkcs12"
    settings.KERSA_TTE_PARAF_PERAN = ["sekretariat_tkksd", "ketua_tkksd"]
    return settings


def otp(user) -> str:
    """A valid TOTP code of ``user``'s device, one not used yet (the next time step when
    this one was just used, within the device's tolerance)."""
    import time

    from django_otp.oath import TOTP
    from django_otp.plugins.otp_totp.models import TOTPDevice

    d = TOTPDevice.objects.get(user=user)
    totp = TOTP(d.bin_key, d.step, d.t0, d.digits, d.drift)
    totp.time = time.time()
    t = totp.t()
    if d.last_t >= t:
        totp.time += (d.last_t + 1 - t) * d.step
    return f"{totp.token():0{d.digits}d}"


def kode_otp_uji(user) -> str:
    """A fresh TOTP code of ``user``, enrolling a confirmed authenticator first if he has
    none: for tests that ask ``POST /api/v1/token/`` for a user who must use a second
    factor (issue 19 item 5)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not TOTPDevice.objects.filter(user=user).exists():
        TOTPDevice.objects.create(user=user, name="autentikator", confirmed=True)
    return otp(user)


@pytest.fixture
def faktor_kedua(pemeran):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for u in (pemeran.bupati, pemeran.sekretariat, pemeran.ketua, pemeran.operator, pemeran.admin):
        TOTPDevice.objects.create(user=u, name="autentikator", confirmed=True)
    return pemeran


def hari_ttd_kb():
    """10:00 WIB on the day the scenario's KB komparisi names (P11): the signing must
    carry that date."""
    from django.utils import timezone

    from kersa.demo.skenario import tanggal_ttd_kb

    return timezone.make_aware(dt.datetime.combine(tanggal_ttd_kb(), dt.time(10, 0)))
