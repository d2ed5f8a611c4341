"""Pembinaan pages: the oversight home, guidance activities (Pasal 44; P44), association
memberships (Pasal 43; P43) and the Sekretariat Kerja Sama (Pasal 40–41; P40-2, P40-4, P41).

Reading needs the model's view permission; writing needs ``oversight.kelola_pembinaan``
(the TKKSD secretariat)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kersa.agreements.models import Ksdd
from kersa.agreements.selectors import ksdd_visible_to
from kersa.core.layanan import form_layanan
from kersa.core.saring import tahun_dari
from kersa.oversight.izin import PEMBINAAN_KELOLA as KELOLA
from kersa.oversight.izin import PEMBINAAN_LIHAT_ASOSIASI as LIHAT_ASOSIASI
from kersa.oversight.izin import PEMBINAAN_LIHAT_KEGIATAN as LIHAT_KEGIATAN
from kersa.oversight.izin import PEMBINAAN_LIHAT_SEKRETARIAT as LIHAT_SEKRETARIAT

from .. import services
from ..choices import BentukPembinaan
from ..forms.pembinaan import (
    AkhiriKeanggotaanForm,
    KeanggotaanForm,
    KegiatanPembinaanForm,
    SekretariatForm,
)
from ..models import KeanggotaanAsosiasi, SekretariatKerjaSama
from ..selectors.pembinaan import (
    keanggotaan_daftar,
    kegiatan_pembinaan_daftar,
    sekretariat_daftar,
    sekretariat_layak,
    sekretariat_memenuhi_syarat,
)


@login_required
def daftar(request):
    """The oversight home: one entry per section the user may open."""
    u = request.user
    bagian = [
        (
            "pembinaan:monev",
            _("Monitoring dan evaluasi"),
            _("Monitoring dan evaluasi Perangkat Daerah setiap semester (Pasal 28)."),
            u.has_perm("oversight.view_monitoringevaluasi"),
        ),
        (
            "pembinaan:perselisihan",
            _("Perselisihan"),
            _("Penyelesaian perselisihan secara musyawarah dan mufakat (Pasal 29–30)."),
            u.has_perm("oversight.view_perselisihan"),
        ),
        (
            "pembinaan:kegiatan",
            _("Kegiatan pembinaan"),
            _("Pedoman, sosialisasi, bimbingan, asistensi, pendidikan dan pelatihan (Pasal 44)."),
            u.has_perm(LIHAT_KEGIATAN),
        ),
        (
            "pembinaan:asosiasi",
            _("Keanggotaan asosiasi"),
            _("Wadah kerja sama wajib/sukarela dan APKASI (Pasal 43)."),
            u.has_perm(LIHAT_ASOSIASI),
        ),
        (
            "pembinaan:sekretariat",
            _("Sekretariat Kerja Sama"),
            _("Sekretariat untuk Kerja Sama Wajib yang memenuhi syarat (Pasal 40–41)."),
            u.has_perm(LIHAT_SEKRETARIAT),
        ),
    ]
    return render(
        request,
        "oversight/pembinaan.html",
        {"bagian": [{"url": b[0], "judul": b[1], "uraian": b[2]} for b in bagian if b[3]]},
    )


# --- Kegiatan pembinaan (Pasal 44) -----------------------------------------------------


@login_required
@permission_required(LIHAT_KEGIATAN, raise_exception=True)
def kegiatan(request):
    boleh = request.user.has_perm(KELOLA)
    form = None
    if boleh:
        form = KegiatanPembinaanForm(
            request.POST if request.method == "POST" else None,
            ksdd_qs=ksdd_visible_to(request.user).order_by("nomor_register"),
            # the activity's date is a fact (often recorded afterwards): entered
        )
        selesai = form_layanan(
            request,
            form,
            lambda d: services.kegiatan_pembinaan_tambah(user=request.user, **d),
            lambda _h: (_("Kegiatan pembinaan dicatat."), reverse("pembinaan:kegiatan")),
        )
        if selesai:
            return selesai
    elif request.method == "POST":
        raise Http404
    # Issue 19: ?tahun=-1 is refused with 400 and the range, as the API refuses it.
    tahun = tahun_dari(request.GET.get("tahun"))
    bentuk = request.GET.get("bentuk", "")
    if bentuk not in BentukPembinaan.values:
        bentuk = ""
    return render(
        request,
        "oversight/pembinaan_kegiatan.html",
        {
            "daftar": kegiatan_pembinaan_daftar(user=request.user, tahun=tahun, bentuk=bentuk),
            "form": form,
            "tahun": tahun,
            "bentuk": bentuk,
            "pilihan_bentuk": BentukPembinaan.choices,
        },
    )


# --- Keanggotaan asosiasi (Pasal 43) ---------------------------------------------------


def _akhiri_form(k, data=None) -> AkhiriKeanggotaanForm:
    """The end form of one row; ids carry the row so labels stay unique on the page."""
    # The end date is the decree's, entered (not today).
    return AkhiriKeanggotaanForm(data, auto_id=f"id_akhiri_{k.pk}_%s")


def _halaman_asosiasi(request, *, form, akhiri: tuple[int, AkhiriKeanggotaanForm] | None = None):
    """The list page; ``akhiri`` is (row, bound end form) when an end was refused, so the
    error and what was typed show on that row only."""
    boleh = request.user.has_perm(KELOLA)
    aktif = list(keanggotaan_daftar(aktif=True))
    for k in aktif:
        k.form_akhiri = None
        if boleh and k.selesai is None:
            k.form_akhiri = akhiri[1] if akhiri and akhiri[0] == k.pk else _akhiri_form(k)
    return render(
        request,
        "oversight/pembinaan_asosiasi.html",
        {
            "aktif": aktif,
            "berakhir": keanggotaan_daftar(aktif=False),
            "form": form,
            "boleh_kelola": boleh,
            "akhiri_pk": akhiri[0] if akhiri else None,
        },
    )


@login_required
@permission_required(LIHAT_ASOSIASI, raise_exception=True)
def asosiasi(request):
    boleh = request.user.has_perm(KELOLA)
    form = None
    if boleh:
        form = KeanggotaanForm(request.POST if request.method == "POST" else None)
        selesai = form_layanan(
            request,
            form,
            lambda d: services.keanggotaan_tambah(user=request.user, **d),
            lambda _h: (_("Keanggotaan asosiasi dicatat."), reverse("pembinaan:asosiasi")),
        )
        if selesai:
            return selesai
    elif request.method == "POST":
        raise Http404
    return _halaman_asosiasi(request, form=form)


@login_required
@permission_required(KELOLA, raise_exception=True)
@require_POST
def asosiasi_akhiri(request, pk: int):
    """End a membership (P43). A refusal shows on the row it came from, with what was typed."""
    k = get_object_or_404(KeanggotaanAsosiasi, pk=pk)
    form = _akhiri_form(k, request.POST)
    selesai = form_layanan(
        request,
        form,
        lambda d: services.keanggotaan_akhiri(keanggotaan=k, user=request.user, **d),
        lambda _h: (
            _("Keanggotaan %(nama)s diakhiri.") % {"nama": k.nama},
            reverse("pembinaan:asosiasi"),
        ),
    )
    if selesai:
        return selesai
    if k.selesai is not None:  # already ended: no row form to show it on
        for e in form.errors.values():
            for m in e:
                messages.error(request, m)
        return redirect("pembinaan:asosiasi")
    return _halaman_asosiasi(request, form=KeanggotaanForm(), akhiri=(k.pk, form))


# --- Sekretariat Kerja Sama (Pasal 40–41) ----------------------------------------------


@login_required
@permission_required(LIHAT_SEKRETARIAT, raise_exception=True)
def sekretariat(request):
    return render(
        request,
        "oversight/sekretariat.html",
        {
            "daftar": sekretariat_daftar(user=request.user),
            "boleh_kelola": request.user.has_perm(KELOLA),
        },
    )


@login_required
@permission_required(KELOLA, raise_exception=True)
def sekretariat_catat(request, ksdd_pk: int):
    try:
        ksdd = ksdd_visible_to(request.user).select_related("perangkat_daerah").get(pk=ksdd_pk)
    except Ksdd.DoesNotExist as exc:
        raise Http404(_("KSDD tidak ditemukan.")) from exc
    form = SekretariatForm(request.POST if request.method == "POST" else None)
    selesai = form_layanan(
        request,
        form,
        lambda d: services.sekretariat_catat(ksdd=ksdd, user=request.user, **d),
        lambda _h: (_("Sekretariat Kerja Sama dicatat."), reverse("pembinaan:sekretariat")),
    )
    if selesai:
        return selesai
    ada = SekretariatKerjaSama.objects.filter(ksdd=ksdd).first()
    # once recorded, huruf a reads the stored confirmation instead of "to be confirmed"
    syarat = sekretariat_memenuhi_syarat(ksdd, terus_menerus=ada.terus_menerus if ada else None)
    return render(
        request,
        "oversight/sekretariat_catat.html",
        {
            "ksdd": ksdd,
            "form": form,
            "syarat": syarat,
            "layak": sekretariat_layak(syarat),
            "sudah_ada": ada is not None,
            "sekretariat": ada,
        },
    )
