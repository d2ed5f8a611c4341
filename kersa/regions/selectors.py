"""Reads for regions."""

from collections.abc import Iterable
from contextlib import contextmanager
from itertools import combinations

from asgiref.local import Local
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db.models import Q, QuerySet

from .choices import JenisWilayah
from .models import KepalaDaerah, PerangkatDaerah, Perbatasan, Wilayah

# The home region read once per request: a KSDD page names it in its documents' checks,
# its signatories and its letters. Held only between request_started and
# request_finished (a worker or a test outside a request always reads the table), so
# an edit of the region is seen by the next request.
_per_request = Local()


def _mulai(**kwargs) -> None:
    _per_request.aktif, _per_request.daerah = True, None


def _selesai(**kwargs) -> None:
    _per_request.aktif, _per_request.daerah = False, None


request_started.connect(_mulai, dispatch_uid="kersa.regions.wilayah_daerah.mulai")
request_finished.connect(_selesai, dispatch_uid="kersa.regions.wilayah_daerah.selesai")


@contextmanager
def wilayah_daerah_sekali():
    """Read the home region once for a long job outside a request (a spreadsheet import,
    a benchmark), as a request does; a request already doing so is left as it is."""
    if getattr(_per_request, "aktif", False):
        yield
        return
    _mulai()
    try:
        yield
    finally:
        _selesai()


def wilayah_daerah() -> Wilayah:
    """The home region (P1-2), chosen by the KERSA_HOME_REGION setting."""
    if not getattr(_per_request, "aktif", False):
        return Wilayah.objects.get(kode=settings.KERSA_HOME_REGION)
    daerah = _per_request.daerah
    if daerah is None or daerah.kode != settings.KERSA_HOME_REGION:
        daerah = _per_request.daerah = Wilayah.objects.get(kode=settings.KERSA_HOME_REGION)
    return daerah


def kepala_daerah_pada(wilayah: Wilayah, tanggal) -> KepalaDaerah | None:
    """The head of ``wilayah`` on ``tanggal`` (a Penjabat included), or None when unrecorded."""
    return (
        KepalaDaerah.objects.select_related("wilayah")
        .filter(wilayah=wilayah, mulai__lte=tanggal)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=tanggal))
        .order_by("-mulai")
        .first()
    )


def wilayah_mitra_list() -> QuerySet[Wilayah]:
    """Every region that can be a partner (P1-3): all but the home region."""
    return Wilayah.objects.exclude(kode=settings.KERSA_HOME_REGION).select_related("provinsi")


def wilayah_tetangga(*, kode: str) -> QuerySet[Wilayah]:
    """The regions that share a land boundary with ``kode``."""
    pairs = Perbatasan.objects.filter(Q(wilayah_a_id=kode) | Q(wilayah_b_id=kode))
    codes = {p.wilayah_a_id if p.wilayah_b_id == kode else p.wilayah_b_id for p in pairs}
    return Wilayah.objects.filter(kode__in=codes)


def pasangan_berbatasan(kodes: Iterable[str]) -> set[frozenset[str]]:
    """All bordering pairs among ``kodes``, in two queries (P7-1).

    Two regions of one level border when the border data says so. A province and a
    kabupaten/kota border when the province contains it, or when it touches one of the
    province's kabupaten/kota (Pasal 1 angka 3; PP 28/2018 Pasal 5): Provinsi
    Kalimantan Tengah borders Barito Selatan (inside it), Provinsi Kalimantan Selatan
    too (Barito Selatan touches Tabalong, 63.09), Provinsi Jawa Barat does not."""
    kodes = sorted(set(kodes))
    if len(kodes) < 2:
        return set()
    info = {
        k: (j, p)
        for k, j, p in Wilayah.objects.filter(kode__in=kodes).values_list(
            "kode", "jenis", "provinsi_id"
        )
    }
    prov = {k for k, (j, _p) in info.items() if j == JenisWilayah.PROVINSI}
    rows = Perbatasan.objects.filter(
        Q(wilayah_a_id__in=kodes) | Q(wilayah_b_id__in=kodes)
    ).values_list(
        "wilayah_a_id", "wilayah_b_id", "wilayah_a__provinsi_id", "wilayah_b__provinsi_id"
    )
    found: set[frozenset[str]] = set()
    # Provinces a kabupaten/kota of ``kodes`` touches through a neighbour kabupaten/kota.
    menyentuh: dict[str, set[str]] = {}
    for a, b, pa, pb in rows:
        found.add(frozenset((a, b)))
        if prov and "." in a and "." in b:  # two kabupaten/kota (provinces have no dot)
            menyentuh.setdefault(a, set()).add(pb)
            menyentuh.setdefault(b, set()).add(pa)
    for p in prov:
        for k in kodes:
            if k in prov or k not in info:
                continue
            if info[k][1] == p or p in menyentuh.get(k, set()):
                found.add(frozenset((p, k)))
    return {frozenset(p) for p in combinations(kodes, 2) if frozenset(p) in found}


def perangkat_daerah_list(*, aktif: bool = True) -> QuerySet[PerangkatDaerah]:
    return PerangkatDaerah.objects.filter(aktif=aktif) if aktif else PerangkatDaerah.objects.all()


__all__ = [
    "JenisWilayah",
    "pasangan_berbatasan",
    "perangkat_daerah_list",
    "wilayah_daerah",
    "wilayah_mitra_list",
    "wilayah_tetangga",
]
