from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kersa.api"
    label = "api"
    verbose_name = "API"
