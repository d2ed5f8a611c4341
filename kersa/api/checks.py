"""System check: every workflow step of the registry has its API action."""

from django.core import checks

from kersa.agreements.daftar import LANGKAH

from .views.ksdd import KsddViewSet


def cek_aksi_langkah(app_configs=None, **kwargs):
    errors = []
    for nama, langkah in sorted(LANGKAH.items()):
        view = getattr(KsddViewSet, nama, None)
        if (
            view is None
            or getattr(view, "kwargs", {}).get("serializer_class") is not langkah.serializer
        ):
            errors.append(
                checks.Error(
                    f"Transition {nama!r} of agreements.workflow.TRANSISI has no API action.",
                    hint="kersa.api.views.ksdd builds one action per row of "
                    "kersa.agreements.daftar.LANGKAH.",
                    id="kersa_api.E001",
                )
            )
    return errors
