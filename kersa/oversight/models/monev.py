"""Monitoring and evaluation of the agencies running KSDD, every semester (Pasal 28; P28)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kersa.core.models import RiwayatStatus
from kersa.core.riwayat import riwayat_tetap
from kersa.core.status import Alur

__all__ = ["StatusMonev", "StatusTemuan", "MonitoringEvaluasi", "RiwayatMonev", "TemuanMonev"]


class StatusMonev(models.TextChoices):
    DICATAT = "dicatat", _("Dicatat")
    SELESAI = "selesai", _("Selesai")


# The moves of a monitoring record (core.status.pindah): recorded, then finished.
ALUR_MONEV = Alur(
    gerak={
        ("", StatusMonev.DICATAT): "P28",
        (StatusMonev.DICATAT, StatusMonev.SELESAI): "P28",
    },
    tolak={
        StatusMonev.DICATAT: _(
            "Monitoring dan evaluasi yang sudah %(dari)s tidak dapat dibuka kembali (Pasal 28)."
        ),
        StatusMonev.SELESAI: _(
            "Monitoring dan evaluasi yang sudah %(dari)s tidak dapat diselesaikan lagi (Pasal 28)."
        ),
    },
)


class StatusTemuan(models.TextChoices):
    TERBUKA = "terbuka", _("Terbuka")
    DITINDAKLANJUTI = "ditindaklanjuti", _("Ditindaklanjuti")


class MonitoringEvaluasi(models.Model):
    """The monitoring and evaluation of one Perangkat Daerah running KSDD in one semester,
    done for the Bupati by the agency in charge of cooperation (Pasal 28 ayat 1 dan 2; P28).
    One per agency per semester; finishing it meets the clock ``P28:pd:{pk}:{tahun}-{semester}``."""

    perangkat_daerah = models.ForeignKey(
        "regions.PerangkatDaerah",
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        related_name="monev",
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    semester = models.PositiveSmallIntegerField(
        _("semester"), choices=[(1, _("Semester I")), (2, _("Semester II"))]
    )
    tanggal_pelaksanaan = models.DateField(_("tanggal pelaksanaan"))
    ksdd = models.ManyToManyField(
        "agreements.Ksdd", verbose_name=_("KSDD yang dimonitor"), related_name="monev"
    )
    ringkasan = models.TextField(_("ringkasan hasil monitoring dan evaluasi"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=StatusMonev.choices, default=StatusMonev.DICATAT
    )
    alur = ALUR_MONEV  # its allowed moves (core.status.pindah)
    tanggal_selesai = models.DateField(_("tanggal selesai"), null=True, blank=True)
    dokumen = models.ForeignKey(
        "documents.Dokumen", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tahun", "-semester", "perangkat_daerah__nama"]
        verbose_name = _("monitoring dan evaluasi")
        verbose_name_plural = _("monitoring dan evaluasi")
        permissions = [("kelola_monev", _("Mengelola monitoring dan evaluasi (Pasal 28)"))]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "semester"], name="monev_satu_per_semester"
            )
        ]

    def __str__(self) -> str:
        return f"Monev {self.perangkat_daerah} {self.kode}"

    @property
    def kode(self) -> str:
        return f"{self.tahun}-{self.semester}"

    @property
    def periode_label(self) -> str:
        return f"Semester {'I' if self.semester == 1 else 'II'} {self.tahun}"


class RiwayatMonev(RiwayatStatus):
    """Every change of a monitoring record's status, as a row (Pasal 28)."""

    monev = models.ForeignKey(MonitoringEvaluasi, on_delete=models.CASCADE, related_name="riwayat")
    dari = models.CharField(max_length=10, choices=StatusMonev.choices, blank=True)
    ke = models.CharField(max_length=10, choices=StatusMonev.choices)

    class Meta:
        ordering = ["monev_id", "pada", "id"]
        verbose_name = _("riwayat monitoring dan evaluasi")
        verbose_name_plural = _("riwayat monitoring dan evaluasi")
        triggers = [riwayat_tetap()]  # P13: written once


class TemuanMonev(models.Model):
    """A finding of a monitoring on one KSDD with its recommendation; the follow-up
    (tindak lanjut) is recorded later (Pasal 28; P28)."""

    monev = models.ForeignKey(MonitoringEvaluasi, on_delete=models.CASCADE, related_name="temuan")
    ksdd = models.ForeignKey(
        "agreements.Ksdd", verbose_name=_("KSDD"), on_delete=models.PROTECT, related_name="+"
    )
    uraian = models.TextField(_("uraian temuan"))
    rekomendasi = models.TextField(_("rekomendasi"))
    tindak_lanjut = models.TextField(_("tindak lanjut"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=StatusTemuan.choices, default=StatusTemuan.TERBUKA
    )
    tanggal_tindak_lanjut = models.DateField(_("tanggal tindak lanjut"), null=True, blank=True)
    tindak_lanjut_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tindak lanjut dicatat oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    tindak_lanjut_dicatat_pada = models.DateTimeField(null=True, blank=True)
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["monev_id", "id"]
        verbose_name = _("temuan monitoring dan evaluasi")
        verbose_name_plural = _("temuan monitoring dan evaluasi")

    def __str__(self) -> str:
        return self.uraian[:60]
