"""Reference data of the regulation: urusan (Pasal 5), bentuk (Pasal 9), tujuan (Pasal 3).

Loaded idempotently by ``manage.py muat_data_acuan`` from ``agreements/data``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import KelompokUrusan

__all__ = ["Urusan", "Bentuk", "Tujuan"]


class Urusan(models.Model):
    """An *urusan pemerintahan*, the object of a KSDD (Pasal 5 ayat 4; P5-4)."""

    kode = models.CharField(_("kode"), max_length=10, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    kelompok = models.CharField(_("kelompok"), max_length=10, choices=KelompokUrusan.choices)
    urutan = models.PositiveSmallIntegerField(_("urutan"))

    class Meta:
        ordering = ["urutan"]
        verbose_name = _("urusan pemerintahan")
        verbose_name_plural = _("urusan pemerintahan")

    def __str__(self) -> str:
        return self.nama


class Bentuk(models.Model):
    """A form of KSDD (Pasal 9 huruf a–i; P9-a…i), its definition shown as help text."""

    kode = models.CharField(_("huruf"), max_length=1, unique=True)
    nama = models.CharField(_("nama"), max_length=150)
    definisi = models.TextField(_("definisi (Pasal 9)"))
    wajib_kompensasi = models.BooleanField(
        _("memuat kewajiban pembayaran/kompensasi"),
        default=False,
        help_text=_("Bentuk b, c, d, f: siapa membayar kepada siapa dan atas dasar apa."),
    )
    pertukaran_layanan = models.BooleanField(
        _("pertukaran layanan"), default=False, help_text=_("Bentuk g: apa yang dipertukarkan.")
    )

    class Meta:
        ordering = ["kode"]
        verbose_name = _("bentuk KSDD")
        verbose_name_plural = _("bentuk KSDD")

    def __str__(self) -> str:
        return f"{self.kode}. {self.nama}"


class Tujuan(models.Model):
    """A goal of KSDD (Pasal 3 huruf a–e; P3)."""

    kode = models.CharField(_("huruf"), max_length=1, unique=True)
    uraian = models.CharField(_("uraian"), max_length=250)

    class Meta:
        ordering = ["kode"]
        verbose_name = _("tujuan KSDD")
        verbose_name_plural = _("tujuan KSDD")

    def __str__(self) -> str:
        return f"{self.kode}. {self.uraian}"
