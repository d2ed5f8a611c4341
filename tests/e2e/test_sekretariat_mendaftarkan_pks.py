"""End to end, in a real browser: the TKKSD secretariat registers a PKS signed before
KERSA existed, with its scan (P26), and sees it in the register and on the public
register."""

import re

import pytest
from playwright.sync_api import Page, expect

from kersa.agreements.choices import Status
from kersa.agreements.models import Bentuk, Ksdd, Urusan
from kersa.demo.skenario import baris_impor
from kersa.documents.contoh import pdf_bytes
from tests.e2e.bantu import masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-uji-123"


def test_p26_secretariat_registers_an_existing_pks_with_its_scan(live_server, page: Page, pemeran):
    page.set_default_timeout(20_000)
    masuk(page, live_server, pemeran.sekretariat, PASSWORD)
    expect(page.locator("body")).to_contain_text(pemeran.sekretariat.first_name)

    page.goto(f"{live_server.url}/ksdd/")
    page.get_by_role("button", name="Daftarkan KSDD yang telah ditandatangani").click()
    expect(page).to_have_url(re.compile(r"/ksdd/daftarkan/$"))

    b = baris_impor(1, judul="Pengelolaan Air Minum Lintas Batas Barito Selatan – Barito Timur")
    page.check("input[name=tahap][value=pelaksanaan]")
    page.fill("input[name=judul]", b["judul"])
    page.select_option("select[name=perangkat_daerah]", str(pemeran.operator.perangkat_daerah_id))
    page.select_option("select[name=mitra]", ["62.13"])
    page.check("input[name=kategori][value=sukarela]")
    page.check(f"input[name=bentuk][value='{Bentuk.objects.get(kode='a').pk}']")
    page.check(f"input[name=urusan][value='{Urusan.objects.get(kode='a.2').pk}']")
    page.check("input[name=dianggarkan_apbd]")
    page.fill("input[name=nomor_dpa]", b["nomor_dpa"])
    for k, v in b.items():
        if k.startswith("pks_"):
            page.fill(f"input[name={k}]", v)
    page.set_input_files(
        "input[name=pks_pindaian]",
        {"name": "pks-2024.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes("PKS")},
    )
    page.get_by_role("button", name="Daftarkan").click()

    ksdd = Ksdd.objects.get(judul=b["judul"])
    expect(page).to_have_url(re.compile(rf"/ksdd/{ksdd.pk}/$"))
    assert ksdd.status == Status.PELAKSANAAN
    assert ksdd.naskah.get(jenis="pks").berkas_ditandatangani.nama_asli == "pks-2024.pdf"
    expect(page.locator("body")).to_contain_text("Didaftarkan setelah ditandatangani (Pasal 26)")

    page.goto(f"{live_server.url}/ksdd/")
    expect(page.locator("main")).to_contain_text(ksdd.nomor_register)
    page.goto(f"{live_server.url}/publik/")
    expect(page.locator("main")).to_contain_text(b["judul"])
    expect(page.locator("main")).to_contain_text("PKS: 11 Maret 2024")
