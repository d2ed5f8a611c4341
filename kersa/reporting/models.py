"""Reports of the reporting room: the agency's semester report on each running KSDD
(Pasal 27 ayat 1 dan 3), the Bupati's consolidated report to the Gubernur (Pasal 27
ayat 2) and TKKSD's semester and annual reports (Pasal 34 ayat 2 huruf j, ayat 3)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kersa.core.models import RiwayatStatus
from kersa.core.riwayat import riwayat_tetap

from .choices import (
    ALUR_LAPORAN_SEMESTER,
    ALUR_LAPORAN_TKKSD,
    FormatEkspor,
    JenisLaporanTkksd,
    Semester,
    StatusLaporan,
    StatusProses,
)

__all__ = [
    "LaporanSemester",
    "RiwayatLaporanSemester",
    "ProsesLaporan",
    "EksporDasbor",
    "LaporanTkksd",
    "RiwayatLaporanTkksd",
]

_DOKUMEN = "documents.Dokumen"


class _Periode(models.Model):
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    semester = models.PositiveSmallIntegerField(_("semester"), choices=Semester.choices)

    class Meta:
        abstract = True

    @property
    def kode(self) -> str:
        """The semester code of the clocks (``deadlines.definisi.periode_berjalan``)."""
        return f"{self.tahun}-{self.semester}"

    @property
    def periode_label(self) -> str:
        return f"{Semester(self.semester).label} {self.tahun}"


class LaporanSemester(_Periode):
    """The semester report of one running KSDD by its Perangkat Daerah Pemrakarsa to the
    Bupati, copied to TKKSD (Pasal 27 ayat 1; P27-1), holding at least the parts a–i of
    Pasal 27 ayat (3) (P27-3). Parts a–f are a snapshot of the KSDD record taken when the
    report is opened; g–i are written by the agency. One per KSDD per semester.
    """

    ksdd = models.ForeignKey(
        "agreements.Ksdd", on_delete=models.PROTECT, related_name="laporan_semester"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StatusLaporan.choices, default=StatusLaporan.DRAF
    )
    alur = ALUR_LAPORAN_SEMESTER  # its allowed moves (core.status.pindah)
    judul = models.CharField(_("a. judul KSDD"), max_length=300)
    bentuk_naskah = models.TextField(_("b. bentuk naskah KSDD"))
    para_pihak = models.TextField(_("c. para pihak"))
    maksud_tujuan = models.TextField(_("d. maksud dan tujuan"))
    objek = models.TextField(_("e. objek"))
    jangka_waktu = models.TextField(_("f. jangka waktu"))
    permasalahan = models.TextField(_("g. permasalahan"), blank=True)
    upaya_penyelesaian = models.TextField(_("h. upaya penyelesaian permasalahan"), blank=True)
    hal_lainnya = models.TextField(_("i. hal lainnya yang disepakati"), blank=True)
    tanggal_disampaikan = models.DateField(_("tanggal disampaikan"), null=True, blank=True)
    dokumen = models.ForeignKey(
        _DOKUMEN, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    diubah_pada = models.DateTimeField(auto_now=True)

    BAGIAN = [
        "judul",
        "bentuk_naskah",
        "para_pihak",
        "maksud_tujuan",
        "objek",
        "jangka_waktu",
        "permasalahan",
        "upaya_penyelesaian",
        "hal_lainnya",
    ]

    class Meta:
        ordering = ["-tahun", "-semester", "ksdd_id"]
        verbose_name = _("laporan semester KSDD")
        verbose_name_plural = _("laporan semester KSDD")
        permissions = [("sampaikan_laporansemester", _("Menyampaikan laporan semester KSDD"))]
        constraints = [
            models.UniqueConstraint(
                fields=["ksdd", "tahun", "semester"],
                name="laporan_semester_satu_per_ksdd",
                violation_error_message=_(
                    "Laporan semester KSDD ini untuk semester tersebut sudah ada (Pasal 27 ayat 1)."
                ),
            )
        ]
        indexes = [models.Index(fields=["tahun", "semester", "status"])]

    def __str__(self) -> str:
        return f"{self.judul} — {self.kode}"

    def bagian(self) -> list[tuple[str, str]]:
        """(label, isi) of the parts a–i of P27-3, in order."""
        return [(str(self._meta.get_field(f).verbose_name), getattr(self, f)) for f in self.BAGIAN]


class RiwayatLaporanSemester(RiwayatStatus):
    """Every change of a semester report's status, as a row (who, when, why)."""

    laporan = models.ForeignKey(LaporanSemester, on_delete=models.CASCADE, related_name="riwayat")
    dari = models.CharField(max_length=12, choices=StatusLaporan.choices, blank=True)
    ke = models.CharField(max_length=12, choices=StatusLaporan.choices)

    class Meta:
        ordering = ["laporan_id", "pada", "id"]
        verbose_name = _("riwayat laporan semester")
        verbose_name_plural = _("riwayat laporan semester")
        triggers = [riwayat_tetap()]  # P13: written once


