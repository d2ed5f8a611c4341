"""The agency's semester reports (Pasal 27 ayat 1 dan 3; P27-1, P27-3).

Operators see and write only their agency's KSDD (``ksdd_visible_to``); a report of
another agency is a 404. Refusals of the services come back as form errors.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kersa.agreements.models import Ksdd
from kersa.agreements.selectors import ksdd_visible_to
from kersa.core.errors import Pelanggaran, RuleViolation
from kersa.core.forms import kabarkan_penolakan, pesan_pelanggaran
from kersa.core.saring import periode_semester_dari

from .. import services
from ..choices import StatusLaporan
from ..forms import LaporanSemesterForm, PeriodeForm
from ..models import LaporanSemester
from ..selectors import (
    laporan_semester_daftar,
    laporan_semester_untuk,
    periode_dari,
    periode_pilihan,
)


@login_required
@permission_required("reporting.view_laporansemester", raise_exception=True)
def daftar(request):
    """The semester reports due and sent for a semester (this one by default)."""
    sekarang = periode_dari(None)
    # a bad ?periode= is refused with 400, as the API's tahun/semester (issue 19)
    tahun, semester = periode_semester_dari(request.GET.get("periode")) or sekarang
    return render(
        request,
        "reporting/laporan.html",
        {
            "halaman": laporan_semester_daftar(
                user=request.user,
                tahun=tahun,
                semester=semester,
                halaman=request.GET.get("halaman"),
            ),
            "kode": f"{tahun}-{semester}",
            "tahun": tahun,
            "semester": semester,
            "pilihan": periode_pilihan(*sekarang),
            "boleh_buat": request.user.has_perm("reporting.add_laporansemester"),
        },
    )


def _laporan(request, pk: int) -> LaporanSemester:
    try:
        return laporan_semester_untuk(user=request.user, pk=pk)
    except LaporanSemester.DoesNotExist as exc:
        raise Http404(_("Laporan tidak ditemukan.")) from exc


@login_required
@permission_required("reporting.add_laporansemester", raise_exception=True)
@require_POST
def buat(request, ksdd_pk: int):
    """Open the report of one KSDD for the chosen semester, pre-filled from its record."""
    try:
        ksdd = ksdd_visible_to(request.user).get(pk=ksdd_pk)
    except Ksdd.DoesNotExist as exc:
        raise Http404(_("KSDD tidak ditemukan.")) from exc
    form = PeriodeForm(request.POST)
    if not form.is_valid():
        for pesan in form.pesan():
            messages.error(request, pesan)
        return redirect("laporan:daftar")
    tahun, semester = form.tahun_semester()
    try:
        laporan = services.laporan_semester_buat(
            ksdd=ksdd, tahun=tahun, semester=semester, user=request.user
        )
    except RuleViolation as exc:
        kabarkan_penolakan(request, exc)
        return redirect(f"{reverse('laporan:daftar')}?periode={tahun}-{semester}")
    messages.success(request, _("Laporan dibuka; bagian a–f diisi dari data KSDD."))
    return redirect("laporan:semester", pk=laporan.pk)


@login_required
@permission_required("reporting.view_laporansemester", raise_exception=True)
def detail(request, pk: int):
    """One report: its parts a–i, editable while it is a draft; its document and history."""
    laporan = _laporan(request, pk)
    boleh_ubah = (
        request.user.has_perm("reporting.change_laporansemester")
        and laporan.status == StatusLaporan.DRAF
    )
    form = (
        LaporanSemesterForm(request.POST if request.method == "POST" else None, instance=laporan)
        if boleh_ubah
        else None
    )
    if request.method == "POST":
        if form is None:
            return _tidak_dapat_diubah(request, laporan)
        if form.is_valid():
            try:
                laporan = services.laporan_semester_ubah(
                    laporan=laporan,
                    user=request.user,
                    **{f: form.cleaned_data[f] for f in LaporanSemester.BAGIAN},
                )
            except RuleViolation as exc:
                form.tambah_pelanggaran(exc)
            else:
                if "sampaikan" in request.POST:
                    return _sampaikan(request, laporan, form)
                messages.success(request, _("Laporan disimpan."))
                return redirect("laporan:semester", pk=laporan.pk)
    return render(
        request,
        "reporting/laporan_semester.html",
        {
            "laporan": laporan,
            "form": form,
            "boleh_sampaikan": boleh_ubah
            and request.user.has_perm("reporting.sampaikan_laporansemester"),
            "versi": _versi_terakhir(laporan.dokumen),
            # P27-1, P27-3: what the service would refuse the sending with, now
            "hambatan": services.hambatan_sampaikan_semester(laporan),
        },
    )


def _tidak_dapat_diubah(request, laporan):
    """A POST to a report that is no longer a draft (sent from another tab): say so."""
    if not request.user.has_perm("reporting.change_laporansemester"):
        raise PermissionDenied
    messages.error(
        request,
        pesan_pelanggaran(
            Pelanggaran(
                "P27-1",
                _("Laporan sudah disampaikan dan tidak dapat diubah (Pasal 27 ayat 1)."),
            )
        ),
    )
    return redirect("laporan:semester", pk=laporan.pk)


def _versi_terakhir(dokumen):
    if dokumen is None:
        return None
    return max(dokumen.versi.all(), key=lambda v: v.nomor, default=None)


def _sampaikan(request, laporan, form):
    if not request.user.has_perm("reporting.sampaikan_laporansemester"):
        raise Http404
    try:
        services.laporan_semester_sampaikan(
            laporan=laporan, user=request.user, tanggal=timezone.localdate()
        )
    except RuleViolation as exc:
        form.tambah_pelanggaran(exc)
        messages.info(request, _("Isian laporan disimpan, tetapi laporan belum disampaikan."))
        return render(
            request,
            "reporting/laporan_semester.html",
            {
                "laporan": laporan,
                "form": form,
                "boleh_sampaikan": True,
                "versi": None,
                "hambatan": services.hambatan_sampaikan_semester(laporan),
            },
        )
    messages.success(
        request, _("Laporan disampaikan kepada Bupati dengan tembusan TKKSD (Pasal 27 ayat 1).")
    )
    return redirect("laporan:semester", pk=laporan.pk)
