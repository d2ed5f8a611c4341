"""The daily clock scan as a django-tasks task that re-queues itself (STACK.md: no
periodic scheduler; "a daily clock scan re-queues itself with run_after").

``pindai_tenggat`` runs the scan (``pekerja.tenggat_pindai``), then the process
reminders of ``kersa.notifications`` when that app provides them, and queues the
next scan for 00:05 Asia/Jakarta the next day. Re-queueing is idempotent: when a
scan is already waiting in django-tasks-db's queue, no second one is added (two
workers finishing at the same instant may each add one; two scans are harmless,
every consequence is claimed once). ``scripts/run.sh`` queues the first scan with
``manage.py pindai_tenggat --antrekan``; cron may run ``manage.py pindai_tenggat``.
"""

from __future__ import annotations

import datetime as dt
import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .pekerja import tenggat_pindai

logger = logging.getLogger(__name__)

JAM_PINDAI = dt.time(0, 5)


def _zona() -> ZoneInfo:
    return ZoneInfo(getattr(settings, "TIME_ZONE", None) or "Asia/Jakarta")


def waktu_pindai_berikut(sekarang: dt.datetime | None = None) -> dt.datetime:
    """00:05 (Asia/Jakarta) of the day after ``sekarang``."""
    sekarang = (sekarang or timezone.now()).astimezone(_zona())
    besok = sekarang.date() + dt.timedelta(days=1)
    return dt.datetime.combine(besok, JAM_PINDAI, tzinfo=_zona())


def _antrean_db():
    """DBTaskResult rows of this task waiting in the queue (None when the backend is not
    django-tasks-db, e.g. the immediate backend of the tests)."""
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(pindai_tenggat.get_backend(), DatabaseBackend):
        return None
    return DBTaskResult.objects.filter(task_path=pindai_tenggat.module_path, status="READY")


def pindai_jadwalkan_berikut(*, sekarang: dt.datetime | None = None):
    """Queue tomorrow's 00:05 scan unless a scan is already waiting. Returns the queued
    result, or None (already waiting, or a backend that cannot defer)."""
    if not pindai_tenggat.get_backend().supports_defer:
        return None
    antre = _antrean_db()
    if antre is not None and antre.exists():
        return None
    return pindai_tenggat.using(run_after=waktu_pindai_berikut(sekarang)).enqueue()


def pindai_antrekan_sekarang():
    """Queue a scan to run now (``make run``) unless one is already due in the queue."""
    from django_tasks_db.models import get_date_max

    antre = _antrean_db()
    if antre is not None:
        sekarang = timezone.now()
        if (
            antre.filter(run_after__lte=sekarang).exists()
            or antre.filter(run_after=get_date_max()).exists()
        ):
            return None
    return pindai_tenggat.enqueue()


def _pengingat(hari_ini: dt.date) -> None:
    """Process reminders (kersa.notifications, written by another part of the project):
    called when the module provides them, skipped until then."""
    from django.apps import apps

    if not apps.is_installed("kersa.notifications"):
        return
    try:
        from kersa.notifications.services import pengingat_proses
    except ImportError:
        return
    pengingat_proses(hari_ini=hari_ini)


@task()
def pindai_tenggat(tanggal_iso: str | None = None) -> dict:
    """The daily scan: due clocks, periodic clocks, reminders; then tomorrow's scan is
    queued. ``tanggal_iso`` scans as of another date (no re-queue)."""
    hari_ini = dt.date.fromisoformat(tanggal_iso) if tanggal_iso else timezone.localdate()
    try:
        hasil = tenggat_pindai(hari_ini=hari_ini)
        try:
            _pengingat(hari_ini)
        except Exception:
            logger.exception("Pengingat gagal diproses pada %s", hari_ini)
    finally:
        if tanggal_iso is None:
            pindai_jadwalkan_berikut()
    return hasil.as_dict()
