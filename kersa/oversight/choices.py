from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisAsosiasi(models.TextChoices):
    """The associations a region may join or form (Pasal 43 ayat 2; P43)."""

    WADAH_WAJIB = "wadah_wajib", _("a. Wadah/kawasan kerja sama wajib")
    WADAH_SUKARELA = "wadah_sukarela", _("b. Wadah/kawasan kerja sama sukarela")
    APKASI = "apkasi", _("c. Asosiasi Pemerintah Kabupaten Seluruh Indonesia")


class BentukPembinaan(models.TextChoices):
    """How the Bupati guides the agencies running KSDD (Pasal 44 ayat 2; P44)."""

    PEDOMAN = "pedoman", _("a. Pemberian pedoman")
    SOSIALISASI = "sosialisasi", _("b. Sosialisasi")
    BIMBINGAN = "bimbingan", _("c. Bimbingan")
    ASISTENSI = "asistensi", _("d. Asistensi")
    DIKLAT = "diklat", _("e. Pendidikan dan pelatihan")
