"""End to end, in a real browser: the TKKSD secretariat sees a DPRD deadline on the
Tenggat page and counted down on the KSDD page (P22-3), generates the request for
DPRD approval (P22-1a) as a Word document, and downloads it."""

import io
import re

import pytest
from docx import Document
from playwright.sync_api import Page, expect

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.models import Dokumen
from tests.e2e.bantu import masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-uji-123"


def test_p22_3_secretariat_sees_the_clock_and_generates_the_p22_1a_request(
    live_server, page: Page, acuan, pemeran
):
    # A cooperation that burdens the public needs DPRD approval (Pasal 21 ayat 1).
    ksdd = ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)
    sekretariat = pemeran.sekretariat
    page.set_default_timeout(20_000)

    masuk(page, live_server, sekretariat, PASSWORD)
    expect(page.locator("body")).to_contain_text(sekretariat.first_name)

    # The Tenggat page lists the 45-working-day clock of Pasal 22 ayat (3).
    # (every group: the page's default shows only what falls due within 14 days)
    page.goto(f"{live_server.url}/tenggat/?tampil=semua")
    baris = page.locator("main tr", has_text="P22-3")
    expect(baris).to_contain_text("Sikap DPRD atas permohonan persetujuan")
    expect(baris).to_contain_text(ksdd.nomor_register)
    expect(baris).to_contain_text(re.compile(r"\d+ hari kerja lagi"))

    # The KSDD page counts it down and offers the request letter to generate.
    page.goto(f"{live_server.url}/ksdd/{ksdd.pk}/")
    expect(page.locator("main")).to_contain_text("Pasal 22 ayat (3)")
    expect(page.locator("main")).to_contain_text(re.compile(r"hari kerja lagi — jatuh tempo"))
    page.select_option("select[name=jenis]", "permohonan_dprd")
    page.locator("form.hasilkan-dokumen button[type=submit]").click()

    # A first version appears with its checksum, and the DOCX downloads.
    dokumen = Dokumen.objects.get(ksdd=ksdd, jenis="permohonan_dprd")
    versi = dokumen.versi.get()
    expect(page.locator("main")).to_contain_text(versi.berkas.sha256[:12])
    with page.expect_download() as unduhan:
        page.locator(f"main a[href$='/berkas/{versi.berkas_id}/']").first.click()
    with open(unduhan.value.path(), "rb") as f:
        docx = Document(io.BytesIO(f.read()))
    teks = "\n".join(p.text for p in docx.paragraphs)
    sel = "\n".join(c.text for t in docx.tables for r in t.rows for c in r.cells)
    # signed by the Bupati: the head of region's letterhead (Permendagri 1/2023)
    assert "BUPATI BARITO SELATAN" in docx.tables[0].cell(0, 1).text  # the kop surat
    assert "Persetujuan" in teks
    assert dokumen.nomor and dokumen.nomor in sel + teks
