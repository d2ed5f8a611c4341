"""End to end, in a real browser and through the real database queue: the Bupati starts
the consolidated report to the Gubernur (Pasal 27 ayat 2; P27-2), the page shows it
waiting for the worker instead of freezing, the real ``db_worker`` builds it, and the
same page (polled by htmx, never reloaded) turns into the finished state with the DOCX
and XLSX to download.

Dates are relative to today, not moved with time-machine: the browser keeps the real
clock, so a session cookie issued at a travelled server time would already have
expired in it (and the KSDD scenario dates its steps from today anyway).
"""

import io
import re
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.konversi import pdf_dari_docx
from kersa.regions.models import Wilayah
from kersa.reporting import services
from kersa.reporting.choices import StatusProses
from kersa.reporting.models import ProsesLaporan
from kersa.reporting.selectors import periode_dari
from tests.e2e.bantu import masuk

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-uji-123"
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
PROSES_URL = re.compile(r"/laporan/bupati/proses/\d+/$")


def _laporan_disampaikan(ksdd, operator, *, tahun, semester, permasalahan, upaya):
    """The initiating agency's semester report, sent to the Bupati (P27-1)."""
    lap = services.laporan_semester_buat(ksdd=ksdd, tahun=tahun, semester=semester, user=operator)
    services.laporan_semester_ubah(
        laporan=lap,
        user=operator,
        permasalahan=permasalahan,
        upaya_penyelesaian=upaya,
        hal_lainnya="",
    )
    return services.laporan_semester_sampaikan(laporan=lap, user=operator)


def _teks_pdf(pdf: bytes, folder: Path) -> str:
    berkas = folder / "laporan-bupati.pdf"
    berkas.write_bytes(pdf)
    teks = subprocess.run(
        ["pdftotext", str(berkas), "-"], capture_output=True, check=True, text=True
    ).stdout
    return " ".join(teks.split())  # a long title may wrap over two lines


