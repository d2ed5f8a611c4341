"""The Sekretariat Kerja Sama (Pasal 40–41), association memberships (Pasal 43) and
guidance activities (Pasal 44)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kersa.core.models import RiwayatStatus
from kersa.core.riwayat import riwayat_tetap
from kersa.core.status import Alur

from ..choices import BentukPembinaan, JenisAsosiasi

__all__ = [
    "SekretariatKerjaSama",
    "KeanggotaanAsosiasi",
    "RiwayatKeanggotaan",
    "StatusKeanggotaan",
    "KegiatanPembinaan",
]


class SekretariatKerjaSama(models.Model):
    """A Sekretariat Kerja Sama of a Kerja Sama Wajib (Pasal 40; P40-2, P40-4, P41):
    set up by a Kesepakatan Bersama of the heads of region, not an agency; it helps
    manage, monitor and evaluate, advises and reports to each head; each region funds it
    by hibah from its APBD. Whether a KSDD qualifies (continuous, complex, at least five
    years) is said by the service before one is recorded; the clerk's confirmation that
    the cooperation is continuous (huruf a) is kept with who gave it and when."""

    ksdd = models.OneToOneField(
        "agreements.Ksdd", on_delete=models.PROTECT, related_name="sekretariat_kerja_sama"
    )
    nama = models.CharField(_("nama sekretariat"), max_length=200)
    nomor_kesepakatan = models.CharField(
        _("nomor Kesepakatan Bersama pembentukan (Pasal 40 ayat 4)"), max_length=100
    )
    tanggal_kesepakatan = models.DateField(_("tanggal Kesepakatan Bersama"))
    alamat = models.CharField(_("kedudukan/alamat"), max_length=250, blank=True)
    hibah_tahunan = models.DecimalField(
        _("hibah APBD Daerah per tahun (Rp) (Pasal 41 ayat 2)"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
    )
    catatan = models.TextField(_("catatan tugas dan laporan (Pasal 41 ayat 1)"), blank=True)
    terus_menerus = models.BooleanField(
        _("kerja sama dilakukan secara terus-menerus (Pasal 40 ayat 2 huruf a)"), default=False
    )
    terus_menerus_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dikonfirmasi terus-menerus oleh"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    terus_menerus_pada = models.DateTimeField(
        _("dikonfirmasi terus-menerus pada"), null=True, blank=True
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Sekretariat Kerja Sama")
        verbose_name_plural = _("Sekretariat Kerja Sama")
        permissions = [("kelola_pembinaan", _("Mengelola pembinaan, asosiasi dan sekretariat"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(terus_menerus=False) | Q(terus_menerus_pada__isnull=False),
                name="sekretariat_terus_menerus_dikonfirmasi",
                violation_error_message=_(
                    "Konfirmasi terus-menerus harus mencatat waktunya (Pasal 40 ayat 2 huruf a)."
                ),
            )
        ]

    def __str__(self) -> str:
        return self.nama


class StatusKeanggotaan(models.TextChoices):
    BERJALAN = "berjalan", _("Berjalan")
    BERAKHIR = "berakhir", _("Berakhir")


def _keadaan_keanggotaan(k) -> str:
    """A membership has no status column: it has ended once it has an end date."""
    return StatusKeanggotaan.BERAKHIR if k.selesai else StatusKeanggotaan.BERJALAN


# The moves of a membership (core.status.pindah): recorded, then ended (P43).
ALUR_KEANGGOTAAN = Alur(
    gerak={
        ("", StatusKeanggotaan.BERJALAN): "P43",
        (StatusKeanggotaan.BERJALAN, StatusKeanggotaan.BERAKHIR): "P43",
    },
    tolak={
        StatusKeanggotaan.BERJALAN: _(
            "Keanggotaan yang sudah %(dari)s tidak dapat berjalan kembali; catat keanggotaan "
            "baru (Pasal 43)."
        ),
        StatusKeanggotaan.BERAKHIR: _(
            "Keanggotaan yang sudah %(dari)s tidak dapat diakhiri lagi (Pasal 43)."
        ),
    },
    keadaan=_keadaan_keanggotaan,
)


class KeanggotaanAsosiasi(models.Model):
    """The region's membership of an association or cooperation forum (Pasal 43; P43)."""

    jenis = models.CharField(_("jenis"), max_length=16, choices=JenisAsosiasi.choices)
    nama = models.CharField(_("nama asosiasi/wadah"), max_length=200)
    dasar = models.CharField(
        _("dasar keanggotaan"), max_length=250, blank=True, help_text=_("mis. nomor keputusan")
    )
    mulai = models.DateField(_("anggota sejak"))
    selesai = models.DateField(_("berakhir"), null=True, blank=True)
    iuran_tahunan = models.DecimalField(
        _("iuran per tahun (Rp)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    keterangan = models.TextField(_("keterangan"), blank=True)
    alur = ALUR_KEANGGOTAAN  # its allowed moves (core.status.pindah)

    class Meta:
        ordering = ["jenis", "nama"]
        verbose_name = _("keanggotaan asosiasi")
        verbose_name_plural = _("keanggotaan asosiasi")
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=F("mulai")),
                name="asosiasi_periode_urut",
                violation_error_message=_("Keanggotaan berakhir sebelum dimulai."),
            )
        ]

    def __str__(self) -> str:
        return self.nama


class RiwayatKeanggotaan(RiwayatStatus):
    """Every change of a membership (recorded, ended), as a row: who, when, from which
    date and why (Pasal 43; P43)."""

    keanggotaan = models.ForeignKey(
        KeanggotaanAsosiasi, on_delete=models.CASCADE, related_name="riwayat"
    )
    dari = models.CharField(max_length=10, choices=StatusKeanggotaan.choices, blank=True)
    ke = models.CharField(max_length=10, choices=StatusKeanggotaan.choices)
    tanggal = models.DateField(_("berlaku pada"))

    class Meta:
        ordering = ["keanggotaan_id", "pada", "id"]
        verbose_name = _("riwayat keanggotaan asosiasi")
        verbose_name_plural = _("riwayat keanggotaan asosiasi")
        triggers = [riwayat_tetap()]  # P13: written once


class KegiatanPembinaan(models.Model):
    """A guidance activity of the Bupati, through the cooperation agency, for the
    agencies running KSDD (Pasal 44; P44)."""

    bentuk = models.CharField(_("bentuk pembinaan"), max_length=12, choices=BentukPembinaan.choices)
    judul = models.CharField(_("kegiatan"), max_length=250)
    tanggal = models.DateField(_("tanggal"), db_index=True)
    tempat = models.CharField(_("tempat"), max_length=200, blank=True)
    narasumber = models.CharField(_("narasumber/pelaksana"), max_length=200, blank=True)
    peserta = models.ManyToManyField(
        "regions.PerangkatDaerah", verbose_name=_("Perangkat Daerah peserta"), related_name="+"
    )
    ksdd = models.ManyToManyField(
        "agreements.Ksdd", verbose_name=_("KSDD yang dibahas"), related_name="+", blank=True
    )
    ringkasan = models.TextField(_("ringkasan hasil"), blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = _("kegiatan pembinaan")
        verbose_name_plural = _("kegiatan pembinaan")

    def __str__(self) -> str:
        return self.judul
