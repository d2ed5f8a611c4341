"""The dashboard map's outlines (``data/batas-62-63.json``): derived from
cahyadsn/wilayah_boundaries, shipped with its MIT notice, one shape per kabupaten/kota of
Kalimantan Tengah and Selatan; the builder reads the source rows as [lat, lng]."""

import json

import pytest

from kersa.regions import batas
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
