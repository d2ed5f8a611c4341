"""Electronic signatures (TTE) on KERSA's documents, their validation and the short
code printed as a QR on every signed PDF (issue 16; Pasal 20 ayat 3, Pasal 24, Pasal 26).

A signed PDF is a version of its Dokumen like any other (immutable, with its SHA-256);
these rows say who signed it, with which certificate, and what the validator found.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import PeranTte

__all__ = ["KodeVerifikasi", "TandaTanganTte", "ValidasiTte"]


class KodeVerifikasi(models.Model):
    """The short code of a document signed electronically: printed with a QR code on every
    signature, it leads anyone to ``/verifikasi/<kode>/`` (no login)."""

    dokumen = models.OneToOneField(
        "documents.Dokumen", on_delete=models.CASCADE, related_name="kode_verifikasi"
    )
    kode = models.CharField(_("kode verifikasi"), max_length=16, unique=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kode verifikasi")
        verbose_name_plural = _("kode verifikasi")

    def __str__(self) -> str:
        return self.kode


class TandaTanganTte(models.Model):
    """One electronic signature or paraf made in KERSA on a document (P20-3, P24-1…3,
    P20-4): the signed version it produced, the signer and the office, the certificate
    and the time the signature carries (the timestamp where one was obtained)."""

    dokumen = models.ForeignKey("documents.Dokumen", on_delete=models.CASCADE, related_name="tte")
    versi = models.OneToOneField(
        "documents.VersiDokumen", on_delete=models.PROTECT, related_name="tte"
    )
    peran = models.CharField(_("peran"), max_length=15, choices=PeranTte.choices)
    penanda = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penanda tangan"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    nama = models.CharField(_("nama pada sertifikat"), max_length=200)
    jabatan = models.CharField(_("jabatan"), max_length=200)
    subjek = models.TextField(_("subjek sertifikat"))
    penerbit = models.TextField(_("penerbit sertifikat"))
    serial = models.CharField(_("nomor seri sertifikat"), max_length=80)
    sidik_jari = models.CharField(_("SHA-256 sertifikat"), max_length=64)
    penyedia = models.CharField(_("penyedia"), max_length=10)
    waktu = models.DateTimeField(_("waktu tanda tangan"))
    bercap_waktu = models.BooleanField(_("dengan cap waktu tepercaya"), default=False)
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["dokumen_id", "versi__nomor"]
        verbose_name = _("tanda tangan elektronik")
        verbose_name_plural = _("tanda tangan elektronik")

    def __str__(self) -> str:
        return f"{self.get_peran_display()} {self.nama} ({self.versi})"


class ValidasiTte(models.Model):
    """What pyHanko's validator found in a signed PDF version, against the trust roots the
    office configures: for each signature its signer, time, integrity, trust, revocation and
    whether the file was changed after it; ``sah`` only when every one holds."""

    versi = models.ForeignKey(
        "documents.VersiDokumen", on_delete=models.CASCADE, related_name="validasi_tte"
    )
    sah = models.BooleanField(_("sah"))
    ringkasan = models.TextField(_("ringkasan"))
    tanda_tangan = models.JSONField(_("tanda tangan"), default=list)
    divalidasi_pada = models.DateTimeField(_("divalidasi pada"), auto_now_add=True)
    divalidasi_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["versi_id", "-divalidasi_pada", "-id"]
        verbose_name = _("hasil validasi TTE")
        verbose_name_plural = _("hasil validasi TTE")

    def __str__(self) -> str:
        return f"{self.versi}: {'sah' if self.sah else 'tidak sah'}"
