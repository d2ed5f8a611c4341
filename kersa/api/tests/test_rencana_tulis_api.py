"""Writing the plan lists through the API (Pasal 7–8): starting an identification,
adding a plan item, setting the list with the Bupati's Berita Acara and reopening it,
through planning.services with the web's permission (``planning.kelola_rencana``)."""

import datetime as dt

import pytest
from django.urls import reverse

from kersa.agreements.choices import Kategori
from kersa.agreements.models import Urusan
from kersa.documents.models import Dokumen
from kersa.planning import services
from kersa.planning.choices import ForumProvinsi, Prioritas, StatusIdentifikasi
from kersa.planning.models import ButirRencana, Identifikasi, RiwayatIdentifikasi
from kersa.regions.models import PerangkatDaerah, Wilayah

pytestmark = pytest.mark.django_db

NOMOR_BA = "000.1.5/12/Pem/2025"


def _url(nama="rencana-list", **kw) -> str:
    return reverse(f"api:{nama}", kwargs=kw or None)


@pytest.fixture
def bappeda(acuan):
    from kersa.documents.services.penomoran import penomoran_muat_default

    penomoran_muat_default()
    pd, _ = PerangkatDaerah.objects.get_or_create(
        nama="Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan",
        defaults={"singkatan": "Bappedalitbang"},
    )
    return pd


@pytest.fixture
def wajib_2026(pemeran, bappeda):
    return services.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori=Kategori.WAJIB,
        tahun_rencana=2026,
        tanggal_mulai=dt.date(2025, 2, 3),
        perangkat_perencanaan=bappeda,
        perangkat_terlibat=[pemeran.operator.perangkat_daerah],
    )


def _mulai(bappeda, pemeran, **ubah) -> dict:
    return {
        "kategori": Kategori.WAJIB,
        "tahun_rencana": 2026,
        "tanggal_mulai": "2025-02-03",
        "perangkat_perencanaan": bappeda.pk,
        "perangkat_terlibat": [
            pemeran.operator.perangkat_daerah_id,
            pemeran.operator_lain.perangkat_daerah_id,
        ],
        "catatan": "Dikoordinasikan dengan Bappedalitbang.",
        **ubah,
    }


def _jalan_perbatasan(pemeran, **ubah) -> dict:
    return {
        "urusan": Urusan.objects.get(kode="a.3").pk,
        "program": "Program Penyelenggaraan Jalan",
        "kegiatan": "Peningkatan jalan poros Buntok–Tamiang Layang ruas perbatasan",
        "perangkat_daerah": pemeran.operator_lain.perangkat_daerah_id,
        "mitra": ["62.13"],
        "jangka_waktu_bulan": 36,
        "prioritas": Prioritas.TINGGI,
        "dokumen_rencana": "RKPD Kabupaten Barito Selatan 2026",
        "forum_provinsi": ForumProvinsi.MUSRENBANG,
        "tanggal_forum": "2025-04-15",
        **ubah,
    }


def _butir(ident, pemeran, **ubah) -> ButirRencana:
    data = _jalan_perbatasan(pemeran, **ubah)
    data["urusan"] = Urusan.objects.get(pk=data["urusan"])
    data["perangkat_daerah"] = PerangkatDaerah.objects.get(pk=data["perangkat_daerah"])
    data["mitra"] = list(Wilayah.objects.filter(kode__in=data["mitra"]))
    if data["tanggal_forum"]:
        data["tanggal_forum"] = dt.date.fromisoformat(data["tanggal_forum"])
    return services.butir_tambah(identifikasi=ident, user=pemeran.sekretariat, **data)


# --- starting -------------------------------------------------------------------------------


