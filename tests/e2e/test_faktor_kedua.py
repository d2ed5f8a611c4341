"""Issue 19 item 5 in a real browser: the Ketua TKKSD (Sekda), who gives written
directions and plenary recommendations, has no second factor yet. After his password he
is sent to enrol one before any page: he reads the key off the page into an
authenticator, confirms with its code, is shown his backup codes, and goes on to the
page he asked for. At the next login a backup code (the phone lost) lets him in once."""

import base64

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "rahasia-uji-123"


def _login(page, live_server, user, tujuan="/tenggat/"):
    page.goto(f"{live_server.url}/akun/login/?next={tujuan}")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


def test_i19_5_ketua_mendaftarkan_faktor_kedua_lalu_masuk_dengan_kode_cadangan(
    live_server, page: Page, pemeran
):
    page.set_default_timeout(20_000)
    ketua = pemeran.ketua
    _login(page, live_server, ketua)
    expect(page.locator("#otp-wajib")).to_be_visible()
    assert "/tte/faktor-kedua/?next=/tenggat/" in page.url
    # no page before the enrolment
    page.goto(f"{live_server.url}/ksdd/")
    expect(page.locator("#otp-wajib")).to_be_visible()
    kunci = base64.b32decode(page.locator("#kunci-otp").inner_text().strip())
    page.fill("input[name=kode_otp]", "000000")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Kode salah atau sudah kedaluwarsa")
    page.wait_for_timeout(1100)  # django-otp's throttle after a wrong code (1 s)
    page.fill("input[name=kode_otp]", f"{TOTP(kunci).token():06d}")
    page.locator("main form button[type=submit]").click()
    # all_inner_texts() does not wait: wait for the page with the ten codes first
    expect(page.locator("#kode-cadangan li")).to_have_count(10)
    kode = page.locator("#kode-cadangan li").all_inner_texts()
    assert len(kode) == 10
    page.locator("#lanjut-setelah-cadangan").click()
    expect(page).to_have_url(f"{live_server.url}/ksdd/")
    expect(page.locator("body")).to_contain_text(ketua.first_name)

    # next login: the code is asked; a backup code opens it once
    page.context.clear_cookies()
    _login(page, live_server, ketua)
    expect(page.locator("#form-masuk-otp")).to_be_visible()
    page.fill("input[name=kode_otp]", kode[0].strip())
    page.locator("#form-masuk-otp button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/tenggat/")
    page.context.clear_cookies()
    _login(page, live_server, ketua)
    page.fill("input[name=kode_otp]", kode[0].strip())
    page.locator("#form-masuk-otp button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("Kode salah atau sudah kedaluwarsa")
