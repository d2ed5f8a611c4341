"""TKKSD membership (Pasal 34–35): decrees, ex-officio offices, holders by date."""

import datetime as dt

import pytest

from kersa.core.errors import RuleViolation
from kersa.governance.choices import JenisKeputusan, JenisRapat, Kedudukan
from kersa.governance.models import KeputusanBupati
from kersa.governance.selectors import (
    keputusan_berlaku,
    pemangku_pada,
    susunan_tkksd,
)
from kersa.governance.services import (
    jabatan_tambah,
    keputusan_catat,
    pemangku_angkat,
    rapat_jadwalkan,
)

from .conftest import jabatan

pytestmark = pytest.mark.django_db


def test_p34_1_decree_recorded_with_number_date_and_period(tkksd):
    assert tkksd.nomor == "188.45/112/2025"
    assert tkksd.tanggal == dt.date(2025, 1, 3)
    assert keputusan_berlaku(dt.date(2026, 3, 10)) == tkksd
    assert keputusan_berlaku(dt.date(2024, 12, 31)) is None


def test_p34_1_new_decree_ends_the_previous_one_the_day_before(tkksd, pemeran):
    baru = keputusan_catat(
        jenis=JenisKeputusan.TKKSD,
        nomor="188.45/77/2027",
        tanggal=dt.date(2027, 1, 4),
        tentang="Pembentukan TKKSD",
        berlaku_mulai=dt.date(2027, 1, 5),
        user=pemeran.sekretariat,
    )
    tkksd.refresh_from_db()
    assert tkksd.berlaku_sampai == dt.date(2027, 1, 4)
    assert keputusan_berlaku(dt.date(2027, 1, 5)) == baru
    assert keputusan_berlaku(dt.date(2026, 12, 31)) == tkksd


