"""The working-day calendar against the official SKB 3 Menteri lists, and the counting
of periods as the regulation counts (RULES.md, the paragraph on hari kerja; Pasal 16,
18 and 22).

The 2025 list is the SKB of the Menteri Agama, Menteri Ketenagakerjaan and Menteri
PANRB on libur nasional and cuti bersama 2025 (with its amendment adding cuti bersama
on 18 August 2025); the 2026 list is the SKB on libur nasional and cuti bersama 2026.
Both are written here by hand, date by date, from the decrees.
"""

import datetime as dt

import pytest

from kersa.deadlines.choices import JenisHari, Satuan
from kersa.deadlines.kalender import Kalender
from kersa.deadlines.models import HariLibur

D = dt.date

# --- SKB 3 Menteri 2025 -------------------------------------------------------------

LIBUR_NASIONAL_2025 = {
    D(2025, 1, 1): "Tahun Baru Masehi",
    D(2025, 1, 27): "Isra Mikraj Nabi Muhammad",
    D(2025, 1, 29): "Tahun Baru Imlek",
    D(2025, 3, 29): "Hari Suci Nyepi",
    D(2025, 3, 31): "Hari Raya Idul Fitri",
    D(2025, 4, 1): "Hari kedua dari Hari Raya Idul Fitri",
    D(2025, 4, 18): "Wafat Yesus Kristus",
    D(2025, 4, 20): "Kebangkitan Yesus Kristus",
    D(2025, 5, 1): "Hari Buruh Internasional",
    D(2025, 5, 12): "Hari Raya Waisak",
    D(2025, 5, 29): "Kenaikan Yesus Kristus",
    D(2025, 6, 1): "Hari Lahir Pancasila",
    D(2025, 6, 6): "Hari Raya Idul Adha",
    D(2025, 6, 27): "Tahun Baru Islam",
    D(2025, 8, 17): "Hari Kemerdekaan Republik Indonesia",
    D(2025, 9, 5): "Maulid Nabi Muhammad",
    D(2025, 12, 25): "Hari Raya Natal",
}
CUTI_BERSAMA_2025 = {
    D(2025, 1, 28): "Cuti Bersama Tahun Baru Imlek",
    D(2025, 3, 28): "Cuti Bersama Hari Suci Nyepi",
    D(2025, 4, 2): "Cuti Bersama Hari Raya Idul Fitri",
    D(2025, 4, 3): "Cuti Bersama Hari Raya Idul Fitri",
    D(2025, 4, 4): "Cuti Bersama Hari Raya Idul Fitri",
    D(2025, 4, 7): "Cuti Bersama Hari Raya Idul Fitri",
    D(2025, 5, 13): "Cuti Bersama Hari Raya Waisak",
    D(2025, 5, 30): "Cuti Bersama Kenaikan Yesus Kristus",
    D(2025, 6, 9): "Cuti Bersama Hari Raya Idul Adha",
    # Added by the amending SKB of 2025.
    D(2025, 8, 18): "Cuti Bersama Hari Kemerdekaan Republik Indonesia",
    D(2025, 12, 26): "Cuti Bersama Hari Raya Natal",
}

# --- SKB 3 Menteri 2026 -------------------------------------------------------------

LIBUR_NASIONAL_2026 = {
    D(2026, 1, 1): "Tahun Baru Masehi",
    D(2026, 1, 16): "Isra Mikraj Nabi Muhammad",
    D(2026, 2, 17): "Tahun Baru Imlek",
    D(2026, 3, 19): "Hari Suci Nyepi",
    D(2026, 3, 21): "Hari Raya Idul Fitri",
    D(2026, 3, 22): "Hari kedua dari Hari Raya Idul Fitri",
    D(2026, 4, 3): "Wafat Yesus Kristus",
    D(2026, 4, 5): "Kebangkitan Yesus Kristus",
    D(2026, 5, 1): "Hari Buruh Internasional",
    D(2026, 5, 14): "Kenaikan Yesus Kristus",
    D(2026, 5, 27): "Hari Raya Idul Adha",
    D(2026, 5, 31): "Hari Raya Waisak",
    D(2026, 6, 1): "Hari Lahir Pancasila",
    D(2026, 6, 16): "Tahun Baru Islam",
    D(2026, 8, 17): "Hari Kemerdekaan Republik Indonesia",
    D(2026, 8, 25): "Maulid Nabi Muhammad",
    D(2026, 12, 25): "Hari Raya Natal",
}
CUTI_BERSAMA_2026 = {
    D(2026, 2, 16): "Cuti Bersama Tahun Baru Imlek",
    D(2026, 3, 18): "Cuti Bersama Hari Suci Nyepi",
    D(2026, 3, 20): "Cuti Bersama Hari Raya Idul Fitri",
    D(2026, 3, 23): "Cuti Bersama Hari Raya Idul Fitri",
    D(2026, 3, 24): "Cuti Bersama Hari Raya Idul Fitri",
    D(2026, 5, 15): "Cuti Bersama Kenaikan Yesus Kristus",
    D(2026, 5, 28): "Cuti Bersama Hari Raya Idul Adha",
    D(2026, 12, 24): "Cuti Bersama Hari Raya Natal",
}

