"""The planning pages: permissions, forms with refusals, setting, BA download, XLSX."""

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from kersa.planning.choices import StatusIdentifikasi

from .conftest import butir_post

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def test_list_page_visible_to_readers_not_to_public(
    pemeran, wajib_2026, django_assert_max_num_queries
):
    c = _client(pemeran.anggota)
    with django_assert_max_num_queries(12):
        r = c.get(reverse("rencana:daftar"))
    assert r.status_code == 200
    assert "2026" in r.content.decode()
    assert "Mulai Identifikasi" not in r.content.decode()
    assert _client(pemeran.publik).get(reverse("rencana:daftar")).status_code == 403
    assert _client(pemeran.operator).get(reverse("rencana:mulai")).status_code == 403


def test_p7_2_start_form(pemeran, bappeda, penomoran):
    c = _client(pemeran.sekretariat)
    r = c.post(
        reverse("rencana:mulai"),
        {"kategori": "wajib", "tahun_rencana": "2026", "tanggal_mulai": "2025-02-03"},
    )
    assert r.status_code == 200
    assert "[P7-2]" in r.content.decode()
    r = c.post(
        reverse("rencana:mulai"),
        {
            "kategori": "wajib",
            "tahun_rencana": "2026",
            "tanggal_mulai": "2025-02-03",
            "perangkat_perencanaan": bappeda.pk,
        },
    )
    assert r.status_code == 302


def test_p7_3_item_form_and_p7_1_refusal(pemeran, wajib_2026):
    c = _client(pemeran.sekretariat)
    url = reverse("rencana:butir_tambah", args=[wajib_2026.pk])
    r = c.post(url, butir_post(pemeran, mitra=["62.71"]))
    assert r.status_code == 200 and "[P7-1]" in r.content.decode()
    r = c.post(url, butir_post(pemeran))
    assert r.status_code == 302
    b = wajib_2026.butir.get()
    assert b.perkiraan_anggaran == 12_500_000_000
    r = c.get(reverse("rencana:detail", args=[wajib_2026.pk]))
    html = r.content.decode()
    assert "Pekerjaan Umum dan Penataan Ruang" in html and "Barito Timur" in html
    r = c.post(
        reverse("rencana:butir_ubah", args=[b.pk]), butir_post(pemeran, jangka_waktu_bulan="24")
    )
    assert r.status_code == 302
    b.refresh_from_db()
    assert b.jangka_waktu_bulan == 24


def test_p7_5_set_form_download_and_xlsx(pemeran, wajib_2026):
    c = _client(pemeran.sekretariat)
    c.post(reverse("rencana:butir_tambah", args=[wajib_2026.pk]), butir_post(pemeran))
    url = reverse("rencana:tetapkan", args=[wajib_2026.pk])
    r = c.post(url, {"nomor_berita_acara": "", "tanggal_berita_acara": "2025-05-20"})
    assert r.status_code == 422 and "[P7-5]" in r.content.decode()
    r = c.post(
        url, {"nomor_berita_acara": "000.1.5/12/Pem/2025", "tanggal_berita_acara": "2025-05-20"}
    )
    assert r.status_code == 302
    wajib_2026.refresh_from_db()
    assert wajib_2026.status == StatusIdentifikasi.DITETAPKAN
    html = c.get(reverse("rencana:detail", args=[wajib_2026.pk])).content.decode()
    versi = wajib_2026.berita_acara.versi.get()
    assert reverse("documents:unduh", args=[versi.berkas_id]) in html
    assert "Tambah butir" not in html
    r = _client(pemeran.bupati).get(reverse("rencana:xlsx", args=[2026]))
    assert r.status_code == 200
    ws = load_workbook(io.BytesIO(r.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[2][1] == "Urusan"
    assert rows[3][1] == "Pekerjaan Umum dan Penataan Ruang" and rows[3][6] == 36
    assert _client(pemeran.publik).get(reverse("rencana:xlsx", args=[2026])).status_code == 403


def test_p8_5_late_flag_shown_on_page(pemeran, bappeda):
    from kersa.agreements.choices import Kategori
    from kersa.planning import services

    ident = services.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori=Kategori.SUKARELA,
        tahun_rencana=2026,
        tanggal_mulai=dt.date(2025, 5, 5),
        perangkat_perencanaan=bappeda,
    )
    html = _client(pemeran.ketua).get(reverse("rencana:detail", args=[ident.pk])).content.decode()
    assert "peringatan-p8-5" in html and "Pasal 8 ayat 5" in html
