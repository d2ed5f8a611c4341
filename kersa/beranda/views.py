"""The home page (*Beranda*): each role's own work first, then the counts per stage of
Pasal 13. Apart from ``core`` so that ``core`` (errors, forms, format, roles) imports no
app of KERSA; the home page reads every room."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kersa.agreements.choices import STATUS_AKHIR, TAHAP_STATUS, Status, Tahap
from kersa.agreements.selectors import ksdd_hitung_per_status, ksdd_menunggu_tindakan
from kersa.agreements.workflow import TRANSISI
from kersa.deadlines.selectors import tenggat_hitung, tugas_terbuka

from .kotak import pekerjaan_saya, peran_kotak

MENUNGGU_MAKS = 25


def _hitung_per_tahap(per_status: dict[str, int]) -> list[dict]:
    """Counts per stage of Pasal 13, then the ended statuses, for the home page."""
    per_tahap = dict.fromkeys(Tahap.values, 0)
    for status, n in per_status.items():
        tahap = TAHAP_STATUS.get(status)
        if tahap:
            per_tahap[tahap] += n
    rows = [
        {
            "param": "tahap",
            "kode": t.value,
            "huruf": f"{t.value}.",
            "label": t.label,
            "n": per_tahap[t.value],
        }
        for t in Tahap
        # i and j run alongside h (pelaksanaan): one count for the three.
        if t not in (Tahap.PENATAUSAHAAN, Tahap.PELAPORAN)
    ]
    rows[-1].update(huruf="h–j.", label=_("Pelaksanaan, penatausahaan dan pelaporan"))
    rows += [
        {
            "param": "status",
            "kode": s.value,
            "huruf": "",
            "label": s.label,
            "n": per_status.get(s.value, 0),
        }
        for s in Status
        if s in STATUS_AKHIR
    ]
    return rows


def _langkah_untuk(user, ksdd) -> list[str]:
    """Labels of the steps this user's role can take next on this KSDD (no query:
    permissions are cached on the user and visibility is already applied)."""
    return [
        str(t.label)
        for t in TRANSISI.values()
        if t.nama != "batalkan" and t.berlaku_untuk(ksdd) and user.has_perm(f"agreements.{t.izin}")
    ]


@login_required
def home(request):
    user = request.user
    punya_peran = user.has_perm("agreements.view_ksdd")
    context = {"punya_peran": punya_peran}
    if punya_peran and peran_kotak(user):
        # Bupati, Ketua TKKSD, DPRD, operators: their own work, late first (issue 13).
        pekerjaan = pekerjaan_saya(user, timezone.localdate())
        context.update(
            kotak=True,
            pekerjaan=pekerjaan[:MENUNGGU_MAKS],
            pekerjaan_lebih=len(pekerjaan) > MENUNGGU_MAKS,
        )
    if punya_peran:
        menunggu = []
        if "kotak" not in context:
            menunggu = list(ksdd_menunggu_tindakan(user=user)[: MENUNGGU_MAKS + 1])
        for ksdd in menunggu:
            ksdd.langkah_anda = _langkah_untuk(user, ksdd)
        per_status = ksdd_hitung_per_status(user=user)
        context.update(
            menunggu=menunggu[:MENUNGGU_MAKS],
            menunggu_lebih=len(menunggu) > MENUNGGU_MAKS,
            per_tahap=_hitung_per_tahap(per_status),
            jumlah=sum(per_status.values()),
            tenggat=tenggat_hitung(user=user, hari_ini=timezone.localdate()),
            # The secretariat's tasks; a person with their own list finds the tasks that
            # are theirs in it (P16-5, P16-6, P18-2: the Bupati), not the others'.
            tugas=[] if "kotak" in context else list(tugas_terbuka(user=user)[:MENUNGGU_MAKS]),
        )
    return render(request, "beranda/home.html", context)