SKB = {
    2025: (LIBUR_NASIONAL_2025, CUTI_BERSAMA_2025),
    2026: (LIBUR_NASIONAL_2026, CUTI_BERSAMA_2026),
}


@pytest.fixture(scope="module")
def kal():
    """The national calendar alone (no table: no database)."""
    return Kalender(entri={})


# --- The lists ------------------------------------------------------------------------


@pytest.mark.parametrize("tahun", [2025, 2026])
def test_hk_libur_equals_the_skb_list(kal, tahun):
    nasional, cuti = SKB[tahun]
    assert kal.libur(tahun) == {**nasional, **cuti}


@pytest.mark.parametrize("tahun", [2025, 2026])
def test_hk_every_listed_day_is_not_a_working_day(kal, tahun):
    nasional, cuti = SKB[tahun]
    for tanggal, nama in {**nasional, **cuti}.items():
        assert not kal.hari_kerja(tanggal), tanggal
        assert kal.nama_libur(tanggal) == nama


@pytest.mark.parametrize(
    ("tahun", "jumlah"),
    [
        # 261 weekdays in 2025, less 13 holidays on a weekday and 11 cuti bersama.
        (2025, 261 - 13 - 11),
        # 261 weekdays in 2026, less 13 holidays on a weekday and 8 cuti bersama.
        (2026, 261 - 13 - 8),
    ],
)
def test_hk_working_days_in_the_year(kal, tahun, jumlah):
    assert kal.hari_kerja_antara(D(tahun - 1, 12, 31), D(tahun, 12, 31)) == jumlah


def test_hk_weekend_has_its_name_and_a_weekday_has_none(kal):
    assert kal.nama_libur(D(2026, 3, 14)) == "Sabtu"
    assert kal.nama_libur(D(2026, 3, 15)) == "Minggu"
    assert kal.nama_libur(D(2026, 3, 16)) is None
    assert kal.hari_kerja(D(2026, 3, 16))


# --- Counting -------------------------------------------------------------------------


def test_p22_1b_dprd_request_received_friday_crosses_nyepi_and_idul_fitri(kal):
    # Received Friday 13 March 2026. Counted: 16, 17 March (18 cuti Nyepi, 19 Nyepi,
    # 20 cuti Idul Fitri, 21–22 Idul Fitri, 23–24 cuti Idul Fitri), 25, 26, 27, 30, 31
    # March, 1, 2 April (3 April Wafat Yesus Kristus), 6–10 April, 13 April = 15.
    assert kal.jatuh_tempo(Satuan.HARI_KERJA, D(2026, 3, 13), 15) == D(2026, 4, 13)


def test_p22_3_forty_five_working_days_from_the_same_request(kal):
    # 15 more after 13 April: 14–17 April (4), 20–24 (9), 27–30 (13; 1 May Hari Buruh),
    # 4 May (14), 5 May (15).
    assert kal.tambah_hari_kerja(D(2026, 4, 13), 15) == D(2026, 5, 5)
    # 15 more: 6, 7, 8 (3), 11, 12, 13 (6; 14 Kenaikan, 15 cuti), 18–22 (11),
    # 25, 26 (13; 27 Idul Adha, 28 cuti), 29 (14), 2 June (15; 1 June Pancasila).
    assert kal.jatuh_tempo(Satuan.HARI_KERJA, D(2026, 3, 13), 45) == D(2026, 6, 2)


def test_hk_day_of_receipt_is_not_counted(kal):
    # Received Monday 5 January 2026: the first day counted is Tuesday 6 January.
    assert kal.tambah_hari_kerja(D(2026, 1, 5), 1) == D(2026, 1, 6)
    assert kal.jatuh_tempo(Satuan.HARI_KERJA, D(2026, 1, 5), 5) == D(2026, 1, 12)
    assert kal.jatuh_tempo(Satuan.HARI_KALENDER, D(2026, 1, 5), 1) == D(2026, 1, 6)
    assert kal.hari_kerja_antara(D(2026, 1, 5), D(2026, 1, 5)) == 0


def test_p16_4_calendar_day_period_ending_on_sunday_stays_on_sunday(kal):
    # Offer received Friday 6 February 2026; 30 calendar days end Sunday 8 March 2026.
    jt = kal.jatuh_tempo(Satuan.HARI_KALENDER, D(2026, 2, 6), 30)
    assert jt == D(2026, 3, 8)
    assert jt.weekday() == 6
    assert kal.nama_libur(jt) == "Minggu"


