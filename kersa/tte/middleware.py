"""The second factor at login (issues 16 and 19 item 5). After the password:

- a user with an enrolled factor finishes the login with its code (``tte:masuk_otp``);
- a user who must have one (administrators, whoever signs or approves:
  ``accounts.faktor_kedua.wajib_faktor_kedua``) and has none is sent to enrol it
  (``tte:faktor_kedua``: QR code, confirming code, backup codes) before any page;
- the API answers such a session 403 in JSON;
- everyone else is untouched.

What the login needs is worked out once per session (``tandai_wajib``, connected to
``user_logged_in``; or on the first request of a session opened before) and kept in the
session, so an ordinary page costs no query.
"""

from urllib.parse import quote

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from kersa.accounts.faktor_kedua import perangkat, wajib_faktor_kedua

SESI = "kersa_otp_wajib"
#: The session's state: nothing asked, a code asked, enrolment asked.
BEBAS, KODE, DAFTAR = "bebas", "kode", "daftar"
_TERBUKA = (
    "/tte/faktor-kedua/",
    "/akun/logout/",
    "/akun/login/",
    "/static/",
    "/i18n/",
    "/verifikasi/",
)


def keadaan(user) -> str:

    if perangkat(user):
        return KODE
    return DAFTAR if wajib_faktor_kedua(user) else BEBAS


def tandai_wajib(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESI] = keadaan(user)


class FaktorKeduaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is None
            or not user.is_authenticated
            or request.path.startswith(_TERBUKA)
            or user.is_verified()
        ):
            return self.get_response(request)
        state = request.session.get(SESI)
        if state not in (BEBAS, KODE, DAFTAR):
            state = request.session[SESI] = keadaan(user)
        if state == BEBAS:
            return self.get_response(request)
        if request.path.startswith("/api/"):
            return JsonResponse(
                {
                    "detail": _(
                        "Selesaikan masuk dengan faktor kedua di halaman web, atau pakai "
                        "token API yang diminta dengan kode faktor kedua."
                    )
                },
                status=403,
            )
        tujuan = "tte:masuk_otp" if state == KODE else "tte:faktor_kedua"
        return redirect(f"{reverse(tujuan)}?next={quote(request.get_full_path(), safe='/')}")
