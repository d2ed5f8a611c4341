"""End to end, in a real browser: an agency operator logs in, records a KSDD, completes
its KAK (P14-2), submits it to TKKSD with its letters (P14-3, P32-1) and sees the
stage change."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kersa.agreements.choices import Status
from kersa.agreements.models import Bentuk, Kak, Ksdd, Tujuan, Urusan
from kersa.documents.contoh import pdf_bytes
from tests.e2e.bantu import masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-uji-123"


def _pdf(nama: str) -> dict:
    return {"name": nama, "mimeType": "application/pdf", "buffer": pdf_bytes(nama)}


def test_p14_3_operator_creates_ksdd_completes_kak_and_submits_it(live_server, page: Page, pemeran):
    operator = pemeran.operator
    page.set_default_timeout(15_000)

    # Log in.
    masuk(page, live_server, operator, PASSWORD)
    expect(page.locator("body")).to_contain_text(operator.first_name)

    # Record a new KSDD: Kerja Sama Wajib with a bordering region, Barito Timur (62.13).
    page.goto(f"{live_server.url}/ksdd/baru/")
    page.fill("input[name=judul]", "Pelayanan Ambulans Bersama Barito Selatan – Barito Timur")
    page.select_option("select[name=mitra]", ["62.13"])
    page.check("input[name=kategori][value=wajib]")
    page.check(f"input[name=bentuk][value='{Bentuk.objects.get(kode='a').pk}']")
    page.check(f"input[name=urusan][value='{Urusan.objects.get(kode='a.2').pk}']")
    for tujuan in Tujuan.objects.filter(kode__in=["b", "c"]):
        page.check(f"input[name=tujuan][value='{tujuan.pk}']")
    page.fill("textarea[name=eksternalitas]", "Pasien dari Dusun Timur dirujuk ke RSUD Buntok.")
    page.check("input[name=dianggarkan_apbd]")
    page.fill("input[name=nomor_dpa]", "DPA/1.02.0.00.0.00.01.0000/2026")
    page.locator("main form button[type=submit]").last.click()

    # The KAK form follows: fill its eight parts (Pasal 14 ayat 2).
    expect(page).to_have_url(re.compile(r"/ksdd/\d+/kak/$"))
    ksdd = Ksdd.objects.get(judul__startswith="Pelayanan Ambulans Bersama")
    for field, label in Kak.BAGIAN:
        page.fill(f"textarea[name={field}]", f"Isi {label} untuk ambulans bersama.")
    page.locator("main form button[type=submit]").last.click()
    expect(page).to_have_url(re.compile(rf"/ksdd/{ksdd.pk}/$"))
    expect(page.locator("body")).to_contain_text(str(Status.PENYUSUNAN_KAK.label))

    # Submit the KAK to TKKSD with the request letter and the DPA copy (Pasal 32 ayat 1).
    page.goto(f"{live_server.url}/ksdd/{ksdd.pk}/langkah/ajukan_kak/")
    page.fill("input[name=nomor]", "000.3/118/Dinkes/2026")
    # A letter date starts empty and is typed as the office writes it: dd-mm-yyyy.
    page.fill("input[name=tanggal_surat]", timezone.localdate().strftime("%d-%m-%Y"))
    page.set_input_files("input[name=surat_permohonan]", _pdf("surat-permohonan.pdf"))
    page.set_input_files("input[name=salinan_dpa]", _pdf("dpa.pdf"))
    page.locator("main form button[type=submit]").last.click()

    # The stage changed, on the page and in the database.
    expect(page).to_have_url(re.compile(rf"/ksdd/{ksdd.pk}/$"))
    expect(page.locator("body")).to_contain_text(str(Status.KAK_DIAJUKAN.label))
    ksdd.refresh_from_db()
    assert ksdd.status == Status.KAK_DIAJUKAN
    assert ksdd.riwayat.filter(aksi="ajukan_kak", oleh=operator).count() == 1
