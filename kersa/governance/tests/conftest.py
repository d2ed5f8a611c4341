import datetime as dt

import pytest

from kersa.demo.tkksd import tkksd_demo
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.governance.choices import JenisRapat
from kersa.governance.services import rapat_jadwalkan


@pytest.fixture
def tkksd(pemeran):
    """The 2025 TKKSD decree and its Tim Teknis, every office filled."""
    penomoran_muat_default()
    return tkksd_demo(pemeran.sekretariat)


def jabatan(kep, kedudukan):
    return kep.jabatan.get(kedudukan=kedudukan)


@pytest.fixture
def pleno(tkksd, pemeran):
    return rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=dt.date(2026, 3, 10),
        waktu_mulai=dt.time(9, 0),
        tempat="Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok",
        user=pemeran.sekretariat,
    )


@pytest.fixture
def teknis(tkksd, pemeran):
    return rapat_jadwalkan(
        jenis=JenisRapat.TEKNIS,
        tanggal=dt.date(2026, 2, 24),
        tempat="Ruang Rapat Bagian Pemerintahan",
        user=pemeran.sekretariat,
    )


def hadir_semua(rapat, kecuali=()):
    return {
        k.pk: {"hadir": k.jabatan.kedudukan not in kecuali}
        for k in rapat.kehadiran.select_related("jabatan")
    }
