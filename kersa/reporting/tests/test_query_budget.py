"""Query-count budgets of the reporting pages (Pasal 27, Pasal 34 ayat 2 huruf j): the
semester reports due, one report, and TKKSD's reports cost the same whatever the number
of KSDD in pelaksanaan, reports and their history."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.core.testing import jumlah_kueri
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.regions.models import Wilayah
from kersa.reporting import services

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def waktu():
    with time_machine.travel(dt.datetime(2026, 5, 20, 9, 0, tzinfo=WIB), tick=False) as t:
        yield t


def _hitung(client, url) -> int:
    return jumlah_kueri(client, url)  # warm visit


def _berjalan(pemeran, judul, kode_mitra):
    k = ksdd_baru(pemeran, judul=judul, mitra=[Wilayah.objects.get(kode=kode_mitra)])
    return ke_status(k, Status.PELAKSANAAN, pemeran)


def _laporan(ksdd, user, *, sampaikan):
    lap = services.laporan_semester_buat(ksdd=ksdd, tahun=2026, semester=1, user=user)
    services.laporan_semester_ubah(
        laporan=lap,
        user=user,
        permasalahan="Rujukan pasien dari Dusun Timur melebihi kuota 40 pasien per bulan.",
        upaya_penyelesaian="Penambahan kuota melalui rapat koordinasi kedua Dinas Kesehatan.",
        hal_lainnya="",
    )
    if sampaikan:
        lap = services.laporan_semester_sampaikan(laporan=lap, user=user)
    return lap


@pytest.mark.parametrize("peran", ["sekretariat", "operator"])
def test_p27_1_semester_reports_list_does_not_grow_with_ksdd(waktu, client, pemeran, ksdd, peran):
    pertama = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    _laporan(pertama, pemeran.operator, sampaikan=True)
    client.force_login(getattr(pemeran, peran))
    url = reverse("laporan:daftar") + "?periode=2026-1"
    awal = _hitung(client, url)
    kedua = _berjalan(pemeran, "Ambulans bersama Buntok – Tamiang Layang", "62.13")
    _laporan(kedua, pemeran.operator, sampaikan=False)
    _berjalan(pemeran, "Rujukan RSUD Jaraga Sasameh – RSUD Muara Teweh", "62.05")
    r = client.get(url)
    assert r.content.decode().count("Muara Teweh") >= 1  # the new KSDD are listed
    assert _hitung(client, url) == awal
    assert awal <= 10


def test_p27_1_report_page_does_not_grow_with_document_versions(waktu, client, pemeran, ksdd):
    pertama = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    kedua = _berjalan(pemeran, "Ambulans bersama Buntok – Tamiang Layang", "62.13")
    satu_versi = _laporan(pertama, pemeran.operator, sampaikan=True)
    tiga_versi = _laporan(kedua, pemeran.operator, sampaikan=True)
    for hari in (21, 22):  # a new date, a new letter: a new version
        services.laporan_semester_hasilkan(
            laporan=tiga_versi, user=pemeran.operator, tanggal=dt.date(2026, 5, hari)
        )
    assert tiga_versi.dokumen.versi.count() == 3
    client.force_login(pemeran.sekretariat)
    assert _hitung(client, reverse("laporan:semester", args=[tiga_versi.pk])) == _hitung(
        client, reverse("laporan:semester", args=[satu_versi.pk])
    )


def test_p34_2j_tkksd_reports_list_does_not_grow_with_reports(waktu, client, pemeran):
    s = pemeran.sekretariat
    lap = services.laporan_tkksd_buat(tahun=2025, semester=2, user=s)
    services.laporan_tkksd_ubah(laporan=lap, user=s, rapat="Rapat Pleno 12 Desember 2025.")
    services.laporan_tkksd_sampaikan(laporan=lap, user=s)
    client.force_login(s)
    url = reverse("laporan:tkksd")
    awal = _hitung(client, url)
    lap = services.laporan_tkksd_buat(tahun=2026, semester=1, user=s)
    services.laporan_tkksd_ubah(laporan=lap, user=s, rapat="Rapat Pleno 12 Maret 2026.")
    services.laporan_tkksd_sampaikan(laporan=lap, user=s)
    services.laporan_tkksd_buat(tahun=2025, semester=1, user=s)
    assert _hitung(client, url) == awal


def test_p27_1_semester_reports_list_is_paged(waktu, client, pemeran, ksdd, monkeypatch):
    """The list shows a page at a time (issue 18): three KSDD in pelaksanaan on pages of
    two give two pages, the second holding the third KSDD, at the same query count."""
    from kersa.reporting import selectors

    monkeypatch.setattr(selectors, "PER_HALAMAN", 2)
    semua = [
        ke_status(ksdd, Status.PELAKSANAAN, pemeran),
        _berjalan(pemeran, "Ambulans bersama Buntok – Tamiang Layang", "62.13"),
        _berjalan(pemeran, "Rujukan RSUD Jaraga Sasameh – RSUD Muara Teweh", "62.05"),
    ]
    semua.sort(key=lambda k: k.nomor_register)
    client.force_login(pemeran.sekretariat)
    url = reverse("laporan:daftar") + "?periode=2026-1"
    satu = client.get(url).content.decode()
    dua = client.get(url + "&halaman=2").content.decode()
    assert "3 KSDD · halaman 1 dari 2" in " ".join(satu.split())
    assert [k.nomor_register in satu for k in semua] == [True, True, False]
    assert [k.nomor_register in dua for k in semua] == [False, False, True]
    assert 'href="?periode=2026-1&amp;halaman=2"' in satu
    assert _hitung(client, url + "&halaman=2") == _hitung(client, url)
