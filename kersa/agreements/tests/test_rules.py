"""The record rules of a KSDD (Pasal 3, 5, 6, 7, 8, 9, 14, 19, 20, 21, 31), proved through
``kersa.agreements.rules`` and through the services that apply them at every save."""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from kersa.agreements import rules, services
from kersa.agreements.choices import Kategori, PengecualianRencana, Status
from kersa.agreements.models import BantuanPendanaan, Bentuk, Kak, Ksdd, Naskah, RiwayatTahap
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_naskah
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db


def _w(*kodes):
    return [Wilayah.objects.get(kode=k) for k in kodes]


def _rules(excinfo) -> list[str]:
    return [p.rule for p in excinfo.value.pelanggaran]


# --- P7-1, P8-1: category and borders ----------------------------------------------------


def test_p7_1_wajib_with_bordering_barito_timur_is_accepted(pemeran):
    ksdd = ksdd_baru(pemeran, mitra=_w("62.13"))
    assert ksdd.kategori == Kategori.WAJIB
    assert list(ksdd.mitra.values_list("kode", flat=True)) == ["62.13"]


def test_p7_1_wajib_with_non_bordering_palangka_raya_is_refused(pemeran):
    with pytest.raises(RuleViolation) as exc:
        ksdd_baru(pemeran, mitra=_w("62.71"))
    assert _rules(exc) == ["P7-1"]
    assert "Pasal 7 ayat 1" in exc.value.detail
    assert "62.71" in exc.value.detail
    assert not Ksdd.objects.exists()


def test_p7_1_wajib_refused_when_one_partner_borders_nobody_in_the_set(pemeran):
    # Barito Timur borders Barito Selatan; Tapin borders neither of them.
    with pytest.raises(RuleViolation) as exc:
        ksdd_baru(pemeran, mitra=_w("62.13", "63.05"))
    assert _rules(exc) == ["P7-1"]
    assert exc.value.detail.endswith("Tidak berbatasan dengan pihak lain: Kabupaten Tapin (63.05).")
    assert not Ksdd.objects.exists()


def test_p7_1_wajib_with_three_bordering_regions_is_accepted(pemeran):
    ksdd = ksdd_baru(pemeran, mitra=_w("62.13", "63.09"))
    assert sorted(ksdd.mitra.values_list("kode", flat=True)) == ["62.13", "63.09"]


def test_p7_1_wajib_without_externality_is_refused(pemeran):
    with pytest.raises(RuleViolation) as exc:
        ksdd_baru(pemeran, eksternalitas="   ")
    assert _rules(exc) == ["P7-1"]
    assert exc.value.pelanggaran[0].field == "eksternalitas"
    assert not Ksdd.objects.exists()


def test_p7_1_changing_to_wajib_with_a_non_bordering_partner_is_refused(pemeran):
    ksdd = ksdd_baru(pemeran, kategori=Kategori.SUKARELA, mitra=_w("62.71"), eksternalitas="")
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_update(
            ksdd=ksdd, user=pemeran.operator, kategori=Kategori.WAJIB, eksternalitas="Banjir."
        )
    assert _rules(exc) == ["P7-1"]
    ksdd.refresh_from_db()
    assert ksdd.kategori == Kategori.SUKARELA


def test_p8_1_sukarela_with_non_bordering_jakarta_pusat_is_accepted(pemeran):
    ksdd = ksdd_baru(pemeran, kategori=Kategori.SUKARELA, mitra=_w("31.71"), eksternalitas="")
    assert ksdd.kategori == Kategori.SUKARELA
    assert rules.data_ksdd(ksdd) == []


def test_p8_1_sukarela_with_two_non_bordering_partners_has_no_violation(pemeran):
    ksdd = ksdd_baru(
        pemeran, kategori=Kategori.SUKARELA, mitra=_w("31.71", "62.71"), eksternalitas=""
    )
    assert rules.data_ksdd(ksdd) == []


def test_p1_3_home_region_is_not_a_partner(pemeran):
    with pytest.raises(RuleViolation) as exc:
        ksdd_baru(pemeran, mitra=_w("62.04", "62.13"))
    assert "P1-3" in _rules(exc)


# --- P6: exactly one of two categories ---------------------------------------------------


def test_p6_exactly_two_categories():
    assert Kategori.values == ["wajib", "sukarela"]


