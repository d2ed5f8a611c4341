"""The KSDD endpoints: register with its filters, create, detail, edit, KAK, history."""

import pytest
from django.utils import timezone

from kersa.agreements.choices import Kategori, Status, Tahap
from kersa.agreements.models import Bentuk, Ksdd, Urusan
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.regions.models import Wilayah

from .bantuan import url_ksdd

pytestmark = pytest.mark.django_db


def _ids(r) -> set[int]:
    assert r.status_code == 200, r.json()
    return {row["id"] for row in r.json()["results"]}


@pytest.fixture
def register(pemeran):
    """Three KSDD: Wajib with Barito Timur (running), Sukarela with Jakarta Pusat in
    persiapan, and one of another agency."""
    a = ksdd_baru(pemeran, judul="Rujukan kesehatan perbatasan")
    ke_status(a, Status.PENYUSUNAN_KB, pemeran)
    b = ksdd_baru(
        pemeran,
        judul="Promosi wisata sungai",
        kategori=Kategori.SUKARELA,
        mitra=[Wilayah.objects.get(kode="31.71")],
        urusan=[Urusan.objects.get(kode="c.2")],
        eksternalitas="",
    )
    c = ksdd_baru(
        pemeran,
        judul="Jalan poros antardaerah",
        perangkat_daerah=pemeran.operator_lain.perangkat_daerah,
        user=pemeran.operator_lain,
    )
    return a, b, c


def test_register_lists_what_the_user_may_see(register, pemeran, klien):
    a, b, c = register
    assert _ids(klien(pemeran.sekretariat).get(url_ksdd())) == {a.pk, b.pk, c.pk}
    assert _ids(klien(pemeran.operator).get(url_ksdd())) == {a.pk, b.pk}
    assert _ids(klien(pemeran.operator_lain).get(url_ksdd())) == {c.pk}
    row = klien(pemeran.operator).get(url_ksdd()).json()["results"][-1]
    assert row["id"] == a.pk
    assert row["status"] == Status.PENYUSUNAN_KB
    assert row["tahap"] == Tahap.PENYUSUNAN_KB
    assert row["mitra"] == ["62.13"]
    assert row["urusan"] == [Urusan.objects.get(kode="a.2").pk]


def test_register_filters_are_the_web_registers(register, pemeran, klien):
    a, b, c = register
    client = klien(pemeran.sekretariat)
    assert _ids(client.get(url_ksdd(), {"status": Status.PENYUSUNAN_KB})) == {a.pk}
    assert _ids(client.get(url_ksdd(), {"tahap": Tahap.PERSIAPAN})) == {b.pk, c.pk}
    assert _ids(client.get(url_ksdd(), {"kategori": Kategori.SUKARELA})) == {b.pk}
    assert _ids(client.get(url_ksdd(), {"mitra": "31.71"})) == {b.pk}
    assert _ids(client.get(url_ksdd(), {"q": "wisata"})) == {b.pk}
    assert _ids(client.get(url_ksdd(), {"q": "Barito Timur"})) == {a.pk, c.pk}
    assert _ids(client.get(url_ksdd(), {"urusan": Urusan.objects.get(kode="a.2").pk})) == {
        a.pk,
        c.pk,
    }
    assert _ids(client.get(url_ksdd(), {"bentuk": Bentuk.objects.get(kode="a").pk})) == {
        a.pk,
        b.pk,
        c.pk,
    }
    pd = pemeran.operator_lain.perangkat_daerah_id
    assert _ids(client.get(url_ksdd(), {"perangkat_daerah": pd})) == {c.pk}
    tahun = timezone.localdate().year
    assert _ids(client.get(url_ksdd(), {"tahun": tahun})) == {a.pk, b.pk, c.pk}
    assert _ids(client.get(url_ksdd(), {"tahun": tahun - 1})) == set()


def test_register_is_paginated(register, pemeran, klien):
    body = klien(pemeran.sekretariat).get(url_ksdd()).json()
    assert set(body) == {"count", "next", "previous", "results"}
    assert body["count"] == 3


