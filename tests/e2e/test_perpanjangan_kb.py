"""End to end, in a real browser: the TKKSD secretariat records an extension of a signed
Kesepakatan Bersama on the KSDD page (P19-3) and sees the new end date there, with the
P19-3 clock moved to it."""

import re

import pytest
from playwright.sync_api import Page, expect

from kersa.agreements.choices import Status
from kersa.agreements.rules import tambah_tahun
from kersa.deadlines.models import Tenggat
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import pdf_bytes
from kersa.documents.services.penomoran import penomoran_muat_default
from tests.e2e.bantu import masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-uji-123"


def test_p19_3_secretariat_records_a_kb_extension_on_the_ksdd_page(
    live_server, page: Page, pemeran
):
    penomoran_muat_default()
    ksdd = ke_status(ksdd_baru(pemeran), Status.PENYUSUNAN_PKS, pemeran)
    kb = ksdd.naskah.get(jenis="kb")
    baru = tambah_tahun(kb.tanggal_berakhir, 2)

    page.set_default_timeout(20_000)
    # The secretariat records approvals: it logs in with its second factor (issue 19).
    masuk(page, live_server, pemeran.sekretariat, PASSWORD)

    page.goto(f"{live_server.url}/ksdd/{ksdd.pk}/")
    expect(page.locator("#naskah")).to_contain_text("Belum pernah diperpanjang.")
    page.locator(f"a[href='/ksdd/{ksdd.pk}/langkah/perpanjang_kb/']").first.click()
    expect(page).to_have_url(re.compile(rf"/ksdd/{ksdd.pk}/langkah/perpanjang_kb/$"))
    page.fill("input[name=nomor]", "100.3.6/08.A/Pem/2026")
    page.fill("input[name=tanggal_kesepakatan]", kb.tanggal_ditandatangani.strftime("%d-%m-%Y"))
    page.fill("input[name=tanggal_berakhir]", baru.strftime("%d-%m-%Y"))
    page.set_input_files(
        "input[name=naskah]",
        {"name": "adendum-kb.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes("KB")},
    )
    page.locator("form:has(input[name=nomor]) button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"/ksdd/{ksdd.pk}/"))
    tabel = page.locator("#daftar-perpanjangan")
    expect(tabel).to_contain_text("100.3.6/08.A/Pem/2026")
    expect(tabel).to_contain_text("adendum-kb.pdf")
    kb.refresh_from_db()
    assert kb.tanggal_berakhir == baru
    assert Tenggat.objects.get(ksdd=ksdd, rule="P19-3").jatuh_tempo == baru
