"""The KSDD record and its KAK."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kersa.core.errors import Pelanggaran, RuleViolation
from kersa.core.riwayat import HistoricalRecordsTetap

from ..choices import (
    STATUS_AKHIR,
    TAHAP_STATUS,
    Kategori,
    Pemrakarsa,
    PengecualianRencana,
    Status,
    Tahap,
)

__all__ = ["Ksdd", "Kak", "BantuanPendanaan", "NomorRegisterTahun"]


def tolak_hapus_ksdd() -> RuleViolation:
    """P13: a KSDD with history is cancelled (``batalkan``), never deleted."""
    return RuleViolation(
        Pelanggaran(
            "P13",
            _(
                "KSDD yang sudah memiliki riwayat tidak dapat dihapus: KSDD dibatalkan "
                "(langkah batalkan), bukan dihapus, agar setiap tahapnya tetap tercatat "
                "(Pasal 13)."
            ),
        )
    )


class KsddQuerySet(models.QuerySet):
    def delete(self):
        """P13: refused when any of the KSDD has history (the FK is PROTECT too)."""
        if self.filter(riwayat__isnull=False).exists():
            raise tolak_hapus_ksdd()
        return super().delete()


class Ksdd(models.Model):
    """One Kerja Sama Daerah dengan Daerah Lain (Pasal 1 angka 8), from persiapan to its end.

    Its ``status`` moves only through the services of ``agreements.services``
    (P13); every move is a ``RiwayatTahap`` row.
    """

    nomor_register = models.CharField(_("nomor register"), max_length=30, unique=True)
    judul = models.CharField(_("judul"), max_length=300)
    pemrakarsa = models.CharField(
        _("pemrakarsa"), max_length=10, choices=Pemrakarsa.choices, default=Pemrakarsa.DAERAH
    )
    perangkat_daerah = models.ForeignKey(
        "regions.PerangkatDaerah",
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        related_name="ksdd",
        help_text=_(
            "Perangkat Daerah pemrakarsa, atau yang menangani urusan bila mitra yang memprakarsai."
        ),
    )
    pemrakarsa_mitra = models.ForeignKey(
        "regions.Wilayah",
        verbose_name=_("daerah pemrakarsa"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    mitra = models.ManyToManyField(
        "regions.Wilayah", verbose_name=_("daerah mitra"), related_name="ksdd_sebagai_mitra"
    )
    kategori = models.CharField(_("kategori"), max_length=10, choices=Kategori.choices)
    bentuk = models.ForeignKey(
        "agreements.Bentuk", verbose_name=_("bentuk"), on_delete=models.PROTECT, related_name="+"
    )
    urusan = models.ManyToManyField("agreements.Urusan", verbose_name=_("urusan"))
    tujuan = models.ManyToManyField("agreements.Tujuan", verbose_name=_("tujuan"), blank=True)
    eksternalitas = models.TextField(
        _("eksternalitas lintas daerah"),
        blank=True,
        help_text=_("Wajib diisi untuk Kerja Sama Wajib (Pasal 7 ayat 1)."),
    )
    # Pasal 9 huruf b, c, d, f: who pays whom, on what basis; huruf g: what is exchanged.
    pembayar = models.ForeignKey(
        "regions.Wilayah",
        verbose_name=_("daerah yang membayar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    penerima_pembayaran = models.ForeignKey(
        "regions.Wilayah",
        verbose_name=_("daerah yang menerima pembayaran"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    dasar_pembayaran = models.TextField(_("dasar pembayaran/kompensasi"), blank=True)
    objek_pertukaran = models.TextField(_("layanan yang dipertukarkan"), blank=True)
    # Pasal 9 huruf d: the public pays a retribusi; the Perda that sets it (P9-d).
    dasar_perda_retribusi = models.CharField(
        _("dasar Perda retribusi"),
        max_length=250,
        blank=True,
        help_text=_(
            "Bentuk d: Peraturan Daerah yang menetapkan retribusi atas jasa pelayanan "
            "(Pasal 9 huruf d)."
        ),
    )
    # Pasal 5 ayat (2) and (3)
    dalam_rencana = models.BooleanField(
        _("obyek tercantum dalam perencanaan pembangunan daerah"), default=True
    )
    butir_rencana = models.ForeignKey(
        "planning.ButirRencana",
        verbose_name=_("butir daftar rencana KSDD"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ksdd",
        help_text=_(
            "Butir daftar rencana tahunan (Pasal 7 ayat 3, Pasal 8 ayat 3) yang memuat obyek ini."
        ),
    )
    dokumen_rencana = models.CharField(
        _("dokumen perencanaan"),
        max_length=250,
        blank=True,
        help_text=_("mis. RPJMD 2025–2029, RKPD 2026, Renstra Dinas Kesehatan"),
    )
    pengecualian_rencana = models.CharField(
        _("dasar pengecualian (Pasal 5 ayat 3)"),
        max_length=20,
        choices=PengecualianRencana.choices,
        blank=True,
    )
    alasan_pengecualian = models.TextField(_("penjelasan pengecualian"), blank=True)
    lokasi = models.CharField(_("lokasi"), max_length=250, blank=True)
    # Funding (Pasal 14 ayat 2 huruf h, Pasal 21 ayat 1, Pasal 32 ayat 1 huruf c)
    nilai_anggaran = models.DecimalField(
        _("nilai anggaran (Rp)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    sumber_dana = models.CharField(_("sumber dana"), max_length=150, blank=True)
    dianggarkan_apbd = models.BooleanField(
        _("telah dianggarkan dalam APBD tahun berjalan"), default=False
    )
    nomor_dpa = models.CharField(_("nomor DPA"), max_length=100, blank=True)
    membebani_masyarakat = models.BooleanField(_("membebani masyarakat dan daerah"), default=False)
    rencana_mulai = models.DateField(_("rencana mulai"), null=True, blank=True)
    jangka_waktu_bulan = models.PositiveSmallIntegerField(
        _("jangka waktu (bulan)"), null=True, blank=True
    )

    status = models.CharField(
        _("status"),
        max_length=25,
        choices=Status.choices,
        default=Status.PENYUSUNAN_KAK,
        db_index=True,
    )
    versi = models.PositiveIntegerField(
        _("versi"), default=1, help_text=_("Naik setiap kali KSDD berubah; mencegah tabrakan.")
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dibuat_pada = models.DateTimeField(_("dibuat pada"), auto_now_add=True, db_index=True)
    diubah_pada = models.DateTimeField(_("diubah pada"), auto_now=True)

    history = HistoricalRecordsTetap(excluded_fields=["versi", "diubah_pada"])

    objects = KsddQuerySet.as_manager()

    class Meta:
        ordering = ["-dibuat_pada"]
        verbose_name = _("KSDD")
        verbose_name_plural = _("KSDD")
        permissions = [
            ("lihat_semua_ksdd", _("Melihat KSDD semua Perangkat Daerah")),
            ("lihat_ksdd_dprd", _("Melihat KSDD yang diajukan ke DPRD")),
            ("ajukan_kak", _("Mengajukan KAK kepada TKKSD")),
            ("catat_petunjuk_tertulis", _("Mencatat petunjuk tertulis")),
            ("catat_telaah", _("Mencatat hasil telaah KAK")),
            ("catat_penawaran", _("Mencatat surat penawaran")),
            ("catat_rekomendasi_pleno", _("Mencatat rekomendasi Rapat Pleno")),
            ("catat_tanggapan", _("Mencatat tanggapan atas penawaran")),
            ("kelola_kb", _("Menyusun rancangan Kesepakatan Bersama")),
            ("tandatangani_kb", _("Mencatat penandatanganan Kesepakatan Bersama")),
            ("kelola_dprd", _("Memfasilitasi Persetujuan DPRD")),
            ("catat_persetujuan_dprd", _("Mencatat Persetujuan DPRD")),
            ("kelola_pks", _("Menyusun rancangan PKS")),
            ("tandatangani_pks", _("Mencatat penandatanganan PKS")),
            ("akhiri_ksdd", _("Mengakhiri KSDD")),
            ("batalkan_ksdd", _("Membatalkan KSDD")),
        ]
        constraints = [
            # P5-3: an object outside the plan carries its exception.
            models.CheckConstraint(
                condition=Q(dalam_rencana=True) | ~Q(pengecualian_rencana=""),
                name="ksdd_p5_3_pengecualian",
                violation_error_message=_(
                    "Obyek di luar perencanaan pembangunan daerah memerlukan dasar "
                    "pengecualian (Pasal 5 ayat 3)."
                ),
            ),
            models.CheckConstraint(
                condition=Q(jangka_waktu_bulan__isnull=True) | Q(jangka_waktu_bulan__gt=0),
                name="ksdd_jangka_waktu_positif",
            ),
        ]
        indexes = [
            models.Index(fields=["perangkat_daerah", "status"]),
            # The register's order (selectors.ksdd_register): a page is an index range,
            # not a sort of every KSDD (issue 18).
            models.Index(fields=["-dibuat_pada", "-id"], name="ksdd_register_urut"),
            # The public register's ETag reads the last change (reporting.statistik).
            models.Index(fields=["diubah_pada"], name="ksdd_diubah_pada"),
        ]

    def __str__(self) -> str:
        return f"{self.nomor_register} — {self.judul}"

    def delete(self, *args, **kwargs):
        """P13: a KSDD with history is cancelled, never deleted."""
        if self.pk and self.riwayat.exists():
            raise tolak_hapus_ksdd()
        return super().delete(*args, **kwargs)

    @property
    def tahap(self) -> str | None:
        """The Pasal 13 stage of the current status; None once the KSDD has ended."""
        return TAHAP_STATUS.get(self.status)

    @property
    def tahap_label(self) -> str:
        return str(Tahap(self.tahap).label) if self.tahap else str(Status(self.status).label)

    @property
    def sudah_berakhir(self) -> bool:
        return self.status in STATUS_AKHIR

    @property
    def memerlukan_persetujuan_dprd(self) -> bool:
        """P21-1: burdens the public and the region, and/or not budgeted in this year's APBD."""
        return self.membebani_masyarakat or not self.dianggarkan_apbd


