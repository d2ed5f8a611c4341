"""Closed lists of the regulation, as TextChoices (never bare status strings)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kategori(models.TextChoices):
    """Pasal 6 (P6): exactly one of two categories."""

    WAJIB = "wajib", _("Kerja Sama Wajib")
    SUKARELA = "sukarela", _("Kerja Sama Sukarela")


class KelompokUrusan(models.TextChoices):
    """The three groups of urusan in Pasal 5 ayat (4) (P5-4)."""

    WAJIB_PELAYANAN_DASAR = "wajib_pd", _("Wajib yang berkaitan dengan Pelayanan Dasar")
    WAJIB_NON_PELAYANAN_DASAR = "wajib_npd", _("Wajib yang tidak berkaitan dengan Pelayanan Dasar")
    PILIHAN = "pilihan", _("Pilihan")


class Pemrakarsa(models.TextChoices):
    """Who initiates: the home region through an agency (Pasal 16) or a partner (Pasal 17)."""

    DAERAH = "daerah", _("Daerah (melalui Perangkat Daerah)")
    MITRA = "mitra", _("Daerah calon mitra")


class PengecualianRencana(models.TextChoices):
    """Pasal 5 ayat (3): why an object outside the regional plan may still proceed."""

    DARURAT = "darurat", _("a. mengatasi kondisi darurat")
    PROGRAM_STRATEGIS_NASIONAL = "psn", _("b. mendukung program strategis nasional")
    TUGAS_PEMBANTUAN = "tugas_pembantuan", _("c. penugasan berdasarkan asas tugas pembantuan")


class Tahap(models.TextChoices):
    """The ten stages of Pasal 13, in order (P13)."""

    PERSIAPAN = "a", _("Persiapan")
    PENAWARAN = "b", _("Penawaran")
    PENYUSUNAN_KB = "c", _("Penyusunan Kesepakatan Bersama")
    PENANDATANGANAN_KB = "d", _("Penandatanganan Kesepakatan Bersama")
    PERSETUJUAN_DPRD = "e", _("Persetujuan DPRD")
    PENYUSUNAN_PKS = "f", _("Penyusunan PKS")
    PENANDATANGANAN_PKS = "g", _("Penandatanganan PKS")
    PELAKSANAAN = "h", _("Pelaksanaan")
    PENATAUSAHAAN = "i", _("Penatausahaan")
    PELAPORAN = "j", _("Pelaporan")


class Status(models.TextChoices):
    """Where a KSDD stands in the workflow; each status belongs to one Tahap."""

    PENYUSUNAN_KAK = "penyusunan_kak", _("Penyusunan KAK")
    KAK_DIAJUKAN = "kak_diajukan", _("KAK diajukan, menunggu petunjuk tertulis")
    TELAAH_TKKSD = "telaah_tkksd", _("Telaah KAK oleh TKKSD")
    MENYIAPKAN_PENAWARAN = "menyiapkan_penawaran", _("Surat penawaran belum dicatat")
    MENUNGGU_TANGGAPAN = "menunggu_tanggapan", _("Menunggu tanggapan atas penawaran")
    PENYUSUNAN_KB = "penyusunan_kb", _("Penyusunan rancangan Kesepakatan Bersama")
    PENANDATANGANAN_KB = "penandatanganan_kb", _("Menunggu penandatanganan Kesepakatan Bersama")
    PERMOHONAN_DPRD = "permohonan_dprd", _("Menyiapkan permohonan Persetujuan DPRD")
    MENUNGGU_DPRD = "menunggu_dprd", _("Menunggu Persetujuan DPRD")
    PENYUSUNAN_PKS = "penyusunan_pks", _("Penyusunan rancangan PKS")
    PENANDATANGANAN_PKS = "penandatanganan_pks", _("Menunggu penandatanganan PKS")
    PELAKSANAAN = "pelaksanaan", _("Pelaksanaan")
    DITOLAK = "ditolak", _("Ditolak")
    DIBATALKAN = "dibatalkan", _("Dibatalkan")
    DIAKHIRI = "diakhiri", _("Diakhiri")


TAHAP_STATUS: dict[str, str] = {
    Status.PENYUSUNAN_KAK: Tahap.PERSIAPAN,
    Status.KAK_DIAJUKAN: Tahap.PERSIAPAN,
    Status.TELAAH_TKKSD: Tahap.PERSIAPAN,
    Status.MENYIAPKAN_PENAWARAN: Tahap.PENAWARAN,
    Status.MENUNGGU_TANGGAPAN: Tahap.PENAWARAN,
    Status.PENYUSUNAN_KB: Tahap.PENYUSUNAN_KB,
    Status.PENANDATANGANAN_KB: Tahap.PENANDATANGANAN_KB,
    Status.PERMOHONAN_DPRD: Tahap.PERSETUJUAN_DPRD,
    Status.MENUNGGU_DPRD: Tahap.PERSETUJUAN_DPRD,
    Status.PENYUSUNAN_PKS: Tahap.PENYUSUNAN_PKS,
    Status.PENANDATANGANAN_PKS: Tahap.PENANDATANGANAN_PKS,
    Status.PELAKSANAAN: Tahap.PELAKSANAAN,
}
STATUS_AKHIR = frozenset({Status.DITOLAK, Status.DIBATALKAN, Status.DIAKHIRI})


def status_dalam_tahap(tahap: str) -> list[str]:
    """The statuses of one stage (for filtering the register by stage)."""
    return [s for s, t in TAHAP_STATUS.items() if t == tahap]


class KriteriaTelaah(models.TextChoices):
    """Pasal 15 ayat (1): the five criteria of TKKSD's review of a KAK (P15-1)."""

    RPJMD_RENSTRA = "a", _("a. kesesuaian dengan RPJMD dan rencana strategis sektor terkait")
    RTRW = "b", _("b. kesesuaian lokasi dengan Rencana Tata Ruang Wilayah")
    KETERKAITAN = "c", _("c. keterkaitan antar sektor dan antar wilayah")
    BIAYA_MANFAAT = "d", _("d. kelayakan biaya dan manfaat")
    DAMPAK = "e", _("e. dampak terhadap pembangunan daerah")


