"""The dashboard map's outlines (``data/batas-62-63.json``): derived from
cahyadsn/wilayah_boundaries, shipped with its MIT notice, one shape per kabupaten/kota of
Kalimantan Tengah and Selatan; the builder reads the source rows as [lat, lng]."""

import json

import pytest

from kersa.regions import batas, nasional
from kersa.regions.models import Wilayah

SQL = (
    "INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES\n"
    # a multipolygon: an islet (dropped) and a square 0.5° a side at 1°S..1.5°S, 112..112.5°E
    "\t('62.99','Kabupaten Uji',-1.2,112.2,'[[[[-3.0,113.0],[-3.001,113.001],[-3.0,113.002],"
    "[-3.0,113.0]]],[[[-1.0,112.0],[-1.0,112.25],[-1.0,112.5],[-1.5,112.5],[-1.5,112.0],"
    "[-1.0,112.0]]]]'),\n"
    # a polygon (rings of points), and a row of another province (left out)
    "\t('63.98','Kota Uji',-3.0,114.0,'[[[-3.0,114.0],[-3.0,114.1],[-3.1,114.1],[-3.0,114.0]]]'),\n"
    "\t('64.01','Kabupaten Lain',0,0,'[[[-1.0,116.0],[-1.0,116.1],[-1.1,116.1],[-1.0,116.0]]]');\n"
)


def test_builder_projects_lat_lng_drops_islets_and_collinear_points():
    data = batas.bangun({"kab.sql": SQL}, commit="c" * 40)
    assert set(data["wilayah"]) == {"62.99", "63.98"}
    uji = data["wilayah"]["62.99"]
    # x = (112.0 - 110.6) * 100 = 140, y = (0.9 - -1.0) * 100 = 190; the islet is gone and
    # the midpoint (112.25) of the straight north edge is simplified away
    assert uji["d"] == "M140 190l50 0 0 50-50 0z"
    assert (uji["x"], uji["y"]) == (165, 215)
    assert data["commit"] == "c" * 40
    assert data["viewBox"] == "0 0 610 520"


def test_douglas_peucker_keeps_ends_and_corners():
    garis = [(0, 0), (1, 0), (2, 0), (3, 0), (3, 3), (3, 6)]
    assert batas.douglas_peucker(garis, 1.0) == [(0, 0), (3, 0), (3, 6)]


@pytest.mark.django_db
def test_shipped_outlines_cover_every_kabupaten_kota_of_62_and_63():
    data = batas.muat()
    kode = set(Wilayah.objects.filter(provinsi_id__in=["62", "63"]).values_list("kode", flat=True))
    assert set(data["wilayah"]) == kode
    assert len(kode) == 27
    assert batas.BERKAS.stat().st_size < 20_000
    for w in data["wilayah"].values():
        assert w["d"].startswith("M") and w["d"].endswith("z")


def test_shipped_outlines_carry_the_mit_notice_and_source_commit():
    data = json.loads(batas.BERKAS.read_text(encoding="utf-8"))
    notice = (batas.BERKAS.parent / "BATAS-LICENSE.md").read_text(encoding="utf-8")
    assert "MIT License" in notice and "Copyright (c) 2024 Cahya DSN" in notice
    assert data["commit"] in notice
    assert data["sumber"] == "https://github.com/cahyadsn/wilayah_boundaries"


# ---------------------------------------------------------------- national layer (nasional.py)

GARIS = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "geometry": {
                "type": "Polygon",
                # a square 1° a side, 110..111°E, 1°S..2°S, with a collinear midpoint
                "coordinates": [
                    [[110, -1], [110.5, -1], [111, -1], [111, -2], [110, -2], [110, -1]]
                ],
            },
        }
    ],
}
# BPS codes and old names: 7605 is Pasangkayu (76.01) since 2017, 9101's Papua Barat is split
KOTA = (
    '7605,76,"KABUPATEN MAMUJU UTARA",-1.5,119.5\n'
    '9107,91,"KABUPATEN SORONG",-1.1,131.5\n'
    '9171,91,"KOTA SORONG",-0.9,131.3\n'
    '3578,35,"KOTA SURABAYA",-7.25,112.75\n'
    '3204,35,"KABUPATEN TIDAK ADA",-7.0,112.0\n'
)
WILAYAH = [
    ("76", "Sulawesi Barat", "provinsi"),
    ("76.01", "Pasangkayu", "kabupaten"),
    ("96", "Papua Barat Daya", "provinsi"),
    ("96.01", "Sorong", "kabupaten"),
    ("96.71", "Sorong", "kota"),
    ("35.78", "Surabaya", "kota"),
    ("35.79", "Batu", "kota"),
]


def test_national_builder_matches_old_codes_and_names_to_kemendagri():
    data = nasional.bangun(GARIS, KOTA, WILAYAH, sumber={"uji": True})
    t = data["titik"]
    # x = (lng - 94.5) * 12, y = (6.5 - lat) * 12
    assert t["76.01"] == [300, 96]  # Mamuju Utara → Pasangkayu
    assert t["96.01"] == [444, 91] and t["96.71"] == [442, 89]  # BPS 91 → Kemendagri 96
    assert t["35.78"] == [219, 165]
    assert t["96"] == [443, 90]  # a province: the mean of its kabupaten/kota
    assert data["tanpa_titik"] == ["35.79"]  # Kota Batu: no row in this source
    assert data["tak_cocok"] == ["KABUPATEN TIDAK ADA"]
    # the square: (186, 90) to (198, 102); the midpoint of the north edge is simplified away
    assert data["garis"] == "M186 90l12 0 0 12-12 0z"
    assert data["viewBox"] == "0 0 564 216"
    assert data["kotak"] == [193, 67, 73, 63]  # the kabupaten map: 110.6..116.7°E, 0.9°N..4.3°S


@pytest.mark.django_db
def test_shipped_national_layer_has_a_point_for_every_region():
    data = nasional.muat()
    kode = set(Wilayah.objects.values_list("kode", flat=True))
    assert len(kode) == 552  # 38 provinsi, 514 kabupaten/kota
    assert set(data["titik"]) == kode
    assert data["tanpa_titik"] == [] and data["tak_cocok"] == []
    lebar, tinggi = map(int, data["viewBox"].split()[2:])
    assert all(0 <= x <= lebar and 0 <= y <= tinggi for x, y in data["titik"].values())
    assert data["titik"]["31.71"] == [148, 152]  # Jakarta Pusat -6.18, 106.83
    assert data["titik"]["94.04"] == [512, 131]  # Mimika (Timika) -4.46, 137.14
    assert nasional.BERKAS.stat().st_size < 20_000


def test_shipped_national_layer_names_its_sources_and_their_notices():
    data = json.loads(nasional.BERKAS.read_text(encoding="utf-8"))
    notice = (nasional.BERKAS.parent / "BATAS-LICENSE.md").read_text(encoding="utf-8")
    for bagian in data["sumber"].values():
        assert bagian["commit"] in notice and bagian["berkas"] in notice
    assert "Copyright (c) 2016 Laravolt" in notice and "Unlicense" in notice
