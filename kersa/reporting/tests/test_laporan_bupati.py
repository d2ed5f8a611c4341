"""The Bupati's consolidated report to the Gubernur (Pasal 27 ayat 2; P27-2) and
TKKSD's reports (Pasal 34 ayat 2 huruf j, ayat 3; P34-2j, P34-3)."""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from openpyxl import load_workbook

from kersa.agreements.choices import Status
from kersa.core.errors import RuleViolation
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.models import Tenggat
from kersa.deadlines.pekerja import tenggat_periodik_mulai
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.tests.hasilkan_util import buka, teks
from kersa.regions.models import Wilayah
from kersa.reporting import services
from kersa.reporting.choices import JenisLaporanTkksd, StatusLaporan, StatusProses
from kersa.reporting.models import ProsesLaporan

WIB = ZoneInfo("Asia/Jakarta")
# A backend that only queues: the report waits "antre" as it would for the worker.
ANTRE = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def waktu():
    with time_machine.travel(dt.datetime(2026, 6, 10, 9, 0, tzinfo=WIB), tick=False) as t:
        yield t


@pytest.fixture
def dua_ksdd(waktu, ksdd, pemeran):
    """Two running KSDD: Dinkes with Barito Timur (report sent) and PUPR with Barito
    Utara (report not sent)."""
    a = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    b = ksdd_baru(
        pemeran,
        judul="Pembangunan Jalan Penghubung Buntok – Muara Teweh",
        perangkat_daerah=pemeran.operator_lain.perangkat_daerah,
        user=pemeran.operator_lain,
        mitra=[Wilayah.objects.get(kode="62.05")],
    )
    b = ke_status(b, Status.PELAKSANAAN, pemeran)
    lap = services.laporan_semester_buat(ksdd=a, tahun=2026, semester=1, user=pemeran.operator)
    services.laporan_semester_ubah(
        laporan=lap,
        user=pemeran.operator,
        permasalahan="Keterlambatan pembayaran kompensasi triwulan I.",
        upaya_penyelesaian="Surat penagihan dan rapat koordinasi keuangan.",
        hal_lainnya="",
    )
    services.laporan_semester_sampaikan(laporan=lap, user=pemeran.operator)
    return a, b


def test_p27_2_consolidated_report_runs_as_task_and_gives_docx_and_xlsx(
    dua_ksdd, pemeran, django_capture_on_commit_callbacks
):
    a, b = dua_ksdd
    with django_capture_on_commit_callbacks(execute=True) as queued:
        proses = services.proses_laporan_bupati_mulai(
            tahun=2026, semester=1, user=pemeran.sekretariat
        )
    assert len(queued) == 1  # queued only once the row is committed
    proses.refresh_from_db()
    # the test settings run tasks immediately: the row has gone antre → berjalan → selesai
    assert proses.status == StatusProses.SELESAI and proses.persen == 100
    assert proses.jumlah_laporan == 1 and proses.dokumen.jenis == "laporan_bupati"

    isi = teks(buka(proses.dokumen.versi.get().berkas.file.read()))
    assert "Gubernur" in isi and a.judul in isi and "Keterlambatan pembayaran" in isi
    assert b.judul not in isi  # no report sent

    wb = load_workbook(io.BytesIO(proses.berkas_xlsx.read()))
    ws = wb.active
    kepala = [c.value for c in ws[1]]
    assert kepala[3] == "a. Judul KSDD" and kepala[11] == "i. Hal Lainnya yang Disepakati"
    assert ws.freeze_panes == "A2" and ws.column_dimensions["D"].width == 40
    assert ws.max_row == 2
    baris = [c.value for c in ws[2]]
    assert baris[1] == a.nomor_register and baris[3] == a.judul
    assert baris[9] == "Keterlambatan pembayaran kompensasi triwulan I."


