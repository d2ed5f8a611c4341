"""Exports of the dashboard: XLSX read back with openpyxl; PDF through LibreOffice."""

import datetime as dt
import io
import subprocess

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status
from kersa.reporting import ekspor
from kersa.reporting.models import EksporDasbor


def test_xlsx_has_header_widths_frozen_header_and_real_dates():
    t = ekspor.Tabel(
        "Register KSDD",
        ["Nomor", "Tanggal", "Mitra"],
        [["KSDD/2026/0001", dt.date(2026, 3, 23), ["Kabupaten Barito Timur", "Kabupaten Kapuas"]]],
    )
    wb = load_workbook(io.BytesIO(ekspor.xlsx_dari_tabel([t])))
    ws = wb["Register KSDD"]
    assert [c.value for c in ws[1]] == ["Nomor", "Tanggal", "Mitra"]
    assert ws[1][0].font.bold
    assert ws.freeze_panes == "A2"
    assert ws["B2"].value == dt.datetime(2026, 3, 23)
    assert ws["B2"].is_date
    assert ws["C2"].value == "Kabupaten Barito Timur; Kabupaten Kapuas"
    assert ws.column_dimensions["C"].width > ws.column_dimensions["B"].width


def test_csv_has_bom_and_iso_dates():
    t = ekspor.Tabel(
        "x", ["Judul", "Tanggal"], [["Pelayanan Kesehatan Rujukan", dt.date(2026, 3, 23)]]
    )
    data = ekspor.csv_dari_tabel(t)
    assert data.startswith("\ufeff".encode())
    assert "2026-03-23" in data.decode("utf-8-sig")


DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _antre() -> int:
    return DBTaskResult.objects.filter(
        status="READY", task_path="kersa.reporting.tasks.susun_ekspor_dasbor"
    ).count()


