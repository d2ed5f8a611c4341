"""Crash-safe background work on django-tasks-db (issue 19).

django-tasks-db, KERSA's queue, claims a task by marking it RUNNING and never looks
at it again: a worker killed in the middle (``kill -9``, OOM, a power cut, systemd's
SIGKILL after its stop timeout) leaves the task RUNNING for ever (django-tasks issue
#46, open). It has no retries either. This module adds what is missing, the lease and the
retries every queue engine has, on top of the engine rather than replacing it:

- **Heartbeat.** ``manage.py jalankan_pekerja`` runs django-tasks-db's own worker
  loop (``db_worker``'s ``Worker``) plus a thread that writes ``DenyutPekerja``
  every ``PEKERJA_DENYUT_DETIK`` seconds, before the worker claims anything.
- **Lease expiry.** A RUNNING task whose last worker has been silent for
  ``PEKERJA_BATAS_DETIK`` seconds is given back to the queue (READY) by any other
  worker (``tugas_macet_pulihkan``, every ``PEKERJA_PERIKSA_DETIK`` seconds and at
  start), with one conditional UPDATE, so two workers never both take it. After
  ``PEKERJA_MAKS_PERCOBAAN`` attempts (``worker_ids`` counts them) it is marked
  FAILED instead, so a task that kills its worker cannot loop for ever.
- **Retry with back-off.** A task that fails with an ordinary error goes back to the
  queue with ``run_after`` ``PEKERJA_JEDA_ULANG_DETIK`` later, doubled at each attempt
  (at most ``PEKERJA_JEDA_ULANG_MAKS_DETIK``), within the same
  ``PEKERJA_MAKS_PERCOBAAN`` attempts (``tugas_gagal_ulangi``).
- **Interrupted stop.** A second SIGTERM/SIGINT aborts the running task
  (django-tasks-db records SystemExit as FAILED); it is given back to the queue.
- **Schedule.** The same check makes sure the daily clock scan is queued
  (``deadlines.tasks.pindai_pastikan_terjadwal``).

Delivery is therefore at least once: every KERSA task is idempotent (the stage
e-mail claims its history row in the transaction that sends; the Bupati's report
resumes its run and reuses the numbered letter; the scan claims every consequence
and reminder), so "at least once" acts exactly once.

Why not another engine: procrastinate (which retries stalled jobs from worker
heartbeats) runs on PostgreSQL only, while ``make run`` — the README's first command
— runs on SQLite; two engines would mean two code paths for every task. The lease
above is the pattern django-tasks' maintainer endorses for #46 ("a limit, after which
tasks can be picked up again"), works on both databases, and keeps the tasks, the
queue table, the admin and the tests unchanged. Run only ``jalankan_pekerja``: a
plain ``db_worker`` writes no heartbeat, so its long tasks would be taken over.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from kersa.deadlines.tasks import pindai_pastikan_terjadwal

from .models import DenyutPekerja

logger = logging.getLogger(__name__)

#: Recorded as the exception of a task whose worker died too often.
KELAS_PEKERJA_HILANG = "kersa.core.pekerja.PekerjaHilang"

_DIHENTIKAN = ("builtins.SystemExit", "builtins.KeyboardInterrupt")
# Failures another attempt cannot mend: the task's code is gone, or it gave up itself.
_TANPA_ULANG = (
    "builtins.ImportError",
    "builtins.ModuleNotFoundError",
    "django.core.exceptions.SuspiciousOperation",
    KELAS_PEKERJA_HILANG,
)


class PekerjaHilang(Exception):
    """The worker running a task disappeared (killed) too many times."""


def _detik(nama: str) -> float:
    return float(getattr(settings, nama))


def denyut_catat(worker_id: str) -> None:
    """Write this worker's heartbeat (now)."""
    diubah = DenyutPekerja.objects.filter(worker_id=worker_id).update(denyut_pada=timezone.now())
    if not diubah:
        DenyutPekerja.objects.update_or_create(
            worker_id=worker_id,
            defaults={
                "denyut_pada": timezone.now(),
                "host": socket.gethostname()[:255],
                "pid": os.getpid(),
            },
        )


def tugas_macet_pulihkan(*, sekarang: dt.datetime | None = None) -> int:
    """Give back to the queue every RUNNING task whose worker has been silent longer
    than ``PEKERJA_BATAS_DETIK`` (or mark it FAILED after ``PEKERJA_MAKS_PERCOBAAN``
    attempts). Returns how many were given back. Safe on several workers at once:
    each row is changed with an UPDATE conditional on the claim it saw."""
    sekarang = sekarang or timezone.now()
    batas = sekarang - dt.timedelta(seconds=_detik("PEKERJA_BATAS_DETIK"))
    hidup = set(
        DenyutPekerja.objects.filter(denyut_pada__gte=batas).values_list("worker_id", flat=True)
    )
    maks = int(settings.PEKERJA_MAKS_PERCOBAAN)
    n = 0
    macet = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=batas)
    for r in macet.only("id", "worker_ids", "started_at", "task_path"):
        pemilik = r.worker_ids[-1] if r.worker_ids else None
        if pemilik in hidup:
            continue
        klaim = DBTaskResult.objects.filter(
            pk=r.pk, status=TaskResultStatus.RUNNING, started_at=r.started_at
        )
        if len(r.worker_ids) >= maks:
            klaim.update(
                status=TaskResultStatus.FAILED,
                finished_at=sekarang,
                exception_class_path=KELAS_PEKERJA_HILANG,
                traceback=f"Pekerja {pemilik} berhenti di tengah tugas {len(r.worker_ids)} kali.",
            )
            logger.error("Tugas %s (%s) gagal: pekerjanya hilang %s kali", r.pk, r.task_path, maks)
        elif klaim.update(status=TaskResultStatus.READY, started_at=None):
            n += 1
            logger.warning(
                "Tugas %s (%s) dikembalikan ke antrean: pekerja %s tidak berdenyut",
                r.pk,
                r.task_path,
                pemilik,
            )
    DenyutPekerja.objects.filter(denyut_pada__lt=sekarang - dt.timedelta(days=1)).delete()
    return n


