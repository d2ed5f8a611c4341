"""Issue 14, in a real browser: on a phone (360×740) no main page is wider than the
screen and the content starts within the first 200 px for every role; printed, the KSDD
page holds its record and no navigation, form or button, in at most three pages."""

import subprocess

import pytest
from playwright.sync_api import Page

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status, ksdd_baru
from tests.e2e.bantu import masuk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-uji-123"
LEBAR, TINGGI = 360, 740


def _masuk(page, live_server, user):
    masuk(page, live_server, user, PASSWORD)


def _periksa(page, url):
    page.goto(url)
    lebar = page.evaluate("document.documentElement.scrollWidth")
    atas = page.evaluate("document.querySelector('main').getBoundingClientRect().top")
    assert lebar <= LEBAR, f"{url}: {lebar} px > {LEBAR} px"
    assert atas <= 200, f"{url}: <main> mulai pada {atas} px"


def test_phone_every_main_page_fits_for_every_role(live_server, page: Page, pemeran):
    page.set_viewport_size({"width": LEBAR, "height": TINGGI})
    k = ksdd_baru(pemeran)
    halaman = [
        "/",
        "/ksdd/",
        f"/ksdd/{k.pk}/",
        "/tenggat/",
        "/dasbor/",
        "/notifikasi/",
        "/perencanaan/",
        "/tkksd/",
        "/laporan/",
        "/pembinaan/",
    ]
    for user in (
        pemeran.sekretariat,
        pemeran.operator,
        pemeran.bupati,
        pemeran.ketua,
        pemeran.dprd,
    ):
        page.context.clear_cookies()
        _masuk(page, live_server, user)
        for jalan in halaman:
            _periksa(page, f"{live_server.url}{jalan}")
    page.context.clear_cookies()
    for jalan in ("/", "/publik/"):
        _periksa(page, f"{live_server.url}{jalan}")

    # The folded menu opens with its CSS-only toggle.
    _masuk(page, live_server, pemeran.sekretariat)
    tenggat = page.locator(".menu a", has_text="Tenggat")
    assert not tenggat.is_visible()
    page.locator("label.menu-tombol").click()
    assert tenggat.is_visible()


def test_print_of_a_running_ksdd_has_no_navigation_nor_form(
    live_server, page: Page, pemeran, tmp_path
):
    k = ke_status(ksdd_baru(pemeran), Status.PELAKSANAAN, pemeran)
    _masuk(page, live_server, pemeran.sekretariat)
    page.goto(f"{live_server.url}/ksdd/{k.pk}/")
    berkas = tmp_path / "ksdd.pdf"
    berkas.write_bytes(page.pdf(format="A4"))
    teks = subprocess.run(
        ["pdftotext", str(berkas), "-"], capture_output=True, check=True, text=True
    ).stdout
    teks = " ".join(teks.split())
    assert k.nomor_register in teks and "Dicetak" in teks
    for navigasi in ("Register KSDD", "Kalender kerja", "Dokumentasi API", "Keluar"):
        assert navigasi not in teks
    info = subprocess.run(["pdfinfo", str(berkas)], capture_output=True, check=True, text=True)
    halaman = int(next(b for b in info.stdout.splitlines() if b.startswith("Pages:")).split()[1])
    assert halaman <= 3, halaman


def _cetak(page, url, tmp_path) -> tuple[str, int]:
    page.goto(url)
    berkas = tmp_path / "cetak.pdf"
    berkas.write_bytes(page.pdf(format="A4"))
    teks = subprocess.run(
        ["pdftotext", str(berkas), "-"], capture_output=True, check=True, text=True
    ).stdout
    info = subprocess.run(["pdfinfo", str(berkas)], capture_output=True, check=True, text=True)
    halaman = int(next(b for b in info.stdout.splitlines() if b.startswith("Pages:")).split()[1])
    return " ".join(teks.split()), halaman


def test_print_of_the_register_tenggat_and_a_meeting(live_server, page: Page, pemeran, tmp_path):
    """Issue 14 item 2: the register, the Tenggat list and a meeting page print their
    records under a header naming the page and the print date, without navigation,
    filters or buttons."""
    import datetime as dt

    from kersa.demo.tkksd import tkksd_demo
    from kersa.documents.services.penomoran import penomoran_muat_default
    from kersa.governance.choices import JenisRapat
    from kersa.governance.services import rapat_jadwalkan

    k = ke_status(ksdd_baru(pemeran), Status.PELAKSANAAN, pemeran)
    penomoran_muat_default()
    tkksd_demo(pemeran.sekretariat)
    rapat = rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=dt.date(2026, 3, 10),  # a Tuesday
        waktu_mulai=dt.time(9, 0),
        tempat="Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok",
        user=pemeran.sekretariat,
    )
    _masuk(page, live_server, pemeran.sekretariat)
    for jalan, kepala, isi, kontrol in (
        ("/ksdd/", "KERSA · Register KSDD · Dicetak", k.nomor_register, "Catat KSDD baru"),
        (
            "/tenggat/?tampil=semua",
            "KERSA · Tenggat · Dicetak",
            k.nomor_register,
            "Semua Perangkat Daerah",
        ),
        (
            f"/tkksd/rapat/{rapat.pk}/",
            f"KERSA · {rapat} · Dicetak",
            "Aula Sekretariat",
            "Buat surat undangan",
        ),
    ):
        teks, halaman = _cetak(page, f"{live_server.url}{jalan}", tmp_path)
        assert kontrol in page.inner_text("main"), (jalan, "shown on screen")
        assert kepala in teks, (jalan, teks[:200])
        assert isi in teks, jalan
        for navigasi in ("Dokumentasi API", "Keluar", "Terapkan", "Saring", kontrol):
            assert navigasi not in teks, (jalan, navigasi)
        assert 1 <= halaman <= 3, (jalan, halaman)
