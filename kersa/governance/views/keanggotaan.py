"""Pages of TKKSD membership and work programme: decrees (Pasal 34 ayat 1 and 4), their
ex-officio offices (Pasal 35) and holders, and the yearly work programme (Pasal 37 ayat 2)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.core.errors import RuleViolation
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
    if request.method == "POST" and form.is_valid():
        try:
            kep = services.keputusan_catat(user=request.user, **form.cleaned_data)
        except RuleViolation as exc:
            form.tambah_pelanggaran(exc)
        else:
            messages.success(request, _("Keputusan Bupati %s dicatat.") % kep.nomor)
            return redirect("tkksd:keputusan", kep.pk)
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
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.jabatan_tambah(keputusan=kep, user=request.user, **form.cleaned_data)
            except RuleViolation as exc:
                form.tambah_pelanggaran(exc)
            else:
                messages.success(request, _("Jabatan ditambahkan."))
                return redirect("tkksd:keputusan", kep.pk)
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
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.pemangku_angkat(jabatan=jabatan, user=request.user, **form.cleaned_data)
            except RuleViolation as exc:
                form.tambah_pelanggaran(exc)
            else:
                messages.success(request, _("Pemangku jabatan dicatat."))
                return redirect("tkksd:jabatan", jabatan.pk)
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
    if request.method == "POST" and form.is_valid():
        try:
            program = services.program_kerja_buat(user=request.user, **form.cleaned_data)
        except RuleViolation as exc:
            form.tambah_pelanggaran(exc)
        else:
            messages.success(request, _("Rancangan program kerja %s disusun.") % program.tahun)
            return redirect("tkksd:program", program.pk)
    return _form(
        request, form, _("Susun program kerja TKKSD"), _("Simpan"), reverse("tkksd:daftar")
    )


@login_required
@permission_required(LIHAT_PROGRAM, raise_exception=True)
def program_detail(request, pk):
    program = get_object_or_404(ProgramKerja.objects.select_related("ditetapkan_dalam"), pk=pk)
    boleh = request.user.has_perm("governance.kelola_rapat") and not program.ditetapkan_dalam_id
    form = KegiatanForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.kegiatan_tambah(program=program, user=request.user, **form.cleaned_data)
            except RuleViolation as exc:
                form.tambah_pelanggaran(exc)
            else:
                messages.success(request, _("Kegiatan ditambahkan."))
                return redirect("tkksd:program", program.pk)
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
