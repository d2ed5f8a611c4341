"""A KSDD carries a plan item (P5-2), and the plan decides the reply clock of a
partner's offer (P17-4 in this year's plan, P18-1 outside it)."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kersa.agreements.choices import Kategori, Pemrakarsa, PengecualianRencana, Status
from kersa.agreements.forms import KsddForm
from kersa.deadlines.choices import Satuan
from kersa.deadlines.kalender import Kalender
from kersa.deadlines.models import Tenggat
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.planning import selectors, services
from kersa.planning.choices import ForumProvinsi, Prioritas

from .conftest import urusan, wilayah

pytestmark = pytest.mark.django_db


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _daftar(pemeran, bappeda, tahun: int, *, tetapkan: bool = True):
    ident = services.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori=Kategori.WAJIB,
        tahun_rencana=tahun,
        tanggal_mulai=dt.date(tahun - 1, 2, 2),
        perangkat_perencanaan=bappeda,
    )
    butir = services.butir_tambah(
        identifikasi=ident,
        user=pemeran.sekretariat,
        urusan=urusan("a.2"),
        program="Program Pemenuhan Upaya Kesehatan Perorangan",
        kegiatan="Rujukan pasien antar-RSUD perbatasan",
        perangkat_daerah=pemeran.operator.perangkat_daerah,
        mitra=[wilayah("62.13")],
        jangka_waktu_bulan=24,
        prioritas=Prioritas.TINGGI,
        dokumen_rencana=f"RKPD {tahun}",
        forum_provinsi=ForumProvinsi.RAKORTEK,
        tanggal_forum=dt.date(tahun - 1, 4, 8),
    )
    if tetapkan:
        services.identifikasi_tetapkan(
            identifikasi=ident,
            user=pemeran.sekretariat,
            nomor_berita_acara=f"000.1.5/3/Pem/{tahun - 1}",
            tanggal_berita_acara=dt.date(tahun - 1, 5, 12),
        )
    return butir


def _ksdd_mitra(pemeran, **ubah):
    return ksdd_baru(
        pemeran, pemrakarsa=Pemrakarsa.MITRA, pemrakarsa_mitra=wilayah("62.13"), **ubah
    )


def test_p17_4_offer_on_this_years_set_list_gets_30_calendar_days(pemeran, bappeda, penomoran):
    tahun = _hari(50).year
    butir = _daftar(pemeran, bappeda, tahun)
    ksdd = ke_status(_ksdd_mitra(pemeran, butir_rencana=butir), Status.MENUNGGU_TANGGAPAN, pemeran)
    assert selectors.dalam_rencana_tahun(ksdd, tahun)
    t = Tenggat.objects.get(ksdd=ksdd, rule="P17-4")
    assert (t.satuan, t.panjang, t.tanggal_peristiwa) == (Satuan.HARI_KALENDER, 30, _hari(50))
    assert not Tenggat.objects.filter(ksdd=ksdd, rule="P18-1").exists()


def test_p18_1_offer_on_next_years_list_gets_30_working_days(pemeran, bappeda, penomoran):
    tahun = _hari(50).year
    butir = _daftar(pemeran, bappeda, tahun + 1)
    ksdd = ke_status(_ksdd_mitra(pemeran, butir_rencana=butir), Status.MENUNGGU_TANGGAPAN, pemeran)
    assert ksdd.dalam_rencana  # the flag alone does not decide once an item is linked
    t = Tenggat.objects.get(ksdd=ksdd, rule="P18-1")
    assert (t.satuan, t.panjang) == (Satuan.HARI_KERJA, 30)
    assert t.jatuh_tempo == Kalender().tambah_hari_kerja(_hari(50), 30)
    assert not Tenggat.objects.filter(ksdd=ksdd, rule="P17-4").exists()


def test_p18_1_item_on_a_list_not_yet_set_is_not_in_the_plan(pemeran, bappeda, penomoran):
    butir = _daftar(pemeran, bappeda, _hari(50).year, tetapkan=False)
    ksdd = _ksdd_mitra(pemeran, butir_rencana=butir)
    assert not selectors.dalam_rencana_tahun(ksdd, _hari(50).year)


def test_p18_1_without_item_falls_back_to_the_flag(pemeran):
    ksdd = _ksdd_mitra(
        pemeran,
        dalam_rencana=False,
        pengecualian_rencana=PengecualianRencana.DARURAT,
        alasan_pengecualian="Banjir besar di wilayah perbatasan.",
    )
    assert not selectors.dalam_rencana_tahun(ksdd, 2026)
    assert selectors.dalam_rencana_tahun(_ksdd_mitra(pemeran), 2026)


def test_p5_2_plan_item_puts_the_ksdd_in_the_plan(pemeran, bappeda, penomoran):
    from kersa.agreements.services.umum import rencana_dari_butir

    butir = _daftar(pemeran, bappeda, 2026)
    ksdd = ksdd_baru(pemeran)
    form = KsddForm(user=pemeran.operator, ksdd=ksdd)
    assert butir in form.fields["butir_rencana"].queryset
    assert form.initial["butir_rencana"] is None
    out = rencana_dari_butir(
        {"butir_rencana": butir, "dalam_rencana": False, "dokumen_rencana": ""}
    )
    assert out["dalam_rencana"] is True and out["dokumen_rencana"] == "RKPD 2026"
    given = rencana_dari_butir({"butir_rencana": butir, "dokumen_rencana": "Renstra Dinkes"})
    assert given["dokumen_rencana"] == "Renstra Dinkes"


def test_p5_2_warns_without_item_or_exception(pemeran, bappeda, penomoran):
    ksdd = ksdd_baru(pemeran)
    [p] = selectors.peringatan_p5_2(ksdd)
    assert p.rule == "P5-2" and "Pasal 5 ayat 2" in p.detail
    butir = _daftar(pemeran, bappeda, 2026)
    from kersa.agreements import services as ksdd_services

    ksdd = ksdd_services.ksdd_update(ksdd=ksdd, user=pemeran.operator, butir_rencana=butir)
    assert selectors.peringatan_p5_2(ksdd) == []
    client = Client()
    client.force_login(pemeran.operator)
    html = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    assert "Rujukan pasien antar-RSUD perbatasan" in html
    assert "peringatan-p5-2" not in html
    html = client.get(reverse("rencana:detail", args=[butir.identifikasi_id])).content.decode()
    assert ksdd.nomor_register in html
