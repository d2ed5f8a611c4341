"""The second factor at login (issue 16): a user who has enrolled one (a signer, an
administrator) finishes the login with a TOTP code before any page; others are untouched.

Whether the user has a confirmed device is noted in the session at login
(``apps.TteConfig.ready`` connects ``user_logged_in``), so an ordinary page costs no query.
"""

from django.shortcuts import redirect
from django.urls import reverse

SESI = "kersa_otp_wajib"
_BEBAS = ("/tte/faktor-kedua/masuk/", "/akun/logout/", "/static/", "/i18n/", "/verifikasi/")


def tandai_wajib(sender, request, user, **kwargs):
    from django_otp import devices_for_user

    if request is not None and hasattr(request, "session"):
        request.session[SESI] = any(True for _d in devices_for_user(user, confirmed=True))


class FaktorKeduaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.session.get(SESI)
            and not request.path.startswith(_BEBAS)
            and not user.is_verified()
        ):
            return redirect(f"{reverse('tte:masuk_otp')}?next={request.get_full_path()}")
        return self.get_response(request)
