"""TKKSD's work programme (Pasal 37 ayat 2 huruf b; P37-2)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import TugasTkksd

__all__ = ["ProgramKerja", "KegiatanProgramKerja"]


class ProgramKerja(models.Model):
    """The work programme of one year, set by a Rapat Pleno (P37-2) and drafted in a
    Rapat Teknis (Pasal 38 ayat 3 huruf b)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    ditetapkan_dalam = models.ForeignKey(
        "governance.Rapat",
        verbose_name=_("ditetapkan dalam Rapat Pleno"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="program_kerja",
    )
    catatan = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["-tahun"]
        verbose_name = _("program kerja TKKSD")
        verbose_name_plural = _("program kerja TKKSD")

    def __str__(self) -> str:
        return str(self.tahun)


class KegiatanProgramKerja(models.Model):
    """One activity of the work programme, under a duty of Pasal 34 ayat (2)."""

    program = models.ForeignKey(ProgramKerja, on_delete=models.CASCADE, related_name="kegiatan")
    uraian = models.CharField(_("kegiatan"), max_length=300)
    tugas = models.CharField(
        _("tugas TKKSD (Pasal 34 ayat 2)"), max_length=1, choices=TugasTkksd.choices
    )
    triwulan = models.PositiveSmallIntegerField(
        _("triwulan"), choices=[(i, f"Triwulan {i}") for i in (1, 2, 3, 4)]
    )
    penanggung_jawab = models.CharField(_("penanggung jawab"), max_length=200, blank=True)
    selesai = models.BooleanField(_("terlaksana"), default=False)

    class Meta:
        ordering = ["program_id", "triwulan", "id"]
        verbose_name = _("kegiatan program kerja")
        verbose_name_plural = _("kegiatan program kerja")

    def __str__(self) -> str:
        return self.uraian
