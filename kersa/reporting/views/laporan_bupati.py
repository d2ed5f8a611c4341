"""The Bupati's consolidated report to the Gubernur (Pasal 27 ayat 2; P27-2): started
here, built by the background worker, followed with a progress bar polled by htmx."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kersa.core.errors import RuleViolation
from kersa.core.forms import kabarkan_penolakan

from .. import services
from ..choices import StatusProses
from ..forms import PeriodeForm
from ..models import ProsesLaporan
from ..selectors import periode_dari, periode_pilihan, proses_terakhir
from .laporan import _versi_terakhir


@login_required
@permission_required("reporting.view_proseslaporan", raise_exception=True)
def bupati(request):
    sekarang = periode_dari(None)
    return render(
        request,
        "reporting/laporan_bupati.html",
        {
            "daftar_proses": proses_terakhir(),
            "pilihan": periode_pilihan(*sekarang),
            "boleh_susun": request.user.has_perm("reporting.susun_laporan_bupati"),
        },
    )


@login_required
@permission_required("reporting.susun_laporan_bupati", raise_exception=True)
@require_POST
def bupati_mulai(request):
    form = PeriodeForm(request.POST, rule="P27-2", pasal=_("Pasal 27 ayat 2"))
    if not form.is_valid():
        for pesan in form.pesan():
            messages.error(request, pesan)
        return redirect("laporan:bupati")
    tahun, semester = form.tahun_semester()
    try:
        proses = services.proses_laporan_bupati_mulai(
            tahun=tahun, semester=semester, user=request.user
        )
    except RuleViolation as exc:
        kabarkan_penolakan(request, exc)
        berjalan = ProsesLaporan.objects.filter(
            tahun=tahun, semester=semester, status__in=[StatusProses.ANTRE, StatusProses.BERJALAN]
        ).first()
        if berjalan is not None:  # show the run already under way
            return redirect("laporan:proses", pk=berjalan.pk)
        return redirect("laporan:bupati")
    return redirect("laporan:proses", pk=proses.pk)


@login_required
@permission_required("reporting.view_proseslaporan", raise_exception=True)
def proses(request, pk: int):
    """The progress page; with htmx only the status part is sent, every 2 s until done."""
    p = get_object_or_404(ProsesLaporan.objects.select_related("dokumen"), pk=pk)
    ctx = {"proses": p, "versi": _versi_terakhir(p.dokumen)}
    if request.headers.get("HX-Request"):
        return render(request, "reporting/laporan_proses_status.html", ctx)
    return render(request, "reporting/laporan_proses.html", ctx)


@login_required
@permission_required("reporting.view_proseslaporan", raise_exception=True)
def proses_xlsx(request, pk: int):
    return respons_xlsx(pk)


def respons_xlsx(pk: int) -> FileResponse:
    """The XLSX of a finished run of the Bupati's report (P27-2), as an attachment; 404
    while it is not ready. The web download and ``GET /api/v1/laporan-bupati/{id}/xlsx/``
    (token authentication) answer with this one response."""
    p = get_object_or_404(ProsesLaporan, pk=pk)
    if not p.berkas_xlsx:
        raise Http404(_("Berkas belum tersedia."))
    response = FileResponse(
        p.berkas_xlsx.open("rb"),
        as_attachment=True,
        filename=f"laporan-bupati-{p.kode}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Cache-Control"] = "private, no-store"
    return response
