"""Request middleware: Indonesian first (CONVENTIONS.md), and no NUL byte reaches the
database (issue 19)."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kersa.api.auth import TokenKersa


class BahasaIndonesiaDahuluMiddleware:
    """Drop ``Accept-Language`` so that ``LocaleMiddleware`` serves Bahasa Indonesia
    (``LANGUAGE_CODE``) unless the user chose English with the language switch
    (``/i18n/setlang/`` sets the language cookie). Many civil servants' browsers are
    set to English; they should still get the Indonesian UI by default.

    Place it just before ``django.middleware.locale.LocaleMiddleware``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


NUL = "\x00"


class TolakKarakterNulMiddleware:
    """Refuse a request that carries a NUL character in its query string, its form
    fields or its JSON body with 400 and a message, instead of letting it reach a
    database (PostgreSQL cannot store NUL in text and raises, which was a 500).

    Django's form ``CharField`` and DRF's ``CharField`` already refuse NUL; this guards
    the values read straight from ``request.GET`` (filters, search) and custom fields
    such as region codes. Multipart bodies are left to the form fields (reading them
    here would load uploads into memory).
    """

    pesan = _("Permintaan memuat karakter NUL (\\x00) yang tidak sah.")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._ada_nul(request):
            return self._tolak(request)
        return self.get_response(request)

    def _ada_nul(self, request) -> bool:
        if _nul_dalam(request.GET):
            return True
        if request.method not in ("POST", "PUT", "PATCH"):
            return False
        jenis = request.META.get("CONTENT_TYPE", "")
        if jenis.startswith("application/json"):
            body = request.body
            return b"\x00" in body or b"\\u0000" in body
        if jenis.startswith("application/x-www-form-urlencoded"):
            return _nul_dalam(request.POST)
        return False

    def _tolak(self, request):
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": str(self.pesan)}, status=400)
        return HttpResponseBadRequest(str(self.pesan), content_type="text/plain; charset=utf-8")


def _nul_dalam(data) -> bool:
    return any(NUL in kunci or any(NUL in v for v in nilai) for kunci, nilai in data.lists())


class BatasUkuranPermintaanMiddleware:
    """Bounded request bodies (issue 19), judged from ``Content-Length`` before any byte
    of the body is read (CSRF, the NUL check and the parsers read it later):

    - up to ``KERSA_MAX_BODY`` (1 MB): any request (login forms, JSON);
    - up to ``KERSA_MAX_BODY_UNGGAH``: a multipart upload of a signed-in user (session,
      or an API token that exists for an active user);
    - anything else: 413 with a message (JSON on ``/api/``), e.g. an anonymous 500 MB
      POST to ``/akun/login/`` or ``/api/v1/token/``.

    Files inside an accepted upload are cut at the limit while read
    (``kersa.documents.unggah.BerkasTerbatasUploadHandler``). Place it after
    ``SessionMiddleware`` and before anything that reads ``request.POST``/``body``.
    """

    pesan = _(
        "Permintaan terlalu besar (%(ukuran).1f MB); paling besar %(batas).1f MB. Berkas "
        "hanya dapat diunggah setelah masuk, paling besar %(berkas).0f MB per berkas."
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            ukuran = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            ukuran = 0  # Django reads no body without a valid length
        if ukuran > settings.KERSA_MAX_BODY and not self._boleh_besar(request, ukuran):
            return self._tolak(request, ukuran)
        return self.get_response(request)

    def _boleh_besar(self, request, ukuran: int) -> bool:
        if ukuran > settings.KERSA_MAX_BODY_UNGGAH:
            return False
        if not request.META.get("CONTENT_TYPE", "").startswith("multipart/form-data"):
            return False
        return _masuk(request)

    def _tolak(self, request, ukuran: int):
        batas = (
            settings.KERSA_MAX_BODY_UNGGAH
            if ukuran <= settings.KERSA_MAX_BODY_UNGGAH and _masuk(request)
            else settings.KERSA_MAX_BODY
        )
        # Before LocaleMiddleware: Bahasa Indonesia, whatever the thread served last.
        with translation.override(settings.LANGUAGE_CODE):
            pesan = str(self.pesan) % {
                "ukuran": ukuran / 1e6,
                "batas": batas / 1e6,
                "berkas": settings.KERSA_MAX_UPLOAD_BYTES / 1e6,
            }
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": pesan}, status=413)
        return HttpResponse(pesan, status=413, content_type="text/plain; charset=utf-8")


def _masuk(request) -> bool:
    """A signed-in user (session) or a valid API token, without reading the body."""
    if getattr(request, "_kersa_masuk", None) is not None:
        return request._kersa_masuk
    from django.contrib.auth import get_user

    masuk = False
    if hasattr(request, "session"):
        masuk = get_user(request).is_authenticated
    if not masuk and request.META.get("HTTP_AUTHORIZATION"):
        # The API's own token check (django-rest-knox: digests, expiry, active user).
        from rest_framework.exceptions import AuthenticationFailed

        try:
            masuk = TokenKersa().authenticate(request) is not None
        except AuthenticationFailed:
            masuk = False
    request._kersa_masuk = masuk
    return masuk


class PermissionsPolicyMiddleware:
    """``Permissions-Policy``: KERSA uses no camera, microphone, location, payment or
    USB; the browser is told so on every answer (Django has no setting for it)."""

    kebijakan = (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
        "interest-cohort=(), browsing-topics=()"
    )

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.kebijakan)
        return response


class BatasDiamMiddleware:
    """Idle timeout (ASVS 3.3.2, issue 19): a session unused for ``KERSA_IDLE_MENIT``
    minutes is logged out; the next page asks for the login again.

    The last activity is written to the session at most once a minute, so a busy user
    does not cost a session write per request (Django's SESSION_SAVE_EVERY_REQUEST
    would). Place it after ``AuthenticationMiddleware``.
    """

    KUNCI = "_kersa_aktif"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            sekarang = int(time.time())
            terakhir = request.session.get(self.KUNCI)
            batas = settings.KERSA_IDLE_MENIT * 60
            if terakhir is not None and sekarang - terakhir > batas:
                logout(request)
            elif terakhir is None or sekarang - terakhir >= 60:
                request.session[self.KUNCI] = sekarang
        return self.get_response(request)
