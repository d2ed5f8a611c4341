"""Issue 14 item 3, in a real browser: a user who switches to English reads the KSDD form
and the Tenggat page in English (labels, help texts, choices, deadline texts), and back in
Indonesian after switching again. The records' own data (titles, names) stay as entered."""

import pytest
from playwright.sync_api import Page

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status, ksdd_baru
from tests.e2e.bantu import masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-uji-123"

# Interface strings of each page, Indonesian → English: none of the Indonesian may remain.
FORM_KSDD = {
    "Pemrakarsa": "Initiator",
    "Daerah mitra": "Partner region",
    "Kategori": "Category",
    "Bentuk": "Form",
    "Urusan pemerintahan": "Government affair",
    "Tujuan": "Purpose",
}
TENGGAT = {
    "Hari kerja: Senin–Jumat": "Working days: Monday–Friday",
    "Semua Perangkat Daerah": "All agencies",
    "Tanggapan daerah mitra atas surat penawaran": "Partner region's reply to the offer letter",
    "hari kalender": "calendar days",
}


def _masuk(page, live_server, user):
    masuk(page, live_server, user, PASSWORD)


def _teks_utama(page) -> str:
    return " ".join(page.inner_text("main").split())


def test_the_ksdd_form_and_the_tenggat_page_in_english(live_server, page: Page, pemeran):
    ke_status(ksdd_baru(pemeran), Status.MENUNGGU_TANGGAPAN, pemeran)
    _masuk(page, live_server, pemeran.sekretariat)
    page.goto(f"{live_server.url}/ksdd/baru/")
    indonesia = _teks_utama(page)
    for id_ in FORM_KSDD:
        assert id_ in indonesia, f"{id_!r} is the Indonesian label on the KSDD form"

    page.locator("form.bahasa button[value=en]").click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "en"
    for jalan, sampel in (("/ksdd/baru/", FORM_KSDD), ("/tenggat/?tampil=semua", TENGGAT)):
        page.goto(f"{live_server.url}{jalan}")
        teks = _teks_utama(page)
        for id_, en in sampel.items():
            assert en in teks, (jalan, en)
            assert id_ not in teks, (
                jalan,
                id_,
                teks[max(0, teks.find(id_) - 120) : teks.find(id_) + 60],
            )

    page.locator("form.bahasa button[value=id]").click()
    page.wait_for_load_state()
    assert "Hari kerja: Senin–Jumat" in _teks_utama(page)
