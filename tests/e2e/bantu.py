"""Helpers of the browser tests."""


def masuk(page, live_server, user, password: str) -> None:
    """Log in by the form as a person would, finishing with the second factor where the
    account asks for it (issue 19 item 5: administrators and whoever signs or approves):
    the code of the enrolled authenticator, or, without one, the enrolment itself (the key
    shown on the page goes into an authenticator, whose code confirms it; the backup
    codes page then leads on)."""
    import base64

    from django.contrib.auth import get_user_model
    from django_otp.oath import TOTP

    from kersa.tte.tests.conftest import otp

    page.goto(f"{live_server.url}/akun/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", password)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    if page.locator("#form-masuk-otp").count():
        page.fill("input[name=kode_otp]", otp(get_user_model().objects.get(pk=user.pk)))
        page.locator("#form-masuk-otp button[type=submit]").click()
        page.wait_for_load_state()
    elif page.locator("#kunci-otp").count():
        kunci = base64.b32decode(page.locator("#kunci-otp").inner_text().strip())
        page.fill("input[name=kode_otp]", f"{TOTP(kunci).token():06d}")
        page.locator("main form button[type=submit]").click()
        page.locator("#kode-cadangan").wait_for()
        page.locator("#lanjut-setelah-cadangan").click()
        page.wait_for_load_state()
