"""Records made at the steps of the workflow: letters, reviews, decisions, signed texts."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kersa.core.riwayat import HistoricalRecordsTetap

from ..choices import JenisNaskah, KedudukanPenandatangan, Keputusan, KriteriaTelaah
from .surat import Surat, SuratDiterima

__all__ = [
    "PengajuanKak",
    "PetunjukTertulis",
    "TelaahKak",
    "TemuanTelaah",
    "Penawaran",
    "RekomendasiPleno",
    "Tanggapan",
    "Naskah",
    "KesepakatanBersama",
    "PerjanjianKerjaSama",
    "Penandatangan",
    "PermohonanDprd",
    "PersetujuanDprd",
    "SuratKuasa",
    "PermintaanTanggapanKedua",
    "LaporanGubernur",
    "TelaahanDprd",
    "TindakLanjutTelaahan",
    "JawabanDprd",
    "PenolakanDprd",
    "PersetujuanDprdPerubahan",
    "PerpanjanganKb",
]

_BERKAS = "documents.Berkas"


def _berkas(verbose_name, **kwargs):
    return models.ForeignKey(
        _BERKAS, verbose_name=verbose_name, on_delete=models.PROTECT, related_name="+", **kwargs
    )


class PengajuanKak(Surat):
    """The request letter by which a Kepala Perangkat Daerah submits the KSDD plan to
    the Sekretaris Daerah as Ketua TKKSD (Pasal 14 ayat 3, Pasal 32 ayat 1; P14-3, P32-1).
    """

    ksdd = models.ForeignKey("agreements.Ksdd", on_delete=models.CASCADE, related_name="pengajuan")
    berkas = _berkas(_("surat permohonan"))

    class Meta:
        ordering = ["-dicatat_pada"]
        verbose_name = _("pengajuan KAK")
        verbose_name_plural = _("pengajuan KAK")

    def __str__(self) -> str:
        return f"{self.nomor} ({self.tanggal_surat:%d-%m-%Y})"


class PetunjukTertulis(models.Model):
    """The written instruction without which TKKSD does not act (Pasal 32 ayat 2; P32-2)."""

    ksdd = models.ForeignKey(
        "agreements.Ksdd", on_delete=models.CASCADE, related_name="petunjuk_tertulis"
    )
    nomor = models.CharField(_("nomor"), max_length=100)
    tanggal = models.DateField(_("tanggal"))
    pemberi = models.CharField(_("diberikan oleh"), max_length=150)
    isi = models.TextField(_("isi petunjuk"))
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = _("petunjuk tertulis")
        verbose_name_plural = _("petunjuk tertulis")

    def __str__(self) -> str:
        return f"{self.nomor} ({self.tanggal:%d-%m-%Y})"


class TelaahKak(models.Model):
    """TKKSD's review of a KAK against the five criteria of Pasal 15 ayat (1) (P15-1),
    returned to the initiating agency as the basis of the next stage (P15-2, P17-2, P17-3).
    """

    ksdd = models.ForeignKey("agreements.Ksdd", on_delete=models.CASCADE, related_name="telaah")
    tanggal = models.DateField(_("tanggal telaah"))
    layak = models.BooleanField(_("KAK layak dilanjutkan"))
    kesimpulan = models.TextField(_("kesimpulan"))
    tanggal_disampaikan = models.DateField(
        _("tanggal hasil telaah disampaikan kepada Perangkat Daerah")
    )
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = _("telaah KAK")
        verbose_name_plural = _("telaah KAK")

    def __str__(self) -> str:
        return f"Telaah {self.tanggal:%d-%m-%Y}"


class TemuanTelaah(models.Model):
    """The finding on one criterion of Pasal 15 ayat (1) (P15-1)."""

    telaah = models.ForeignKey(TelaahKak, on_delete=models.CASCADE, related_name="temuan")
    kriteria = models.CharField(_("kriteria"), max_length=1, choices=KriteriaTelaah.choices)
    sesuai = models.BooleanField(_("memenuhi"))
    uraian = models.TextField(_("temuan"))

    class Meta:
        ordering = ["kriteria"]
        constraints = [
            models.UniqueConstraint(fields=["telaah", "kriteria"], name="temuan_satu_per_kriteria")
        ]

    def __str__(self) -> str:
        return f"{self.kriteria}: {self.uraian[:40]}"


class Penawaran(SuratDiterima):
    """An offer letter: ours to one partner (Pasal 16 ayat 1–3; P16-1…3) or a partner's
    to us (Pasal 17 ayat 1; P17-1…3). ``tanggal_diterima`` starts the reply period.
    """

    class Arah(models.TextChoices):
        KELUAR = "keluar", _("Penawaran Daerah kepada mitra")
        MASUK = "masuk", _("Penawaran mitra kepada Daerah")

    ksdd = models.ForeignKey("agreements.Ksdd", on_delete=models.CASCADE, related_name="penawaran")
    mitra = models.ForeignKey("regions.Wilayah", on_delete=models.PROTECT, related_name="+")
    arah = models.CharField(_("arah"), max_length=6, choices=Arah.choices)
    penandatangan = models.CharField(_("ditandatangani oleh"), max_length=150)
    berkas = _berkas(_("surat penawaran"))
    # P17-1: a partner's offer arrives with its own KAK (the parts the clerk types go to
    # ``Ksdd.kak``); our own offer carries ours (P16-3).
    berkas_kak = _berkas(_("KAK daerah mitra"), null=True, blank=True)

    class Meta(SuratDiterima.Meta):
        ordering = ["mitra_id"]
        verbose_name = _("penawaran")
        verbose_name_plural = _("penawaran")
        constraints = [
            *SuratDiterima.Meta.constraints,
            models.UniqueConstraint(fields=["ksdd", "mitra"], name="penawaran_satu_per_mitra"),
        ]

    def __str__(self) -> str:
        return f"{self.nomor} → {self.mitra_id}"


class RekomendasiPleno(models.Model):
    """TKKSD's accept/reject recommendation decided in a Rapat Pleno, with its grounds
    (Pasal 18 ayat 3–5; P18-3, P18-4, P18-5).
    """

    ksdd = models.ForeignKey(
        "agreements.Ksdd", on_delete=models.CASCADE, related_name="rekomendasi_pleno"
    )
    tanggal_rapat = models.DateField(_("tanggal Rapat Pleno"))
    nomor_berita_acara = models.CharField(_("nomor Berita Acara"), max_length=100)
    keputusan = models.CharField(_("keputusan"), max_length=10, choices=Keputusan.choices)
    alasan_penolakan = models.JSONField(_("pertimbangan penolakan (Pasal 18 ayat 4)"), default=list)
    pertimbangan_persetujuan = models.JSONField(
        _("pertimbangan persetujuan (Pasal 18 ayat 5)"), default=list
    )
    uraian = models.TextField(_("uraian pertimbangan"), blank=True)
    # P18-4 / P18-5: the finding on each ground cited, by its huruf ({"b": "…"}).
    temuan = models.JSONField(_("temuan per pertimbangan"), default=dict, blank=True)
    # P18-4 (WARN): why the rejection stands though the record contradicts a ground.
    alasan_peringatan = models.TextField(
        _("alasan melanjutkan meskipun bertentangan dengan data KSDD"), blank=True
    )
    berkas = _berkas(_("Berita Acara Rapat Pleno"), null=True, blank=True)
    agenda = models.OneToOneField(
        "governance.AgendaRapat",
        verbose_name=_("agenda Rapat Pleno"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rekomendasi_pleno",
        help_text=_("Diisi bila rekomendasi dicatat dari rapat TKKSD di KERSA."),
    )
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tanggal_rapat", "-id"]
        verbose_name = _("rekomendasi Rapat Pleno")
        verbose_name_plural = _("rekomendasi Rapat Pleno")

    def __str__(self) -> str:
        return f"{self.nomor_berita_acara}: {self.keputusan}"


class Tanggapan(SuratDiterima):
    """The reply to an offer: the partner's to ours (P16-4) or ours to the partner's,
    on TKKSD's Rapat Pleno recommendation (P18-1, P18-3).
    """

    penawaran = models.OneToOneField(Penawaran, on_delete=models.CASCADE, related_name="tanggapan")
    keputusan = models.CharField(_("keputusan"), max_length=10, choices=Keputusan.choices)
    alasan = models.TextField(_("alasan"), blank=True)
    rekomendasi = models.ForeignKey(
        RekomendasiPleno, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    berkas = _berkas(_("surat tanggapan"))

    class Meta(SuratDiterima.Meta):
        verbose_name = _("tanggapan")
        verbose_name_plural = _("tanggapan")

    def __str__(self) -> str:
        return f"{self.nomor}: {self.keputusan}"


class Naskah(models.Model):
    """A KSDD document (Pasal 10): the Kesepakatan Bersama or the PKS, from the draft
    agreed after the rapat teknis to its signing (P19-1…3, P20-1…4, P23, P24-1…4).
    """

    ksdd = models.ForeignKey("agreements.Ksdd", on_delete=models.CASCADE, related_name="naskah")
    jenis = models.CharField(_("jenis naskah"), max_length=3, choices=JenisNaskah.choices)
    tentang = models.CharField(_("tentang"), max_length=300)
    # Empty only for an agreement registered after it was signed on paper (P26): its
    # rapat teknis and its agreed draft happened before KERSA and are not recorded.
    tanggal_rapat_teknis = models.DateField(_("tanggal rapat teknis TKKSD"), null=True, blank=True)
    tanggal_disepakati = models.DateField(
        _("tanggal rancangan disepakati para pihak"), null=True, blank=True
    )
    tanggal_mulai = models.DateField(_("berlaku mulai"))
    tanggal_berakhir = models.DateField(_("berlaku sampai"))
    berkas_rancangan = _berkas(_("rancangan yang disepakati"), null=True, blank=True)
    tanggal_ditandatangani = models.DateField(_("tanggal penandatanganan"), null=True, blank=True)
    tempat_penandatanganan = models.CharField(
        _("tempat penandatanganan"), max_length=100, blank=True
    )
    jumlah_rangkap = models.PositiveSmallIntegerField(
        _("jumlah rangkap asli"), null=True, blank=True
    )
    berkas_ditandatangani = _berkas(_("naskah yang ditandatangani"), null=True, blank=True)
    # P22-2: why the PKS signed differs materially from the draft DPRD approved
    # (the draft sent with the request, kept as a version of the PKS document).
    alasan_beda_rancangan_dprd = models.TextField(
        _("alasan perbedaan dari rancangan yang disetujui DPRD"),
        blank=True,
        help_text=_("Pasal 22 ayat (2): perbedaan materiil dari rancangan PKS yang dimohonkan."),
    )
    # P19-3 (warning): why a PKS that runs past its KB, or is signed after the KB
    # expired, goes on all the same (kept on the PKS and in the step's record).
    alasan_melampaui_kb = models.TextField(
        _("alasan PKS melampaui Kesepakatan Bersama"),
        blank=True,
        help_text=_(
            "Pasal 19 ayat (3): PKS berlaku melewati, atau ditandatangani setelah, "
            "berakhirnya Kesepakatan Bersama."
        ),
    )

    history = HistoricalRecordsTetap()

    class Meta:
        verbose_name = _("naskah kerja sama")
        verbose_name_plural = _("naskah kerja sama")
        constraints = [
            models.UniqueConstraint(fields=["ksdd", "jenis"], name="naskah_satu_per_jenis"),
            models.CheckConstraint(
                condition=Q(tanggal_berakhir__gt=models.F("tanggal_mulai")),
                name="naskah_berakhir_setelah_mulai",
            ),
        ]

    def __str__(self) -> str:
        return f"{JenisNaskah(self.jenis).label} {self.tentang}"

    @property
    def sudah_ditandatangani(self) -> bool:
        return self.tanggal_ditandatangani is not None


class _NaskahManager(models.Manager):
    def __init__(self, jenis: str):
        super().__init__()
        self.jenis = jenis

    def get_queryset(self):
        return super().get_queryset().filter(jenis=self.jenis)


class KesepakatanBersama(Naskah):
    """The Kesepakatan Bersama (Pasal 11), signed by the heads of region (P20-3)."""

    objects = _NaskahManager(JenisNaskah.KB)

    class Meta:
        proxy = True
        verbose_name = _("Kesepakatan Bersama")
        verbose_name_plural = _("Kesepakatan Bersama")


class PerjanjianKerjaSama(Naskah):
    """The Perjanjian Kerja Sama (Pasal 12), signed by the Bupati or under a Surat Kuasa (P24)."""

    objects = _NaskahManager(JenisNaskah.PKS)

    class Meta:
        proxy = True
        verbose_name = _("Perjanjian Kerja Sama")
        verbose_name_plural = _("Perjanjian Kerja Sama")


class Penandatangan(models.Model):
    """One party's signature on a Naskah: PIHAK KESATU, KEDUA… with the document number
    of that party (P11-3, P12-5), who signed and in what capacity (P20-3, P24-1…3).
    """

    naskah = models.ForeignKey(Naskah, on_delete=models.CASCADE, related_name="penandatangan")
    urutan = models.PositiveSmallIntegerField(_("urutan pihak"))
    wilayah = models.ForeignKey("regions.Wilayah", on_delete=models.PROTECT, related_name="+")
    nomor_naskah = models.CharField(_("nomor naskah pihak"), max_length=100)
    nama = models.CharField(_("nama (tanpa gelar)"), max_length=150)
    jabatan = models.CharField(_("jabatan"), max_length=150)
    kedudukan = models.CharField(
        _("kedudukan"), max_length=15, choices=KedudukanPenandatangan.choices
    )
    surat_kuasa = models.ForeignKey(
        "agreements.SuratKuasa", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # P24-2: a partner's official who is not its head of region signs under the partner's
    # own Surat Kuasa; its number and date are printed in the komparisi.
    nomor_surat_kuasa_mitra = models.CharField(
        _("nomor Surat Kuasa daerah mitra"), max_length=100, blank=True
    )
    tanggal_surat_kuasa_mitra = models.DateField(
        _("tanggal Surat Kuasa daerah mitra"), null=True, blank=True
    )

    class Meta:
        ordering = ["urutan"]
        constraints = [
            models.UniqueConstraint(
                fields=["naskah", "wilayah"], name="penandatangan_satu_per_pihak"
            ),
            models.UniqueConstraint(fields=["naskah", "urutan"], name="penandatangan_urutan_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.jabatan})"


class PermohonanDprd(SuratDiterima):
    """The Bupati's request for DPRD approval, with the signed KB and the draft PKS
    (Pasal 22 ayat 1 huruf a; P22-1a). ``tanggal_diterima`` starts DPRD's period.
    """

    ksdd = models.ForeignKey(
        "agreements.Ksdd", on_delete=models.CASCADE, related_name="permohonan_dprd"
    )
    berkas = _berkas(_("surat permohonan Persetujuan DPRD"))
    berkas_rancangan_pks = _berkas(_("rancangan PKS"))

    class Meta(SuratDiterima.Meta):
        ordering = ["-tanggal_diterima", "-id"]
        verbose_name = _("permohonan Persetujuan DPRD")
        verbose_name_plural = _("permohonan Persetujuan DPRD")


class PersetujuanDprd(models.Model):
    """DPRD's approval signed by its leadership (P22-2), or the approval deemed given
    when DPRD has not answered in time (P22-1f, P22-3).
    """

    ksdd = models.ForeignKey(
        "agreements.Ksdd", on_delete=models.CASCADE, related_name="persetujuan_dprd"
    )
    permohonan = models.OneToOneField(
        PermohonanDprd, on_delete=models.PROTECT, related_name="persetujuan"
    )
    nomor = models.CharField(_("nomor surat persetujuan"), max_length=100, blank=True)
    tanggal = models.DateField(_("tanggal persetujuan"))
    # P22-2: who signed for the DPRD leadership. Blank only for a deemed approval and
    # for rows recorded before these fields existed; the service requires them.
    penandatangan_nama = models.CharField(
        _("nama penandatangan (pimpinan DPRD)"), max_length=150, blank=True
    )
    penandatangan_jabatan = models.CharField(_("jabatan penandatangan"), max_length=150, blank=True)
    dianggap = models.BooleanField(
        _("persetujuan dianggap diberikan"),
        default=False,
        help_text=_("Pasal 22 ayat (1) huruf f atau ayat (3)."),
    )
    dasar = models.CharField(_("dasar"), max_length=100, blank=True)
    # P22-1f, P22-3: a deemed approval takes effect the day after the period's last
    # day; ``tanggal`` is that effective day, ``hari_terakhir`` the period's last day.
    hari_terakhir = models.DateField(
        _("hari terakhir jangka waktu"),
        null=True,
        blank=True,
        help_text=_("Hanya untuk persetujuan yang dianggap diberikan."),
    )
    berkas = _berkas(
        _("surat persetujuan yang ditandatangani pimpinan DPRD"), null=True, blank=True
    )
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Persetujuan DPRD")
        verbose_name_plural = _("Persetujuan DPRD")
        constraints = [
            models.CheckConstraint(
                condition=Q(dianggap=True) | Q(berkas__isnull=False),
                name="persetujuan_dprd_berkas_atau_dianggap",
            )
        ]

    def __str__(self) -> str:
        return self.nomor or f"dianggap {self.tanggal:%d-%m-%Y}"


class SuratKuasa(models.Model):
    """A mandate from the Bupati to a named official to sign for the region
    (Pasal 1 angka 13, Pasal 4 ayat 2, Pasal 24 ayat 2–3; P1-13, P4-2, P24-2, P24-3).
    """

    nomor = models.CharField(_("nomor"), max_length=100, unique=True)
    tanggal = models.DateField(_("tanggal"))
    pemberi = models.CharField(_("pemberi kuasa (Bupati)"), max_length=150)
    penerima_nama = models.CharField(_("nama penerima kuasa"), max_length=150)
    penerima_nip = models.CharField(_("NIP penerima kuasa"), max_length=18, blank=True)
    penerima_jabatan = models.CharField(_("jabatan penerima kuasa"), max_length=150)
    perangkat_daerah = models.ForeignKey(
        "regions.PerangkatDaerah", verbose_name=_("perangkat daerah"), on_delete=models.PROTECT
    )
    ksdd = models.ForeignKey(
        "agreements.Ksdd",
        verbose_name=_("khusus untuk KSDD"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="surat_kuasa",
    )
    lingkup = models.TextField(_("lingkup kuasa"))
    berlaku_sampai = models.DateField(_("berlaku sampai"), null=True, blank=True)
    tanggal_tembusan = models.DateField(
        _("tanggal tembusan kepada Perangkat Daerah yang membidangi kerja sama"),
        null=True,
        blank=True,
        help_text=_("Pasal 24 ayat (3)."),
    )
    dicabut = models.BooleanField(_("dicabut"), default=False)
    # The revocation (P24-2): a revoked Surat Kuasa no longer lets anyone sign; it is
    # kept, with why, when and by whom (the history row of ``history`` too).
    alasan_pencabutan = models.TextField(_("alasan pencabutan"), blank=True)
    tanggal_pencabutan = models.DateField(_("tanggal pencabutan"), null=True, blank=True)
    dicabut_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicabut oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    berkas = _berkas(_("pindaian Surat Kuasa"), null=True, blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecordsTetap()

    class Meta:
        ordering = ["-tanggal"]
        verbose_name = _("Surat Kuasa")
        verbose_name_plural = _("Surat Kuasa")

    def __str__(self) -> str:
        return f"{self.nomor} — {self.penerima_nama}"


# --- letters of the clocks (Pasal 16 ayat 5-6, Pasal 18 ayat 2, Pasal 22 ayat 1 b-e) ---


class PermintaanTanggapanKedua(SuratDiterima):
    """A second request for an answer to an offer: ours to a partner that has not answered
    in 30 days, signed by the Bupati (Pasal 16 ayat 5; P16-5), or a partner's to us
    (Pasal 18 ayat 2; P18-2). ``tanggal_diterima`` starts P16-6 or P18-2.
    """

    penawaran = models.OneToOneField(
        Penawaran, on_delete=models.CASCADE, related_name="permintaan_kedua"
    )
    berkas = _berkas(_("surat permintaan tanggapan kedua"), null=True, blank=True)

    class Meta(SuratDiterima.Meta):
        verbose_name = _("permintaan tanggapan kedua")
        verbose_name_plural = _("permintaan tanggapan kedua")


class LaporanGubernur(Surat):
    """The Bupati's report to the Gubernur as Wakil Pemerintah Pusat when a partner has
    still not answered 15 days after the second request (Pasal 16 ayat 6; P16-6).
    """

    penawaran = models.OneToOneField(
        Penawaran, on_delete=models.CASCADE, related_name="laporan_gubernur"
    )
    berkas = _berkas(_("surat laporan kepada Gubernur"), null=True, blank=True)

    class Meta:
        verbose_name = _("laporan kepada Gubernur")
        verbose_name_plural = _("laporan kepada Gubernur")


class JawabanDprd(SuratDiterima):
    """The DPRD leadership's answer to the request, received by the Bupati (Pasal 22
    ayat 1 huruf b; P22-1b): a letter of its own that meets P22-1b and nothing else.
    """

    permohonan = models.OneToOneField(
        PermohonanDprd, on_delete=models.CASCADE, related_name="jawaban"
    )
    berkas = _berkas(_("surat jawaban pimpinan DPRD"), null=True, blank=True)

    class Meta(SuratDiterima.Meta):
        verbose_name = _("jawaban pimpinan DPRD")
        verbose_name_plural = _("jawaban pimpinan DPRD")


class PenolakanDprd(SuratDiterima):
    """DPRD's refusal of the request (P22-3): a position that stops every P22 clock;
    no approval is ever deemed for this request afterwards. The KSDD goes back to
    revision (a new request restarts the chain) or ends as refused.
    """

    permohonan = models.OneToOneField(
        PermohonanDprd, on_delete=models.PROTECT, related_name="penolakan"
    )
    penandatangan = models.CharField(_("penandatangan"), max_length=200)
    alasan = models.TextField(_("alasan penolakan"))
    berkas = _berkas(_("pindaian surat penolakan DPRD"))

    class Meta(SuratDiterima.Meta):
        verbose_name = _("penolakan DPRD")
        verbose_name_plural = _("penolakan DPRD")


class TelaahanDprd(SuratDiterima):
    """DPRD's review of the draft PKS sent to the Bupati (Pasal 22 ayat 1 huruf c;
    P22-1c), a letter separate from the answer of P22-1b (``JawabanDprd``): DPRD's first
    position on the substance, closes P22-3; ``tanggal_diterima`` starts the Bupati's
    follow-up period (P22-1d).
    """

    permohonan = models.OneToOneField(
        PermohonanDprd, on_delete=models.CASCADE, related_name="telaahan"
    )
    berkas = _berkas(_("surat dan hasil kajian rancangan PKS"), null=True, blank=True)

    class Meta(SuratDiterima.Meta):
        verbose_name = _("telaahan DPRD atas rancangan PKS")
        verbose_name_plural = _("telaahan DPRD atas rancangan PKS")


class TindakLanjutTelaahan(SuratDiterima):
    """The Bupati's follow-up of DPRD's review, sent back to the DPRD leadership for its
    approval (Pasal 22 ayat 1 huruf d; P22-1d). ``tanggal_diterima`` (by DPRD) starts
    P22-1e, whose lapse is the deemed approval of P22-1f.
    """

    permohonan = models.OneToOneField(
        PermohonanDprd, on_delete=models.CASCADE, related_name="tindak_lanjut"
    )
    berkas = _berkas(_("surat tindak lanjut dan rancangan PKS"), null=True, blank=True)

    class Meta(SuratDiterima.Meta):
        verbose_name = _("tindak lanjut telaahan DPRD")
        verbose_name_plural = _("tindak lanjut telaahan DPRD")


class PersetujuanDprdPerubahan(models.Model):
    """DPRD's approval of an amendment of the PKS that adds a burden to the public or
    the budget (Pasal 25 ayat 7; P25-7): a record of its own, with number, date,
    signatory and scan, dated on or after the day the amendment was proposed to DPRD.
    The amendment version it covers points to it (``VersiDokumen.persetujuan_dprd_perubahan``).
    """

    ksdd = models.ForeignKey(
        "agreements.Ksdd", on_delete=models.CASCADE, related_name="persetujuan_dprd_perubahan"
    )
    perihal = models.CharField(_("perihal perubahan"), max_length=300)
    nomor_usulan = models.CharField(_("nomor surat usulan perubahan kepada DPRD"), max_length=100)
    tanggal_usulan = models.DateField(_("tanggal perubahan diusulkan kepada DPRD"))
    nomor = models.CharField(_("nomor surat persetujuan"), max_length=100)
    tanggal = models.DateField(_("tanggal persetujuan"))
    penandatangan_nama = models.CharField(_("nama penandatangan (pimpinan DPRD)"), max_length=150)
    penandatangan_jabatan = models.CharField(_("jabatan penandatangan"), max_length=150)
    berkas = _berkas(_("pindaian surat persetujuan DPRD atas perubahan"))
    dicatat_oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    dicatat_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-tanggal", "-id"]
        verbose_name = _("Persetujuan DPRD atas perubahan PKS")
        verbose_name_plural = _("Persetujuan DPRD atas perubahan PKS")
        constraints = [
            models.CheckConstraint(
                condition=Q(tanggal__gte=models.F("tanggal_usulan")),
                name="persetujuan_perubahan_setelah_usulan",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nomor} ({self.tanggal:%d-%m-%Y}): {self.perihal[:40]}"


class PerpanjanganKb(models.Model):
    """An extension of a Kesepakatan Bersama agreed by the parties (Pasal 19 ayat 3:
    "paling lama 5 (lima) tahun dan dapat diperpanjang sesuai kesepakatan para pihak";
    P19-3): the letter of agreement (an addendum), its date, the end date before and
    after, at most 5 years each, and its scan. The KB's ``tanggal_berakhir`` follows the
    latest extension; its P19-3 clock moves with it."""

    naskah = models.ForeignKey(
        Naskah,
        verbose_name=_("Kesepakatan Bersama"),
        on_delete=models.CASCADE,
        related_name="perpanjangan",
    )
    nomor = models.CharField(_("nomor kesepakatan perpanjangan"), max_length=100)
    tanggal_kesepakatan = models.DateField(_("tanggal kesepakatan perpanjangan"))
    berakhir_sebelumnya = models.DateField(_("berlaku sampai (sebelum perpanjangan)"))
    berakhir_baru = models.DateField(_("berlaku sampai (setelah perpanjangan)"))
    berkas = _berkas(_("pindaian kesepakatan perpanjangan"))
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dicatat oleh"), on_delete=models.PROTECT
    )
    dicatat_pada = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        ordering = ["berakhir_baru", "pk"]
        verbose_name = _("perpanjangan Kesepakatan Bersama")
        verbose_name_plural = _("perpanjangan Kesepakatan Bersama")
        constraints = [
            # P19-3: an extension extends.
            models.CheckConstraint(
                condition=Q(berakhir_baru__gt=models.F("berakhir_sebelumnya")),
                name="perpanjangan_kb_setelah_berakhir",
            )
        ]

    def __str__(self) -> str:
        return self.nomor
