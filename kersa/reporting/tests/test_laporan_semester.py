"""Semester reports of the agency (Pasal 27 ayat 1 dan 3; P27-1, P27-3)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.core.errors import RuleViolation
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.models import Tenggat
from kersa.demo.skenario import ke_status
from kersa.documents.tests.hasilkan_util import buka, teks
from kersa.reporting import services
from kersa.reporting.choices import StatusLaporan
from kersa.reporting.models import LaporanSemester

WIB = ZoneInfo("Asia/Jakarta")
HARI_INI = dt.date(2026, 5, 20)  # Rabu, semester I 2026


@pytest.fixture
def waktu():
    with time_machine.travel(dt.datetime(2026, 5, 20, 9, 0, tzinfo=WIB), tick=False) as t:
        yield t


@pytest.fixture
def berjalan(waktu, ksdd, pemeran):
    """The Wajib KSDD with Barito Timur, PKS signed in May 2026: in pelaksanaan."""
    return ke_status(ksdd, Status.PELAKSANAAN, pemeran)


def _isi(laporan, user):
    return services.laporan_semester_ubah(
        laporan=laporan,
        user=user,
        permasalahan="Rujukan pasien dari Dusun Timur melebihi kuota 40 pasien per bulan.",
        upaya_penyelesaian="Penambahan kuota melalui rapat koordinasi kedua Dinas Kesehatan.",
        hal_lainnya="Ambulans bersama dijadwalkan bergilir setiap pekan.",
    )


def test_p27_1_p27_3_report_prefilled_from_the_ksdd_record(berjalan, pemeran):
    lap = services.laporan_semester_buat(
        ksdd=berjalan, tahun=2026, semester=1, user=pemeran.operator
    )
    assert lap.status == StatusLaporan.DRAF
    assert lap.judul == berjalan.judul
    pks = berjalan.naskah.get(jenis="pks")
    assert "Perjanjian Kerja Sama" in lap.bentuk_naskah and pks.tentang in lap.bentuk_naskah
    assert "Barito Timur" in lap.para_pihak and "Barito Selatan" in lap.para_pihak
    assert berjalan.kak.maksud_tujuan in lap.maksud_tujuan
    assert "Kesehatan" in lap.objek  # urusan a.2
    assert str(pks.tanggal_berakhir.year) in lap.jangka_waktu
    assert lap.permasalahan == "" and lap.riwayat.get().ke == StatusLaporan.DRAF


def test_p27_1_report_refused_when_ksdd_not_in_pelaksanaan(waktu, ksdd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        services.laporan_semester_buat(ksdd=ksdd, tahun=2026, semester=1, user=pemeran.operator)
    assert exc.value.rule == "P27-1"
    assert not LaporanSemester.objects.exists()


def test_p27_1_second_report_for_the_same_semester_is_refused(berjalan, pemeran):
    services.laporan_semester_buat(ksdd=berjalan, tahun=2026, semester=1, user=pemeran.operator)
    with pytest.raises(RuleViolation) as exc:
        services.laporan_semester_buat(ksdd=berjalan, tahun=2026, semester=1, user=pemeran.operator)
    assert exc.value.rule == "P27-1"
    assert LaporanSemester.objects.count() == 1


def test_p27_3_submitting_without_permasalahan_and_upaya_is_refused(berjalan, pemeran):
    lap = services.laporan_semester_buat(
        ksdd=berjalan, tahun=2026, semester=1, user=pemeran.operator
    )
    with pytest.raises(RuleViolation) as exc:
        services.laporan_semester_sampaikan(laporan=lap, user=pemeran.operator)
    assert {p.rule for p in exc.value.pelanggaran} == {"P27-3"}
    assert {p.field for p in exc.value.pelanggaran} == {"permasalahan", "upaya_penyelesaian"}
    lap.refresh_from_db()
    assert lap.status == StatusLaporan.DRAF and lap.dokumen_id is None


def test_p27_1_submitting_meets_the_clock_and_generates_the_docx(berjalan, pemeran):
    kunci = f"P27-1:ksdd:{berjalan.pk}:2026-1"
    assert Tenggat.objects.get(kunci=kunci).status == StatusTenggat.BERJALAN
    lap = services.laporan_semester_buat(
        ksdd=berjalan, tahun=2026, semester=1, user=pemeran.operator
    )
    lap = services.laporan_semester_sampaikan(
        laporan=_isi(lap, pemeran.operator), user=pemeran.operator
    )

    assert lap.status == StatusLaporan.DISAMPAIKAN and lap.tanggal_disampaikan == HARI_INI
    assert [r.ke for r in lap.riwayat.all()] == [StatusLaporan.DRAF, StatusLaporan.DISAMPAIKAN]
    t = Tenggat.objects.get(kunci=kunci)
    assert t.status == StatusTenggat.TERPENUHI and t.selesai_pada == HARI_INI

    assert lap.dokumen.jenis == "laporan_semester" and lap.dokumen.ksdd_id == berjalan.pk
    versi = lap.dokumen.versi.get()
    isi = teks(buka(versi.berkas.file.read()))
    assert "LAPORAN PELAKSANAAN KERJA SAMA DAERAH" in isi
    assert "Bupati" in isi and "Ketua Tim Koordinasi Kerja Sama Daerah" in isi  # tembusan
    for label in (
        "a. Judul KSDD",  # the parts lettered from "a."
        "g. Permasalahan",
        "h. Upaya penyelesaian permasalahan",
        "i. Hal lainnya",
    ):
        assert label in isi
    assert "melebihi kuota 40 pasien" in isi and berjalan.judul in isi
    assert lap.dokumen.nomor.endswith("/Lap-KS/2026")

    with pytest.raises(RuleViolation) as exc:  # sent: no longer editable
        _isi(lap, pemeran.operator)
    assert exc.value.rule == "P27-1"


def test_p27_1_list_shows_due_reports_with_the_clock(
    berjalan, pemeran, client, django_assert_max_num_queries
):
    client.force_login(pemeran.operator)
    with django_assert_max_num_queries(12):
        r = client.get(reverse("laporan:daftar"))
    assert r.status_code == 200
    html = r.content.decode()
    assert berjalan.nomor_register in html and "30 Juni 2026" in html

    r = client.post(reverse("laporan:buat", args=[berjalan.pk]), {"periode": "2026-1"})
    lap = LaporanSemester.objects.get()
    assert r.status_code == 302 and r.url == reverse("laporan:semester", args=[lap.pk])
    data = {f: getattr(lap, f) for f in LaporanSemester.BAGIAN}
    r = client.post(r.url, data | {"sampaikan": "1"})  # g and h empty
    assert r.status_code == 200 and "P27-3" in r.content.decode()
    data |= {"permasalahan": "Kuota rujukan terlampaui.", "upaya_penyelesaian": "Rapat koordinasi."}
    r = client.post(reverse("laporan:semester", args=[lap.pk]), data | {"sampaikan": "1"})
    assert r.status_code == 302
    lap.refresh_from_db()
    assert lap.status == StatusLaporan.DISAMPAIKAN


def test_p27_1_other_agencys_operator_gets_404(berjalan, pemeran, client):
    lap = services.laporan_semester_buat(
        ksdd=berjalan, tahun=2026, semester=1, user=pemeran.operator
    )
    client.force_login(pemeran.operator_lain)
    assert client.get(reverse("laporan:semester", args=[lap.pk])).status_code == 404
    r = client.post(reverse("laporan:buat", args=[berjalan.pk]), {"periode": "2026-2"})
    assert r.status_code == 404
    assert berjalan.nomor_register not in client.get(reverse("laporan:daftar")).content.decode()
    client.force_login(pemeran.bupati)  # the Bupati reads, does not write
    assert client.get(reverse("laporan:semester", args=[lap.pk])).status_code == 200
    assert (
        client.post(reverse("laporan:buat", args=[berjalan.pk]), {"periode": "2026-2"}).status_code
        == 403
    )


def test_p27_1_list_shows_the_clock_met_on_the_report_date_and_when_recorded(
    berjalan, pemeran, client
):
    """P27-1: a report sent on Monday 18 May 2026, recorded on Wednesday 20 May: the
    clock is met on 18 May (the day the law sees), and the list says when it was recorded."""
    lap = services.laporan_semester_buat(
        ksdd=berjalan, tahun=2026, semester=1, user=pemeran.operator
    )
    services.laporan_semester_sampaikan(
        laporan=_isi(lap, pemeran.operator), user=pemeran.operator, tanggal=dt.date(2026, 5, 18)
    )
    t = Tenggat.objects.get(kunci=f"P27-1:ksdd:{berjalan.pk}:2026-1")
    assert t.status == StatusTenggat.TERPENUHI and t.selesai_pada == dt.date(2026, 5, 18)
    client.force_login(pemeran.operator)
    html = client.get(reverse("laporan:daftar")).content.decode()
    assert "Terpenuhi pada Senin, 18 Mei 2026 · dicatat pada Rabu, 20 Mei 2026" in html
