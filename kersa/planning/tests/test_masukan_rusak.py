"""Bad input on the planning pages (Pasal 7–8): an empty form, a malformed value and a
rule refusal each come back on the form in Bahasa Indonesia, naming what is wrong and —
for a rule — its Pasal and rule ID; what was typed stays in the form; nothing is saved."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from kersa.planning.choices import StatusIdentifikasi
from kersa.planning.models import ButirRencana, Identifikasi, RiwayatIdentifikasi

from .conftest import butir_post

pytestmark = pytest.mark.django_db

# A fixed Wednesday, 20 May 2026, so "in the future" is stable.
SEKARANG = dt.datetime(2026, 5, 20, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture(autouse=True)
def _waktu():
    with time_machine.travel(SEKARANG, tick=False):
        yield


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def _jumlah() -> tuple[int, int, int]:
    return (
        Identifikasi.objects.count(),
        ButirRencana.objects.count(),
        RiwayatIdentifikasi.objects.count(),
    )


def _galat(r, nama: str) -> str:
    """The errors shown on field ``nama`` of the form in the context, as one string."""
    return " ".join(str(e) for e in r.context["form"].errors.get(nama, []))


# --- starting an identification (P7-2, P8-2) -----------------------------------------


def test_p6_p7_2_empty_start_form_names_each_field_and_its_pasal(pemeran, bappeda):
    c = _client(pemeran.sekretariat)
    sebelum = _jumlah()
    r = c.post(reverse("rencana:mulai"), {})
    assert r.status_code == 200
    assert "[P6]" in _galat(r, "kategori") and "Pasal 6" in _galat(r, "kategori")
    assert "Pasal 7 ayat 2" in _galat(r, "tanggal_mulai")
    assert "tahun" in _galat(r, "tahun_rencana").lower()
    assert "Belum dapat disimpan" in r.content.decode()
    assert _jumlah() == sebelum


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({"tanggal_mulai": "2025-13-45"}, "tanggal_mulai", "tanggal yang valid"),
        ({"kategori": "campuran"}, "kategori", "[P6]"),
        ({"tahun_rencana": "dua ribu"}, "tahun_rencana", "angka"),
        ({"tahun_rencana": "1999"}, "tahun_rencana", "2000"),
        ({"perangkat_perencanaan": "999999"}, "perangkat_perencanaan", "pilihan yang valid"),
    ],
)
def test_p7_2_malformed_start_values_keep_what_was_typed(pemeran, bappeda, ubah, field, pesan):
    data = {
        "kategori": "wajib",
        "tahun_rencana": "2027",
        "tanggal_mulai": "2026-02-02",
        "perangkat_perencanaan": bappeda.pk,
        "catatan": "Rapat koordinasi Bappedalitbang dengan seluruh Perangkat Daerah",
    } | ubah
    sebelum = _jumlah()
    r = _client(pemeran.sekretariat).post(reverse("rencana:mulai"), data)
    assert r.status_code == 200
    assert pesan in _galat(r, field)
    assert "Rapat koordinasi Bappedalitbang" in r.content.decode()
    assert _jumlah() == sebelum


def test_p7_2_start_without_planning_agency_is_refused_keeping_the_note(pemeran, bappeda):
    sebelum = _jumlah()
    r = _client(pemeran.sekretariat).post(
        reverse("rencana:mulai"),
        {
            "kategori": "wajib",
            "tahun_rencana": "2027",
            "tanggal_mulai": "2026-02-02",
            "catatan": "Koordinasi awal daftar Wajib 2027",
        },
    )
    assert r.status_code == 200
    galat = _galat(r, "perangkat_perencanaan")
    assert "[P7-2]" in galat and "Pasal 7 ayat 2" in galat
    assert "Koordinasi awal daftar Wajib 2027" in r.content.decode()
    assert _jumlah() == sebelum


def test_p7_3_second_list_of_the_same_year_is_refused(pemeran, wajib_2026, bappeda):
    sebelum = _jumlah()
    r = _client(pemeran.sekretariat).post(
        reverse("rencana:mulai"),
        {
            "kategori": "wajib",
            "tahun_rencana": "2026",
            "tanggal_mulai": "2025-03-03",
            "perangkat_perencanaan": bappeda.pk,
        },
    )
    assert r.status_code == 200
    assert "[P7-3]" in _galat(r, "tahun_rencana")
    assert _jumlah() == sebelum


# --- items of the list (P7-3, P7-1, P7-4) ------------------------------------------------


def test_p7_3_empty_item_form_cites_pasal_7_ayat_3(pemeran, wajib_2026):
    sebelum = _jumlah()
    r = _client(pemeran.sekretariat).post(reverse("rencana:butir_tambah", args=[wajib_2026.pk]), {})
    assert r.status_code == 200
    for field in ("program", "kegiatan", "jangka_waktu_bulan"):
        galat = _galat(r, field)
        assert "Pasal 7 ayat 3" in galat and "[P7-3]" in galat, field
    assert "Perangkat Daerah" in _galat(r, "perangkat_daerah")
    assert "Urusan" in _galat(r, "urusan")
    assert _jumlah() == sebelum


def test_p8_3_empty_item_of_a_sukarela_list_cites_pasal_8(pemeran, bappeda, penomoran):
    from kersa.agreements.choices import Kategori
    from kersa.planning import services

    ident = services.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori=Kategori.SUKARELA,
        tahun_rencana=2027,
        tanggal_mulai=dt.date(2026, 1, 12),
        perangkat_perencanaan=bappeda,
    )
    r = _client(pemeran.sekretariat).post(reverse("rencana:butir_tambah", args=[ident.pk]), {})
    assert r.status_code == 200
    assert "Pasal 8 ayat 3" in _galat(r, "program") and "[P8-3]" in _galat(r, "program")


@pytest.mark.parametrize(
    ("ubah", "field", "pesan"),
    [
        ({"perkiraan_anggaran": "-5000000"}, "perkiraan_anggaran", "tidak boleh negatif"),
        ({"perkiraan_anggaran": "lima juta"}, "perkiraan_anggaran", "angka"),
        ({"jangka_waktu_bulan": "tiga tahun"}, "jangka_waktu_bulan", "[P7-3]"),
        ({"jangka_waktu_bulan": "0"}, "jangka_waktu_bulan", "[P7-3]"),
        ({"prioritas": "9"}, "prioritas", "[P7-3]"),
        ({"tanggal_forum": "2025-02-30"}, "tanggal_forum", "tanggal yang valid"),
        ({"mitra": ["99.99"]}, "mitra", "pilihan yang valid"),
        ({"urusan": "999999"}, "urusan", "Pilih Urusan"),
        ({"forum_provinsi": "dprd"}, "forum_provinsi", "pilihan yang valid"),
    ],
)
def test_p7_3_malformed_item_values_keep_what_was_typed(pemeran, wajib_2026, ubah, field, pesan):
    sebelum = _jumlah()
    r = _client(pemeran.sekretariat).post(
        reverse("rencana:butir_tambah", args=[wajib_2026.pk]), butir_post(pemeran, **ubah)
    )
    assert r.status_code == 200
    assert pesan in _galat(r, field)
    html = r.content.decode()
    assert "Peningkatan jalan poros Buntok–Tamiang Layang ruas perbatasan" in html
    assert "RKPD 2026" in html
    assert _jumlah() == sebelum


def test_p7_4_forum_date_in_the_future_is_refused(pemeran, wajib_2026):
    sebelum = _jumlah()
    r = _client(pemeran.sekretariat).post(
        reverse("rencana:butir_tambah", args=[wajib_2026.pk]),
        butir_post(pemeran, tanggal_forum="2026-08-17"),
    )
    assert r.status_code == 200
    assert "[P7-4]" in _galat(r, "tanggal_forum")
    assert 'value="2026-08-17"' in r.content.decode()
    assert _jumlah() == sebelum


def test_p7_1_partner_not_bordering_is_refused_on_edit_and_nothing_changes(pemeran, wajib_2026):
    c = _client(pemeran.sekretariat)
    c.post(reverse("rencana:butir_tambah", args=[wajib_2026.pk]), butir_post(pemeran))
    b = wajib_2026.butir.get()
    r = c.post(
        reverse("rencana:butir_ubah", args=[b.pk]),
        butir_post(pemeran, mitra=["62.71"], program="Program Jalan Lintas Kota Palangka Raya"),
    )
    assert r.status_code == 200
    assert "[P7-1]" in _galat(r, "mitra")
    assert "Program Jalan Lintas Kota Palangka Raya" in r.content.decode()
    b.refresh_from_db()
    assert b.program == "Program Penyelenggaraan Jalan"
    assert [m.kode for m in b.mitra.all()] == ["62.13"]


@pytest.mark.parametrize(
    "nama",
    ["rencana:butir_tambah", "rencana:butir_ubah", "rencana:tetapkan", "rencana:buka_kembali"],
)
def test_unknown_record_is_404_not_500(pemeran, wajib_2026, nama):
    r = _client(pemeran.sekretariat).post(reverse(nama, args=[987654]), {})
    assert r.status_code == 404


def test_p7_5_item_added_to_a_set_list_is_refused(pemeran, wajib_2026):
    c = _client(pemeran.sekretariat)
    c.post(reverse("rencana:butir_tambah", args=[wajib_2026.pk]), butir_post(pemeran))
    c.post(
        reverse("rencana:tetapkan", args=[wajib_2026.pk]),
        {"nomor_berita_acara": "000.1.5/12/Pem/2025", "tanggal_berita_acara": "2025-05-20"},
    )
    sebelum = _jumlah()
    r = c.post(
        reverse("rencana:butir_tambah", args=[wajib_2026.pk]),
        butir_post(pemeran, program="Program Air Minum"),
    )
    assert r.status_code == 200
    assert "[P7-5]" in " ".join(r.context["form"].non_field_errors())
    assert "Program Air Minum" in r.content.decode()
    assert _jumlah() == sebelum
    b = wajib_2026.butir.get()
    r = c.post(reverse("rencana:butir_hapus", args=[b.pk]), follow=True)
    pesan = [str(m) for m in r.context["messages"]]
    assert any("[P7-5]" in m and "Pasal 7 ayat 5" in m for m in pesan)
    assert _jumlah() == sebelum


# --- setting and reopening (P7-5) --------------------------------------------------------


@pytest.fixture
def berbutir(pemeran, wajib_2026):
    _client(pemeran.sekretariat).post(
        reverse("rencana:butir_tambah", args=[wajib_2026.pk]), butir_post(pemeran)
    )
    return wajib_2026


@pytest.mark.parametrize(
    ("data", "field", "pesan"),
    [
        ({}, "nomor_berita_acara", "[P7-5]"),
        ({}, "tanggal_berita_acara", "[P7-5]"),
        (
            {"nomor_berita_acara": "000.1.5/12/Pem/2025", "tanggal_berita_acara": "2025-05-35"},
            "tanggal_berita_acara",
            "tanggal yang valid",
        ),
        (
            {"nomor_berita_acara": "000.1.5/12/Pem/2025", "tanggal_berita_acara": "2026-06-01"},
            "tanggal_berita_acara",
            "[P7-5]",
        ),
        (
            {"nomor_berita_acara": "000.1.5/12/Pem/2025", "tanggal_berita_acara": "2024-12-31"},
            "tanggal_berita_acara",
            "[P7-5]",
        ),
    ],
)
def test_p7_5_setting_refused_keeps_the_number_and_saves_nothing(
    pemeran, berbutir, data, field, pesan
):
    sebelum = _jumlah()
    r = _client(pemeran.sekretariat).post(reverse("rencana:tetapkan", args=[berbutir.pk]), data)
    assert r.status_code == 422
    galat = " ".join(str(e) for e in r.context["form_tetapkan"].errors.get(field, []))
    assert pesan in galat
    if data.get("nomor_berita_acara"):
        assert data["nomor_berita_acara"] in r.content.decode()
    berbutir.refresh_from_db()
    assert berbutir.status == StatusIdentifikasi.PENYUSUNAN
    assert berbutir.berita_acara_id is None
    assert _jumlah() == sebelum


def test_p7_5_reopening_without_a_written_reason_keeps_what_was_typed(pemeran, berbutir):
    c = _client(pemeran.sekretariat)
    c.post(
        reverse("rencana:tetapkan", args=[berbutir.pk]),
        {"nomor_berita_acara": "000.1.5/12/Pem/2025", "tanggal_berita_acara": "2025-05-20"},
    )
    sebelum = _jumlah()
    r = c.post(reverse("rencana:buka_kembali", args=[berbutir.pk]), {"alasan": "salah"})
    assert r.status_code == 422
    galat = " ".join(str(e) for e in r.context["form_buka"].errors.get("alasan", []))
    assert "[P7-5]" in galat and "alasan tertulis" in galat
    assert ">\nsalah</textarea>" in r.content.decode()
    berbutir.refresh_from_db()
    assert berbutir.status == StatusIdentifikasi.DITETAPKAN
    assert _jumlah() == sebelum