def test_create_defaults_to_the_operators_agency(pemeran, klien):
    r = klien(pemeran.operator).post(
        url_ksdd(),
        {
            "judul": "Kerja sama promosi wisata",
            "kategori": "sukarela",
            "bentuk": Bentuk.objects.get(kode="a").pk,
            "mitra": ["31.71"],
        },
        format="json",
    )
    assert r.status_code == 201, r.json()
    body = r.json()
    ksdd = Ksdd.objects.get(pk=body["id"])
    assert ksdd.perangkat_daerah == pemeran.operator.perangkat_daerah
    assert ksdd.dibuat_oleh == pemeran.operator
    assert body["nomor_register"].startswith(f"KSDD/{timezone.localdate().year}/")
    assert body["dibuat_oleh"] == pemeran.operator.username
    assert body["kak"]["bagian_kosong"] == [
        "latar_belakang",
        "maksud_tujuan",
        "lokasi",
        "obyek_ruang_lingkup",
        "jangka_waktu",
        "manfaat",
        "analisis_dampak",
        "pembiayaan",
    ]
    ajukan = {t["nama"]: t for t in body["transisi"]}["ajukan_kak"]
    assert {h["rule"] for h in ajukan["hambatan"]} >= {"P14-2", "P5-4", "P3"}
    assert ajukan["url"].endswith(f"/api/v1/ksdd/{ksdd.pk}/ajukan_kak/")


def test_create_for_another_agency_is_403(pemeran, klien):
    r = klien(pemeran.operator).post(
        url_ksdd(),
        {
            "judul": "X",
            "kategori": "sukarela",
            "bentuk": Bentuk.objects.get(kode="a").pk,
            "mitra": ["31.71"],
            "perangkat_daerah": pemeran.operator_lain.perangkat_daerah_id,
        },
        format="json",
    )
    assert r.status_code == 403


def test_create_by_a_user_without_agency_must_name_one(pemeran, klien):
    client = klien(pemeran.admin)  # a superuser, no Perangkat Daerah
    data = {
        "judul": "X",
        "kategori": "sukarela",
        "bentuk": Bentuk.objects.get(kode="a").pk,
        "mitra": ["31.71"],
    }
    r = client.post(url_ksdd(), data, format="json")
    assert r.status_code == 400
    assert "perangkat_daerah" in r.json()
    pd = pemeran.operator_lain.perangkat_daerah_id
    r = client.post(url_ksdd(), data | {"perangkat_daerah": pd}, format="json")
    assert r.status_code == 201


def test_create_by_a_role_that_may_not_is_403(pemeran, klien):
    r = klien(pemeran.anggota).post(
        url_ksdd(),
        {
            "judul": "X",
            "kategori": "sukarela",
            "bentuk": Bentuk.objects.get(kode="a").pk,
            "mitra": ["31.71"],
            "perangkat_daerah": pemeran.operator.perangkat_daerah_id,
        },
        format="json",
    )
    assert r.status_code == 403


