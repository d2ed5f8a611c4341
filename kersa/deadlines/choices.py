"""Closed lists of the deadlines room (TextChoices, never bare strings)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Satuan(models.TextChoices):
    """How a period of the regulation is counted."""

    HARI_KALENDER = "hari_kalender", _("hari kalender")
    HARI_KERJA = "hari_kerja", _("hari kerja")
    BULAN = "bulan", _("bulan")


class StatusTenggat(models.TextChoices):
    """The state of a clock. Only BERJALAN is open; the others are final."""

    BERJALAN = "berjalan", _("Berjalan")
    TERPENUHI = "terpenuhi", _("Terpenuhi")
    TERLEWAT = "terlewat", _("Terlewat")
    DIANGGAP = "dianggap", _("Dianggap (akibat hukum berlaku)")
    DIHENTIKAN = "dihentikan", _("Dihentikan")
    # P22-3: DPRD refused the request; its P22 clocks close and nothing is deemed.
    DITUTUP_PENOLAKAN = "ditolak", _("Ditutup karena penolakan DPRD")


class Akibat(models.TextChoices):
    """What happens when a clock falls due without the awaited event."""

    PENGINGAT = "pengingat", _("Pengingat dan tanda terlewat")
    ANGGAP_SETUJU = "anggap_setuju", _("Persetujuan DPRD dianggap diberikan")
    BUKA_TUGAS = "buka_tugas", _("Tugas berikutnya dibuka untuk Sekretariat TKKSD")


class JenisHari(models.TextChoices):
    """An entry of the editable calendar table (Pasal-free: local or late decisions)."""

    LIBUR = "libur", _("Hari libur tambahan")
    MASUK = "masuk", _("Hari kerja (libur dalam daftar dibatalkan)")
