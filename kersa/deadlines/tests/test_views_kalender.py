"""The working-day calendar page (deadlines:kalender) and its form (rule "HK")."""

import datetime as dt

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from kersa.core.testing import jumlah_kueri
from kersa.deadlines import services
from kersa.deadlines.choices import JenisHari
from kersa.deadlines.models import HariLibur

pytestmark = pytest.mark.django_db
D = dt.date


def _url(tahun=2026):
    return reverse("deadlines:kalender", args=[tahun])


def _jumlah_query(client, url) -> int:
    return jumlah_kueri(client, url)  # warm visit


def test_hk_page_shows_2026_days_off_with_names_and_sources(client, pemeran):
    client.force_login(pemeran.operator)
    response = client.get(_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kalender kerja 2026" in html
    assert "Cuti Bersama Hari Raya Idul Fitri" in html
    assert "Senin, 23 Maret 2026" in html
    assert "Senin, 16 Februari 2026" in html
    assert "SKB 3 Menteri" in html
    assert "Tahun 2026 mempunyai 240 hari kerja" in html
    # How periods are counted, including the calendar-day rule on a day off.
    assert "Hari surat diterima tidak dihitung" in html
    assert "juga bila tanggal itu hari libur" in html
    assert _url(2025) in html and _url(2027) in html
    # An operator sees no form.
    assert 'name="aksi" value="tambah"' not in html


def test_hk_page_marks_local_entries(client, pemeran):
    services.hari_libur_catat(
        tanggal=D(2026, 4, 8),
        jenis=JenisHari.LIBUR,
        nama="Hari Jadi Kabupaten",
        dasar="Keputusan Bupati 100/2026",
        user=pemeran.sekretariat,
    )
    client.force_login(pemeran.anggota)
    html = client.get(_url()).content.decode()
    assert "Rabu, 8 April 2026" in html
    assert "Hari Jadi Kabupaten" in html
    assert "Ditetapkan daerah" in html
    assert "Keputusan Bupati 100/2026" in html
    assert 'class="hk-hari hk-daerah"' in html


def test_hk_current_year_redirect(client, pemeran):
    client.force_login(pemeran.operator)
    with time_machine.travel(dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC), tick=False):
        response = client.get(reverse("deadlines:kalender_sekarang"))
    assert response.status_code == 302
    assert response["Location"] == _url(2026)


def test_hk_page_needs_login_and_a_role(client, pemeran):
    response = client.get(_url())
    assert response.status_code == 302
    client.force_login(pemeran.publik)
    assert client.get(_url()).status_code == 403


def test_hk_year_out_of_range_is_404(client, pemeran):
    client.force_login(pemeran.operator)
    assert client.get(_url(1900)).status_code == 404


def test_hk_page_query_count_does_not_grow_with_entries(client, pemeran):
    client.force_login(pemeran.sekretariat)
    kosong = _jumlah_query(client, _url())
    for i, hari in enumerate([D(2026, 4, 8), D(2026, 4, 9), D(2026, 7, 1)]):
        HariLibur.objects.create(tanggal=hari, jenis=JenisHari.LIBUR, nama=f"Libur {i}")
    HariLibur.objects.create(tanggal=D(2026, 3, 24), jenis=JenisHari.MASUK, nama="Masuk")
    assert _jumlah_query(client, _url()) == kosong


def test_hk_page_fixed_query_count(client, pemeran, django_assert_num_queries):
    client.force_login(pemeran.sekretariat)
    client.get(_url())
    # Session, user, the user's permissions (own and by group), the year's HariLibur
    # rows; base.html: unread notifications, the user's role (group name).
    with django_assert_num_queries(7):
        client.get(_url())


