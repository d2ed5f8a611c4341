"""P13: the dates of the stages keep their order. The pure rule (a property test over
any set of dates) and the services that record the dates (refused, nothing saved)."""

import datetime as dt

import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from kersa.agreements import rules, services
from kersa.agreements.choices import Status
from kersa.agreements.models import Naskah, Penandatangan
from kersa.core.errors import RuleViolation
from kersa.core.format import tanggal_surat
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_pdf

from .test_services_naskah import _ajukan_dprd, _penandatangan

KUNCI = sorted({k for rantai in rules.URUTAN_TANGGAL_P13 for k in rantai})
HARI_INI = dt.date(2026, 6, 1)

tanggal_opsional = st.one_of(
    st.none(), st.integers(min_value=-40, max_value=40).map(lambda n: HARI_INI + dt.timedelta(n))
)


def _berurutan(tanggal: dict) -> bool:
    """The oracle, written independently: every pair of recorded dates in a chain of
    Pasal 13 is in order (a missing date, such as a skipped DPRD stage, is passed over)."""
    for rantai in rules.URUTAN_TANGGAL_P13:
        ada = [tanggal[k] for k in rantai if tanggal.get(k) is not None]
        if any(a > b for i, a in enumerate(ada) for b in ada[i + 1 :]):
            return False
    return True


@settings(max_examples=25, deadline=None)
@given(st.fixed_dictionaries(dict.fromkeys(KUNCI, tanggal_opsional)))
def test_p13_rule_refuses_exactly_the_dates_out_of_order(tanggal):
    found = rules.p13_urutan_tanggal(tanggal, baru={k: k for k in KUNCI})
    assert (found == []) == _berurutan(tanggal)
    assert all(p.rule == "P13" and "Pasal 13" in p.detail for p in found)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=30), min_size=6, max_size=6))
def test_p13_rule_accepts_any_ordered_dates(selisih):
    """Dates built in order (each on or after the one before) are never refused."""
    rantai = rules.URUTAN_TANGGAL_P13[0]
    tanggal, hari = {}, HARI_INI
    for kunci, n in zip(rantai, selisih, strict=True):
        hari += dt.timedelta(n)
        tanggal[kunci] = hari
    tanggal["pks_rapat_teknis"] = tanggal["kb_ditandatangani"]
    tanggal["pks_disepakati"] = tanggal["pks_rapat_teknis"] + dt.timedelta(selisih[0])
    tanggal["pks_ditandatangani"] = max(tanggal["pks_disepakati"], tanggal["pks_ditandatangani"])
    assert rules.p13_urutan_tanggal(tanggal, baru={k: k for k in KUNCI}) == []


def test_p13_rule_judges_only_the_new_dates():
    tanggal = {"kb_disepakati": HARI_INI, "kb_rapat_teknis": HARI_INI + dt.timedelta(3)}
    assert rules.p13_urutan_tanggal(tanggal, baru={"pks_ditandatangani": "tanggal"}) == []
    (p,) = rules.p13_urutan_tanggal(tanggal, baru={"kb_disepakati": "tanggal_disepakati"})
    assert p.field == "tanggal_disepakati"
    assert p.detail == (
        "Tanggal Kesepakatan Bersama disepakati (1 Juni 2026) tidak boleh sebelum tanggal "
        "rapat teknis Kesepakatan Bersama (4 Juni 2026): tahapan KSDD dan tanggalnya "
        "dilalui secara berurutan (Pasal 13)."
    )


# --- through the services ----------------------------------------------------------------


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _ttd(ksdd, user, *, pks, tanggal):
    fn = services.ksdd_tandatangani_pks if pks else services.ksdd_tandatangani_kb
    return fn(
        ksdd=ksdd,
        user=user,
        tanggal=tanggal,
        tempat="Buntok",
        penandatangan=_penandatangan(ksdd, pks=pks),
        naskah=unggahan_pdf("naskah-ttd.pdf"),
    )


def _tidak_tersimpan(ksdd, *, status, jenis, riwayat):
    ksdd.refresh_from_db()
    assert ksdd.status == status
    assert Naskah.objects.get(ksdd=ksdd, jenis=jenis).tanggal_ditandatangani is None
    assert not Penandatangan.objects.filter(naskah__ksdd=ksdd, naskah__jenis=jenis).exists()
    assert ksdd.riwayat.count() == riwayat


