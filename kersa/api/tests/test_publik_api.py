"""The public register through the API: anonymous, read-only, signed agreements only,
the public page's fields, no drafts and no person's name."""

import pytest
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.core.testing import jumlah_kueri_api
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.reporting import statistik

pytestmark = pytest.mark.django_db

URL = "/api/v1/publik/ksdd/"


def test_url_name():
    assert reverse("api:publik-ksdd-list") == URL


def test_p26_anonymous_sees_signed_agreements_only(pemeran, klien):
    draf = ksdd_baru(pemeran, judul="Pengelolaan Sampah Regional Barito Selatan – Barito Utara")
    kb = ke_status(
        ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa=""), Status.PERMOHONAN_DPRD, pemeran
    )
    berjalan = ke_status(ksdd_baru(pemeran), Status.PELAKSANAAN, pemeran)

    r = klien().get(URL)
    assert r.status_code == 200
    body = r.json()
    nomor = {row["nomor_register"] for row in body["results"]}
    assert nomor == {kb.nomor_register, berjalan.nomor_register}
    assert draf.nomor_register not in nomor
    hanya_kb = next(x for x in body["results"] if x["nomor_register"] == kb.nomor_register)
    assert hanya_kb["keadaan"] == "Kesepakatan Bersama ditandatangani"
    assert hanya_kb["tanggal_pks"] is None
    row = next(x for x in body["results"] if x["nomor_register"] == berjalan.nomor_register)
    assert row["para_pihak"] == ["Kabupaten Barito Selatan", "Kabupaten Barito Timur"]
    assert row["keadaan"] == "Dilaksanakan"
    assert row["tanggal_kb"] and row["tanggal_pks"] and row["berlaku_sampai"]
    assert row["penandatangan"] == ["Bupati Barito Selatan", "Bupati Barito Timur"]
    assert set(row) == {
        "nomor_register",
        "judul",
        "para_pihak",
        "urusan",
        "kategori",
        "kategori_label",
        "bentuk",
        "tanggal_kb",
        "tanggal_pks",
        "berlaku_mulai",
        "berlaku_sampai",
        "penandatangan",
        "keadaan",
    }


def test_p26_no_person_name_no_internal_ids(pemeran, klien):
    ke_status(ksdd_baru(pemeran), Status.PELAKSANAAN, pemeran)
    text = klien().get(URL).content.decode()
    assert "Eddy Raya Samsuri" not in text  # the Bupati who signed, by name
    assert "Kepala Daerah Kabupaten Barito Timur" not in text
    assert pemeran.operator.username not in text
    assert '"id"' not in text


def test_same_rows_as_the_public_page(pemeran, klien):
    for _ in range(2):
        ke_status(ksdd_baru(pemeran), Status.PELAKSANAAN, pemeran)
    api = [r["nomor_register"] for r in klien().get(URL).json()["results"]]
    web = [k.nomor_register for k in statistik.ksdd_publik()]
    assert api == web


def test_search_and_year_filters(pemeran, klien):
    k = ke_status(ksdd_baru(pemeran), Status.PELAKSANAAN, pemeran)
    client = klien()
    assert client.get(URL, {"q": "barito timur"}).json()["count"] == 1
    assert client.get(URL, {"q": "Kapuas Hulu"}).json()["count"] == 0
    tahun = k.naskah.exclude(tanggal_ditandatangani=None).first().tanggal_ditandatangani.year
    assert client.get(URL, {"tahun": tahun}).json()["count"] == 1
    assert client.get(URL, {"tahun": tahun - 5}).json()["count"] == 0
    assert client.get(URL, {"tahun": "abc"}).status_code == 400
    assert client.get(URL, {"tahun": 0}).status_code == 400


def test_read_only_and_open_without_token(pemeran, klien):
    client = klien()
    assert client.post(URL, {}, format="json").status_code in (403, 405)
    client.credentials(HTTP_AUTHORIZATION="Token tidak-ada")
    assert client.get(URL).status_code == 200  # no authentication is attempted at all


def test_query_count_does_not_grow_with_rows(pemeran, klien):
    client = klien()

    def hitung():
        return jumlah_kueri_api(client, URL)

    ke_status(ksdd_baru(pemeran), Status.PELAKSANAAN, pemeran)
    satu, n = hitung()
    assert n == 1
    for _ in range(3):
        ke_status(ksdd_baru(pemeran), Status.PELAKSANAAN, pemeran)
    assert hitung() == (satu, 4)
