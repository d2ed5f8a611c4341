"""Uploaded letters and attachments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import AsalVersi, JenisBerkas, JenisDokumen
from .tetap import TetapManager, TetapMixin

__all__ = ["Berkas", "Dokumen", "VersiDokumen", "PenomoranSurat", "NomorSurat"]


def _path(instance: "Berkas", filename: str) -> str:
    # The stored name never comes from the user (no path tricks): checksum + extension.
    ext = filename.rsplit(".", 1)[-1].lower()
    return f"berkas/{instance.sha256[:2]}/{instance.sha256}.{ext}"


class Berkas(TetapMixin, models.Model):
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

    objects = TetapManager()

    class Meta:
        ordering = ["-diunggah_pada", "-id"]
        verbose_name = _("berkas")
        verbose_name_plural = _("berkas")

    def __str__(self) -> str:
        return self.nama_asli


class Dokumen(models.Model):
    """A document of a KSDD that the regulation names (a KB, a PKS, a letter),
    kept as a series of immutable versions: generated, revised after a rapat
    teknis, the partner's counter-draft, the agreed text, the signed scan. The
    amendments of a PKS (Pasal 25) are its versions.
    """

    ksdd = models.ForeignKey(
        "agreements.Ksdd", on_delete=models.CASCADE, related_name="dokumen", null=True, blank=True
    )
    jenis = models.CharField(_("jenis dokumen"), max_length=20, choices=JenisDokumen.choices)
    judul = models.CharField(_("judul"), max_length=300)
    mitra = models.ForeignKey(
        "regions.Wilayah",
        verbose_name=_("ditujukan kepada daerah"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    nomor = models.CharField(_("nomor dokumen"), max_length=100, blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        ordering = ["ksdd_id", "jenis", "id"]
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")

    def __str__(self) -> str:
        return self.judul


class VersiDokumen(TetapMixin, models.Model):
    """One version of a Dokumen: immutable, numbered 1, 2, 3…, with who, when, where
    it came from and its file (whose SHA-256 is kept on the Berkas). No user
    overwrites or deletes a version; a correction is a new version.
    """

    dokumen = models.ForeignKey(Dokumen, on_delete=models.CASCADE, related_name="versi")
    nomor = models.PositiveIntegerField(_("versi ke"))
    asal = models.CharField(_("asal"), max_length=20, choices=AsalVersi.choices)
    berkas = models.ForeignKey(Berkas, on_delete=models.PROTECT, related_name="versi_dokumen")
    catatan = models.TextField(_("catatan"), blank=True)
    # P25-7: the DPRD approval an amendment that adds a burden rests on (one each).
    persetujuan_dprd_perubahan = models.OneToOneField(
        "agreements.PersetujuanDprdPerubahan",
        verbose_name=_("Persetujuan DPRD atas perubahan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="versi",
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    objects = TetapManager()

    class Meta:
        ordering = ["dokumen_id", "nomor"]
        verbose_name = _("versi dokumen")
        verbose_name_plural = _("versi dokumen")
        constraints = [
            models.UniqueConstraint(fields=["dokumen", "nomor"], name="versi_dokumen_unik")
        ]

    def __str__(self) -> str:
        return f"{self.dokumen} v{self.nomor}"


class PenomoranSurat(models.Model):
    """The numbering scheme of one kind of document, e.g. ``000.3/{urut}/Pem/{tahun}``
    (the regional filing code, a running number restarted each year, the unit)."""

    jenis = models.CharField(
        _("jenis dokumen"), max_length=20, choices=JenisDokumen.choices, unique=True
    )
    pola = models.CharField(
        _("pola nomor"),
        max_length=100,
        help_text=_(
            "Gunakan {urut} untuk nomor urut dan {tahun} untuk tahun, mis. 000.3/{urut}/Pem/{tahun}."
        ),
    )

    class Meta:
        ordering = ["jenis"]
        verbose_name = _("pola penomoran")
        verbose_name_plural = _("pola penomoran")

    def __str__(self) -> str:
        return f"{self.get_jenis_display()}: {self.pola}"


class NomorSurat(models.Model):
    """A number given to a document: never given twice (unique per kind and year,
    and unique as text)."""

    jenis = models.CharField(_("jenis dokumen"), max_length=20, choices=JenisDokumen.choices)
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    urut = models.PositiveIntegerField(_("nomor urut"))
    nomor = models.CharField(_("nomor"), max_length=100, unique=True)
    dokumen = models.ForeignKey(
        Dokumen, on_delete=models.PROTECT, null=True, blank=True, related_name="nomor_surat"
    )
    diberikan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    diberikan_pada = models.DateTimeField(_("diberikan pada"), auto_now_add=True)

    class Meta:
        ordering = ["jenis", "tahun", "urut"]
        verbose_name = _("nomor surat")
        verbose_name_plural = _("nomor surat")
        constraints = [
            models.UniqueConstraint(fields=["jenis", "tahun", "urut"], name="nomor_surat_unik")
        ]

    def __str__(self) -> str:
        return self.nomor
