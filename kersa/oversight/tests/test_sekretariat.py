"""The Sekretariat Kerja Sama (Pasal 40–41; P40-2, P40-4, P41)."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from kersa.agreements.choices import Kategori, Status
from kersa.agreements.models import Urusan
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.oversight import services
from kersa.oversight.models import SekretariatKerjaSama
from kersa.oversight.selectors import sekretariat_layak, sekretariat_memenuhi_syarat
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


def _w(*kode):
    return [Wilayah.objects.get(kode=k) for k in kode]


@pytest.fixture
def kompleks(pemeran):
    """A Wajib KSDD with Barito Timur and Barito Utara, 60 months."""
    return ksdd_baru(
        pemeran,
        judul="Pengelolaan Tempat Pemrosesan Akhir Sampah Regional Barito",
        mitra=_w("62.13", "62.05"),
        jangka_waktu_bulan=60,
    )


FORM_TPA = {
    "terus_menerus": "on",
    "nama": "Sekretariat Kerja Sama TPA Regional Barito",
    "nomor_kesepakatan": "100.3.7/12/KB/BS/2026",
    "tanggal_kesepakatan": "2026-03-09",
    "hibah_tahunan": "150000000",
}


def _syarat(k, **kw):
    return {s.kode: s for s in sekretariat_memenuhi_syarat(k, **kw)}


def _catat(k, pemeran, **ubah):
    data = {
        "ksdd": k,
        "user": pemeran.sekretariat,
        "terus_menerus": True,
        "nama": "Sekretariat Kerja Sama TPA Regional Barito",
        "nomor_kesepakatan": "100.3.7/12/KB/BS/2026",
        "tanggal_kesepakatan": dt.date(2026, 3, 9),
        "hibah_tahunan": Decimal("150000000"),
    }
    data.update(ubah)
    return services.sekretariat_catat(**data)


def test_p40_2_two_partners_and_sixty_months_qualify(kompleks):
    s = _syarat(kompleks)
    assert all(x.terpenuhi for x in s.values())
    assert "3 daerah" in s["b"].alasan
    assert "60 bulan" in s["c"].alasan


def test_p40_2_one_partner_two_urusan_36_months_does_not(ksdd):
    s = _syarat(ksdd)
    assert s["wajib"].terpenuhi and s["a"].terpenuhi
    assert not s["b"].terpenuhi and not s["c"].terpenuhi


def test_p40_2_more_than_two_objects_is_complex_too(pemeran):
    k = ksdd_baru(
        pemeran,
        urusan=list(Urusan.objects.filter(kode__in=["a.1", "a.2", "a.3"])),
        jangka_waktu_bulan=72,
    )
    assert _syarat(k)["b"].terpenuhi


def test_p40_2_sukarela_and_not_continuous_fail(pemeran, kompleks):
    k = ksdd_baru(pemeran, kategori=Kategori.SUKARELA, mitra=_w("31.71"), eksternalitas="")
    assert not _syarat(k)["wajib"].terpenuhi
    assert not _syarat(kompleks, terus_menerus=False)["a"].terpenuhi
    assert not sekretariat_layak(sekretariat_memenuhi_syarat(kompleks, terus_menerus=False))


def test_p40_2_signed_pks_period_decides_duration(pemeran):
    with time_machine.travel(dt.datetime(2026, 5, 20, 9, 0, tzinfo=WIB), tick=False):
        penomoran_muat_default()
        k = ksdd_baru(pemeran, mitra=_w("62.13", "62.05"), jangka_waktu_bulan=60)
        k = ke_status(k, Status.PELAKSANAAN, pemeran)
    c = _syarat(k)["c"]
    assert not c.terpenuhi  # the scenario's PKS runs two years, whatever the KSDD said
    assert "PKS" in c.alasan


def test_p40_2_refused_when_not_qualifying(ksdd, pemeran):
    with pytest.raises(RuleViolation) as e:
        _catat(ksdd, pemeran)
    assert {p.rule for p in e.value.pelanggaran} == {"P40-2"}
    assert "Pasal 40 ayat 2" in e.value.detail
    assert not SekretariatKerjaSama.objects.exists()


def test_p40_2_not_continuous_is_refused_on_its_field(kompleks, pemeran):
    with pytest.raises(RuleViolation) as e:
        _catat(kompleks, pemeran, terus_menerus=False)
    assert [p.field for p in e.value.pelanggaran] == ["terus_menerus"]


def test_p40_4_p41_recorded_once_per_ksdd(kompleks, pemeran):
    s = _catat(kompleks, pemeran)
    assert s.nomor_kesepakatan == "100.3.7/12/KB/BS/2026"
    assert s.hibah_tahunan == Decimal("150000000")
    with pytest.raises(RuleViolation) as e:
        _catat(kompleks, pemeran, nama="Sekretariat kedua")
    assert e.value.rule == "P40-4"
    assert SekretariatKerjaSama.objects.count() == 1


def test_p41_non_positive_hibah_is_refused(kompleks, pemeran):
    with pytest.raises(RuleViolation) as e:
        _catat(kompleks, pemeran, hibah_tahunan=Decimal("0"))
    assert e.value.rule == "P41"


def test_p40_4_operator_may_not_record(kompleks, pemeran):
    with pytest.raises(PermissionDenied):
        _catat(kompleks, pemeran, user=pemeran.operator)


def test_p40_2_ksdd_page_warns_when_not_qualifying(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    html = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    assert 'id="peringatan-p40-2"' in html
    assert 'id="tautan-sekretariat"' not in html


def test_p40_2_ksdd_page_offers_recording_when_qualifying(client, pemeran, kompleks):
    client.force_login(pemeran.sekretariat)
    html = client.get(reverse("agreements:detail", args=[kompleks.pk])).content.decode()
    assert 'id="peringatan-p40-2"' not in html
    assert reverse("pembinaan:sekretariat_catat", args=[kompleks.pk]) in html


def test_p40_4_form_records_and_lists(client, pemeran, kompleks):
    client.force_login(pemeran.sekretariat)
    url = reverse("pembinaan:sekretariat_catat", args=[kompleks.pk])
    r = client.post(url, FORM_TPA)
    assert r.status_code == 302
    html = client.get(reverse("pembinaan:sekretariat")).content.decode()
    assert "TPA Regional Barito" in html and kompleks.nomor_register in html


def test_p40_2_continuity_confirmed_on_the_form_is_stored_with_who_and_when(
    client, pemeran, kompleks
):
    """P40-2 huruf a: the clerk's "terus-menerus" tick is kept, with who and when, and shown."""
    with time_machine.travel(dt.datetime(2026, 3, 10, 14, 30, tzinfo=WIB), tick=False):
        client.force_login(pemeran.sekretariat)
        r = client.post(reverse("pembinaan:sekretariat_catat", args=[kompleks.pk]), FORM_TPA)
    assert r.status_code == 302
    client.force_login(pemeran.sekretariat)  # the session of 10 March has since expired
    s = SekretariatKerjaSama.objects.get()
    assert s.terus_menerus is True
    assert s.terus_menerus_oleh == pemeran.sekretariat
    assert s.terus_menerus_pada == dt.datetime(2026, 3, 10, 14, 30, tzinfo=WIB)
    daftar = client.get(reverse("pembinaan:sekretariat")).content.decode()
    sel = daftar[daftar.index('class="terus-menerus"') :]
    sel = sel[: sel.index("</td>")]
    assert "Ya" in sel and "Nur Aisyah" in sel and "10-03-2026 14:30" in sel
    ksdd_page = client.get(reverse("agreements:detail", args=[kompleks.pk])).content.decode()
    assert 'id="sekretariat-terus-menerus"' in ksdd_page and "Nur Aisyah" in ksdd_page
    catat = client.get(reverse("pembinaan:sekretariat_catat", args=[kompleks.pk]))
    assert "Dinyatakan terus-menerus oleh pencatat." in catat.content.decode()