def test_p7_2_secretariat_starts_the_identification(bappeda, pemeran, klien):
    r = klien(pemeran.sekretariat).post(_url(), _mulai(bappeda, pemeran), format="json")
    assert r.status_code == 201, r.json()
    body = r.json()
    assert (body["kategori"], body["tahun_rencana"], body["status"]) == (
        Kategori.WAJIB,
        2026,
        StatusIdentifikasi.PENYUSUNAN,
    )
    assert body["perangkat_perencanaan"] == bappeda.pk
    assert len(body["perangkat_terlibat"]) == 2
    assert body["butir"] == []
    assert [(h["ke"], h["rule"]) for h in body["riwayat"]] == [("penyusunan", "P7-2")]


def test_p7_2_without_the_planning_agency_is_refused_422_nothing_saved(bappeda, pemeran, klien):
    data = _mulai(bappeda, pemeran, perangkat_perencanaan=None)
    r = klien(pemeran.sekretariat).post(_url(), data, format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P7-2"
    assert r.json()["pelanggaran"][0]["field"] == "perangkat_perencanaan"
    assert not Identifikasi.objects.exists()
    assert not RiwayatIdentifikasi.objects.exists()


def test_p7_3_second_list_for_the_same_year_is_refused_422(wajib_2026, bappeda, pemeran, klien):
    r = klien(pemeran.sekretariat).post(_url(), _mulai(bappeda, pemeran), format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P7-3"
    assert Identifikasi.objects.count() == 1


def test_operator_and_member_may_not_start_an_identification_403(bappeda, pemeran, klien):
    for user in (pemeran.operator, pemeran.anggota):
        assert klien(user).post(_url(), _mulai(bappeda, pemeran), format="json").status_code == 403
    assert not Identifikasi.objects.exists()


# --- plan items -----------------------------------------------------------------------------


def test_p7_3_plan_item_added_with_its_partner_and_forum(wajib_2026, pemeran, klien):
    r = klien(pemeran.sekretariat).post(
        _url("rencana-butir", pk=wajib_2026.pk), _jalan_perbatasan(pemeran), format="json"
    )
    assert r.status_code == 201, r.json()
    [butir] = r.json()["butir"]
    assert butir["mitra"] == ["62.13"]
    assert (butir["forum_provinsi"], butir["tanggal_forum"]) == ("musrenbang", "2025-04-15")
    assert (butir["jangka_waktu_bulan"], butir["prioritas"], butir["urutan"]) == (36, 1, 1)
    assert r.json()["jumlah_butir"] == 1


def test_p7_1_wajib_partner_that_does_not_border_is_refused_422_nothing_saved(
    wajib_2026, pemeran, klien
):
    """Palangka Raya (62.71) does not border Barito Selatan."""
    data = _jalan_perbatasan(pemeran, mitra=["62.71"])
    r = klien(pemeran.sekretariat).post(
        _url("rencana-butir", pk=wajib_2026.pk), data, format="json"
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P7-1"
    assert "62.71" in r.json()["detail"]
    assert not ButirRencana.objects.exists()


def test_operator_may_not_add_a_plan_item_403(wajib_2026, pemeran, klien):
    r = klien(pemeran.operator).post(
        _url("rencana-butir", pk=wajib_2026.pk), _jalan_perbatasan(pemeran), format="json"
    )
    assert r.status_code == 403
    assert not ButirRencana.objects.exists()


# --- setting and reopening ------------------------------------------------------------------


def test_p7_5_list_set_with_the_bupatis_berita_acara(wajib_2026, pemeran, klien):
    _butir(wajib_2026, pemeran)
    r = klien(pemeran.sekretariat).post(
        _url("rencana-tetapkan", pk=wajib_2026.pk),
        {"nomor_berita_acara": NOMOR_BA, "tanggal_berita_acara": "2025-05-20"},
        format="json",
    )
    assert r.status_code == 200, r.json()
    body = r.json()
    assert body["status"] == StatusIdentifikasi.DITETAPKAN
    assert (body["nomor_berita_acara"], body["tanggal_berita_acara"]) == (NOMOR_BA, "2025-05-20")
    assert body["tanggal_selesai"] == "2025-05-20"
    assert body["berita_acara"] == Dokumen.objects.get(nomor=NOMOR_BA).pk
    assert [(h["ke"], h["rule"]) for h in body["riwayat"]][-1] == ("ditetapkan", "P7-5")


def test_p7_4_list_without_the_provincial_forum_is_not_set_422_nothing_saved(
    wajib_2026, pemeran, klien
):
    _butir(wajib_2026, pemeran, forum_provinsi="", tanggal_forum=None)
    r = klien(pemeran.sekretariat).post(
        _url("rencana-tetapkan", pk=wajib_2026.pk),
        {"nomor_berita_acara": NOMOR_BA, "tanggal_berita_acara": "2025-05-20"},
        format="json",
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P7-4"
    wajib_2026.refresh_from_db()
    assert wajib_2026.status == StatusIdentifikasi.PENYUSUNAN
    assert wajib_2026.nomor_berita_acara == "" and wajib_2026.berita_acara_id is None
    assert not Dokumen.objects.exists()
    assert RiwayatIdentifikasi.objects.filter(identifikasi=wajib_2026).count() == 1


def test_p7_5_berita_acara_without_its_date_is_refused_with_the_field(wajib_2026, pemeran, klien):
    _butir(wajib_2026, pemeran)
    r = klien(pemeran.sekretariat).post(
        _url("rencana-tetapkan", pk=wajib_2026.pk),
        {"nomor_berita_acara": NOMOR_BA, "tanggal_berita_acara": None},
        format="json",
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P7-5"
    assert r.json()["pelanggaran"][0]["field"] == "tanggal_berita_acara"


def test_member_may_not_set_the_list_403(wajib_2026, pemeran, klien):
    _butir(wajib_2026, pemeran)
    r = klien(pemeran.anggota).post(
        _url("rencana-tetapkan", pk=wajib_2026.pk),
        {"nomor_berita_acara": NOMOR_BA, "tanggal_berita_acara": "2025-05-20"},
        format="json",
    )
    assert r.status_code == 403
    wajib_2026.refresh_from_db()
    assert wajib_2026.status == StatusIdentifikasi.PENYUSUNAN


def test_p7_5_set_list_reopened_with_a_written_reason(wajib_2026, pemeran, klien):
    _butir(wajib_2026, pemeran)
    services.identifikasi_tetapkan(
        identifikasi=wajib_2026,
        user=pemeran.sekretariat,
        nomor_berita_acara=NOMOR_BA,
        tanggal_berita_acara=dt.date(2025, 5, 20),
    )
    client = klien(pemeran.sekretariat)
    url = _url("rencana-buka-kembali", pk=wajib_2026.pk)
    r = client.post(url, {"alasan": "Salah"}, format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P7-5"
    wajib_2026.refresh_from_db()
    assert wajib_2026.status == StatusIdentifikasi.DITETAPKAN
    assert klien(pemeran.operator).post(url, {"alasan": "x" * 20}, format="json").status_code == 403

    alasan = "Koreksi kode urusan butir jalan perbatasan sesuai RKPD perubahan."
    r = client.post(url, {"alasan": alasan}, format="json")
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == StatusIdentifikasi.PENYUSUNAN
    assert r.json()["riwayat"][-1]["alasan"] == alasan


# --- editing and removing a plan item -------------------------------------------------------


def _url_butir(butir) -> str:
    return _url("rencana-butir-satu", pk=butir.identifikasi_id, butir_pk=butir.pk)


def test_p7_3_plan_item_edited_sending_only_what_changes(wajib_2026, pemeran, klien):
    butir = _butir(wajib_2026, pemeran)
    r = klien(pemeran.sekretariat).patch(
        _url_butir(butir),
        {"jangka_waktu_bulan": 48, "mitra": ["62.13", "62.05"]},
        format="json",
    )
    assert r.status_code == 200, r.json()
    [b] = r.json()["butir"]
    assert (b["id"], b["jangka_waktu_bulan"]) == (butir.pk, 48)
    assert sorted(b["mitra"]) == ["62.05", "62.13"]
    assert b["kegiatan"].startswith("Peningkatan jalan poros")  # untouched
    assert b["forum_provinsi"] == ForumProvinsi.MUSRENBANG


def test_p7_1_edit_to_a_partner_that_does_not_border_is_refused_422_nothing_saved(
    wajib_2026, pemeran, klien
):
    butir = _butir(wajib_2026, pemeran)
    r = klien(pemeran.sekretariat).patch(
        _url_butir(butir), {"mitra": ["62.71"], "jangka_waktu_bulan": 12}, format="json"
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P7-1"
    butir.refresh_from_db()
    assert butir.jangka_waktu_bulan == 36
    assert list(butir.mitra.values_list("kode", flat=True)) == ["62.13"]


def test_p7_5_item_of_a_set_list_is_neither_edited_nor_removed_422(wajib_2026, pemeran, klien):
    butir = _butir(wajib_2026, pemeran)
    services.identifikasi_tetapkan(
        identifikasi=wajib_2026,
        user=pemeran.sekretariat,
        nomor_berita_acara=NOMOR_BA,
        tanggal_berita_acara=dt.date(2025, 5, 20),
    )
    client = klien(pemeran.sekretariat)
    r = client.patch(_url_butir(butir), {"program": "Program lain"}, format="json")
    assert (r.status_code, r.json()["rule"]) == (422, "P7-5")
    r = client.delete(_url_butir(butir))
    assert (r.status_code, r.json()["rule"]) == (422, "P7-5")
    butir.refresh_from_db()
    assert butir.program == "Program Penyelenggaraan Jalan"


def test_p7_3_plan_item_removed_from_a_list_being_drafted(wajib_2026, pemeran, klien):
    butir = _butir(wajib_2026, pemeran)
    tetap = _butir(wajib_2026, pemeran, kegiatan="Pembangunan jembatan Sungai Barito ruas Buntok")
    r = klien(pemeran.sekretariat).delete(_url_butir(butir))
    assert r.status_code == 200, r.json()
    assert [b["id"] for b in r.json()["butir"]] == [tetap.pk]
    assert r.json()["jumlah_butir"] == 1
    assert not ButirRencana.objects.filter(pk=butir.pk).exists()


def test_p5_2_item_carried_by_a_ksdd_is_not_removed_422(wajib_2026, pemeran, klien):
    from kersa.demo.skenario import ksdd_baru

    butir = _butir(wajib_2026, pemeran)
    ksdd_baru(pemeran, butir_rencana=butir)
    r = klien(pemeran.sekretariat).delete(_url_butir(butir))
    assert r.status_code == 422
    assert r.json()["rule"] == "P5-2"
    assert ButirRencana.objects.filter(pk=butir.pk).exists()


def test_operator_and_member_may_not_edit_or_remove_a_plan_item_403(wajib_2026, pemeran, klien):
    butir = _butir(wajib_2026, pemeran)
    for user in (pemeran.operator, pemeran.anggota):
        client = klien(user)
        assert (
            client.patch(_url_butir(butir), {"jangka_waktu_bulan": 12}, format="json").status_code
            == 403
        )
        assert client.delete(_url_butir(butir)).status_code == 403
    butir.refresh_from_db()
    assert butir.jangka_waktu_bulan == 36


def test_item_of_another_list_is_404(wajib_2026, pemeran, bappeda, klien):
    butir = _butir(wajib_2026, pemeran)
    sukarela = services.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori=Kategori.SUKARELA,
        tahun_rencana=2026,
        tanggal_mulai=dt.date(2025, 2, 3),
        perangkat_perencanaan=bappeda,
    )
    url = _url("rencana-butir-satu", pk=sukarela.pk, butir_pk=butir.pk)
    client = klien(pemeran.sekretariat)
    assert client.delete(url).status_code == 404
    assert client.patch(url, {"jangka_waktu_bulan": 12}, format="json").status_code == 404
    assert ButirRencana.objects.filter(pk=butir.pk).exists()
