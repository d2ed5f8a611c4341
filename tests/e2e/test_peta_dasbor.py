"""Issue 14 item 5, in a real browser: the dashboard map draws a partner outside
Kalimantan Tengah and Selatan (Kabupaten Bandung, 32.04) as a point of the national layer,
in the colour of its running KSDD; clicking it opens the register filtered to that partner.
On a phone the two maps stay within the screen."""

import pytest
from playwright.sync_api import Page

from kersa.agreements.choices import Kategori, Status
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.regions.models import Wilayah
from tests.e2e.bantu import masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-uji-123"


def test_a_partner_in_java_is_a_point_that_opens_its_register(live_server, page: Page, pemeran):
    k = ksdd_baru(
        pemeran,
        judul="Pemasaran Rotan Barito Selatan di Kabupaten Bandung",
        kategori=Kategori.SUKARELA,
        mitra=[Wilayah.objects.get(kode="32.04")],
    )
    ke_status(k, Status.PELAKSANAAN, pemeran)
    ksdd_baru(pemeran, judul="Kerja sama lain, dengan Barito Timur")  # stays off the filter
    masuk(page, live_server, pemeran.sekretariat, PASSWORD)
    page.goto(f"{live_server.url}/dasbor/")
    titik = page.locator('.peta-nasional a[data-kode="32.04"] circle')
    assert titik.is_visible()
    warna = titik.evaluate("e => getComputedStyle(e).fill")
    berjalan = page.locator(".tanda.mitra-berjalan").first.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    assert warna == berjalan  # the legend's colour of a running KSDD
    assert page.locator(".peta-luar table").count() == 0  # nothing is left without geometry
    titik.click()
    page.wait_for_load_state()
    assert page.url.endswith("/ksdd/?mitra=32.04")
    assert page.get_by_text("Pemasaran Rotan Barito Selatan di Kabupaten Bandung").is_visible()
    assert page.get_by_text("Kerja sama lain, dengan Barito Timur").count() == 0

    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/dasbor/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    kotak = page.locator(".peta-nasional svg").bounding_box()
    assert kotak["width"] > 250  # the national map uses the phone's width