def _pekerja():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def _unduh(client, ekspor: EksporDasbor) -> bytes:
    resp = client.get(f"/dasbor/ekspor/{ekspor.pk}/unduh/")
    assert resp.status_code == 200
    assert "attachment" in resp["Content-Disposition"]
    return b"".join(resp.streaming_content)


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_dashboard_xlsx_built_by_worker_with_the_pages_filters(client, pemeran, ksdd):
    """Issue 18: the request queues the export and answers at once with a status page;
    the real worker command builds the XLSX (register + counts, kategori filter kept)."""
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    client.force_login(pemeran.sekretariat)
    resp = client.post("/dasbor/unduh.xlsx", {"kategori": "wajib"})
    ekspor = EksporDasbor.objects.get()
    assert resp.status_code == 302
    assert resp["Location"] == f"/dasbor/ekspor/{ekspor.pk}/"
    assert (ekspor.format, ekspor.kategori, ekspor.tahun) == ("xlsx", "wajib", None)
    assert _antre() == 1
    halaman = client.get(resp["Location"]).content.decode()
    assert "Menunggu giliran" in halaman and 'hx-trigger="every 2s"' in halaman
    assert client.get(f"/dasbor/ekspor/{ekspor.pk}/unduh/").status_code == 404

    _pekerja()

    ekspor.refresh_from_db()
    assert ekspor.status == "selesai" and ekspor.jumlah_ksdd == 1
    status = client.get(resp["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert f"/dasbor/ekspor/{ekspor.pk}/unduh/" in status and "every 2s" not in status
    wb = load_workbook(io.BytesIO(_unduh(client, ekspor)))
    reg = wb["Register KSDD"]
    assert [c.value for c in reg[1]][:3] == ["Nomor register", "Judul", "Perangkat Daerah"]
    assert reg.max_row == 2
    assert reg["A2"].value == ksdd.nomor_register
    assert reg["J2"].is_date  # dicatat
    assert reg.freeze_panes == "A2"
    tahap = wb[wb.sheetnames[1]]
    rows = {r[0]: r[1] for r in tahap.iter_rows(min_row=2, values_only=True)}
    assert rows["d. Penandatanganan Kesepakatan Bersama"] == 1


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_dashboard_export_follows_the_filters_and_visibility(client, pemeran, ksdd):
    """The operator of another agency (PUPR) gets a valid workbook whose register holds
    the header only: the Dinkes KSDD is not theirs; a filter on another year too."""
    client.force_login(pemeran.operator_lain)
    client.post("/dasbor/unduh.xlsx")
    _pekerja()
    ekspor = EksporDasbor.objects.get()
    reg = load_workbook(io.BytesIO(_unduh(client, ekspor)))["Register KSDD"]
    assert reg.max_row == 1 and reg["A1"].value == "Nomor register"

    client.force_login(pemeran.sekretariat)
    client.post("/dasbor/unduh.xlsx", {"tahun": ksdd.dibuat_pada.year - 1})
    _pekerja()
    lain = EksporDasbor.objects.get(dibuat_oleh=pemeran.sekretariat)
    assert lain.tahun == ksdd.dibuat_pada.year - 1 and lain.jumlah_ksdd == 0
    # Someone else's export is not found, not shown.
    assert client.get(f"/dasbor/ekspor/{ekspor.pk}/").status_code == 404
    assert client.get(f"/dasbor/ekspor/{ekspor.pk}/unduh/").status_code == 404


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_dashboard_export_one_at_a_time_per_user_and_not_for_the_public(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    pertama = client.post("/dasbor/unduh.xlsx")
    kedua = client.post("/dasbor/unduh.pdf", follow=True)
    assert kedua.redirect_chain[0][0] == pertama["Location"]
    assert "masih disusun" in kedua.content.decode()
    assert EksporDasbor.objects.count() == 1
    assert _antre() == 1
    assert client.get("/dasbor/unduh.xlsx").status_code == 405  # starting it is a POST

    client.force_login(pemeran.publik)
    assert client.post("/dasbor/unduh.xlsx").status_code == 403
    assert client.post("/dasbor/unduh.pdf").status_code == 403
    assert client.get(pertama["Location"]).status_code == 403


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_dashboard_page_offers_the_exports_as_forms_carrying_its_filters(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    html = client.get("/dasbor/", {"kategori": "wajib"}).content.decode()
    assert 'action="/dasbor/unduh.xlsx"' in html and 'action="/dasbor/unduh.pdf"' in html
    assert '<input type="hidden" name="kategori" value="wajib">' in html


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_dashboard_pdf_built_by_worker_holds_the_text(client, pemeran, ksdd, tmp_path):
    client.force_login(pemeran.sekretariat)
    client.post("/dasbor/unduh.pdf")
    _pekerja()
    ekspor = EksporDasbor.objects.get()
    assert ekspor.status == "selesai", ekspor.pesan
    isi = _unduh(client, ekspor)
    assert isi.startswith(b"%PDF")
    f = tmp_path / "dasbor.pdf"
    f.write_bytes(isi)
    teks = subprocess.run(
        ["pdftotext", "-layout", str(f), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Dasbor KSDD" in teks
    assert "Barito Timur" in teks
    assert "Pasal 13" in teks


@pytest.mark.django_db
def test_export_left_waiting_half_an_hour_is_closed_by_the_next_one(pemeran, ksdd):
    """No worker came (or it died): the user's next export closes the old one as failed
    instead of showing it for ever."""
    import time_machine

    from kersa.reporting import services
    from kersa.reporting.statistik import Saring

    lama, baru = services.ekspor_dasbor_mulai(
        user=pemeran.sekretariat, saring=Saring(), format="xlsx"
    )
    assert baru
    with time_machine.travel(dt.timedelta(minutes=20)):
        sama, baru = services.ekspor_dasbor_mulai(
            user=pemeran.sekretariat, saring=Saring(), format="pdf"
        )
        assert (sama.pk, baru) == (lama.pk, False)
    with time_machine.travel(dt.timedelta(minutes=31)):
        kini, baru = services.ekspor_dasbor_mulai(
            user=pemeran.sekretariat, saring=Saring(kategori="wajib"), format="pdf"
        )
    lama.refresh_from_db()
    assert baru and kini.pk != lama.pk and kini.kategori == "wajib"
    assert lama.status == "gagal" and "Terhenti" in lama.pesan


@pytest.mark.slow
@pytest.mark.django_db
def test_benchmark_ekspor_prints_passes_and_leaves_no_export_behind(ksdd):
    out = io.StringIO()
    call_command("benchmark_ekspor", stdout=out)
    teks = out.getvalue()
    assert "dasbor xlsx: pekerja" in teks and "register 1 baris" in teks
    assert "FAIL" not in teks and teks.count("PASS") == 7
    assert "6 lalu 429" in teks
    assert not EksporDasbor.objects.exists()