@override_settings(TASKS=ANTRE)
def test_p27_2_progress_states_and_failure(waktu, pemeran, monkeypatch):
    from kersa.reporting import dokumen

    proses = services.proses_laporan_bupati_mulai(tahun=2026, semester=1, user=pemeran.sekretariat)
    assert proses.status == StatusProses.ANTRE and proses.berjalan

    def rusak(*a, **k):
        raise ValueError("templat rusak")

    monkeypatch.setattr(dokumen, "konteks_laporan_bupati", rusak)
    services.proses_laporan_bupati_jalankan(proses_id=proses.pk)
    proses.refresh_from_db()
    assert proses.status == StatusProses.GAGAL and "templat rusak" in proses.pesan
    services.proses_laporan_bupati_jalankan(proses_id=proses.pk)  # not run twice
    assert ProsesLaporan.objects.get(pk=proses.pk).status == StatusProses.GAGAL


@override_settings(TASKS=ANTRE)
def test_p27_2_progress_page_polls_until_done(waktu, pemeran, client):
    client.force_login(pemeran.sekretariat)
    r = client.post(reverse("laporan:bupati_mulai"), {"periode": "2026-1"})
    proses = ProsesLaporan.objects.get()
    assert r.url == reverse("laporan:proses", args=[proses.pk])
    html = client.get(r.url).content.decode()
    assert 'hx-trigger="every 2s"' in html and "<progress" in html
    services.proses_laporan_bupati_jalankan(proses_id=proses.pk)
    html = client.get(r.url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in html and "<html" not in html
    assert reverse("laporan:proses_xlsx", args=[proses.pk]) in html
    assert client.get(reverse("laporan:proses_xlsx", args=[proses.pk])).status_code == 200
    assert proses.periode_label in client.get(reverse("laporan:bupati")).content.decode()
    client.force_login(pemeran.operator)  # operators do not see the Bupati's report
    assert client.get(reverse("laporan:proses", args=[proses.pk])).status_code == 403


@pytest.mark.slow
def test_p27_2_docx_opens_in_libreoffice(dua_ksdd, pemeran, django_capture_on_commit_callbacks):
    from kersa.documents.konversi import pdf_dari_docx

    with django_capture_on_commit_callbacks(execute=True):
        proses = services.proses_laporan_bupati_mulai(
            tahun=2026, semester=1, user=pemeran.sekretariat
        )
    proses.refresh_from_db()
    pdf = pdf_dari_docx(proses.dokumen.versi.get().berkas.file.read())
    assert pdf.startswith(b"%PDF")


def test_p34_2j_tkksd_semester_report_counts_and_meets_the_clock(dua_ksdd, pemeran):
    a, b = dua_ksdd
    tenggat_periodik_mulai(hari_ini=dt.date(2026, 6, 10))
    lap = services.laporan_tkksd_buat(tahun=2026, semester=1, user=pemeran.sekretariat)
    assert lap.jenis == JenisLaporanTkksd.SEMESTER
    services.laporan_tkksd_ubah(
        laporan=lap,
        user=pemeran.sekretariat,
        rapat="Rapat Pleno 12 Maret 2026; Rapat Teknis 4 Mei 2026.",
    )
    lap = services.laporan_tkksd_sampaikan(laporan=lap, user=pemeran.sekretariat)
    assert lap.status == StatusLaporan.DISAMPAIKAN
    assert Tenggat.objects.get(kunci="P34-2j:2026-1").status == StatusTenggat.TERPENUHI
    isi = teks(buka(lap.dokumen.versi.get().berkas.file.read()))
    assert "LAPORAN TIM KOORDINASI KERJA SAMA DAERAH" in isi
    assert "1 diterima dari 2 KSDD dalam pelaksanaan" in isi
    assert f"Belum menyampaikan: {b.nomor_register}" in isi and "Rapat Teknis 4 Mei 2026" in isi
    assert "Pelaksanaan: 2" in isi
    with pytest.raises(RuleViolation) as exc:
        services.laporan_tkksd_buat(tahun=2026, semester=1, user=pemeran.sekretariat)
    assert exc.value.rule == "P34-2j"


def test_p34_3_semester_ii_report_is_also_the_annual_report(waktu, pemeran, client):
    client.force_login(pemeran.sekretariat)
    client.post(reverse("laporan:tkksd_buat"), {"periode": "2025-2"})
    client.post(reverse("laporan:tkksd_buat"), {"periode": "2025-2"})  # refused, not twice
    from kersa.reporting.models import LaporanTkksd

    lap = LaporanTkksd.objects.get()
    assert lap.jenis == JenisLaporanTkksd.TAHUNAN
    r = client.post(
        reverse("laporan:tkksd_detail", args=[lap.pk]),
        {"pendahuluan": "Laporan tahunan 2025.", "sampaikan": "1"},
    )
    assert r.status_code == 302
    lap.refresh_from_db()
    isi = teks(buka(lap.dokumen.versi.get().berkas.file.read()))
    assert "ayat (3)" in isi and "LAPORAN TAHUNAN" in isi
    assert (
        "Laporan semester II dan tahunan" in client.get(reverse("laporan:tkksd")).content.decode()
    )
    client.force_login(pemeran.operator)
    assert client.get(reverse("laporan:tkksd")).status_code == 403
    client.force_login(pemeran.ketua)
    assert client.get(reverse("laporan:tkksd_detail", args=[lap.pk])).status_code == 200


def test_demo_muat_is_idempotent(dua_ksdd, pemeran):
    from kersa.demo.laporan import demo_muat
    from kersa.reporting.models import LaporanSemester

    pertama = demo_muat(pemeran)
    assert pertama == {"laporan_semester": 1, "laporan_bupati": 1, "laporan_tkksd": 1}
    assert demo_muat(pemeran) == {"laporan_semester": 0, "laporan_bupati": 0, "laporan_tkksd": 0}
    assert LaporanSemester.objects.count() == 2
    assert ProsesLaporan.objects.get().status == StatusProses.SELESAI


@override_settings(TASKS=ANTRE)
def test_p27_2_second_run_while_one_waits_is_refused_and_shows_the_first(waktu, pemeran, client):
    pertama = services.proses_laporan_bupati_mulai(tahun=2026, semester=1, user=pemeran.sekretariat)
    with pytest.raises(RuleViolation) as e:
        services.proses_laporan_bupati_mulai(tahun=2026, semester=1, user=pemeran.sekretariat)
    assert e.value.rule == "P27-2" and "sedang disusun" in e.value.detail
    assert ProsesLaporan.objects.count() == 1
    client.force_login(pemeran.sekretariat)
    r = client.post(reverse("laporan:bupati_mulai"), {"periode": "2026-1"}, follow=True)
    assert r.redirect_chain[-1][0] == reverse("laporan:proses", args=[pertama.pk])
    assert "sedang disusun" in r.content.decode()
    # Another semester may still be queued; a finished run does not block a new one.
    services.proses_laporan_bupati_mulai(tahun=2025, semester=2, user=pemeran.sekretariat)
    ProsesLaporan.objects.filter(pk=pertama.pk).update(status=StatusProses.SELESAI)
    services.proses_laporan_bupati_mulai(tahun=2026, semester=1, user=pemeran.sekretariat)
    assert ProsesLaporan.objects.count() == 3


def test_p27_2_p34_2j_semester_must_be_i_or_ii_of_a_year_begun(waktu, pemeran, client):
    for tahun, semester in ((2026, 3), (2027, 1)):
        with pytest.raises(RuleViolation) as e:
            services.proses_laporan_bupati_mulai(
                tahun=tahun, semester=semester, user=pemeran.sekretariat
            )
        assert e.value.rule == "P27-2"
        with pytest.raises(RuleViolation) as e:
            services.laporan_tkksd_buat(tahun=tahun, semester=semester, user=pemeran.sekretariat)
        assert e.value.rule == "P34-2j"
    assert not ProsesLaporan.objects.exists()
    client.force_login(pemeran.sekretariat)
    r = client.post(reverse("laporan:bupati_mulai"), {"periode": "2026-9"}, follow=True)
    html = r.content.decode()
    assert "Semester tidak dikenal" in html and "(Pasal 27 ayat 2)" in html
    r = client.post(reverse("laporan:bupati_mulai"), {"periode": "2027-1"}, follow=True)
    assert "Semester 2027-1 belum berjalan" in r.content.decode()
    assert not ProsesLaporan.objects.exists()


@override_settings(TASKS=ANTRE)
def test_p27_2_run_left_by_a_dead_worker_is_resumed_with_its_letter_or_taken_over(
    dua_ksdd, waktu, pemeran, monkeypatch
):
    """Issue 19: a worker dying mid-build left the run "berjalan" for ever and P27-2
    refused every new run. The queue gives the task to the next worker, which resumes
    the run with the numbered letter already made (one letter); a run nobody resumes
    is taken over by the next request once its 15-minute lease has run out."""
    from kersa.documents.models import Dokumen
    from kersa.reporting import dokumen

    asli = dokumen.xlsx_laporan_bupati

    def pekerja_mati(*a, **k):  # the process dies here: SystemExit is no Exception
        raise SystemExit(137)

    proses = services.proses_laporan_bupati_mulai(tahun=2026, semester=1, user=pemeran.sekretariat)
    monkeypatch.setattr(dokumen, "xlsx_laporan_bupati", pekerja_mati)
    with pytest.raises(SystemExit):
        services.proses_laporan_bupati_jalankan(proses_id=proses.pk)
    proses.refresh_from_db()
    assert proses.status == StatusProses.BERJALAN and proses.dokumen_id is not None
    nomor = proses.dokumen.nomor

    monkeypatch.setattr(dokumen, "xlsx_laporan_bupati", asli)
    services.proses_laporan_bupati_jalankan(proses_id=proses.pk)  # the next worker
    proses.refresh_from_db()
    assert (proses.status, proses.percobaan, proses.dokumen.nomor) == ("selesai", 2, nomor)
    assert Dokumen.objects.filter(jenis="laporan_bupati").count() == 1
    assert proses.berkas_xlsx.name.endswith(".xlsx")

    # Semester II of 2025: the worker dies and no worker resumes the run.
    lama = services.proses_laporan_bupati_mulai(tahun=2025, semester=2, user=pemeran.sekretariat)
    monkeypatch.setattr(dokumen, "xlsx_laporan_bupati", pekerja_mati)
    with pytest.raises(SystemExit):
        services.proses_laporan_bupati_jalankan(proses_id=lama.pk)
    monkeypatch.setattr(dokumen, "xlsx_laporan_bupati", asli)
    waktu.shift(dt.timedelta(minutes=14))
    with pytest.raises(RuleViolation) as e:  # its lease still runs
        services.proses_laporan_bupati_mulai(tahun=2025, semester=2, user=pemeran.sekretariat)
    assert e.value.rule == "P27-2" and "sedang disusun" in e.value.detail
    waktu.shift(dt.timedelta(minutes=2))
    baru = services.proses_laporan_bupati_mulai(tahun=2025, semester=2, user=pemeran.sekretariat)
    lama.refresh_from_db()
    assert lama.status == StatusProses.GAGAL and "pekerja latar belakang berhenti" in lama.pesan
    services.proses_laporan_bupati_jalankan(proses_id=lama.pk)  # a late redelivery: no-op
    assert ProsesLaporan.objects.get(pk=lama.pk).status == StatusProses.GAGAL
    services.proses_laporan_bupati_jalankan(proses_id=baru.pk)
    assert ProsesLaporan.objects.get(pk=baru.pk).status == StatusProses.SELESAI

    # A run stuck "berjalan" from before leases existed (no heartbeat) is taken over too.
    warisan = services.proses_laporan_bupati_mulai(tahun=2025, semester=1, user=pemeran.sekretariat)
    ProsesLaporan.objects.filter(pk=warisan.pk).update(status=StatusProses.BERJALAN)
    waktu.shift(dt.timedelta(minutes=16))
    services.proses_laporan_bupati_mulai(tahun=2025, semester=1, user=pemeran.sekretariat)
    assert ProsesLaporan.objects.get(pk=warisan.pk).status == StatusProses.GAGAL
