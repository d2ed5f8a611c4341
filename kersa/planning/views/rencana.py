"""Pages of the plan lists (Pasal 7 ayat 2–5, Pasal 8 ayat 2–5): the lists per year and
category, one identification with its items, the item forms, setting the list with
its Berita Acara, reopening, and the XLSX export of a year's lists."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kersa.agreements.choices import Kategori
from kersa.core.layanan import aksi_tombol, form_layanan
from kersa.core.saring import TAHUN_MAKS, TAHUN_MIN, tahun_dari
from kersa.planning.izin import RENCANA_KELOLA as KELOLA
from kersa.planning.izin import RENCANA_LIHAT as LIHAT

from .. import selectors, services
from ..choices import StatusIdentifikasi
from ..forms import BukaKembaliForm, ButirForm, IdentifikasiForm, TetapkanForm
from ..models import ButirRencana, Identifikasi


@login_required
@permission_required(LIHAT, raise_exception=True)
def daftar(request):
    tahun = tahun_dari(request.GET.get("tahun"))
    kategori = request.GET.get("kategori", "")
    if kategori not in Kategori.values:
        kategori = ""
    daftar = list(selectors.identifikasi_list(tahun=tahun, kategori=kategori))
    for ident in daftar:
        ident.peringatan = selectors.peringatan_p8_5(ident)
    semua_tahun = sorted(
        set(Identifikasi.objects.values_list("tahun_rencana", flat=True)), reverse=True
    )
    return render(
        request,
        "planning/rencana.html",
        {
            "daftar": daftar,
            "tahun": tahun,
            "kategori": kategori,
            "semua_tahun": semua_tahun,
            "pilihan_kategori": Kategori.choices,
            "boleh_kelola": request.user.has_perm(KELOLA),
        },
    )


@login_required
@permission_required(KELOLA, raise_exception=True)
def mulai(request):
    form = IdentifikasiForm(request.POST if request.method == "POST" else None)
    selesai = form_layanan(
        request,
        form,
        lambda d: services.identifikasi_mulai(user=request.user, **d),
        lambda ident: (
            _("Identifikasi dan Pemetaan %s dimulai.") % ident,
            reverse("rencana:detail", args=[ident.pk]),
        ),
    )
    if selesai:
        return selesai
    return render(
        request,
        "planning/form.html",
        {"form": form, "judul": _("Mulai Identifikasi dan Pemetaan"), "tombol": _("Mulai")},
    )


@login_required
@permission_required(LIHAT, raise_exception=True)
def detail(request, pk: int):
    return _halaman_detail(request, pk)


def _halaman_detail(request, pk: int, *, form_tetapkan=None, form_buka=None, status=200):
    """The page of one identification; a refused setting or reopening comes back on it
    with its form bound, so the error shows on its field and what was typed stays."""
    try:
        ident = selectors.identifikasi_detail(pk, user=request.user)
    except Identifikasi.DoesNotExist as exc:
        raise Http404 from exc
    boleh = request.user.has_perm(KELOLA)
    disusun = ident.status == StatusIdentifikasi.PENYUSUNAN
    versi = None
    if ident.berita_acara_id:
        versi = ident.berita_acara.versi.select_related("berkas").order_by("-nomor").first()
    if form_tetapkan is None and boleh and disusun:
        form_tetapkan = TetapkanForm()
    if form_buka is None and boleh and not disusun:
        form_buka = BukaKembaliForm()
    return render(
        request,
        "planning/detail.html",
        {
            "ident": ident,
            "kelompok": selectors.butir_per_urusan(ident),
            "peringatan": selectors.peringatan_p8_5(ident),
            "boleh_ubah": boleh and disusun,
            "boleh_buka": boleh and not disusun,
            "form_tetapkan": form_tetapkan,
            "form_buka": form_buka,
            "versi_ba": versi,
        },
        status=status,
    )


def _identifikasi_disusun(pk: int) -> Identifikasi:
    ident = get_object_or_404(Identifikasi, pk=pk)
    return ident


@login_required
@permission_required(KELOLA, raise_exception=True)
def butir_tambah(request, pk: int):
    ident = _identifikasi_disusun(pk)
    form = ButirForm(request.POST if request.method == "POST" else None, kategori=ident.kategori)
    selesai = form_layanan(
        request,
        form,
        lambda d: services.butir_tambah(identifikasi=ident, user=request.user, **form.argumen()),
        lambda _h: (_("Butir rencana ditambahkan."), reverse("rencana:detail", args=[ident.pk])),
    )
    if selesai:
        return selesai
    return render(
        request,
        "planning/form.html",
        {
            "form": form,
            "ident": ident,
            "judul": _("Tambah butir rencana — %s") % ident,
            "tombol": _("Simpan butir"),
        },
    )


@login_required
@permission_required(KELOLA, raise_exception=True)
def butir_ubah(request, pk: int):
    butir = get_object_or_404(ButirRencana.objects.select_related("identifikasi"), pk=pk)
    ident = butir.identifikasi
    form = ButirForm(request.POST if request.method == "POST" else None, butir=butir)
    selesai = form_layanan(
        request,
        form,
        lambda d: services.butir_ubah(butir=butir, user=request.user, **form.argumen()),
        lambda _h: (_("Butir rencana diubah."), reverse("rencana:detail", args=[ident.pk])),
    )
    if selesai:
        return selesai
    return render(
        request,
        "planning/form.html",
        {
            "form": form,
            "ident": ident,
            "judul": _("Ubah butir rencana — %s") % ident,
            "tombol": _("Simpan perubahan"),
        },
    )


@require_POST
@login_required
@permission_required(KELOLA, raise_exception=True)
def butir_hapus(request, pk: int):
    butir = get_object_or_404(ButirRencana, pk=pk)
    return aksi_tombol(
        request,
        lambda: services.butir_hapus(butir=butir, user=request.user),
        sukses=_("Butir rencana dihapus."),
        kembali=reverse("rencana:detail", args=[butir.identifikasi_id]),
    )


@require_POST
@login_required
@permission_required(KELOLA, raise_exception=True)
def tetapkan(request, pk: int):
    ident = get_object_or_404(Identifikasi, pk=pk)
    form = TetapkanForm(request.POST)
    selesai = form_layanan(
        request,
        form,
        lambda d: services.identifikasi_tetapkan(identifikasi=ident, user=request.user, **d),
        lambda _h: (
            _("Daftar rencana ditetapkan; Berita Acara dibuat."),
            reverse("rencana:detail", args=[ident.pk]),
        ),
    )
    if selesai:
        return selesai
    return _halaman_detail(request, ident.pk, form_tetapkan=form, status=422)


@require_POST
@login_required
@permission_required(KELOLA, raise_exception=True)
def buka_kembali(request, pk: int):
    ident = get_object_or_404(Identifikasi, pk=pk)
    form = BukaKembaliForm(request.POST)
    selesai = form_layanan(
        request,
        form,
        lambda d: services.identifikasi_buka_kembali(
            identifikasi=ident, user=request.user, alasan=d["alasan"]
        ),
        lambda _h: (
            _("Daftar rencana dibuka kembali untuk koreksi."),
            reverse("rencana:detail", args=[ident.pk]),
        ),
    )
    if selesai:
        return selesai
    return _halaman_detail(request, ident.pk, form_buka=form, status=422)


@login_required
@permission_required(LIHAT, raise_exception=True)
def xlsx(request, tahun: int):
    """The lists of a plan year as a workbook, one sheet per category."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
        raise Http404
    daftar = list(selectors.identifikasi_list(tahun=tahun))
    if not daftar:
        raise Http404
    wb = Workbook()
    wb.remove(wb.active)
    kolom = [
        _("No."),
        _("Urusan"),
        _("Program"),
        _("Kegiatan"),
        _("Perangkat Daerah pengampu"),
        _("Daerah mitra"),
        _("Jangka waktu (bulan)"),
        _("Prioritas"),
        _("Perkiraan anggaran (Rp)"),
        _("Dokumen perencanaan"),
        _("Forum provinsi"),
        _("Tanggal forum"),
        _("KSDD pelaksana"),
    ]
    for ident in daftar:
        ident = selectors.identifikasi_detail(ident.pk, user=request.user)
        ws = wb.create_sheet(ident.get_kategori_display()[:31])
        ws.append(
            [
                _("Daftar rencana KSDD %(k)s tahun %(n)s")
                % {"k": ident.get_kategori_display(), "n": tahun}
            ]
        )
        ws["A1"].font = Font(bold=True)
        ws.append(
            [
                _("Status: %s") % ident.get_status_display(),
                _("Berita Acara: %s") % (ident.nomor_berita_acara or "-"),
                ident.tanggal_berita_acara,
            ]
        )
        ws.append(kolom)
        for sel in ws[3]:
            sel.font = Font(bold=True)
            sel.alignment = Alignment(wrap_text=True)
        n = 0
        for _u, items in selectors.butir_per_urusan(ident):
            for b in items:
                n += 1
                ws.append(
                    [
                        n,
                        b.urusan.nama,
                        b.program,
                        b.kegiatan,
                        b.perangkat_daerah.nama,
                        ", ".join(m.nama_lengkap for m in b.mitra.all()),
                        b.jangka_waktu_bulan,
                        b.get_prioritas_display(),
                        b.perkiraan_anggaran,
                        b.dokumen_rencana,
                        b.get_forum_provinsi_display() if b.forum_provinsi else "",
                        b.tanggal_forum,
                        ", ".join(k.nomor_register for k in b.ksdd.all()),
                    ]
                )
        for huruf, lebar in zip(
            "ABCDEFGHIJKLM", (5, 28, 36, 44, 30, 26, 10, 10, 18, 24, 18, 12, 20), strict=True
        ):
            ws.column_dimensions[huruf].width = lebar
    out = io.BytesIO()
    wb.save(out)
    resp = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    resp["Content-Disposition"] = f'attachment; filename="rencana-ksdd-{tahun}.xlsx"'
    return resp
