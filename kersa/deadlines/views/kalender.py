"""The working-day calendar page: a year as twelve month grids, the list of its days
off with their source, how periods are counted, and (for the secretariat) the form
that adds an entry to ``HariLibur``.

The page reads the year's ``HariLibur`` rows in one query and builds its
``Kalender`` from them, so its query count does not grow with the entries.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import holidays
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext as _g
from django.utils.translation import gettext_lazy as _

from kersa.core.errors import RuleViolation

from .. import services
from ..choices import JenisHari, Satuan, StatusTenggat
from ..forms import HariLiburForm, KonfirmasiSkbForm
from ..kalender import Kalender, _nasional, perkiraan_paket
from ..models import HariLibur, KonfirmasiSkb, Tenggat

TAHUN_MIN, TAHUN_MAX = 2000, 2100

# The kinds of a day, as CSS class and label of the legend.
JENIS_HARI = {
    "nasional": _("Libur nasional (SKB 3 Menteri)"),
    "cuti": _("Cuti bersama (SKB 3 Menteri)"),
    "daerah": _("Libur ditetapkan daerah"),
    "masuk": _("Hari kerja pengganti (ditetapkan daerah)"),
    "pekan": _("Sabtu dan Minggu"),
}


@lru_cache(maxsize=32)
def _cuti_bersama(tahun: int) -> frozenset[dt.date]:
    """The cuti bersama of the year's SKB (the package's "government" category)."""
    return frozenset(
        holidays.country_holidays("ID", years=tahun, categories=("government",)).keys()
    )


@dataclass(frozen=True)
class Hari:
    tanggal: dt.date
    jenis: str  # a key of JENIS_HARI, or "" for a working day
    nama: str = ""
    entri: HariLibur | None = None

    @property
    def semula(self) -> str:
        """For a worked day: the listed day off it replaces (empty for a weekend)."""
        if self.jenis != "masuk":
            return ""
        return _nasional(self.tanggal.year).get(self.tanggal, "")

    @property
    def label(self) -> str:
        return str(JENIS_HARI.get(self.jenis, ""))

    @property
    def sumber(self) -> str:
        if self.entri is not None:
            return _g("Ditetapkan daerah")
        return _g("SKB 3 Menteri")


def _hari(tanggal: dt.date, kal: Kalender, entri: dict[dt.date, HariLibur]) -> Hari:
    e = entri.get(tanggal)
    if e is not None and e.jenis == JenisHari.MASUK:
        return Hari(tanggal, "masuk", e.nama, e)
    if e is not None:
        return Hari(tanggal, "daerah", e.nama, e)
    nama = kal.libur(tanggal.year).get(tanggal)
    if nama:
        return Hari(tanggal, "cuti" if tanggal in _cuti_bersama(tanggal.year) else "nasional", nama)
    if tanggal.weekday() >= 5:
        return Hari(tanggal, "pekan", kal.nama_libur(tanggal) or "")
    return Hari(tanggal, "")


def _bulan(tahun: int, bulan: int, kal: Kalender, entri) -> dict:
    minggu = []
    hari_kerja = 0
    for pekan in calendar.Calendar(firstweekday=0).monthdatescalendar(tahun, bulan):
        baris = []
        for tanggal in pekan:
            if tanggal.month != bulan:
                baris.append(None)
                continue
            hari = _hari(tanggal, kal, entri)
            hari_kerja += hari.jenis in ("", "masuk")
            baris.append(hari)
        minggu.append(baris)
    return {
        "nama": date_format(dt.date(tahun, bulan, 1), "F"),
        "minggu": minggu,
        "hari_kerja": hari_kerja,
    }


def _contoh(kal: Kalender, tahun: int) -> dict:
    """A worked example for the explanation box: a letter received on 13 March of
    the year (or the working day before it)."""
    diterima = dt.date(tahun, 3, 13)
    while not kal.hari_kerja(diterima):
        diterima -= dt.timedelta(days=1)
    kalender_30 = kal.jatuh_tempo(Satuan.HARI_KALENDER, diterima, 30)
    return {
        "diterima": diterima,
        "hk_15": kal.jatuh_tempo(Satuan.HARI_KERJA, diterima, 15),
        "hk_1": kal.tambah_hari_kerja(diterima, 1),
        "kal_30": kalender_30,
        "kal_30_libur": kal.nama_libur(kalender_30),
    }


def _status_skb(tahun: int) -> dict:
    """Whether the year's holidays are the SKB's or an estimate (RULES.md, the calendar
    paragraph), the confirmation when recorded, and how many running clocks rest on the
    estimate (none for a year whose SKB is in the data; else two)."""
    if not perkiraan_paket(tahun):  # the SKB is in the data: nothing to confirm, no query
        return {"konfirmasi": None, "perkiraan": False, "tenggat_perkiraan": 0}
    konfirmasi = KonfirmasiSkb.objects.filter(tahun=tahun).select_related("dicatat_oleh").first()
    perkiraan = konfirmasi is None
    return {
        "konfirmasi": konfirmasi,
        "perkiraan": perkiraan,
        "tenggat_perkiraan": (
            Tenggat.objects.filter(tahun_perkiraan=tahun, status=StatusTenggat.BERJALAN).count()
            if perkiraan
            else 0
        ),
    }


def _izin_lihat(user) -> None:
    if not user.has_perm("agreements.view_ksdd"):
        raise PermissionDenied(_("Anda belum mempunyai peran yang dapat melihat kalender kerja."))


@login_required
def kalender_sekarang(request):
    """The calendar of the current year."""
    return redirect("deadlines:kalender", tahun=timezone.localdate().year)


@login_required
def kalender_tahun(request, tahun: int):
    """A year's working-day calendar; POST adds (``aksi=tambah``) or removes
    (``aksi=hapus``) an entry of the secretariat's table."""
    user = request.user
    _izin_lihat(user)
    if not TAHUN_MIN <= tahun <= TAHUN_MAX:
        raise Http404(_("Tahun di luar jangkauan kalender."))
    form = HariLiburForm(initial={"jenis": JenisHari.LIBUR})
    form_skb = KonfirmasiSkbForm()
    if request.method == "POST":
        if request.POST.get("aksi") == "konfirmasi":
            if not user.has_perm("deadlines.add_harilibur"):
                raise PermissionDenied(_("Anda tidak berwenang mengubah kalender kerja."))
            form_skb = KonfirmasiSkbForm(request.POST)
            if form_skb.is_valid():
                try:
                    k = services.skb_konfirmasi(tahun=tahun, user=user, **form_skb.argumen())
                except RuleViolation as exc:
                    form_skb.tambah_pelanggaran(exc)
                else:
                    messages.success(
                        request,
                        gettext(
                            "Hari libur tahun %(tahun)s dikonfirmasi dengan SKB %(nomor)s: "
                            "jatuh tempo pada tahun ini bukan lagi perkiraan."
                        )
                        % {"tahun": k.tahun, "nomor": k.nomor},
                    )
                    return redirect("deadlines:kalender", tahun=tahun)
        elif request.POST.get("aksi") == "hapus":
            hari = get_object_or_404(HariLibur, pk=request.POST.get("hari"))
            services.hari_libur_hapus(hari=hari, user=user)
            messages.success(
                request,
                _g("Entri %(tanggal)s dihapus dari kalender kerja.")
                % {"tanggal": date_format(hari.tanggal, "l, j F Y")},
            )
            return redirect("deadlines:kalender", tahun=tahun)
        elif not user.has_perm("deadlines.add_harilibur"):
            raise PermissionDenied(_("Anda tidak berwenang mengubah kalender kerja."))
        else:
            form = HariLiburForm(request.POST)
        if form.is_bound and form.is_valid():
            try:
                hari = services.hari_libur_catat(user=user, **form.argumen())
            except RuleViolation as exc:
                form.tambah_pelanggaran(exc)
            else:
                messages.success(
                    request,
                    _g("%(tanggal)s dicatat dalam kalender kerja: %(nama)s.")
                    % {"tanggal": date_format(hari.tanggal, "l, j F Y"), "nama": hari.nama},
                )
                return redirect("deadlines:kalender", tahun=hari.tanggal.year)

    entri = {h.tanggal: h for h in HariLibur.objects.filter(tanggal__year=tahun)}
    kal = Kalender(entri={t: (h.jenis, h.nama) for t, h in entri.items()})
    bulan = [_bulan(tahun, b, kal, entri) for b in range(1, 13)]
    tanggal_lain = sorted(set(kal.libur(tahun)) | set(entri))
    daftar = [_hari(t, kal, entri) for t in tanggal_lain]
    context = {
        "tahun": tahun,
        "sebelum": tahun - 1 if tahun > TAHUN_MIN else None,
        "sesudah": tahun + 1 if tahun < TAHUN_MAX else None,
        "bulan": bulan,
        "daftar": daftar,
        "jenis_hari": JENIS_HARI,
        "hari_kerja_setahun": sum(b["hari_kerja"] for b in bulan),
        "hari_ini": timezone.localdate(),
        "contoh": _contoh(kal, tahun),
        "form": form,
        "form_skb": form_skb,
        "skb": _status_skb(tahun),
        "boleh_tambah": user.has_perm("deadlines.add_harilibur"),
        "boleh_hapus": user.has_perm("deadlines.delete_harilibur"),
        "nama_hari": [date_format(dt.date(2024, 1, d), "D") for d in range(1, 8)],
    }
    return render(request, "deadlines/kalender.html", context)
