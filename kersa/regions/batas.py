"""Region outlines for the dashboard map, derived from cahyadsn/wilayah_boundaries (MIT).

``data/batas-62-63.json`` holds one SVG path per kabupaten/kota of Kalimantan Tengah (62)
and Kalimantan Selatan (63), already projected into the map's viewBox; it is rebuilt by
``manage.py bangun_peta_batas`` (see ``data/BATAS-LICENSE.md`` for the source, the commit
and the MIT notice that travels with the data).

Projection: plate carrée, 100 px per degree (at 2° S a degree of longitude is 0.999 of a
degree of latitude, so no correction is needed at this scale), x from ``BARAT`` (west),
y from ``UTARA`` (north). Coordinates are cut to 0.01° (1 px) toward zero, consecutive
equal points dropped, rings simplified with Douglas–Peucker at 1 px, and islands smaller
than ``PULAU_MIN`` px across left out.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

BERKAS = Path(__file__).parent / "data" / "batas-62-63.json"
PROVINSI = ("62", "63")

SKALA = 100  # px per degree
BARAT = 110.6  # west edge (longitude) of the viewBox
UTARA = 0.9  # north edge (latitude)
TIMUR = 116.7
SELATAN = -4.3
TOLERANSI = 1.0  # Douglas-Peucker, px
PULAU_MIN = 4  # islands smaller than this (px, both sides) are left out

# ('62.01','Kabupaten Kotawaringin Barat',-2.57,111.77,'[[[[lat,lng],...]]]')
BARIS = re.compile(r"\('(\d\d\.\d\d)','([^']*)',[-\d.eE]+,[-\d.eE]+,'(\[[^']*\])'\)")


@lru_cache(maxsize=1)
def muat() -> dict:
    """The shipped geometry: {"viewBox": ..., "wilayah": {kode: {"d", "x", "y"}}}."""
    with BERKAS.open(encoding="utf-8") as f:
        return json.load(f)


# ---------------------------------------------------------------- build (management command)


def _potong(v: float) -> float:
    """Cut to 0.01 toward zero (what the shipped data was built with)."""
    return math.trunc(v * 100) / 100


def _xy(lat: float, lng: float) -> tuple[int, int]:
    return round((_potong(lng) - BARAT) * SKALA), round((UTARA - _potong(lat)) * SKALA)


def _jarak(p, a, b) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def douglas_peucker(titik: list, toleransi: float) -> list:
    """Douglas–Peucker on an open polyline (iterative, keeps both ends)."""
    if len(titik) < 3:
        return list(titik)
    simpan = [False] * len(titik)
    simpan[0] = simpan[-1] = True
    tumpukan = [(0, len(titik) - 1)]
    while tumpukan:
        i, j = tumpukan.pop()
        maks, k = 0.0, -1
        for m in range(i + 1, j):
            d = _jarak(titik[m], titik[i], titik[j])
            if d > maks:
                maks, k = d, m
        if k >= 0 and maks > toleransi:
            simpan[k] = True
            tumpukan += [(i, k), (k, j)]
    return [p for p, s in zip(titik, simpan, strict=True) if s]


def _cincin_luar(path) -> list[list]:
    """Outer rings of a JSON polygon ([ring, ...]) or multipolygon ([[ring, ...], ...])."""
    if path and path[0] and isinstance(path[0][0][0], (int, float)):
        path = [path]  # a polygon: rings of [lat, lng]
    return [poligon[0] for poligon in path if poligon]


def _luas(cincin) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(cincin, cincin[1:]))) / 2


def _pusat(cincin) -> tuple[int, int]:
    """Centroid of a closed ring (polygon formula), for a label."""
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(cincin, cincin[1:]):
        c = x1 * y2 - x2 * y1
        a += c
        cx += (x1 + x2) * c
        cy += (y1 + y2) * c
    if not a:
        return cincin[0]
    return round(cx / (3 * a)), round(cy / (3 * a))


def _relatif(titik: list[tuple[int, int]]) -> str:
    """``M x y l dx dy dx dy … z``: a move, then relative line-tos (about half the bytes of
    absolute coordinates)."""
    (x0, y0), langkah = titik[0], []
    for (xa, ya), (xb, yb) in zip(titik, titik[1:]):
        langkah.append(f"{xb - xa} {yb - ya}".replace(" -", "-"))
    return f"M{x0} {y0}l" + " ".join(langkah).replace(" -", "-") + "z"


def jalur(path) -> tuple[str, tuple[int, int]] | None:
    """An SVG path (whole pixels, relative steps) of a region's outer rings, and a label point."""
    bagian, terbesar = [], None
    for cincin in _cincin_luar(path):
        titik = []
        for lat, lng in cincin:
            p = _xy(lat, lng)
            if not titik or titik[-1] != p:
                titik.append(p)
        if len(titik) < 4:
            continue
        xs, ys = [p[0] for p in titik], [p[1] for p in titik]
        if max(xs) - min(xs) < PULAU_MIN and max(ys) - min(ys) < PULAU_MIN:
            continue
        if titik[0] != titik[-1]:
            titik.append(titik[0])
        titik = douglas_peucker(titik, TOLERANSI)
        if len(titik) < 4:
            continue
        if terbesar is None or _luas(titik) > _luas(terbesar):
            terbesar = titik
        bagian.append(_relatif(titik[:-1]))
    if not bagian:
        return None
    return "".join(bagian), _pusat(terbesar)


def bangun(sumber: dict[str, str], *, commit: str) -> dict:
    """The geometry file's content from the boundary SQL texts ({name: text})."""
    wilayah = {}
    for teks in sumber.values():
        for kode, nama, path in BARIS.findall(teks):
            if kode[:2] not in PROVINSI:
                continue
            hasil = jalur(json.loads(path))
            if hasil:
                d, (x, y) = hasil
                wilayah[kode] = {"nama": nama, "d": d, "x": x, "y": y}
    lebar = round((TIMUR - BARAT) * SKALA)
    tinggi = round((UTARA - SELATAN) * SKALA)
    return {
        "sumber": "https://github.com/cahyadsn/wilayah_boundaries",
        "commit": commit,
        "berkas": sorted(sumber),
        "lisensi": "MIT, Copyright (c) 2024 Cahya DSN; see BATAS-LICENSE.md",
        "proyeksi": {
            "skala_px_per_derajat": SKALA,
            "barat": BARAT,
            "utara": UTARA,
            "potong_derajat": 0.01,
            "toleransi_px": TOLERANSI,
            "pulau_min_px": PULAU_MIN,
        },
        "viewBox": f"0 0 {lebar} {tinggi}",
        "wilayah": dict(sorted(wilayah.items())),
    }
