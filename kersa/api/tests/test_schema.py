"""The OpenAPI schema: valid, one documented POST per transition, docs pages served."""

import inspect

import pytest
from django.core.management import call_command
from django.urls import reverse

from kersa.agreements.daftar import LANGKAH as AKSI
from kersa.agreements.workflow import TRANSISI
from kersa.api.checks import cek_aksi_langkah


def test_schema_validates_without_warnings(tmp_path, db):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))
    assert (tmp_path / "s.yml").read_text().startswith("openapi: 3")


def test_every_transition_has_an_api_action():
    assert set(AKSI) == set(TRANSISI)
    assert cek_aksi_langkah() == []


@pytest.mark.parametrize("nama", sorted(AKSI))
def test_input_serializer_matches_service_keyword_arguments(nama):
    aksi = AKSI[nama]
    params = inspect.signature(aksi.layanan).parameters
    kwargs = {n for n, p in params.items() if p.kind is p.KEYWORD_ONLY} - {"ksdd", "user"}
    fields = aksi.serializer().fields
    assert set(fields) == kwargs
    wajib = {n for n in kwargs if params[n].default is inspect.Parameter.empty}
    for n in wajib:
        assert fields[n].required, n
    for n in kwargs - wajib:
        assert not fields[n].required, n


@pytest.mark.django_db
def test_schema_documents_each_transition_with_its_own_request(pemeran, klien):
    r = klien(pemeran.operator).get(reverse("api:schema"), {"format": "json"})
    assert r.status_code == 200
    schema = r.json()
    for nama, aksi in AKSI.items():
        op = schema["paths"][f"/api/v1/ksdd/{{id}}/{nama}/"]["post"]
        body = op["requestBody"]["content"]
        ref = f"#/components/schemas/{aksi.serializer.__name__.removesuffix('Serializer')}Request"
        assert body["multipart/form-data"]["schema"]["$ref"] == ref
        assert body["application/json"]["schema"]["$ref"] == ref
        assert {"200", "400", "403", "404", "409", "422"} <= set(op["responses"])
    props = schema["components"]["schemas"]["TandatanganiKbRequest"]["properties"]
    assert props["penandatangan"]["type"] == "array"
    assert props["naskah"]["format"] == "binary"
    assert "/api/v1/wilayah/{kode}/" in schema["paths"] or any(
        p.startswith("/api/v1/wilayah/{") for p in schema["paths"]
    )


@pytest.mark.django_db
def test_docs_pages_answer_for_a_logged_in_user(pemeran, klien):
    client = klien(pemeran.publik)
    assert client.get(reverse("api:docs")).status_code == 200
    assert client.get(reverse("api:redoc")).status_code == 200


@pytest.mark.django_db
def test_schema_needs_login(klien):
    assert klien().get(reverse("api:schema")).status_code in (401, 403)


@pytest.mark.django_db
def test_schema_has_the_clocks_and_the_file_downloads(pemeran, klien):
    """Issue 13 item 6: a KSDD's clocks and ``/tenggat/`` with the page's filters; the
    version, its PDF and the report's XLSX downloadable under /api/v1/ (binary bodies)."""
    schema = klien(pemeran.operator).get(reverse("api:schema"), {"format": "json"}).json()
    komponen = schema["components"]["schemas"]
    ksdd = komponen["KsddDetail"]["properties"] if "KsddDetail" in komponen else None
    ksdd = ksdd or next(
        s["properties"]
        for n, s in komponen.items()
        if n.startswith("Ksdd") and "tenggat" in s.get("properties", {})
    )
    assert ksdd["tenggat"]["type"] == "array"
    jam = komponen["Tenggat"]["properties"]
    for kolom in ("rule", "pasal", "jatuh_tempo", "status", "yang_bertindak", "selesai_pada"):
        assert kolom in jam, kolom
    assert jam["jatuh_tempo"]["format"] == "date"
    daftar = schema["paths"]["/api/v1/tenggat/"]["get"]
    filter_ = {p["name"] for p in daftar["parameters"]}
    assert {"terbuka", "grup", "pd", "status", "rule", "ksdd"} <= filter_
    grup = next(p for p in daftar["parameters"] if p["name"] == "grup")
    assert set(grup["schema"]["enum"]) == {
        "terlewat",
        "hari_ini",
        "minggu_ini",
        "berikutnya",
        "selesai",
    }
    for path, jenis in (
        ("/api/v1/berkas/{id}/", "application/octet-stream"),
        ("/api/v1/versi/{id}/pdf/", "application/pdf"),
        (
            "/api/v1/laporan-bupati/{id}/xlsx/",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ):
        op = schema["paths"][path]["get"]
        assert op["responses"]["200"]["content"][jenis]["schema"]["format"] == "binary", path
        assert {"tokenAuth", "cookieAuth"} & {k for s in op.get("security", []) for k in s}, path


@pytest.mark.django_db
def test_schema_is_built_once_per_language_not_per_request(pemeran, klien, monkeypatch):
    """Issue 14: /api/schema/ was rebuilt on every request (1–2 s). It is built once per
    process and language; every later request, by anyone allowed, gets that copy."""
    from drf_spectacular.generators import SchemaGenerator

    from kersa.api.views.skema import SkemaTersimpan

    monkeypatch.setattr(SkemaTersimpan, "_simpanan", {})
    dibangun = []
    asli = SchemaGenerator.get_schema

    def hitung(self, *args, **kwargs):
        dibangun.append(1)
        return asli(self, *args, **kwargs)

    monkeypatch.setattr(SchemaGenerator, "get_schema", hitung)
    url = reverse("api:schema")
    pertama = klien(pemeran.operator).get(url, {"format": "json"})
    kedua = klien(pemeran.sekretariat).get(url, {"format": "json"})
    assert pertama.status_code == kedua.status_code == 200
    assert pertama.content == kedua.content
    assert len(dibangun) == 1
    inggris = klien(pemeran.operator).get(url, {"format": "json", "lang": "en"})
    assert len(dibangun) == 2 and inggris.content != pertama.content
    klien(pemeran.operator).get(url, {"format": "json", "lang": "en"})
    assert len(dibangun) == 2
