"""Versions of a KSDD's documents: upload a new version, compare two DOCX versions,
and the compliance report of the agreed KB or PKS (P11, P12, P26).

Each view needs a user who may see the KSDD (404 otherwise); uploading also needs
``agreements.change_ksdd`` (the service checks it). Views only call services and
selectors.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kersa.agreements.models import Ksdd
from kersa.agreements.selectors import ksdd_dapat_dilihat
from kersa.core.errors import RuleViolation
from kersa.core.forms import kabarkan_penolakan

from ..diff import diff_versi
from ..forms import VersiForm
from ..models import Dokumen, VersiDokumen
from ..selectors import laporan_disepakati
from ..services.versi import dokumen_naskah, versi_tambah
from ..validators import DOCX


def _ksdd(user, pk: int) -> Ksdd:
    ksdd = get_object_or_404(Ksdd, pk=pk)
    if not ksdd_dapat_dilihat(user, ksdd):
        raise Http404(_("KSDD tidak ditemukan."))
    return ksdd


@login_required
@require_POST
def unggah_versi(request, pk: int):
    """Add a version to one of KSDD ``pk``'s documents; back to the KSDD page."""
    ksdd = _ksdd(request.user, pk)
    tujuan = reverse("agreements:detail", args=[ksdd.pk]) + "#judul-dokumen"
    form = VersiForm(request.POST, request.FILES)
    if not form.is_valid():
        for field, errors in form.errors.items():
            for e in errors:
                messages.error(
                    request, f"{form.fields[field].label}: {e}" if field in form.fields else e
                )
        return redirect(tujuan)
    d = form.cleaned_data
    try:
        if d["dokumen"] in ("kb", "pks"):
            if not request.user.has_perm("agreements.change_ksdd"):
                raise PermissionDenied(_("Anda tidak berwenang menambah versi dokumen ini."))
            dokumen = dokumen_naskah(ksdd=ksdd, jenis=d["dokumen"], user=request.user)
        else:
            dokumen = Dokumen.objects.filter(ksdd=ksdd, pk=int(d["dokumen"] or 0)).first()
            if dokumen is None:
                raise Http404(_("Dokumen tidak ditemukan."))
        versi = versi_tambah(
            dokumen=dokumen,
            upload=d["berkas"],
            asal=d["asal"],
            user=request.user,
            catatan=d["catatan"],
            menambah_beban=d["menambah_beban"],
            persetujuan_perubahan=d["persetujuan_perubahan"],
        )
    except ValueError:
        raise Http404(_("Dokumen tidak ditemukan.")) from None
    except RuleViolation as exc:
        kabarkan_penolakan(request, exc)
        return redirect(tujuan)
    messages.success(
        request,
        _("Versi %(n)d dari %(dok)s disimpan.") % {"n": versi.nomor, "dok": dokumen.judul},
    )
    return redirect(tujuan)


@login_required
def bandingkan(request, pk: int, a: int, b: int):
    """The text difference between versions ``a`` and ``b`` of document ``pk`` (DOCX)."""
    dokumen = get_object_or_404(Dokumen.objects.select_related("ksdd"), pk=pk)
    if dokumen.ksdd is None or not ksdd_dapat_dilihat(request.user, dokumen.ksdd):
        raise Http404(_("Dokumen tidak ditemukan."))
    versi = {
        v.nomor: v
        for v in VersiDokumen.objects.filter(dokumen=dokumen, nomor__in=[a, b]).select_related(
            "berkas", "dibuat_oleh"
        )
    }
    if a not in versi or b not in versi:
        raise Http404(_("Versi tidak ditemukan."))
    va, vb = versi[a], versi[b]
    context = {"dokumen": dokumen, "ksdd": dokumen.ksdd, "a": va, "b": vb, "perbandingan": None}
    bukan_docx = [v for v in (va, vb) if v.berkas.content_type != DOCX]
    if bukan_docx:
        context["pesan"] = _(
            "Versi %s berupa PDF; perbandingan teks hanya untuk dua versi DOCX. Unduh "
            "berkasnya untuk membandingkan secara manual."
        ) % ", ".join(str(v.nomor) for v in bukan_docx)
    else:
        try:
            context["perbandingan"] = diff_versi(va, vb)
        except (RuleViolation, OSError):
            context["pesan"] = _("Salah satu versi tidak dapat dibaca sebagai DOCX.")
    return render(request, "documents/bandingkan.html", context)


@login_required
def pemeriksaan(request, pk: int, jenis: str):
    """The compliance report of KSDD ``pk``'s agreed KB or PKS (P11, P12)."""
    if jenis not in ("kb", "pks"):
        raise Http404(_("Jenis naskah tidak dikenal."))
    ksdd = _ksdd(request.user, pk)
    berkas, laporan, alasan = laporan_disepakati(ksdd, jenis)
    return render(
        request,
        "documents/pemeriksaan.html",
        {"ksdd": ksdd, "jenis": jenis, "berkas": berkas, "laporan": laporan, "alasan": alasan},
    )
