"""Pages of TKKSD meetings (Pasal 36–39): the TKKSD home, scheduling, one meeting with
its agenda, attendance and result, cancelling, and its Berita Acara and Notulen."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kersa.agreements.choices import AlasanPenolakan, PertimbanganPersetujuan
from kersa.core.errors import RuleViolation
from kersa.core.forms import pesan_pelanggaran
from kersa.core.layanan import aksi_tombol, form_layanan
from kersa.governance.izin import RAPAT_KELOLA as KELOLA
from kersa.governance.izin import RAPAT_LIHAT as LIHAT

from .. import selectors, services
from ..choices import JenisAgenda, JenisKeputusan, StatusRapat
from ..forms import AgendaForm, BatalForm, RapatForm
from ..models import AgendaRapat, Rapat


@login_required
@permission_required(LIHAT, raise_exception=True)
def daftar(request):
    """TKKSD today: composition (office → holder), meetings, work programmes."""
    hari_ini = timezone.localdate()
    rapat = list(selectors.rapat_list())
    return render(
        request,
        "governance/rapat.html",
        {
            "hari_ini": hari_ini,
            "keputusan": selectors.keputusan_berlaku(hari_ini),
            "susunan": selectors.susunan_tkksd(hari_ini),
            "susunan_tt": selectors.susunan_tkksd(hari_ini, JenisKeputusan.TIM_TEKNIS),
            "akan_datang": [r for r in rapat if r.status == StatusRapat.TERJADWAL][::-1],
            "lampau": [r for r in rapat if r.status != StatusRapat.TERJADWAL],
            "program": selectors.program_kerja_list(),
            "boleh_kelola": request.user.has_perm(KELOLA),
            "boleh_kelola_tkksd": request.user.has_perm("governance.kelola_tkksd"),
        },
    )


@login_required
@permission_required(KELOLA, raise_exception=True)
def buat(request):
    form = RapatForm(request.POST if request.method == "POST" else None)
    selesai = form_layanan(
        request,
        form,
        lambda d: services.rapat_jadwalkan(user=request.user, **d),
        lambda rapat: (
            _("%s dijadwalkan; undangan disusun.") % rapat,
            reverse("tkksd:rapat", args=[rapat.pk]),
        ),
    )
    if selesai:
        return selesai
    return render(
        request,
        "governance/form.html",
        {"form": form, "judul": _("Jadwalkan rapat TKKSD"), "tombol": _("Jadwalkan")},
    )


def _rapat(pk) -> Rapat:
    try:
        return selectors.rapat_detail(pk)
    except Rapat.DoesNotExist as exc:
        raise Http404 from exc


def _detail(request, rapat, *, status=200, galat=(), form_agenda=None, form_batal=None):
    boleh = request.user.has_perm(KELOLA)
    terjadwal = rapat.status == StatusRapat.TERJADWAL
    ba = rapat.berita_acara.versi.order_by("-nomor").first() if rapat.berita_acara else None
    notulen = rapat.notulen.versi.order_by("-nomor").first() if rapat.notulen else None
    undangan = rapat.undangan.versi.order_by("-nomor").first() if rapat.undangan else None
    return render(
        request,
        "governance/rapat_detail.html",
        {
            "rapat": rapat,
            "kehadiran": list(rapat.kehadiran.all()),
            "agenda": list(rapat.agenda.all()),
            # P39, P37-2: what recording the result is refused with now (the service's own
            # check, issue 13 item 1)
            "hambatan_hasil": services.hambatan_hasil_rapat(rapat, list(rapat.agenda.all()))
            if boleh and terjadwal
            else [],
            "calon_pimpinan": [
                k.jabatan
                for k in rapat.kehadiran.all()
                if k.jabatan and k.jabatan.keputusan_id == rapat.keputusan_id
            ],
            "boleh_kelola": boleh and terjadwal,
            "boleh_dokumen": boleh and rapat.status == StatusRapat.SELESAI,
            "form_agenda": form_agenda or AgendaForm(),
            "form_batal": form_batal or BatalForm(),
            "galat": galat,
            "isian": getattr(rapat, "isian", {}),  # what was typed, after a refusal
            "alasan_penolakan": AlasanPenolakan.choices,
            "pertimbangan_persetujuan": PertimbanganPersetujuan.choices,
            "jenis_penawaran": JenisAgenda.REKOMENDASI_PENAWARAN,
            "versi_ba": ba,
            "versi_notulen": notulen,
            "versi_undangan": undangan,
        },
        status=status,
    )


@login_required
@permission_required(LIHAT, raise_exception=True)
def detail(request, pk):
    return _detail(request, _rapat(pk))


@login_required
@permission_required(KELOLA, raise_exception=True)
@require_POST
def agenda_tambah(request, pk):
    rapat = _rapat(pk)
    form = AgendaForm(request.POST)
    selesai = form_layanan(
        request,
        form,
        lambda d: services.agenda_tambah(rapat=rapat, user=request.user, **d),
        lambda _h: (_("Agenda ditambahkan."), reverse("tkksd:rapat", args=[rapat.pk])),
    )
    if selesai:
        return selesai
    return _detail(request, rapat, status=422, form_agenda=form)


@login_required
@permission_required(KELOLA, raise_exception=True)
@require_POST
def agenda_hapus(request, pk, agenda_pk):
    agenda = get_object_or_404(AgendaRapat, pk=agenda_pk, rapat_id=pk)
    try:
        services.agenda_hapus(agenda=agenda, user=request.user)
    except RuleViolation as exc:
        messages.error(request, pesan_pelanggaran(exc.pelanggaran[0]))
    return redirect("tkksd:rapat", pk)


def _isian_hasil(post, rapat):
    kehadiran = {
        k.pk: {
            "hadir": f"hadir_{k.pk}" in post,
            "diwakili_oleh": post.get(f"diwakili_{k.pk}", ""),
            "keterangan": post.get(f"ket_{k.pk}", ""),
        }
        for k in rapat.kehadiran.all()
    }
    keputusan = {
        a.pk: {
            "uraian": post.get(f"uraian_{a.pk}", ""),
            "pembahasan": post.get(f"pembahasan_{a.pk}", ""),
            "tindak_lanjut": post.get(f"tindak_lanjut_{a.pk}", ""),
            "rekomendasi": post.get(f"rekomendasi_{a.pk}", ""),
            "alasan_penolakan": post.getlist(f"alasan_{a.pk}"),
            "pertimbangan_persetujuan": post.getlist(f"pertimbangan_{a.pk}"),
        }
        for a in rapat.agenda.all()
    }
    return kehadiran, keputusan


@login_required
@permission_required(KELOLA, raise_exception=True)
@require_POST
def hasil(request, pk):
    rapat = _rapat(pk)
    kehadiran, keputusan = _isian_hasil(request.POST, rapat)
    pimpinan = next(
        (
            j
            for j in (k.jabatan for k in rapat.kehadiran.all())
            if j and str(j.pk) == request.POST.get("pimpinan")
        ),
        None,
    )
    try:
        services.rapat_hasil_catat(
            rapat=rapat,
            user=request.user,
            kehadiran=kehadiran,
            pimpinan=pimpinan,
            ringkasan=request.POST.get("ringkasan", ""),
            keputusan=keputusan,
            alasan_pengganti=request.POST.get("alasan_pengganti", ""),
            notulis=request.POST.get("notulis", ""),
            nomor=request.POST.get("nomor", ""),
        )
    except RuleViolation as exc:
        for k in rapat.kehadiran.all():
            k.isi = kehadiran[k.pk]
        for a in rapat.agenda.all():
            a.isi = keputusan[a.pk]
        rapat.isian = request.POST
        galat = [pesan_pelanggaran(p) for p in exc.pelanggaran]
        return _detail(request, rapat, status=422, galat=galat)
    messages.success(request, _("Hasil rapat dicatat. Hasilkan Berita Acara dan Notulen."))
    return redirect("tkksd:rapat", rapat.pk)


@login_required
@permission_required(KELOLA, raise_exception=True)
@require_POST
def batal(request, pk):
    rapat = _rapat(pk)
    form = BatalForm(request.POST)
    selesai = form_layanan(
        request,
        form,
        lambda d: services.rapat_batalkan(rapat=rapat, user=request.user, **d),
        lambda _h: (_("Rapat dibatalkan."), reverse("tkksd:rapat", args=[rapat.pk])),
    )
    if selesai:
        return selesai
    return _detail(request, rapat, status=422, form_batal=form)


@login_required
@permission_required(KELOLA, raise_exception=True)
@require_POST
def dokumen(request, pk):
    rapat = _rapat(pk)
    return aksi_tombol(
        request,
        lambda: services.rapat_dokumen_hasilkan(rapat=rapat, user=request.user),
        sukses=_("Berita Acara dan Notulen dihasilkan (Pasal 39)."),
        kembali=reverse("tkksd:rapat", args=[rapat.pk]),
    )


@login_required
@permission_required(KELOLA, raise_exception=True)
@require_POST
def undangan(request, pk):
    rapat = _rapat(pk)
    return aksi_tombol(
        request,
        lambda: services.rapat_undangan_hasilkan(rapat=rapat, user=request.user),
        sukses=_("Surat undangan dihasilkan; unduh dan tandatangani."),
        kembali=reverse("tkksd:rapat", args=[rapat.pk]),
    )
