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
