"""TKKSD meetings: Rapat Pleno and Rapat Teknis (Pasal 36–39)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kersa.core.models import RiwayatStatus
from kersa.core.riwayat import riwayat_tetap

from ..choices import ALUR_RAPAT, JenisAgenda, JenisRapat, StatusRapat, TugasTkksd

__all__ = ["Rapat", "RiwayatRapat", "Kehadiran", "AgendaRapat", "KeputusanRapat"]


class Rapat(models.Model):
    """A Rapat Pleno (Pasal 37) or Rapat Teknis (Pasal 38) of TKKSD.

    The chair follows P37-3/P37-4 (pleno: Ketua, or Wakil Ketua when the Ketua is
    absent) and P38-4/P38-5 (teknis: Sekretaris, or a permanent member when absent);
    ``pimpinan`` is the office that chaired and ``pimpinan_nama`` the person on the
    day; ``alasan_pengganti`` records why a stand-in chaired. Every meeting produces
    a Berita Acara and a Notulen (Pasal 39; P39), kept as versioned documents.
    """

    jenis = models.CharField(_("jenis rapat"), max_length=8, choices=JenisRapat.choices)
    keputusan = models.ForeignKey(
        "governance.KeputusanBupati",
        verbose_name=_("TKKSD menurut Keputusan Bupati"),
        on_delete=models.PROTECT,
        related_name="rapat",
    )
    nomor = models.CharField(_("nomor Berita Acara"), max_length=100, blank=True)
    tanggal = models.DateField(_("tanggal"), db_index=True)
    waktu_mulai = models.TimeField(_("pukul"), null=True, blank=True)
    tempat = models.CharField(_("tempat"), max_length=250)
    status = models.CharField(
        _("status"), max_length=10, choices=StatusRapat.choices, default=StatusRapat.TERJADWAL
    )
    alur = ALUR_RAPAT  # its allowed moves (core.status.pindah)
    pimpinan = models.ForeignKey(
        "governance.Jabatan",
        verbose_name=_("dipimpin oleh (jabatan)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    pimpinan_nama = models.CharField(_("nama pimpinan rapat"), max_length=150, blank=True)
    alasan_pengganti = models.TextField(
        _("alasan pimpinan berhalangan"),
        blank=True,
        help_text=_("Diisi bila rapat dipimpin pengganti (Pasal 37 ayat 4, Pasal 38 ayat 5)."),
    )
    notulis = models.CharField(_("notulis"), max_length=150, blank=True)
    ringkasan = models.TextField(_("jalannya rapat (notulen)"), blank=True)
    undangan = models.ForeignKey(
        "documents.Dokumen",
        verbose_name=_("surat undangan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    berita_acara = models.ForeignKey(
        "documents.Dokumen",
        verbose_name=_("Berita Acara"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    notulen = models.ForeignKey(
        "documents.Dokumen",
        verbose_name=_("Notulen"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    versi = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = _("rapat TKKSD")
        verbose_name_plural = _("rapat TKKSD")
        permissions = [
            ("kelola_rapat", _("Menyelenggarakan dan mencatat rapat TKKSD")),
        ]
        indexes = [models.Index(fields=["jenis", "tanggal"])]
        constraints = [
            # One scheduled meeting of a kind at one date and time (issue 19: fifty
            # identical POSTs made fifty meetings); services.rapat_jadwalkan says why.
            models.UniqueConstraint(
                fields=["jenis", "tanggal", "waktu_mulai"],
                condition=Q(status=StatusRapat.TERJADWAL, waktu_mulai__isnull=False),
                name="rapat_satu_jadwal_berjam",
            ),
            models.UniqueConstraint(
                fields=["jenis", "tanggal"],
                condition=Q(status=StatusRapat.TERJADWAL, waktu_mulai__isnull=True),
                name="rapat_satu_jadwal_tanpa_jam",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.tanggal:%d-%m-%Y}"


class RiwayatRapat(RiwayatStatus):
    """Every change of a meeting's status, as a row (who, when, why)."""

    rapat = models.ForeignKey(Rapat, on_delete=models.CASCADE, related_name="riwayat")
    dari = models.CharField(max_length=10, choices=StatusRapat.choices, blank=True)
    ke = models.CharField(max_length=10, choices=StatusRapat.choices)

    class Meta:
        ordering = ["rapat_id", "pada", "id"]
        verbose_name = _("riwayat rapat")
        verbose_name_plural = _("riwayat rapat")
        triggers = [riwayat_tetap()]  # P13: written once


