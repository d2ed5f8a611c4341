"""Query-count budgets of the plan pages (Pasal 7–8): the lists of identification and
one identification with its items cost the same whatever the number of rows."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from kersa.agreements.choices import Kategori
from kersa.core.testing import jumlah_kueri
from kersa.planning import services
from kersa.planning.choices import Prioritas

from .conftest import urusan, wilayah

pytestmark = pytest.mark.django_db


def _hitung(client, url) -> int:
    return jumlah_kueri(client, url)  # warm visit


def _butir(ident, pemeran, kode_urusan, mitra, kegiatan):
    return services.butir_tambah(
        identifikasi=ident,
        user=pemeran.sekretariat,
        urusan=urusan(kode_urusan),
        program="Program Penyelenggaraan Jalan",
        kegiatan=kegiatan,
        perangkat_daerah=pemeran.operator_lain.perangkat_daerah,
        mitra=[wilayah(k) for k in mitra],
        jangka_waktu_bulan=24,
        prioritas=Prioritas.TINGGI,
        perkiraan_anggaran=Decimal("1500000000"),
        dokumen_rencana="RKPD Kabupaten Barito Selatan Tahun 2026",
    )


def test_p7_2_identification_list_does_not_grow_with_lists(client, pemeran, wajib_2026, bappeda):
    _butir(wajib_2026, pemeran, "a.3", ["62.13"], "Jalan poros Buntok–Ampah")
    client.force_login(pemeran.sekretariat)
    url = reverse("rencana:daftar")
    satu = _hitung(client, url)
    for tahun in (2027, 2028):
        for kategori in (Kategori.WAJIB, Kategori.SUKARELA):
            ident = services.identifikasi_mulai(
                user=pemeran.sekretariat,
                kategori=kategori,
                tahun_rencana=tahun,
                tanggal_mulai=dt.date(tahun - 1, 2, 2),
                perangkat_perencanaan=bappeda,
                perangkat_terlibat=[pemeran.operator.perangkat_daerah],
            )
            _butir(ident, pemeran, "a.2", ["62.05"], f"Rujukan terpadu {tahun}")
    assert _hitung(client, url) == satu
    assert satu <= 10


def test_p7_3_identification_page_does_not_grow_with_items(client, pemeran, wajib_2026):
    _butir(wajib_2026, pemeran, "a.3", ["62.13"], "Jalan poros Buntok–Ampah")
    client.force_login(pemeran.sekretariat)
    url = reverse("rencana:detail", args=[wajib_2026.pk])
    satu = _hitung(client, url)
    _butir(wajib_2026, pemeran, "a.2", ["62.05"], "Rujukan RSUD Jaraga Sasameh")
    _butir(wajib_2026, pemeran, "b.5", ["62.05", "62.03"], "Pemantauan air Sungai Barito")
    _butir(wajib_2026, pemeran, "a.3", ["62.13", "62.05"], "Jembatan Sungai Karau")
    assert _hitung(client, url) == satu
    assert satu <= 15
