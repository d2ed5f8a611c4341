"""Background work of the notifications room (django-tasks)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from .services import pengingat_proses


@task()
def kirim_pengingat(hari_ini: str | None = None) -> int:
    """Give the reminders due on ``hari_ini`` (ISO date; today when empty)."""
    tanggal = dt.date.fromisoformat(hari_ini) if hari_ini else timezone.localdate()
    return pengingat_proses(hari_ini=tanggal)