class Keputusan(models.TextChoices):
    DITERIMA = "diterima", _("Diterima")
    DITOLAK = "ditolak", _("Ditolak")


class AlasanPenolakan(models.TextChoices):
    """Pasal 18 ayat (4): grounds a Rapat Pleno weighs to reject (P18-4)."""

    TIDAK_DALAM_PERENCANAAN = (
        "a",
        _("a. urusan dan obyek belum masuk dokumen perencanaan pembangunan daerah"),
    )
    ANGGARAN_BELUM_TERSEDIA = "b", _("b. belum tersedia anggaran pada tahun anggaran berjalan")
    PD_BELUM_SIAP = "c", _("c. Perangkat Daerah belum siap pada tahun anggaran berjalan")


class PertimbanganPersetujuan(models.TextChoices):
    """Pasal 18 ayat (5): grounds a Rapat Pleno weighs to accept (P18-5)."""

    SANGAT_MENDESAK = "a", _("a. obyek kerja sama bersifat sangat mendesak")
    ANGGARAN_TERSEDIA = "b", _("b. tersedia anggaran pada tahun anggaran berjalan")
    DALAM_PERENCANAAN = "c", _("c. tercantum dalam dokumen perencanaan pembangunan daerah")
    PD_SIAP = "d", _("d. Perangkat Daerah siap pada tahun anggaran berjalan")


class JenisNaskah(models.TextChoices):
    """Pasal 10 (P10): the two KSDD documents; a KB is followed by a PKS (P11-4)."""

    KB = "kb", _("Kesepakatan Bersama")
    PKS = "pks", _("Perjanjian Kerja Sama")


class KedudukanPenandatangan(models.TextChoices):
    """In what capacity a signatory signs (P20-3, P24-1…3)."""

    KEPALA_DAERAH = "kepala_daerah", _("Kepala Daerah (Gubernur/Bupati/Wali Kota, Pj., Plt.)")
    PEJABAT_KUASA = "pejabat_kuasa", _("Pejabat berdasarkan Surat Kuasa")


class TahapTerdaftar(models.TextChoices):
    """P26: the stage at which an agreement signed before the register existed is
    registered; the steps before it happened on paper and are not recorded."""

    KB = "kb", _("Kesepakatan Bersama telah ditandatangani (PKS belum)")
    PELAKSANAAN = "pelaksanaan", _("PKS telah ditandatangani, dalam pelaksanaan")
    BERAKHIR = "berakhir", _("Kerja sama telah berakhir")
