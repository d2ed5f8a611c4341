"""The one path every workflow step takes: ``langkah(...)``.

Every service in ``services/`` runs inside ``langkah(...)``: one transaction (files
included), the row locked, the version compared (a lost race is a ``ConflictError``),
permission and source status checked, the preconditions of the step's row in the
table (``workflow.TRANSISI``) applied, a ``RiwayatTahap`` row written and the clocks
the step starts or meets updated (``deadlines.pemicu``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from kersa.core.errors import ConflictError, tolak_jika
from kersa.deadlines.pemicu import tenggat_setelah_langkah
from kersa.documents.services import atomic_dengan_berkas

from .models import Ksdd, RiwayatTahap
from .selectors import boleh
from .tasks import kabari_tahap_baru
from .workflow import TRANSISI, Transisi


@dataclass
class Langkah:
    """What a service does inside ``langkah()``: the locked KSDD and the history it writes."""

    ksdd: Ksdd
    transisi: Transisi
    ke: str | None = None
    alasan: str = ""
    rule: str = ""
    data: dict = field(default_factory=dict)
    berkas: list = field(default_factory=list)

    def pindah(self, ke: str, *, alasan: str = "", rule: str = "") -> None:
        self.ke, self.alasan, self.rule = ke, alasan, rule


def _kabari(riwayat_id: int) -> None:
    kabari_tahap_baru.enqueue(riwayat_id)


@contextmanager
def langkah(
    *, ksdd: Ksdd, nama: str, user, versi: int | None = None, mitra: str | None = None
) -> Iterator[Langkah]:
    """Run one step atomically on a locked KSDD and log it. ``user=None`` is the system.
    ``mitra``: the partner a step on one partner's offer is for (``Transisi.prasyarat_mitra``)."""
    transisi = TRANSISI[nama]
    expected = ksdd.versi if versi is None else versi
    with atomic_dengan_berkas():
        locked = Ksdd.objects.select_for_update().select_related("bentuk").get(pk=ksdd.pk)
        if user is not None and not boleh(user, transisi, locked):
            raise PermissionDenied(
                _("Anda tidak berwenang melakukan “%s” pada KSDD ini.") % transisi.label
            )
        if locked.versi != expected:
            raise ConflictError()
        tolak_jika(transisi.hambatan_penuh(locked, mitra))
        step = Langkah(ksdd=locked, transisi=transisi)
        dari = locked.status
        yield step
        ke = step.ke or dari
        riwayat = RiwayatTahap.objects.create(
            ksdd=locked,
            aksi=nama,
            dari=dari,
            ke=ke,
            oleh=user,
            alasan=step.alasan,
            rule=step.rule,
            data=step.data,
        )
        if step.berkas:
            riwayat.berkas.set(step.berkas)
        # The clocks this step starts, meets or stops (deadlines/pemicu.py), in the
        # same transaction: a refused step leaves no clock behind.
        tenggat_setelah_langkah(ksdd=locked, riwayat=riwayat)
        if ke != dari:
            transaction.on_commit(lambda: _kabari(riwayat.pk))
        locked.status = ke
        locked.versi += 1
        locked.save(update_fields=["status", "versi", "diubah_pada"])
    ksdd.status, ksdd.versi = locked.status, locked.versi
