"""Choices of the reporting room (Pasal 27, Pasal 34 ayat 2 huruf j dan ayat 3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Semester(models.IntegerChoices):
    SATU = 1, _("Semester I (Januari–Juni)")
    DUA = 2, _("Semester II (Juli–Desember)")


class StatusLaporan(models.TextChoices):
    """Where a report stands: written by its author, then sent (P27-1, P34-2j)."""

    DRAF = "draf", _("Draf")
    DISAMPAIKAN = "disampaikan", _("Disampaikan")


class StatusProses(models.TextChoices):
    """The progress of a long report built by the background worker."""

    ANTRE = "antre", _("Menunggu giliran")
    BERJALAN = "berjalan", _("Sedang disusun")
    SELESAI = "selesai", _("Selesai")
    GAGAL = "gagal", _("Gagal")


class JenisLaporanTkksd(models.TextChoices):
    """TKKSD's reports to the Bupati: every semester (P34-2j); the semester II report
    is also the annual report (P34-3)."""

    SEMESTER = "semester", _("Laporan semester")
    TAHUNAN = "tahunan", _("Laporan semester II dan tahunan")
