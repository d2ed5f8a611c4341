from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TteConfig(AppConfig):
    name = "kersa.tte"
    verbose_name = _("Tanda tangan elektronik")
