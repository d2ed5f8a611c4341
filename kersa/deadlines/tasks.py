"""The daily clock scan as a django-tasks task that queues the next one (STACK.md: "a
daily clock scan re-queues itself with run_after"), crash-safe (issue 19).

``pindai_tenggat`` first queues tomorrow's scan (00:05 Asia/Jakarta), *then* runs the
full scan (``pekerja.pindai_harian``: clocks and reminders). Queuing first means a
worker killed in the middle of the scan (``kill -9``, OOM, a power cut) cannot break
the chain: tomorrow's scan is already in the queue, and the interrupted one is given
back to the queue by the next worker (``kersa.core.pekerja``, stalled-task recovery)
and finishes; the scan is idempotent, so finishing it twice acts once.

Queuing is once per date: a ``JadwalPindai`` row (unique ``tanggal``) is inserted in
the same transaction as the queue row, so the scan re-run after a crash, two workers
at once, the worker's periodic check (``pindai_pastikan_terjadwal``) and
``manage.py pindai_tenggat --antrekan`` never queue a date twice.

Two documented ways to schedule it (docs/deployment.md, "Clock scan"): owned by the
worker (``manage.py jalankan_pekerja`` checks every minute that today's and
tomorrow's scans are queued), or ``manage.py pindai_tenggat`` from cron or a systemd
timer (the same full scan, in that process).
"""

from __future__ import annotations

import datetime as dt
import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from .models import JadwalPindai
from .pekerja import pindai_harian

logger = logging.getLogger(__name__)

JAM_PINDAI = dt.time(0, 5)


def _zona() -> ZoneInfo:
    return ZoneInfo(getattr(settings, "TIME_ZONE", None) or "Asia/Jakarta")


def waktu_pindai_berikut(sekarang: dt.datetime | None = None) -> dt.datetime:
    """00:05 (Asia/Jakarta) of the day after ``sekarang``."""
    sekarang = (sekarang or timezone.now()).astimezone(_zona())
    besok = sekarang.date() + dt.timedelta(days=1)
    return dt.datetime.combine(besok, JAM_PINDAI, tzinfo=_zona())


def _antrekan_sekali(tanggal: dt.date, run_after: dt.datetime | None):
    """Queue the scan of ``tanggal`` unless it was queued already (JadwalPindai is
    unique per date; the row and the queue row commit together or not at all)."""
    if JadwalPindai.objects.filter(tanggal=tanggal).exists():
        return None
    try:
        with transaction.atomic():
            jadwal = JadwalPindai.objects.create(tanggal=tanggal)
            tugas = pindai_tenggat.using(run_after=run_after) if run_after else pindai_tenggat
            hasil = tugas.enqueue()
            jadwal.tugas_id = str(hasil.id)[:64]
            jadwal.save(update_fields=["tugas_id"])
    except IntegrityError:  # another worker queued this date at the same instant
        return None
    return hasil


def pindai_jadwalkan_berikut(*, sekarang: dt.datetime | None = None):
    """Queue tomorrow's 00:05 scan, once per date. Returns the queued result, or None
    (already queued, or a backend that cannot defer, e.g. the tests' immediate one)."""
    if not pindai_tenggat.get_backend().supports_defer:
        return None
    kapan = waktu_pindai_berikut(sekarang)
    return _antrekan_sekali(kapan.date(), kapan)


def pindai_antrekan_sekarang():
    """Queue today's scan to run now (``make run``, ``pindai_tenggat --antrekan``)
    unless today's scan was queued already."""
    return _antrekan_sekali(timezone.localdate(), None)


def pindai_pastikan_terjadwal(*, sekarang: dt.datetime | None = None) -> int:
    """The worker-owned schedule: make sure today's scan (once 00:05 has passed) and
    tomorrow's are queued. Called by ``jalankan_pekerja`` at start and every minute,
    so the daily scan cannot silently stop while a worker runs. Returns how many it
    queued (0 when both were already queued)."""
    if not pindai_tenggat.get_backend().supports_defer:
        return 0
    sekarang = (sekarang or timezone.now()).astimezone(_zona())
    n = 0
    if sekarang.time() >= JAM_PINDAI:
        n += _antrekan_sekali(sekarang.date(), None) is not None
    n += pindai_jadwalkan_berikut(sekarang=sekarang) is not None
    return n


@task()
def pindai_tenggat(tanggal_iso: str | None = None) -> dict:
    """The daily scan: tomorrow's scan is queued first, then due clocks, periodic
    clocks and reminders. ``tanggal_iso`` scans as of another date (nothing queued)."""
    if tanggal_iso:
        return pindai_harian(hari_ini=dt.date.fromisoformat(tanggal_iso)).as_dict()
    try:
        pindai_jadwalkan_berikut()
    except Exception:  # the scan of today still runs; the worker's check queues tomorrow
        logger.exception("Pemindaian berikut gagal diantrekan")
    return pindai_harian(hari_ini=timezone.localdate()).as_dict()
