from django.apps import AppConfig


class BerandaConfig(AppConfig):
    name = "kersa.beranda"
    label = "beranda"
    verbose_name = "Beranda KERSA"