def test_p6_unknown_category_is_refused(pemeran):
    with pytest.raises(RuleViolation) as exc:
        ksdd_baru(pemeran, kategori="campuran")
    assert _rules(exc) == ["P6"]
    assert not Ksdd.objects.exists()


# --- P5-2, P5-3: objects outside the plan -------------------------------------------------


def test_p5_3_object_outside_the_plan_without_exception_is_refused(pemeran):
    with pytest.raises(RuleViolation) as exc:
        ksdd_baru(pemeran, dalam_rencana=False)
    assert _rules(exc) == ["P5-3"]
    assert exc.value.pelanggaran[0].field == "pengecualian_rencana"
    assert not Ksdd.objects.exists()


def test_p5_2_exception_without_explanation_is_refused(pemeran):
    with pytest.raises(RuleViolation) as exc:
        ksdd_baru(pemeran, dalam_rencana=False, pengecualian_rencana=PengecualianRencana.DARURAT)
    assert _rules(exc) == ["P5-2"]
    assert exc.value.pelanggaran[0].field == "alasan_pengecualian"


@pytest.mark.parametrize("pengecualian", PengecualianRencana.values)
def test_p5_3_each_exception_with_explanation_is_accepted(pemeran, pengecualian):
    ksdd = ksdd_baru(
        pemeran,
        dalam_rencana=False,
        pengecualian_rencana=pengecualian,
        alasan_pengecualian="Banjir besar di wilayah perbatasan.",
    )
    ksdd.refresh_from_db()
    assert (ksdd.dalam_rencana, ksdd.pengecualian_rencana) == (False, pengecualian)


def test_p5_3_rule_function_inside_the_plan_needs_nothing():
    assert rules.p5_3_pengecualian(dalam_rencana=True, pengecualian="", alasan="") == []


# --- P9: payment obligations and exchanged services ---------------------------------------


@pytest.mark.parametrize("kode", ["b", "c", "f"])
def test_p9_b_c_f_rule_needs_payer_payee_and_basis(acuan, kode):
    bentuk = Bentuk.objects.get(kode=kode)
    found = rules.p9_kompensasi(
        bentuk=bentuk, pembayar=None, penerima=None, dasar="", objek_pertukaran=""
    )
    assert [p.rule for p in found] == [f"P9-{kode}"]
    assert f"Pasal 9 huruf {kode}" in found[0].detail
    ok = rules.p9_kompensasi(
        bentuk=bentuk, pembayar="62.13", penerima="62.04", dasar="Perda", objek_pertukaran=""
    )
    assert ok == []


def test_p9_d_p21_1_retribusi_needs_its_perda_and_burdens_the_public(acuan):
    """P9-d: the public pays a retribusi: the Perda basis is recorded, and the KSDD
    burdens the public (P21-1, DPRD approval); no region pays another."""
    bentuk = Bentuk.objects.get(kode="d")
    found = rules.p9_kompensasi(
        bentuk=bentuk,
        pembayar=None,
        penerima=None,
        dasar="",
        objek_pertukaran="",
        membebani=False,
    )
    assert [(p.rule, p.field) for p in found] == [
        ("P9-d", "dasar_perda_retribusi"),
        ("P21-1", "membebani_masyarakat"),
    ]
    assert "Pasal 9 huruf d" in found[0].detail and "Pasal 21 ayat 1" in found[1].detail
    assert (
        rules.p9_kompensasi(
            bentuk=bentuk,
            pembayar=None,
            penerima=None,
            dasar="",
            objek_pertukaran="",
            membebani=True,
            dasar_perda="Perda Kabupaten Barito Selatan Nomor 3 Tahun 2024",
        )
        == []
    )


@pytest.mark.parametrize("kode", ["a", "e", "h", "i"])
def test_p9_forms_without_payment_need_nothing(acuan, kode):
    bentuk = Bentuk.objects.get(kode=kode)
    assert (
        rules.p9_kompensasi(
            bentuk=bentuk, pembayar=None, penerima=None, dasar="", objek_pertukaran=""
        )
        == []
    )


def test_p9_b_payer_and_payee_must_differ(acuan):
    found = rules.p9_kompensasi(
        bentuk=Bentuk.objects.get(kode="b"),
        pembayar="62.13",
        penerima="62.13",
        dasar="Tarif retribusi",
        objek_pertukaran="",
    )
    assert [(p.rule, p.field) for p in found] == [("P9-b", "penerima_pembayaran")]


