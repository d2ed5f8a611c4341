"""Reads of the reporting room, with a fixed number of queries per page."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from kersa.agreements.choices import TAHAP_STATUS, Status, Tahap
from kersa.agreements.models import Ksdd
from kersa.agreements.selectors import ksdd_visible_to
from kersa.deadlines.definisi import SEMESTER, periode_berjalan, semester_ke
from kersa.deadlines.models import Tenggat

from .choices import StatusLaporan
from .models import LaporanSemester, LaporanTkksd, ProsesLaporan

_KODE = re.compile(r"^(\d{4})-([12])$")


def periode_dari(kode: str | None, hari_ini: dt.date | None = None) -> tuple[int, int]:
    """(tahun, semester) of a code "2026-1", or of the semester running today."""
    m = _KODE.match(kode or "")
    if m:
        return int(m[1]), int(m[2])
    per = periode_berjalan(SEMESTER, hari_ini or timezone.localdate())
    t, s = per.kode.split("-")
    return int(t), int(s)


def periode_pilihan(tahun: int, semester: int, n: int = 6) -> list[str]:
    """The codes of this semester and the ``n - 1`` before it, for the period selector."""
    kode = []
    for _ in range(n):
        kode.append(f"{tahun}-{semester}")
        tahun, semester = (tahun, 1) if semester == 2 else (tahun - 1, 2)
    return kode


@dataclass
class BarisLaporan:
    ksdd: Ksdd
    laporan: LaporanSemester | None
    tenggat: Tenggat | None


PER_HALAMAN = 50


def laporan_semester_daftar(
    *, user, tahun: int, semester: int, halaman: str | int | None = 1
) -> Page:
    """Each KSDD the user may see that owes a report for the semester (in pelaksanaan,
    or with a P27-1 clock or a report for it), a page of ``PER_HALAMAN`` at a time, each
    row with its report and clock. 4 queries whatever the number of KSDD: the count, the
    page, and the clocks and reports of that page only."""
    akhir = semester_ke(tahun, semester).akhir
    # A semester's P27-1 clocks all fall due on its last day (deadlines.pemicu): an
    # equality on the indexed due date, where a LIKE '%:2026-2' read every key.
    p27 = Tenggat.objects.filter(rule="P27-1", jatuh_tempo=akhir)
    lap = LaporanSemester.objects.filter(tahun=tahun, semester=semester)
    ksdd = (
        ksdd_visible_to(user)
        .filter(
            Q(status=Status.PELAKSANAAN)
            | Exists(p27.filter(ksdd=OuterRef("pk")))
            | Exists(lap.filter(ksdd=OuterRef("pk")))
        )
        .select_related("perangkat_daerah")
        .order_by("nomor_register", "pk")
    )
    page = Paginator(ksdd, PER_HALAMAN).get_page(halaman)
    ids = [k.pk for k in page.object_list]
    tenggat = {
        t.ksdd_id: t
        for t in p27.filter(ksdd__in=ids).only(
            "ksdd_id", "jatuh_tempo", "status", "kunci", "selesai_pada", "ditindak_pada"
        )
    }
    laporan = {
        x.ksdd_id: x
        for x in lap.filter(ksdd__in=ids).only(
            "ksdd_id", "status", "tanggal_disampaikan", "tahun", "semester"
        )
    }
    page.object_list = [
        BarisLaporan(k, laporan.get(k.pk), tenggat.get(k.pk)) for k in page.object_list
    ]
    return page


def laporan_semester_untuk(*, user, pk: int) -> LaporanSemester:
    """One report whose KSDD the user may see, else LaporanSemester.DoesNotExist."""
    return (
        LaporanSemester.objects.filter(ksdd__in=ksdd_visible_to(user))
        .select_related("ksdd__perangkat_daerah", "dokumen")
        .prefetch_related("riwayat__oleh", "dokumen__versi__berkas")
        .get(pk=pk)
    )


def laporan_disampaikan(*, tahun: int, semester: int) -> QuerySet[LaporanSemester]:
    return (
        LaporanSemester.objects.filter(
            tahun=tahun, semester=semester, status=StatusLaporan.DISAMPAIKAN
        )
        .select_related("ksdd__perangkat_daerah")
        .order_by("ksdd__nomor_register")
    )


def proses_terakhir(n: int = 10) -> QuerySet[ProsesLaporan]:
    return ProsesLaporan.objects.select_related("dokumen", "dibuat_oleh").prefetch_related(
        Prefetch("dokumen__versi")
    )[:n]


def laporan_tkksd_daftar() -> QuerySet[LaporanTkksd]:
    return LaporanTkksd.objects.select_related("dokumen").prefetch_related("dokumen__versi")


def ringkasan_tkksd(*, tahun: int, semester: int) -> dict:
    """The figures of TKKSD's report: KSDD by stage, semester reports received and
    those still missing from KSDD in pelaksanaan."""
    per_status = dict(Ksdd.objects.values_list("status").annotate(n=Count("id")))
    per_tahap: dict[str, int] = {}
    for status, n in per_status.items():
        tahap = TAHAP_STATUS.get(status)
        label = str(Tahap(tahap).label) if tahap else str(Status(status).label)
        per_tahap[label] = per_tahap.get(label, 0) + n
    urutan = [str(t.label) for t in Tahap] + [str(s.label) for s in Status]
    berjalan = list(
        Ksdd.objects.filter(status=Status.PELAKSANAAN)
        .select_related("perangkat_daerah")
        .order_by("nomor_register")
    )
    sudah = set(
        LaporanSemester.objects.filter(
            tahun=tahun, semester=semester, status=StatusLaporan.DISAMPAIKAN
        ).values_list("ksdd_id", flat=True)
    )
    return {
        "jumlah": sum(per_status.values()),
        "per_tahap": sorted(per_tahap.items(), key=lambda kv: urutan.index(kv[0])),
        "wajib": len(berjalan),
        "diterima": len(sudah),
        "belum": [
            f"{k.nomor_register} — {k.judul} ({k.perangkat_daerah.nama})"
            for k in berjalan
            if k.pk not in sudah
        ],
    }
