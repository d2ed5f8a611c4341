"""Garbage in gives 400 (form) or 422 (a rule), never 500, and nothing is saved."""

import datetime as dt
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kersa.agreements.choices import Status
from kersa.agreements.models import Bentuk, Ksdd, Naskah
from kersa.demo.skenario import ke_status
from kersa.documents.contoh import docx_bytes
from kersa.documents.models import Berkas

from .bantuan import (
    data_ajukan_kak,
    data_penawaran,
    data_rancangan,
    data_tandatangani,
    data_tanggapan,
    data_telaah,
    hari,
    langkah,
    multipart,
    url_ksdd,
)

pytestmark = pytest.mark.django_db


def _tidak_berubah(ksdd, status):
    ksdd.refresh_from_db()
    assert ksdd.status == status


def test_bad_dates_are_400(ksdd, pemeran, klien):
    client = klien(pemeran.operator)
    for nilai in ("2026-13-45", "kemarin", "", "31-12-2025", "9999-12-31", "1800-01-01"):
        r = langkah(client, ksdd, "ajukan_kak", data_ajukan_kak(ksdd) | {"tanggal_surat": nilai})
        assert r.status_code == 400, nilai
        assert "tanggal_surat" in r.json()
    _tidak_berubah(ksdd, Status.PENYUSUNAN_KAK)
    assert not Berkas.objects.filter(ksdd=ksdd).exists()


def test_p19_3_far_future_kb_dates_are_400_not_500(ksdd, pemeran, klien):
    """The P19-3 check adds five years to the start date: year 9999 would overflow."""
    ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    data = data_rancangan(ksdd) | {
        "tanggal_mulai": dt.date(9999, 1, 1),
        "tanggal_berakhir": dt.date(9999, 6, 1),
    }
    r = langkah(klien(pemeran.operator), ksdd, "sepakati_rancangan_kb", data)
    assert r.status_code == 400
    assert set(r.json()) == {"tanggal_mulai", "tanggal_berakhir"}


def test_future_letter_date_is_refused_by_rule(ksdd, pemeran, klien):
    data = data_ajukan_kak(ksdd) | {"tanggal_surat": hari(-3)}
    r = langkah(klien(pemeran.operator), ksdd, "ajukan_kak", data)
    assert r.status_code == 422
    assert r.json()["pelanggaran"][0]["field"] == "tanggal_surat"


def test_unknown_region_codes_are_400(ksdd, pemeran, klien):
    operator = klien(pemeran.operator)
    data = {
        "judul": "X",
        "kategori": "sukarela",
        "bentuk": Bentuk.objects.get(kode="a").pk,
        "mitra": ["99.99"],
    }
    r = operator.post(url_ksdd(), data, format="json")
    assert r.status_code == 400
    assert "mitra" in r.json()
    for mitra in ([{"kode": "62.13"}], "62.13", [None], [62.13]):
        assert operator.post(url_ksdd(), data | {"mitra": mitra}, format="json").status_code == 400
    for field, nilai in (("urusan", [999999]), ("urusan", ["a.2"]), ("bentuk", 10**30)):
        r = operator.post(url_ksdd(), data | {"mitra": ["31.71"], field: nilai}, format="json")
        assert r.status_code == 400, (field, nilai)
        assert field in r.json()
    r = operator.patch(url_ksdd(ksdd), {"pemrakarsa_mitra": "00.00"}, format="json")
    assert r.status_code == 400

    ke_status(ksdd, Status.MENYIAPKAN_PENAWARAN, pemeran)
    sekretariat = klien(pemeran.sekretariat)
    data = data_penawaran(ksdd) | {"penerimaan": {"99.99": hari(50).isoformat()}}
    r = langkah(sekretariat, ksdd, "catat_penawaran", data)
    assert r.status_code == 400
    assert "99.99" in str(r.json()["penerimaan"])
    # A real region that is not a partner of this KSDD: the rule says so.
    data = data_penawaran(ksdd) | {"penerimaan": {"62.13": hari(50), "31.71": hari(50)}}
    r = langkah(sekretariat, ksdd, "catat_penawaran", data)
    assert r.status_code == 422
    assert r.json()["rule"] == "P16-3"

    ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    r = langkah(sekretariat, ksdd, "catat_tanggapan", data_tanggapan("99.99"))
    assert r.status_code == 400
    assert "mitra" in r.json()


