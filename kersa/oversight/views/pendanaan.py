"""Funding assistance to a partner region for a Kerja Sama Wajib (Pasal 31 ayat 1; P31-1):
the list on one KSDD and the form that calls ``agreements.services.bantuan_pendanaan_tambah``.

Whoever may see the KSDD reads the list; whoever may change KSDD (the secretariat, the
agency's operator) adds. A Sukarela KSDD is refused by the service with its Pasal."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements.choices import Kategori
from kersa.agreements.models import Ksdd
from kersa.agreements.selectors import ksdd_visible_to
from kersa.agreements.services import bantuan_pendanaan_tambah
from kersa.core.layanan import form_layanan
from kersa.oversight.izin import PENDANAAN_UBAH as UBAH

from ..forms.pembinaan import BantuanPendanaanForm
from ..selectors.pembinaan import bantuan_pendanaan_daftar


@login_required
@permission_required("agreements.view_ksdd", raise_exception=True)
def pendanaan(request, pk: int):
    try:
        ksdd = ksdd_visible_to(request.user).select_related("perangkat_daerah").get(pk=pk)
    except Ksdd.DoesNotExist as exc:
        raise Http404(_("KSDD tidak ditemukan.")) from exc
    boleh = request.user.has_perm(UBAH)
    if request.method == "POST" and not boleh:
        raise PermissionDenied
    form = None
    if boleh:
        form = BantuanPendanaanForm(
            request.POST if request.method == "POST" else None,
            ksdd=ksdd,
            initial={
                "perangkat_daerah": ksdd.perangkat_daerah_id,
                "tahun_anggaran": timezone.localdate().year,
            },
        )
        selesai = form_layanan(
            request,
            form,
            lambda d: bantuan_pendanaan_tambah(ksdd=ksdd, user=request.user, **d),
            lambda _h: (
                _("Bantuan pendanaan dicatat (Pasal 31)."),
                reverse("pembinaan:pendanaan", kwargs={"pk": ksdd.pk}),
            ),
        )
        if selesai:
            return selesai
    daftar = bantuan_pendanaan_daftar(ksdd)
    return render(
        request,
        "oversight/pendanaan.html",
        {
            "ksdd": ksdd,
            "daftar": daftar,
            "total": daftar.aggregate(t=Sum("jumlah"))["t"],
            "form": form,
            "wajib": ksdd.kategori == Kategori.WAJIB,
        },
    )
