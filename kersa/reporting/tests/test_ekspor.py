"""Exports of the dashboard: XLSX read back with openpyxl; PDF through LibreOffice."""

import datetime as dt
import io
import subprocess

import pytest
from openpyxl import load_workbook

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status
from kersa.reporting import ekspor


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


@pytest.mark.django_db
def test_dashboard_xlsx_holds_register_and_counts(client, pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    client.force_login(pemeran.sekretariat)
    resp = client.get("/dasbor/unduh.xlsx", {"kategori": "wajib"})
    assert resp.status_code == 200
    assert "attachment" in resp["Content-Disposition"]
    wb = load_workbook(io.BytesIO(resp.content))
    reg = wb["Register KSDD"]
    assert reg["A2"].value == ksdd.nomor_register
    assert reg["J2"].is_date  # dicatat
    assert reg.freeze_panes == "A2"
    tahap = wb[wb.sheetnames[1]]
    rows = {r[0]: r[1] for r in tahap.iter_rows(min_row=2, values_only=True)}
    assert rows["d. Penandatanganan Kesepakatan Bersama"] == 1


@pytest.mark.django_db
def test_dashboard_exports_follow_visibility(client, pemeran, ksdd):
    client.force_login(pemeran.operator_lain)  # PUPR: the Dinkes KSDD is not theirs
    wb = load_workbook(io.BytesIO(client.get("/dasbor/unduh.xlsx").content))
    assert wb["Register KSDD"].max_row == 1
    client.force_login(pemeran.publik)
    assert client.get("/dasbor/unduh.xlsx").status_code == 403
    assert client.get("/dasbor/unduh.pdf").status_code == 403


@pytest.mark.slow
@pytest.mark.django_db
def test_dashboard_pdf_starts_with_pdf_and_holds_the_text(client, pemeran, ksdd, tmp_path):
    client.force_login(pemeran.sekretariat)
    resp = client.get("/dasbor/unduh.pdf")
    assert resp.status_code == 200
    assert resp.content.startswith(b"%PDF")
    f = tmp_path / "dasbor.pdf"
    f.write_bytes(resp.content)
    teks = subprocess.run(
        ["pdftotext", "-layout", str(f), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Dasbor KSDD" in teks
    assert "Barito Timur" in teks
    assert "Pasal 13" in teks
