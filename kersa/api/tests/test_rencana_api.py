"""The plan lists through the API (Pasal 7–8): read from planning.selectors with the
web page's permission; the P8-5 warning travels with the list."""

import datetime as dt

import pytest
from django.urls import reverse

from kersa.core.testing import jumlah_kueri_api
from kersa.demo.rencana import demo_muat as rencana_demo_muat
from kersa.planning import services
from kersa.planning.models import Identifikasi

pytestmark = pytest.mark.django_db


def _url(nama="rencana-list", **kw) -> str:
    return reverse(f"api:{nama}", kwargs=kw or None)


@pytest.fixture
def demo(pemeran, ksdd):
    return rencana_demo_muat(pemeran)


def test_p7_3_identification_per_year_with_its_plan_items(demo, pemeran, klien):
    client = klien(pemeran.operator)
    body = client.get(_url(), {"tahun": 2026}).json()
    [row] = body["results"]
    assert (row["kategori"], row["tahun_rencana"]) == ("wajib", 2026)
    assert row["jumlah_butir"] >= 1
    detail = client.get(_url("rencana-detail", pk=row["id"])).json()
    assert len(detail["butir"]) == row["jumlah_butir"] == detail["jumlah_butir"]
    jalan = next(b for b in detail["butir"] if b["urusan_nama"] and "62.13" in b["mitra"])
    assert jalan["kegiatan"].startswith("Peningkatan jalan poros perbatasan")
    assert jalan["jangka_waktu_bulan"] == 36
    # P7-4: a Kerja Sama Wajib between kabupaten of one province names its forum.
    assert jalan["forum_provinsi"] == "musrenbang"
    assert jalan["tanggal_forum"] == "2025-04-15"
    assert detail["perangkat_terlibat"]
    assert detail["riwayat"][0]["ke"] == "penyusunan"


def _bappeda():
    return Identifikasi.objects.exclude(perangkat_perencanaan=None).first().perangkat_perencanaan


def test_p8_5_late_sukarela_list_carries_the_warning(demo, pemeran, klien):
    """A Sukarela list for 2026 still drafted today, after 31 March 2025, is late."""
    ident = services.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori="sukarela",
        tahun_rencana=2026,
        tanggal_mulai=dt.date(2025, 1, 13),
        perangkat_perencanaan=_bappeda(),
    )
    client = klien(pemeran.anggota)
    body = client.get(_url("rencana-detail", pk=ident.pk)).json()
    assert [p["rule"] for p in body["peringatan"]] == ["P8-5"]
    [row] = client.get(_url(), {"kategori": "sukarela", "tahun": 2026}).json()["results"]
    assert [p["rule"] for p in row["peringatan"]] == ["P8-5"]
    wajib = client.get(_url(), {"kategori": "wajib", "tahun": 2026}).json()["results"]
    assert wajib[0]["peringatan"] == []


def test_filters_are_validated(demo, pemeran, klien):
    client = klien(pemeran.sekretariat)
    assert client.get(_url(), {"kategori": "sukarela"}).json()["count"] == 1
    assert client.get(_url(), {"tahun": 1800}).status_code == 400
    assert client.get(_url(), {"kategori": "wajar"}).status_code == 400


def test_dprd_and_users_without_role_get_403_anonymous_401(demo, pemeran, klien):
    ident = Identifikasi.objects.first()
    for user in (pemeran.dprd, pemeran.publik):
        assert klien(user).get(_url()).status_code == 403
        assert klien(user).get(_url("rencana-detail", pk=ident.pk)).status_code == 403
    assert klien().get(_url()).status_code == 401


def test_plan_lists_are_not_replaced_or_deleted_whole(demo, pemeran, klien):
    """Writes go through the services' steps (test_rencana_tulis_api); an incomplete
    start is 400."""
    client = klien(pemeran.sekretariat)
    pk = Identifikasi.objects.first().pk
    # A write the view does not list is refused (PunyaIzin) before the method check.
    assert client.delete(_url("rencana-detail", pk=pk)).status_code in (403, 405)
    assert client.put(_url("rencana-detail", pk=pk), {}, format="json").status_code in (403, 405)
    assert client.post(_url(), {"kategori": "wajib"}, format="json").status_code == 400
    assert Identifikasi.objects.count() == 2


def test_list_query_count_does_not_grow_with_rows(demo, pemeran, klien):
    client = klien(pemeran.sekretariat)

    def hitung():
        return jumlah_kueri_api(client, _url())

    dua, n = hitung()
    assert n == 2
    for tahun in (2028, 2029, 2030):
        services.identifikasi_mulai(
            user=pemeran.sekretariat,
            kategori="wajib",
            tahun_rencana=tahun,
            tanggal_mulai=dt.date(2026, 2, 2),
            perangkat_perencanaan=_bappeda(),
        )
    assert hitung() == (dua, 5)