class Kak(models.Model):
    """The Kerangka Acuan Kerja written at persiapan (Pasal 14 ayat 2; P14-2).

    A draft may be incomplete; it cannot be submitted until every part is filled.
    """

    BAGIAN = [
        ("latar_belakang", _("a. latar belakang")),
        ("maksud_tujuan", _("b. maksud dan tujuan")),
        ("lokasi", _("c. lokasi KSDD")),
        ("obyek_ruang_lingkup", _("d. obyek dan ruang lingkup")),
        ("jangka_waktu", _("e. jangka waktu")),
        ("manfaat", _("f. manfaat")),
        ("analisis_dampak", _("g. analisis dampak sosial dan lingkungan")),
        ("pembiayaan", _("h. pembiayaan")),
    ]

    ksdd = models.OneToOneField(Ksdd, on_delete=models.CASCADE, related_name="kak")
    latar_belakang = models.TextField(_("latar belakang"), blank=True)
    maksud_tujuan = models.TextField(_("maksud dan tujuan"), blank=True)
    lokasi = models.TextField(_("lokasi KSDD"), blank=True)
    obyek_ruang_lingkup = models.TextField(_("obyek dan ruang lingkup"), blank=True)
    jangka_waktu = models.TextField(_("jangka waktu"), blank=True)
    manfaat = models.TextField(_("manfaat"), blank=True)
    analisis_dampak = models.TextField(_("analisis dampak sosial dan lingkungan"), blank=True)
    pembiayaan = models.TextField(_("pembiayaan"), blank=True)

    history = HistoricalRecordsTetap()

    class Meta:
        verbose_name = _("kerangka acuan kerja")
        verbose_name_plural = _("kerangka acuan kerja")

    def __str__(self) -> str:
        return f"KAK {self.ksdd.nomor_register}"

    def bagian_kosong(self) -> list[tuple[str, str]]:
        """The parts of P14-2 still empty, as (field, label)."""
        return [(f, str(label)) for f, label in self.BAGIAN if not getattr(self, f).strip()]


