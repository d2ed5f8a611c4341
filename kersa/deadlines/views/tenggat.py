"""The Tenggat page (what is overdue, due today, this week, later) and the personal
iCalendar feed.

The page reads through ``selectors`` and runs a fixed number of SQL queries whatever
the number of clocks (tests assert it). The feed needs no login: its secret token
is the key, and a wrong token is a 404.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kersa.core.saring import ID_MAKS, SaringTidakSah, id_dari
from kersa.notifications.ics import kalender_ics
from kersa.notifications.selectors import pengguna_dari_token, tenggat_untuk_pengguna
from kersa.regions.models import PerangkatDaerah

from ..selectors import (
    HARI_SEGERA,
    HARI_SEGERA_BAWAAN,
    TAMPIL,
    tenggat_halaman_kunci,
    tenggat_hitung_segera,
    tugas_terbuka,
)

JUDUL_GRUP = {
    "terlewat": _("Terlewat"),
    "hari_ini": _("Jatuh tempo hari ini"),
    "minggu_ini": _("Minggu ini (7 hari ke depan)"),
    "berikutnya": _("Berikutnya"),
    "selesai": _("Selesai (dicatat 30 hari terakhir)"),
}


def _pd_dipilih(request) -> tuple[int | None, list | None]:
    """(agency filter, agencies of the select). Operators see their own agency only;
    those who see every KSDD choose one or "semua"."""
    user = request.user
    if not user.has_perm("agreements.lihat_semua_ksdd"):
        return None, None
    pilihan = list(PerangkatDaerah.objects.filter(aktif=True).only("id", "nama", "singkatan"))
    # Issue 19: an id past 64 bits was a 500 from the database; now 400 with a message.
    return id_dari(request.GET.get("pd"), nama=_("Perangkat Daerah")), pilihan


JUDUL_TAMPIL = {
    "segera": _("Perlu tindakan segera"),
    **JUDUL_GRUP,
    "semua": _("Semua"),
}


def _pilihan(request, nama: str, pilihan: tuple, bawaan):
    """``?nama=`` among ``pilihan`` (``bawaan`` when empty); anything else is a 400 that
    says so (issue 19: no silent fallback)."""
    nilai = (request.GET.get(nama) or "").strip()
    if not nilai:
        return bawaan
    for p in pilihan:
        if nilai == str(p):
            return p
    raise SaringTidakSah(
        _("Pilihan %(nama)s “%(nilai)s” tidak sah.") % {"nama": nama, "nilai": nilai[:20]}
    )


def _setelah(request) -> tuple[dt.date, int] | None:
    """The keyset of the page (``?setelah=YYYY-MM-DD_id``: the last row of the page
    before), None on the first page."""
    nilai = (request.GET.get("setelah") or "").strip()
    if not nilai:
        return None
    tgl, _sep, pk = nilai.partition("_")
    try:
        tanggal = dt.date.fromisoformat(tgl)
    except ValueError:
        tanggal = None
    if tanggal is None or not pk.isascii() or not pk.isdigit() or int(pk) > ID_MAKS:
        raise SaringTidakSah(_("Halaman “%(nilai)s” tidak sah.") % {"nilai": nilai[:30]})
    return tanggal, int(pk)


@login_required
def daftar(request):
    """The Tenggat page: by default what needs action soon (missed clocks, and open
    clocks due within ``?hari=`` days), or one group, or everything (``?tampil=``), of
    one agency (``?pd=``), 50 a page read by keyset (``?setelah=``): the bytes of a
    page and its queries do not grow with the register (issue 18 item 3)."""
    user = request.user
    if not user.has_perm("agreements.view_ksdd"):
        raise PermissionDenied(_("Anda belum mempunyai peran yang dapat melihat tenggat KSDD."))
    pd, pilihan = _pd_dipilih(request)
    tampil = _pilihan(request, "tampil", TAMPIL, "segera")
    hari = _pilihan(request, "hari", HARI_SEGERA, HARI_SEGERA_BAWAAN)
    setelah = _setelah(request)
    hari_ini = timezone.localdate()
    baris, berikut = tenggat_halaman_kunci(
        user=user,
        hari_ini=hari_ini,
        tampil=tampil,
        hari=hari,
        perangkat_daerah_id=pd,
        setelah=setelah,
    )
    # Consecutive rows of one group under one heading (the page is ordered by due date,
    # so the groups come in the order of GRUP).
    grup: list[dict] = []
    for b in baris:
        if not grup or grup[-1]["kode"] != b.grup:
            grup.append({"kode": b.grup, "judul": JUDUL_GRUP[b.grup], "baris": []})
        grup[-1]["baris"].append(b)
    jumlah = tenggat_hitung_segera(user=user, hari_ini=hari_ini, hari=hari, perangkat_daerah_id=pd)
    params = {"tampil": tampil, "hari": hari}
    if pd:
        params["pd"] = pd
    context = {
        "grup": grup,
        "tampil": tampil,
        "judul_tampil": JUDUL_TAMPIL[tampil],
        "pilihan_tampil": [
            {"kode": k, "judul": JUDUL_TAMPIL[k], "jumlah": jumlah.get(k)} for k in TAMPIL
        ],
        "hari": hari,
        "pilihan_hari": HARI_SEGERA,
        "jumlah": len(baris),
        "hari_ini": hari_ini,
        "pilihan_pd": pilihan,
        "pd": pd,
        "params": urlencode(params),
        "params_pd": urlencode({"pd": pd, "hari": hari} if pd else {"hari": hari}),
        "setelah": setelah,
        "berikut": f"{berikut[0].isoformat()}_{berikut[1]}" if berikut else "",
        "tugas": list(tugas_terbuka(user=user)),
    }
    return render(request, "deadlines/tenggat.html", context)


def ics(request, token: str):
    """The user's deadlines as an iCalendar feed (no session: the token is the key)."""

    user = pengguna_dari_token(token)
    if user is None:
        raise Http404(_("Tautan kalender tidak dikenal."))
    isi = kalender_ics(user=user, daftar=tenggat_untuk_pengguna(user=user))
    resp = HttpResponse(isi, content_type="text/calendar; charset=utf-8")
    resp["Content-Disposition"] = 'inline; filename="tenggat-kersa.ics"'
    resp["Cache-Control"] = "private, max-age=900"
    return resp
