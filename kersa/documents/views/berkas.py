"""Serving stored files, only to users who may see the KSDD they belong to (P26)."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from kersa.agreements.selectors import ksdd_dapat_dilihat

from ..models import Berkas


def _boleh_unduh(user, berkas: Berkas) -> bool:
    if berkas.ksdd is None:
        # A file not tied to one KSDD (e.g. a general Surat Kuasa): the secretariat and
        # whoever sees every KSDD.
        return user.has_perm("agreements.lihat_semua_ksdd")
    return ksdd_dapat_dilihat(user, berkas.ksdd)


def respons_berkas(user, pk: int) -> FileResponse:
    """One Berkas as an attachment under its original name, or 404 when ``user`` may not
    see it (no hint that it exists). The web page and the API (token) both serve this."""
    berkas = get_object_or_404(Berkas.objects.select_related("ksdd"), pk=pk)
    if not _boleh_unduh(user, berkas):
        raise Http404(_("Berkas tidak ditemukan."))
    try:
        handle = berkas.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Berkas tidak ditemukan di penyimpanan.")) from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=berkas.nama_asli,
        content_type=berkas.content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def unduh(request, pk: int):
    """Download one Berkas (``respons_berkas``)."""
    return respons_berkas(request.user, pk)
