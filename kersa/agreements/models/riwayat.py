"""The history of a KSDD: every status change and every step is a row."""

import pgtrigger
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Status

__all__ = ["RiwayatTahap"]


class RiwayatTahap(models.Model):
    """One action on a KSDD: who (or the system), when, from which status to which,
    why, and the documents it rests on (Pasal 13; P13).

    Written once (P13): on PostgreSQL the database refuses a DELETE and every UPDATE
    but the one that fills ``dikabarkan_pada`` (empty until then, set once by the
    notification task). A KSDD with history is never deleted (PROTECT): it is
    cancelled (``batalkan``).
    """

    ksdd = models.ForeignKey("agreements.Ksdd", on_delete=models.PROTECT, related_name="riwayat")
    aksi = models.CharField(_("aksi"), max_length=40)
    dari = models.CharField(_("dari"), max_length=25, choices=Status.choices)
    ke = models.CharField(_("ke"), max_length=25, choices=Status.choices)
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Kosong bila dilakukan oleh sistem."),
    )
    waktu = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    alasan = models.TextField(_("keterangan"), blank=True)
    rule = models.CharField(_("dasar (aturan)"), max_length=20, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    berkas = models.ManyToManyField("documents.Berkas", blank=True, related_name="riwayat")
    dikabarkan_pada = models.DateTimeField(
        _("dikabarkan pada"),
        null=True,
        blank=True,
        help_text=_("Kapan pihak yang harus bertindak diberi tahu (sekali saja)."),
    )

    class Meta:
        ordering = ["waktu", "id"]
        verbose_name = _("riwayat tahap")
        verbose_name_plural = _("riwayat tahap")
        triggers = [
            pgtrigger.Protect(name="riwayat_tetap", operation=pgtrigger.Delete),
            # P13: only ``dikabarkan_pada`` may change, and only from empty.
            pgtrigger.Protect(
                name="riwayat_tetap_ubah",
                operation=pgtrigger.Update,
                condition=pgtrigger.Condition(
                    "OLD.dikabarkan_pada IS NOT NULL OR "
                    "(to_jsonb(OLD.*) - 'dikabarkan_pada') "
                    "IS DISTINCT FROM (to_jsonb(NEW.*) - 'dikabarkan_pada')"
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ksdd_id}: {self.dari} → {self.ke}"

    @property
    def berpindah(self) -> bool:
        return self.dari != self.ke
