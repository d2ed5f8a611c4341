from django.db import models
from django.utils.translation import gettext_lazy as _


class PeranTte(models.TextChoices):
    """What one electronic signature on a document is: the initials of an official up the
    hierarchy (paraf hierarki, P20-4, P24-4) or the signature of the signing office."""

    PARAF = "paraf", _("Paraf")
    TANDA_TANGAN = "tanda_tangan", _("Tanda tangan")


class Penyedia(models.TextChoices):
    PKCS12 = "pkcs12", _("Sertifikat PKCS#12 milik penanda tangan")
    CSC = "csc", _("Layanan tanda tangan jarak jauh (CSC API)")
    BSRE = "bsre", _("Layanan tanda tangan BSrE (API esign-client)")
