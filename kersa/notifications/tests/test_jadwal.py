"""Which reminder falls on which day, on the real 2026 calendar (SKB 3 Menteri)."""

import datetime as dt

import pytest

from kersa.deadlines.kalender import Kalender
from kersa.notifications.choices import JenisPengingat as J
from kersa.notifications.jadwal import jenis_hari_ini, tanggal_pengingat

D = dt.date
pytestmark = pytest.mark.django_db


def test_p16_4_working_day_reminders_skip_nyepi_and_lebaran_2026():
    # Due Tuesday 24 March 2026 (cuti bersama Idul Fitri). The working days before it:
    # 23 (cuti bersama), 22 (Sun), 21 (Idul Fitri), 20 (cuti bersama), 19 (Nyepi),
    # 18 (cuti bersama) are off, so the last working day before is Tuesday 17 March.
    kal = Kalender()
    jt = D(2026, 3, 24)
    assert tanggal_pengingat(J.H1, jt, kal) == D(2026, 3, 17)
    assert tanggal_pengingat(J.H3, jt, kal) == D(2026, 3, 13)  # 17, 16, 13
    assert tanggal_pengingat(J.H7, jt, kal) == D(2026, 3, 9)  # 17,16,13,12,11,10,9
    assert tanggal_pengingat(J.HARI_H, jt, kal) == jt
    assert tanggal_pengingat(J.TERLEWAT, jt, kal) == D(2026, 3, 25)


def test_p19_3_month_reminders():
    kal = Kalender()
    jt = D(2026, 9, 30)
    assert tanggal_pengingat(J.B6, jt, kal) == D(2026, 3, 30)
    assert tanggal_pengingat(J.B3, jt, kal) == D(2026, 6, 30)
    assert tanggal_pengingat(J.B1, jt, kal) == D(2026, 8, 30)


class _Jam:
    def __init__(self, rule, mulai, jt, status="berjalan"):
        self.rule, self.tanggal_peristiwa, self.jatuh_tempo, self.status = rule, mulai, jt, status


def test_latest_due_kind_is_chosen_and_none_before_the_clock_started():
    kal = Kalender()
    jam = _Jam("P16-4", D(2026, 2, 22), D(2026, 3, 24))
    assert jenis_hari_ini(jam, D(2026, 3, 8), kal) is None
    assert jenis_hari_ini(jam, D(2026, 3, 9), kal) == J.H7
    assert jenis_hari_ini(jam, D(2026, 3, 12), kal) == J.H7
    assert jenis_hari_ini(jam, D(2026, 3, 13), kal) == J.H3
    assert jenis_hari_ini(jam, D(2026, 3, 20), kal) == J.H1
    assert jenis_hari_ini(jam, D(2026, 3, 24), kal) == J.HARI_H
    assert jenis_hari_ini(jam, D(2026, 3, 25), kal) == J.TERLEWAT
    assert jenis_hari_ini(jam, D(2026, 5, 1), kal) is None  # beyond the overdue window
    # A clock started on 16 March: the h-7 day (9 March) was before it; h-3 was too.
    # Its first days, no reminder due yet: the notice that it started (MULAI).
    telat = _Jam("P16-4", D(2026, 3, 16), D(2026, 3, 24))
    assert jenis_hari_ini(telat, D(2026, 3, 16), kal) == J.MULAI
    assert jenis_hari_ini(telat, D(2026, 3, 17), kal) == J.H1
    # Never before the event, nor long after it (a clock found late is not "new").
    assert jenis_hari_ini(telat, D(2026, 3, 15), kal) is None
    assert (
        jenis_hari_ini(_Jam("P27-1", D(2026, 7, 1), D(2026, 12, 31)), D(2026, 7, 8), kal) == J.MULAI
    )
    assert jenis_hari_ini(_Jam("P27-1", D(2026, 7, 1), D(2026, 12, 31)), D(2026, 7, 9), kal) is None


def test_p19_3_has_no_overdue_reminder():
    kal = Kalender()
    jam = _Jam("P19-3", D(2025, 10, 1), D(2026, 9, 30))
    assert jenis_hari_ini(jam, D(2026, 10, 1), kal) is None
    assert jenis_hari_ini(jam, D(2026, 9, 30), kal) == J.HARI_H
