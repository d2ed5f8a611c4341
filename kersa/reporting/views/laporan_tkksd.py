"""TKKSD's semester and annual reports to the Bupati (Pasal 34 ayat 2 huruf j dan ayat 3;
P34-2j, P34-3)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kersa.core.errors import Pelanggaran, RuleViolation
from kersa.core.forms import kabarkan_penolakan, pesan_pelanggaran

from .. import services
from ..choices import StatusLaporan
from ..forms import LaporanTkksdForm, PeriodeForm
from ..models import LaporanTkksd
from ..selectors import laporan_tkksd_daftar, periode_dari, periode_pilihan, ringkasan_tkksd
from .laporan import _versi_terakhir


@login_required
@permission_required("reporting.view_laporantkksd", raise_exception=True)
def tkksd(request):
    return render(
        request,
        "reporting/laporan_tkksd.html",
        {
            "daftar_laporan": laporan_tkksd_daftar(),
            "pilihan": periode_pilihan(*periode_dari(None)),
            "boleh_buat": request.user.has_perm("reporting.add_laporantkksd"),
        },
    )


@login_required
@permission_required("reporting.add_laporantkksd", raise_exception=True)
@require_POST
def tkksd_buat(request):
    form = PeriodeForm(request.POST, rule="P34-2j", pasal=_("Pasal 34 ayat 2 huruf j"))
    if not form.is_valid():
        for pesan in form.pesan():
            messages.error(request, pesan)
        return redirect("laporan:tkksd")
    tahun, semester = form.tahun_semester()
    try:
        laporan = services.laporan_tkksd_buat(tahun=tahun, semester=semester, user=request.user)
    except RuleViolation as exc:
        kabarkan_penolakan(request, exc)
        return redirect("laporan:tkksd")
    messages.success(request, _("Laporan TKKSD %s dibuka.") % laporan.kode)
    return redirect("laporan:tkksd_detail", pk=laporan.pk)


@login_required
@permission_required("reporting.view_laporantkksd", raise_exception=True)
def tkksd_detail(request, pk: int):
    laporan = get_object_or_404(LaporanTkksd.objects.select_related("dokumen"), pk=pk)
    boleh_ubah = (
        request.user.has_perm("reporting.change_laporantkksd")
        and laporan.status == StatusLaporan.DRAF
    )
    form = (
        LaporanTkksdForm(request.POST if request.method == "POST" else None, instance=laporan)
        if boleh_ubah
        else None
    )
    if request.method == "POST" and form is None:
        # not a draft any more (sent from another tab), or no right to change it
        if not request.user.has_perm("reporting.change_laporantkksd"):
            raise PermissionDenied
        messages.error(
            request,
            pesan_pelanggaran(
                Pelanggaran(
                    "P34-2j",
                    _(
                        "Laporan sudah disampaikan dan tidak dapat diubah "
                        "(Pasal 34 ayat 2 huruf j)."
                    ),
                )
            ),
        )
        return redirect("laporan:tkksd_detail", pk=laporan.pk)
    if request.method == "POST" and form.is_valid():
        disimpan = False
        try:
            laporan = services.laporan_tkksd_ubah(
                laporan=laporan, user=request.user, **form.cleaned_data
            )
            disimpan = True
            pesan = _("Laporan disimpan.")
            if "sampaikan" in request.POST and request.user.has_perm(
                "reporting.sampaikan_laporantkksd"
            ):
                services.laporan_tkksd_sampaikan(
                    laporan=laporan, user=request.user, tanggal=timezone.localdate()
                )
                pesan = _("Laporan TKKSD disampaikan kepada Bupati.")
        except RuleViolation as exc:
            form.tambah_pelanggaran(exc)
            if disimpan:
                messages.info(
                    request, _("Isian laporan disimpan, tetapi laporan belum disampaikan.")
                )
        else:
            messages.success(request, pesan)
            return redirect("laporan:tkksd_detail", pk=laporan.pk)
    return render(
        request,
        "reporting/laporan_tkksd_detail.html",
        {
            "laporan": laporan,
            "form": form,
            "ringkasan": ringkasan_tkksd(tahun=laporan.tahun, semester=laporan.semester),
            "versi": _versi_terakhir(laporan.dokumen),
            "boleh_sampaikan": boleh_ubah
            and request.user.has_perm("reporting.sampaikan_laporantkksd"),
            # P34-2j: what the service would refuse the sending with, now
            "hambatan": services.hambatan_sampaikan_tkksd(laporan),
        },
    )
