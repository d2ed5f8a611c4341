"""The Tenggat page (what is overdue, due today, this week, later) and the personal
iCalendar feed.

The page reads through ``selectors`` and runs a fixed number of SQL queries whatever
the number of clocks (tests assert it). The feed needs no login: its secret token
is the key, and a wrong token is a 404.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kersa.core.saring import id_dari
from kersa.regions.models import PerangkatDaerah

from ..selectors import GRUP, tenggat_per_grup, tugas_terbuka

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


@login_required
def daftar(request):
    user = request.user
    if not user.has_perm("agreements.view_ksdd"):
        raise PermissionDenied(_("Anda belum mempunyai peran yang dapat melihat tenggat KSDD."))
    pd, pilihan = _pd_dipilih(request)
    hari_ini = timezone.localdate()
    grup = tenggat_per_grup(user=user, hari_ini=hari_ini, perangkat_daerah_id=pd)
    context = {
        "grup": [{"kode": g, "judul": JUDUL_GRUP[g], "baris": grup[g]} for g in GRUP],
        "jumlah": sum(len(v) for v in grup.values()),
        "hari_ini": hari_ini,
        "pilihan_pd": pilihan,
        "pd": pd,
        "tugas": list(tugas_terbuka(user=user)),
    }
    return render(request, "deadlines/tenggat.html", context)


def ics(request, token: str):
    """The user's deadlines as an iCalendar feed (no session: the token is the key)."""
    from kersa.notifications.ics import kalender_ics
    from kersa.notifications.selectors import pengguna_dari_token, tenggat_untuk_pengguna

    user = pengguna_dari_token(token)
    if user is None:
        raise Http404(_("Tautan kalender tidak dikenal."))
    isi = kalender_ics(user=user, daftar=tenggat_untuk_pengguna(user=user))
    resp = HttpResponse(isi, content_type="text/calendar; charset=utf-8")
    resp["Content-Disposition"] = 'inline; filename="tenggat-kersa.ics"'
    resp["Cache-Control"] = "private, max-age=900"
    return resp
