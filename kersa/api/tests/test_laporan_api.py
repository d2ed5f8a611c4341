"""Semester reports through the API (Pasal 27 ayat 1 dan 3): opened, written and sent
through reporting.services with the web's permissions, visibility and refusals."""

import pytest
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.core.testing import jumlah_kueri_api
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.reporting import services
from kersa.reporting.choices import StatusLaporan
from kersa.reporting.models import LaporanSemester, RiwayatLaporanSemester
from kersa.reporting.selectors import periode_dari

pytestmark = pytest.mark.django_db

ISIAN = {
    "permasalahan": "Rujukan pasien dari desa perbatasan melebihi kuota 40 pasien per bulan.",
    "upaya_penyelesaian": "Rapat koordinasi dengan Dinas Kesehatan Kabupaten Barito Timur.",
    "hal_lainnya": "Tidak ada.",
}


def _url(nama="laporan-semester-list", **kw) -> str:
    return reverse(f"api:{nama}", kwargs=kw or None)


def _periode() -> dict:
    tahun, semester = periode_dari(None)
    return {"tahun": tahun, "semester": semester}


def _buka(ksdd, user):
    return services.laporan_semester_buat(ksdd=ksdd, user=user, **_periode())


def test_p27_1_operator_opens_the_report_prefilled_from_the_ksdd(ksdd_berjalan, pemeran, klien):
    r = klien(pemeran.operator).post(
        _url(), {"ksdd": ksdd_berjalan.pk, **_periode()}, format="json"
    )
    assert r.status_code == 201, r.json()
    body = r.json()
    assert body["status"] == StatusLaporan.DRAF
    assert body["ksdd"] == ksdd_berjalan.pk
    assert body["judul"] == ksdd_berjalan.judul
    # P27-3 a–f come from the record; g–i are the agency's to write.
    assert all(body[f] for f in ("bentuk_naskah", "para_pihak", "objek", "jangka_waktu"))
    assert body["permasalahan"] == ""
    assert [h["ke"] for h in body["riwayat"]] == [StatusLaporan.DRAF]


