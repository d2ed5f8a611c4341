"""The shape every letter recorded at a step shares: its number, its date, who recorded
it and when; a letter whose receipt starts a clock adds its receipt date, never before
the letter's own date (a CHECK in the database, as ``services.umum._surat_diterima``
refuses it first with the message). Each letter adds its file (``berkas``: its label and
whether it is required are the letter's own) and what else it carries."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["Surat", "SuratDiterima"]


class Surat(models.Model):
    """A letter: ``nomor``, ``tanggal_surat``, recorded by ``dicatat_oleh`` at ``dicatat_pada``."""

    nomor = models.CharField(_("nomor surat"), max_length=100)
    tanggal_surat = models.DateField(_("tanggal surat"))
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.nomor


class SuratDiterima(Surat):
    """A letter whose receipt date starts a clock (``deadlines.pemicu``)."""

    tanggal_diterima = models.DateField(_("tanggal surat diterima"))

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(tanggal_diterima__gte=models.F("tanggal_surat")),
                name="%(class)s_diterima_setelah_surat",
            )
        ]
