from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kersa.accounts"
    label = "accounts"
    verbose_name = _("Pengguna")

    def ready(self):
        from kersa.accounts import signals  # noqa: F401  (connects the receivers)
