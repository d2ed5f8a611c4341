"""Dasbor: KSDD counted by stage (Pasal 13), urusan, bentuk, partner and year, the
statutory clocks kept and missed, a map of the partners (region outlines); XLSX/PDF
exports built by the background worker (issue 18), followed on a status page.

Operators see their own agency's KSDD only (``ksdd_visible_to``).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kersa.agreements.choices import Kategori

from .. import dasbor, services, statistik
from ..choices import FormatEkspor
from ..models import EksporDasbor


def _data(request) -> dict:
    return dasbor.data(user=request.user, saring=statistik.Saring.dari_get(request.GET))


@login_required
@permission_required("agreements.view_ksdd", raise_exception=True)
def daftar(request):
    data = _data(request)
    peta = statistik.peta_batas(data["mitra"], data["saring"])
    ctx = {
        **data,
        "peta": peta,
        "tahun_pilihan": statistik.tahun_tersedia(user=request.user),
        "kategori_pilihan": Kategori.choices,
        "subjudul": dasbor.subjudul(data["saring"]),
    }
    parsial = request.htmx and not request.htmx.history_restore_request
    template = "reporting/dasbor_isi.html" if parsial else "reporting/dasbor.html"
    return render(request, template, ctx)


def _mulai(request, format: str):
    """Queue the export with the page's filters (sent as form fields) and go to its
    status page at once; the worker builds the file."""
    ekspor, baru = services.ekspor_dasbor_mulai(
        user=request.user, saring=statistik.Saring.dari_get(request.POST), format=format
    )
    if not baru:
        messages.info(
            request,
            _("Ekspor dasbor Anda sebelumnya masih disusun; tunggu sampai selesai."),
        )
    return redirect("dasbor:ekspor", pk=ekspor.pk)


@login_required
@permission_required("agreements.view_ksdd", raise_exception=True)
@require_POST
def unduh_xlsx(request):
    return _mulai(request, FormatEkspor.XLSX)


@login_required
@permission_required("agreements.view_ksdd", raise_exception=True)
@require_POST
def unduh_pdf(request):
    return _mulai(request, FormatEkspor.PDF)


def _milik(request, pk: int) -> EksporDasbor:
    # Only its own user: the file holds what they may see.
    return get_object_or_404(EksporDasbor, pk=pk, dibuat_oleh=request.user)


@login_required
@permission_required("agreements.view_ksdd", raise_exception=True)
def ekspor(request, pk: int):
    """The status page; with htmx only the status part is sent, every 2 s until done."""
    ctx = {"ekspor": _milik(request, pk)}
    if request.headers.get("HX-Request"):
        return render(request, "reporting/dasbor_ekspor_status.html", ctx)
    return render(request, "reporting/dasbor_ekspor.html", ctx)


@login_required
@permission_required("agreements.view_ksdd", raise_exception=True)
def ekspor_unduh(request, pk: int):
    e = _milik(request, pk)
    if not e.berkas:
        raise Http404(_("Berkas belum tersedia."))
    resp = FileResponse(
        e.berkas.open("rb"),
        as_attachment=True,
        filename=e.berkas.name.rsplit("/", 1)[-1],
        content_type=(
            "application/pdf"
            if e.format == FormatEkspor.PDF
            else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
    )
    resp["Cache-Control"] = "private, no-store"
    return resp
