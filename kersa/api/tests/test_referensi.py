"""Reference data endpoints: regions with their neighbours, agencies, urusan, bentuk, tujuan."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_p1_3_wilayah_list_filters_by_jenis_and_q(pemeran, klien):
    client = klien(pemeran.publik)
    r = client.get(reverse("api:wilayah-list"), {"jenis": "provinsi"})
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 38
    assert {w["jenis"] for w in body["results"]} == {"provinsi"}

    r = client.get(reverse("api:wilayah-list"), {"q": "barito"})
    kodes = {w["kode"] for w in r.json()["results"]}
    assert {"62.04", "62.05", "62.13"} <= kodes
    assert all("Barito" in w["nama"] for w in r.json()["results"])

    r = client.get(reverse("api:wilayah-list"), {"q": "62.0", "jenis": "kabupaten"})
    assert all(w["kode"].startswith("62.0") for w in r.json()["results"])


def test_p1_3_wilayah_detail_by_code_lists_neighbours(pemeran, klien):
    r = klien(pemeran.operator).get(reverse("api:wilayah-detail", kwargs={"pk": "62.04"}))
    assert r.status_code == 200
    body = r.json()
    assert body["nama_lengkap"] == "Kabupaten Barito Selatan"
    assert body["provinsi"] == "62"
    assert body["tetangga"] == ["62.03", "62.05", "62.13", "63.04", "63.08", "63.09"]


def test_wilayah_unknown_code_is_404(pemeran, klien):
    client = klien(pemeran.operator)
    assert client.get("/api/v1/wilayah/99.99/").status_code == 404
    assert client.get("/api/v1/wilayah/abc/").status_code == 404


def test_wilayah_bad_filter_is_400(pemeran, klien):
    r = klien(pemeran.operator).get(reverse("api:wilayah-list"), {"jenis": "negara"})
    assert r.status_code == 400


def test_p5_4_urusan_list_has_31_in_three_groups(pemeran, klien):
    client = klien(pemeran.operator)
    body = client.get(reverse("api:urusan-list")).json()
    assert len(body) == 31
    assert {u["kelompok"] for u in body} == {"wajib_pd", "wajib_npd", "pilihan"}
    pd = client.get(reverse("api:urusan-list"), {"kelompok": "wajib_pd"}).json()
    assert len(pd) == 6


def test_p9_bentuk_list_carries_definitions(pemeran, klien):
    body = klien(pemeran.operator).get(reverse("api:bentuk-list")).json()
    assert [b["kode"] for b in body] == list("abcdefghi")
    assert all(b["definisi"] for b in body)
    assert {b["kode"] for b in body if b["wajib_kompensasi"]} == {"b", "c", "d", "f"}


def test_p3_tujuan_list(pemeran, klien):
    body = klien(pemeran.operator).get(reverse("api:tujuan-list")).json()
    assert [t["kode"] for t in body] == list("abcde")


def test_p1_6_perangkat_daerah_list(pemeran, klien):
    client = klien(pemeran.operator)
    body = client.get(reverse("api:perangkat-daerah-list")).json()
    assert pemeran.operator.perangkat_daerah_id in {p["id"] for p in body}
    pd = client.get(
        reverse("api:perangkat-daerah-detail", kwargs={"pk": pemeran.operator.perangkat_daerah_id})
    )
    assert pd.json()["nama"] == "Dinas Kesehatan"
    assert "kepala_nip" not in pd.json()


def test_reference_data_needs_login(klien, acuan):
    assert klien().get(reverse("api:urusan-list")).status_code == 401
