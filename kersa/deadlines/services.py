"""Writes of the deadlines room: start, meet and stop clocks; the worker's claims.

Every change of a clock's state writes a ``RiwayatTenggat`` row. Starting a clock
is idempotent by its ``kunci``: a clock is never created twice.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from .choices import StatusTenggat
from .definisi import DEFINISI
from .kalender import Kalender
from .models import RiwayatTenggat, Tenggat


def tenggat_mulai(
    *,
    rule: str,
    kunci: str,
    tanggal_peristiwa: dt.date,
    peristiwa: str,
    ksdd=None,
    subjek=None,
    perangkat_daerah=None,
    jatuh_tempo: dt.date | None = None,
    panjang: int | None = None,
    oleh=None,
    riwayat_tahap=None,
    kalender: Kalender | None = None,
) -> Tenggat:
    """Start the clock of ``rule`` from a dated event. ``jatuh_tempo`` is given only
    for clocks that run to a fixed date (the end of a KB); otherwise it is counted
    from the definition. Returns the existing clock when ``kunci`` is known."""
    definisi = DEFINISI[rule]
    with transaction.atomic():
        ada = Tenggat.objects.select_for_update().filter(kunci=kunci).first()
        if ada:
            return ada
        panjang = definisi.panjang if panjang is None else panjang
        if jatuh_tempo is None:
            kal = kalender or Kalender()
            jatuh_tempo = kal.jatuh_tempo(definisi.satuan, tanggal_peristiwa, panjang)
        if perangkat_daerah is None and ksdd is not None:
            perangkat_daerah = ksdd.perangkat_daerah
        tenggat = Tenggat.objects.create(
            rule=rule,
            kunci=kunci,
            ksdd=ksdd,
            subjek=subjek,
            perangkat_daerah=perangkat_daerah,
            peristiwa=peristiwa[:300],
            tanggal_peristiwa=tanggal_peristiwa,
            satuan=definisi.satuan,
            panjang=panjang,
            jatuh_tempo=jatuh_tempo,
            akibat=definisi.akibat,
        )
        RiwayatTenggat.objects.create(
            tenggat=tenggat,
            dari="",
            ke=StatusTenggat.BERJALAN,
            oleh=oleh,
            alasan=peristiwa[:300],
            riwayat_tahap=riwayat_tahap,
        )
    return tenggat


def tenggat_akhiri(
    *,
    tenggat: Tenggat,
    ke: str,
    alasan: str = "",
    oleh=None,
    riwayat_tahap=None,
    pada: dt.date | None = None,
) -> bool:
    """Close a running clock (met, missed, deemed or stopped). Returns False when it
    was no longer running: the conditional UPDATE makes closing happen once."""
    assert ke != StatusTenggat.BERJALAN
    pada = pada or timezone.localdate()
    with transaction.atomic():
        n = Tenggat.objects.filter(pk=tenggat.pk, status=StatusTenggat.BERJALAN).update(
            status=ke, selesai_pada=pada
        )
        if not n:
            return False
        RiwayatTenggat.objects.create(
            tenggat=tenggat,
            dari=StatusTenggat.BERJALAN,
            ke=ke,
            oleh=oleh,
            alasan=alasan,
            riwayat_tahap=riwayat_tahap,
        )
    tenggat.status, tenggat.selesai_pada = ke, pada
    return True