def test_p34_1_overlapping_decree_is_refused(tkksd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        keputusan_catat(
            jenis=JenisKeputusan.TKKSD,
            nomor="188.45/10/2024",
            tanggal=dt.date(2024, 6, 1),
            tentang="Pembentukan TKKSD",
            berlaku_mulai=dt.date(2024, 6, 1),
            user=pemeran.sekretariat,
        )
    assert exc.value.rule == "P34-1"
    assert "tumpang tindih" in exc.value.detail
    assert not KeputusanBupati.objects.filter(nomor="188.45/10/2024").exists()


def test_p35_1_default_offices_are_ex_officio(tkksd):
    rows = list(tkksd.jabatan.values_list("kedudukan", "nama_jabatan"))
    assert rows[:3] == [
        (Kedudukan.KETUA, "Sekretaris Daerah"),
        (Kedudukan.WAKIL_KETUA, "Asisten yang membidangi kerja sama"),
        (Kedudukan.SEKRETARIS, "Kepala Bagian yang membidangi kerja sama"),
    ]
    nama = [n for _, n in rows]
    assert "Kepala Bagian Hukum" in nama
    assert any("Bappeda" in n for n in nama) and any("Inspektur" in n for n in nama)
    assert any("BPKPAD" in n for n in nama)


def test_p35_2_ketua_wakil_and_sekretaris_vote(tkksd):
    for k in (Kedudukan.KETUA, Kedudukan.WAKIL_KETUA, Kedudukan.SEKRETARIS):
        assert jabatan(tkksd, k).hak_suara


def test_p34_4_p34_5_tim_teknis_has_a_coordinator_and_members(tkksd):
    tt = keputusan_berlaku(dt.date(2026, 1, 1), JenisKeputusan.TIM_TEKNIS)
    koordinator = tt.jabatan.get(kedudukan=Kedudukan.KOORDINATOR_TIM_TEKNIS)
    assert koordinator.nama_jabatan == "Kepala Subbagian yang membidangi kerja sama"
    assert tt.jabatan.filter(kedudukan=Kedudukan.ANGGOTA_TIM_TEKNIS).count() == 5
    kursi = susunan_tkksd(dt.date(2026, 1, 1), JenisKeputusan.TIM_TEKNIS)
    assert kursi[0].pemangku.nama == "Rizky Maulana, S.STP."


def test_p35_1_second_ketua_is_refused(tkksd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        jabatan_tambah(
            keputusan=tkksd,
            kedudukan=Kedudukan.KETUA,
            nama_jabatan="Bupati",
            user=pemeran.sekretariat,
        )
    assert exc.value.rule == "P35-1"
    assert "sudah ada" in exc.value.detail


def test_p35_1_tim_teknis_seat_refused_on_tkksd_decree(tkksd, pemeran):
    with pytest.raises(RuleViolation) as exc:
        jabatan_tambah(
            keputusan=tkksd,
            kedudukan=Kedudukan.ANGGOTA_TIM_TEKNIS,
            nama_jabatan="Staf",
            user=pemeran.sekretariat,
        )
    assert exc.value.rule == "P35-1"


def test_p35_1_membership_follows_the_office(tkksd, pemeran):
    ketua = jabatan(tkksd, Kedudukan.KETUA)
    pemangku_angkat(
        jabatan=ketua,
        nama="Drs. Hendra Saputra, M.Si.",
        nip="197106221992031003",
        mulai=dt.date(2026, 7, 1),
        user=pemeran.sekretariat,
    )
    assert pemangku_pada(ketua, dt.date(2026, 6, 30)).nama == "Edy Purwanto, S.Sos., M.Si."
    assert pemangku_pada(ketua, dt.date(2026, 7, 1)).nama == "Drs. Hendra Saputra, M.Si."
    lama = ketua.pemangku.get(nama="Edy Purwanto, S.Sos., M.Si.")
    assert lama.selesai == dt.date(2026, 6, 30)
    kursi = {k.jabatan.kedudukan: k for k in susunan_tkksd(dt.date(2026, 8, 1))}
    assert kursi[Kedudukan.KETUA].pemangku.nama == "Drs. Hendra Saputra, M.Si."


def test_p35_1_overlapping_holder_is_refused(tkksd, pemeran):
    ketua = jabatan(tkksd, Kedudukan.KETUA)
    with pytest.raises(RuleViolation) as exc:
        pemangku_angkat(
            jabatan=ketua, nama="Plt. Sekda", mulai=dt.date(2024, 1, 1), user=pemeran.sekretariat
        )
    assert exc.value.rule == "P35-1"
    assert "bertumpang tindih" in exc.value.detail
    assert ketua.pemangku.count() == 1


def test_p35_1_holder_change_changes_who_is_invited(tkksd, pemeran):
    rapat = rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=dt.date(2026, 12, 15),
        tempat="Aula Setda",
        user=pemeran.sekretariat,
    )
    ketua = jabatan(tkksd, Kedudukan.KETUA)
    undangan = rapat.kehadiran.get(jabatan=ketua)
    assert undangan.nama == "Edy Purwanto, S.Sos., M.Si."
    pemangku_angkat(
        jabatan=ketua,
        nama="Drs. Hendra Saputra, M.Si.",
        mulai=dt.date(2026, 12, 1),
        user=pemeran.sekretariat,
    )
    undangan.refresh_from_db()
    assert undangan.nama == "Drs. Hendra Saputra, M.Si."
    # A meeting scheduled after the change invites the new holder straight away.
    lain = rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=dt.date(2026, 12, 20),
        tempat="Aula Setda",
        user=pemeran.sekretariat,
    )
    assert lain.kehadiran.get(jabatan=ketua).nama == "Drs. Hendra Saputra, M.Si."


def test_susunan_tkksd_query_count(tkksd, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        kursi = susunan_tkksd(dt.date(2026, 3, 1))
        assert len(kursi) == 8 and all(k.pemangku for k in kursi)
