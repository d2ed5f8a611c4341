"""GET /api/v1/ksdd/{id}/dokumen/ (documents and versions, P26) and
GET /api/v1/ksdd/{id}/pemeriksaan/{kb|pks}/ (the compliance report, P11, P12),
visible like the KSDD detail."""

import pytest
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status
from kersa.documents.choices import AsalVersi
from kersa.documents.contoh import naskah_docx
from kersa.documents.models import Dokumen
from kersa.documents.services.versi import versi_tambah

pytestmark = pytest.mark.django_db


def _url(ksdd, tail):
    return f"/api/v1/ksdd/{ksdd.pk}/{tail}"


@pytest.fixture
def kb_disepakati(pemeran, ksdd):
    return ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)


def test_p26_documents_with_versions(klien, pemeran, kb_disepakati):
    r = klien(pemeran.operator).get(_url(kb_disepakati, "dokumen/"))
    assert r.status_code == 200
    (kb,) = r.json()
    assert kb["jenis"] == "kb"
    (v,) = kb["versi"]
    assert v["nomor"] == 1 and v["asal"] == "disepakati"
    assert len(v["sha256"]) == 64 and v["ukuran"] > 0
    berkas_id = Dokumen.objects.get().versi.get().berkas_id
    assert v["unduh"].endswith(f"/api/v1/berkas/{berkas_id}/")
    versi_id = Dokumen.objects.get().versi.get().pk
    assert v["pdf"].endswith(f"/api/v1/versi/{versi_id}/pdf/")


def _klien_token(pemeran, user):
    from rest_framework.test import APIClient

    client = APIClient()
    r = client.post(
        reverse("api:token"),
        {"username": user.username, "password": "rahasia-uji-123"},
        format="json",
    )
    client.credentials(HTTP_AUTHORIZATION=f"Token {r.json()['token']}")
    return client


def test_p26_version_and_its_pdf_download_with_a_token(pemeran, kb_disepakati):
    """The links the API returns download with a token (no 302 to the login page)."""
    client = _klien_token(pemeran, pemeran.operator)
    (kb,) = client.get(_url(kb_disepakati, "dokumen/")).json()
    (v,) = kb["versi"]
    r = client.get(v["unduh"])
    assert r.status_code == 200, r.content[:200]
    isi = b"".join(r.streaming_content)
    assert isi[:2] == b"PK" and len(isi) == v["ukuran"]
    r = client.get(v["pdf"])
    assert r.status_code == 200, r.content[:300]
    assert r["Content-Type"] == "application/pdf" and r.content[:5] == b"%PDF-"
    assert r["Content-Disposition"].endswith('.pdf"')


def test_p26_download_outside_the_users_view_is_404_with_a_token(pemeran, kb_disepakati):
    client = _klien_token(pemeran, pemeran.operator_lain)
    versi = Dokumen.objects.get(ksdd=kb_disepakati).versi.get()
    assert client.get(f"/api/v1/berkas/{versi.berkas_id}/").status_code == 404
    assert client.get(f"/api/v1/versi/{versi.pk}/pdf/").status_code == 404
    from rest_framework.test import APIClient

    assert APIClient().get(f"/api/v1/berkas/{versi.berkas_id}/").status_code in (401, 403)


def test_p11_report_of_the_agreed_kb(klien, pemeran, kb_disepakati):
    r = klien(pemeran.bupati).get(_url(kb_disepakati, "pemeriksaan/kb/"))
    assert r.status_code == 200
    body = r.json()
    assert body["lulus"] is True and body["hambatan"] == []
    assert [b["kode"] for b in body["bagian"]][:3] == ["komparisi", "para_pihak", "konsideran"]
    assert all(b["ada"] for b in body["bagian"])
    assert {d["kode"] for d in body["data"]} >= {"pihak", "jangka_waktu", "p19_3"}


def test_p12_report_names_missing_parts(klien, pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    pks = ksdd.naskah.get(jenis="pks")
    versi_tambah(
        dokumen=Dokumen.objects.get(ksdd=ksdd, jenis="pks"),
        data=naskah_docx(
            "pks",
            ksdd,
            tanpa=("keadaan_kahar",),
            mulai=pks.tanggal_mulai,
            berakhir=pks.tanggal_berakhir,
        ),
        nama="pks.docx",
        asal=AsalVersi.DISEPAKATI,
        user=pemeran.operator,
    )
    body = klien(pemeran.sekretariat).get(_url(ksdd, "pemeriksaan/pks/")).json()
    assert body["lulus"] is False
    kahar = next(b for b in body["bagian"] if b["kode"] == "keadaan_kahar")
    assert kahar["ada"] is False
    assert body["pelanggaran"][0]["rule"] == "P12-1"
    assert body["hambatan"][0]["rule"] == "P12"
    assert "Keadaan Kahar" in body["hambatan"][0]["detail"]


def test_p11_report_without_agreed_draft(klien, pemeran, ksdd):
    body = klien(pemeran.operator).get(_url(ksdd, "pemeriksaan/kb/")).json()
    assert body["lulus"] is False and body["bagian"] == []
    assert "belum dicatat" in body["alasan"]


@pytest.mark.parametrize(
    ("peran", "kode"),
    [("operator", 200), ("anggota", 200), ("operator_lain", 404), ("dprd", 404), ("publik", 403)],
)
def test_p26_access_like_the_ksdd_detail(klien, pemeran, kb_disepakati, peran, kode):
    c = klien(getattr(pemeran, peran))
    assert c.get(_url(kb_disepakati, "dokumen/")).status_code == kode
    assert c.get(_url(kb_disepakati, "pemeriksaan/kb/")).status_code == kode


def test_unknown_kind_is_404(klien, pemeran, kb_disepakati):
    assert klien(pemeran.operator).get(_url(kb_disepakati, "pemeriksaan/kak/")).status_code == 404


def test_anonymous_is_401(klien, kb_disepakati):
    assert klien().get(_url(kb_disepakati, "dokumen/")).status_code == 401
