"""Each person's work on their home page (issue 13 item 4): ``pekerjaan_saya``.

What the Bupati, the Ketua TKKSD, DPRD and an agency's operator must act on, late first
then by due date:

- Bupati: KSDD waiting for his signature (KB, PKS), offer letters to sign, a partner's
  offer waiting his answer (Pasal 17–18), the clocks that fall on him (P17-4,
  P18-1, P18-2, P22-1d) with the days left, and the tasks a partner's silence opened
  (the second request of P16-5, the report to the Gubernur of P16-6);
- Ketua TKKSD: written guidance on a KAK (Pasal 14), the Rapat Pleno to chair
  (Pasal 37), the recommendations a partner's offer outside the plan waits for (P18-3);
- DPRD: KSDD waiting for its approval with the days left on P22-3, P22-1e and P22-1b;
- operator (and head) of a Perangkat Daerah: its semester reports due (P27-1), the end
  of its KB and PKS (P19-3, P12-2) and the steps of its own KSDD.

A bounded number of queries whatever the number of KSDD or clocks (roles, KSDD, clocks,
the calendar, the plenos).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from kersa.agreements.choices import Pemrakarsa, Status
from kersa.agreements.models import RekomendasiPleno
from kersa.agreements.selectors import ksdd_menunggu_tindakan, ksdd_visible_to
from kersa.agreements.workflow import TRANSISI
from kersa.core.format import tanggal_panjang
from kersa.core.roles import Peran
from kersa.deadlines.definisi import (
    DEFINISI,
    aturan_bertindak,
    aturan_tugas,
    penanggung_tugas,
)
from kersa.deadlines.kalender import Kalender
from kersa.deadlines.models import Tugas
from kersa.deadlines.selectors import hitung_mundur, q_terbuka, tenggat_terlihat
from kersa.governance.choices import JenisRapat, StatusRapat
from kersa.governance.models import Rapat
from kersa.notifications.penerima import peran_pengguna

# The roles with a personal list; the clocks and tasks on it are those whose
# definition names the role as acting (``Definisi.peran``, ``Definisi.peran_tugas``:
# the one mapping of who acts, deadlines/definisi.py). An operator's are of the
# operator's own agency only.
PERAN_KOTAK = frozenset({Peran.BUPATI, Peran.KETUA_TKKSD, Peran.DPRD, Peran.OPERATOR_PD})


@dataclass
class Pekerjaan:
    """One thing this person must act on."""

    judul: str  # what to do
    url: str
    ksdd: object | None = None
    langkah: list[str] = field(default_factory=list)
    jatuh_tempo: dt.date | None = None  # the earliest of its clocks
    jatuh_tempo_teks: str = ""
    pasal: str = ""
    terlambat: bool = False
    # Its clocks, earliest first: {"aturan": "P22-3", "pasal", "hitung_mundur":
    # "12 hari kerja lagi" / "terlambat 2 hari kerja", "jatuh_tempo_teks", "terlambat"}.
    jam: list[dict] = field(default_factory=list)


def peran_kotak(user) -> frozenset[str]:
    """The roles of this user that have a personal list (none for the secretariat, whose
    recording steps stay the home page's list)."""
    peran = peran_pengguna(user)
    if Peran.SEKRETARIAT_TKKSD in peran:
        return frozenset()
    return peran & PERAN_KOTAK


def _langkah(user, ksdd, peran) -> list[str]:
    """Labels of the steps this user takes next on this KSDD (no query)."""
    hasil = []
    for t in TRANSISI.values():
        if t.nama == "batalkan" or not t.berlaku_untuk(ksdd):
            continue
        if not user.has_perm(f"agreements.{t.izin}"):
            continue
        # The Bupati decides on a partner's offer; a partner's answer to our own offer
        # is the secretariat's record (Pasal 16).
        if (
            ksdd.status == Status.MENUNGGU_TANGGAPAN
            and ksdd.pemrakarsa != Pemrakarsa.MITRA
            and Peran.BUPATI in peran
        ):
            continue
        # P18-3: the recommendation, once recorded, no longer waits for the Ketua.
        if t.nama == "catat_rekomendasi_pleno" and getattr(ksdd, "ada_rekomendasi", False):
            continue
        hasil.append(str(t.label))
    return hasil


def pekerjaan_saya(user, hari_ini: dt.date) -> list[Pekerjaan]:
    """What ``user`` must act on, late first then by due date (bounded queries)."""
    peran = peran_kotak(user)
    if not peran:
        return []

    # The clocks that fall on this person.
    aturan = {r for p in peran if p != Peran.OPERATOR_PD for r in aturan_bertindak(p)}
    cond = Q(rule__in=aturan)
    if Peran.OPERATOR_PD in peran and user.perangkat_daerah_id:
        cond |= Q(
            rule__in=aturan_bertindak(Peran.OPERATOR_PD),
            perangkat_daerah_id=user.perangkat_daerah_id,
        )
    jam = list(
        tenggat_terlihat(user)
        .filter(q_terbuka(hari_ini))
        .filter(cond)
        .select_related("ksdd")
        .order_by("jatuh_tempo", "id")
    )

    # The KSDD whose next step is this person's.
    ksdd_qs = (
        ksdd_menunggu_tindakan(user=user)
        .select_related("perangkat_daerah")
        .annotate(ada_rekomendasi=Exists(RekomendasiPleno.objects.filter(ksdd=OuterRef("pk"))))
        .order_by("id")
    )
    per_ksdd: dict[int, Pekerjaan] = {}
    for k in ksdd_qs:
        langkah = _langkah(user, k, peran)
        if not langkah:
            continue
        per_ksdd[k.pk] = Pekerjaan(
            judul=k.judul,
            url=reverse("agreements:detail", args=[k.pk]),
            ksdd=k,
            langkah=langkah,
        )

    # The tasks a missed clock opened that this person acts on (P16-5, P16-6, P18-2):
    # late by nature, shown with the day they were opened.
    aturan_t = {r for p in peran if p != Peran.OPERATOR_PD for r in aturan_tugas(p)}
    if aturan_t:
        from django.utils import timezone

        for tg in (
            Tugas.objects.filter(
                status=Tugas.Status.TERBUKA, rule__in=aturan_t, ksdd__in=ksdd_visible_to(user)
            )
            .select_related("ksdd", "tenggat")
            .order_by("dibuka_pada", "id")
        ):
            item = per_ksdd.get(tg.ksdd_id)
            if item is None:
                item = per_ksdd[tg.ksdd_id] = Pekerjaan(
                    judul=tg.ksdd.judul,
                    url=reverse("agreements:detail", args=[tg.ksdd_id]),
                    ksdd=tg.ksdd,
                )
            item.langkah.append(tg.judul)
            sejak = timezone.localtime(tg.dibuka_pada).date()
            definisi = DEFINISI.get(tg.rule)
            item.jam.append(
                {
                    "aturan": tg.rule,
                    "pasal": str(definisi.pasal) if definisi else "",
                    "judul": tg.judul,
                    "hitung_mundur": _("tugas dibuka sejak %(tanggal)s")
                    % {"tanggal": tanggal_panjang(sejak)},
                    "jatuh_tempo_teks": tanggal_panjang(tg.tenggat.jatuh_tempo),
                    "terlambat": True,
                    "penanggung": penanggung_tugas(tg.rule),
                }
            )
            if item.jatuh_tempo is None or tg.tenggat.jatuh_tempo < item.jatuh_tempo:
                item.jatuh_tempo = tg.tenggat.jatuh_tempo
            item.terlambat = True

    kal = Kalender() if jam else None
    hasil: list[Pekerjaan] = []
    for t in jam:
        definisi = DEFINISI.get(t.rule)
        _sisa, teks = hitung_mundur(t.satuan, hari_ini, t.jatuh_tempo, kal)
        lewat = t.status == "terlewat" or t.jatuh_tempo < hari_ini
        item = per_ksdd.get(t.ksdd_id) if t.ksdd_id else None
        if item is None:
            if t.ksdd_id:
                judul, url = t.ksdd.judul, reverse("agreements:detail", args=[t.ksdd_id])
            else:
                judul = str(definisi.judul) if definisi else t.rule
                url = reverse(definisi.tempat) if definisi and definisi.tempat else ""
                if definisi and definisi.periode and url:
                    url += "?periode=" + t.kunci.rsplit(":", 1)[-1]
            item = Pekerjaan(judul=judul, url=url, ksdd=t.ksdd if t.ksdd_id else None)
            if t.ksdd_id:
                item.langkah = [str(definisi.judul)] if definisi else []
                per_ksdd[t.ksdd_id] = item
            else:
                hasil.append(item)
        item.jam.append(
            {
                "aturan": t.rule,
                "pasal": str(definisi.pasal) if definisi else "",
                "judul": str(definisi.judul) if definisi else "",
                "hitung_mundur": teks,
                "jatuh_tempo_teks": tanggal_panjang(t.jatuh_tempo),
                "terlambat": lewat,
            }
        )
        if item.jatuh_tempo is None or t.jatuh_tempo < item.jatuh_tempo:
            item.jatuh_tempo = t.jatuh_tempo
        item.terlambat = item.terlambat or lewat
    hasil.extend(per_ksdd.values())

    if Peran.KETUA_TKKSD in peran:
        for r in Rapat.objects.filter(
            jenis=JenisRapat.PLENO, status=StatusRapat.TERJADWAL
        ).order_by("tanggal", "id"):
            hasil.append(
                Pekerjaan(
                    judul=_("Pimpin Rapat Pleno TKKSD di %(tempat)s") % {"tempat": r.tempat},
                    url=reverse("tkksd:rapat", args=[r.pk]),
                    langkah=[_("Pimpin rapat dan catat hasilnya")],
                    jatuh_tempo=r.tanggal,
                    jatuh_tempo_teks=tanggal_panjang(r.tanggal),
                    pasal=str(_("Pasal 37")),
                    terlambat=r.tanggal < hari_ini,
                )
            )

    hasil.sort(key=lambda p: (not p.terlambat, p.jatuh_tempo is None, p.jatuh_tempo or hari_ini))
    return hasil
