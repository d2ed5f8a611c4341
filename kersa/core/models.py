"""Abstract models every room shares."""

from django.conf import settings
from django.db import models


class RiwayatStatus(models.Model):
    """A status change as a row: who, when, why. A room's history model adds the
    record it belongs to and ``dari``/``ke`` with its own status choices."""

    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    alasan = models.TextField(blank=True)
    pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.dari} → {self.ke}"
