"""Query-count budgets of the TKKSD pages (Pasal 34–39): the TKKSD home, one meeting,
the decrees, one decree with its offices and one work programme cost the same whatever
the number of meetings, agenda items, attendees, decrees, offices and activities."""

import datetime as dt

import pytest
from django.urls import reverse

from kersa.core.testing import jumlah_kueri
from kersa.governance.choices import JenisAgenda, JenisKeputusan, JenisRapat, Kedudukan
from kersa.governance.services import (
    agenda_tambah,
    jabatan_tambah,
    kegiatan_tambah,
    keputusan_catat,
    pemangku_angkat,
    program_kerja_buat,
    rapat_jadwalkan,
)

pytestmark = pytest.mark.django_db


def _hitung(client, url) -> int:
    return jumlah_kueri(client, url)  # warm visit


def _rapat(user, tanggal, jenis=JenisRapat.TEKNIS):
    return rapat_jadwalkan(
        jenis=jenis,
        tanggal=tanggal,
        waktu_mulai=dt.time(9, 0),
        tempat="Ruang Rapat Bagian Pemerintahan Setda Barito Selatan, Buntok",
        user=user,
    )


def _agenda(rapat, user, judul, **kw):
    return agenda_tambah(rapat=rapat, user=user, judul=judul, tugas="j", **kw)


def _program(tahun, user, n):
    program = program_kerja_buat(tahun=tahun, user=user)
    for i in range(n):
        kegiatan_tambah(
            program=program,
            uraian=f"Evaluasi pelaksanaan KSDD triwulan {i % 4 + 1}",
            tugas="j",
            triwulan=i % 4 + 1,
            user=user,
            penanggung_jawab="Bagian Pemerintahan Setda",
        )
    return program


def _anggota(kep, user, nama_jabatan, nama, perangkat_daerah=None):
    j = jabatan_tambah(
        keputusan=kep,
        kedudukan=Kedudukan.ANGGOTA,
        nama_jabatan=nama_jabatan,
        perangkat_daerah=perangkat_daerah,
        user=user,
    )
    pemangku_angkat(jabatan=j, nama=nama, mulai=kep.berlaku_mulai, user=user)
    return j


def test_p36_tkksd_home_does_not_grow_with_meetings_and_programmes(client, pemeran, tkksd, pleno):
    s = pemeran.sekretariat
    _agenda(pleno, s, "Evaluasi pelaksanaan KSDD semester II 2025")
    _program(2026, s, 2)
    client.force_login(pemeran.anggota)
    url = reverse("tkksd:daftar")
    awal = _hitung(client, url)
    for n, hari in enumerate((3, 17, 24), start=1):
        r = _rapat(s, dt.date(2026, 4, hari), JenisRapat.PLENO if n == 2 else JenisRapat.TEKNIS)
        _agenda(r, s, f"Pembahasan rancangan PKS ke-{n}")
    _program(2027, s, 4)
    _program(2028, s, 1)
    assert _hitung(client, url) == awal
    assert awal <= 16


def test_p38_4_meeting_page_does_not_grow_with_agenda_or_attendance(client, pemeran, tkksd, ksdd):
    s = pemeran.sekretariat
    sedikit = _rapat(s, dt.date(2026, 2, 24), JenisRapat.PLENO)
    _agenda(sedikit, s, "Evaluasi pelaksanaan KSDD semester II 2025")
    # Three more offices on the decree: the next meeting invites eleven, not eight.
    for nama_jabatan, nama in (
        ("Kepala Dinas Perhubungan", "Rahmat Hidayat, S.T."),
        ("Kepala Dinas Pendidikan", "Dra. Siti Aminah"),
        ("Kepala Dinas Pertanian", "Ir. Budi Santoso"),
    ):
        _anggota(tkksd, s, nama_jabatan, nama)
    banyak = _rapat(s, dt.date(2026, 3, 10), JenisRapat.PLENO)
    program = _program(2027, s, 1)
    _agenda(banyak, s, "Evaluasi pelaksanaan KSDD semester II 2025")
    _agenda(banyak, s, "Pembahasan KSDD", ksdd=ksdd)
    _agenda(
        banyak,
        s,
        "Penetapan program kerja TKKSD 2027",
        jenis=JenisAgenda.PROGRAM_KERJA,
        program_kerja=program,
    )
    assert banyak.kehadiran.count() > sedikit.kehadiran.count()
    client.force_login(s)
    assert _hitung(client, reverse("tkksd:rapat", args=[banyak.pk])) == _hitung(
        client, reverse("tkksd:rapat", args=[sedikit.pk])
    )


def test_p34_1_decree_list_does_not_grow_with_decrees(client, pemeran, tkksd):
    client.force_login(pemeran.sekretariat)
    url = reverse("tkksd:keputusan_daftar")
    awal = _hitung(client, url)
    keputusan_catat(
        jenis=JenisKeputusan.TKKSD,
        nomor="100.3.3.2/45/Kpts/2026",
        tanggal=dt.date(2026, 1, 12),
        tentang="Perubahan susunan TKKSD Kabupaten Barito Selatan",
        berlaku_mulai=dt.date(2026, 2, 1),
        user=pemeran.sekretariat,
    )
    assert _hitung(client, url) == awal


def test_p35_1_decree_page_does_not_grow_with_offices(client, pemeran, tkksd):
    s = pemeran.sekretariat
    client.force_login(s)
    url = reverse("tkksd:keputusan", args=[tkksd.pk])
    awal = _hitung(client, url)
    _anggota(tkksd, s, "Kepala Dinas Perhubungan", "Rahmat Hidayat, S.T.")
    _anggota(
        tkksd, s, "Kepala Dinas Kesehatan", "dr. Maria Lestari", pemeran.operator.perangkat_daerah
    )
    assert _hitung(client, url) == awal


def test_p37_2_work_programme_does_not_grow_with_activities(client, pemeran, tkksd):
    s = pemeran.sekretariat
    program = _program(2027, s, 1)
    client.force_login(s)
    url = reverse("tkksd:program", args=[program.pk])
    awal = _hitung(client, url)
    for i in range(5):
        kegiatan_tambah(
            program=program,
            uraian=f"Sosialisasi KSDD kepada Perangkat Daerah, tahap {i + 1}",
            tugas="a",
            triwulan=i % 4 + 1,
            user=s,
        )
    assert _hitung(client, url) == awal