class BantuanPendanaan(models.Model):
    """Funding assistance to a partner for a Kerja Sama Wajib (Pasal 31 ayat 1; P31-1)."""

    ksdd = models.ForeignKey(Ksdd, on_delete=models.CASCADE, related_name="bantuan_pendanaan")
    mitra = models.ForeignKey(
        "regions.Wilayah", verbose_name=_("daerah penerima"), on_delete=models.PROTECT
    )
    jumlah = models.DecimalField(_("jumlah (Rp)"), max_digits=16, decimal_places=2)
    tahun_anggaran = models.PositiveSmallIntegerField(_("tahun anggaran"))
    perangkat_daerah = models.ForeignKey(
        "regions.PerangkatDaerah",
        verbose_name=_("melalui APBD pada Perangkat Daerah"),
        on_delete=models.PROTECT,
    )
    keterangan = models.TextField(_("keterangan"), blank=True)
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bantuan pendanaan")
        verbose_name_plural = _("bantuan pendanaan")
        constraints = [models.CheckConstraint(condition=Q(jumlah__gt=0), name="bantuan_positif")]

    def __str__(self) -> str:
        return f"{self.ksdd.nomor_register}: {self.jumlah}"


class NomorRegisterTahun(models.Model):
    """The last register number given in a year (``KSDD/2026/0004``): the row is
    locked (``select_for_update``) while a new KSDD takes the next number, so parallel
    creates queue on it instead of computing the same number (issue 19)."""

    tahun = models.PositiveSmallIntegerField(_("tahun"), unique=True)
    terakhir = models.PositiveIntegerField(_("nomor urut terakhir"), default=0)

    class Meta:
        verbose_name = _("nomor register terakhir")
        verbose_name_plural = _("nomor register terakhir")

    def __str__(self) -> str:
        return f"KSDD/{self.tahun}/{self.terakhir:04d}"
