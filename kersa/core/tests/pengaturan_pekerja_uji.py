"""Settings of the worker processes the fault test starts (test_pekerja_gagal.py): the
test settings on the test's own database (DATABASE_URL), the real database queue, and
the slow SMTP and disk of ``batas_luar``. E-mails are written to KERSA_UJI_SUREL."""

from config.settings.test import *  # noqa: F403
from config.settings.test import env

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
EMAIL_BACKEND = "kersa.core.tests.batas_luar.SurelLambat"
EMAIL_FILE_PATH = env("KERSA_UJI_SUREL")
STORAGES = {
    "default": {"BACKEND": "kersa.core.tests.batas_luar.DiskLambat"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