def test_p27_1_report_on_a_ksdd_not_in_pelaksanaan_is_refused_422(ksdd, pemeran, klien):
    r = klien(pemeran.operator).post(_url(), {"ksdd": ksdd.pk, **_periode()}, format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P27-1"
    assert not LaporanSemester.objects.exists()


def test_p27_1_second_report_for_the_same_semester_is_refused_422(ksdd_berjalan, pemeran, klien):
    _buka(ksdd_berjalan, pemeran.operator)
    r = klien(pemeran.operator).post(
        _url(), {"ksdd": ksdd_berjalan.pk, **_periode()}, format="json"
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P27-1"
    assert LaporanSemester.objects.count() == 1


def test_p27_3_write_then_send_the_report(ksdd_berjalan, pemeran, klien):
    laporan = _buka(ksdd_berjalan, pemeran.operator)
    client = klien(pemeran.operator)
    r = client.patch(_url("laporan-semester-detail", pk=laporan.pk), ISIAN, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["permasalahan"] == ISIAN["permasalahan"]

    r = client.post(_url("laporan-semester-sampaikan", pk=laporan.pk))
    assert r.status_code == 200, r.json()
    body = r.json()
    assert body["status"] == StatusLaporan.DISAMPAIKAN
    assert body["tanggal_disampaikan"]
    assert body["dokumen"]["versi"][0]["nama_berkas"].endswith(".docx")
    assert [h["ke"] for h in body["riwayat"]] == [StatusLaporan.DRAF, StatusLaporan.DISAMPAIKAN]


def test_p27_3_sending_without_problems_and_remedies_is_refused_422_nothing_saved(
    ksdd_berjalan, pemeran, klien
):
    laporan = _buka(ksdd_berjalan, pemeran.operator)
    r = klien(pemeran.operator).post(_url("laporan-semester-sampaikan", pk=laporan.pk))
    assert r.status_code == 422
    body = r.json()
    assert body["rule"] == "P27-3"
    assert {p["field"] for p in body["pelanggaran"]} == {"permasalahan", "upaya_penyelesaian"}
    laporan.refresh_from_db()
    assert laporan.status == StatusLaporan.DRAF
    assert laporan.tanggal_disampaikan is None
    assert laporan.dokumen_id is None
    assert RiwayatLaporanSemester.objects.filter(laporan=laporan).count() == 1


def test_p27_1_a_sent_report_can_no_longer_be_changed_422(ksdd_berjalan, pemeran, klien):
    laporan = _buka(ksdd_berjalan, pemeran.operator)
    services.laporan_semester_ubah(laporan=laporan, user=pemeran.operator, **ISIAN)
    services.laporan_semester_sampaikan(laporan=laporan, user=pemeran.operator)
    client = klien(pemeran.operator)
    r = client.patch(
        _url("laporan-semester-detail", pk=laporan.pk), {"permasalahan": "Diubah."}, format="json"
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P27-1"
    laporan.refresh_from_db()
    assert laporan.permasalahan == ISIAN["permasalahan"]
    assert client.post(_url("laporan-semester-sampaikan", pk=laporan.pk)).status_code == 422


def test_operator_of_another_agency_sees_nothing_and_cannot_open_404_400(
    ksdd_berjalan, pemeran, klien
):
    laporan = _buka(ksdd_berjalan, pemeran.operator)
    client = klien(pemeran.operator_lain)
    assert client.get(_url()).json()["count"] == 0
    assert client.get(_url("laporan-semester-detail", pk=laporan.pk)).status_code == 404
    r = client.patch(_url("laporan-semester-detail", pk=laporan.pk), ISIAN, format="json")
    assert r.status_code == 404
    assert client.post(_url("laporan-semester-sampaikan", pk=laporan.pk)).status_code == 404
    r = client.post(_url(), {"ksdd": ksdd_berjalan.pk, **_periode()}, format="json")
    assert r.status_code == 400
    assert "ksdd" in r.json()
    assert LaporanSemester.objects.count() == 1


def test_tkksd_member_and_bupati_read_but_may_not_write_403(ksdd_berjalan, pemeran, klien):
    laporan = _buka(ksdd_berjalan, pemeran.operator)
    for user in (pemeran.anggota, pemeran.bupati):
        client = klien(user)
        assert client.get(_url()).json()["count"] == 1
        assert client.get(_url("laporan-semester-detail", pk=laporan.pk)).status_code == 200
        r = client.patch(_url("laporan-semester-detail", pk=laporan.pk), ISIAN, format="json")
        assert r.status_code == 403
        assert client.post(_url("laporan-semester-sampaikan", pk=laporan.pk)).status_code == 403
    laporan.refresh_from_db()
    assert laporan.status == StatusLaporan.DRAF and laporan.permasalahan == ""


def test_dprd_and_anonymous_are_refused(ksdd_berjalan, pemeran, klien):
    assert klien(pemeran.dprd).get(_url()).status_code == 403
    assert klien().get(_url()).status_code == 401


def test_list_filters_and_query_count_do_not_grow_with_rows(pemeran, klien):
    def berjalan(n):
        for _ in range(n):
            k = ke_status(ksdd_baru(pemeran), Status.PELAKSANAAN, pemeran)
            _buka(k, pemeran.sekretariat)

    client = klien(pemeran.sekretariat)

    def hitung(params=None):
        return jumlah_kueri_api(client, _url(), params)

    berjalan(2)
    dua, n = hitung()
    assert n == 2
    berjalan(3)
    lima, n = hitung()
    assert (lima, n) == (dua, 5)
    assert hitung({**_periode(), "status": "disampaikan"})[1] == 0
    assert client.get(_url(), {"semester": 3}).status_code == 400
