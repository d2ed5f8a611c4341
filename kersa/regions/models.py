"""Regions of Indonesia, their borders, and the home region's agencies."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from kersa.core.riwayat import HistoricalRecordsTetap

from .choices import JenisWilayah

__all__ = ["Wilayah", "Perbatasan", "PerangkatDaerah", "KepalaDaerah"]

_SEBUTAN_KEPALA = {
    JenisWilayah.PROVINSI: _("Gubernur"),
    JenisWilayah.KABUPATEN: _("Bupati"),
    JenisWilayah.KOTA: _("Wali Kota"),
}


class Wilayah(models.Model):
    """A provinsi, kabupaten or kota with its Kemendagri code.

    The home region (*Daerah*, Pasal 1 angka 2, P1-2) and every partner
    (*Daerah Lain*, Pasal 1 angka 3, P1-3) are rows of this table.
    """

    kode = models.CharField(_("kode Kemendagri"), max_length=5, primary_key=True)
    nama = models.CharField(_("nama"), max_length=100, db_index=True)
    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisWilayah.choices)
    provinsi = models.ForeignKey(
        "self",
        verbose_name=_("provinsi"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="kabupaten_kota",
    )
    ibu_kota = models.CharField(
        _("ibu kota (kedudukan pemerintahan)"),
        max_length=100,
        blank=True,
        help_text=_("Dicetak sebagai kedudukan para pihak dalam naskah, mis. Tamiang Layang."),
    )
    lambang = models.ImageField(
        _("lambang daerah"),
        upload_to="lambang/",
        blank=True,
        help_text=_("PNG atau JPEG; dicetak pada kepala PKS (Pasal 12 ayat 3 dan 4)."),
    )

    class Meta:
        ordering = ["kode"]
        verbose_name = _("wilayah")
        verbose_name_plural = _("wilayah")

    def __str__(self) -> str:
        return f"{self.nama_lengkap} ({self.kode})"

    @property
    def nama_lengkap(self) -> str:
        """'Kabupaten Barito Selatan', 'Kota Palangka Raya', 'Provinsi Kalimantan Tengah'."""
        return f"{JenisWilayah(self.jenis).label} {self.nama}"

    @property
    def sebutan_kepala(self) -> str:
        """Title of the head of region: Bupati, Wali Kota or Gubernur."""
        return str(_SEBUTAN_KEPALA[JenisWilayah(self.jenis)])

    @property
    def adalah_daerah(self) -> bool:
        return self.kode == settings.KERSA_HOME_REGION


class Perbatasan(models.Model):
    """Two regions that share a land boundary (P1-3; needed by P7-1).

    Each pair is stored once with ``wilayah_a.kode < wilayah_b.kode``.
    """

    wilayah_a = models.ForeignKey(
        Wilayah, on_delete=models.CASCADE, related_name="+", verbose_name=_("wilayah A")
    )
    wilayah_b = models.ForeignKey(
        Wilayah, on_delete=models.CASCADE, related_name="+", verbose_name=_("wilayah B")
    )
    panjang_km = models.DecimalField(
        _("perkiraan panjang batas (km)"), max_digits=8, decimal_places=2
    )

    class Meta:
        verbose_name = _("perbatasan")
        verbose_name_plural = _("perbatasan")
        constraints = [
            models.UniqueConstraint(fields=["wilayah_a", "wilayah_b"], name="perbatasan_unik"),
            models.CheckConstraint(
                condition=Q(wilayah_a__lt=F("wilayah_b")), name="perbatasan_urut"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.wilayah_a_id} – {self.wilayah_b_id}"


class PerangkatDaerah(models.Model):
    """An agency (Perangkat Daerah) of the home region with its head (Pasal 1 angka 6; P1-6).

    Agency operators belong to one; a KSDD is owned by the agency that
    initiates it or handles its urusan.
    """

    nama = models.CharField(_("nama"), max_length=200, unique=True)
    singkatan = models.CharField(_("singkatan"), max_length=30, blank=True)
    kepala_nama = models.CharField(_("nama kepala"), max_length=150, blank=True)
    kepala_nip = models.CharField(_("NIP kepala"), max_length=18, blank=True)
    kepala_jabatan = models.CharField(
        _("jabatan kepala"), max_length=150, blank=True, help_text=_("mis. Kepala Dinas")
    )
    alamat = models.CharField(_("alamat"), max_length=250, blank=True)
    # The agency's own letterhead (Tata Naskah Dinas, Permendagri 1/2023): printed under
    # its name on every record its head signs (kop surat settings page).
    telepon = models.CharField(_("telepon"), max_length=100, blank=True)
    email = models.EmailField(_("pos-el"), blank=True)
    laman = models.CharField(_("laman"), max_length=200, blank=True)
    membidangi_kerja_sama = models.BooleanField(
        _("membidangi kerja sama daerah"),
        default=False,
        help_text=_("Perangkat Daerah (Bagian) yang membidangi kerja sama (Pasal 21 ayat 2)."),
    )
    aktif = models.BooleanField(_("aktif"), default=True)

    history = HistoricalRecordsTetap()

    class Meta:
        ordering = ["nama"]
        verbose_name = _("perangkat daerah")
        verbose_name_plural = _("perangkat daerah")

    def __str__(self) -> str:
        return self.singkatan or self.nama

    @property
    def baris_kontak(self) -> str:
        """'Telepon (0525) 21117, Pos-el dinkes@…, Laman …' for the agency's letterhead."""
        bagian = [("Telepon", self.telepon), ("Pos-el", self.email), ("Laman", self.laman)]
        return ", ".join(f"{label} {nilai}" for label, nilai in bagian if nilai)


