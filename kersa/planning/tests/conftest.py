import datetime as dt

import pytest

from kersa.agreements.choices import Kategori
from kersa.agreements.models import Urusan
from kersa.regions.models import PerangkatDaerah, Wilayah


@pytest.fixture
def bappeda(acuan):
    pd, _ = PerangkatDaerah.objects.get_or_create(
        nama="Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan",
        defaults={"singkatan": "Bappedalitbang"},
    )
    return pd


@pytest.fixture
def penomoran(db):
    from kersa.documents.services.penomoran import penomoran_muat_default

    penomoran_muat_default()


@pytest.fixture
def wajib_2026(pemeran, bappeda, penomoran):
    from kersa.planning import services

    return services.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori=Kategori.WAJIB,
        tahun_rencana=2026,
        tanggal_mulai=dt.date(2025, 2, 3),
        perangkat_perencanaan=bappeda,
        perangkat_terlibat=[
            pemeran.operator.perangkat_daerah,
            pemeran.operator_lain.perangkat_daerah,
        ],
    )


def urusan(kode: str) -> Urusan:
    return Urusan.objects.get(kode=kode)


def wilayah(kode: str) -> Wilayah:
    return Wilayah.objects.get(kode=kode)


def butir_post(pemeran, **ubah):
    """The form data of a plan item: Wajib road work with Barito Timur (62.13), a.3 PUPR."""
    data = {
        "urusan": urusan("a.3").pk,
        "program": "Program Penyelenggaraan Jalan",
        "kegiatan": "Peningkatan jalan poros Buntok–Tamiang Layang ruas perbatasan",
        "perangkat_daerah": pemeran.operator_lain.perangkat_daerah.pk,
        "mitra": ["62.13"],
        "jangka_waktu_bulan": "36",
        "prioritas": "1",
        "perkiraan_anggaran": "Rp 12.500.000.000",
        "dokumen_rencana": "RKPD 2026",
        "forum_provinsi": "musrenbang",
        "tanggal_forum": "2025-04-15",
    }
    data.update(ubah)
    return data
