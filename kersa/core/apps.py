from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "kersa.core"
    label = "core"
    verbose_name = "KERSA"
