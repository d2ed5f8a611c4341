"""Background work: django-tasks with the database backend (django-tasks-db), made
crash-safe by KERSA's worker command ``manage.py jalankan_pekerja`` (kersa/core/pekerja.py).

The worker is ``manage.py jalankan_pekerja`` (django-tasks-db's ``db_worker`` with a
heartbeat, stalled-task recovery and the daily scan's schedule). On SQLite it runs
beside the web server (``make run``); in production it is its own process, and
several may run.
"""

import environ

_env = environ.Env()

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Crash safety (issue 19): each worker writes a heartbeat every PEKERJA_DENYUT_DETIK
# seconds; a task left RUNNING by a worker silent for PEKERJA_BATAS_DETIK seconds is
# given back to the queue (at most PEKERJA_MAKS_PERCOBAAN attempts, then FAILED);
# every PEKERJA_PERIKSA_DETIK seconds a worker looks for such tasks and makes sure the
# daily scan is queued.
PEKERJA_DENYUT_DETIK = _env.float("KERSA_PEKERJA_DENYUT_DETIK", default=5.0)
PEKERJA_BATAS_DETIK = _env.float("KERSA_PEKERJA_BATAS_DETIK", default=60.0)
PEKERJA_PERIKSA_DETIK = _env.float("KERSA_PEKERJA_PERIKSA_DETIK", default=30.0)
PEKERJA_MAKS_PERCOBAAN = _env.int("KERSA_PEKERJA_MAKS_PERCOBAAN", default=5)
# A task that fails with an ordinary error is retried (within PEKERJA_MAKS_PERCOBAAN
# attempts) after PEKERJA_JEDA_ULANG_DETIK seconds, doubled at each attempt, at most
# PEKERJA_JEDA_ULANG_MAKS_DETIK (kersa.core.pekerja.tugas_gagal_ulangi).
PEKERJA_JEDA_ULANG_DETIK = _env.float("KERSA_PEKERJA_JEDA_ULANG_DETIK", default=30.0)
PEKERJA_JEDA_ULANG_MAKS_DETIK = _env.float("KERSA_PEKERJA_JEDA_ULANG_MAKS_DETIK", default=3600.0)