def test_hk_secretariat_adds_an_entry_through_the_form(client, pemeran):
    client.force_login(pemeran.sekretariat)
    html = client.get(_url()).content.decode()
    assert 'name="aksi" value="tambah"' in html
    response = client.post(
        _url(),
        {"aksi": "tambah", "tanggal": "2026-03-24", "jenis": JenisHari.MASUK, "nama": "Masuk"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == _url(2026)
    html = response.content.decode()
    assert "Selasa, 24 Maret 2026 dicatat dalam kalender kerja" in html
    hari = HariLibur.objects.get()
    assert hari.dicatat_oleh == pemeran.sekretariat
    assert 'class="hk-hari hk-masuk"' in html
    assert "Semula: Cuti Bersama Hari Raya Idul Fitri" in html


def test_hk_operator_posting_the_form_gets_403(client, pemeran):
    client.force_login(pemeran.operator)
    response = client.post(
        _url(), {"aksi": "tambah", "tanggal": "2026-04-08", "jenis": "libur", "nama": "X"}
    )
    assert response.status_code == 403
    assert not HariLibur.objects.exists()


def test_hk_form_shows_the_refusal_on_the_date(client, pemeran):
    client.force_login(pemeran.sekretariat)
    response = client.post(
        _url(),
        {"aksi": "tambah", "tanggal": "2026-03-23", "jenis": JenisHari.LIBUR, "nama": "Libur"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "[HK]" in form.errors["tanggal"][0]
    html = response.content.decode()
    assert "Belum dapat disimpan" in html
    assert "sudah libur nasional atau cuti bersama" in html
    assert not HariLibur.objects.exists()


def test_hk_form_shows_missing_fields(client, pemeran):
    client.force_login(pemeran.sekretariat)
    response = client.post(_url(), {"aksi": "tambah", "tanggal": "", "jenis": "libur"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"tanggal", "nama"}


def test_hk_secretariat_removes_a_local_entry(client, pemeran):
    hari = services.hari_libur_catat(
        tanggal=D(2026, 4, 8), jenis=JenisHari.LIBUR, nama="Libur", user=pemeran.sekretariat
    )
    client.force_login(pemeran.operator)
    response = client.post(_url(), {"aksi": "hapus", "hari": hari.pk})
    assert response.status_code == 403
    client.force_login(pemeran.sekretariat)
    response = client.post(_url(), {"aksi": "hapus", "hari": hari.pk})
    assert response.status_code == 302
    assert not HariLibur.objects.exists()


def test_hk_nav_links_to_the_calendar(client, pemeran):
    client.force_login(pemeran.operator)
    html = client.get(reverse("agreements:daftar")).content.decode()
    assert reverse("deadlines:kalender_sekarang") in html
    assert "Kalender kerja" in html


# --- Admin --------------------------------------------------------------------------


def test_hk_admin_adds_through_the_service_and_shows_refusals(client, pemeran):
    client.force_login(pemeran.admin)
    url = reverse("admin:deadlines_harilibur_add")
    response = client.post(url, {"tanggal": "2026-03-23", "jenis": "libur", "nama": "Libur"})
    assert response.status_code == 200
    assert "[HK]" in response.content.decode()
    assert not HariLibur.objects.exists()
    response = client.post(url, {"tanggal": "2026-04-08", "jenis": "libur", "nama": "Libur"})
    assert response.status_code == 302
    hari = HariLibur.objects.get()
    assert hari.dicatat_oleh == pemeran.admin
    assert client.get(reverse("admin:deadlines_harilibur_changelist")).status_code == 200
    response = client.post(
        reverse("admin:deadlines_harilibur_delete", args=[hari.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not HariLibur.objects.exists()
    # One log entry for the addition and one for the removal, written by the services.
    assert LogEntry.objects.filter(object_id=str(hari.pk)).count() == 2


def test_hk_admin_tenggat_is_read_only(client, pemeran):
    tenggat = services.tenggat_mulai(
        rule="P22-1b", kunci="uji-admin", tanggal_peristiwa=D(2026, 3, 13), peristiwa="Surat"
    )
    client.force_login(pemeran.admin)
    assert client.get(reverse("admin:deadlines_tenggat_changelist")).status_code == 200
    response = client.get(reverse("admin:deadlines_tenggat_change", args=[tenggat.pk]))
    assert response.status_code == 200
    assert b'name="_save"' not in response.content
    assert client.get(reverse("admin:deadlines_tenggat_add")).status_code == 403
