from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo, scenario and measurement data in one place (issue 17): ``skenario`` (any KSDD
    driven to any status through the real services), each room's demo loaders, and the
    commands ``muat_demo``, ``buat_data_nasional``, ``benchmark`` and ``benchmark_impor``."""

    name = "kersa.demo"
    label = "demo"
    verbose_name = "Data demo KERSA"
