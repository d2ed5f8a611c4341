"""P9-d, P21-1: a KSDD of form d (retribusi, paid by the public) burdens the public, so
it needs DPRD approval, and records the Perda its retribusi rests on."""

import pytest
from django.urls import reverse

from kersa.agreements.choices import Kategori, Status
from kersa.agreements.models import Bentuk
from kersa.core.errors import RuleViolation
from kersa.demo import skenario


def test_p9_d_p21_1_retribusi_without_perda_or_burden_is_refused_at_submission(pemeran):
    k = skenario.ksdd_baru(
        pemeran,
        kategori=Kategori.SUKARELA,
        bentuk=Bentuk.objects.get(kode="d"),
        membebani_masyarakat=False,
    )
    with pytest.raises(RuleViolation) as e:
        skenario._ajukan(k, pemeran)
    assert {p.rule for p in e.value.pelanggaran} >= {"P9-d", "P21-1"}
    k.refresh_from_db()
    assert k.status == Status.PENYUSUNAN_KAK


def test_p9_d_p21_1_retribusi_with_perda_goes_on_and_needs_dprd(pemeran, client):
    k = skenario.ksdd_baru(
        pemeran,
        kategori=Kategori.SUKARELA,
        bentuk=Bentuk.objects.get(kode="d"),
        membebani_masyarakat=True,
        dasar_perda_retribusi="Perda Kabupaten Barito Selatan Nomor 3 Tahun 2024",
    )
    skenario._ajukan(k, pemeran)
    k.refresh_from_db()
    assert k.status == Status.KAK_DIAJUKAN
    assert k.memerlukan_persetujuan_dprd
    assert k.dasar_perda_retribusi.startswith("Perda Kabupaten Barito Selatan")
    client.force_login(pemeran.sekretariat)
    halaman = client.get(reverse("agreements:detail", args=[k.pk])).content.decode()
    assert "Dasar Perda retribusi (Pasal 9 huruf d)" in halaman
    assert "Perda Kabupaten Barito Selatan Nomor 3 Tahun 2024" in halaman
