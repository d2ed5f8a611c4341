from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisBerkas(models.TextChoices):
    """What an uploaded file is, so it is linked to the step it belongs to."""

    SURAT_PERMOHONAN = "surat_permohonan", _("Surat permohonan kepada Ketua TKKSD (Pasal 32)")
    SALINAN_DPA = "salinan_dpa", _("Salinan DPA kegiatan (Pasal 32 ayat 1 huruf c)")
    IZIN_DPRD = "izin_dprd", _("Surat izin DPRD (Pasal 32 ayat 1 huruf c)")
    SALINAN_PENAWARAN = "salinan_penawaran", _("Salinan surat penawaran (Pasal 32 ayat 1 huruf b)")
    SURAT_PENAWARAN = "surat_penawaran", _("Surat penawaran (Pasal 16–17)")
    SURAT_TANGGAPAN = "surat_tanggapan", _("Surat tanggapan atas penawaran")
    BERITA_ACARA_PLENO = "ba_pleno", _("Berita Acara Rapat Pleno TKKSD")
    RANCANGAN_KB = "rancangan_kb", _("Rancangan Kesepakatan Bersama")
    KB_DITANDATANGANI = "kb_ttd", _("Kesepakatan Bersama yang ditandatangani")
    PERMOHONAN_DPRD = "permohonan_dprd", _("Surat permohonan Persetujuan DPRD")
    RANCANGAN_PKS = "rancangan_pks", _("Rancangan PKS")
    PERSETUJUAN_DPRD = "persetujuan_dprd", _("Surat Persetujuan DPRD")
    PKS_DITANDATANGANI = "pks_ttd", _("PKS yang ditandatangani")
    SURAT_KUASA = "surat_kuasa", _("Surat Kuasa")
    LAINNYA = "lainnya", _("Lampiran lain")


class JenisDokumen(models.TextChoices):
    """Every document the regulation names that KERSA generates or keeps in versions."""

    KAK = "kak", _("Kerangka Acuan Kerja (Pasal 14 ayat 2)")
    SURAT_PENAWARAN = "surat_penawaran", _("Surat penawaran KSDD (Pasal 16 ayat 1–3)")
    PERMINTAAN_TANGGAPAN_KEDUA = (
        "tanggapan_kedua",
        _("Permintaan tanggapan kedua (Pasal 16 ayat 5)"),
    )
    LAPORAN_GUBERNUR = (
        "laporan_gubernur",
        _("Laporan kepada Gubernur atas penawaran yang tidak ditanggapi (Pasal 16 ayat 6)"),
    )
    SURAT_TANGGAPAN = "surat_tanggapan", _("Surat tanggapan atas penawaran mitra (Pasal 18)")
    KB = "kb", _("Kesepakatan Bersama (Pasal 11)")
    PKS = "pks", _("Perjanjian Kerja Sama (Pasal 12)")
    PERMOHONAN_DPRD = "permohonan_dprd", _("Permohonan Persetujuan DPRD (Pasal 22 ayat 1 huruf a)")
    SURAT_KUASA = "surat_kuasa", _("Surat Kuasa penandatanganan PKS (Pasal 24 ayat 2)")
    ADDENDUM = "addendum", _("Addendum PKS (Pasal 25 ayat 4)")
    # Records of TKKSD, planning and reporting (not tied to one KSDD, or not only).
    BERITA_ACARA_RAPAT = "ba_rapat", _("Berita Acara rapat TKKSD (Pasal 39)")
    NOTULEN_RAPAT = "notulen_rapat", _("Notulen rapat TKKSD (Pasal 39)")
    BERITA_ACARA_RENCANA = (
        "ba_rencana",
        _("Berita Acara daftar rencana KSDD (Pasal 7 ayat 5, Pasal 8 ayat 4)"),
    )
    LAPORAN_SEMESTER = "laporan_semester", _("Laporan semester pelaksanaan KSDD (Pasal 27)")
    LAPORAN_BUPATI = "laporan_bupati", _("Laporan Bupati kepada Gubernur (Pasal 27 ayat 2)")
    LAPORAN_MONEV = "laporan_monev", _("Laporan monitoring dan evaluasi (Pasal 28)")
    LAPORAN_TKKSD = "laporan_tkksd", _("Laporan semester/tahunan TKKSD (Pasal 34 ayat 2 huruf j)")
    BERITA_ACARA_PERSELISIHAN = (
        "ba_perselisihan",
        _("Berita Acara penyelesaian perselisihan (Pasal 29 ayat 3)"),
    )
    LAPORAN_PERSELISIHAN = (
        "laporan_perselisihan",
        _("Laporan penyelesaian perselisihan kepada Bupati (Pasal 29 ayat 4)"),
    )


class AsalVersi(models.TextChoices):
    """Where a version of a document comes from (each one immutable)."""

    DIHASILKAN = "dihasilkan", _("Dihasilkan oleh KERSA")
    REVISI = "revisi", _("Diperbaiki setelah rapat teknis")
    RANCANGAN_MITRA = "rancangan_mitra", _("Rancangan balasan daerah mitra")
    DISEPAKATI = "disepakati", _("Naskah yang disepakati para pihak")
    DITANDATANGANI = "ditandatangani", _("Pindaian naskah yang ditandatangani")
    PERUBAHAN = "perubahan", _("Perubahan (addendum) PKS (Pasal 25)")
