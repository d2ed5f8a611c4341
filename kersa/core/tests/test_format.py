"""Indonesian dates, numbers in words and Rupiah for generated documents (P11-3, P20-4)."""

import datetime as dt

from kersa.agreements import rules
from kersa.core.format import (
    angka_kata,
    rangkap,
    rupiah,
    rupiah_kata,
    tanggal_kata,
    tanggal_panjang,
    tanggal_surat,
    urutan_pihak,
)
from kersa.core.templatetags.kersa_tags import rupiah as rupiah_filter

SENIN = dt.date(2026, 3, 23)


def test_tanggal_panjang_and_surat():
    assert tanggal_panjang(SENIN) == "Senin, 23 Maret 2026"
    assert tanggal_surat(SENIN) == "23 Maret 2026"
    assert tanggal_panjang(dt.date(2026, 8, 17)) == "Senin, 17 Agustus 2026"


def test_p11_3_tanggal_kata_is_the_lampiran_clause():
    t = tanggal_kata(SENIN)
    assert (t.hari, t.tanggal, t.bulan, t.tahun, t.angka) == (
        "Senin",
        "dua puluh tiga",
        "Maret",
        "dua ribu dua puluh enam",
        "23-03-2026",
    )
    assert str(t) == (
        "Pada hari ini, Senin, tanggal dua puluh tiga bulan Maret tahun dua ribu dua puluh "
        "enam (23-03-2026)"
    )


def test_tanggal_kata_unknown_date_is_dotted():
    assert "(..-..-....)" in tanggal_kata(None).kalimat


def test_angka_kata():
    assert angka_kata(1) == "satu"
    assert angka_kata(11) == "sebelas"
    assert angka_kata(2026) == "dua ribu dua puluh enam"


def test_p20_4_rangkap_for_two_parties():
    assert rangkap(rules.jumlah_rangkap(2)) == "rangkap 3 (tiga)"
    assert rangkap(4) == "rangkap 4 (empat)"


def test_rupiah_indonesian_format():
    assert rupiah(1_250_000_000) == "Rp1.250.000.000,00"
    assert rupiah(1234.5) == "Rp1.234,50"
    assert rupiah(None) == ""
    assert rupiah_kata(450_000_000) == "Rp450.000.000,00 (empat ratus lima puluh juta rupiah)"


def test_rupiah_template_filter_uses_the_same_implementation():
    assert rupiah_filter(450_000_000) == rupiah(450_000_000, ringkas=True) == "Rp450.000.000"
    assert rupiah_filter(1234.5) == "Rp1.234,50"


def test_urutan_pihak():
    assert [urutan_pihak(n) for n in (1, 2, 3, 4)] == ["KESATU", "KEDUA", "KETIGA", "KEEMPAT"]
