"""The region's page: what the record holds of a region (its seat, head of region and
emblem) and, for the secretariat, the upload of its emblem (P12-3), which the
documents generated afterwards print at once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kersa.core.errors import RuleViolation
from kersa.core.forms import kabarkan_penolakan
from kersa.documents.services.lambang import lambang_unggah

from .models import Wilayah
from .selectors import kepala_daerah_pada

_JENIS = ["kabupaten", "kota", "provinsi"]


@login_required
def detail(request, kode: str):
    """A region and its emblem; POST uploads the emblem (``documents.kelola_lambang``)."""

    wilayah = get_object_or_404(Wilayah.objects.select_related("provinsi"), kode=kode)
    if wilayah.jenis not in _JENIS:
        raise Http404(_("Daerah tidak ditemukan."))
    boleh = request.user.has_perm("documents.kelola_lambang")
    if request.method == "POST":
        if not boleh:
            messages.error(request, _("Anda tidak berwenang mengunggah lambang."))
        elif request.FILES.get("gambar") is None:
            messages.error(request, _("Pilih berkas gambar lambang."))
        else:
            try:
                lambang_unggah(upload=request.FILES["gambar"], user=request.user, wilayah=wilayah)
            except RuleViolation as exc:
                kabarkan_penolakan(request, exc)
            else:
                messages.success(
                    request,
                    _("Lambang %s disimpan; dokumen yang dibuat berikutnya memakainya.")
                    % wilayah.nama_lengkap,
                )
        return redirect("regions:detail", kode=wilayah.kode)
    return render(
        request,
        "regions/wilayah_detail.html",
        {
            "wilayah": wilayah,
            "kepala": kepala_daerah_pada(wilayah, timezone.localdate()),
            "boleh_unggah": boleh,
        },
    )


@login_required
@require_GET
def lambang(request, kode: str):
    """The region's uploaded emblem as an image (the page's preview)."""
    wilayah = get_object_or_404(Wilayah, kode=kode)
    if not wilayah.lambang:
        raise Http404(_("Daerah ini belum berlambang."))
    try:
        with wilayah.lambang.open("rb") as f:
            data = f.read()
    except (FileNotFoundError, OSError):
        raise Http404(_("Berkas lambang tidak ditemukan di penyimpanan.")) from None
    jenis = "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
    response = HttpResponse(data, content_type=jenis)
    response["Cache-Control"] = "private, no-cache"
    return response
