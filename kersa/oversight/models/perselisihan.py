"""Disputes in running a KSDD and their settlement (Pasal 29–30; P29-1…4, P30)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kersa.core.models import RiwayatStatus
from kersa.core.riwayat import riwayat_tetap
from kersa.core.status import Alur

__all__ = [
    "StatusPerselisihan",
    "Perselisihan",
    "RiwayatPerselisihan",
    "RapatMusyawarah",
    "BerkasPerselisihan",
]


class StatusPerselisihan(models.TextChoices):
    MUSYAWARAH = "musyawarah", _("Musyawarah dan mufakat (Pasal 29)")
    SELESAI = "selesai", _("Selesai")
    DIAJUKAN_PROVINSI = "provinsi", _("Diajukan kepada TKKSD Provinsi (Pasal 30 ayat 1)")
    PERATURAN_LEBIH_TINGGI = "peraturan", _("Sesuai peraturan perundang-undangan (Pasal 30 ayat 2)")


STATUS_AKHIR_PERSELISIHAN = (StatusPerselisihan.SELESAI, StatusPerselisihan.PERATURAN_LEBIH_TINGGI)

_S = StatusPerselisihan
# The moves of a dispute (core.status.pindah): musyawarah (P29-1), settled by berita acara
# (P29-3) or submitted to the provincial TKKSD (P30 ayat 1), else settled under the higher
# regulation (P30 ayat 2); reporting the settlement to the Bupati is a row of its own (P29-4).
ALUR_PERSELISIHAN = Alur(
    gerak={
        ("", _S.MUSYAWARAH): "P29-1",
        (_S.MUSYAWARAH, _S.SELESAI): "P29-3",
        (_S.DIAJUKAN_PROVINSI, _S.SELESAI): "P29-3",
        (_S.MUSYAWARAH, _S.DIAJUKAN_PROVINSI): "P30",
        (_S.MUSYAWARAH, _S.PERATURAN_LEBIH_TINGGI): "P30",
        (_S.DIAJUKAN_PROVINSI, _S.PERATURAN_LEBIH_TINGGI): "P30",
        (_S.SELESAI, _S.SELESAI): "P29-4",
    },
    tolak={
        _S.MUSYAWARAH: _(
            'Perselisihan berstatus "%(dari)s" tidak dapat kembali ke musyawarah (Pasal 29 ayat 1).'
        ),
        _S.SELESAI: _(
            'Perselisihan berstatus "%(dari)s" tidak dapat diselesaikan dengan berita acara '
            "(Pasal 29 ayat 3)."
        ),
        _S.DIAJUKAN_PROVINSI: _(
            'Perselisihan berstatus "%(dari)s" tidak dapat diajukan kepada TKKSD Provinsi; '
            "hanya perselisihan dalam musyawarah yang diajukan (Pasal 30 ayat 1)."
        ),
        _S.PERATURAN_LEBIH_TINGGI: _(
            'Perselisihan berstatus "%(dari)s" tidak dapat lagi diselesaikan sesuai '
            "peraturan perundang-undangan (Pasal 30 ayat 2)."
        ),
    },
)


class Perselisihan(models.Model):
    """A dispute in running a KSDD, settled first by musyawarah dan mufakat (Pasal 29
    ayat 1; P29-1). The agency gathers the documents (ayat 2; P29-2), the result is a
    berita acara signed by its Kepala (ayat 3; P29-3) reported to the Bupati (ayat 4;
    P29-4). Between kabupaten/kota of one province TKKSD may submit it to the provincial
    TKKSD (Pasal 30 ayat 1; P30), then per higher regulation (ayat 2)."""

    ksdd = models.ForeignKey(
        "agreements.Ksdd",
        verbose_name=_("KSDD"),
        on_delete=models.PROTECT,
        related_name="perselisihan",
    )
    tanggal_timbul = models.DateField(_("tanggal timbulnya perselisihan"))
    uraian = models.TextField(_("uraian perselisihan"))
    pihak = models.ManyToManyField(
        "regions.Wilayah", verbose_name=_("daerah yang berselisih"), related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=StatusPerselisihan.choices,
        default=StatusPerselisihan.MUSYAWARAH,
        db_index=True,
    )
    alur = ALUR_PERSELISIHAN  # its allowed moves (core.status.pindah)
    hasil = models.TextField(_("hasil penyelesaian"), blank=True)
    tanggal_selesai = models.DateField(_("tanggal selesai"), null=True, blank=True)
    tanggal_diajukan_provinsi = models.DateField(
        _("tanggal diajukan kepada TKKSD Provinsi"), null=True, blank=True
    )
    tanggal_dilaporkan = models.DateField(
        _("tanggal dilaporkan kepada Bupati"), null=True, blank=True
    )
    berita_acara = models.ForeignKey(
        "documents.Dokumen", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    laporan = models.ForeignKey(
        "documents.Dokumen", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tanggal_timbul", "-id"]
        verbose_name = _("perselisihan")
        verbose_name_plural = _("perselisihan")
        permissions = [
            ("kelola_perselisihan", _("Mencatat penyelesaian perselisihan (Pasal 29)")),
            (
                "ajukan_perselisihan_provinsi",
                _("Mengajukan perselisihan ke TKKSD Provinsi (Pasal 30)"),
            ),
        ]

    def __str__(self) -> str:
        return f"Perselisihan {self.ksdd} ({self.tanggal_timbul})"

    @property
    def berakhir(self) -> bool:
        return self.status in STATUS_AKHIR_PERSELISIHAN


class RiwayatPerselisihan(RiwayatStatus):
    """Every change of a dispute's status, as a row (Pasal 29–30)."""

    perselisihan = models.ForeignKey(Perselisihan, on_delete=models.CASCADE, related_name="riwayat")
    dari = models.CharField(max_length=12, choices=StatusPerselisihan.choices, blank=True)
    ke = models.CharField(max_length=12, choices=StatusPerselisihan.choices)

    class Meta:
        ordering = ["perselisihan_id", "pada", "id"]
        verbose_name = _("riwayat perselisihan")
        verbose_name_plural = _("riwayat perselisihan")
        triggers = [riwayat_tetap()]  # P13: written once


class RapatMusyawarah(models.Model):
    """A meeting of musyawarah on a dispute: when, where, what came of it (Pasal 29 ayat 1)."""

    perselisihan = models.ForeignKey(
        Perselisihan, on_delete=models.CASCADE, related_name="musyawarah"
    )
    tanggal = models.DateField(_("tanggal"))
    tempat = models.CharField(_("tempat"), max_length=200)
    hasil = models.TextField(_("hasil musyawarah"))
    mufakat = models.BooleanField(_("tercapai mufakat"), default=False)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["perselisihan_id", "tanggal", "id"]
        verbose_name = _("rapat musyawarah")
        verbose_name_plural = _("rapat musyawarah")

    def __str__(self) -> str:
        return f"{self.tanggal} {self.tempat}"


class BerkasPerselisihan(models.Model):
    """A cooperation document the agency gathers for the musyawarah (Pasal 29 ayat 2; P29-2)."""

    perselisihan = models.ForeignKey(Perselisihan, on_delete=models.CASCADE, related_name="berkas")
    berkas = models.ForeignKey("documents.Berkas", on_delete=models.PROTECT, related_name="+")
    keterangan = models.CharField(_("keterangan dokumen"), max_length=250)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["perselisihan_id", "id"]
        verbose_name = _("dokumen perselisihan")
        verbose_name_plural = _("dokumen perselisihan")

    def __str__(self) -> str:
        return self.keterangan
