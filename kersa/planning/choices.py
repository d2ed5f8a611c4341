from django.db import models
from django.utils.translation import gettext_lazy as _


class StatusIdentifikasi(models.TextChoices):
    PENYUSUNAN = "penyusunan", _("Penyusunan")
    DITETAPKAN = "ditetapkan", _("Ditetapkan dalam Berita Acara (Pasal 7 ayat 5, Pasal 8 ayat 4)")


class Prioritas(models.IntegerChoices):
    """The priority of a plan item (Pasal 7 ayat 3, Pasal 8 ayat 3)."""

    TINGGI = 1, _("Tinggi")
    SEDANG = 2, _("Sedang")
    RENDAH = 3, _("Rendah")


class ForumProvinsi(models.TextChoices):
    """Where the province discussed a Kerja Sama Wajib list (Pasal 7 ayat 4; P7-4)."""

    MUSRENBANG = "musrenbang", _("Musyawarah Perencanaan Pembangunan Provinsi")
    RAKORTEK = "rakortek", _("Rapat Koordinasi Teknis Perencanaan Pembangunan")
