"""Monitoring and evaluation pages (Pasal 28; P28): the semester list (which agencies
are due — their clocks — and which are done), recording one, its findings and report.

The secretariat writes (``oversight.kelola_monev``); operators read their own agency's;
another agency's record is a 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kersa.core.errors import RuleViolation
from kersa.core.layanan import form_layanan
from kersa.core.saring import periode_semester_dari
from kersa.oversight.izin import MONEV_KELOLA as KELOLA
from kersa.oversight.izin import MONEV_LIHAT as LIHAT
from kersa.regions.models import PerangkatDaerah

from .. import services
from ..forms.monev import MonevCatatForm, MonevSelesaiForm, TemuanForm, TindakLanjutForm
from ..models import MonitoringEvaluasi, StatusMonev
from ..selectors.monev import (
    monev_daftar,
    monev_ksdd_pilihan,
    monev_untuk,
    periode_dari,
    periode_pilihan,
)


@login_required
@permission_required(LIHAT, raise_exception=True)
def daftar(request):
    tahun, semester = periode_semester_dari(request.GET.get("periode")) or periode_dari(None)
    return render(
        request,
        "oversight/monev.html",
        {
            "baris": monev_daftar(user=request.user, tahun=tahun, semester=semester),
            "kode": f"{tahun}-{semester}",
            "label": f"Semester {'I' if semester == 1 else 'II'} {tahun}",
            "pilihan": periode_pilihan(*periode_dari(None)),
            "boleh_kelola": request.user.has_perm(KELOLA),
        },
    )


@login_required
@permission_required(KELOLA, raise_exception=True)
def catat(request, pd_pk: int):
    pd = get_object_or_404(PerangkatDaerah, pk=pd_pk)
    tahun, semester = periode_semester_dari(request.GET.get("periode")) or periode_dari(None)
    form = MonevCatatForm(
        request.POST if request.method == "POST" else None, ksdd_qs=monev_ksdd_pilihan(pd)
    )
    selesai = form_layanan(
        request,
        form,
        lambda d: services.monev_catat(
            perangkat_daerah=pd, tahun=tahun, semester=semester, user=request.user, **d
        ),
        lambda m: (
            _("Monitoring dan evaluasi dicatat."),
            reverse("pembinaan:monev_detail", kwargs={"pk": m.pk}),
        ),
    )
    if selesai:
        return selesai
    return render(
        request,
        "oversight/monev_catat.html",
        {
            "form": form,
            "pd": pd,
            "kode": f"{tahun}-{semester}",
            "label": f"Semester {'I' if semester == 1 else 'II'} {tahun}",
        },
    )


def _versi_terakhir(dokumen):
    if dokumen is None:
        return None
    return max(dokumen.versi.all(), key=lambda v: v.nomor, default=None)


def _temuan_dari_post(m, request):
    """The finding a follow-up was sent for; 404 when it is not this monitoring's."""
    try:
        pk = int(request.POST.get("temuan", ""))
    except ValueError as exc:
        raise Http404 from exc
    return get_object_or_404(m.temuan.all(), pk=pk)


def _form_tindak_lanjut(t, data=None) -> TindakLanjutForm:
    """One follow-up form per finding; ids carry the finding so labels stay unique."""
    return TindakLanjutForm(
        data,
        auto_id=f"id_tl_{t.pk}_%s",
        initial={"temuan": t.pk},  # the follow-up's date is a fact: entered, not today
    )


@login_required
@permission_required(LIHAT, raise_exception=True)
def detail(request, pk: int):
    """One monitoring: KSDD reviewed, findings with follow-up, finishing and the report.

    Each open finding has its own follow-up form; a refused follow-up shows its error and
    what was typed on that finding only."""
    try:
        m = monev_untuk(user=request.user, pk=pk)
    except MonitoringEvaluasi.DoesNotExist as exc:
        raise Http404(_("Monitoring dan evaluasi tidak ditemukan.")) from exc
    boleh = request.user.has_perm(KELOLA)
    terbuka = m.status == StatusMonev.DICATAT
    aksi = request.POST.get("aksi") if request.method == "POST" else None
    if aksi and not boleh:
        raise PermissionDenied
    temuan = list(m.temuan.all())
    temuan_dikirim = _temuan_dari_post(m, request) if aksi == "tindak_lanjut" else None
    for t in temuan:
        t.form_tl = None
        if boleh and not t.tindak_lanjut:
            dikirim = temuan_dikirim is not None and temuan_dikirim.pk == t.pk
            t.form_tl = _form_tindak_lanjut(t, request.POST if dikirim else None)
            if dikirim:
                temuan_dikirim.form_tl = t.form_tl
    forms = {
        "temuan": TemuanForm(request.POST if aksi == "temuan" else None, monev=m),
        "selesai": MonevSelesaiForm(
            request.POST if aksi == "selesai" else None,
            initial={"ringkasan": m.ringkasan},  # the day it ended is entered
        ),
    }
    if aksi == "tindak_lanjut":
        form = getattr(temuan_dikirim, "form_tl", None)
        if form is None:  # already followed up (another tab): nothing to record
            messages.info(request, _("Tindak lanjut temuan ini sudah dicatat."))
            return redirect(reverse("pembinaan:monev_detail", args=[m.pk]))
    elif aksi:
        form = forms.get(aksi)
        if form is None:
            raise Http404
    if aksi and form.is_valid():
        d = form.cleaned_data
        try:
            if aksi == "temuan":
                services.temuan_catat(monev=m, user=request.user, **d)
            elif aksi == "tindak_lanjut":
                services.temuan_tindak_lanjut(
                    temuan=temuan_dikirim,
                    tindak_lanjut=d["tindak_lanjut"],
                    tanggal=d["tanggal"],
                    user=request.user,
                )
            else:
                services.monev_selesaikan(monev=m, user=request.user, **d)
        except RuleViolation as exc:
            form.tambah_pelanggaran(exc)
        else:
            messages.success(request, _("Tersimpan."))
            return redirect(reverse("pembinaan:monev_detail", args=[m.pk]))
    return render(
        request,
        "oversight/monev_detail.html",
        {
            "m": m,
            "temuan": temuan,
            "forms": forms,
            "aksi": aksi,
            "temuan_dikirim": temuan_dikirim.pk if temuan_dikirim else None,
            "boleh_kelola": boleh,
            "terbuka": terbuka,
            "versi": _versi_terakhir(m.dokumen),
        },
    )
