"""Funding assistance to a partner through the UI (Pasal 31 ayat 1; P31-1)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kersa.agreements.choices import Kategori
from kersa.agreements.models import BantuanPendanaan
from kersa.demo.skenario import ksdd_baru
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db


def _data(ksdd, **ubah):
    data = {
        "mitra": ksdd.mitra.first().pk,
        "jumlah": "250000000",
        "tahun_anggaran": "2026",
        "perangkat_daerah": ksdd.perangkat_daerah_id,
        "keterangan": "Bantuan operasional ambulans rujukan Puskesmas Ampah.",
    }
    data.update(ubah)
    return data


def test_p31_1_secretariat_records_funding_for_wajib(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    url = reverse("pembinaan:pendanaan", args=[ksdd.pk])
    r = client.post(url, _data(ksdd))
    assert r.status_code == 302
    b = BantuanPendanaan.objects.get(ksdd=ksdd)
    assert b.jumlah == Decimal("250000000")
    assert b.mitra.kode == "62.13"
    assert b.tahun_anggaran == 2026
    r = client.get(url)
    assert "Rp250.000.000" in r.content.decode().replace("\xa0", "").replace(" ", "")
    assert ksdd.riwayat.filter(aksi="bantuan_pendanaan").exists()


def test_p31_1_sukarela_is_refused_with_its_pasal(client, pemeran):
    k = ksdd_baru(
        pemeran,
        kategori=Kategori.SUKARELA,
        mitra=[Wilayah.objects.get(kode="31.71")],
        eksternalitas="",
    )
    client.force_login(pemeran.sekretariat)
    r = client.post(reverse("pembinaan:pendanaan", args=[k.pk]), _data(k))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Pasal 31 ayat 1" in html and "[P31-1]" in html
    assert not BantuanPendanaan.objects.exists()


def test_p31_1_zero_amount_is_refused(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    r = client.post(reverse("pembinaan:pendanaan", args=[ksdd.pk]), _data(ksdd, jumlah="0"))
    assert r.status_code == 200
    assert "[P31-1]" in r.content.decode()
    assert not BantuanPendanaan.objects.exists()


def test_p31_1_other_agency_gets_404_and_readers_cannot_add(client, pemeran, ksdd):
    client.force_login(pemeran.operator_lain)
    assert client.get(reverse("pembinaan:pendanaan", args=[ksdd.pk])).status_code == 404
    client.force_login(pemeran.anggota)
    url = reverse("pembinaan:pendanaan", args=[ksdd.pk])
    r = client.get(url)
    assert r.status_code == 200 and r.context["form"] is None
    assert client.post(url, _data(ksdd)).status_code == 403
    assert not BantuanPendanaan.objects.exists()


def test_p31_1_own_operator_may_record(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    r = client.post(reverse("pembinaan:pendanaan", args=[ksdd.pk]), _data(ksdd))
    assert r.status_code == 302
    assert BantuanPendanaan.objects.filter(ksdd=ksdd).count() == 1


def test_p31_1_ksdd_page_links_funding(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    r = client.get(reverse("agreements:detail", args=[ksdd.pk]))
    html = r.content.decode()
    assert 'id="pembinaan-ksdd"' in html
    assert reverse("pembinaan:pendanaan", args=[ksdd.pk]) in html
