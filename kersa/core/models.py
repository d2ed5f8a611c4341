"""Abstract models every room shares."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RiwayatStatus(models.Model):
    """A status change as a row: who, when (``pada``), why and the rule it rests on. A
    room's history model adds the record it belongs to and ``dari``/``ke`` with its own
    status choices; rows are written by ``core.status.pindah()`` and ``catat_awal()``."""

    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    alasan = models.TextField(blank=True)
    rule = models.CharField(max_length=12, blank=True)
    pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.dari} → {self.ke}"


class DenyutPekerja(models.Model):
    """The heartbeat of one running background worker (``manage.py jalankan_pekerja``):
    a task left RUNNING by a worker whose heartbeat stopped is given back to the queue
    (kersa/core/pekerja.py)."""

    worker_id = models.CharField(max_length=64, unique=True)
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(null=True)
    mulai_pada = models.DateTimeField(auto_now_add=True)
    denyut_pada = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("denyut pekerja")
        verbose_name_plural = _("denyut pekerja")

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}:{self.pid})"
