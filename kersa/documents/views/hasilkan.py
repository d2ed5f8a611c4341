"""Generate a document of a KSDD (POST) and download a version as PDF (GET).

Both need a user who may see the KSDD (404 otherwise, its existence stays
private); generating also needs ``agreements.change_ksdd``. The service decides
everything else (``services.hasilkan.dokumen_hasilkan``).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from kersa.agreements.models import Ksdd
from kersa.agreements.selectors import ksdd_dapat_dilihat
from kersa.core.errors import RuleViolation
from kersa.core.forms import kabarkan_penolakan
from kersa.regions.models import Wilayah

from ..choices import JenisDokumen
from ..konteks import JENIS_PER_MITRA, jenis_berlaku, mitra_pilihan
from ..konversi import KonversiGagal, pdf_dari_docx
from ..models import Dokumen, VersiDokumen
from ..services.hasilkan import dokumen_hasilkan, rangkap_paraf_hierarki
from ..validators import DOCX, PDF


def pilihan_hasilkan(ksdd: Ksdd) -> dict:
    """The context of ``documents/partials/hasilkan.html`` for one KSDD."""
    jenis = jenis_berlaku(ksdd)
    return {
        "ksdd": ksdd,
        "jenis_pilihan": [(j, JenisDokumen(j).label) for j in jenis],
        "mitra_pilihan": mitra_pilihan(ksdd) if JENIS_PER_MITRA & set(jenis) else [],
        "jenis_per_mitra": sorted(JENIS_PER_MITRA),
    }


class HasilkanForm(forms.Form):
    jenis = forms.ChoiceField(label=gettext_lazy("Jenis dokumen"), choices=JenisDokumen.choices)
    mitra = forms.ModelChoiceField(
        label=gettext_lazy("Ditujukan kepada daerah"),
        queryset=Wilayah.objects.all(),
        required=False,
    )


@login_required
@require_POST
def hasilkan(request, pk: int):
    """Generate a document for KSDD ``pk``; back to the KSDD page with a message."""
    ksdd = get_object_or_404(Ksdd.objects.select_related("perangkat_daerah"), pk=pk)
    if not ksdd_dapat_dilihat(request.user, ksdd):
        raise Http404(_("KSDD tidak ditemukan."))
    if not request.user.has_perm("agreements.change_ksdd"):
        raise PermissionDenied(_("Peran Anda tidak dapat membuat dokumen KSDD."))
    form = HasilkanForm(request.POST)
    tujuan = reverse("agreements:detail", args=[ksdd.pk])
    if not form.is_valid():
        messages.error(request, _("Pilih jenis dokumen yang akan dibuat."))
        return redirect(tujuan)
    try:
        versi = dokumen_hasilkan(
            ksdd=ksdd,
            jenis=form.cleaned_data["jenis"],
            user=request.user,
            mitra=form.cleaned_data["mitra"]
            if form.cleaned_data["jenis"] in JENIS_PER_MITRA
            else None,
        )
    except RuleViolation as exc:
        kabarkan_penolakan(request, exc)
        return redirect(tujuan)
    messages.success(
        request,
        _("%(judul)s dibuat (versi %(versi)d, nomor %(nomor)s).")
        % {"judul": versi.dokumen.judul, "versi": versi.nomor, "nomor": versi.dokumen.nomor},
    )
    return redirect(tujuan)


def respons_pdf(user, pk: int) -> HttpResponse:
    """One version as PDF (converted from its DOCX on the fly), or 404 when ``user`` may
    not see its KSDD. The web page and the API (token) both serve this."""
    versi = get_object_or_404(VersiDokumen.objects.select_related("dokumen__ksdd", "berkas"), pk=pk)
    ksdd = versi.dokumen.ksdd
    boleh = ksdd_dapat_dilihat(user, ksdd) if ksdd else user.has_perm("agreements.lihat_semua_ksdd")
    if not boleh:
        raise Http404(_("Dokumen tidak ditemukan."))
    try:
        with versi.berkas.file.open("rb") as f:
            data = f.read()
    except FileNotFoundError:
        raise Http404(_("Berkas tidak ditemukan di penyimpanan.")) from None
    if versi.berkas.content_type != PDF:
        try:
            data = pdf_dari_docx(data)
        except KonversiGagal as exc:
            return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    nama = versi.berkas.nama_asli.rsplit(".", 1)[0] + ".pdf"
    response = HttpResponse(data, content_type=PDF)
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def unduh_pdf(request, pk: int):
    """One version as PDF (``respons_pdf``)."""
    return respons_pdf(request.user, pk)


@login_required
@require_GET
def rangkap_paraf(request, pk: int):
    """P20-4, P24-4: the extra original of a KB/PKS with the paraf hierarki box, as PDF
    (``?format=docx`` for the Word file)."""
    dokumen = get_object_or_404(Dokumen.objects.select_related("ksdd"), pk=pk)
    if dokumen.ksdd is None or not ksdd_dapat_dilihat(request.user, dokumen.ksdd):
        raise Http404(_("Dokumen tidak ditemukan."))
    try:
        data = rangkap_paraf_hierarki(dokumen=dokumen, user=request.user)
    except RuleViolation as exc:
        kabarkan_penolakan(request, exc)
        return redirect(reverse("agreements:detail", args=[dokumen.ksdd_id]))
    nama = f"{dokumen.jenis}-{dokumen.ksdd.nomor_register.replace('/', '-')}-rangkap-paraf"
    if request.GET.get("format") == "docx":
        response = HttpResponse(data, content_type=DOCX)
        response["Content-Disposition"] = f'attachment; filename="{nama}.docx"'
        return response
    try:
        pdf = pdf_dari_docx(data)
    except KonversiGagal as exc:
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(pdf, content_type=PDF)
    response["Content-Disposition"] = f'attachment; filename="{nama}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
