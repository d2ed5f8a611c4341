"""The home page: what waits for this user's action, and where the KSDD stand."""

from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views import defaults

from .saring import SaringTidakSah


def _api(request) -> bool:
    return request.path.startswith("/api/")


def galat_permintaan(request, exception):
    """``handler400``: a refused query-string filter (``core.saring.SaringTidakSah``)
    says what is wrong, on the page or as JSON on the API; any other bad request keeps
    its details to itself."""

    pesan = str(exception) if isinstance(exception, SaringTidakSah) else ""
    if _api(request):
        from rest_framework.exceptions import ParseError

        return JsonResponse({"detail": pesan or str(ParseError.default_detail)}, status=400)
    return render(request, "400.html", {"pesan": pesan}, status=400)


def galat_izin(request, exception):
    """``handler403``: JSON on the API (issue 19: no HTML answers there), the page elsewhere."""
    if _api(request):
        from rest_framework.exceptions import PermissionDenied

        return JsonResponse({"detail": str(PermissionDenied.default_detail)}, status=403)
    return defaults.permission_denied(request, exception)


def galat_tidak_ada(request, exception):
    """``handler404``: JSON on the API (an unknown path under ``/api/`` answered with the
    HTML page), the page elsewhere."""
    if _api(request):
        from rest_framework.exceptions import NotFound

        return JsonResponse({"detail": str(NotFound.default_detail)}, status=404)
    return defaults.page_not_found(request, exception)


def galat_server(request):
    """``handler500``: JSON for the API (a client reads ``detail``), the Indonesian page
    elsewhere. It renders without the request context: whatever failed may be what a
    context processor needs."""
    if _api(request):
        return JsonResponse(
            {"detail": "Terjadi kesalahan pada server; tidak ada data yang tersimpan."},
            status=500,
        )
    return HttpResponseServerError(
        loader.get_template("500.html").render(), content_type="text/html; charset=utf-8"
    )