class Kehadiran(models.Model):
    """One office invited to a meeting and whether its holder came (P38-4: attendance
    recorded). ``nama`` is the holder on the meeting day, kept as written then."""

    rapat = models.ForeignKey(Rapat, on_delete=models.CASCADE, related_name="kehadiran")
    jabatan = models.ForeignKey(
        "governance.Jabatan", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    nama = models.CharField(_("nama"), max_length=150)
    keterangan_jabatan = models.CharField(_("jabatan"), max_length=200, blank=True)
    hadir = models.BooleanField(_("hadir"), default=False)
    diwakili_oleh = models.CharField(_("diwakili oleh"), max_length=150, blank=True)
    keterangan = models.CharField(_("keterangan"), max_length=250, blank=True)

    class Meta:
        ordering = ["rapat_id", "id"]
        verbose_name = _("kehadiran rapat")
        verbose_name_plural = _("kehadiran rapat")
        constraints = [
            models.UniqueConstraint(
                fields=["rapat", "jabatan"],
                condition=models.Q(jabatan__isnull=False),
                name="kehadiran_satu_per_jabatan",
            )
        ]

    def __str__(self) -> str:
        return self.nama


class AgendaRapat(models.Model):
    """One item on a meeting's agenda, optionally about one KSDD, filed under the duty of
    Pasal 34 ayat (2) it serves (P34-2)."""

    rapat = models.ForeignKey(Rapat, on_delete=models.CASCADE, related_name="agenda")
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=1)
    judul = models.CharField(_("pokok bahasan"), max_length=300)
    jenis = models.CharField(
        _("jenis agenda"), max_length=24, choices=JenisAgenda.choices, default=JenisAgenda.LAINNYA
    )
    tugas = models.CharField(
        _("tugas TKKSD (Pasal 34 ayat 2)"), max_length=1, choices=TugasTkksd.choices, blank=True
    )
    ksdd = models.ForeignKey(
        "agreements.Ksdd",
        verbose_name=_("KSDD"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda_rapat",
    )
    program_kerja = models.ForeignKey(
        "governance.ProgramKerja",
        verbose_name=_("program kerja yang ditetapkan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agenda",
        help_text=_("Untuk agenda penetapan program kerja (Pasal 37 ayat 2)."),
    )
    pembahasan = models.TextField(_("pembahasan"), blank=True)

    class Meta:
        ordering = ["rapat_id", "urutan", "id"]
        verbose_name = _("agenda rapat")
        verbose_name_plural = _("agenda rapat")

    def __str__(self) -> str:
        return self.judul


class KeputusanRapat(models.Model):
    """What a meeting decided on one agenda item. For a partner's offer it is TKKSD's
    accept/reject recommendation with its grounds (Pasal 18 ayat 3–5), which is also
    written to the KSDD as ``agreements.RekomendasiPleno`` so the reply follows it."""

    agenda = models.OneToOneField(AgendaRapat, on_delete=models.CASCADE, related_name="keputusan")
    uraian = models.TextField(_("keputusan/kesimpulan"))
    rekomendasi = models.CharField(
        _("rekomendasi"),
        max_length=10,
        blank=True,
        choices=[("diterima", _("Menerima")), ("ditolak", _("Menolak"))],
    )
    alasan_penolakan = models.JSONField(_("pertimbangan penolakan (Pasal 18 ayat 4)"), default=list)
    pertimbangan_persetujuan = models.JSONField(
        _("pertimbangan persetujuan (Pasal 18 ayat 5)"), default=list
    )
    tindak_lanjut = models.TextField(_("tindak lanjut"), blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("keputusan rapat")
        verbose_name_plural = _("keputusan rapat")

    def __str__(self) -> str:
        return self.uraian[:60]
