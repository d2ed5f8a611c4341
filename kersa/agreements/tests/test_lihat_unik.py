"""The register number (``KSDD/2026/0004``) comes from the year's counter row, locked
while it is taken (issue 19; the parallel run is in test_concurrency.py, PostgreSQL)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kersa.agreements.models import Ksdd, NomorRegisterTahun
from kersa.demo.skenario import ksdd_baru

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


def test_numbers_follow_the_counter_and_restart_each_year(pemeran):
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=WIB), tick=False):
        a = ksdd_baru(pemeran, judul="Pelayanan Kesehatan Rujukan Perbatasan")
        b = ksdd_baru(pemeran, judul="Pengelolaan Sampah Regional")
    assert (a.nomor_register, b.nomor_register) == ("KSDD/2026/0001", "KSDD/2026/0002")
    assert NomorRegisterTahun.objects.get(tahun=2026).terakhir == 2
    with time_machine.travel(dt.datetime(2027, 1, 4, 9, 0, tzinfo=WIB), tick=False):
        c = ksdd_baru(pemeran, judul="Angkutan Sungai Barito", rencana_mulai=dt.date(2028, 1, 1))
    assert c.nomor_register == "KSDD/2027/0001"


def test_counter_starts_after_numbers_given_before_it_and_skips_a_taken_one(pemeran):
    """Records from before the counter (KSDD/2026/0007) and a number taken outside it
    (0009, an import) are never given again."""
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0, tzinfo=WIB), tick=False):
        a = ksdd_baru(pemeran, judul="Pelayanan Kesehatan Rujukan Perbatasan")
        Ksdd.objects.filter(pk=a.pk).update(nomor_register="KSDD/2026/0007")
        NomorRegisterTahun.objects.all().delete()  # as before the counter existed
        b = ksdd_baru(pemeran, judul="Pengelolaan Sampah Regional")
        assert b.nomor_register == "KSDD/2026/0008"
        Ksdd.objects.filter(pk=b.pk).update(nomor_register="KSDD/2026/0009")
        NomorRegisterTahun.objects.filter(tahun=2026).update(terakhir=8)
        c = ksdd_baru(pemeran, judul="Angkutan Sungai Barito")
    assert c.nomor_register == "KSDD/2026/0010"
    assert NomorRegisterTahun.objects.get(tahun=2026).terakhir == 10
