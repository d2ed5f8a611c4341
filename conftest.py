"""Fixtures shared by every test: reference data loaded once, the cast of users."""

import pytest
from django.core.management import call_command

# The test kit: query counting and the fixtures several apps share (waktu, berjalan, ...).
pytest_plugins = ["kersa.core.testing"]


def _muat_acuan():
    from kersa.regions.models import Wilayah

    if not Wilayah.objects.exists():
        call_command("muat_data_acuan", "--dengan-perangkat-daerah", verbosity=0)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        _muat_acuan()


@pytest.fixture
def acuan(db):
    """Reference data (regions, borders, urusan, bentuk, tujuan, roles). Reloaded after a
    transactional test has flushed the database."""
    _muat_acuan()


@pytest.fixture
def pemeran(acuan):
    from kersa.demo.skenario import pemeran_buat

    return pemeran_buat(password="rahasia-uji-123")


@pytest.fixture
def ksdd(pemeran):
    """A Kerja Sama Wajib with Barito Timur, complete KAK, in penyusunan KAK."""
    from kersa.demo.skenario import ksdd_baru

    return ksdd_baru(pemeran)


@pytest.fixture(autouse=True)
def _media_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _bahasa_indonesia():
    """Each test starts in Bahasa Indonesia: a test that switched to English (the English
    pages) must not leave the next test's refusals in English."""
    from django.utils import translation

    translation.activate("id")
    yield
    translation.activate("id")


@pytest.fixture(autouse=True)
def _force_login_tanpa_pendaftaran_otp(monkeypatch):
    """``client.force_login`` skips the password; it skips the second factor of the
    login too (issue 19 item 5: administrators and signers must enrol and give one), so
    the many page tests of those roles reach their page. The second factor at login is
    proven through the real login form (``kersa/accounts/tests/test_faktor_kedua_wajib.py``,
    ``kersa/tte/tests/test_views.py`` and the browser tests, which log in by the form);
    the code asked at each signing is not skipped."""
    from django.test import Client

    from kersa.tte.middleware import BEBAS, SESI

    asli = Client.force_login

    def force_login(self, user, backend=None):
        asli(self, user, backend)
        sesi = self.session
        sesi[SESI] = BEBAS
        sesi.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _throttle_bersih():
    """API throttling counts in the cache: each test starts with fresh counts (on SQLite
    a rolled-back user's id comes back in the next test)."""
    from django.core.cache import cache

    cache.clear()


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` need PostgreSQL's row locks: on SQLite they are skipped
    with a stated reason (make test runs the suite again on PostgreSQL)."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(
        reason="memerlukan PostgreSQL; make test menjalankannya pada putaran PostgreSQL"
    )
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def data_acuan_kosong(db):
    """An empty reference database inside this test's transaction, for tests of the
    loaders themselves (the session loads reference data once for everyone else)."""
    from kersa.agreements.models import Bentuk, Tujuan, Urusan
    from kersa.regions.models import PerangkatDaerah, Perbatasan, Wilayah

    Perbatasan.objects.all().delete()
    Wilayah.objects.exclude(provinsi=None).delete()
    Wilayah.objects.all().delete()
    for model in (Urusan, Bentuk, Tujuan, PerangkatDaerah):
        model.objects.all().delete()
