"""TKKSD and its Tim Teknis: the Keputusan Bupati, the offices and who holds them."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from ..choices import JenisKeputusan, Kedudukan, StatusPemangku

__all__ = ["KeputusanBupati", "Jabatan", "PemangkuJabatan"]


class KeputusanBupati(models.Model):
    """The Keputusan Bupati that sets TKKSD (Pasal 34 ayat 1; P34-1) or its Tim Teknis
    (Pasal 34 ayat 4; P34-4), with its number, date and period of office. A new decree
    for the next period is a new row; the old one stays."""

    jenis = models.CharField(_("jenis"), max_length=12, choices=JenisKeputusan.choices)
    nomor = models.CharField(_("nomor Keputusan Bupati"), max_length=100, unique=True)
    tanggal = models.DateField(_("tanggal ditetapkan"))
    tentang = models.CharField(_("tentang"), max_length=300)
    berlaku_mulai = models.DateField(_("berlaku mulai"))
    berlaku_sampai = models.DateField(_("berlaku sampai"), null=True, blank=True)
    berkas = models.ForeignKey(
        "documents.Berkas",
        verbose_name=_("salinan Keputusan Bupati"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-berlaku_mulai", "-id"]
        verbose_name = _("Keputusan Bupati tentang TKKSD")
        verbose_name_plural = _("Keputusan Bupati tentang TKKSD")
        permissions = [
            ("kelola_tkksd", _("Mengelola keanggotaan TKKSD")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(berlaku_sampai__isnull=True)
                | Q(berlaku_sampai__gte=F("berlaku_mulai")),
                name="keputusan_bupati_periode_urut",
                violation_error_message=_("Masa berlaku berakhir sebelum dimulai."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomor} ({self.get_jenis_display()})"


class Jabatan(models.Model):
    """An office that sits in TKKSD or its Tim Teknis ex officio (Pasal 35 ayat 1;
    P35-1): the seat (Ketua, Wakil Ketua, Sekretaris, Anggota, Tim Teknis) and the
    office that holds it ("Sekretaris Daerah"). Membership follows the office: the
    person is read from ``PemangkuJabatan`` at a date. Ketua, Wakil Ketua and
    Sekretaris vote (Pasal 35 ayat 2; P35-2)."""

    keputusan = models.ForeignKey(
        KeputusanBupati,
        verbose_name=_("ditetapkan dengan"),
        on_delete=models.PROTECT,
        related_name="jabatan",
    )
    kedudukan = models.CharField(_("kedudukan"), max_length=16, choices=Kedudukan.choices)
    nama_jabatan = models.CharField(
        _("jabatan ex-officio"), max_length=200, help_text=_("mis. Sekretaris Daerah")
    )
    perangkat_daerah = models.ForeignKey(
        "regions.PerangkatDaerah",
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    hak_suara = models.BooleanField(_("memiliki hak suara"), default=True)
    anggota_tetap = models.BooleanField(
        _("anggota tetap"),
        default=True,
        help_text=_("Anggota tetap dapat memimpin Rapat Teknis bila Sekretaris berhalangan."),
    )
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["keputusan_id", "urutan", "id"]
        verbose_name = _("jabatan dalam TKKSD")
        verbose_name_plural = _("jabatan dalam TKKSD")
        constraints = [
            # One Ketua, one Wakil Ketua, one Sekretaris, one Koordinator per decree.
            models.UniqueConstraint(
                fields=["keputusan", "kedudukan"],
                condition=Q(kedudukan__in=["ketua", "wakil_ketua", "sekretaris", "koordinator_tt"]),
                name="jabatan_pimpinan_tunggal",
                violation_error_message=_(
                    "Ketua, Wakil Ketua, Sekretaris dan Koordinator masing-masing satu orang "
                    "(Pasal 35 ayat 1)."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kedudukan_display()}: {self.nama_jabatan}"


class PemangkuJabatan(models.Model):
    """Who held an office from when to when (P35-1): a new Sekretaris Daerah becomes
    Ketua TKKSD on the day of appointment without a new decree. Periods of one office
    do not overlap (checked by the service)."""

    jabatan = models.ForeignKey(Jabatan, on_delete=models.CASCADE, related_name="pemangku")
    nama = models.CharField(_("nama"), max_length=150)
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    pangkat = models.CharField(_("pangkat/golongan"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=StatusPemangku.choices, default=StatusPemangku.DEFINITIF
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun KERSA"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jabatan_tkksd",
    )
    mulai = models.DateField(_("menjabat sejak"))
    selesai = models.DateField(_("menjabat sampai"), null=True, blank=True)

    class Meta:
        ordering = ["jabatan_id", "-mulai"]
        verbose_name = _("pemangku jabatan")
        verbose_name_plural = _("pemangku jabatan")
        constraints = [
            models.CheckConstraint(
                condition=Q(selesai__isnull=True) | Q(selesai__gte=F("mulai")),
                name="pemangku_periode_urut",
                violation_error_message=_("Masa jabatan berakhir sebelum dimulai."),
            ),
        ]
        indexes = [models.Index(fields=["jabatan", "mulai"])]

    def __str__(self) -> str:
        return self.nama