def test_p16_4_calendar_day_period_ending_on_a_holiday_stays_on_it(kal):
    # Received 18 July 2025; 30 calendar days end on Sunday 17 August 2025 (Kemerdekaan).
    assert kal.jatuh_tempo(Satuan.HARI_KALENDER, D(2025, 7, 18), 30) == D(2025, 8, 17)


def test_hk_received_on_a_day_off_counts_from_the_next_working_day(kal):
    # A letter stamped received on Saturday 21 March 2026 (Idul Fitri): the first
    # working day after it is Wednesday 25 March.
    assert kal.tambah_hari_kerja(D(2026, 3, 21), 1) == D(2026, 3, 25)


def test_hk_counting_back_and_remaining_days(kal):
    assert kal.tambah_hari_kerja(D(2026, 4, 13), -15) == D(2026, 3, 13)
    assert kal.sisa(Satuan.HARI_KERJA, D(2026, 3, 13), D(2026, 4, 13)) == 15
    assert kal.sisa(Satuan.HARI_KERJA, D(2026, 4, 14), D(2026, 4, 13)) == -1
    assert kal.sisa(Satuan.HARI_KALENDER, D(2026, 3, 1), D(2026, 3, 8)) == 7


def test_hk_months_are_calendar_months(kal):
    assert kal.jatuh_tempo(Satuan.BULAN, D(2026, 1, 31), 1) == D(2026, 2, 28)
    with pytest.raises(ValueError):
        kal.jatuh_tempo("minggu", D(2026, 1, 1), 1)


def test_hk_crosses_the_year_end(kal):
    # Received Tuesday 23 December 2025 (24 Dec working; 25 Natal, 26 cuti; 1 Jan 2026).
    assert kal.tambah_hari_kerja(D(2025, 12, 23), 1) == D(2025, 12, 24)
    assert kal.tambah_hari_kerja(D(2025, 12, 23), 4) == D(2025, 12, 31)
    assert kal.tambah_hari_kerja(D(2025, 12, 23), 5) == D(2026, 1, 2)


# --- The secretariat's table ----------------------------------------------------------


def test_hk_local_day_off_shifts_a_due_date():
    # A local day off on Wednesday 8 April 2026 moves the 15th working day by one.
    kal = Kalender(entri={D(2026, 4, 8): (JenisHari.LIBUR, "Libur daerah")})
    assert kal.jatuh_tempo(Satuan.HARI_KERJA, D(2026, 3, 13), 15) == D(2026, 4, 14)
    assert kal.nama_libur(D(2026, 4, 8)) == "Libur daerah"
    assert kal.libur(2026)[D(2026, 4, 8)] == "Libur daerah"


def test_hk_worked_cuti_bersama_counts_again():
    kal = Kalender(entri={D(2026, 3, 24): (JenisHari.MASUK, "Cuti bersama dibatalkan")})
    assert kal.hari_kerja(D(2026, 3, 24))
    assert D(2026, 3, 24) not in kal.libur(2026)
    assert kal.jatuh_tempo(Satuan.HARI_KERJA, D(2026, 3, 13), 15) == D(2026, 4, 10)


def test_hk_worked_saturday_counts():
    kal = Kalender(entri={D(2026, 3, 14): (JenisHari.MASUK, "Sabtu masuk")})
    assert kal.hari_kerja(D(2026, 3, 14))
    assert kal.tambah_hari_kerja(D(2026, 3, 13), 1) == D(2026, 3, 14)


def test_hk_entries_of_other_years_do_not_leak():
    kal = Kalender(entri={D(2025, 4, 8): (JenisHari.LIBUR, "Libur daerah 2025")})
    assert D(2025, 4, 8) not in kal.libur(2026)
    assert kal.libur(2026) == {**LIBUR_NASIONAL_2026, **CUTI_BERSAMA_2026}


@pytest.mark.django_db
def test_hk_table_rows_are_loaded_in_one_query(django_assert_num_queries):
    HariLibur.objects.create(tanggal=D(2026, 4, 8), jenis=JenisHari.LIBUR, nama="Libur daerah")
    HariLibur.objects.create(tanggal=D(2026, 3, 24), jenis=JenisHari.MASUK, nama="Masuk")
    with django_assert_num_queries(1):
        kal = Kalender()
        assert kal.jatuh_tempo(Satuan.HARI_KERJA, D(2026, 3, 13), 15) == D(2026, 4, 13)
        assert kal.jatuh_tempo(Satuan.HARI_KERJA, D(2026, 3, 13), 45) == D(2026, 6, 2)
