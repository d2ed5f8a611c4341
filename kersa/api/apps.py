from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kersa.api"
    label = "api"
    verbose_name = "API"

    def ready(self):
        from django.core import checks

        from . import schema  # noqa: F401  (registers the OpenAPI extension)
        from .checks import cek_aksi_langkah

        checks.register(cek_aksi_langkah)
