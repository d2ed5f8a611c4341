"""Reads of the plan lists (Pasal 7–8) and the plan questions other apps ask (P5-2, P18-1)."""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements.choices import Kategori
from kersa.agreements.selectors import ksdd_visible_to
from kersa.core.errors import Pelanggaran
from kersa.core.format import tanggal_panjang

from .choices import StatusIdentifikasi
from .models import ButirRencana, Identifikasi, RiwayatIdentifikasi
from .rencana import dalam_rencana_tahun

__all__ = [
    "batas_p8_5",
    "butir_per_urusan",
    "butir_rencana_pilihan",
    "dalam_rencana_tahun",
    "identifikasi_detail",
    "identifikasi_list",
    "peringatan_p5_2",
    "peringatan_p8_5",
]


def batas_p8_5(tahun_rencana: int) -> dt.date:
    """P8-5: identification for plan year N happens in Triwulan I of N−1."""
    return dt.date(tahun_rencana - 1, 3, 31)


def peringatan_p8_5(identifikasi: Identifikasi, *, hari_ini: dt.date | None = None):
    """P8-5 (WARN): a Sukarela list for year N set after 31 March of N−1, or still
    being drafted after that day."""
    if identifikasi.kategori != Kategori.SUKARELA:
        return []
    batas = batas_p8_5(identifikasi.tahun_rencana)
    tanggal = identifikasi.tanggal_berita_acara or hari_ini or timezone.localdate()
    if tanggal <= batas:
        return []

    return [
        Pelanggaran(
            "P8-5",
            _(
                "Identifikasi dan Pemetaan Kerja Sama Sukarela untuk tahun %(n)s dilaksanakan "
                "pada Triwulan I tahun sebelumnya, paling lambat %(batas)s (Pasal 8 ayat 5). "
                "Daftar ini terlambat."
            )
            % {"n": identifikasi.tahun_rencana, "batas": tanggal_panjang(batas)},
        )
    ]


def peringatan_p5_2(ksdd) -> list[Pelanggaran]:
    """P5-2 (WARN): a KSDD whose object is linked to no plan item and has no exception."""
    if ksdd.butir_rencana_id or ksdd.pengecualian_rencana:
        return []
    return [
        Pelanggaran(
            "P5-2",
            _(
                "Obyek KSDD ini belum dikaitkan dengan butir daftar rencana KSDD. Obyek KSDD "
                "harus sesuai dengan perencanaan pembangunan daerah (Pasal 5 ayat 2); bila tidak, "
                "sebutkan dasar pengecualiannya (Pasal 5 ayat 3)."
            ),
            field="butir_rencana",
        )
    ]


def identifikasi_list(*, tahun: int | None = None, kategori: str = "") -> QuerySet[Identifikasi]:
    qs = Identifikasi.objects.select_related("perangkat_perencanaan").annotate(
        jumlah_butir=Count("butir", distinct=True)
    )
    if tahun:
        qs = qs.filter(tahun_rencana=tahun)
    if kategori:
        qs = qs.filter(kategori=kategori)
    return qs.order_by("-tahun_rencana", "kategori")


def _butir_qs(user) -> QuerySet[ButirRencana]:
    """The items with the KSDD carrying them that ``user`` may see (issue 19: another
    agency's draft shows neither its number nor its title on the plan)."""
    return ButirRencana.objects.select_related("urusan", "perangkat_daerah").prefetch_related(
        "mitra",
        Prefetch(
            "ksdd",
            queryset=ksdd_visible_to(user).only(
                "pk", "nomor_register", "judul", "status", "butir_rencana_id"
            ),
        ),
    )


def identifikasi_detail(pk: int, *, user) -> Identifikasi:
    """One identification with its items; each item lists only the KSDD ``user`` may
    see (``agreements.selectors.ksdd_visible_to``)."""
    return (
        Identifikasi.objects.select_related("perangkat_perencanaan", "berita_acara", "dibuat_oleh")
        .prefetch_related(
            "perangkat_terlibat",
            Prefetch(
                "butir",
                queryset=_butir_qs(user).order_by("urusan__urutan", "prioritas", "urutan", "pk"),
            ),
            Prefetch("riwayat", queryset=RiwayatIdentifikasi.objects.select_related("oleh")),
        )
        .get(pk=pk)
    )


def butir_per_urusan(identifikasi: Identifikasi) -> list[tuple]:
    """The items grouped by urusan (in the order of Pasal 5 ayat 4), each group by priority."""
    groups: OrderedDict = OrderedDict()
    for b in identifikasi.butir.all():
        groups.setdefault(b.urusan, []).append(b)
    return [
        (u, sorted(items, key=lambda b: (b.prioritas, b.urutan, b.pk)))
        for u, items in groups.items()
    ]


def butir_rencana_pilihan(
    *, kategori: str | None = None, tetap: int | None = None
) -> QuerySet[ButirRencana]:
    """The items a KSDD may carry out: items of set lists (P5-2), plus ``tetap`` (the
    item a KSDD already carries, also while its list is reopened)."""
    syarat = Q(identifikasi__status=StatusIdentifikasi.DITETAPKAN)
    if tetap:
        syarat |= Q(pk=tetap)
    qs = ButirRencana.objects.filter(syarat).select_related("identifikasi", "urusan")
    if kategori:
        qs = qs.filter(identifikasi__kategori=kategori)
    return qs.order_by(
        "-identifikasi__tahun_rencana", "identifikasi__kategori", "urusan__urutan", "prioritas"
    )