def test_penandatangan_garbage_is_400(ksdd, pemeran, klien):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    client = klien(pemeran.bupati)
    baik = data_tandatangani(ksdd, hari(18))
    rusak = [
        "bukan json",
        '{"wilayah": "62.04"}',
        "[1, 2",
        json.dumps([{"wilayah": "99.99", "kedudukan": "kepala_daerah"}]),
        json.dumps([{**baik["penandatangan"][0], "kedudukan": "raja"}]),
        json.dumps([{**baik["penandatangan"][0], "nama": "x" * 151}]),
        json.dumps([{**baik["penandatangan"][0], "surat_kuasa": "satu"}]),
        json.dumps([{**baik["penandatangan"][0], "surat_kuasa": 10**30}]),
        json.dumps([[[[[]]]]]),
        "[" * 100_000,
    ]
    for nilai in rusak:
        data = multipart(baik) | {"penandatangan": nilai, "naskah": baik["naskah"]}
        baik["naskah"].seek(0)
        r = client.post(url_ksdd(ksdd, "tandatangani_kb"), data, format="multipart")
        assert r.status_code == 400, nilai[:40]
        assert "penandatangan" in r.json()
    _tidak_berubah(ksdd, Status.PENANDATANGANAN_KB)


def test_p20_3_missing_party_signature_is_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    data = data_tandatangani(ksdd, hari(18))
    data["penandatangan"] = data["penandatangan"][:1]
    r = langkah(klien(pemeran.bupati), ksdd, "tandatangani_kb", data)
    assert r.status_code == 422
    assert r.json()["rule"] == "P20-3"


def test_temuan_garbage_is_400(ksdd, pemeran, klien):
    ke_status(ksdd, Status.TELAAH_TKKSD, pemeran)
    client = klien(pemeran.sekretariat)
    baik = data_telaah()
    for temuan in (
        "tidak",
        [1, 2],
        {"z": {"sesuai": True, "uraian": "x"}},
        {"a": {"sesuai": "mungkin", "uraian": "x"}},
        {"a": "ya"},
    ):
        r = langkah(client, ksdd, "catat_telaah", baik | {"temuan": temuan})
        assert r.status_code == 400, temuan
        assert "temuan" in r.json()
    # ``layak`` left out of a multipart form is missing, not "false".
    data = {k: v for k, v in baik.items() if k != "layak"}
    r = langkah(client, ksdd, "catat_telaah", data)
    assert r.status_code == 400
    assert "layak" in r.json()
    _tidak_berubah(ksdd, Status.TELAAH_TKKSD)


def test_missing_file_is_400_and_a_string_is_not_a_file(ksdd, pemeran, klien):
    client = klien(pemeran.operator)
    data = data_ajukan_kak(ksdd)
    del data["surat_permohonan"]
    r = langkah(client, ksdd, "ajukan_kak", data)
    assert r.status_code == 400
    assert "surat_permohonan" in r.json()
    body = {"nomor": "1", "tanggal_surat": "2025-01-01", "surat_permohonan": "surat.pdf"}
    r = client.post(url_ksdd(ksdd, "ajukan_kak"), body, format="json")
    assert r.status_code == 400
    assert "surat_permohonan" in r.json()
    r = langkah(
        client,
        ksdd,
        "ajukan_kak",
        data | {"surat_permohonan": SimpleUploadedFile("kosong.pdf", b"")},
    )
    assert r.status_code == 400
    _tidak_berubah(ksdd, Status.PENYUSUNAN_KAK)


def test_p26_exe_renamed_pdf_is_422_and_nothing_is_kept(ksdd, pemeran, klien):
    client = klien(pemeran.operator)
    exe = SimpleUploadedFile("surat.pdf", b"MZ\x90\x00" + b"\x00" * 500, "application/pdf")
    r = langkah(client, ksdd, "ajukan_kak", data_ajukan_kak(ksdd) | {"surat_permohonan": exe})
    assert r.status_code == 422
    assert r.json()["rule"] == "P26"
    _tidak_berubah(ksdd, Status.PENYUSUNAN_KAK)
    assert not Berkas.objects.filter(ksdd=ksdd).exists()


