"""Reads of TKKSD: the decree in force, who holds an office at a date, the composition,
meetings and work programmes (Pasal 34–39)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import OuterRef, Prefetch, Q, QuerySet, Subquery

from kersa.agreements.models import RekomendasiPleno
from kersa.documents.models import VersiDokumen

from .choices import JenisKeputusan, JenisRapat, StatusRapat
from .models import (
    AgendaRapat,
    Jabatan,
    Kehadiran,
    KeputusanBupati,
    PemangkuJabatan,
    ProgramKerja,
    Rapat,
    RiwayatRapat,
)


def keputusan_berlaku(
    tanggal: dt.date, jenis: str = JenisKeputusan.TKKSD
) -> KeputusanBupati | None:
    """The Keputusan Bupati of ``jenis`` in force on ``tanggal`` (P34-1, P34-4): the
    latest one whose period covers the date."""
    return (
        KeputusanBupati.objects.filter(jenis=jenis, berlaku_mulai__lte=tanggal)
        .filter(Q(berlaku_sampai__isnull=True) | Q(berlaku_sampai__gte=tanggal))
        .order_by("-berlaku_mulai", "-id")
        .first()
    )


def _pada(daftar, tanggal: dt.date) -> PemangkuJabatan | None:
    for p in daftar:
        if p.mulai <= tanggal and (p.selesai is None or p.selesai >= tanggal):
            return p
    return None


def pemangku_pada(jabatan: Jabatan, tanggal: dt.date) -> PemangkuJabatan | None:
    """Who held ``jabatan`` on ``tanggal`` (P35-1: membership follows the office)."""
    return (
        jabatan.pemangku.filter(mulai__lte=tanggal)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=tanggal))
        .order_by("-mulai")
        .first()
    )


@dataclass(frozen=True)
class Kursi:
    """One seat of the composition on a date: the office and its holder then."""

    jabatan: Jabatan
    pemangku: PemangkuJabatan | None


def susunan(keputusan: KeputusanBupati | None, tanggal: dt.date) -> list[Kursi]:
    """The offices of one decree with their holders on ``tanggal`` (two queries)."""
    if keputusan is None:
        return []
    jabatan = keputusan.jabatan.select_related("perangkat_daerah").prefetch_related(
        Prefetch("pemangku", queryset=PemangkuJabatan.objects.order_by("-mulai"))
    )
    return [Kursi(j, _pada(j.pemangku.all(), tanggal)) for j in jabatan]


def susunan_tkksd(tanggal: dt.date, jenis: str = JenisKeputusan.TKKSD) -> list[Kursi]:
    """TKKSD (or its Tim Teknis) as it stood on ``tanggal``: the decree in force, each
    office and the person holding it that day (P34-1, P34-4, P34-5, P35-1, P35-2)."""
    return susunan(keputusan_berlaku(tanggal, jenis), tanggal)


def pleno_diadakan_pada_tahun(tahun: int) -> bool:
    """A Rapat Pleno was held (its result recorded) in ``tahun`` (P37-1)."""
    return Rapat.objects.filter(
        jenis=JenisRapat.PLENO, status=StatusRapat.SELESAI, tanggal__year=tahun
    ).exists()


def rapat_list() -> QuerySet[Rapat]:
    return Rapat.objects.select_related(
        "keputusan", "pimpinan", "undangan", "berita_acara", "notulen"
    )


def rapat_detail(pk: int) -> Rapat:
    return (
        Rapat.objects.select_related("keputusan", "pimpinan", "berita_acara", "notulen")
        .prefetch_related(
            # joined, not prefetched one by one: the same number of queries whether or
            # not an agenda item names a KSDD, a programme or has its decision
            Prefetch("kehadiran", queryset=Kehadiran.objects.select_related("jabatan")),
            Prefetch(
                "agenda",
                queryset=AgendaRapat.objects.select_related("ksdd", "program_kerja", "keputusan"),
            ),
            Prefetch("riwayat", queryset=RiwayatRapat.objects.select_related("oleh")),
        )
        .get(pk=pk)
    )


def program_kerja_list() -> QuerySet[ProgramKerja]:
    return ProgramKerja.objects.select_related("ditetapkan_dalam").prefetch_related("kegiatan")


@dataclass(frozen=True)
class PembahasanKsdd:
    """A KSDD's life in TKKSD's meetings: each agenda item about it (with its meeting,
    decision, the pleno recommendation it wrote to the KSDD and the newest version of the
    meeting's Berita Acara and Notulen), and the pleno recommendations recorded from a
    meeting kept outside KERSA (P18-3)."""

    agenda: list[AgendaRapat]
    rekomendasi_luar: list


def _versi_terakhir(dokumen: str, kolom: str) -> Subquery:
    return Subquery(
        VersiDokumen.objects.filter(dokumen=OuterRef(f"rapat__{dokumen}"))
        .order_by("-nomor")
        .values(kolom)[:1]
    )


def pembahasan_ksdd(ksdd) -> PembahasanKsdd:
    """Where ``ksdd`` was planned, discussed and decided by TKKSD (Pasal 37 ayat 2,
    Pasal 38 ayat 3, Pasal 39; P18-3), oldest meeting first. Two queries whatever the
    number of meetings, decisions and document versions."""

    agenda = list(
        AgendaRapat.objects.filter(ksdd=ksdd)
        .select_related("rapat", "keputusan", "rekomendasi_pleno__berkas")
        .annotate(
            ba_versi_id=_versi_terakhir("berita_acara", "pk"),
            ba_berkas_id=_versi_terakhir("berita_acara", "berkas_id"),
            notulen_versi_id=_versi_terakhir("notulen", "pk"),
            notulen_berkas_id=_versi_terakhir("notulen", "berkas_id"),
        )
        .order_by("rapat__tanggal", "rapat_id", "urutan", "id")
    )
    rekomendasi_luar = list(
        RekomendasiPleno.objects.filter(ksdd=ksdd, agenda__isnull=True)
        .select_related("berkas")
        .order_by("tanggal_rapat", "id")
    )
    return PembahasanKsdd(agenda=agenda, rekomendasi_luar=rekomendasi_luar)
