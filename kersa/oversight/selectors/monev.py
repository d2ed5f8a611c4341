"""Reads of monitoring and evaluation (Pasal 28; P28): which agencies are due in a
semester (their P28 clocks and the agencies running KSDD) and which are done."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd
from kersa.deadlines.definisi import semester_ke
from kersa.deadlines.models import Tenggat
from kersa.regions.models import PerangkatDaerah

from ..models import MonitoringEvaluasi, TemuanMonev

__all__ = [
    "BarisMonev",
    "monev_daftar",
    "monev_untuk",
    "monev_ksdd_pilihan",
    "monev_terlihat",
    "periode_dari",
    "periode_pilihan",
]


def periode_dari(kode: str | None) -> tuple[int, int]:
    """'2026-2' → (2026, 2); anything else → the current semester."""
    try:
        tahun, semester = (int(x) for x in (kode or "").split("-"))
        if semester in (1, 2) and 2000 <= tahun <= 2100:
            return tahun, semester
    except ValueError:
        pass
    hari = timezone.localdate()
    return hari.year, 1 if hari.month <= 6 else 2


def periode_pilihan(tahun: int, semester: int, n: int = 6) -> list[tuple[str, str]]:
    out = []
    for _ in range(n):
        out.append((f"{tahun}-{semester}", f"Semester {'I' if semester == 1 else 'II'} {tahun}"))
        tahun, semester = (tahun, 1) if semester == 2 else (tahun - 1, 2)
    return out


def monev_terlihat(user) -> QuerySet[MonitoringEvaluasi]:
    """The monitorings this user may read: all for who sees every KSDD, else its agency's."""
    qs = MonitoringEvaluasi.objects.all()
    if user.has_perm("agreements.lihat_semua_ksdd"):
        return qs
    if user.perangkat_daerah_id:
        return qs.filter(perangkat_daerah_id=user.perangkat_daerah_id)
    return qs.none()


@dataclass
class BarisMonev:
    perangkat_daerah: PerangkatDaerah
    jumlah_ksdd: int
    tenggat: Tenggat | None
    monev: MonitoringEvaluasi | None


def monev_daftar(*, user, tahun: int, semester: int) -> list[BarisMonev]:
    """One row per agency due this semester: agencies with a P28 clock for it, or
    running KSDD now, or already monitored — with the clock and the record."""
    semua = user.has_perm("agreements.lihat_semua_ksdd")
    tenggat = {
        t.perangkat_daerah_id: t
        # A semester's P28 clocks all fall due on its last day (deadlines.pemicu); an
        # equality on the indexed due date, not a LIKE '%:2026-2' over every key.
        for t in Tenggat.objects.filter(
            rule="P28",
            jatuh_tempo=semester_ke(tahun, semester).akhir,
        )
    }
    monev = {
        m.perangkat_daerah_id: m
        for m in monev_terlihat(user).filter(tahun=tahun, semester=semester)
    }
    jumlah: dict[int, int] = {}
    for pd_id in Ksdd.objects.filter(status=Status.PELAKSANAAN).values_list(
        "perangkat_daerah_id", flat=True
    ):
        jumlah[pd_id] = jumlah.get(pd_id, 0) + 1
    ids = set(tenggat) | set(monev) | set(jumlah)
    if not semua:
        ids &= {user.perangkat_daerah_id}
    return [
        BarisMonev(pd, jumlah.get(pd.pk, 0), tenggat.get(pd.pk), monev.get(pd.pk))
        for pd in PerangkatDaerah.objects.filter(pk__in=ids).order_by("nama")
    ]


def monev_untuk(*, user, pk: int) -> MonitoringEvaluasi:
    """One monitoring with its KSDD and findings; DoesNotExist when not visible."""
    return (
        monev_terlihat(user)
        .select_related("perangkat_daerah", "dokumen")
        .prefetch_related(
            "ksdd",
            Prefetch(
                "temuan",
                queryset=TemuanMonev.objects.select_related("ksdd", "tindak_lanjut_oleh"),
            ),
            "riwayat__oleh",
            "dokumen__versi",
        )
        .get(pk=pk)
    )


def monev_ksdd_pilihan(perangkat_daerah) -> QuerySet[Ksdd]:
    return Ksdd.objects.filter(perangkat_daerah=perangkat_daerah, status=Status.PELAKSANAAN)


def tanggal_dalam_semester(tahun: int, semester: int, hari: dt.date) -> bool:
    return hari.year == tahun and (hari.month <= 6) == (semester == 1)
