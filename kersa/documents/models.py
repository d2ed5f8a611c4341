"""Uploaded letters and attachments."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import AsalVersi, JenisBerkas, JenisDokumen
from .tetap import TetapManager, TetapMixin

__all__ = [
    "Berkas",
    "Dokumen",
    "KopSurat",
    "LambangGaruda",
    "NomorSurat",
    "PenomoranSurat",
    "TemplatDokumen",
    "VersiDokumen",
]


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


def _path_templat(instance: "TemplatDokumen", filename: str) -> str:
    return f"templat/{instance.jenis}/{instance.sha256}.docx"


class TemplatDokumen(TetapMixin, models.Model):
    """One uploaded Word template (DOCX with docxtpl tags) of a document kind, replacing
    the one shipped in ``documents/templat/``. Rows are the version history and never
    change: the newest row of a kind is in force; a row with ``bawaan`` (no file) puts
    the shipped template back in force; using an earlier version again is a new row."""

    jenis = models.CharField(_("jenis dokumen"), max_length=20, choices=JenisDokumen.choices)
    versi = models.PositiveIntegerField(_("versi ke"))
    bawaan = models.BooleanField(_("kembali ke templat bawaan"), default=False)
    file = models.FileField(_("templat"), upload_to=_path_templat, max_length=200, blank=True)
    nama_asli = models.CharField(_("nama berkas"), max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    catatan = models.CharField(_("catatan perubahan"), max_length=300, blank=True)
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)

    objects = TetapManager()

    class Meta:
        ordering = ["jenis", "-versi"]
        verbose_name = _("templat dokumen")
        verbose_name_plural = _("templat dokumen")
        permissions = [("kelola_templat", _("Mengelola templat Word dokumen"))]
        constraints = [
            models.UniqueConstraint(fields=["jenis", "versi"], name="templat_dokumen_versi_unik")
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} v{self.versi}"


class KopSurat(models.Model):
    """The address block of a letterhead (Tata Naskah Dinas, Permendagri 1/2023): the
    head of region's and the Sekretariat Daerah's, set on the letterhead settings page
    and printed under the unit's name on every letter that signer signs."""

    class Penanda(models.TextChoices):
        KEPALA = "kepala", _("Kepala daerah (Bupati)")
        SETDA = "setda", _("Sekretariat Daerah")

    penanda = models.CharField(_("kop"), max_length=10, choices=Penanda.choices, unique=True)
    alamat = models.CharField(_("alamat (jalan dan nomor)"), max_length=200, blank=True)
    kota = models.CharField(_("kota"), max_length=100, blank=True)
    kode_pos = models.CharField(_("kode pos"), max_length=10, blank=True)
    telepon = models.CharField(_("telepon"), max_length=100, blank=True)
    faksimile = models.CharField(_("faksimile"), max_length=100, blank=True)
    email = models.EmailField(_("pos-el"), blank=True)
    laman = models.CharField(_("laman"), max_length=200, blank=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)

    class Meta:
        ordering = ["penanda"]
        verbose_name = _("kop surat")
        verbose_name_plural = _("kop surat")

    def __str__(self) -> str:
        return self.get_penanda_display()

    @property
    def baris_alamat(self) -> str:
        """'Jalan Pahlawan Nomor 1, Buntok 73711'."""
        kota = " ".join(b for b in (self.kota, self.kode_pos) if b)
        return ", ".join(b for b in (self.alamat, kota) if b)

    @property
    def baris_kontak(self) -> str:
        """'Telepon (0525) 21006, Pos-el setda@…, Laman …'."""
        bagian = [
            ("Telepon", self.telepon),
            ("Faksimile", self.faksimile),
            ("Pos-el", self.email),
            ("Laman", self.laman),
        ]
        return ", ".join(f"{label} {nilai}" for label, nilai in bagian if nilai)


class LambangGaruda(models.Model):
    """The Garuda Pancasila image printed at the top of a KB (Pasal 11 ayat 2; P11-2),
    uploaded on the emblems page; the newest row is in force."""

    gambar = models.ImageField(_("gambar Garuda Pancasila"), upload_to="lambang/garuda/")
    diunggah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    diunggah_pada = models.DateTimeField(_("diunggah pada"), auto_now_add=True)

    class Meta:
        ordering = ["-diunggah_pada", "-id"]
        verbose_name = _("lambang Garuda Pancasila")
        verbose_name_plural = _("lambang Garuda Pancasila")
        permissions = [("kelola_lambang", _("Mengunggah lambang untuk dokumen"))]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
