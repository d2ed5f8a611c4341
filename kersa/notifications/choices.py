"""Closed lists of the notifications room (TextChoices, never bare strings)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisPengingat(models.TextChoices):
    """When a reminder of a clock is sent (see ``jadwal.py`` for the offsets)."""

    MULAI = "mulai", _("tenggat dimulai")
    H7 = "h-7", _("7 hari kerja sebelum jatuh tempo")
    H3 = "h-3", _("3 hari kerja sebelum jatuh tempo")
    H1 = "h-1", _("1 hari kerja sebelum jatuh tempo")
    HARI_H = "hari_h", _("pada hari jatuh tempo")
    TERLEWAT = "terlewat", _("tenggat terlewat")
    B6 = "b-6", _("6 bulan sebelum berakhir")
    B3 = "b-3", _("3 bulan sebelum berakhir")
    B1 = "b-1", _("1 bulan sebelum berakhir")
