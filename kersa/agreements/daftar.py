"""The one registry of workflow steps: each row of ``workflow.TRANSISI`` with the service,
the web form and the API input serializer its names point to.

The web step page (``views/langkah.py``), the API's step actions (``api/views/ksdd.py``)
and the scenarios (``kersa.demo.skenario``) read ``LANGKAH`` and nothing else: a step is
written once, in its table row, and found here by its name. A name that points nowhere
fails at import, naming the row and what is missing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from rest_framework import serializers

from kersa.api.serializers import langkah as serializer_langkah

from . import forms, services
from .models import Ksdd
from .workflow import TRANSISI, Transisi


@dataclass(frozen=True)
class LangkahKsdd:
    """One step: its row of the table and what carries it out."""

    transisi: Transisi
    layanan: Callable[..., Ksdd]
    form: type[forms.LangkahForm]
    serializer: type[serializers.Serializer]

    @property
    def nama(self) -> str:
        return self.transisi.nama


def _cari(modul, nama: str, transisi: Transisi, apa: str):
    try:
        return getattr(modul, nama)
    except AttributeError:
        raise ImproperlyConfigured(
            f"TRANSISI[{transisi.nama!r}].{apa} = {nama!r}: no such name in {modul.__name__}."
        ) from None


def _daftar(transisi: Transisi) -> LangkahKsdd:
    return LangkahKsdd(
        transisi=transisi,
        layanan=_cari(services, transisi.layanan, transisi, "layanan"),
        form=_cari(forms, transisi.form, transisi, "form"),
        serializer=_cari(serializer_langkah, transisi.serializer, transisi, "serializer"),
    )


LANGKAH: dict[str, LangkahKsdd] = {nama: _daftar(t) for nama, t in TRANSISI.items()}
