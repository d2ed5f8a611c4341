"""Each person's work (issue 13 items 2 and 4), in a real browser on the demo data
(``manage.py muat_demo``) after the daily scan (``deadlines.tasks.pindai_tenggat``, the
worker's own task: clocks, tasks, then the reminders): the Bupati, the Ketua TKKSD,
DPRD and the head of an agency each log in with the demo password and find their own
pending item, late first, on the home page and on the Notifikasi page.

- Bupati: the partner of KSDD "Pengelolaan Sampah Regional" let the 30 days of Pasal 16
  ayat (4) pass; the task "Kirim permintaan tanggapan kedua" (P16-5) is his.
- Ketua TKKSD: a KAK is submitted; its written guidance is his (Pasal 14, P14-2).
- DPRD: the request of the Jalan Poros KSDD with the working days left (P22-1b, P22-3).
- Agency head (operator of Dinas PUPR): the semester report of a KSDD it runs (P27-1).

Dates are the real clock's (the demo dates its steps from today; a browser cannot
travel in time with the server).
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd
from kersa.demo import skenario
from kersa.notifications.models import Notifikasi
from tests.e2e.bantu import masuk

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SAMPAH = "Pengelolaan Sampah Regional Barito Selatan, Barito Timur dan Kapuas"
JALAN = "Pemeliharaan Bersama Jalan Poros Buntok – Kapuas"
GURU = "Pelatihan Guru Bersama dengan Kabupaten Barito Utara"


def _demo_lalu_pindai(sebelum_pindai=None):
    """The demo, then (optionally) one more step, then the night's scan."""
    from kersa.deadlines.tasks import pindai_tenggat

    call_command("muat_demo", verbosity=0)
    pemeran = skenario.pemeran_buat()
    # The tests run tasks at once: the demo's past steps were announced while it was
    # built; on a real server the worker finds them already announced (muat_demo).
    Notifikasi.objects.all().delete()
    if sebelum_pindai:
        sebelum_pindai(pemeran)
    pindai_tenggat.enqueue()
    return pemeran


def _masuk(page: Page, live_server, user):
    page.set_default_timeout(20_000)
    masuk(page, live_server, user, skenario.PASSWORD_DEMO)
    expect(page.locator("body")).to_contain_text(user.first_name)


def _kotak(page: Page):
    return page.locator("section.kotak-pekerjaan")


def _notifikasi(page: Page, live_server):
    page.goto(f"{live_server.url}/notifikasi/")
    return page.locator("main ul.notifikasi")


def test_bupati_finds_the_second_request_of_p16_5_first_and_in_his_notifications(
    live_server, page: Page, acuan
):
    pemeran = _demo_lalu_pindai()
    ksdd = Ksdd.objects.get(judul=SAMPAH)
    _masuk(page, live_server, pemeran.bupati)
    pertama = _kotak(page).locator("ul.daftar-pekerjaan > li").first
    expect(pertama).to_contain_text(ksdd.nomor_register)
    expect(pertama).to_contain_text("Terlambat")
    expect(pertama).to_contain_text("Kirim permintaan tanggapan kedua (Pasal 16 ayat 5)")
    expect(pertama).to_contain_text("tugas dibuka sejak")
    expect(pertama).to_contain_text("yang bertindak: Bupati, melalui Sekretariat TKKSD")
    # The secretariat's recording steps are not his.
    expect(_kotak(page)).not_to_contain_text("Catat petunjuk tertulis")

    notif = _notifikasi(page, live_server)
    expect(notif).to_contain_text("[P16-4] Tenggat terlewat")
    expect(notif).to_contain_text(ksdd.nomor_register)
    expect(notif).to_contain_text(
        "Langkah berikutnya: Kirim permintaan tanggapan kedua (Pasal 16 ayat 5)"
    )
    # DPRD's clock on his request, with the working days left (P22-1b).
    expect(notif).to_contain_text(re.compile(r"\[P22-1b\] \d+ hari kerja lagi"))

    # The KSDD page puts the open task first, with who acts and since when (item 2).
    page.goto(f"{live_server.url}/ksdd/{ksdd.pk}/")
    terlambat = page.locator("article.tenggat-terlambat")
    expect(terlambat).to_contain_text("Kirim permintaan tanggapan kedua (Pasal 16 ayat 5)")
    expect(terlambat).to_contain_text(
        "yang bertindak: Bupati, melalui Sekretariat TKKSD · tugas dibuka sejak"
    )


def test_ketua_finds_the_written_guidance_to_give_on_a_submitted_kak(
    live_server, page: Page, acuan
):
    def ajukan(pemeran):
        skenario.ke_status(Ksdd.objects.get(judul=GURU), Status.KAK_DIAJUKAN, pemeran)

    pemeran = _demo_lalu_pindai(ajukan)
    ksdd = Ksdd.objects.get(judul=GURU)
    _masuk(page, live_server, pemeran.ketua)
    item = _kotak(page).locator("ul.daftar-pekerjaan > li", has_text=ksdd.nomor_register)
    expect(item).to_contain_text("Langkah Anda: Catat petunjuk tertulis")

    notif = _notifikasi(page, live_server)
    expect(notif).to_contain_text(
        f"{ksdd.nomor_register}: KAK diajukan, menunggu petunjuk tertulis — langkah Anda: Catat petunjuk tertulis"
    )


def test_dprd_finds_the_request_with_its_working_days_left(live_server, page: Page, acuan):
    pemeran = _demo_lalu_pindai()
    ksdd = Ksdd.objects.get(judul=JALAN)
    _masuk(page, live_server, pemeran.dprd)
    item = _kotak(page).locator("ul.daftar-pekerjaan > li", has_text=ksdd.nomor_register)
    expect(item).to_contain_text("[P22-1b]")
    expect(item).to_contain_text("[P22-3]")
    expect(item).to_contain_text(re.compile(r"\d+ hari kerja lagi"))

    notif = _notifikasi(page, live_server)
    expect(notif).to_contain_text(re.compile(r"\[P22-1b\] \d+ hari kerja lagi"))
    expect(notif).to_contain_text(ksdd.nomor_register)


def test_agency_head_finds_the_semester_report_due(live_server, page: Page, acuan):
    def pelaksanaan(pemeran):
        skenario.ke_status(
            skenario.ksdd_baru(
                pemeran,
                judul="Pembangunan Jalan Penghubung Buntok – Muara Teweh",
                perangkat_daerah=pemeran.operator_lain.perangkat_daerah,
                user=pemeran.operator_lain,
            ),
            Status.PELAKSANAAN,
            pemeran,
        )

    pemeran = _demo_lalu_pindai(pelaksanaan)
    ksdd = Ksdd.objects.get(judul="Pembangunan Jalan Penghubung Buntok – Muara Teweh")
    _masuk(page, live_server, pemeran.operator_lain)
    item = _kotak(page).locator("ul.daftar-pekerjaan > li", has_text=ksdd.nomor_register)
    expect(item).to_contain_text("[P27-1]")
    expect(item).to_contain_text("Laporan semester pelaksanaan KSDD kepada Bupati")

    notif = _notifikasi(page, live_server)
    expect(notif).to_contain_text("[P27-1]")
    expect(notif).to_contain_text(ksdd.nomor_register)
    # Another agency's operator is not told of it.
    assert not Notifikasi.objects.filter(user=pemeran.operator, tenggat__ksdd=ksdd).exists()