def test_p40_2_unticked_continuity_stores_nothing(client, pemeran, kompleks):
    client.force_login(pemeran.sekretariat)
    data = {k: v for k, v in FORM_TPA.items() if k != "terus_menerus"}
    r = client.post(reverse("pembinaan:sekretariat_catat", args=[kompleks.pk]), data)
    assert r.status_code == 200 and "[P40-2]" in r.content.decode()
    assert not SekretariatKerjaSama.objects.exists()


def test_p40_2_continuity_without_its_time_is_refused_by_the_database(pemeran, kompleks):
    from django.db import IntegrityError, transaction

    s = _catat(kompleks, pemeran)
    with pytest.raises(IntegrityError), transaction.atomic():
        SekretariatKerjaSama.objects.filter(pk=s.pk).update(terus_menerus_pada=None)


def test_p40_2_migration_keeps_the_confirmation_of_earlier_records(pemeran, kompleks):
    """Earlier records could only be saved with the tick: the migration credits whoever
    recorded them, when they recorded them."""
    import importlib

    from django.apps import apps

    migrasi = importlib.import_module(
        "kersa.oversight.migrations.0003_sekretariat_terus_menerus_riwayat_keanggotaan"
    )
    s = _catat(kompleks, pemeran)
    SekretariatKerjaSama.objects.filter(pk=s.pk).update(
        terus_menerus=False, terus_menerus_oleh=None, terus_menerus_pada=None
    )
    migrasi.konfirmasi_lama(apps, None)
    s.refresh_from_db()
    assert s.terus_menerus and s.terus_menerus_oleh == pemeran.sekretariat
    assert s.terus_menerus_pada == s.dibuat_pada


def test_p40_2_form_shows_refusal_with_pasal(client, pemeran, ksdd):
    client.force_login(pemeran.sekretariat)
    r = client.post(
        reverse("pembinaan:sekretariat_catat", args=[ksdd.pk]),
        {
            "terus_menerus": "on",
            "nama": "Sekretariat",
            "nomor_kesepakatan": "1/KB/2026",
            "tanggal_kesepakatan": "2026-03-09",
        },
    )
    assert r.status_code == 200
    html = r.content.decode()
    assert "[P40-2]" in html and "Pasal 40 ayat 2" in html
    assert not SekretariatKerjaSama.objects.exists()


def test_p40_4_operator_cannot_open_the_form(client, pemeran, kompleks):
    client.force_login(pemeran.operator)
    r = client.get(reverse("pembinaan:sekretariat_catat", args=[kompleks.pk]))
    assert r.status_code == 403


def test_p40_2_form_page_lists_each_condition(client, pemeran, kompleks):
    client.force_login(pemeran.sekretariat)
    url = reverse("pembinaan:sekretariat_catat", args=[kompleks.pk])
    html = client.get(url).content.decode()
    for kode in ("wajib", "a", "b", "c"):
        assert f'data-syarat="{kode}"' in html
    _catat(kompleks, pemeran)
    r = client.get(url)
    assert r.context["sudah_ada"] and "nomor_kesepakatan" not in r.content.decode()
    html = client.get(reverse("agreements:detail", args=[kompleks.pk])).content.decode()
    assert "Sekretariat Kerja Sama TPA Regional Barito" in html