class ProsesLaporan(_Periode):
    """One run of the Bupati's consolidated report to the Gubernur for a semester
    (Pasal 27 ayat 2; P27-2), built by the background worker from every submitted
    semester report: its progress (``persen``, ``pesan``) and its results (a DOCX
    ``dokumen`` and an XLSX ``berkas_xlsx``)."""

    status = models.CharField(
        _("status"), max_length=10, choices=StatusProses.choices, default=StatusProses.ANTRE
    )
    persen = models.PositiveSmallIntegerField(_("kemajuan (%)"), default=0)
    pesan = models.CharField(_("pesan"), max_length=300, blank=True)
    jumlah_laporan = models.PositiveIntegerField(_("jumlah laporan"), default=0)
    dokumen = models.ForeignKey(
        _DOKUMEN, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    berkas_xlsx = models.FileField(_("berkas XLSX"), upload_to="laporan/%Y/", blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)
    # The run's lease (issue 19): renewed by every step of the worker building it. A
    # run "berjalan" whose lease ran out was left by a dead worker: the next request
    # for the semester takes over instead of being refused for ever (P27-2).
    detak_pada = models.DateTimeField(_("denyut terakhir"), null=True, blank=True)
    percobaan = models.PositiveSmallIntegerField(_("percobaan"), default=0)

    class Meta:
        ordering = ["-dibuat_pada", "-id"]
        verbose_name = _("penyusunan laporan Bupati")
        verbose_name_plural = _("penyusunan laporan Bupati")
        permissions = [("susun_laporan_bupati", _("Menyusun laporan Bupati kepada Gubernur"))]
        constraints = [
            # P27-2: one run waiting or running per semester, whatever the number of
            # parallel clicks (issue 19: three runs, three numbered letters).
            models.UniqueConstraint(
                fields=["tahun", "semester"],
                condition=Q(status__in=[StatusProses.ANTRE, StatusProses.BERJALAN]),
                name="proses_laporan_satu_berjalan",
            ),
            # Each run its own numbered letter: a letter is never shared by two runs.
            models.UniqueConstraint(fields=["dokumen"], name="proses_laporan_dokumen_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.kode}: {self.get_status_display()} {self.persen}%"

    @property
    def berjalan(self) -> bool:
        return self.status in (StatusProses.ANTRE, StatusProses.BERJALAN)


class EksporDasbor(models.Model):
    """One export of the dashboard (XLSX or PDF) with the page's filters, built by the
    background worker and kept in storage (issue 18: at 100,000 KSDD it cannot be built
    in the request). Only the user who asked for it sees it: it holds what they may see
    (``ksdd_visible_to``). One waiting or running per user."""

    format = models.CharField(_("format"), max_length=4, choices=FormatEkspor.choices)
    tahun = models.PositiveSmallIntegerField(_("tahun dicatat"), null=True, blank=True)
    kategori = models.CharField(_("kategori"), max_length=20, blank=True)
    bahasa = models.CharField(_("bahasa"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=StatusProses.choices, default=StatusProses.ANTRE
    )
    pesan = models.CharField(_("pesan"), max_length=300, blank=True)
    jumlah_ksdd = models.PositiveIntegerField(_("jumlah KSDD"), default=0)
    berkas = models.FileField(_("berkas"), upload_to="ekspor/%Y/", blank=True)
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-dibuat_pada", "-id"]
        verbose_name = _("ekspor dasbor")
        verbose_name_plural = _("ekspor dasbor")
        constraints = [
            models.UniqueConstraint(
                fields=["dibuat_oleh"],
                condition=Q(status__in=[StatusProses.ANTRE, StatusProses.BERJALAN]),
                name="ekspor_dasbor_satu_berjalan",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.format} #{self.pk}: {self.get_status_display()}"

    @property
    def berjalan(self) -> bool:
        return self.status in (StatusProses.ANTRE, StatusProses.BERJALAN)


class LaporanTkksd(_Periode):
    """TKKSD's report to the Bupati on all KSDD for a semester (Pasal 34 ayat 2 huruf j;
    P34-2j); the semester II report is also the annual report (Pasal 34 ayat 3; P34-3).
    The figures (KSDD by stage, semester reports received and missing) are computed
    when the DOCX is generated; the narrative parts are written by the secretariat."""

    # The narrative parts the secretariat writes; the figures are computed.
    BAGIAN = ["pendahuluan", "pelaksanaan_tugas", "rapat", "permasalahan", "rekomendasi"]

    jenis = models.CharField(_("jenis"), max_length=10, choices=JenisLaporanTkksd.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=StatusLaporan.choices, default=StatusLaporan.DRAF
    )
    alur = ALUR_LAPORAN_TKKSD  # its allowed moves (core.status.pindah)
    pendahuluan = models.TextField(_("pendahuluan"), blank=True)
    pelaksanaan_tugas = models.TextField(_("pelaksanaan tugas TKKSD"), blank=True)
    rapat = models.TextField(
        _("rapat yang diselenggarakan"),
        blank=True,
        help_text=_("Rapat Pleno dan Rapat Teknis pada periode ini (Pasal 36–39)."),
    )
    permasalahan = models.TextField(_("permasalahan"), blank=True)
    rekomendasi = models.TextField(_("saran dan rekomendasi"), blank=True)
    tanggal_disampaikan = models.DateField(_("tanggal disampaikan"), null=True, blank=True)
    dokumen = models.ForeignKey(
        _DOKUMEN, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    dibuat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tahun", "-semester"]
        verbose_name = _("laporan TKKSD")
        verbose_name_plural = _("laporan TKKSD")
        permissions = [("sampaikan_laporantkksd", _("Menyampaikan laporan TKKSD kepada Bupati"))]
        constraints = [
            models.UniqueConstraint(
                fields=["tahun", "semester"],
                name="laporan_tkksd_satu_per_semester",
                violation_error_message=_(
                    "Laporan TKKSD untuk semester ini sudah ada (Pasal 34 ayat 2 huruf j)."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.kode}"


class RiwayatLaporanTkksd(RiwayatStatus):
    """Every change of a TKKSD report's status, as a row."""

    laporan = models.ForeignKey(LaporanTkksd, on_delete=models.CASCADE, related_name="riwayat")
    dari = models.CharField(max_length=12, choices=StatusLaporan.choices, blank=True)
    ke = models.CharField(max_length=12, choices=StatusLaporan.choices)

    class Meta:
        ordering = ["laporan_id", "pada", "id"]
        verbose_name = _("riwayat laporan TKKSD")
        verbose_name_plural = _("riwayat laporan TKKSD")
        triggers = [riwayat_tetap()]  # P13: written once
