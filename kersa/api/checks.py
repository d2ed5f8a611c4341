"""System check: every workflow transition has exactly one API action."""

from django.core import checks

from kersa.agreements.workflow import TRANSISI

from .langkah import AKSI


def cek_aksi_langkah(app_configs=None, **kwargs):

    errors = []
    for nama in sorted(set(TRANSISI) - set(AKSI)):
        errors.append(
            checks.Error(
                f"Transition {nama!r} of agreements.workflow.TRANSISI has no API action.",
                hint="Add it to kersa.api.langkah.AKSI with its input serializer.",
                id="kersa_api.E001",
            )
        )
    for nama in sorted(set(AKSI) - set(TRANSISI)):
        errors.append(
            checks.Error(
                f"API action {nama!r} is not a transition of agreements.workflow.TRANSISI.",
                id="kersa_api.E002",
            )
        )
    return errors
