"""The register's text search (issue 18 item 3): the same results on SQLite and
PostgreSQL, and on PostgreSQL served by the trigram indexes of migration
0015_i18s_cari_trigram."""

import pytest
from django.db import connection
from django.urls import reverse

from kersa.agreements.filters import KsddFilter
from kersa.agreements.models import Ksdd
from kersa.demo.skenario import ksdd_baru
from kersa.regions.models import Wilayah


def _cari(q: str) -> set[str]:
    return set(KsddFilter({"q": q}, queryset=Ksdd.objects.all()).qs.values_list("judul", flat=True))


@pytest.mark.django_db
def test_text_search_by_title_number_location_and_partner(client, pemeran):
    sampah = ksdd_baru(
        pemeran,
        judul="Pengelolaan Sampah Regional Barito Selatan – Kapuas",
        mitra=[Wilayah.objects.get(kode="62.03")],
        lokasi="Kecamatan Dusun Selatan",
    )
    air = ksdd_baru(
        pemeran,
        judul="Penyediaan Air Minum Lintas Batas",
        mitra=[Wilayah.objects.get(kode="63.04")],  # Barito Kuala
        lokasi="Desa Mengkatip",
    )
    assert _cari("sampah") == {sampah.judul}
    assert _cari("AIR MINUM") == {air.judul}
    assert _cari("mengkatip") == {air.judul}  # the location
    assert _cari("kuala") == {air.judul}  # a partner's name (Barito Kuala)
    assert _cari(air.nomor_register) == {air.judul}
    assert _cari("barito") == {sampah.judul, air.judul}  # no row twice
    assert _cari("tidak-ada-kata-ini") == set()
    client.force_login(pemeran.sekretariat)
    html = client.get(reverse("agreements:daftar"), {"q": "kuala"}).content.decode()
    assert air.nomor_register in html and sampah.nomor_register not in html


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_text_search_uses_the_trigram_indexes_on_postgresql(pemeran):
    with connection.cursor() as cur:
        cur.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%_trgm'")
        assert {r[0] for r in cur.fetchall()} == {
            "ksdd_judul_trgm",
            "ksdd_nomor_trgm",
            "ksdd_lokasi_trgm",
            "wilayah_nama_trgm",
        }
        sql, params = KsddFilter(
            {"q": "sampah"}, queryset=Ksdd.objects.all()
        ).qs.query.sql_with_params()
        cur.execute("SET LOCAL enable_seqscan = off")
        cur.execute("EXPLAIN " + sql, params)
        rencana = "\n".join(r[0] for r in cur.fetchall())
    # The register's three columns; the 552 regions may be read whole by the planner.
    for nama in ("ksdd_judul_trgm", "ksdd_nomor_trgm", "ksdd_lokasi_trgm"):
        assert nama in rencana, rencana
