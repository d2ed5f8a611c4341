"""The national layer of the dashboard map: Indonesia's outline and one point for every
kabupaten/kota and province, so that a partner outside the outlined provinces 62 and 63
is still drawn where it lies (issue 14).

``data/peta-nasional.json`` is rebuilt by ``manage.py bangun_peta_batas --garis-negara …
--titik …`` from two sources (see ``data/BATAS-LICENSE.md``):

- the country outline: ``countries/IDN.geo.json`` of johan/world.geo.json (Unlicense), a
  small-scale outline (about 1:110 million);
- the points: ``resources/csv/cities.csv`` of laravolt/indonesia (MIT): the latitude and
  longitude of each kabupaten/kota's seat. That file keys the rows by BPS codes and older
  names, so each row is matched to the Kemendagri code of ``Wilayah`` by kind (kabupaten or
  kota), province and name (letters only; ``ALIAS`` for the renamed ones). A province's
  point is the mean of its kabupaten/kota points.

Projection: plate carrée, ``SKALA`` px per degree, x from ``BARAT``, y from ``UTARA``
(whole pixels); the outline's rings are simplified by Douglas–Peucker at ``TOLERANSI`` px.
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import lru_cache
from pathlib import Path

from . import batas

BERKAS = Path(__file__).parent / "data" / "peta-nasional.json"

SKALA = 12  # px per degree
BARAT, UTARA, TIMUR, SELATAN = 94.5, 6.5, 141.5, -11.5
TOLERANSI = 0.6  # px

# BPS province codes of the source → the Kemendagri provinces they split into (2022)
PROVINSI_BARU = {"91": {"92", "96"}, "94": {"91", "93", "94", "95"}}
# source name (letters only) → the Kemendagri name (letters only), for renamed regions
ALIAS = {
    "TOBASAMOSIR": "TOBA",
    "MAMUJUUTARA": "PASANGKAYU",
    "SIAUTAGULANDANGBIARO": "KEPULAUANSIAUTAGULANDANGBIARO",
    "MAHAKAMHULU": "MAHAKAMULU",
    "MALUKUTENGGARABARAT": "KEPULAUANTANIMBAR",
}


@lru_cache(maxsize=1)
def muat() -> dict:
    """The shipped national layer: {"viewBox", "garis", "kotak", "titik": {kode: [x, y]}}."""
    with BERKAS.open(encoding="utf-8") as f:
        return json.load(f)


def _xy(lat: float, lng: float) -> tuple[int, int]:
    return round((lng - BARAT) * SKALA), round((UTARA - lat) * SKALA)


def _huruf(nama: str) -> str:
    return re.sub(r"[^A-Z]", "", nama.upper())


def garis(geojson: dict) -> str:
    """One SVG path of every outer ring of the (Multi)Polygon features, [lng, lat]."""
    bagian = []
    for fitur in geojson["features"]:
        g = fitur["geometry"]
        poligon = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        for cincin, *_lubang in poligon:
            titik = []
            for lng, lat in cincin:
                p = _xy(lat, lng)
                if not titik or titik[-1] != p:
                    titik.append(p)
            if titik[0] != titik[-1]:
                titik.append(titik[0])
            titik = batas.douglas_peucker(titik, TOLERANSI)
            if len(titik) >= 4:
                bagian.append(batas._relatif(titik[:-1]))
    return "".join(bagian)


def cocokkan(teks_csv: str, wilayah: list[tuple[str, str, str]]) -> tuple[dict, list[str]]:
    """Match the source rows (``kode_bps,provinsi,"KABUPATEN X",lat,lng``) to Kemendagri
    codes. Returns ({kode: (lat, lng)}, [source rows left unmatched])."""
    indeks: dict[tuple[str, str], list[str]] = {}
    for kode, nama, jenis in wilayah:
        if jenis in ("kabupaten", "kota"):
            indeks.setdefault((jenis, _huruf(nama)), []).append(kode)
    hasil, sisa = {}, []
    for baris in csv.reader(io.StringIO(teks_csv)):
        if len(baris) != 5:
            continue
        _kode_bps, prov, nama, lat, lng = baris
        jenis, _, inti = nama.partition(" ")
        jenis = {"KABUPATEN": "kabupaten", "KOTA": "kota"}.get(jenis)
        kunci = _huruf(inti)
        kunci = ALIAS.get(kunci, kunci)
        calon = [
            k
            for k in indeks.get((jenis, kunci), [])
            if k[:2] in PROVINSI_BARU.get(prov, {prov}) and k not in hasil
        ]
        if len(calon) != 1:
            sisa.append(nama)
            continue
        hasil[calon[0]] = (float(lat), float(lng))
    return hasil, sisa


def bangun(
    geojson: dict, teks_csv: str, wilayah: list[tuple[str, str, str]], *, sumber: dict
) -> dict:
    """The national layer's content (``sumber`` names the files and commits read)."""
    letak, sisa = cocokkan(teks_csv, wilayah)
    titik = {kode: _xy(lat, lng) for kode, (lat, lng) in letak.items()}
    for kode, _nama, jenis in wilayah:
        if jenis == "provinsi":
            anak = [p for k, p in letak.items() if k[:2] == kode]
            if anak:
                lat = sum(p[0] for p in anak) / len(anak)
                lng = sum(p[1] for p in anak) / len(anak)
                titik[kode] = _xy(lat, lng)
    kx, ky = _xy(batas.UTARA, batas.BARAT)
    kx2, ky2 = _xy(batas.SELATAN, batas.TIMUR)
    return {
        "sumber": sumber,
        "lisensi": "see BATAS-LICENSE.md",
        "proyeksi": {
            "skala_px_per_derajat": SKALA,
            "barat": BARAT,
            "utara": UTARA,
            "toleransi_px": TOLERANSI,
        },
        "viewBox": f"0 0 {round((TIMUR - BARAT) * SKALA)} {round((UTARA - SELATAN) * SKALA)}",
        "garis": garis(geojson),
        "kotak": [kx, ky, kx2 - kx, ky2 - ky],
        "titik": {k: list(titik[k]) for k in sorted(titik)},
        "tanpa_titik": sorted(k for k, _n, j in wilayah if k not in titik),
        "tak_cocok": sisa,
    }
