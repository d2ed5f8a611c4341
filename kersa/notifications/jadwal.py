"""When reminders of a clock are given, as data (per rule ID).

A reminder kind is an offset from the due date: working days for the clocks of
Pasal 16–22 (counted on the working-day calendar, so a holiday moves the reminder
to the working day before), months for the end of a KB or PKS (Pasal 19 ayat (3),
Pasal 12 ayat (2)) so that a renewal can be prepared in time.
"""

from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta

from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.definisi import DEFINISI, JENDELA_TERLEWAT
from kersa.deadlines.kalender import Kalender

from .choices import JenisPengingat as J

# kind -> (unit, how many units before the due date; negative: after it)
JARAK: dict[str, tuple[str, int]] = {
    J.B6: ("bulan", 6),
    J.B3: ("bulan", 3),
    J.B1: ("bulan", 1),
    J.H7: ("hari_kerja", 7),
    J.H3: ("hari_kerja", 3),
    J.H1: ("hari_kerja", 1),
    J.HARI_H: ("hari", 0),
    J.TERLEWAT: ("hari", -1),
}

# The default schedule; a clock whose reminders differ says so in its definition
# (``deadlines.definisi.Definisi.jadwal``: P19-3 and P12-2, months before the end).
JADWAL_BAWAAN: tuple[str, ...] = (J.H7, J.H3, J.H1, J.HARI_H, J.TERLEWAT)

# A clock that has just started is told to those who must act (``Definisi.peran``),
# with its days left, when no other reminder is due yet: on the first scan within this
# many days of the event that started it (never for a clock found long after).
JENDELA_MULAI = dt.timedelta(days=7)


def jadwal(rule: str) -> tuple[str, ...]:
    """The reminder kinds of the clock ``rule``: its definition's, else the default.
    (An overdue clock is reminded of only within ``definisi.JENDELA_TERLEWAT``.)"""
    d = DEFINISI.get(rule)
    return d.jadwal if d and d.jadwal else JADWAL_BAWAAN


def tanggal_pengingat(jenis: str, jatuh_tempo: dt.date, kal: Kalender) -> dt.date:
    """The day a reminder of this kind is due for a clock due on ``jatuh_tempo``."""
    satuan, n = JARAK[jenis]
    if satuan == "bulan":
        return jatuh_tempo - relativedelta(months=n)
    if satuan == "hari_kerja":
        return kal.tambah_hari_kerja(jatuh_tempo, -n)
    return jatuh_tempo - dt.timedelta(days=n)


def batas_jatuh_tempo(hari_ini: dt.date, kal: Kalender) -> dt.date:
    """The latest due date that may have a reminder due on ``hari_ini`` (for the query)."""
    bulan = max((n for s, n in JARAK.values() if s == "bulan"), default=0)
    hk = max((n for s, n in JARAK.values() if s == "hari_kerja"), default=0)
    return max(hari_ini + relativedelta(months=bulan), kal.tambah_hari_kerja(hari_ini, hk))


def jenis_hari_ini(tenggat, hari_ini: dt.date, kal: Kalender) -> str | None:
    """The reminder of ``tenggat`` that is due on ``hari_ini``: the latest kind of its
    schedule whose day has come (so a missed day of the worker is caught up, and a
    clock started late gets only the reminder that still makes sense), never one
    whose day was before the clock started; else, in its first days, the notice that
    it started (``MULAI``). None when there is none."""
    if tenggat.status == StatusTenggat.TERLEWAT or tenggat.jatuh_tempo < hari_ini:
        if J.TERLEWAT not in jadwal(tenggat.rule):
            return None
        if hari_ini - tenggat.jatuh_tempo > JENDELA_TERLEWAT:
            return None
        return J.TERLEWAT
    pilihan = None
    for jenis in jadwal(tenggat.rule):
        if jenis == J.TERLEWAT:
            continue
        tanggal = tanggal_pengingat(jenis, tenggat.jatuh_tempo, kal)
        if tenggat.tanggal_peristiwa <= tanggal <= hari_ini and (
            pilihan is None or tanggal >= pilihan[1]
        ):
            pilihan = (jenis, tanggal)
    if pilihan:
        return pilihan[0]
    if dt.timedelta(0) <= hari_ini - tenggat.tanggal_peristiwa <= JENDELA_MULAI:
        return J.MULAI
    return None
