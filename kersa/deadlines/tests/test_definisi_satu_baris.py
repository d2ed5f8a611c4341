"""Issue 17 item 2: a clock is one row. Its definition carries its period, who acts, its
task, its reminder schedule and its key; the tables that repeated them are gone."""

from django.utils import translation

from kersa.deadlines import definisi, pekerja, pemicu
from kersa.deadlines.definisi import DEFINISI, JENDELA_TERLEWAT
from kersa.notifications import jadwal


def test_task_schedule_and_key_are_read_from_the_definition():
    assert not hasattr(pekerja, "TUGAS")
    assert not hasattr(jadwal, "JADWAL_PER_ATURAN")
    assert not hasattr(definisi.Definisi, "pengingat_bulan")
    tugas = {r: (str(d.tugas), d.tugas_aksi) for r, d in DEFINISI.items() if d.tugas_aksi}
    assert tugas == {
        "P16-4": ("Kirim permintaan tanggapan kedua (Pasal 16 ayat 5)", "catat_permintaan_kedua"),
        "P16-6": ("Susun laporan kepada Gubernur (Pasal 16 ayat 6)", "catat_laporan_gubernur"),
        "P18-2": (
            "Siapkan tanggapan Bupati atas permintaan tanggapan kedua (Pasal 18 ayat 2)",
            "catat_tanggapan",
        ),
        "P17-4": (
            "Siapkan tanggapan Bupati atas permintaan tanggapan kedua "
            "(Pasal 17 ayat 4 jo. Pasal 16 ayat 6)",
            "catat_tanggapan",
        ),
    }
    assert jadwal.jadwal("P19-3") == jadwal.jadwal("P12-2") == ("b-6", "b-3", "b-1", "hari_h")
    assert jadwal.jadwal("P22-3") == jadwal.JADWAL_BAWAAN
    assert pemicu.kunci_tenggat_monev(4, 2026, 1) == "P28:pd:4:2026-1"
    assert DEFINISI["P37-1"].kunci(2026) == "P37-1:2026"
    assert JENDELA_TERLEWAT.days == 30


def test_a_period_in_words_comes_from_the_definition_in_the_readers_language():
    assert DEFINISI["P22-3"].jangka == "45 hari kerja"
    assert DEFINISI["P16-4"].jangka == "30 hari kalender"
    with translation.override("en"):
        assert DEFINISI["P22-1e"].jangka == "15 working days"
        assert DEFINISI["P16-6"].jangka == "15 calendar days"
