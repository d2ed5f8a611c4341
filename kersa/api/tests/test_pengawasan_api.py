"""Oversight through the API, read-only: monitoring (Pasal 28), disputes (Pasal 29–30)
and pembinaan (Pasal 40–44), each with the web page's permission and scope."""

import pytest
from django.urls import reverse

from kersa.core.testing import jumlah_kueri
from kersa.demo.monev import demo_muat as monev_demo_muat
from kersa.demo.pembinaan import demo_muat as pembinaan_demo_muat
from kersa.demo.skenario import ksdd_baru
from kersa.oversight.models import MonitoringEvaluasi, Perselisihan, SekretariatKerjaSama
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db


def _url(nama, **kw) -> str:
    return reverse(f"api:{nama}", kwargs=kw or None)


@pytest.fixture
def monev(ksdd_berjalan, pemeran):
    monev_demo_muat(pemeran)
    return MonitoringEvaluasi.objects.get()


@pytest.fixture
def pembinaan(pemeran, acuan):
    """A Kerja Sama Wajib of three regions planned over six years (qualifies under P40-2),
    then the pembinaan demo: memberships, guidance, its Sekretariat."""
    ksdd = ksdd_baru(
        pemeran,
        jangka_waktu_bulan=72,
        mitra=list(Wilayah.objects.filter(kode__in=["62.13", "62.05"])),
    )
    pembinaan_demo_muat(pemeran)
    return ksdd


def test_p28_monitoring_list_and_detail_with_findings(monev, pemeran, klien):
    client = klien(pemeran.sekretariat)
    [row] = client.get(_url("monev-list")).json()["results"]
    assert row["perangkat_daerah"] == pemeran.operator.perangkat_daerah_id
    assert row["status"] == "selesai"
    body = client.get(_url("monev-detail", pk=monev.pk)).json()
    assert body["ksdd"] and body["ringkasan"]
    [temuan] = body["temuan"]
    assert temuan["status"] == "ditindaklanjuti"
    assert temuan["tindak_lanjut"].startswith("Kuota sementara dinaikkan")
    assert [h["ke"] for h in body["riwayat"]][-1] == "selesai"


def test_p28_operator_sees_only_own_agency_monitoring(monev, pemeran, klien):
    sendiri = klien(pemeran.operator)
    assert sendiri.get(_url("monev-list")).json()["count"] == 1
    assert sendiri.get(_url("monev-detail", pk=monev.pk)).status_code == 200
    lain = klien(pemeran.operator_lain)
    assert lain.get(_url("monev-list")).json()["count"] == 0
    assert lain.get(_url("monev-detail", pk=monev.pk)).status_code == 404
    assert klien(pemeran.dprd).get(_url("monev-list")).status_code == 403


def test_p29_dispute_visible_to_its_agency_not_to_another(monev, pemeran, klien):
    p = Perselisihan.objects.get()
    body = klien(pemeran.operator).get(_url("perselisihan-detail", pk=p.pk)).json()
    assert body["ksdd"] == p.ksdd_id
    assert body["pihak"] == ["62.13"]
    assert body["uraian"].startswith("Daerah mitra menunda pembayaran")
    assert body["riwayat"]
    lain = klien(pemeran.operator_lain)
    assert lain.get(_url("perselisihan-list")).json()["count"] == 0
    assert lain.get(_url("perselisihan-detail", pk=p.pk)).status_code == 404
    r = klien(pemeran.sekretariat).get(_url("perselisihan-list"), {"status": "bukan"})
    assert r.status_code == 400


def test_p44_p43_p40_pembinaan_lists(pembinaan, pemeran, klien):
    client = klien(pemeran.bupati)
    kegiatan = client.get(_url("pembinaan-kegiatan-list"), {"tahun": 2026}).json()
    assert kegiatan["count"] >= 1
    assert {k["bentuk"] for k in kegiatan["results"]} <= {"sosialisasi", "asistensi"}
    asosiasi = client.get(_url("pembinaan-asosiasi-list"), {"aktif": "true"}).json()
    assert "Asosiasi Pemerintah Kabupaten Seluruh Indonesia (APKASI)" in {
        a["nama"] for a in asosiasi["results"]
    }
    assert all(a["riwayat"] for a in asosiasi["results"])
    [sek] = client.get(_url("pembinaan-sekretariat-list")).json()["results"]
    assert sek["ksdd"] == pembinaan.pk
    assert sek["terus_menerus"] is True
    assert sek["hibah_tahunan"] == "150000000.00"


def test_p44_operator_reads_guidance_but_not_memberships_or_secretariats(pembinaan, pemeran, klien):
    client = klien(pemeran.operator)
    assert client.get(_url("pembinaan-kegiatan-list")).status_code == 200
    assert client.get(_url("pembinaan-asosiasi-list")).status_code == 403
    assert client.get(_url("pembinaan-sekretariat-list")).status_code == 403
    assert klien(pemeran.dprd).get(_url("pembinaan-kegiatan-list")).status_code == 403
    assert klien().get(_url("pembinaan-kegiatan-list")).status_code == 401


def test_pembinaan_writes_need_kelola_pembinaan_then_valid_input(pembinaan, pemeran, klien):
    # A role without the write permission is refused before its input is read.
    for nama in ("pembinaan-sekretariat-list", "pembinaan-kegiatan-list"):
        assert klien(pemeran.bupati).post(_url(nama), {}, format="json").status_code == 403
    # The secretariat writes (test_pembinaan_tulis_api): an empty body is 400.
    client = klien(pemeran.sekretariat)
    for nama in (
        "pembinaan-sekretariat-list",
        "pembinaan-kegiatan-list",
        "monev-list",
        "perselisihan-list",
    ):
        assert client.post(_url(nama), {}, format="json").status_code == 400
    assert SekretariatKerjaSama.objects.count() == 1
    assert not MonitoringEvaluasi.objects.exists() and not Perselisihan.objects.exists()


def test_pembinaan_lists_query_count_does_not_grow(pembinaan, pemeran, klien):
    from kersa.oversight import services

    client = klien(pemeran.sekretariat)

    def hitung(nama):
        return jumlah_kueri(client, _url(nama), panaskan=False)

    sebelum = {n: hitung(n) for n in ("pembinaan-kegiatan-list", "pembinaan-asosiasi-list")}
    pd = pemeran.operator.perangkat_daerah
    for i in range(3):
        services.kegiatan_pembinaan_tambah(
            user=pemeran.sekretariat,
            bentuk="bimbingan",
            judul=f"Bimbingan teknis penyusunan KAK angkatan {i + 1}",
            tanggal=pembinaan.dibuat_pada.date(),
            tempat="Aula Bagian Pemerintahan, Buntok",
            narasumber="Sekretariat TKKSD",
            peserta=[pd],
            ksdd=[pembinaan],
            ringkasan="Penyusunan delapan bagian KAK (Pasal 14 ayat 2).",
        )
    assert hitung("pembinaan-kegiatan-list") == sebelum["pembinaan-kegiatan-list"]
