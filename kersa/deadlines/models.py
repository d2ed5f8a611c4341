"""The working-day calendar's own entries and the statutory clocks (tenggat)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from kersa.core.riwayat import riwayat_tetap

from .choices import Akibat, JenisHari, Satuan, StatusTenggat
from .peristiwa import uraian

__all__ = ["HariLibur", "KonfirmasiSkb", "Tenggat", "RiwayatTenggat", "Tugas"]


class HariLibur(models.Model):
    """A day the secretariat adds to the national list (libur nasional and cuti bersama
    of the SKB 3 Menteri come from the ``holidays`` package): a day off decided later
    or locally, or a listed day marked as worked. Periods in working days skip days off
    (Pasal 18 and 22)."""

    tanggal = models.DateField(_("tanggal"), unique=True)
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisHari.choices)
    nama = models.CharField(_("keterangan"), max_length=150)
    dasar = models.CharField(_("dasar penetapan"), max_length=200, blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dicatat_pada = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        ordering = ["tanggal"]
        verbose_name = _("hari libur tambahan atau hari kerja pengganti")
        verbose_name_plural = _("kalender kerja daerah")

    def __str__(self) -> str:
        return f"{self.tanggal:%d-%m-%Y} {self.nama}"


class KonfirmasiSkb(models.Model):
    """The secretariat's confirmation that a year's libur nasional and cuti bersama are
    those of the SKB Bersama (SKB 3 Menteri) for that year (RULES.md, the calendar
    paragraph). Until a year whose package data is only an estimate is confirmed, every
    working-day due date computed on it is marked as an estimate, and the worker does
    not deem a DPRD approval on it (``pekerja``). Written once, with who and when."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    nomor = models.CharField(_("nomor SKB"), max_length=200)
    tanggal = models.DateField(_("tanggal SKB"), null=True, blank=True)
    catatan = models.TextField(_("catatan"), blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    dicatat_pada = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        ordering = ["tahun"]
        verbose_name = _("konfirmasi SKB libur nasional dan cuti bersama")
        verbose_name_plural = _("konfirmasi SKB libur nasional dan cuti bersama")

    def __str__(self) -> str:
        return f"{self.tahun}: {self.nomor}"


class Tenggat(models.Model):
    """A statutory clock: a period the regulation sets, started by a dated event
    (a letter received, a request sent, a KB signed), with its due date stored and
    indexed so that "what is due" is one query. See ``definisi.py`` for each rule.
    """

    rule = models.CharField(_("aturan"), max_length=20, db_index=True)
    kunci = models.CharField(
        _("kunci"),
        max_length=120,
        unique=True,
        help_text=_("Identitas jam ini (aturan + peristiwa), agar tidak pernah dibuat dua kali."),
    )
    ksdd = models.ForeignKey(
        "agreements.Ksdd",
        on_delete=models.CASCADE,
        related_name="tenggat",
        null=True,
        blank=True,
    )
    # Other subjects (a meeting, a report) of later rooms.
    subjek_tipe = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    subjek_id = models.PositiveBigIntegerField(null=True, blank=True)
    subjek = GenericForeignKey("subjek_tipe", "subjek_id")
    perangkat_daerah = models.ForeignKey(
        "regions.PerangkatDaerah",
        verbose_name=_("Perangkat Daerah"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tenggat",
    )
    peristiwa = models.CharField(_("peristiwa awal"), max_length=300)
    # The same event as a key and its facts, shown in the reader's language
    # (``deadlines.peristiwa``); empty for a clock started with free text.
    peristiwa_kode = models.CharField(_("kode peristiwa awal"), max_length=40, blank=True)
    peristiwa_data = models.JSONField(_("data peristiwa awal"), default=dict, blank=True)
    tanggal_peristiwa = models.DateField(_("tanggal peristiwa"))
    satuan = models.CharField(_("satuan"), max_length=15, choices=Satuan.choices)
    panjang = models.PositiveSmallIntegerField(_("lama"))
    jatuh_tempo = models.DateField(_("jatuh tempo"), db_index=True)
    # RULES.md, the calendar paragraph: a working-day due date counted over a year whose
    # holidays are only an estimate (no SKB confirmed yet) is an estimate; this names
    # that year, and is cleared when the secretariat confirms the year's SKB.
    tahun_perkiraan = models.PositiveSmallIntegerField(
        _("tahun kalender perkiraan"),
        null=True,
        blank=True,
        help_text=_(
            "Tahun yang hari liburnya masih perkiraan (SKB belum dikonfirmasi) yang dipakai "
            "menghitung jatuh tempo; kosong bila jatuh tempo tidak bergantung pada perkiraan."
        ),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=StatusTenggat.choices,
        default=StatusTenggat.BERJALAN,
        db_index=True,
    )
    akibat = models.CharField(_("akibat"), max_length=15, choices=Akibat.choices)
    # The day the law sees (RULES.md, the calendar paragraph): the date of the act that
    # met or closed the clock (a letter's receipt, a signing), or, for a missed clock,
    # the day after its last day. Never the day it was typed in: that is ditindak_pada.
    selesai_pada = models.DateField(
        _("selesai pada"),
        null=True,
        blank=True,
        help_text=_(
            "Tanggal menurut hukum: tanggal tindakan yang memenuhi atau menutup tenggat "
            "(surat diterima, ditandatangani), atau hari sesudah hari terakhir bila terlewat."
        ),
    )
    ditindak_pada = models.DateTimeField(
        _("dicatat pada"),
        null=True,
        blank=True,
        help_text=_(
            "Saat penutupan tenggat dicatat (langkah atau pemindaian). Pekerja mengisinya "
            "dengan UPDATE bersyarat, agar akibatnya terjadi sekali."
        ),
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        ordering = ["jatuh_tempo", "id"]
        indexes = [models.Index(fields=["status", "jatuh_tempo"], name="tenggat_status_jt")]
        verbose_name = _("tenggat")
        verbose_name_plural = _("tenggat")

    def __str__(self) -> str:
        return f"{self.rule} {self.jatuh_tempo:%d-%m-%Y}"

    @property
    def peristiwa_teks(self) -> str:
        """The starting event in the active language (``deadlines.peristiwa``)."""

        return uraian(self.peristiwa_kode, self.peristiwa_data, cadangan=self.peristiwa)


class RiwayatTenggat(models.Model):
    """Every change of a clock's state is a row: from, to, by whom (empty: the
    system), why, and the KSDD step that caused it."""

    tenggat = models.ForeignKey(Tenggat, on_delete=models.PROTECT, related_name="riwayat")
    dari = models.CharField(_("dari"), max_length=12, choices=StatusTenggat.choices, blank=True)
    ke = models.CharField(_("ke"), max_length=12, choices=StatusTenggat.choices)
    waktu = models.DateTimeField(_("waktu"), auto_now_add=True)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    alasan = models.TextField(_("keterangan"), blank=True)
    riwayat_tahap = models.ForeignKey(
        "agreements.RiwayatTahap",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="riwayat_tenggat",
    )

    class Meta:
        ordering = ["waktu", "id"]
        verbose_name = _("riwayat tenggat")
        verbose_name_plural = _("riwayat tenggat")
        triggers = [riwayat_tetap()]  # P13: written once

    def __str__(self) -> str:
        return f"{self.tenggat_id}: {self.dari} → {self.ke}"


class Tugas(models.Model):
    """A task the worker opens for the Sekretariat TKKSD when a clock falls due and the
    regulation names the next step: the second request to a partner that has not
    answered (Pasal 16 ayat 5), the report to the Gubernur (Pasal 16 ayat 6), the
    Bupati's answer to a partner's second request (Pasal 18 ayat 2; in the year's plan
    Pasal 17 ayat 4, 15 calendar days). Recording that
    step (``aksi``, a transition of ``agreements.workflow.TRANSISI``) closes it.
    """

    class Status(models.TextChoices):
        TERBUKA = "terbuka", _("Terbuka")
        SELESAI = "selesai", _("Selesai")

    judul = models.CharField(_("tugas"), max_length=300)
    rule = models.CharField(_("aturan"), max_length=20)
    aksi = models.CharField(_("langkah yang menyelesaikan"), max_length=50)
    ksdd = models.ForeignKey(
        "agreements.Ksdd", on_delete=models.CASCADE, related_name="tugas", null=True, blank=True
    )
    tenggat = models.OneToOneField(
        Tenggat,
        on_delete=models.CASCADE,
        related_name="tugas",
        help_text=_("Tenggat yang terlewat; satu tugas per tenggat, agar tidak dibuka dua kali."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.TERBUKA, db_index=True
    )
    dibuka_pada = models.DateTimeField(_("dibuka pada"), auto_now_add=True)
    diselesaikan_pada = models.DateTimeField(_("diselesaikan pada"), null=True, blank=True)
    selesai_oleh = models.ForeignKey(
        "agreements.RiwayatTahap",
        verbose_name=_("diselesaikan oleh langkah"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tugas_selesai",
    )

    class Meta:
        ordering = ["dibuka_pada", "id"]
        verbose_name = _("tugas Sekretariat TKKSD")
        verbose_name_plural = _("tugas Sekretariat TKKSD")

    def __str__(self) -> str:
        return self.judul


class JadwalPindai(models.Model):
    """The daily scan of one date put on the queue: unique per date, so the scan of a
    day is queued once whoever queues it (the scan itself, before it starts; a worker's
    periodic check; ``pindai_tenggat --antrekan``), even when two do it at once."""

    tanggal = models.DateField(_("tanggal pemindaian"), unique=True)
    tugas_id = models.CharField(_("id tugas antrean"), max_length=64, blank=True)
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        ordering = ["-tanggal"]
        verbose_name = _("jadwal pemindaian tenggat")
        verbose_name_plural = _("jadwal pemindaian tenggat")

    def __str__(self) -> str:
        return f"{self.tanggal:%Y-%m-%d}"
