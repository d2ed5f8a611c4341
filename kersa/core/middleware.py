"""Indonesian first (CONVENTIONS.md): the browser's language does not choose the UI."""


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