def test_p27_2_bupati_sees_the_report_progress_then_downloads_docx_and_xlsx(
    live_server, page: Page, pemeran, settings, tmp_path
):
    # Two KSDD in pelaksanaan, each with its semester report sent to the Bupati: Dinkes
    # with Barito Timur (62.13), PUPR with Barito Utara (62.05).
    tahun, semester = periode_dari(None)
    dinkes = ke_status(ksdd_baru(pemeran), Status.PELAKSANAAN, pemeran)
    pupr = ke_status(
        ksdd_baru(
            pemeran,
            judul="Pembangunan Jalan Penghubung Buntok – Muara Teweh",
            perangkat_daerah=pemeran.operator_lain.perangkat_daerah,
            user=pemeran.operator_lain,
            mitra=[Wilayah.objects.get(kode="62.05")],
        ),
        Status.PELAKSANAAN,
        pemeran,
    )
    assert [m.kode for m in dinkes.mitra.all()] == ["62.13"]
    _laporan_disampaikan(
        dinkes,
        pemeran.operator,
        tahun=tahun,
        semester=semester,
        permasalahan="Keterlambatan pembayaran kompensasi rujukan dari Barito Timur.",
        upaya="Surat penagihan dan rapat koordinasi keuangan kedua daerah.",
    )
    _laporan_disampaikan(
        pupr,
        pemeran.operator_lain,
        tahun=tahun,
        semester=semester,
        permasalahan="Pembebasan lahan ruas Desa Muara Plantau belum tuntas.",
        upaya="Musyawarah bersama pemilik lahan difasilitasi kedua pemerintah daerah.",
    )

    # From here on, as in production: tasks go to the database queue and wait for the worker.
    settings.TASKS = DB_TASKS
    # The progress page's requests pass through Playwright, so while this process runs
    # the worker below they wait in the browser: the worker and the live server never
    # use the shared SQLite connection at the same moment.
    page.route(PROSES_URL, lambda route: route.continue_())
    page.set_default_timeout(15_000)
    bupati = pemeran.bupati

    masuk(page, live_server, bupati, PASSWORD)
    expect(page.locator("body")).to_contain_text(bupati.first_name)

    # Laporan → Laporan Bupati kepada Gubernur; choose the semester and start.
    page.get_by_role("link", name="Laporan", exact=True).click()
    page.get_by_role("link", name="Laporan Bupati kepada Gubernur").click()
    expect(page.locator("h1")).to_have_text("Laporan Bupati kepada Gubernur")
    page.select_option("select[name=periode]", f"{tahun}-{semester}")
    page.get_by_role("button", name="Susun laporan").click()

    # The page answers at once with the waiting state and a progress bar, not a blank page.
    expect(page).to_have_url(PROSES_URL)
    status = page.locator("#status-proses")
    expect(status).to_have_attribute("data-status", StatusProses.ANTRE)
    expect(status).to_contain_text("Menunggu giliran")
    expect(status).to_contain_text("Menunggu giliran pekerja.")
    expect(status).to_contain_text("diperbarui sendiri setiap 2 detik")
    expect(status.locator("progress")).to_have_attribute("value", "0")
    expect(status.get_by_role("button", name="Unduh XLSX")).to_have_count(0)

    # Nothing has been built yet: one task waits in the database queue.
    proses = ProsesLaporan.objects.get()
    assert (proses.tahun, proses.semester, proses.dibuat_oleh) == (tahun, semester, bupati)
    assert proses.status == StatusProses.ANTRE and proses.dokumen is None
    tugas = DBTaskResult.objects.get()
    assert tugas.status == "READY" and tugas.task_path.endswith("susun_laporan_bupati")

    # The page is alive: it asks the server again by itself and still shows the wait.
    with page.expect_response(
        lambda r: PROSES_URL.search(r.url) and r.request.headers.get("hx-request") == "true"
    ) as poll:
        pass
    assert poll.value.ok and "<html" not in poll.value.text()
    expect(status).to_have_attribute("data-status", StatusProses.ANTRE)
    page.evaluate("window.belumDimuatUlang = true")

    # The real worker takes the task from the queue.
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    tugas.refresh_from_db()
    assert tugas.status == "SUCCESSFUL", tugas.traceback
    proses.refresh_from_db()
    assert proses.status == StatusProses.SELESAI and proses.jumlah_laporan == 2

    # The same page, without a reload, turns into the finished state by its polling.
    expect(status).to_have_attribute("data-status", StatusProses.SELESAI)
    expect(status).to_contain_text("Selesai: 2 laporan KSDD.")
    expect(status.locator("progress")).to_have_attribute("value", "100")
    expect(status).to_contain_text(proses.dokumen.nomor)
    expect(status).not_to_have_attribute("hx-trigger", re.compile(".*"))  # polling stopped
    assert page.evaluate("window.belumDimuatUlang") is True

    # Download both through the browser.
    with page.expect_download() as unduh_xlsx:
        status.get_by_role("button", name="Unduh XLSX").click()
    assert unduh_xlsx.value.suggested_filename == f"laporan-bupati-{proses.kode}.xlsx"
    with page.expect_download() as unduh_docx:
        status.get_by_role("button", name="Unduh DOCX").click()
    assert unduh_docx.value.suggested_filename.endswith(".docx")

    # The XLSX: one row per KSDD with its register number and title (P27-3 a).
    with open(unduh_xlsx.value.path(), "rb") as f:
        ws = load_workbook(io.BytesIO(f.read())).active
    assert ws["D1"].value == "a. Judul KSDD"
    baris = {r[1]: r[3] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert baris == {dinkes.nomor_register: dinkes.judul, pupr.nomor_register: pupr.judul}

    # The DOCX opens in LibreOffice; its text holds both KSDD and their problems.
    with open(unduh_docx.value.path(), "rb") as f:
        teks = _teks_pdf(pdf_dari_docx(f.read()), tmp_path)
    assert "Gubernur" in teks and proses.dokumen.nomor in teks
    assert dinkes.judul in teks and pupr.judul in teks
    assert "Pembebasan lahan ruas Desa Muara Plantau" in teks
