"""Properties of the working-day count that hold for any start and any length
(hypothesis), over the years of the verified SKB lists and around them. Rule "HK"."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from kersa.deadlines.choices import JenisHari, Satuan
from kersa.deadlines.kalender import Kalender

# Built once outside the examples; no table, so no database.
KAL = Kalender(entri={})
# With the secretariat's entries: a local day off, a worked cuti bersama, a worked Saturday.
KAL_DAERAH = Kalender(
    entri={
        dt.date(2026, 4, 8): (JenisHari.LIBUR, "Libur daerah"),
        dt.date(2026, 3, 24): (JenisHari.MASUK, "Cuti bersama dibatalkan"),
        dt.date(2025, 8, 16): (JenisHari.MASUK, "Sabtu masuk"),
    }
)

tanggal = st.dates(min_value=dt.date(2024, 11, 1), max_value=dt.date(2027, 2, 28))
panjang = st.integers(min_value=0, max_value=60)
kalender = st.sampled_from([KAL, KAL_DAERAH])
SIFAT = settings(max_examples=150, deadline=None)


@SIFAT
@given(kal=kalender, mulai=tanggal, n=panjang)
def test_hk_forward_then_back_returns_to_a_working_start(kal, mulai, n):
    # A start on a day off goes back to the working day before it instead.
    mulai_kerja = mulai if kal.hari_kerja(mulai) else kal.tambah_hari_kerja(mulai, -1)
    assert kal.tambah_hari_kerja(kal.tambah_hari_kerja(mulai_kerja, n), -n) == mulai_kerja


@SIFAT
@given(kal=kalender, mulai=tanggal, n=st.integers(min_value=1, max_value=60))
def test_hk_every_working_day_due_date_is_a_working_day(kal, mulai, n):
    jt = kal.jatuh_tempo(Satuan.HARI_KERJA, mulai, n)
    assert kal.hari_kerja(jt)
    assert kal.nama_libur(jt) is None
    assert jt > mulai  # the day of receipt is never the due date


@SIFAT
@given(kal=kalender, mulai=tanggal, n=panjang)
def test_hk_working_days_between_start_and_due_date_is_n(kal, mulai, n):
    jt = kal.tambah_hari_kerja(mulai, n)
    assert kal.hari_kerja_antara(mulai, jt) == n
    assert kal.sisa(Satuan.HARI_KERJA, mulai, jt) == n
    assert kal.hari_kerja_antara(jt, mulai) == -n


@SIFAT
@given(kal=kalender, mulai=tanggal, n=panjang)
def test_hk_due_date_is_monotonic_in_n(kal, mulai, n):
    assert kal.tambah_hari_kerja(mulai, n) < kal.tambah_hari_kerja(mulai, n + 1)


@SIFAT
@given(kal=kalender, mulai=tanggal, n=panjang)
def test_hk_due_date_is_the_first_day_with_n_working_days(kal, mulai, n):
    # Nothing earlier already has n working days after the start.
    jt = kal.tambah_hari_kerja(mulai, n)
    if n:
        assert kal.hari_kerja_antara(mulai, jt - dt.timedelta(days=1)) == n - 1


@SIFAT
@given(kal=kalender, mulai=tanggal, n=st.integers(min_value=0, max_value=400))
def test_hk_calendar_day_due_date_is_start_plus_n_even_on_a_day_off(kal, mulai, n):
    jt = kal.jatuh_tempo(Satuan.HARI_KALENDER, mulai, n)
    assert jt == mulai + dt.timedelta(days=n)
    assert kal.sisa(Satuan.HARI_KALENDER, mulai, jt) == n


@SIFAT
@given(kal=kalender, mulai=tanggal, n=panjang)
def test_hk_working_days_are_never_fewer_than_calendar_days(kal, mulai, n):
    assert kal.jatuh_tempo(Satuan.HARI_KERJA, mulai, n) >= mulai + dt.timedelta(days=n)


@SIFAT
@given(mulai=tanggal, n=panjang)
def test_hk_a_local_day_off_never_brings_a_due_date_earlier(mulai, n):
    libur = Kalender(entri={dt.date(2026, 4, 8): (JenisHari.LIBUR, "Libur daerah")})
    assert libur.tambah_hari_kerja(mulai, n) >= KAL.tambah_hari_kerja(mulai, n)


@SIFAT
@given(a=tanggal, b=tanggal, c=tanggal)
def test_hk_working_days_between_add_up(a, b, c):
    assert KAL.hari_kerja_antara(a, b) + KAL.hari_kerja_antara(b, c) == KAL.hari_kerja_antara(a, c)
