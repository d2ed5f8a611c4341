"""Bad input on the reporting pages (Pasal 27, Pasal 34 ayat 2 huruf j): an empty or
malformed form and a rule refusal come back in Bahasa Indonesia — on the field, or as a
message after a redirect — naming what is wrong and its Pasal/rule ID; nothing typed is
lost and no report, run or history row is half-saved."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status
from kersa.reporting import services
from kersa.reporting.choices import StatusLaporan
from kersa.reporting.models import (
    LaporanSemester,
    LaporanTkksd,
    ProsesLaporan,
    RiwayatLaporanSemester,
)

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture(autouse=True)
def waktu():
    with time_machine.travel(dt.datetime(2026, 5, 20, 9, 0, tzinfo=WIB), tick=False) as t:
        yield t


@pytest.fixture
def berjalan(ksdd, pemeran):
    """The Wajib KSDD of Dinas Kesehatan with Barito Timur (62.13), in pelaksanaan."""
    return ke_status(ksdd, Status.PELAKSANAAN, pemeran)


def _masuk(client, user):
    client.force_login(user)
    return client


def _jumlah():
    return (
        LaporanSemester.objects.count(),
        RiwayatLaporanSemester.objects.count(),
        ProsesLaporan.objects.count(),
        LaporanTkksd.objects.count(),
    )


def _pesan(r) -> list[str]:
    return [str(m) for m in r.context["messages"]]


def _galat(r, nama: str) -> str:
    return " ".join(str(e) for e in r.context["form"].errors.get(nama, []))


# --- opening a report for a semester: a select on a list page, answered by a message ------


@pytest.mark.parametrize(
    ("nama", "args", "rule", "pasal"),
    [
        ("laporan:buat", "ksdd", "P27-1", "Pasal 27 ayat 1"),
        ("laporan:bupati_mulai", None, "P27-2", "Pasal 27 ayat 2"),
        ("laporan:tkksd_buat", None, "P34-2j", "Pasal 34 ayat 2 huruf j"),
    ],
)
@pytest.mark.parametrize("periode", [None, "2026-3", "semester satu", "2031-1"])
def test_p27_p34_2j_bad_semester_is_refused_with_a_message(
    client, pemeran, berjalan, nama, args, rule, pasal, periode
):
    url = reverse(nama, args=[berjalan.pk] if args else [])
    sebelum = _jumlah()
    data = {} if periode is None else {"periode": periode}
    r = _masuk(client, pemeran.sekretariat).post(url, data, follow=True)
    assert r.status_code == 200
    pesan = _pesan(r)
    assert pesan, "a refusal after a redirect carries a message"
    assert all(pasal in m for m in pesan)
    if periode == "2031-1":  # a semester of a year not yet begun
        assert any(f"[{rule}]" in m and "belum berjalan" in m for m in pesan)
    else:
        assert any("semester" in m.lower() for m in pesan)
    assert _jumlah() == sebelum


def test_p27_1_second_report_of_a_semester_is_refused_with_its_rule(client, pemeran, berjalan):
    services.laporan_semester_buat(ksdd=berjalan, tahun=2026, semester=1, user=pemeran.operator)
    sebelum = _jumlah()
    r = _masuk(client, pemeran.operator).post(
        reverse("laporan:buat", args=[berjalan.pk]), {"periode": "2026-1"}, follow=True
    )
    assert any("[P27-1]" in m and "Pasal 27 ayat 1" in m for m in _pesan(r))
    assert _jumlah() == sebelum


def test_p27_1_report_of_a_ksdd_not_running_is_refused(client, pemeran, ksdd):
    sebelum = _jumlah()
    r = _masuk(client, pemeran.operator).post(
        reverse("laporan:buat", args=[ksdd.pk]), {"periode": "2026-1"}, follow=True
    )
    assert any("[P27-1]" in m and "pelaksanaan" in m for m in _pesan(r))
    assert _jumlah() == sebelum


def test_report_of_another_agencys_ksdd_is_404(client, pemeran, berjalan):
    r = _masuk(client, pemeran.operator_lain).post(
        reverse("laporan:buat", args=[berjalan.pk]), {"periode": "2026-1"}
    )
    assert r.status_code == 404
    assert LaporanSemester.objects.count() == 0


def test_p34_2j_second_tkksd_report_of_a_semester_is_refused(client, pemeran):
    services.laporan_tkksd_buat(tahun=2026, semester=1, user=pemeran.sekretariat)
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("laporan:tkksd_buat"), {"periode": "2026-1"}, follow=True
    )
    assert any("[P34-2j]" in m for m in _pesan(r))
    assert _jumlah() == sebelum


# --- writing and sending the semester report (P27-3) -------------------------------------


@pytest.fixture
def laporan(berjalan, pemeran):
    return services.laporan_semester_buat(
        ksdd=berjalan, tahun=2026, semester=1, user=pemeran.operator
    )


def test_p27_3_emptied_parts_a_to_f_name_their_huruf(client, pemeran, laporan):
    judul = laporan.judul
    r = _masuk(client, pemeran.operator).post(
        reverse("laporan:semester", args=[laporan.pk]),
        {"permasalahan": "Kuota rujukan 40 pasien per bulan terlampaui pada April 2026."},
    )
    assert r.status_code == 200
    for huruf, nama in zip("abcdef", LaporanSemester.BAGIAN[:6], strict=True):
        galat = _galat(r, nama)
        assert "[P27-3]" in galat and f"Pasal 27 ayat 3 huruf {huruf}" in galat, nama
    assert "Kuota rujukan 40 pasien per bulan terlampaui pada April 2026." in r.content.decode()
    laporan.refresh_from_db()
    assert laporan.judul == judul and laporan.permasalahan == ""


def test_p27_3_sending_without_problems_and_remedy_is_refused_but_the_text_is_kept(
    client, pemeran, laporan
):
    data = {f: getattr(laporan, f) for f in LaporanSemester.BAGIAN}
    data |= {"hal_lainnya": "Ambulans bersama dijadwalkan bergilir setiap pekan.", "sampaikan": "1"}
    riwayat = RiwayatLaporanSemester.objects.count()
    r = _masuk(client, pemeran.operator).post(reverse("laporan:semester", args=[laporan.pk]), data)
    assert r.status_code == 200
    assert "[P27-3]" in _galat(r, "permasalahan") and "[P27-3]" in _galat(r, "upaya_penyelesaian")
    assert any("belum disampaikan" in m for m in _pesan(r))
    assert "Ambulans bersama dijadwalkan bergilir setiap pekan." in r.content.decode()
    laporan.refresh_from_db()
    assert laporan.status == StatusLaporan.DRAF and laporan.dokumen_id is None
    assert laporan.hal_lainnya == "Ambulans bersama dijadwalkan bergilir setiap pekan."
    assert RiwayatLaporanSemester.objects.count() == riwayat


def test_p27_1_post_to_a_sent_report_says_it_is_sent(client, pemeran, laporan):
    services.laporan_semester_ubah(
        laporan=laporan,
        user=pemeran.operator,
        permasalahan="Rujukan melebihi kuota.",
        upaya_penyelesaian="Kuota ditambah melalui rapat koordinasi.",
    )
    services.laporan_semester_sampaikan(laporan=laporan, user=pemeran.operator)
    r = _masuk(client, pemeran.operator).post(
        reverse("laporan:semester", args=[laporan.pk]), {"permasalahan": "Diubah"}, follow=True
    )
    assert r.status_code == 200
    assert any("[P27-1]" in m and "sudah disampaikan" in m for m in _pesan(r))
    laporan.refresh_from_db()
    assert laporan.permasalahan == "Rujukan melebihi kuota."


def test_reader_may_not_post_to_a_report(client, pemeran, laporan):
    r = _masuk(client, pemeran.bupati).post(
        reverse("laporan:semester", args=[laporan.pk]), {"permasalahan": "x"}
    )
    assert r.status_code in (403, 404)
    laporan.refresh_from_db()
    assert laporan.permasalahan == ""


@pytest.mark.parametrize(
    "nama", ["laporan:semester", "laporan:tkksd_detail", "laporan:buat", "laporan:proses"]
)
def test_unknown_report_is_404_not_500(client, pemeran, nama):
    r = _masuk(client, pemeran.sekretariat).post(reverse(nama, args=[987654]), {})
    assert r.status_code in (404, 405)


def test_p34_2j_post_to_a_sent_tkksd_report_says_it_is_sent(client, pemeran):
    lap = services.laporan_tkksd_buat(tahun=2026, semester=1, user=pemeran.sekretariat)
    services.laporan_tkksd_sampaikan(laporan=lap, user=pemeran.sekretariat)
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("laporan:tkksd_detail", args=[lap.pk]), {"rekomendasi": "Diubah"}, follow=True
    )
    assert any("[P34-2j]" in m and "sudah disampaikan" in m for m in _pesan(r))
    lap.refresh_from_db()
    assert lap.rekomendasi != "Diubah"
    r = _masuk(client, pemeran.bupati).post(
        reverse("laporan:tkksd_detail", args=[lap.pk]), {"rekomendasi": "Diubah"}
    )
    assert r.status_code == 403


def test_p27_2_second_run_while_one_waits_is_refused_and_shows_the_running_one(client, pemeran):
    pertama = services.proses_laporan_bupati_mulai(tahun=2026, semester=1, user=pemeran.sekretariat)
    sebelum = _jumlah()
    r = _masuk(client, pemeran.sekretariat).post(
        reverse("laporan:bupati_mulai"), {"periode": "2026-1"}
    )
    assert r.status_code == 302 and r.url == reverse("laporan:proses", args=[pertama.pk])
    r = client.get(r.url)
    assert any("[P27-2]" in m and "Pasal 27 ayat 2" in m for m in _pesan(r))
    assert _jumlah() == sebelum