class KepalaDaerah(models.Model):
    """Who heads a region from when to when — the Bupati, Wali Kota or Gubernur, or a
    Penjabat/Pelaksana Tugas — with the decree that appointed them. Generated KB, PKS and
    letters print the head on the document's date and the decree as the party's basis
    ("berdasarkan Keputusan Menteri Dalam Negeri Nomor …", P11-3, P12-5)."""

    class Status(models.TextChoices):
        DEFINITIF = "definitif", _("Definitif")
        PJ = "pj", _("Penjabat (Pj.)")
        PLT = "plt", _("Pelaksana Tugas (Plt.)")

    wilayah = models.ForeignKey(Wilayah, on_delete=models.CASCADE, related_name="kepala_daerah")
    nama = models.CharField(_("nama (tanpa gelar jabatan)"), max_length=150)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DEFINITIF
    )
    nomor_keputusan = models.CharField(_("nomor keputusan pengangkatan"), max_length=100)
    tanggal_keputusan = models.DateField(_("tanggal keputusan"))
    mulai = models.DateField(_("menjabat sejak"))
    selesai = models.DateField(_("menjabat sampai"), null=True, blank=True)

    class Meta:
        ordering = ["wilayah_id", "-mulai"]
        verbose_name = _("kepala daerah")
        verbose_name_plural = _("kepala daerah")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(selesai__isnull=True) | models.Q(selesai__gte=models.F("mulai")),
                name="kepala_daerah_periode_urut",
                violation_error_message=_("Masa jabatan berakhir sebelum dimulai."),
            )
        ]
        indexes = [models.Index(fields=["wilayah", "mulai"])]

    def __str__(self) -> str:
        return f"{self.jabatan}: {self.nama}"

    @property
    def jabatan(self) -> str:
        """'Bupati Barito Selatan', 'Penjabat Bupati Barito Timur'."""
        awalan = {self.Status.PJ: "Penjabat ", self.Status.PLT: "Pelaksana Tugas "}
        return f"{awalan.get(self.status, '')}{self.wilayah.sebutan_kepala} {self.wilayah.nama}"
