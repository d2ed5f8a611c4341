"""Register (list) and KSDD page. Owned by the web/register work.

Both pages read through ``selectors`` only and run a fixed number of SQL queries
whatever the number of KSDD (tests assert it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django_filters import fields as filter_fields

from kersa.regions.models import Wilayah
from kersa.regions.selectors import wilayah_daerah

from .. import rules
from ..choices import STATUS_AKHIR, TAHAP_STATUS, Status, Tahap
from ..filters import KsddFilter
from ..models import Kak, Ksdd, RiwayatTahap
from ..selectors import ksdd_detail, ksdd_list, ksdd_visible_to, transisi_tersedia
from ..services import dapat_ubah_dasar_dprd
from ..workflow import TRANSISI

PER_HALAMAN = 25

# Stages h, i and j run together once the PKS is signed (Pasal 13 huruf h–j).
_TAHAP_PELAKSANAAN = (Tahap.PELAKSANAAN, Tahap.PENATAUSAHAAN, Tahap.PELAPORAN)
_STATUS_DPRD = frozenset({Status.PERMOHONAN_DPRD, Status.MENUNGGU_DPRD})

# History actions that are not workflow transitions (services.umum._riwayat).
_AKSI_LAIN = {
    "buat": _("KSDD dicatat"),
    "ubah": _("Data KSDD diubah"),
    "ubah_kak": _("KAK diubah"),
    "bantuan_pendanaan": _("Bantuan pendanaan dicatat"),
    "surat_kuasa": _("Surat Kuasa dicatat"),
    "cabut_surat_kuasa": _("Surat Kuasa dicabut"),
    "daftarkan": _("Didaftarkan setelah ditandatangani (Pasal 26)"),
}


def _izin_lihat(user) -> None:
    """A logged-in user without a role gets 403, never an empty page that pretends."""
    if not user.has_perm("agreements.view_ksdd"):
        raise PermissionDenied(_("Anda belum mempunyai peran yang dapat melihat KSDD."))


# --- Register ------------------------------------------------------------------


@login_required
def daftar(request):
    """The KSDD register with the filters of ``KsddFilter``, 25 a page."""
    user = request.user
    _izin_lihat(user)
    saring = KsddFilter(request.GET or None, queryset=ksdd_list(user=user))
    fields = saring.form.fields
    # Only the regions that are partners of a KSDD this user sees: a short list
    # instead of every region of Indonesia (slow connections).
    fields["mitra"].queryset = Wilayah.objects.filter(
        ksdd_sebagai_mitra__in=ksdd_visible_to(user)
    ).distinct()
    for field in fields.values():
        if hasattr(field, "empty_label"):
            field.empty_label = _("Semua")
        if isinstance(field, filter_fields.ChoiceField):
            # Re-bind the choice iterator to this form's copy of the field.
            field.choices = field.choices.choices
    qs = saring.qs if not saring.is_bound or saring.is_valid() else ksdd_list(user=user).none()
    halaman = Paginator(qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    params = request.GET.copy()
    params.pop("halaman", None)
    context = {
        "saring": saring,
        "halaman": halaman,
        "params": params.urlencode(),
        "disaring": any(v for k, v in request.GET.items() if k != "halaman"),
    }
    parsial = request.htmx and not request.htmx.history_restore_request
    template = "agreements/partials/ksdd_tabel.html" if parsial else "agreements/ksdd_list.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


# --- KSDD page -----------------------------------------------------------------


@dataclass(frozen=True)
class LangkahTahap:
    """One stage of Pasal 13 as the stepper shows it."""

    kode: str
    label: str
    keadaan: str  # selesai | berjalan | dilewati | berakhir | belum
    keterangan: str


_KEADAAN = {
    "selesai": _("selesai"),
    "berjalan": _("sedang berjalan"),
    "dilewati": _("dilewati"),
    "belum": _("belum"),
}


def tahapan_ksdd(ksdd: Ksdd, riwayat: list[RiwayatTahap]) -> list[LangkahTahap]:
    """The ten stages of Pasal 13 for this KSDD, each done, current, skipped, ended or
    not yet, read from its status and its history (no query)."""
    urutan = list(Tahap)
    berakhir = ksdd.status in STATUS_AKHIR
    if berakhir:
        # Where it ended: the status it left on its last move into an end state.
        dari = next((r.dari for r in reversed(riwayat) if r.dari not in STATUS_AKHIR), None)
        kini = TAHAP_STATUS.get(dari, Tahap.PERSIAPAN)
    else:
        kini = TAHAP_STATUS[ksdd.status]
    i_kini = urutan.index(kini)
    masuk_dprd = any(r.ke in _STATUS_DPRD for r in riwayat)
    dprd_dilewati = any(isinstance(r.data, dict) and r.data.get("dprd_dilewati") for r in riwayat)
    # P26: a KSDD registered after its signing went through these stages on paper.
    di_kertas = {
        t for r in riwayat if r.aksi == "daftarkan" for t in (r.data or {}).get("dilewati", [])
    }
    ket_kini = str(Status(ksdd.status).label)
    hasil = []
    for i, tahap in enumerate(urutan):
        sejalan = kini == Tahap.PELAKSANAAN and tahap in _TAHAP_PELAKSANAAN
        if i == i_kini or sejalan:
            if berakhir:
                keadaan, keterangan = "berakhir", ket_kini
            else:
                keadaan, keterangan = "berjalan", str(_KEADAAN["berjalan"])
                if i == i_kini and ket_kini != str(tahap.label):
                    keterangan = f"{keterangan}: {ket_kini}"
        elif i < i_kini and tahap.value in di_kertas:
            keadaan, keterangan = "selesai", str(_("di atas kertas, sebelum register"))
        elif i < i_kini:
            keadaan = "selesai"
            if tahap == Tahap.PERSETUJUAN_DPRD and not masuk_dprd:
                # P21-1: skipped when not required; otherwise still owed.
                perlu = ksdd.memerlukan_persetujuan_dprd
                keadaan = "dilewati" if dprd_dilewati or not perlu else "belum"
            keterangan = str(_KEADAAN[keadaan])
        else:
            keadaan = "belum"
            keterangan = str(_KEADAAN[keadaan])
        hasil.append(LangkahTahap(tahap.value, str(tahap.label), keadaan, keterangan))
    return hasil


def _label_aksi(aksi: str) -> str:
    t = TRANSISI.get(aksi)
    if t is not None:
        return str(t.label)
    return str(_AKSI_LAIN.get(aksi, aksi))


def _perpanjangan(riwayat: list[RiwayatTahap]) -> list[dict]:
    """The KB's extensions (P19-3) as their steps recorded them (``RiwayatTahap.data``
    and the scan among its files): read from the history the page loads anyway, so the
    page needs no query of its own for them (its budget: 30)."""
    baris = []
    for r in riwayat:
        if r.aksi != "perpanjang_kb":
            continue
        d = r.data
        baris.append(
            {
                "pk": d.get("perpanjangan"),
                "nomor": d["nomor_surat"],
                "tanggal_kesepakatan": dt.date.fromisoformat(d["tanggal_kesepakatan"]),
                "berakhir_sebelumnya": dt.date.fromisoformat(d["berakhir_sebelumnya"]),
                "berakhir_baru": dt.date.fromisoformat(d["berakhir_baru"]),
                "berkas": next(iter(r.berkas.all()), None),
            }
        )
    return baris


@login_required
def detail(request, pk: int):
    """One KSDD: the record, its KAK, the stages, what can be done next and what
    still blocks it (before the user tries), and its history."""
    user = request.user
    _izin_lihat(user)
    try:
        ksdd = ksdd_detail(user=user, pk=pk)
    except Ksdd.DoesNotExist:
        raise Http404(_("KSDD tidak ditemukan.")) from None
    riwayat = list(ksdd.riwayat.all())
    for r in riwayat:
        r.label_aksi = _label_aksi(r.aksi)
    kak = getattr(ksdd, "kak", None)
    tersedia = transisi_tersedia(ksdd, user)
    # Cancelling goes last: it is not the way forward.
    tersedia.sort(key=lambda t: t.nama == "batalkan")
    context = {
        "ksdd": ksdd,
        "daerah": wilayah_daerah(),
        "mitra": list(ksdd.mitra.all()),
        "urusan": list(ksdd.urusan.all()),
        "tujuan": list(ksdd.tujuan.all()),
        "kak": kak,
        "kak_bagian": [
            {"label": label, "isi": getattr(kak, f, "") if kak else ""} for f, label in Kak.BAGIAN
        ],
        "perlu_dprd": ksdd.memerlukan_persetujuan_dprd,
        "alasan_dprd": rules.alasan_dprd(ksdd),
        "tahapan": tahapan_ksdd(ksdd, riwayat),
        "langkah": [{"transisi": t, "hambatan": t.hambatan(ksdd)} for t in tersedia],
        "riwayat": riwayat,
        # The KB and PKS, the KB's extensions and the PKS's warnings (P19-3).
        "naskah": sorted(ksdd.naskah.all(), key=lambda n: n.jenis),
        "perpanjangan": _perpanjangan(riwayat),
        # P24-2, P24-3: its Surat Kuasa, for whoever sees the KSDD; recorded and revoked
        # by the roles holding the permissions (views/surat_kuasa.py).
        "surat_kuasa": list(
            ksdd.surat_kuasa.select_related("perangkat_daerah").order_by("-tanggal", "-id")
        ),
        "boleh_catat_sk": user.has_perm("agreements.add_suratkuasa"),
        "boleh_cabut_sk": user.has_perm("agreements.change_suratkuasa"),
        "boleh_ubah": (
            user.has_perm("agreements.change_ksdd") and ksdd.status == Status.PENYUSUNAN_KAK
        ),
        # P21-1: after the KAK, the secretariat or the Ketua change the DPRD inputs.
        "boleh_ubah_dasar_dprd": (
            ksdd.status != Status.PENYUSUNAN_KAK
            and not ksdd.sudah_berakhir
            and dapat_ubah_dasar_dprd(user)
        ),
    }
    return render(request, "agreements/ksdd_detail.html", context)


urlpatterns = [
    path("", daftar, name="daftar"),
    path("<int:pk>/", detail, name="detail"),
]