def jeda_ulang(percobaan: int) -> float:
    """Seconds to wait before attempt ``percobaan + 1``: ``PEKERJA_JEDA_ULANG_DETIK``
    doubled at each attempt, at most ``PEKERJA_JEDA_ULANG_MAKS_DETIK``."""
    dasar = _detik("PEKERJA_JEDA_ULANG_DETIK")
    return min(dasar * 2 ** max(percobaan - 1, 0), _detik("PEKERJA_JEDA_ULANG_MAKS_DETIK"))


def tugas_gagal_ulangi(pk, *, sekarang: dt.datetime | None = None) -> bool:
    """A task that failed with an ordinary error (the SMTP server down, LibreOffice
    crashed, the database busy) goes back to the queue to run after a back-off
    (``jeda_ulang``), until it has had ``PEKERJA_MAKS_PERCOBAAN`` attempts (crashed
    attempts count too); then it stays FAILED with its last error. A task whose code is
    gone (ImportError) is not retried. Returns whether the task was queued again."""
    r = (
        DBTaskResult.objects.filter(pk=pk, status=TaskResultStatus.FAILED)
        .exclude(exception_class_path__in=(*_DIHENTIKAN, *_TANPA_ULANG))
        .only("id", "worker_ids", "finished_at", "task_path", "exception_class_path")
        .first()
    )
    if r is None or len(r.worker_ids) >= int(settings.PEKERJA_MAKS_PERCOBAAN):
        return False
    sekarang = sekarang or timezone.now()
    jeda = jeda_ulang(len(r.worker_ids))
    # the last error stays on the row (admin) until an attempt succeeds
    diulang = DBTaskResult.objects.filter(
        pk=r.pk, status=TaskResultStatus.FAILED, finished_at=r.finished_at
    ).update(
        status=TaskResultStatus.READY,
        started_at=None,
        finished_at=None,
        run_after=sekarang + dt.timedelta(seconds=jeda),
    )
    if diulang:
        logger.warning(
            "Tugas %s (%s) gagal (%s) pada percobaan %d; diulang dalam %.0f detik",
            r.pk,
            r.task_path,
            r.exception_class_path,
            len(r.worker_ids),
            jeda,
        )
    return bool(diulang)


def pemeliharaan() -> None:
    """One round of the periodic check: stalled tasks back to the queue, the daily
    scan on the queue. Errors are logged; the next round tries again."""

    for langkah in (tugas_macet_pulihkan, pindai_pastikan_terjadwal):
        try:
            langkah()
        except Exception:
            logger.exception("Pemeliharaan antrean gagal: %s", langkah.__name__)


class PekerjaTahanGagal(Worker):
    """django-tasks-db's worker with a heartbeat thread, stalled-task recovery and the
    daily scan's schedule (see the module docstring)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._henti = threading.Event()

    def _jantung(self) -> None:
        denyut = _detik("PEKERJA_DENYUT_DETIK")
        periksa = _detik("PEKERJA_PERIKSA_DETIK")
        terakhir = timezone.now()
        try:
            while not self._henti.wait(denyut):
                try:
                    denyut_catat(self.worker_id)
                    if (timezone.now() - terakhir).total_seconds() >= periksa:
                        terakhir = timezone.now()
                        pemeliharaan()
                except Exception:  # e.g. SQLite busy: the next beat tries again
                    logger.exception("Denyut pekerja %s gagal ditulis", self.worker_id)
                    close_old_connections()
        finally:
            connection.close()

    def run(self) -> None:
        denyut_catat(self.worker_id)  # alive before it claims anything
        pemeliharaan()
        jantung = threading.Thread(target=self._jantung, name="denyut-pekerja", daemon=True)
        jantung.start()
        try:
            super().run()
        finally:
            self._henti.set()
            jantung.join(timeout=10)
            DenyutPekerja.objects.filter(worker_id=self.worker_id).delete()

    def run_task(self, db_task_result: DBTaskResult) -> None:
        super().run_task(db_task_result)
        tugas_gagal_ulangi(db_task_result.pk)
        # A second signal during a stop aborts the task with SystemExit, which
        # django-tasks-db records as FAILED: give it back to the queue instead.
        DBTaskResult.objects.filter(
            pk=db_task_result.pk,
            status=TaskResultStatus.FAILED,
            exception_class_path__in=_DIHENTIKAN,
        ).update(
            status=TaskResultStatus.READY,
            started_at=None,
            finished_at=None,
            exception_class_path="",
            traceback="",
        )