def test_p7_1_wajib_with_a_non_bordering_partner_returns_422(pemeran, klien):
    r = klien(pemeran.operator).post(
        url_ksdd(),
        {
            "judul": "X",
            "kategori": "wajib",
            "bentuk": Bentuk.objects.get(kode="a").pk,
            "mitra": ["31.71"],
            "eksternalitas": "Ada.",
        },
        format="json",
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P7-1"


def test_p1_3_home_region_is_not_a_partner_returns_422(pemeran, klien):
    r = klien(pemeran.operator).post(
        url_ksdd(),
        {
            "judul": "X",
            "kategori": "sukarela",
            "bentuk": Bentuk.objects.get(kode="a").pk,
            "mitra": ["62.04"],
        },
        format="json",
    )
    assert r.status_code == 422
    assert r.json()["rule"] == "P1-3"


def test_detail_shows_the_record_kak_and_steps(ksdd, pemeran, klien):
    body = klien(pemeran.operator).get(url_ksdd(ksdd)).json()
    assert body["status"] == Status.PENYUSUNAN_KAK
    assert body["tahap"] == Tahap.PERSIAPAN
    assert body["versi"] == ksdd.versi
    assert body["mitra"] == ["62.13"]
    assert body["kak"]["bagian_kosong"] == []
    assert body["kak"]["latar_belakang"]
    assert [t["nama"] for t in body["transisi"]] == ["ajukan_kak", "batalkan"]
    assert all(t["hambatan"] == [] for t in body["transisi"])
    # The secretariat may take the same steps; TKKSD members only look.
    assert [t["nama"] for t in klien(pemeran.anggota).get(url_ksdd(ksdd)).json()["transisi"]] == []


def test_patch_edits_and_bumps_versi(ksdd, pemeran, klien):
    client = klien(pemeran.operator)
    versi = ksdd.versi
    r = client.patch(
        url_ksdd(ksdd),
        {"judul": "Judul baru", "urusan": [Urusan.objects.get(kode="a.1").pk], "versi": versi},
        format="json",
    )
    assert r.status_code == 200, r.json()
    assert r.json()["judul"] == "Judul baru"
    assert r.json()["versi"] == versi + 1
    assert r.json()["urusan"] == [Urusan.objects.get(kode="a.1").pk]


def test_patch_with_stale_versi_returns_409(ksdd, pemeran, klien):
    client = klien(pemeran.operator)
    versi = ksdd.versi
    assert (
        client.patch(url_ksdd(ksdd), {"judul": "A", "versi": versi}, format="json").status_code
        == 200
    )
    r = client.patch(url_ksdd(ksdd), {"judul": "B", "versi": versi}, format="json")
    assert r.status_code == 409
    assert r.json()["detail"]
    ksdd.refresh_from_db()
    assert ksdd.judul == "A"


def test_p13_identity_fixed_after_submission_returns_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    r = klien(pemeran.operator).patch(url_ksdd(ksdd), {"kategori": "sukarela"}, format="json")
    assert r.status_code == 422
    assert r.json()["rule"] == "P13"
    assert r.json()["pelanggaran"][0]["field"] == "kategori"


def test_kak_get_and_put_with_stale_versi(ksdd, pemeran, klien):
    client = klien(pemeran.operator)
    r = client.get(url_ksdd(ksdd, "kak"))
    assert r.status_code == 200
    versi = r.json()["versi"]
    r = client.put(
        url_ksdd(ksdd, "kak"), {"manfaat": "Manfaat baru.", "versi": versi}, format="json"
    )
    assert r.status_code == 200
    assert r.json()["manfaat"] == "Manfaat baru."
    assert r.json()["versi"] == versi + 1
    r = client.put(url_ksdd(ksdd, "kak"), {"manfaat": "Lain.", "versi": versi}, format="json")
    assert r.status_code == 409


def test_riwayat_lists_actions_with_actor(ksdd, pemeran, klien):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    rows = klien(pemeran.operator).get(url_ksdd(ksdd, "riwayat")).json()
    assert [r["aksi"] for r in rows] == ["buat", "ubah_kak", "ajukan_kak"]
    last = rows[-1]
    assert last["oleh"] == pemeran.operator.username
    assert (last["dari"], last["ke"], last["rule"]) == (
        Status.PENYUSUNAN_KAK,
        Status.KAK_DIAJUKAN,
        "P14-3",
    )
    assert last["data"]["nomor_surat"]
    assert len(last["berkas"]) == 2
    assert set(last) == {
        "id",
        "aksi",
        "dari",
        "ke",
        "oleh",
        "waktu",
        "alasan",
        "rule",
        "data",
        "berkas",
    }


def test_riwayat_system_actor_is_null(ksdd, pemeran, klien):
    from kersa.agreements.models import RiwayatTahap

    RiwayatTahap.objects.create(ksdd=ksdd, aksi="pengingat", dari=ksdd.status, ke=ksdd.status)
    rows = klien(pemeran.operator).get(url_ksdd(ksdd, "riwayat")).json()
    assert rows[-1]["oleh"] is None