def test_p26_macro_docx_is_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes("KB"))) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item.filename))
        dst.writestr("word/vbaProject.bin", b"macro")
    docm = SimpleUploadedFile("rancangan.docx", buf.getvalue())
    r = langkah(
        klien(pemeran.operator),
        ksdd,
        "sepakati_rancangan_kb",
        data_rancangan(ksdd) | {"rancangan": docm},
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P26"
    assert not Naskah.objects.filter(ksdd=ksdd).exists()


def test_garbage_bodies_and_ids(ksdd, pemeran, klien):
    client = klien(pemeran.operator)
    url = url_ksdd(ksdd, "batalkan")
    assert client.post(url, "[1, 2]", content_type="application/json").status_code == 400
    assert client.post(url, "{bukan json", content_type="application/json").status_code == 400
    assert client.post(url, "[" * 100_000, content_type="application/json").status_code == 400
    assert client.post(url, b"\xff\xfe", content_type="application/json").status_code == 400
    assert client.post(url, "alasan=x", content_type="text/plain").status_code == 415
    assert client.post(url, {"alasan": "x", "versi": "dua"}, format="json").status_code == 400
    assert client.post(url, {"alasan": "x", "versi": 10**20}, format="json").status_code == 400
    assert client.post(url, {"alasan": "\x00"}, format="json").status_code == 400
    assert client.get("/api/v1/ksdd/abc/").status_code == 404
    assert client.get("/api/v1/ksdd/99999999999999999999999999/").status_code == 404
    assert (
        client.post("/api/v1/ksdd/99999999999999999999/batalkan/", {"alasan": "x"}).status_code
        == 404
    )
    assert client.get(url).status_code == 405
    assert client.put(url_ksdd(ksdd), {"judul": "x"}, format="json").status_code == 405
    _tidak_berubah(ksdd, Status.PENYUSUNAN_KAK)


def test_create_garbage_is_400(pemeran, klien):
    client = klien(pemeran.operator)
    baik = {
        "judul": "X",
        "kategori": "sukarela",
        "bentuk": Bentuk.objects.get(kode="a").pk,
        "mitra": ["31.71"],
    }
    for field, nilai in (
        ("judul", ""),
        ("judul", "x" * 301),
        ("kategori", "paksa"),
        ("nilai_anggaran", "NaN"),
        ("nilai_anggaran", "-1"),
        ("nilai_anggaran", "1e30"),
        ("jangka_waktu_bulan", 0),
        ("jangka_waktu_bulan", 10**9),
        ("rencana_mulai", "01/01/2026"),
        ("dalam_rencana", "mungkin"),
        ("pengecualian_rencana", "alasan_lain"),
    ):
        r = client.post(url_ksdd(), baik | {field: nilai}, format="json")
        assert r.status_code == 400, (field, nilai)
        assert field in r.json()
    # A NUL byte is refused before the serializer reads it (core middleware).
    r = client.post(url_ksdd(), baik | {"judul": "a\x00b"}, format="json")
    assert r.status_code == 400
    assert "karakter NUL" in r.json()["detail"]
    assert client.post(url_ksdd(), [baik], format="json").status_code == 400
    assert not Ksdd.objects.exists()


def test_p5_3_outside_the_plan_needs_an_exception_is_422(pemeran, klien):
    r = klien(pemeran.operator).post(
        url_ksdd(),
        {
            "judul": "X",
            "kategori": "sukarela",
            "bentuk": Bentuk.objects.get(kode="a").pk,
            "mitra": ["31.71"],
            "dalam_rencana": False,
        },
        format="json",
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P5-3"


def test_register_filter_garbage_is_400(pemeran, klien):
    client = klien(pemeran.sekretariat)
    for params in (
        {"tahun": 0},
        {"tahun": 99999},
        {"tahun": "dua ribu"},
        {"urusan": "abc"},
        {"urusan": 10**30},
        {"urusan": 0},
        {"mitra": "9" * 300},
        {"status": "hilang"},
        {"tahap": "z"},
    ):
        assert client.get(url_ksdd(), params).status_code == 400, params
    assert client.get(url_ksdd(), {"page": 99}).status_code == 404
    # A well-formed reference to no row selects nothing (issue 19, schemathesis: a key the
    # schema allows is not refused).
    for params in ({"mitra": "99.99"}, {"urusan": 2199}, {"bentuk": 2199}):
        r = client.get(url_ksdd(), params)
        assert r.status_code == 200, params
        assert r.json()["count"] == 0
    assert client.get(url_ksdd(), {"mitra": "62.04"}).status_code == 200


NUL_PESAN = "Permintaan memuat karakter NUL (\\x00) yang tidak sah."


def test_a_nul_in_region_codes_of_a_multipart_body_is_400(ksdd, pemeran, klien):
    """Issue 19: a NUL in a region code reached PostgreSQL (which cannot hold it: 500)
    where the NUL middleware does not read — inside the JSON strings of a multipart form
    (a signer's ``wilayah``, a ``penerimaan`` key). A JSON body is the middleware's."""
    ke_status(ksdd, Status.MENYIAPKAN_PENAWARAN, pemeran)
    data = data_penawaran(ksdd) | {"penerimaan": {"62.\x0013": hari(50).isoformat()}}
    r = langkah(klien(pemeran.sekretariat), ksdd, "catat_penawaran", data)
    assert r.status_code == 400
    assert r.json()["penerimaan"] == [NUL_PESAN]
    _tidak_berubah(ksdd, Status.MENYIAPKAN_PENAWARAN)

    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    baik = data_tandatangani(ksdd, hari(18))
    pihak = [{**baik["penandatangan"][0], "wilayah": "62.0\x004"}, *baik["penandatangan"][1:]]
    r = langkah(klien(pemeran.bupati), ksdd, "tandatangani_kb", baik | {"penandatangan": pihak})
    assert r.status_code == 400
    assert r.json()["penandatangan"] == [NUL_PESAN]
    _tidak_berubah(ksdd, Status.PENANDATANGANAN_KB)
