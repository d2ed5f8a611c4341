"""The services of TKKSD, reports and oversight hold the roles themselves (P42 and the
roles of ARCHITECTURE.md): a TKKSD member, who reads these rooms, is refused every write
whatever door it comes through (web, API, a script), and nothing is stored. The role
that does hold the permission is named, so a misspelt permission cannot pass unseen."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from kersa.governance import services as tkksd
from kersa.governance.models import KeputusanBupati, ProgramKerja, Rapat
from kersa.oversight import services as pengawasan
from kersa.oversight.models import MonitoringEvaluasi, Perselisihan
from kersa.reporting import services as laporan
from kersa.reporting.models import LaporanSemester, LaporanTkksd, ProsesLaporan

pytestmark = pytest.mark.django_db

HARI = dt.date(2026, 8, 3)
WIB = ZoneInfo("Asia/Jakarta")

# (service, its arguments but the user, the permission, the role that holds it)
# The refusal comes before any argument is read, so records are not needed here.
KASUS = [
    (
        tkksd.keputusan_catat,
        {
            "jenis": "tkksd",
            "nomor": "188.45/112/2026",
            "tanggal": HARI,
            "tentang": "Pembentukan TKKSD Kabupaten Barito Selatan",
            "berlaku_mulai": HARI,
        },
        "governance.kelola_tkksd",
        "sekretariat",
    ),
    (
        tkksd.rapat_jadwalkan,
        {"jenis": "pleno", "tanggal": HARI, "tempat": "Aula Setda Barito Selatan, Buntok"},
        "governance.kelola_rapat",
        "sekretariat",
    ),
    (tkksd.program_kerja_buat, {"tahun": 2027}, "governance.kelola_rapat", "sekretariat"),
    (
        laporan.laporan_semester_buat,
        {"ksdd": None, "tahun": 2026, "semester": 1},
        "reporting.add_laporansemester",
        "operator",
    ),
    (
        laporan.proses_laporan_bupati_mulai,
        {"tahun": 2026, "semester": 1},
        "reporting.susun_laporan_bupati",
        "bupati",
    ),
    (
        laporan.laporan_tkksd_buat,
        {"tahun": 2026, "semester": 1},
        "reporting.add_laporantkksd",
        "sekretariat",
    ),
    (
        pengawasan.monev_catat,
        {
            "perangkat_daerah": None,
            "tahun": 2026,
            "semester": 1,
            "tanggal_pelaksanaan": HARI,
            "ksdd": [],
        },
        "oversight.kelola_monev",
        "sekretariat",
    ),
    (
        pengawasan.perselisihan_catat,
        {"ksdd": None, "tanggal_timbul": HARI, "uraian": "Kuota rujukan", "pihak": []},
        "oversight.kelola_perselisihan",
        "operator",
    ),
    (
        pengawasan.perselisihan_ajukan_provinsi,
        {"perselisihan": None, "tanggal": HARI, "alasan": "Musyawarah tidak mencapai kata sepakat"},
        "oversight.ajukan_perselisihan_provinsi",
        "sekretariat",
    ),
]

MODEL = (
    KeputusanBupati,
    Rapat,
    ProgramKerja,
    LaporanSemester,
    ProsesLaporan,
    LaporanTkksd,
    MonitoringEvaluasi,
    Perselisihan,
)


@pytest.mark.parametrize(("layanan", "argumen", "izin", "pemegang"), KASUS)
def test_p42_a_reader_is_refused_every_write_in_the_service(
    pemeran, layanan, argumen, izin, pemegang
):
    assert getattr(pemeran, pemegang).has_perm(izin)
    assert not pemeran.anggota.has_perm(izin)
    with pytest.raises(PermissionDenied) as e:
        layanan(user=pemeran.anggota, **argumen)
    assert str(e.value).startswith("Anda tidak berwenang")
    assert not any(m.objects.exists() for m in MODEL)


def test_an_operator_writes_reports_and_disputes_only_for_own_agency(pemeran, ksdd):
    """The Dinas Kesehatan's KSDD with Barito Timur: the PUPR operator holds the same
    permissions but is refused its semester report and its dispute; the Dinkes operator
    is not."""
    from kersa.agreements.choices import Status
    from kersa.demo.skenario import ke_status
    from kersa.documents.services.penomoran import penomoran_muat_default

    penomoran_muat_default()
    with time_machine.travel(dt.datetime(2026, 8, 3, 9, 0, tzinfo=WIB), tick=False):
        k = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
        sengketa = {
            "ksdd": k,
            "tanggal_timbul": dt.date(2026, 7, 6),
            "uraian": "Barito Timur menghentikan pembayaran kompensasi rujukan semester I.",
            "pihak": list(k.mitra.all()),
        }
        lain = pemeran.operator_lain
        assert lain.has_perm("reporting.add_laporansemester")
        assert lain.perangkat_daerah_id != k.perangkat_daerah_id
        with pytest.raises(PermissionDenied):
            laporan.laporan_semester_buat(ksdd=k, tahun=2026, semester=1, user=lain)
        with pytest.raises(PermissionDenied):
            pengawasan.perselisihan_catat(user=lain, **sengketa)
        assert not LaporanSemester.objects.exists() and not Perselisihan.objects.exists()

        lap = laporan.laporan_semester_buat(ksdd=k, tahun=2026, semester=1, user=pemeran.operator)
        with pytest.raises(PermissionDenied):
            laporan.laporan_semester_ubah(laporan=lap, user=lain, permasalahan="Tidak ada")
        lap.refresh_from_db()
        assert lap.permasalahan == ""
        p = pengawasan.perselisihan_catat(user=pemeran.operator, **sengketa)
        assert p.ksdd == k
