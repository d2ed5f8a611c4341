"""Choices of the reporting room (Pasal 27, Pasal 34 ayat 2 huruf j dan ayat 3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kersa.core.status import Alur


class Semester(models.IntegerChoices):
    SATU = 1, _("Semester I (Januari–Juni)")
    DUA = 2, _("Semester II (Juli–Desember)")


class StatusLaporan(models.TextChoices):
    """Where a report stands: written by its author, then sent (P27-1, P34-2j)."""

    DRAF = "draf", _("Draf")
    DISAMPAIKAN = "disampaikan", _("Disampaikan")


# The moves of a report's status (core.status.pindah): a draft, then sent, once.
ALUR_LAPORAN_SEMESTER = Alur(
    gerak={
        ("", StatusLaporan.DRAF): "P27-1",
        (StatusLaporan.DRAF, StatusLaporan.DISAMPAIKAN): "P27-1",
    },
    tolak={
        StatusLaporan.DRAF: _(
            "Laporan semester yang sudah %(dari)s tidak dapat kembali menjadi draf "
            "(Pasal 27 ayat 1)."
        ),
        StatusLaporan.DISAMPAIKAN: _(
            "Laporan semester yang sudah %(dari)s tidak dapat disampaikan lagi (Pasal 27 ayat 1)."
        ),
    },
)
ALUR_LAPORAN_TKKSD = Alur(
    gerak={
        ("", StatusLaporan.DRAF): "P34-2j",
        (StatusLaporan.DRAF, StatusLaporan.DISAMPAIKAN): "P34-2j",
    },
    tolak={
        StatusLaporan.DRAF: _(
            "Laporan TKKSD yang sudah %(dari)s tidak dapat kembali menjadi draf "
            "(Pasal 34 ayat 2 huruf j)."
        ),
        StatusLaporan.DISAMPAIKAN: _(
            "Laporan TKKSD yang sudah %(dari)s tidak dapat disampaikan lagi "
            "(Pasal 34 ayat 2 huruf j)."
        ),
    },
)


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


class FormatEkspor(models.TextChoices):
    """The dashboard's export formats (built by the worker, issue 18)."""

    XLSX = "xlsx", "XLSX"
    PDF = "pdf", "PDF"