def test_p9_g_exchange_needs_the_exchanged_service(acuan):
    bentuk = Bentuk.objects.get(kode="g")
    found = rules.p9_kompensasi(
        bentuk=bentuk, pembayar=None, penerima=None, dasar="", objek_pertukaran=""
    )
    assert [(p.rule, p.field) for p in found] == [("P9-g", "objek_pertukaran")]
    assert (
        rules.p9_kompensasi(
            bentuk=bentuk, pembayar=None, penerima=None, dasar="", objek_pertukaran="Ambulans"
        )
        == []
    )


# --- P31-1: funding assistance -----------------------------------------------------------


def _bantuan(ksdd, pemeran, **ubah):
    data = {
        "ksdd": ksdd,
        "user": pemeran.operator,
        "mitra": Wilayah.objects.get(kode="62.13"),
        "jumlah": Decimal("150000000"),
        "tahun_anggaran": 2027,
        "perangkat_daerah": pemeran.operator.perangkat_daerah,
    }
    data.update(ubah)
    return services.bantuan_pendanaan_tambah(**data)


def test_p31_1_funding_assistance_accepted_for_wajib(ksdd, pemeran):
    bantuan = _bantuan(ksdd, pemeran)
    assert (bantuan.mitra_id, bantuan.jumlah, bantuan.tahun_anggaran) == (
        "62.13",
        Decimal("150000000"),
        2027,
    )
    assert RiwayatTahap.objects.filter(ksdd=ksdd, aksi="bantuan_pendanaan").count() == 1


def test_p31_1_funding_assistance_refused_for_sukarela(pemeran):
    ksdd = ksdd_baru(pemeran, kategori=Kategori.SUKARELA, mitra=_w("62.13"), eksternalitas="")
    with pytest.raises(RuleViolation) as exc:
        _bantuan(ksdd, pemeran)
    assert _rules(exc) == ["P31-1"]
    assert "Pasal 31 ayat 1" in exc.value.detail
    assert not BantuanPendanaan.objects.exists()


