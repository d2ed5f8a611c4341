from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisWilayah(models.TextChoices):
    PROVINSI = "provinsi", _("Provinsi")
    KABUPATEN = "kabupaten", _("Kabupaten")
    KOTA = "kota", _("Kota")
