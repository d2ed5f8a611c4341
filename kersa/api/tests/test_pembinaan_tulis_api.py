"""Writing pembinaan through the API: guidance activities (Pasal 44), association
memberships (Pasal 43), the Sekretariat Kerja Sama (Pasal 40–41) and funding assistance
(Pasal 31), through the same services as the web pages, with their permissions and
refusals."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from kersa.agreements.choices import Kategori
from kersa.agreements.models import BantuanPendanaan
from kersa.demo.skenario import ksdd_baru
from kersa.oversight import services
from kersa.oversight.models import (
    KeanggotaanAsosiasi,
    KegiatanPembinaan,
    RiwayatKeanggotaan,
    SekretariatKerjaSama,
    StatusKeanggotaan,
)
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db

APKASI = "Asosiasi Pemerintah Kabupaten Seluruh Indonesia (APKASI)"


def _url(nama, **kw) -> str:
    return reverse(f"api:{nama}", kwargs=kw or None)


def _w(*kode):
    return list(Wilayah.objects.filter(kode__in=kode))


# --- guidance activities (Pasal 44) --------------------------------------------------------


def _kegiatan(ksdd, pemeran, **ubah) -> dict:
    return {
        "bentuk": "bimbingan",
        "judul": "Bimbingan teknis penyusunan KAK kerja sama daerah",
        "tanggal": "2026-02-10",
        "tempat": "Aula Bagian Pemerintahan Setda Barito Selatan, Buntok",
        "narasumber": "Sekretariat TKKSD",
        "peserta": [
            pemeran.operator.perangkat_daerah_id,
            pemeran.operator_lain.perangkat_daerah_id,
        ],
        "ksdd": [ksdd.pk],
        "ringkasan": "Delapan bagian KAK (Pasal 14 ayat 2) dibahas per Perangkat Daerah.",
        **ubah,
    }


def test_p44_secretariat_records_a_guidance_activity(ksdd, pemeran, klien):
    r = klien(pemeran.sekretariat).post(
        _url("pembinaan-kegiatan-list"), _kegiatan(ksdd, pemeran), format="json"
    )
    assert r.status_code == 201, r.json()
    body = r.json()
    assert (body["bentuk"], body["tanggal"]) == ("bimbingan", "2026-02-10")
    assert sorted(body["peserta"]) == sorted(
        [pemeran.operator.perangkat_daerah_id, pemeran.operator_lain.perangkat_daerah_id]
    )
    assert body["ksdd"] == [ksdd.pk]
    assert KegiatanPembinaan.objects.get().dibuat_oleh == pemeran.sekretariat


def test_p44_activity_without_participants_is_refused_422_nothing_saved(ksdd, pemeran, klien):
    r = klien(pemeran.sekretariat).post(
        _url("pembinaan-kegiatan-list"), _kegiatan(ksdd, pemeran, peserta=[]), format="json"
    )
    assert r.status_code == 422
    assert (r.json()["rule"], r.json()["pelanggaran"][0]["field"]) == ("P44", "peserta")
    assert "Pasal 44" in r.json()["detail"]
    assert not KegiatanPembinaan.objects.exists()


def test_p44_operator_and_member_may_not_record_guidance_403(ksdd, pemeran, klien):
    for user in (pemeran.operator, pemeran.anggota):
        r = klien(user).post(
            _url("pembinaan-kegiatan-list"), _kegiatan(ksdd, pemeran), format="json"
        )
        assert r.status_code == 403, user
    assert not KegiatanPembinaan.objects.exists()


# --- association memberships (Pasal 43) ----------------------------------------------------


def _anggota(**ubah) -> dict:
    return {
        "jenis": "apkasi",
        "nama": APKASI,
        "dasar": "Keputusan Bupati Barito Selatan Nomor 188.45/112/2025",
        "mulai": "2025-01-02",
        "iuran_tahunan": "25000000",
        **ubah,
    }


@pytest.fixture
def apkasi(pemeran):
    return services.keanggotaan_tambah(
        user=pemeran.sekretariat,
        jenis="apkasi",
        nama=APKASI,
        mulai=dt.date(2025, 1, 2),
        dasar="Keputusan Bupati Barito Selatan Nomor 188.45/112/2025",
    )


def test_p43_secretariat_records_a_membership_with_its_first_history_row(pemeran, klien):
    r = klien(pemeran.sekretariat).post(_url("pembinaan-asosiasi-list"), _anggota(), format="json")
    assert r.status_code == 201, r.json()
    body = r.json()
    assert (body["jenis"], body["nama"], body["mulai"]) == ("apkasi", APKASI, "2025-01-02")
    assert body["iuran_tahunan"] == "25000000.00" and body["selesai"] is None
    [h] = body["riwayat"]
    assert (h["dari"], h["ke"], h["oleh"]) == ("", StatusKeanggotaan.BERJALAN, "sekretariat.tkksd")


def test_p43_membership_ending_before_it_starts_is_refused_422_nothing_saved(pemeran, klien):
    r = klien(pemeran.sekretariat).post(
        _url("pembinaan-asosiasi-list"), _anggota(selesai="2024-12-31"), format="json"
    )
    assert r.status_code == 422
    assert (r.json()["rule"], r.json()["pelanggaran"][0]["field"]) == ("P43", "selesai")
    assert not KeanggotaanAsosiasi.objects.exists() and not RiwayatKeanggotaan.objects.exists()


def test_p43_operator_and_member_may_not_record_a_membership_403(pemeran, klien):
    for user in (pemeran.operator, pemeran.anggota):
        r = klien(user).post(_url("pembinaan-asosiasi-list"), _anggota(), format="json")
        assert r.status_code == 403, user
    assert not KeanggotaanAsosiasi.objects.exists()


def test_p43_membership_ended_with_its_reason_in_the_history(apkasi, pemeran, klien):
    alasan = "Keputusan Bupati Barito Selatan Nomor 188.45/40/2026 tentang pengunduran diri"
    r = klien(pemeran.sekretariat).post(
        _url("pembinaan-asosiasi-akhiri", pk=apkasi.pk),
        {"selesai": "2026-03-31", "alasan": alasan},
        format="json",
    )
    assert r.status_code == 200, r.json()
    body = r.json()
    assert body["selesai"] == "2026-03-31"
    akhir = body["riwayat"][-1]
    assert (akhir["dari"], akhir["ke"]) == (StatusKeanggotaan.BERJALAN, StatusKeanggotaan.BERAKHIR)
    assert (akhir["tanggal"], akhir["alasan"]) == ("2026-03-31", alasan)
    assert akhir["oleh"] == "sekretariat.tkksd"


def test_p43_ending_without_a_reason_is_refused_422_nothing_saved(apkasi, pemeran, klien):
    r = klien(pemeran.sekretariat).post(
        _url("pembinaan-asosiasi-akhiri", pk=apkasi.pk),
        {"selesai": "2026-03-31", "alasan": "  "},
        format="json",
    )
    assert r.status_code == 422
    assert (r.json()["rule"], r.json()["pelanggaran"][0]["field"]) == ("P43", "alasan")
    apkasi.refresh_from_db()
    assert apkasi.selesai is None
    assert apkasi.riwayat.count() == 1


def test_p43_member_may_not_end_a_membership_403_and_unknown_is_404(apkasi, pemeran, klien):
    data = {"selesai": "2026-03-31", "alasan": "Keputusan Bupati Nomor 188.45/40/2026"}
    for user in (pemeran.operator, pemeran.anggota):
        r = klien(user).post(_url("pembinaan-asosiasi-akhiri", pk=apkasi.pk), data, format="json")
        assert r.status_code == 403, user
    apkasi.refresh_from_db()
    assert apkasi.selesai is None and apkasi.riwayat.count() == 1
    r = klien(pemeran.sekretariat).post(
        _url("pembinaan-asosiasi-akhiri", pk=apkasi.pk + 99), data, format="json"
    )
    assert r.status_code == 404


# --- Sekretariat Kerja Sama (Pasal 40–41) --------------------------------------------------


@pytest.fixture
def kompleks(pemeran):
    """A Kerja Sama Wajib with Barito Timur and Barito Utara over 60 months (P40-2)."""
    return ksdd_baru(
        pemeran,
        judul="Pengelolaan Tempat Pemrosesan Akhir Sampah Regional Barito",
        mitra=_w("62.13", "62.05"),
        jangka_waktu_bulan=60,
    )


def _sekretariat(ksdd, **ubah) -> dict:
    return {
        "ksdd": ksdd.pk,
        "terus_menerus": True,
        "nama": "Sekretariat Kerja Sama TPA Regional Barito",
        "nomor_kesepakatan": "100.3.7/12/KB/BS/2026",
        "tanggal_kesepakatan": "2026-03-09",
        "alamat": "Jl. Pahlawan No. 1, Buntok",
        "hibah_tahunan": "150000000",
        **ubah,
    }


def test_p40_4_p41_secretariat_recorded_with_the_continuity_confirmation(kompleks, pemeran, klien):
    r = klien(pemeran.sekretariat).post(
        _url("pembinaan-sekretariat-list"), _sekretariat(kompleks), format="json"
    )
    assert r.status_code == 201, r.json()
    body = r.json()
    assert (body["ksdd"], body["nomor_kesepakatan"]) == (kompleks.pk, "100.3.7/12/KB/BS/2026")
    assert body["hibah_tahunan"] == "150000000.00"
    assert body["terus_menerus"] is True
    assert body["terus_menerus_oleh"] == "sekretariat.tkksd" and body["terus_menerus_pada"]


def test_p40_2_ksdd_not_meeting_pasal_40_ayat_2_is_refused_422_nothing_saved(ksdd, pemeran, klien):
    """The Dinkes KSDD: one partner, one urusan, 36 months — neither huruf b nor c."""
    r = klien(pemeran.sekretariat).post(
        _url("pembinaan-sekretariat-list"), _sekretariat(ksdd), format="json"
    )
    assert r.status_code == 422
    assert {p["rule"] for p in r.json()["pelanggaran"]} == {"P40-2"}
    assert len(r.json()["pelanggaran"]) == 2
    assert "Pasal 40 ayat 2" in r.json()["detail"]
    assert not SekretariatKerjaSama.objects.exists()


def test_p40_2_not_continuous_is_refused_on_its_field(kompleks, pemeran, klien):
    data = _sekretariat(kompleks, terus_menerus=False)
    r = klien(pemeran.sekretariat).post(_url("pembinaan-sekretariat-list"), data, format="json")
    assert r.status_code == 422
    assert [(p["rule"], p.get("field")) for p in r.json()["pelanggaran"]] == [
        ("P40-2", "terus_menerus")
    ]
    assert not SekretariatKerjaSama.objects.exists()


def test_p40_4_second_secretariat_and_p41_zero_hibah_are_refused(kompleks, pemeran, klien):
    client = klien(pemeran.sekretariat)
    assert (
        client.post(
            _url("pembinaan-sekretariat-list"), _sekretariat(kompleks), format="json"
        ).status_code
        == 201
    )
    r = client.post(
        _url("pembinaan-sekretariat-list"),
        _sekretariat(kompleks, nama="Sekretariat kedua", hibah_tahunan="0"),
        format="json",
    )
    assert r.status_code == 422
    assert [p["rule"] for p in r.json()["pelanggaran"]] == ["P40-4", "P41"]
    assert SekretariatKerjaSama.objects.count() == 1


def test_p40_2_continuity_must_be_answered_400(kompleks, pemeran, klien):
    data = _sekretariat(kompleks)
    del data["terus_menerus"]
    r = klien(pemeran.sekretariat).post(_url("pembinaan-sekretariat-list"), data, format="json")
    assert r.status_code == 400
    assert "terus_menerus" in r.json()


def test_p40_4_operator_and_member_may_not_record_a_secretariat_403(kompleks, pemeran, klien):
    for user in (pemeran.operator, pemeran.anggota):
        r = klien(user).post(
            _url("pembinaan-sekretariat-list"), _sekretariat(kompleks), format="json"
        )
        assert r.status_code == 403, user
    assert not SekretariatKerjaSama.objects.exists()


def test_p40_2_conditions_of_a_ksdd_as_the_web_page_shows_them(kompleks, ksdd, pemeran, klien):
    client = klien(pemeran.sekretariat)
    url = _url("pembinaan-sekretariat-syarat")
    body = client.get(url, {"ksdd": kompleks.pk}).json()
    assert body["layak"] is True and body["sekretariat"] is None
    assert [s["kode"] for s in body["syarat"]] == ["wajib", "a", "b", "c"]
    assert "3 daerah" in body["syarat"][2]["alasan"]
    body = client.get(url, {"ksdd": ksdd.pk}).json()
    assert body["layak"] is False
    assert {s["kode"] for s in body["syarat"] if not s["terpenuhi"]} == {"b", "c"}
    assert client.get(url).status_code == 400
    assert client.get(url, {"ksdd": ksdd.pk + 999}).status_code == 404
    # The web shows the conditions on the recording page: kelola_pembinaan.
    assert klien(pemeran.anggota).get(url, {"ksdd": kompleks.pk}).status_code == 403


# --- funding assistance (Pasal 31) ---------------------------------------------------------


def _bantuan(ksdd, **ubah) -> dict:
    return {
        "mitra": "62.13",
        "jumlah": "250000000",
        "tahun_anggaran": 2026,
        "perangkat_daerah": ksdd.perangkat_daerah_id,
        "keterangan": "Bantuan operasional ambulans rujukan Puskesmas Ampah.",
        **ubah,
    }


def test_p31_1_secretariat_and_own_operator_record_funding_for_wajib(ksdd, pemeran, klien):
    url = _url("ksdd-pendanaan", pk=ksdd.pk)
    r = klien(pemeran.sekretariat).post(url, _bantuan(ksdd), format="json")
    assert r.status_code == 201, r.json()
    body = r.json()
    assert (body["ksdd"], body["mitra"], body["jumlah"]) == (ksdd.pk, "62.13", "250000000.00")
    assert (body["tahun_anggaran"], body["perangkat_daerah"]) == (2026, ksdd.perangkat_daerah_id)
    assert ksdd.riwayat.filter(aksi="bantuan_pendanaan").exists()
    r = klien(pemeran.operator).post(url, _bantuan(ksdd, jumlah="100000000"), format="json")
    assert r.status_code == 201, r.json()
    rows = klien(pemeran.anggota).get(url).json()
    assert sorted(Decimal(b["jumlah"]) for b in rows) == [
        Decimal(100_000_000),
        Decimal(250_000_000),
    ]


def test_p31_1_sukarela_is_refused_422_nothing_saved(pemeran, klien):
    k = ksdd_baru(pemeran, kategori=Kategori.SUKARELA, mitra=_w("31.71"), eksternalitas="")
    r = klien(pemeran.sekretariat).post(
        _url("ksdd-pendanaan", pk=k.pk), _bantuan(k, mitra="31.71"), format="json"
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P31-1"
    assert "Pasal 31" in r.json()["detail"]
    assert not BantuanPendanaan.objects.exists()
    assert not k.riwayat.filter(aksi="bantuan_pendanaan").exists()


def test_p31_1_region_not_a_partner_and_zero_amount_are_refused(ksdd, pemeran, klien):
    data = _bantuan(ksdd, mitra="62.05", jumlah="0")
    r = klien(pemeran.sekretariat).post(_url("ksdd-pendanaan", pk=ksdd.pk), data, format="json")
    assert r.status_code == 422
    assert [(p["rule"], p["field"]) for p in r.json()["pelanggaran"]] == [
        ("P31-1", "mitra"),
        ("P31-1", "jumlah"),
    ]
    assert not BantuanPendanaan.objects.exists()


def test_p31_1_member_may_not_record_403_other_agency_404(ksdd, pemeran, klien):
    url = _url("ksdd-pendanaan", pk=ksdd.pk)
    assert klien(pemeran.anggota).post(url, _bantuan(ksdd), format="json").status_code == 403
    assert klien(pemeran.dprd).post(url, _bantuan(ksdd), format="json").status_code == 403
    lain = klien(pemeran.operator_lain)
    assert lain.get(url).status_code == 404
    assert lain.post(url, _bantuan(ksdd), format="json").status_code == 404
    assert not BantuanPendanaan.objects.exists()
