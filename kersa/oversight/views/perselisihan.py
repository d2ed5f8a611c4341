"""Dispute pages (Pasal 29–30; P29-1…4, P30): the list, recording a dispute, and one
dispute with its steps (documents, musyawarah, berita acara, report, provincial TKKSD).

Operators act on their own agency's KSDD (``oversight.kelola_perselisihan``); only TKKSD
(the secretariat) submits to the provincial TKKSD; another agency's dispute is a 404.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kersa.agreements.selectors import ksdd_visible_to
from kersa.core.layanan import form_layanan
from kersa.oversight.izin import PERSELISIHAN_KELOLA as KELOLA
from kersa.oversight.izin import PERSELISIHAN_LIHAT as LIHAT
from kersa.oversight.izin import PERSELISIHAN_PROVINSI as PROVINSI

from .. import services
from ..forms.perselisihan import (
    BerkasForm,
    LaporkanForm,
    MusyawarahForm,
    PeraturanForm,
    PerselisihanForm,
    ProvinsiForm,
    SelesaikanForm,
)
from ..models import Perselisihan, StatusPerselisihan
from ..selectors.perselisihan import perselisihan_daftar, perselisihan_untuk

PER_HALAMAN = 50


@login_required
@permission_required(LIHAT, raise_exception=True)
def daftar(request):
    status = request.GET.get("status", "")
    if status not in StatusPerselisihan.values:
        status = ""
    # Issue 18 item 3: 50 a page, newest first (the list grows with the register).
    halaman = Paginator(
        perselisihan_daftar(user=request.user, status=status).order_by("-pk"), PER_HALAMAN
    ).get_page(request.GET.get("halaman"))
    return render(
        request,
        "oversight/perselisihan.html",
        {
            "daftar": halaman.object_list,
            "halaman": halaman,
            "params": urlencode({"status": status}) if status else "",
            "status": status,
            "pilihan_status": StatusPerselisihan.choices,
            "boleh_kelola": request.user.has_perm(KELOLA),
        },
    )


@login_required
@permission_required(KELOLA, raise_exception=True)
def catat(request):
    # P29-1: any stage a–j, and an ended KSDD for the obligations that outlive it (the
    # service refuses only what Pasal 29 leaves out).
    ksdd_qs = ksdd_visible_to(request.user).order_by("-pk")
    form = PerselisihanForm(request.POST if request.method == "POST" else None, ksdd_qs=ksdd_qs)
    selesai = form_layanan(
        request,
        form,
        lambda d: services.perselisihan_catat(
            ksdd=d["ksdd"],
            tanggal_timbul=d["tanggal_timbul"],
            uraian=d["uraian"],
            pihak=list(d["pihak"]),
            user=request.user,
        ),
        lambda p: (
            _("Perselisihan dicatat; upayakan musyawarah dan mufakat."),
            reverse("pembinaan:perselisihan_detail", kwargs={"pk": p.pk}),
        ),
    )
    if selesai:
        return selesai
    return render(request, "oversight/perselisihan_catat.html", {"form": form})


# aksi: (form, permission, service call)
def _berkas(p, d, user):
    services.perselisihan_berkas_tambah(
        perselisihan=p, upload=d["berkas"], keterangan=d["keterangan"], user=user
    )


def _musyawarah(p, d, user):
    services.perselisihan_musyawarah_catat(perselisihan=p, user=user, **d)


def _selesaikan(p, d, user):
    services.perselisihan_selesaikan(perselisihan=p, user=user, **d)


def _provinsi(p, d, user):
    services.perselisihan_ajukan_provinsi(perselisihan=p, user=user, **d)


def _peraturan(p, d, user):
    services.perselisihan_peraturan_lebih_tinggi(perselisihan=p, user=user, **d)


def _laporkan(p, d, user):
    services.perselisihan_laporkan(perselisihan=p, user=user, **d)


AKSI = {
    "berkas": (BerkasForm, KELOLA, _berkas),
    "musyawarah": (MusyawarahForm, KELOLA, _musyawarah),
    "selesaikan": (SelesaikanForm, KELOLA, _selesaikan),
    "laporkan": (LaporkanForm, KELOLA, _laporkan),
    "provinsi": (ProvinsiForm, PROVINSI, _provinsi),
    "peraturan": (PeraturanForm, PROVINSI, _peraturan),
}


def _versi_terakhir(dokumen):
    if dokumen is None:
        return None
    return max(dokumen.versi.all(), key=lambda v: v.nomor, default=None)


@login_required
@permission_required(LIHAT, raise_exception=True)
def detail(request, pk: int):
    try:
        p = perselisihan_untuk(user=request.user, pk=pk)
    except Perselisihan.DoesNotExist as exc:
        raise Http404(_("Perselisihan tidak ditemukan.")) from exc
    aksi = request.POST.get("aksi") if request.method == "POST" else None
    if aksi:
        if aksi not in AKSI:
            raise Http404
        if not request.user.has_perm(AKSI[aksi][1]):
            raise PermissionDenied
    # Every date here is a fact to be entered (the day the musyawarah was held, the
    # berita acara signed, the letter to the province or the report to the Bupati
    # dated): it starts empty, not at today (issue 13 item 5).
    forms = {}
    for nama, (cls, izin, _fungsi) in AKSI.items():
        if request.user.has_perm(izin):
            data = (request.POST, request.FILES) if aksi == nama else (None, None)
            forms[nama] = cls(*data)
    if aksi:
        selesai = form_layanan(
            request,
            forms[aksi],
            lambda d: AKSI[aksi][2](p, d, request.user),
            lambda _h: (
                _("Tersimpan."),
                reverse("pembinaan:perselisihan_detail", kwargs={"pk": p.pk}),
            ),
        )
        if selesai:
            return selesai
    return render(
        request,
        "oversight/perselisihan_detail.html",
        {
            "p": p,
            "forms": forms,
            "aksi": aksi,
            "S": StatusPerselisihan,
            "satu_provinsi": services.perselisihan_satu_provinsi(p),
            # P29-1…4, P30: each action with what its service refuses it with now
            "hambatan": services.hambatan_perselisihan(p),
            "versi_ba": _versi_terakhir(p.berita_acara),
            "versi_laporan": _versi_terakhir(p.laporan),
        },
    )
