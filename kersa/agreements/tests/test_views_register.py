"""The register (agreements:daftar) and the KSDD page (agreements:detail)."""

import re

import pytest
from django.urls import reverse

from kersa.agreements import services
from kersa.agreements.choices import Kategori, Keputusan, Status
from kersa.agreements.models import Bentuk, Urusan
from kersa.agreements.views.register import tahapan_ksdd
from kersa.core.testing import jumlah_kueri
from kersa.demo.skenario import ke_status, ksdd_baru, tanggapi
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db

DAFTAR = reverse("agreements:daftar")


def _detail(ksdd):
    return reverse("agreements:detail", args=[ksdd.pk])


def _nomor_di(html: str) -> set[str]:
    return set(re.findall(r'<td class="nomor"><a [^>]*>([^<]+)</a>', html))


def _keadaan(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-tahap="(\w)" data-keadaan="(\w+)"', html))


def _jumlah_query(client, url) -> int:
    return jumlah_kueri(client, url)  # warm visit


# --- Access per role --------------------------------------------------------------


@pytest.mark.parametrize(
    ("peran", "kode"),
    [
        ("operator", 200),
        ("operator_lain", 200),
        ("sekretariat", 200),
        ("anggota", 200),
        ("ketua", 200),
        ("bupati", 200),
        ("dprd", 200),
        ("admin", 200),
        ("publik", 403),
    ],
)
def test_register_access_per_role(client, pemeran, ksdd, peran, kode):
    client.force_login(getattr(pemeran, peran))
    response = client.get(DAFTAR)
    assert response.status_code == kode
    if kode == 403:
        assert "Akses ditolak" in response.content.decode()


@pytest.mark.parametrize(
    ("peran", "kode"),
    [
        ("operator", 200),
        ("operator_lain", 404),  # another agency's KSDD: not visible, no hint it exists
        ("sekretariat", 200),
        ("anggota", 200),
        ("ketua", 200),
        ("bupati", 200),
        ("dprd", 404),  # not brought to DPRD
        ("admin", 200),
        ("publik", 403),
    ],
)
def test_detail_access_per_role(client, pemeran, ksdd, peran, kode):
    client.force_login(getattr(pemeran, peran))
    assert client.get(_detail(ksdd)).status_code == kode


def test_register_and_detail_need_login(client, ksdd):
    for url in (DAFTAR, _detail(ksdd)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_operator_sees_only_own_agency_in_register(client, pemeran, ksdd):
    client.force_login(pemeran.operator_lain)
    assert ksdd.nomor_register not in client.get(DAFTAR).content.decode()
    client.force_login(pemeran.operator)
    assert ksdd.nomor_register in client.get(DAFTAR).content.decode()


def test_dprd_sees_ksdd_brought_to_it(client, pemeran):
    k = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    ke_status(k, Status.MENUNGGU_DPRD, pemeran)
    client.force_login(pemeran.dprd)
    assert client.get(_detail(k)).status_code == 200
    assert k.nomor_register in client.get(DAFTAR).content.decode()


def test_missing_ksdd_is_404(client, pemeran):
    client.force_login(pemeran.sekretariat)
    assert client.get(reverse("agreements:detail", args=[999999])).status_code == 404


# --- Register: columns, filters, pagination ---------------------------------------


def test_register_columns(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    html = client.get(DAFTAR).content.decode()
    for teks in (
        ksdd.nomor_register,
        ksdd.judul,
        "Dinkes",
        "Kabupaten Barito Timur",
        "Kerja Sama Wajib",
        ksdd.bentuk.nama,
        "a. Persiapan",
        "Penyusunan KAK",
    ):
        assert teks in html
    # Every filter select offers "Semua" (all), the stage and status ones included.
    assert html.count(">Semua</option>") == 7


@pytest.fixture
def tiga_ksdd(pemeran):
    """Three KSDD: one in persiapan, one in penawaran, one with Kota Palangka Raya."""
    k1 = ksdd_baru(pemeran, judul="Pengelolaan Sampah Regional Barito")
    k2 = ksdd_baru(pemeran, judul="Pelayanan Kesehatan Rujukan Perbatasan")
    ke_status(k2, Status.MENUNGGU_TANGGAPAN, pemeran)
    k3 = ksdd_baru(
        pemeran,
        judul="Pertukaran Data Kependudukan",
        kategori=Kategori.SUKARELA,
        mitra=[Wilayah.objects.get(kode="62.71")],
        eksternalitas="",
        bentuk=Bentuk.objects.get(kode="e"),
        urusan=[Urusan.objects.order_by("urutan").last()],
    )
    return k1, k2, k3


@pytest.mark.parametrize(
    ("query", "harapan"),
    [
        ({"tahap": "b"}, {1}),
        ({"tahap": "a"}, {0, 2}),
        ({"mitra": "62.71"}, {2}),
        ({"mitra": "62.13"}, {0, 1}),
        ({"q": "sampah"}, {0}),
        ({"q": "Palangka"}, {2}),  # a partner's name
        ({"kategori": "sukarela"}, {2}),
        ({"status": "menunggu_tanggapan"}, {1}),
        ({"tahap": "a", "kategori": "wajib"}, {0}),
        ({}, {0, 1, 2}),
    ],
)
def test_register_filters(client, pemeran, tiga_ksdd, query, harapan):
    client.force_login(pemeran.sekretariat)
    html = client.get(DAFTAR, query).content.decode()
    assert _nomor_di(html) == {tiga_ksdd[i].nomor_register for i in harapan}


def test_register_filter_by_bentuk_urusan_agency_year(client, pemeran, tiga_ksdd):
    k1, k2, k3 = tiga_ksdd
    client.force_login(pemeran.sekretariat)

    def hasil(**q):
        return _nomor_di(client.get(DAFTAR, q).content.decode())

    assert hasil(bentuk=k3.bentuk_id) == {k3.nomor_register}
    assert hasil(urusan=k3.urusan.get().pk) == {k3.nomor_register}
    assert hasil(perangkat_daerah=pemeran.operator_lain.perangkat_daerah_id) == set()
    assert len(hasil(perangkat_daerah=pemeran.operator.perangkat_daerah_id)) == 3
    assert len(hasil(tahun=k1.dibuat_pada.year)) == 3
    assert hasil(tahun=k1.dibuat_pada.year - 5) == set()


def test_register_invalid_filter_shows_error_not_everything(client, pemeran, tiga_ksdd):
    client.force_login(pemeran.sekretariat)
    html = client.get(DAFTAR, {"tahap": "zz"}).content.decode()
    assert _nomor_di(html) == set()
    assert "Saringan tidak valid" in html


def test_register_htmx_returns_only_the_table(client, pemeran, tiga_ksdd):
    client.force_login(pemeran.sekretariat)
    response = client.get(DAFTAR, {"tahap": "b"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert _nomor_di(html) == {tiga_ksdd[1].nomor_register}
    assert "HX-Request" in response["Vary"]


def test_register_paginates_by_25(client, pemeran):
    semua = [ksdd_baru(pemeran, judul=f"KSDD uji halaman {i}") for i in range(26)]
    client.force_login(pemeran.sekretariat)
    halaman_1 = client.get(DAFTAR).content.decode()
    halaman_2 = client.get(DAFTAR, {"halaman": 2}).content.decode()
    assert len(_nomor_di(halaman_1)) == 25
    assert len(_nomor_di(halaman_2)) == 1
    assert _nomor_di(halaman_1) | _nomor_di(halaman_2) == {k.nomor_register for k in semua}
    assert "halaman=2" in halaman_1
    # The filter is kept in the page links.
    filtered = client.get(DAFTAR, {"tahap": "a"}).content.decode()
    assert "tahap=a&amp;halaman=2" in filtered


def test_register_query_count_does_not_grow(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    sedikit = _jumlah_query(client, DAFTAR)
    for i in range(4):
        ksdd_baru(pemeran, judul=f"KSDD tambahan {i}")
    assert _jumlah_query(client, DAFTAR) == sedikit


# --- KSDD page ---------------------------------------------------------------------


def test_detail_shows_record_kak_and_dprd_reason(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    html = client.get(_detail(ksdd)).content.decode()
    for teks in (
        ksdd.judul,
        "Kabupaten Barito Selatan",
        "Dinas Kesehatan",
        "Kabupaten Barito Timur",
        "Kerja Sama Wajib",
        ksdd.bentuk.definisi[:40],
        "Kesehatan",
        "Rp450.000.000",
        "Tidak diperlukan",
        "Pasal 21 ayat 1",
        "a. latar belakang",
        "h. pembiayaan",
        "KSDD dicatat",
    ):
        assert teks in html, teks


def test_detail_lists_blocking_rules_before_the_user_tries(client, pemeran, ksdd):
    services.kak_update(ksdd=ksdd, user=pemeran.operator, latar_belakang="", pembiayaan="")
    client.force_login(pemeran.operator)
    html = client.get(_detail(ksdd)).content.decode()
    assert "Ajukan KAK kepada TKKSD" in html
    assert "P14-2" in html
    assert "a. latar belakang" in html


def test_detail_next_steps_depend_on_role(client, pemeran, ksdd):
    client.force_login(pemeran.anggota)
    html = client.get(_detail(ksdd)).content.decode()
    assert "Ajukan KAK kepada TKKSD" not in html
    assert "Tidak ada langkah yang dapat Anda lakukan" in html
    client.force_login(pemeran.operator)
    html = client.get(_detail(ksdd)).content.decode()
    assert "Ajukan KAK kepada TKKSD" in html
    assert "Tidak ada aturan yang menghambat langkah ini" in html


def test_detail_history_links_files_and_says_sistem(client, pemeran, ksdd):
    from kersa.agreements.models import RiwayatTahap

    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    RiwayatTahap.objects.create(
        ksdd=ksdd, aksi="pengingat", dari=ksdd.status, ke=ksdd.status, oleh=None
    )
    berkas = ksdd.berkas.first()
    client.force_login(pemeran.sekretariat)
    html = client.get(_detail(ksdd)).content.decode()
    assert reverse("documents:unduh", args=[berkas.pk]) in html
    assert berkas.nama_asli in html
    assert "Sistem" in html
    assert "Penyusunan KAK &rarr; KAK diajukan" in html


def test_detail_query_count_does_not_grow_with_db(client, pemeran, ksdd):
    ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)
    url = _detail(ksdd)
    for user in (pemeran.sekretariat, pemeran.operator):
        client.force_login(user)
        sedikit = _jumlah_query(client, url)
        for i in range(3):
            k = ksdd_baru(pemeran, judul=f"KSDD tambahan {user.pk}-{i}")
            ke_status(k, Status.MENUNGGU_TANGGAPAN, pemeran)
        assert _jumlah_query(client, url) == sedikit
        assert sedikit <= 30


# --- Stepper -------------------------------------------------------------------------


def test_stepper_current_stage(client, pemeran, ksdd):
    ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    client.force_login(pemeran.sekretariat)
    keadaan = _keadaan(client.get(_detail(ksdd)).content.decode())
    assert keadaan == {
        "a": "selesai",
        "b": "berjalan",
        **dict.fromkeys("cdefghij", "belum"),
    }


def test_stepper_dprd_skipped_shows_stage_e_skipped(client, pemeran, ksdd):
    ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)
    assert ksdd.riwayat.filter(data__dprd_dilewati=True).exists()
    client.force_login(pemeran.operator)
    keadaan = _keadaan(client.get(_detail(ksdd)).content.decode())
    assert keadaan["d"] == "selesai"
    assert keadaan["e"] == "dilewati"
    assert keadaan["f"] == "berjalan"
    assert keadaan["g"] == "belum"


def test_stepper_dprd_required_is_done_not_skipped(pemeran):
    k = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    ke_status(k, Status.PENYUSUNAN_PKS, pemeran)
    keadaan = {t.kode: t.keadaan for t in tahapan_ksdd(k, list(k.riwayat.all()))}
    assert keadaan["e"] == "selesai"
    assert keadaan["f"] == "berjalan"


def test_stepper_rejected_shows_where_it_ended(client, pemeran, ksdd):
    ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    tanggapi(ksdd, pemeran, keputusan=Keputusan.DITOLAK)
    ksdd.refresh_from_db()
    assert ksdd.status == Status.DITOLAK
    client.force_login(pemeran.sekretariat)
    html = client.get(_detail(ksdd)).content.decode()
    keadaan = _keadaan(html)
    assert keadaan["a"] == "selesai"
    assert keadaan["b"] == "berakhir"
    assert all(keadaan[h] == "belum" for h in "cdefghij")
    assert "KSDD ini telah berakhir (Ditolak)" in html


def test_stepper_cancelled_after_dprd_skipped(pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    services.ksdd_batalkan(ksdd=ksdd, user=pemeran.sekretariat, alasan="Mitra mundur.")
    ksdd.refresh_from_db()
    tahapan = tahapan_ksdd(ksdd, list(ksdd.riwayat.all()))
    keadaan = {t.kode: t.keadaan for t in tahapan}
    assert keadaan["e"] == "dilewati"
    assert keadaan["f"] == "selesai"
    assert keadaan["g"] == "berakhir"
    assert {t.kode: t.keterangan for t in tahapan}["g"] == "Dibatalkan"


def test_stepper_pelaksanaan_runs_h_i_j_together(client, pemeran, ksdd):
    ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    client.force_login(pemeran.bupati)
    keadaan = _keadaan(client.get(_detail(ksdd)).content.decode())
    assert [keadaan[h] for h in "abcd"] == ["selesai"] * 4
    assert keadaan["e"] == "dilewati"
    assert [keadaan[h] for h in "fg"] == ["selesai"] * 2
    assert [keadaan[h] for h in "hij"] == ["berjalan"] * 3


def test_stepper_ended_in_pelaksanaan(pemeran, ksdd):
    ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    services.ksdd_akhiri(ksdd=ksdd, user=pemeran.sekretariat, alasan="Disepakati berakhir.")
    ksdd.refresh_from_db()
    keadaan = {t.kode: t.keadaan for t in tahapan_ksdd(ksdd, list(ksdd.riwayat.all()))}
    assert [keadaan[h] for h in "hij"] == ["berakhir"] * 3
    assert keadaan["g"] == "selesai"
