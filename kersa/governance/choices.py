from django.db import models
from django.utils.translation import gettext_lazy as _

from kersa.core.status import Alur


class JenisKeputusan(models.TextChoices):
    """What a Keputusan Bupati sets (Pasal 34 ayat 1 and 4)."""

    TKKSD = "tkksd", _("Pembentukan TKKSD (Pasal 34 ayat 1)")
    TIM_TEKNIS = "tim_teknis", _("Pembentukan Tim Teknis TKKSD (Pasal 34 ayat 4)")


class Kedudukan(models.TextChoices):
    """The seat an office holds in TKKSD or its Tim Teknis (Pasal 35)."""

    KETUA = "ketua", _("Ketua")
    WAKIL_KETUA = "wakil_ketua", _("Wakil Ketua")
    SEKRETARIS = "sekretaris", _("Sekretaris")
    ANGGOTA = "anggota", _("Anggota")
    KOORDINATOR_TIM_TEKNIS = "koordinator_tt", _("Koordinator Tim Teknis")
    ANGGOTA_TIM_TEKNIS = "anggota_tt", _("Anggota Tim Teknis")


# Seats of TKKSD itself and of its Tim Teknis.
KEDUDUKAN_TKKSD = (Kedudukan.KETUA, Kedudukan.WAKIL_KETUA, Kedudukan.SEKRETARIS, Kedudukan.ANGGOTA)
KEDUDUKAN_TIM_TEKNIS = (Kedudukan.KOORDINATOR_TIM_TEKNIS, Kedudukan.ANGGOTA_TIM_TEKNIS)


class StatusPemangku(models.TextChoices):
    """How a person holds an office."""

    DEFINITIF = "definitif", _("Definitif")
    PLT = "plt", _("Pelaksana Tugas (Plt.)")
    PLH = "plh", _("Pelaksana Harian (Plh.)")


class JenisRapat(models.TextChoices):
    """TKKSD works in meetings (Pasal 36)."""

    PLENO = "pleno", _("Rapat Pleno")
    TEKNIS = "teknis", _("Rapat Teknis")


class StatusRapat(models.TextChoices):
    TERJADWAL = "terjadwal", _("Terjadwal")
    SELESAI = "selesai", _("Selesai (hasil dicatat)")
    BATAL = "batal", _("Dibatalkan")


# The moves of a meeting's status (core.status.pindah): scheduled, then held or cancelled.
ALUR_RAPAT = Alur(
    gerak={
        ("", StatusRapat.TERJADWAL): "P36",
        (StatusRapat.TERJADWAL, StatusRapat.SELESAI): "P39",
        (StatusRapat.TERJADWAL, StatusRapat.BATAL): "P36",
    },
    tolak={
        StatusRapat.TERJADWAL: _(
            "Rapat yang sudah %(dari)s tidak dapat dijadwalkan kembali; jadwalkan rapat baru "
            "(Pasal 36)."
        ),
        StatusRapat.SELESAI: _(
            "Rapat yang sudah %(dari)s tidak dapat dicatat hasilnya (Pasal 39)."
        ),
        StatusRapat.BATAL: _("Rapat yang sudah %(dari)s tidak dapat dibatalkan (Pasal 36)."),
    },
)


class TugasTkksd(models.TextChoices):
    """The duties of TKKSD (Pasal 34 ayat 2 huruf a–j): the menu of its work items."""

    A = "a", _("a. menyiapkan dan mengkoordinasikan KSDD dan sinergi")
    B = "b", _("b. menyusun pemetaan KSDD dan sinergi")
    C = "c", _("c. memberikan saran terhadap proses KSDD dan sinergi dari pemrakarsa")
    D = "d", _("d. menyiapkan kerangka acuan/proposal, studi kelayakan dan kajian KSDD")
    E = "e", _("e. menilai proposal, studi kelayakan dan KAK dari pemrakarsa")
    F = "f", _("f. menyiapkan naskah Kesepakatan Bersama, PKS dan dokumen lainnya")
    G = "g", _("g. memberikan rekomendasi kepada Bupati untuk menandatangani naskah")
    H = "h", _("h. mengoordinasikan persiapan, pelaksanaan dan penyelesaian perselisihan")
    I = "i", _("i. memfasilitasi proses persetujuan DPRD")  # noqa: E741
    J = "j", _("j. menyusun laporan semester dan laporan tahunan pelaksanaan KSDD")


class JenisAgenda(models.TextChoices):
    """What an agenda item is for, so its decision can act (Pasal 37 ayat 2, Pasal 38 ayat 3)."""

    REKOMENDASI_PENAWARAN = (
        "rekomendasi_penawaran",
        _("Rekomendasi atas penawaran kerja sama (Pasal 18 ayat 3)"),
    )
    PROGRAM_KERJA = "program_kerja", _("Penetapan program kerja TKKSD (Pasal 37 ayat 2)")
    KEBIJAKAN = "kebijakan", _("Penetapan kebijakan (Pasal 37 ayat 2)")
    REKOMENDASI_BUPATI = "rekomendasi_bupati", _("Rekomendasi kepada Bupati (Pasal 37 ayat 2)")
    PEMBAHASAN_NASKAH = "naskah", _("Pembahasan rancangan KB/PKS (Pasal 38 ayat 3)")
    LAINNYA = "lainnya", _("Lainnya")


# Agenda kinds a Rapat Teknis may not decide: they belong to the pleno (Pasal 37 ayat 2,
# Pasal 18 ayat 3). A Rapat Teknis discusses and drafts them and recommends to the pleno
# through the Sekretaris (Pasal 38 ayat 3; P38-3).
AGENDA_KHUSUS_PLENO = (
    JenisAgenda.REKOMENDASI_PENAWARAN,
    JenisAgenda.PROGRAM_KERJA,
    JenisAgenda.KEBIJAKAN,
    JenisAgenda.REKOMENDASI_BUPATI,
)