def test_p31_1_funding_assistance_only_to_a_partner_and_positive(ksdd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        _bantuan(ksdd, pemeran, mitra=Wilayah.objects.get(kode="62.05"), jumlah=Decimal(0))
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [
        ("P31-1", "mitra"),
        ("P31-1", "jumlah"),
    ]
    assert not BantuanPendanaan.objects.exists()


# --- P14-1, P14-2 (rule function) --------------------------------------------------------


def test_p14_1_no_kak_at_all():
    assert [p.rule for p in rules.p14_2_kak_lengkap(None)] == ["P14-1"]


def test_p14_2_rule_lists_every_empty_part(ksdd):
    kak = Kak(ksdd=ksdd)
    (found,) = rules.p14_2_kak_lengkap(kak)
    assert found.rule == "P14-2"
    for _f, label in Kak.BAGIAN:
        assert str(label) in found.detail


# --- P19-3: at most five years ----------------------------------------------------------


@pytest.mark.parametrize(
    ("mulai", "berakhir", "boleh"),
    [
        (dt.date(2026, 1, 1), dt.date(2030, 12, 31), True),
        (dt.date(2026, 1, 1), dt.date(2031, 1, 1), False),
        (dt.date(2026, 3, 23), dt.date(2031, 3, 22), True),
        (dt.date(2026, 3, 23), dt.date(2031, 3, 23), False),
        (dt.date(2028, 2, 29), dt.date(2033, 2, 27), True),
        (dt.date(2028, 2, 29), dt.date(2033, 3, 1), False),
    ],
)
def test_p19_3_kb_runs_at_most_5_years(mulai, berakhir, boleh):
    found = rules.p19_3_jangka_kb(mulai=mulai, berakhir=berakhir)
    assert [p.rule for p in found] == ([] if boleh else ["P19-3"])


def test_p19_3_message_names_the_latest_end_date():
    (found,) = rules.p19_3_jangka_kb(mulai=dt.date(2026, 1, 1), berakhir=dt.date(2031, 1, 1))
    assert "paling lama 5 tahun (Pasal 19 ayat 3)" in found.detail
    assert "paling lambat berakhir 31-12-2030" in found.detail


# --- P19-3 through the service ---------------------------------------------------------


def _rancangan_kb(ksdd, user, mulai, berakhir):
    today = timezone.localdate()
    return services.ksdd_sepakati_rancangan_kb(
        ksdd=ksdd,
        user=user,
        tentang=ksdd.judul,
        tanggal_rapat_teknis=today - dt.timedelta(days=30),
        tanggal_disepakati=today - dt.timedelta(days=25),
        tanggal_mulai=mulai,
        tanggal_berakhir=berakhir,
        rancangan=unggahan_naskah("rancangan-kb.docx", "kb", semua_bagian=True),
    )


# The KB is agreed in December 2025 for a start on 1 January 2026 (or 29 February 2028).
DESEMBER_2025 = dt.datetime(2025, 12, 10, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.fixture
def kb_disusun(pemeran, time_machine):
    time_machine.move_to(DESEMBER_2025, tick=False)
    return ke_status(ksdd_baru(pemeran), Status.PENYUSUNAN_KB, pemeran)


@pytest.mark.parametrize(
    ("mulai", "berakhir"),
    [
        (dt.date(2026, 1, 1), dt.date(2030, 12, 31)),
        (dt.date(2028, 2, 29), dt.date(2033, 2, 27)),
    ],
)
def test_p19_3_kb_of_exactly_5_years_is_accepted(kb_disusun, pemeran, mulai, berakhir):
    assert timezone.localdate() == dt.date(2025, 12, 10)
    _rancangan_kb(kb_disusun, pemeran.operator, mulai, berakhir)
    assert kb_disusun.status == Status.PENANDATANGANAN_KB
    kb = Naskah.objects.get(ksdd=kb_disusun, jenis="kb")
    assert (kb.tanggal_mulai, kb.tanggal_berakhir) == (mulai, berakhir)
    assert kb_disusun.riwayat.last().data == {
        "tanggal_mulai": mulai.isoformat(),
        "tanggal_berakhir": berakhir.isoformat(),
    }


@pytest.mark.parametrize(
    ("mulai", "berakhir", "batas"),
    [
        (dt.date(2026, 1, 1), dt.date(2031, 1, 1), "31-12-2030"),
        (dt.date(2028, 2, 29), dt.date(2033, 3, 1), "27-02-2033"),
    ],
)
def test_p19_3_kb_one_day_longer_is_refused(kb_disusun, pemeran, mulai, berakhir, batas):
    with pytest.raises(RuleViolation) as exc:
        _rancangan_kb(kb_disusun, pemeran.operator, mulai, berakhir)
    assert _rules(exc) == ["P19-3"]
    assert f"paling lambat berakhir {batas}" in exc.value.detail
    kb_disusun.refresh_from_db()
    assert kb_disusun.status == Status.PENYUSUNAN_KB
    assert not Naskah.objects.exists()


# --- P20-4, P24-4: originals ------------------------------------------------------------


def test_p20_4_originals_are_parties_plus_one():
    assert [rules.jumlah_rangkap(n) for n in (2, 3, 4)] == [3, 4, 5]
    assert rules.FOTOKOPI_SEKRETARIAT == 1


# --- P21-1: when DPRD approval is needed -------------------------------------------------


@pytest.mark.parametrize(
    ("membebani", "dianggarkan", "perlu", "sebab"),
    [
        (False, True, False, "tidak membebani masyarakat"),
        (True, True, True, "membebani masyarakat dan daerah"),
        (False, False, True, "belum dianggarkan dalam APBD"),
        (True, False, True, "membebani masyarakat dan daerah, dan pendanaannya belum"),
    ],
)
def test_p21_1_dprd_needed_when_burdening_or_unbudgeted(membebani, dianggarkan, perlu, sebab):
    ksdd = Ksdd(membebani_masyarakat=membebani, dianggarkan_apbd=dianggarkan, nomor_dpa="DPA/1")
    assert ksdd.memerlukan_persetujuan_dprd is perlu
    assert sebab in rules.alasan_dprd(ksdd)
    found = rules.p21_1_persetujuan_dprd(ksdd, ada_persetujuan=False)
    assert [p.rule for p in found] == (["P21-1"] if perlu else [])
    assert rules.p21_1_persetujuan_dprd(ksdd, ada_persetujuan=True) == []
