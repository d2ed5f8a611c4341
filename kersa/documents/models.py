"""Uploaded letters and attachments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import JenisBerkas

__all__ = ["Berkas"]


def _path(instance: "Berkas", filename: str) -> str:
    # The stored name never comes from the user (no path tricks): checksum + extension.
    ext = filename.rsplit(".", 1)[-1].lower()
    return f"berkas/{instance.sha256[:2]}/{instance.sha256}.{ext}"


class Berkas(models.Model):
    """An uploaded letter or attachment (PDF or DOCX, checked by content), linked to the
    KSDD and the step it belongs to; kept by the TKKSD secretariat (Pasal 26; P26).
    Immutable once stored.
    """

    ksdd = models.ForeignKey(
        "agreements.Ksdd", on_delete=models.CASCADE, related_name="berkas", null=True, blank=True
    )
    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisBerkas.choices)
    file = models.FileField(_("berkas"), upload_to=_path, max_length=200)
    nama_asli = models.CharField(_("nama berkas"), max_length=200)
    content_type = models.CharField(_("tipe"), max_length=100)
    ukuran = models.PositiveIntegerField(_("ukuran (byte)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)

    class Meta:
        ordering = ["-diunggah_pada", "-id"]
        verbose_name = _("berkas")
        verbose_name_plural = _("berkas")

    def __str__(self) -> str:
        return self.nama_asli