@pytest.mark.django_db
def test_p13_pks_signed_before_the_kb_is_refused(ksdd, pemeran):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    kb = Naskah.objects.get(ksdd=ksdd, jenis="kb")
    riwayat = ksdd.riwayat.count()
    dini = kb.tanggal_ditandatangani - dt.timedelta(days=2)
    with pytest.raises(RuleViolation) as exc:
        _ttd(ksdd, pemeran.bupati, pks=True, tanggal=dini)
    # P13, and P12: that day is not the one written in the agreed PKS's komparisi either
    p, komparisi = exc.value.pelanggaran
    assert (komparisi.rule, komparisi.field) == ("P12", "tanggal")
    assert (p.rule, p.field) == ("P13", "tanggal")
    assert p.detail.startswith(
        f"Tanggal penandatanganan PKS ({tanggal_surat(dini)}) tidak boleh sebelum tanggal "
        f"penandatanganan Kesepakatan Bersama ({tanggal_surat(kb.tanggal_ditandatangani)}) dan "
    )
    assert p.detail.endswith(": tahapan KSDD dan tanggalnya dilalui secara berurutan (Pasal 13).")
    _tidak_tersimpan(ksdd, status=Status.PENANDATANGANAN_PKS, jenis="pks", riwayat=riwayat)


@pytest.mark.django_db
def test_p13_pks_signed_before_the_dprd_approval_is_refused(pemeran):
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    setuju = ksdd.persetujuan_dprd.get()
    riwayat = ksdd.riwayat.count()
    dini = setuju.tanggal - dt.timedelta(days=1)
    with pytest.raises(RuleViolation) as exc:
        _ttd(ksdd, pemeran.bupati, pks=True, tanggal=dini)
    assert exc.value.rule == "P13"
    assert (
        f"Tanggal penandatanganan PKS ({tanggal_surat(dini)}) tidak boleh sebelum tanggal "
        f"Persetujuan DPRD atau tanggal dianggap disetujui ({tanggal_surat(setuju.tanggal)})"
    ) in exc.value.detail
    assert "(Pasal 13)" in exc.value.detail
    _tidak_tersimpan(ksdd, status=Status.PENANDATANGANAN_PKS, jenis="pks", riwayat=riwayat)


@pytest.mark.django_db
def test_p13_kb_signed_30_days_before_its_rapat_teknis_is_refused(ksdd, pemeran):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    kb = Naskah.objects.get(ksdd=ksdd, jenis="kb")
    riwayat = ksdd.riwayat.count()
    dini = kb.tanggal_rapat_teknis - dt.timedelta(days=30)
    with pytest.raises(RuleViolation) as exc:
        _ttd(ksdd, pemeran.bupati, pks=False, tanggal=dini)
    assert exc.value.rule == "P13"
    assert exc.value.detail == (
        f"Tanggal penandatanganan Kesepakatan Bersama ({tanggal_surat(dini)}) tidak boleh "
        f"sebelum tanggal rapat teknis Kesepakatan Bersama "
        f"({tanggal_surat(kb.tanggal_rapat_teknis)}) dan tanggal Kesepakatan Bersama "
        f"disepakati ({tanggal_surat(kb.tanggal_disepakati)}): tahapan KSDD dan tanggalnya "
        "dilalui secara berurutan (Pasal 13)."
    )
    _tidak_tersimpan(ksdd, status=Status.PENANDATANGANAN_KB, jenis="kb", riwayat=riwayat)


@pytest.mark.django_db
def test_p13_dprd_request_before_the_kb_signing_is_refused(pemeran):
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    ke_status(ksdd, Status.PERMOHONAN_DPRD, pemeran)
    kb = Naskah.objects.get(ksdd=ksdd, jenis="kb")
    dini = kb.tanggal_ditandatangani - dt.timedelta(days=1)
    with pytest.raises(RuleViolation) as exc:
        _ajukan_dprd(ksdd, pemeran.sekretariat, tanggal_surat=dini, tanggal_diterima=dini)
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [("P13", "tanggal_surat")]
    assert not ksdd.permohonan_dprd.exists()


@pytest.mark.django_db
def test_p13_a_new_dprd_request_is_judged_against_its_own_approval(pemeran):
    """P13 with P22-2/P22-3: a request made after an earlier one was approved starts the
    chain again; the old approval (dated before the new request) is not its approval."""
    from kersa.agreements.models import PermohonanDprd

    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    lama = ksdd.persetujuan_dprd.get()
    assert rules.tanggal_tercatat_p13(ksdd)["dprd_persetujuan"] == lama.tanggal
    pertama = lama.permohonan
    baru = PermohonanDprd.objects.create(
        ksdd=ksdd,
        nomor="100.3/210/Pem/2026",
        tanggal_surat=lama.tanggal + dt.timedelta(days=3),
        tanggal_diterima=lama.tanggal + dt.timedelta(days=3),
        berkas=pertama.berkas,
        berkas_rancangan_pks=pertama.berkas_rancangan_pks,
        dicatat_oleh=pemeran.sekretariat,
    )
    tanggal = rules.tanggal_tercatat_p13(ksdd)
    assert tanggal["dprd_permohonan"] == baru.tanggal_surat
    assert "dprd_persetujuan" not in tanggal
    assert rules.p13_tanggal_langkah(ksdd) == []
