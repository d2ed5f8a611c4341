"""TKKSD's semester and annual report (Pasal 34 ayat 2 huruf j dan ayat 3) and the
Bupati's report run (Pasal 27 ayat 2) through the API, through reporting.services with
the web pages' permissions and refusals."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from kersa.reporting import services
from kersa.reporting.choices import JenisLaporanTkksd, StatusLaporan, StatusProses
from kersa.reporting.models import LaporanTkksd, ProsesLaporan, RiwayatLaporanTkksd
from kersa.tte.tests.conftest import kode_otp_uji

pytestmark = pytest.mark.django_db

ISIAN = {
    "pendahuluan": "Laporan pelaksanaan tugas TKKSD Kabupaten Barito Selatan semester II.",
    "pelaksanaan_tugas": "TKKSD menelaah dua KAK dan memfasilitasi satu penawaran.",
    "rapat": "Satu Rapat Pleno (10-03-2026) dan dua Rapat Teknis.",
    "permasalahan": "Laporan semester Perangkat Daerah terlambat disampaikan.",
    "rekomendasi": "Perangkat Daerah menyampaikan laporan tepat waktu.",
}


def _url(nama="laporan-tkksd-list", **kw) -> str:
    return reverse(f"api:{nama}", kwargs=kw or None)


@pytest.fixture
def laporan(pemeran, acuan):
    from kersa.documents.services.penomoran import penomoran_muat_default

    penomoran_muat_default()
    return services.laporan_tkksd_buat(tahun=2025, semester=2, user=pemeran.sekretariat)


# --- TKKSD's report -------------------------------------------------------------------------


def test_p34_3_secretariat_opens_the_annual_report(pemeran, klien):
    r = klien(pemeran.sekretariat).post(_url(), {"tahun": 2025, "semester": 2}, format="json")
    assert r.status_code == 201, r.json()
    body = r.json()
    assert (body["kode"], body["jenis"], body["status"]) == (
        "2025-2",
        JenisLaporanTkksd.TAHUNAN,
        StatusLaporan.DRAF,
    )
    assert [h["ke"] for h in body["riwayat"]] == [StatusLaporan.DRAF]


def test_p34_2j_second_report_for_the_semester_is_refused_422(laporan, pemeran, klien):
    r = klien(pemeran.sekretariat).post(_url(), {"tahun": 2025, "semester": 2}, format="json")
    assert r.status_code == 422
    assert (r.json()["rule"], r.json()["pelanggaran"][0]["field"]) == ("P34-2j", "semester")
    assert LaporanTkksd.objects.count() == 1


def test_member_and_operator_may_not_open_a_tkksd_report_403(pemeran, klien):
    for user in (pemeran.anggota, pemeran.operator):
        r = klien(user).post(_url(), {"tahun": 2025, "semester": 2}, format="json")
        assert r.status_code == 403
    assert not LaporanTkksd.objects.exists()
    # The member reads them; the operator does not.
    assert klien(pemeran.anggota).get(_url()).status_code == 200
    assert klien(pemeran.operator).get(_url()).status_code == 403


def test_p34_2j_write_then_send_the_report_to_the_bupati(laporan, pemeran, klien):
    client = klien(pemeran.sekretariat)
    r = client.patch(_url("laporan-tkksd-detail", pk=laporan.pk), ISIAN, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["rapat"] == ISIAN["rapat"]
    r = client.post(_url("laporan-tkksd-sampaikan", pk=laporan.pk))
    assert r.status_code == 200, r.json()
    body = r.json()
    assert body["status"] == StatusLaporan.DISAMPAIKAN and body["tanggal_disampaikan"]
    assert body["dokumen"]["versi"][0]["nama_berkas"] == "laporan-tkksd-2025-2.docx"
    assert [h["ke"] for h in body["riwayat"]] == [StatusLaporan.DRAF, StatusLaporan.DISAMPAIKAN]


def test_p34_2j_a_sent_report_can_no_longer_be_changed_or_sent_422(laporan, pemeran, klien):
    services.laporan_tkksd_ubah(laporan=laporan, user=pemeran.sekretariat, **ISIAN)
    services.laporan_tkksd_sampaikan(laporan=laporan, user=pemeran.sekretariat)
    client = klien(pemeran.sekretariat)
    r = client.patch(
        _url("laporan-tkksd-detail", pk=laporan.pk), {"rapat": "Diubah."}, format="json"
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P34-2j"
    laporan.refresh_from_db()
    assert laporan.rapat == ISIAN["rapat"]
    r = client.post(_url("laporan-tkksd-sampaikan", pk=laporan.pk))
    assert r.status_code == 422
    assert r.json()["rule"] == "P34-2j"
    assert RiwayatLaporanTkksd.objects.filter(laporan=laporan).count() == 2


def test_member_may_not_write_or_send_the_report_403(laporan, pemeran, klien):
    client = klien(pemeran.anggota)
    assert client.get(_url("laporan-tkksd-detail", pk=laporan.pk)).status_code == 200
    r = client.patch(_url("laporan-tkksd-detail", pk=laporan.pk), ISIAN, format="json")
    assert r.status_code == 403
    assert client.post(_url("laporan-tkksd-sampaikan", pk=laporan.pk)).status_code == 403
    laporan.refresh_from_db()
    assert laporan.status == StatusLaporan.DRAF and laporan.rapat == ""


# --- the Bupati's report run ----------------------------------------------------------------


def test_p27_2_bupati_report_run_started_202_then_polled(
    pemeran, klien, acuan, django_capture_on_commit_callbacks
):
    from kersa.documents.services.penomoran import penomoran_muat_default

    penomoran_muat_default()
    client = klien(pemeran.sekretariat)
    with django_capture_on_commit_callbacks(execute=False) as antre:
        r = client.post(_url("laporan-bupati-list"), {"tahun": 2025, "semester": 2}, format="json")
    assert r.status_code == 202, r.json()
    body = r.json()
    proses = ProsesLaporan.objects.get()
    assert (body["id"], body["status"], body["berjalan"]) == (proses.pk, StatusProses.ANTRE, True)
    assert r["Location"] == body["url"]
    assert body["url"].endswith(_url("laporan-bupati-detail", pk=proses.pk))
    # The worker picks it up once the request has committed; the poll shows it done.
    for tugas in antre:
        tugas()
    r = client.get(body["url"])
    assert r.status_code == 200
    run = r.json()
    assert (run["status"], run["persen"], run["berjalan"]) == (StatusProses.SELESAI, 100, False)
    assert run["dokumen"] == run["dokumen_docx"]["id"]
    assert run["dokumen_docx"]["versi"][0]["nama_berkas"] == "laporan-bupati-2025-2.docx"
    assert run["xlsx"].endswith(_url("laporan-bupati-xlsx", pk=proses.pk))
    # the link downloads with an API token (no 302 to the login page)
    token = APIClient()
    r = token.post(
        reverse("api:token"),
        {
            "username": pemeran.sekretariat.username,
            "password": "rahasia-uji-123",
            "kode_otp": kode_otp_uji(pemeran.sekretariat),  # issue 19: a signer's token
        },
        format="json",
    )
    token.credentials(HTTP_AUTHORIZATION=f"Token {r.json()['token']}")
    r = token.get(run["xlsx"])
    assert r.status_code == 200, r.content[:200]
    assert b"".join(r.streaming_content)[:2] == b"PK"
    assert r["Content-Disposition"] == 'attachment; filename="laporan-bupati-2025-2.xlsx"'
    assert client.get(_url("laporan-bupati-list")).json()["count"] == 1


def test_p27_2_bupati_report_run_with_a_bad_semester_is_400(pemeran, klien):
    r = klien(pemeran.sekretariat).post(
        _url("laporan-bupati-list"), {"tahun": 2025, "semester": 3}, format="json"
    )
    assert r.status_code == 400
    assert "semester" in r.json()
    assert not ProsesLaporan.objects.exists()


def test_member_and_operator_may_not_start_the_bupati_report_403(pemeran, klien):
    for user in (pemeran.anggota, pemeran.operator):
        r = klien(user).post(
            _url("laporan-bupati-list"), {"tahun": 2025, "semester": 2}, format="json"
        )
        assert r.status_code == 403
    assert not ProsesLaporan.objects.exists()
