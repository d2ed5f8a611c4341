"""Fixtures for API tests."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from kersa.accounts.services import user_set_peran
from kersa.core.roles import Peran
from kersa.demo.skenario import ksdd_baru
from kersa.governance.choices import JenisRapat
from kersa.governance.models import ProgramKerja
from kersa.governance.services import agenda_tambah, rapat_jadwalkan
from kersa.oversight.choices import BentukPembinaan
from kersa.oversight.services.pembinaan import kegiatan_pembinaan_tambah
from kersa.planning import services as rencana
from kersa.planning.choices import ForumProvinsi, Prioritas
from kersa.regions.models import PerangkatDaerah, Wilayah

JUDUL_RAHASIA = "Angkutan Sungai Rahasia Zamrud-Kahayan 7QX"


@pytest.fixture
def klien():
    """``klien(user)``: an APIClient logged in (session) as ``user``; ``klien()`` anonymous."""

    def _buat(user=None) -> APIClient:
        c = APIClient()
        if user is not None:
            c.force_login(user)
        return c

    return _buat


@pytest.fixture
def tkksd(pemeran):
    """The 2025 Keputusan Bupati on TKKSD and its Tim Teknis, every office filled."""
    from kersa.demo.tkksd import tkksd_demo
    from kersa.documents.services.penomoran import penomoran_muat_default

    penomoran_muat_default()
    return tkksd_demo(pemeran.sekretariat)


@pytest.fixture
def ksdd_berjalan(ksdd, pemeran):
    """The Dinas Kesehatan's KSDD with Barito Timur, PKS signed, in pelaksanaan."""
    from kersa.agreements.choices import Status
    from kersa.demo.skenario import ke_status

    return ke_status(ksdd, Status.PELAKSANAAN, pemeran)


@pytest.fixture
def dunia(pemeran, tkksd):
    """Issue 19's side rooms: a draft KSDD of a third agency (Dinas Perhubungan), never
    brought to DPRD, with a title found nowhere else (``JUDUL_RAHASIA``), on a plan item, a
    guidance activity and a meeting agenda, beside the operator's own KSDD. Returns
    (hidden KSDD, visible KSDD, the ids of the rooms' detail routes)."""
    dishub = PerangkatDaerah.objects.get(nama="Dinas Perhubungan")
    op_dishub, _ = type(pemeran.operator).objects.get_or_create(
        username="operator.dishub", defaults={"perangkat_daerah": dishub}
    )
    user_set_peran(user=op_dishub, peran=Peran.OPERATOR_PD)
    op_dishub = type(op_dishub).objects.get(pk=op_dishub.pk)
    bappeda, _ = PerangkatDaerah.objects.get_or_create(
        nama="Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan",
        defaults={"singkatan": "Bappedalitbang"},
    )
    ident = rencana.identifikasi_mulai(
        user=pemeran.sekretariat,
        kategori="wajib",
        tahun_rencana=2026,
        tanggal_mulai=dt.date(2025, 2, 3),
        perangkat_perencanaan=bappeda,
        perangkat_terlibat=[pemeran.operator.perangkat_daerah, dishub],
    )
    from kersa.agreements.models import Urusan

    butir = rencana.butir_tambah(
        identifikasi=ident,
        user=pemeran.sekretariat,
        urusan=Urusan.objects.get(kode="a.3"),
        program="Program Penyelenggaraan Lalu Lintas dan Angkutan Jalan",
        kegiatan="Dermaga angkutan sungai perbatasan",
        perangkat_daerah=dishub,
        mitra=[Wilayah.objects.get(kode="62.13")],
        jangka_waktu_bulan=24,
        prioritas=Prioritas.TINGGI,
        dokumen_rencana="RKPD 2026",
        forum_provinsi=ForumProvinsi.MUSRENBANG,
        tanggal_forum=dt.date(2025, 4, 15),
    )
    rahasia = ksdd_baru(
        pemeran,
        user=op_dishub,
        perangkat_daerah=dishub,
        judul=JUDUL_RAHASIA,
        butir_rencana=butir,
    )
    terlihat = ksdd_baru(pemeran, butir_rencana=butir)  # Dinas Kesehatan's own
    kegiatan = kegiatan_pembinaan_tambah(
        user=pemeran.sekretariat,
        bentuk=BentukPembinaan.values[0],
        judul="Bimbingan teknis penyusunan KAK",
        tanggal=dt.date(2026, 3, 12),
        peserta=[pemeran.operator.perangkat_daerah, dishub],
        ksdd=[rahasia, terlihat],
    )
    rapat = rapat_jadwalkan(
        jenis=JenisRapat.PLENO,
        tanggal=dt.date(2026, 3, 10),
        waktu_mulai=dt.time(9, 0),
        tempat="Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok",
        user=pemeran.sekretariat,
    )
    for k in (rahasia, terlihat):
        agenda_tambah(rapat=rapat, judul="Pembahasan KAK", user=pemeran.sekretariat, ksdd=k)
    program = ProgramKerja.objects.first()
    ids = {
        "rencana": ident.pk,
        "rapat": rapat.pk,
        "keputusan": tkksd.pk,
        "program": program.pk if program else 0,
        "kegiatan": kegiatan.pk,
    }
    return rahasia, terlihat, ids
