"""The services of the editable working-day calendar: hari_libur_catat and
hari_libur_hapus (rule "HK": RULES.md, the paragraph on hari kerja; Pasal 18 and 22)."""

import datetime as dt

import pytest
from django.contrib.admin.models import ADDITION, DELETION, LogEntry
from django.core.exceptions import PermissionDenied

from kersa.core.errors import RuleViolation
from kersa.deadlines import services
from kersa.deadlines.choices import JenisHari, StatusTenggat
from kersa.deadlines.kalender import Kalender
from kersa.deadlines.models import HariLibur

pytestmark = pytest.mark.django_db
D = dt.date


def _catat(user, tanggal, jenis=JenisHari.LIBUR, nama="Libur daerah", dasar=""):
    return services.hari_libur_catat(
        tanggal=tanggal, jenis=jenis, nama=nama, dasar=dasar, user=user
    )


def test_hk_secretariat_adds_a_local_day_off(pemeran):
    hari = _catat(pemeran.sekretariat, D(2026, 4, 8), dasar="SE Bupati 003/2026")
    assert hari.dicatat_oleh == pemeran.sekretariat
    assert hari.dasar == "SE Bupati 003/2026"
    assert not Kalender().hari_kerja(D(2026, 4, 8))
    log = LogEntry.objects.get(object_id=str(hari.pk), action_flag=ADDITION)
    assert log.user == pemeran.sekretariat


def test_hk_admin_may_add_too(pemeran):
    _catat(pemeran.admin, D(2026, 3, 24), jenis=JenisHari.MASUK, nama="Masuk")
    assert Kalender().hari_kerja(D(2026, 3, 24))


@pytest.mark.parametrize("peran", ["operator", "anggota", "bupati", "dprd", "publik"])
def test_hk_other_roles_may_not_add(pemeran, peran):
    with pytest.raises(PermissionDenied):
        _catat(getattr(pemeran, peran), D(2026, 4, 8))
    assert not HariLibur.objects.exists()


def test_hk_local_day_off_on_a_listed_national_day_is_refused(pemeran):
    with pytest.raises(RuleViolation) as exc:
        _catat(pemeran.sekretariat, D(2026, 3, 23))
    assert exc.value.rule == "HK"
    assert exc.value.pelanggaran[0].field == "tanggal"
    assert "Cuti Bersama Hari Raya Idul Fitri" in exc.value.detail
    assert "Senin, 23 Maret 2026" in exc.value.detail


def test_hk_local_day_off_on_a_weekend_is_refused(pemeran):
    with pytest.raises(RuleViolation) as exc:
        _catat(pemeran.sekretariat, D(2026, 3, 14))
    assert exc.value.rule == "HK"


def test_hk_worked_day_on_an_ordinary_working_day_is_refused(pemeran):
    with pytest.raises(RuleViolation) as exc:
        _catat(pemeran.sekretariat, D(2026, 4, 8), jenis=JenisHari.MASUK, nama="Masuk")
    assert exc.value.rule == "HK"
    assert "sudah hari kerja" in exc.value.detail


def test_hk_worked_day_on_a_saturday_is_allowed(pemeran):
    _catat(pemeran.sekretariat, D(2026, 3, 14), jenis=JenisHari.MASUK, nama="Sabtu masuk")
    assert Kalender().hari_kerja(D(2026, 3, 14))


def test_hk_a_date_with_an_entry_is_refused(pemeran):
    _catat(pemeran.sekretariat, D(2026, 4, 8))
    with pytest.raises(RuleViolation) as exc:
        _catat(pemeran.sekretariat, D(2026, 4, 8), nama="Lagi")
    assert exc.value.rule == "HK"
    assert HariLibur.objects.count() == 1


def test_hk_empty_name_and_unknown_kind_are_refused(pemeran):
    with pytest.raises(RuleViolation) as exc:
        _catat(pemeran.sekretariat, D(2026, 4, 8), nama="  ")
    assert exc.value.pelanggaran[0].field == "nama"
    with pytest.raises(RuleViolation) as exc:
        _catat(pemeran.sekretariat, D(2026, 4, 8), jenis="cuti")
    assert exc.value.pelanggaran[0].field == "jenis"


def test_hk_removing_an_entry_restores_the_national_list(pemeran):
    hari = _catat(pemeran.sekretariat, D(2026, 3, 24), jenis=JenisHari.MASUK, nama="Masuk")
    pk = hari.pk
    services.hari_libur_hapus(hari=hari, user=pemeran.sekretariat)
    assert not HariLibur.objects.exists()
    assert Kalender().nama_libur(D(2026, 3, 24)) == "Cuti Bersama Hari Raya Idul Fitri"
    assert LogEntry.objects.filter(object_id=str(pk), action_flag=DELETION).exists()


def test_hk_operator_may_not_remove(pemeran):
    hari = _catat(pemeran.sekretariat, D(2026, 4, 8))
    with pytest.raises(PermissionDenied):
        services.hari_libur_hapus(hari=hari, user=pemeran.operator)
    assert HariLibur.objects.exists()


def test_p22_1b_running_clock_moves_with_a_new_local_day_off_and_back(pemeran):
    tenggat = services.tenggat_mulai(
        rule="P22-1b",
        kunci="uji-hk-1",
        tanggal_peristiwa=D(2026, 3, 13),
        peristiwa="Surat permohonan persetujuan diterima DPRD",
    )
    assert tenggat.jatuh_tempo == D(2026, 4, 13)
    hari = _catat(pemeran.sekretariat, D(2026, 4, 8))
    tenggat.refresh_from_db()
    assert tenggat.jatuh_tempo == D(2026, 4, 14)
    geser = tenggat.riwayat.last()
    assert (geser.dari, geser.ke) == (StatusTenggat.BERJALAN, StatusTenggat.BERJALAN)
    assert geser.oleh == pemeran.sekretariat
    assert "14 April 2026" in geser.alasan
    services.hari_libur_hapus(hari=hari, user=pemeran.sekretariat)
    tenggat.refresh_from_db()
    assert tenggat.jatuh_tempo == D(2026, 4, 13)


def test_hk_clock_outside_the_changed_date_or_given_by_hand_does_not_move(pemeran):
    sebelum = services.tenggat_mulai(
        rule="P22-1b", kunci="uji-hk-2", tanggal_peristiwa=D(2026, 1, 5), peristiwa="Surat"
    )
    tangan = services.tenggat_mulai(
        rule="P22-1b",
        kunci="uji-hk-3",
        tanggal_peristiwa=D(2026, 3, 13),
        peristiwa="Surat",
        jatuh_tempo=D(2026, 4, 30),
    )
    _catat(pemeran.sekretariat, D(2026, 4, 8))
    sebelum.refresh_from_db()
    tangan.refresh_from_db()
    assert sebelum.jatuh_tempo == D(2026, 1, 27)  # 16 January: Isra Mikraj
    assert tangan.jatuh_tempo == D(2026, 4, 30)
    assert sebelum.riwayat.count() == tangan.riwayat.count() == 1
