"""Pages of TKKSD membership and work programme: decrees (Pasal 34 ayat 1 and 4), their
ex-officio offices (Pasal 35) and holders, and the yearly work programme (Pasal 37 ayat 2)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.core.layanan import form_layanan
from kersa.governance.izin import KEANGGOTAAN_KELOLA as KELOLA
from kersa.governance.izin import KEANGGOTAAN_LIHAT as LIHAT
from kersa.governance.izin import KEANGGOTAAN_LIHAT_PROGRAM as LIHAT_PROGRAM

from .. import selectors, services
from ..forms import JabatanForm, KegiatanForm, KeputusanForm, PemangkuForm, ProgramForm
from ..models import Jabatan, KeputusanBupati, ProgramKerja


def _form(request, form, judul, tombol, kembali):
    return render(
        request,
        "governance/form.html",
        {"form": form, "judul": judul, "tombol": tombol, "url_batal": kembali},
    )


@login_required
@permission_required(LIHAT, raise_exception=True)
def keputusan_daftar(request):
    return render(
        request,
        "governance/keputusan.html",
        {
            "daftar": KeputusanBupati.objects.all(),
            "boleh_kelola": request.user.has_perm(KELOLA),
        },
    )


@login_required
@permission_required(KELOLA, raise_exception=True)
def keputusan_buat(request):
    form = KeputusanForm(
        request.POST if request.method == "POST" else None, initial={"jabatan_default": True}
    )
    selesai = form_layanan(
        request,
        form,
        lambda d: services.keputusan_catat(user=request.user, **d),
        lambda kep: (
            _("Keputusan Bupati %s dicatat.") % kep.nomor,
            reverse("tkksd:keputusan", args=[kep.pk]),
        ),
    )
    if selesai:
        return selesai
    return _form(
        request,
        form,
        _("Catat Keputusan Bupati tentang TKKSD"),
        _("Simpan"),
        reverse("tkksd:keputusan_daftar"),
    )


@login_required
@permission_required(LIHAT, raise_exception=True)
def keputusan_detail(request, pk):
    kep = get_object_or_404(KeputusanBupati, pk=pk)
    boleh = request.user.has_perm(KELOLA)
    form = JabatanForm(request.POST if request.method == "POST" else None, keputusan=kep)
    if request.method == "POST" and not boleh:
        raise PermissionDenied
    selesai = form_layanan(
        request,
        form,
        lambda d: services.jabatan_tambah(keputusan=kep, user=request.user, **d),
        lambda _h: (_("Jabatan ditambahkan."), reverse("tkksd:keputusan", args=[kep.pk])),
    )
    if selesai:
        return selesai
    hari_ini = timezone.localdate()
    tanggal = hari_ini if kep.berlaku_mulai <= hari_ini else kep.berlaku_mulai
    return render(
        request,
        "governance/keputusan_detail.html",
        {
            "kep": kep,
            "susunan": selectors.susunan(kep, tanggal),
            "tanggal": tanggal,
            "form": form,
            "boleh_kelola": boleh,
        },
        status=422 if form.errors else 200,
    )


@login_required
@permission_required(LIHAT, raise_exception=True)
def jabatan_detail(request, pk):
    jabatan = get_object_or_404(Jabatan.objects.select_related("keputusan"), pk=pk)
    boleh = request.user.has_perm(KELOLA)
    form = PemangkuForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not boleh:
        raise PermissionDenied
    selesai = form_layanan(
        request,
        form,
        lambda d: services.pemangku_angkat(jabatan=jabatan, user=request.user, **d),
        lambda _h: (_("Pemangku jabatan dicatat."), reverse("tkksd:jabatan", args=[jabatan.pk])),
    )
    if selesai:
        return selesai
    return render(
        request,
        "governance/jabatan.html",
        {
            "jabatan": jabatan,
            "pemangku": jabatan.pemangku.order_by("-mulai"),
            "form": form,
            "boleh_kelola": boleh,
        },
        status=422 if form.errors else 200,
    )


@login_required
@permission_required("governance.kelola_rapat", raise_exception=True)
def program_buat(request):
    form = ProgramForm(
        request.POST if request.method == "POST" else None,
        initial={"tahun": timezone.localdate().year + 1},
    )
    selesai = form_layanan(
        request,
        form,
        lambda d: services.program_kerja_buat(user=request.user, **d),
        lambda program: (
            _("Rancangan program kerja %s disusun.") % program.tahun,
            reverse("tkksd:program", args=[program.pk]),
        ),
    )
    if selesai:
        return selesai
    return _form(
        request, form, _("Susun program kerja TKKSD"), _("Simpan"), reverse("tkksd:daftar")
    )


@login_required
@permission_required(LIHAT_PROGRAM, raise_exception=True)
def program_detail(request, pk):
    program = get_object_or_404(ProgramKerja.objects.select_related("ditetapkan_dalam"), pk=pk)
    boleh = request.user.has_perm("governance.kelola_rapat") and not program.ditetapkan_dalam_id
    form = KegiatanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and not boleh:
        raise PermissionDenied
    selesai = form_layanan(
        request,
        form,
        lambda d: services.kegiatan_tambah(program=program, user=request.user, **d),
        lambda _h: (_("Kegiatan ditambahkan."), reverse("tkksd:program", args=[program.pk])),
    )
    if selesai:
        return selesai
    return render(
        request,
        "governance/program.html",
        {
            "program": program,
            "kegiatan": program.kegiatan.all(),
            "form": form,
            "boleh_kelola": boleh,
        },
        status=422 if form.errors else 200,
    )
