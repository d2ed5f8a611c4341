"""Scenario: a DPRD request that gets no answer (Pasal 22 ayat 3, P22-3).

Time moves day by day through spring 2026 with the real daily scan, and the deemed
approval is recorded by the system for the 45th working day, counted by hand across
the 2026 SKB holidays:

    Request received by DPRD: Monday 2 March 2026 (the day itself is not counted).
    March:  3 4 5 6 | 9 10 11 12 13 | 16 17 (18 Nyepi cuti bersama, 19 Nyepi,
            20 23 24 Idul Fitri cuti bersama) 25 26 27 | 30 31        -> 16
    April:  1 2 (3 Wafat Yesus Kristus) | 6-10 | 13-17 | 20-24 | 27-30 -> 37
    May:    (1 Hari Buruh) 4-8 | 11 12 13                             -> 45
    => the 45th working day is Wednesday 13 May 2026 (14-15 May Kenaikan follow it).

DPRD may still answer on 13 May ("paling lama"); the first scan after it (00:05 on
14 May) records the approval deemed given, dated 13 May 2026.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.agreements.models import PersetujuanDprd, RiwayatTahap
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.models import Tenggat
from kersa.deadlines.tasks import pindai_tenggat
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_naskah, unggahan_pdf

WIB = ZoneInfo("Asia/Jakarta")
DITERIMA = dt.date(2026, 3, 2)
HARI_KE_45 = dt.date(2026, 5, 13)  # by hand, see the module docstring
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _pukul(tanggal: dt.date, jam: int = 0, menit: int = 5) -> dt.datetime:
    return dt.datetime.combine(tanggal, dt.time(jam, menit), tzinfo=WIB)


def _permohonan_diterima_2_maret(pemeran):
    """A KSDD that burdens the public (P21-1), driven to the DPRD request, received
    by DPRD on 2 March 2026."""
    ksdd = ksdd_baru(pemeran, membebani_masyarakat=True)
    ksdd = ke_status(ksdd, Status.PERMOHONAN_DPRD, pemeran)
    services.ksdd_ajukan_persetujuan_dprd(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        nomor="100.3/210/Pem/2026",
        tanggal_surat=dt.date(2026, 2, 27),
        tanggal_diterima=DITERIMA,
        surat=unggahan_pdf("permohonan-dprd.pdf"),
        rancangan_pks=unggahan_naskah("rancangan-pks.docx", "pks", semua_bagian=True),
    )
    ksdd.refresh_from_db()
    return ksdd


def _cek_dianggap(ksdd):
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_PKS
    persetujuan = PersetujuanDprd.objects.get(ksdd=ksdd)
    assert persetujuan.dianggap is True
    # P22-1f / P22-3: takes effect the day after the period's last day; both recorded.
    assert persetujuan.hari_terakhir == HARI_KE_45
    assert persetujuan.tanggal == dt.date(2026, 5, 14)
    assert persetujuan.dasar == "Pasal 22 ayat (3)"
    assert persetujuan.dicatat_oleh is None and persetujuan.berkas is None
    riwayat = RiwayatTahap.objects.get(ksdd=ksdd, aksi="catat_persetujuan_dprd")
    assert riwayat.oleh is None  # the system, not a person
    assert riwayat.rule == "P22-3"
    assert (riwayat.dari, riwayat.ke) == (Status.MENUNGGU_DPRD, Status.PENYUSUNAN_PKS)
    assert "45 hari kerja" in riwayat.alasan and "Pasal 22 ayat 3" in riwayat.alasan
    assert "13-05-2026" in riwayat.alasan and "14-05-2026" in riwayat.alasan
    assert "100.3/210/Pem/2026" in riwayat.alasan  # the letter it counts from
    jam = Tenggat.objects.get(ksdd=ksdd, rule="P22-3")
    assert jam.status == StatusTenggat.DIANGGAP
    assert jam.jatuh_tempo == HARI_KE_45
    assert jam.riwayat.last().riwayat_tahap == riwayat


@pytest.mark.django_db
def test_p22_3_no_answer_in_45_working_days_deemed_approval_recorded_by_the_system(pemeran):
    with time_machine.travel(_pukul(DITERIMA, 10, 0), tick=False) as waktu:
        ksdd = _permohonan_diterima_2_maret(pemeran)
        jam = Tenggat.objects.get(ksdd=ksdd, rule="P22-3")
        assert jam.jatuh_tempo == HARI_KE_45

        hari = DITERIMA + dt.timedelta(days=1)
        while hari <= HARI_KE_45:
            waktu.move_to(_pukul(hari))
            pindai_tenggat.call()
            ksdd.refresh_from_db()
            assert ksdd.status == Status.MENUNGGU_DPRD, hari  # DPRD may answer until 13 May
            hari += dt.timedelta(days=1)

        # P22-1b (15 working days: 30 March) only reminded; P22-3 kept running.
        b = Tenggat.objects.get(ksdd=ksdd, rule="P22-1b")
        assert (b.jatuh_tempo, b.status) == (dt.date(2026, 3, 30), StatusTenggat.TERLEWAT)
        assert b.selesai_pada == dt.date(2026, 3, 31)

        waktu.move_to(_pukul(dt.date(2026, 5, 14)))
        hasil = pindai_tenggat.call()
        assert hasil["dianggap"] == 1
        _cek_dianggap(ksdd)

        # Running the scan again (the same day, or a second worker) acts no more.
        assert pindai_tenggat.call()["dianggap"] == 0
        assert PersetujuanDprd.objects.filter(ksdd=ksdd).count() == 1
        assert RiwayatTahap.objects.filter(ksdd=ksdd, aksi="catat_persetujuan_dprd").count() == 1


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_p22_3_deemed_approval_through_the_real_worker_db_worker_batch(acuan, pemeran):
    with time_machine.travel(_pukul(DITERIMA, 10, 0), tick=False) as waktu:
        ksdd = _permohonan_diterima_2_maret(pemeran)
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)  # e-mails

        waktu.move_to(_pukul(dt.date(2026, 5, 14)))
        call_command("pindai_tenggat", "--antrekan", verbosity=0)
        call_command("pindai_tenggat", "--antrekan", verbosity=0)  # already waiting
        path = pindai_tenggat.module_path
        assert DBTaskResult.objects.filter(task_path=path, status="READY").count() == 1
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        _cek_dianggap(ksdd)

        # The scan re-queued itself once, for 00:05 WIB the next day.
        selesai = DBTaskResult.objects.filter(task_path=path, status="SUCCESSFUL")
        assert selesai.count() == 1
        antre = DBTaskResult.objects.get(task_path=path, status="READY")
        assert antre.run_after == _pukul(dt.date(2026, 5, 15))

        # The next day the queued scan runs, acts no more, and queues one for the day after.
        waktu.move_to(_pukul(dt.date(2026, 5, 15), 0, 6))
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        assert PersetujuanDprd.objects.filter(ksdd=ksdd).count() == 1
        antre = DBTaskResult.objects.get(task_path=path, status="READY")
        assert antre.run_after == _pukul(dt.date(2026, 5, 16))
