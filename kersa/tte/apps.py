from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TteConfig(AppConfig):
    name = "kersa.tte"
    verbose_name = _("Tanda tangan elektronik")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import tandai_wajib

        user_logged_in.connect(tandai_wajib, dispatch_uid="kersa_tte_otp_wajib")
