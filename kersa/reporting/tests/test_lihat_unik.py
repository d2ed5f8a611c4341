"""One run of the Bupati's report per semester, whatever the number of parallel clicks
(P27-2; issue 19: three runs and three numbered letters for one semester). The service
refuses a second run; the database holds the line past it (constraint
``proses_laporan_satu_berjalan``), and each run's letter is its own."""

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import IntegrityError, connection, transaction
from django.test import override_settings

from kersa.core.errors import RuleViolation
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.reporting import services
from kersa.reporting.choices import StatusProses
from kersa.reporting.models import ProsesLaporan

WIB = ZoneInfo("Asia/Jakarta")
# A backend that only queues: the report waits "antre" as it would for the worker.
ANTRE = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def waktu():
    with time_machine.travel(dt.datetime(2026, 7, 6, 9, 0, tzinfo=WIB), tick=False) as t:
        yield t


@pytest.mark.django_db
def test_p27_2_database_allows_one_waiting_or_running_run_per_semester(waktu, pemeran):
    ProsesLaporan.objects.create(tahun=2026, semester=1, status=StatusProses.BERJALAN)
    for status in (StatusProses.ANTRE, StatusProses.BERJALAN):
        with pytest.raises(IntegrityError), transaction.atomic():
            ProsesLaporan.objects.create(tahun=2026, semester=1, status=status)
    # Finished and failed runs stay as history; another semester is its own.
    ProsesLaporan.objects.create(tahun=2026, semester=1, status=StatusProses.SELESAI)
    ProsesLaporan.objects.create(tahun=2026, semester=1, status=StatusProses.GAGAL)
    ProsesLaporan.objects.create(tahun=2025, semester=2, status=StatusProses.ANTRE)
    assert ProsesLaporan.objects.count() == 4


@pytest.mark.django_db
def test_p27_2_two_runs_never_share_one_numbered_letter(waktu, pemeran):
    from kersa.documents.choices import JenisDokumen
    from kersa.documents.services import dokumen_rekaman

    penomoran_muat_default()
    d = dokumen_rekaman(
        jenis=JenisDokumen.LAPORAN_BUPATI,
        judul="Laporan Bupati kepada Gubernur semester 2026-1",
        user=pemeran.sekretariat,
        tanggal=dt.date(2026, 7, 6),
    )
    ProsesLaporan.objects.create(tahun=2026, semester=1, status=StatusProses.SELESAI, dokumen=d)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProsesLaporan.objects.create(tahun=2026, semester=1, status=StatusProses.SELESAI, dokumen=d)


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: parallel writers (SQLite serialises whole-database writes)",
)
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=ANTRE)
def test_p27_2_ten_parallel_clicks_start_exactly_one_run(waktu, pemeran):
    n = 10
    barrier = threading.Barrier(n, timeout=30)
    hasil: list = [None] * n

    def jalan(i):
        try:
            barrier.wait()
            hasil[i] = services.proses_laporan_bupati_mulai(
                tahun=2026, semester=1, user=pemeran.sekretariat
            ).pk
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            hasil[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=jalan, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    menang = [h for h in hasil if isinstance(h, int)]
    kalah = [h for h in hasil if not isinstance(h, int)]
    assert len(menang) == 1, hasil
    assert all(isinstance(h, RuleViolation) and h.rule == "P27-2" for h in kalah), kalah
    assert all("sedang disusun" in h.detail for h in kalah)
    assert ProsesLaporan.objects.filter(tahun=2026, semester=1).count() == 1
