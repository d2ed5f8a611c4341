"""Identification and mapping, and the yearly plan list (Pasal 7–8)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kersa.agreements.choices import Kategori
from kersa.core.models import RiwayatStatus
from kersa.core.riwayat import riwayat_tetap

from .choices import ALUR_IDENTIFIKASI, ForumProvinsi, Prioritas, StatusIdentifikasi

__all__ = ["Identifikasi", "RiwayatIdentifikasi", "ButirRencana"]


class Identifikasi(models.Model):
    """The *Identifikasi dan Pemetaan* of one category for one plan year, coordinated by
    the cooperation agency with the planning agency and involving every agency
    (Pasal 7 ayat 2, Pasal 8 ayat 2; P7-2, P8-2). Its result is the plan list
    (``ButirRencana``), set down in a Berita Acara signed by the Bupati (P7-5, P8-4).
    Sukarela identification happens in Triwulan I of the year before (P8-5):
    ``tanggal_selesai`` after 31 March of ``tahun_rencana - 1`` is flagged.
    """

    kategori = models.CharField(_("kategori"), max_length=10, choices=Kategori.choices)
    tahun_rencana = models.PositiveSmallIntegerField(_("rencana untuk tahun"))
    tanggal_mulai = models.DateField(_("identifikasi dimulai"))
    tanggal_selesai = models.DateField(_("identifikasi selesai"), null=True, blank=True)
    perangkat_perencanaan = models.ForeignKey(
        "regions.PerangkatDaerah",
        verbose_name=_("Perangkat Daerah perencanaan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    perangkat_terlibat = models.ManyToManyField(
        "regions.PerangkatDaerah",
        verbose_name=_("Perangkat Daerah yang terlibat"),
        related_name="identifikasi",
        blank=True,
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=StatusIdentifikasi.choices,
        default=StatusIdentifikasi.PENYUSUNAN,
    )
    alur = ALUR_IDENTIFIKASI  # its allowed moves (core.status.pindah)
    nomor_berita_acara = models.CharField(_("nomor Berita Acara"), max_length=100, blank=True)
    tanggal_berita_acara = models.DateField(
        _("tanggal Berita Acara ditandatangani Bupati"), null=True, blank=True
    )
    berita_acara = models.ForeignKey(
        "documents.Dokumen",
        verbose_name=_("Berita Acara"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    catatan = models.TextField(_("catatan"), blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tahun_rencana", "kategori"]
        verbose_name = _("identifikasi dan pemetaan")
        verbose_name_plural = _("identifikasi dan pemetaan")
        permissions = [("kelola_rencana", _("Mengelola identifikasi dan rencana KSDD"))]
        constraints = [
            models.UniqueConstraint(
                fields=["kategori", "tahun_rencana"], name="identifikasi_satu_per_tahun"
            ),
            models.CheckConstraint(
                condition=Q(status=StatusIdentifikasi.PENYUSUNAN)
                | (~Q(nomor_berita_acara="") & Q(tanggal_berita_acara__isnull=False)),
                name="identifikasi_ditetapkan_dengan_ba",
                violation_error_message=_(
                    "Daftar rencana ditetapkan dengan Berita Acara yang ditandatangani Bupati "
                    "(Pasal 7 ayat 5, Pasal 8 ayat 4)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kategori_display()} {self.tahun_rencana}"


class RiwayatIdentifikasi(RiwayatStatus):
    """Every status change of an identification, as a row."""

    identifikasi = models.ForeignKey(Identifikasi, on_delete=models.CASCADE, related_name="riwayat")
    dari = models.CharField(max_length=12, choices=StatusIdentifikasi.choices, blank=True)
    ke = models.CharField(max_length=12, choices=StatusIdentifikasi.choices)

    class Meta:
        ordering = ["identifikasi_id", "pada", "id"]
        verbose_name = _("riwayat identifikasi")
        verbose_name_plural = _("riwayat identifikasi")
        triggers = [riwayat_tetap()]  # P13: written once


class ButirRencana(models.Model):
    """One item of the yearly plan list: an urusan with its programme and activity,
    the partner regions, duration and priority (Pasal 7 ayat 3, Pasal 8 ayat 3; P7-3,
    P8-3). For a Kerja Sama Wajib between kabupaten/kota of one province, the
    provincial forum that discussed it (Pasal 7 ayat 4; P7-4). A KSDD links to its
    item: that answers P5-2 and picks the reply clock of a partner's offer (P18-1).
    """

    identifikasi = models.ForeignKey(Identifikasi, on_delete=models.CASCADE, related_name="butir")
    urusan = models.ForeignKey(
        "agreements.Urusan", verbose_name=_("urusan"), on_delete=models.PROTECT
    )
    program = models.CharField(_("program"), max_length=300)
    kegiatan = models.CharField(_("kegiatan"), max_length=300)
    perangkat_daerah = models.ForeignKey(
        "regions.PerangkatDaerah",
        verbose_name=_("Perangkat Daerah pengampu"),
        on_delete=models.PROTECT,
        related_name="butir_rencana",
    )
    mitra = models.ManyToManyField(
        "regions.Wilayah", verbose_name=_("daerah mitra"), related_name="+", blank=True
    )
    jangka_waktu_bulan = models.PositiveSmallIntegerField(_("jangka waktu (bulan)"))
    prioritas = models.PositiveSmallIntegerField(
        _("prioritas"), choices=Prioritas.choices, default=Prioritas.SEDANG
    )
    perkiraan_anggaran = models.DecimalField(
        _("perkiraan anggaran (Rp)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    dokumen_rencana = models.CharField(
        _("dokumen perencanaan"), max_length=250, blank=True, help_text=_("mis. RKPD 2027")
    )
    forum_provinsi = models.CharField(
        _("forum provinsi (Pasal 7 ayat 4)"),
        max_length=12,
        choices=ForumProvinsi.choices,
        blank=True,
    )
    tanggal_forum = models.DateField(_("tanggal forum provinsi"), null=True, blank=True)
    keterangan = models.TextField(_("keterangan"), blank=True)
    urutan = models.PositiveSmallIntegerField(_("nomor urut"), default=0)

    class Meta:
        ordering = ["identifikasi_id", "prioritas", "urutan", "id"]
        verbose_name = _("butir rencana KSDD")
        verbose_name_plural = _("butir rencana KSDD")
        constraints = [
            models.CheckConstraint(
                condition=Q(jangka_waktu_bulan__gt=0), name="butir_rencana_jangka_positif"
            ),
            models.CheckConstraint(
                condition=Q(forum_provinsi="") | Q(tanggal_forum__isnull=False),
                name="butir_rencana_forum_bertanggal",
                violation_error_message=_("Sebutkan tanggal forum provinsi (Pasal 7 ayat 4)."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program} — {self.kegiatan}"
