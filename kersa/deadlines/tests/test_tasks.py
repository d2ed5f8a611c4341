"""The worker (deadlines/tasks.py, pekerja.py): consequences of clocks fallen due,
tasks for the secretariat, periodic clocks, and acting once."""

import datetime as dt
import threading
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import Pemrakarsa, Status
from kersa.agreements.models import PersetujuanDprd, RiwayatTahap
from kersa.core.testing import hari_ini_tetap
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.kalender import Kalender
from kersa.deadlines.models import RiwayatTenggat, Tenggat, Tugas
from kersa.deadlines.pekerja import tenggat_pindai
from kersa.deadlines.selectors import tugas_terbuka
from kersa.deadlines.tasks import pindai_tenggat, waktu_pindai_berikut
from kersa.demo.skenario import ke_status, ksdd_baru, tanggapi
from kersa.documents.contoh import unggahan_pdf
from kersa.regions.models import Wilayah

# Counted from "today": a fixed Monday inside 2026, the decreed holiday year.
_hari_ini = hari_ini_tetap(dt.date(2026, 10, 5))

WIB = ZoneInfo("Asia/Jakarta")
BARITO_TIMUR = "62.13"


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _pukul(tanggal: dt.date, jam: int = 0, menit: int = 5) -> dt.datetime:
    return dt.datetime.combine(tanggal, dt.time(jam, menit), tzinfo=WIB)


def _tugas(ksdd):
    return Tugas.objects.filter(ksdd=ksdd)


@pytest.mark.django_db
def test_p16_4_missed_opens_the_p16_5_task_and_the_second_request_closes_it(pemeran, ksdd):
    ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    p164 = Tenggat.objects.get(ksdd=ksdd, rule="P16-4")
    assert p164.jatuh_tempo == _hari(20)

    hasil = tenggat_pindai()
    assert (hasil.terlewat, hasil.tugas) == (1, 1)
    p164.refresh_from_db()
    assert p164.status == StatusTenggat.TERLEWAT and p164.ditindak_pada is not None
    tugas = _tugas(ksdd).get()
    assert tugas.judul == "Kirim permintaan tanggapan kedua (Pasal 16 ayat 5)"
    assert (tugas.rule, tugas.aksi, tugas.status) == ("P16-4", "catat_permintaan_kedua", "terbuka")
    assert list(tugas_terbuka(user=pemeran.sekretariat)) == [tugas]
    assert list(tugas_terbuka(user=pemeran.operator_lain)) == []  # another agency's KSDD

    assert tenggat_pindai().tugas == 0  # twice: acts once
    assert _tugas(ksdd).count() == 1
    assert RiwayatTenggat.objects.filter(tenggat=p164, ke=StatusTenggat.TERLEWAT).count() == 1

    services.ksdd_catat_permintaan_kedua(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        mitra=BARITO_TIMUR,
        nomor="000.3/190/Pem/2026",
        tanggal_surat=_hari(19),
        tanggal_diterima=_hari(18),
        surat=unggahan_pdf("permintaan-kedua.pdf"),
    )
    tugas.refresh_from_db()
    assert tugas.status == "selesai"
    assert tugas.selesai_oleh.aksi == "catat_permintaan_kedua"
    p166 = Tenggat.objects.get(ksdd=ksdd, rule="P16-6")
    assert (p166.tanggal_peristiwa, p166.jatuh_tempo) == (_hari(18), _hari(3))

    # P16-6 missed: the report to the Gubernur becomes the secretariat's task.
    assert tenggat_pindai().tugas == 1
    laporan = _tugas(ksdd).get(status="terbuka")
    assert laporan.judul == "Susun laporan kepada Gubernur (Pasal 16 ayat 6)"
    assert laporan.tenggat == p166
    services.ksdd_catat_laporan_gubernur(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        mitra=BARITO_TIMUR,
        nomor="100.3/300/Pem/2026",
        tanggal_surat=_hari(0),
    )
    laporan.refresh_from_db()
    assert laporan.status == "selesai"
    ksdd.refresh_from_db()
    assert ksdd.status == Status.MENUNGGU_TANGGAPAN  # status-preserving steps


@pytest.mark.django_db
def test_p16_5_second_request_before_the_worker_ran_marks_p16_4_missed(pemeran, ksdd):
    ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    services.ksdd_catat_permintaan_kedua(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        mitra=BARITO_TIMUR,
        nomor="000.3/190/Pem/2026",
        tanggal_surat=_hari(19),
        tanggal_diterima=_hari(18),
    )
    p164 = Tenggat.objects.get(ksdd=ksdd, rule="P16-4")
    assert p164.status == StatusTenggat.TERLEWAT
    hasil = tenggat_pindai()
    assert not _tugas(ksdd).filter(rule="P16-4").exists()  # nothing left to ask for
    assert hasil.tugas == 1  # but P16-6 has lapsed meanwhile: the report task


@pytest.mark.django_db
def test_p18_2_partners_second_request_missed_opens_the_bupatis_answer_task(pemeran):
    """P18-2: an offer outside this year's plan (an offer in it gets 15 calendar days
    under P17-4: agreements/tests/test_skenario_penawaran_mitra.py)."""
    ksdd = ksdd_baru(
        pemeran,
        pemrakarsa=Pemrakarsa.MITRA,
        pemrakarsa_mitra=Wilayah.objects.get(kode=BARITO_TIMUR),
        dalam_rencana=False,
        pengecualian_rencana="darurat",
        alasan_pengecualian="Banjir besar di wilayah perbatasan.",
    )
    ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    services.ksdd_catat_permintaan_kedua(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        mitra=BARITO_TIMUR,
        nomor="000.3/55/Bartim/2026",
        tanggal_surat=_hari(45),
        tanggal_diterima=_hari(44),
    )
    p182 = Tenggat.objects.get(ksdd=ksdd, rule="P18-2")
    assert p182.jatuh_tempo == Kalender().tambah_hari_kerja(_hari(44), 15)
    assert Tenggat.objects.get(ksdd=ksdd, rule="P18-1").status == StatusTenggat.BERJALAN
    tenggat_pindai()
    tugas = _tugas(ksdd).get()
    assert tugas.rule == "P18-2" and tugas.aksi == "catat_tanggapan"
    assert "Pasal 18 ayat 2" in tugas.judul
    tanggapi(ksdd, pemeran)
    tugas.refresh_from_db()
    assert tugas.status == "selesai" and tugas.selesai_oleh.aksi == "catat_tanggapan"


def _sampai_tindak_lanjut(pemeran):
    ksdd = ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)
    services.ksdd_catat_telaahan_dprd(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        nomor="170/20/DPRD/2026",
        tanggal_surat=_hari(14),
        tanggal_diterima=_hari(13),
    )
    ksdd.refresh_from_db()
    services.ksdd_catat_tindak_lanjut_telaahan(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        nomor="100.3/230/Pem/2026",
        tanggal_surat=_hari(12),
        tanggal_diterima=_hari(11),
    )
    ksdd.refresh_from_db()
    return ksdd


@pytest.mark.django_db
def test_p22_1c_review_meets_p22_3_only_and_the_follow_up_starts_p22_1e(pemeran):
    ksdd = _sampai_tindak_lanjut(pemeran)
    status = dict(
        Tenggat.objects.filter(ksdd=ksdd, rule__startswith="P22").values_list("rule", "status")
    )
    # P22-1c: the review is a letter of its own; P22-1b is met only by the answer.
    assert status == {
        "P22-1b": StatusTenggat.BERJALAN,
        "P22-3": StatusTenggat.TERPENUHI,
        "P22-1d": StatusTenggat.TERPENUHI,
        "P22-1e": StatusTenggat.BERJALAN,
    }
    e = Tenggat.objects.get(ksdd=ksdd, rule="P22-1e")
    assert e.jatuh_tempo == Kalender().tambah_hari_kerja(_hari(11), 15)


@pytest.mark.django_db
def test_p22_1f_no_approval_15_working_days_after_the_follow_up_is_deemed(pemeran):
    ksdd = _sampai_tindak_lanjut(pemeran)
    e = Tenggat.objects.get(ksdd=ksdd, rule="P22-1e")
    with time_machine.travel(_pukul(e.jatuh_tempo), tick=False) as waktu:
        assert pindai_tenggat.call()["dianggap"] == 0  # DPRD's last day
        waktu.move_to(_pukul(e.jatuh_tempo + dt.timedelta(days=1)))
        assert pindai_tenggat.call()["dianggap"] == 1
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_PKS
    p = PersetujuanDprd.objects.get(ksdd=ksdd)
    # P22-1f: takes effect the day after the period's last day; both are recorded.
    berlaku = e.jatuh_tempo + dt.timedelta(days=1)
    assert (p.dianggap, p.tanggal, p.dasar) == (True, berlaku, "Pasal 22 ayat (1) huruf f")
    assert p.hari_terakhir == e.jatuh_tempo
    r = RiwayatTahap.objects.get(ksdd=ksdd, aksi="catat_persetujuan_dprd")
    assert r.oleh is None and r.rule == "P22-1f" and "Pasal 22 ayat 1 huruf e dan f" in r.alasan
    e.refresh_from_db()
    assert e.status == StatusTenggat.DIANGGAP


@pytest.mark.django_db
def test_p22_1b_missed_is_only_a_reminder_p22_3_keeps_running(pemeran):
    ksdd = ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)
    b = Tenggat.objects.get(ksdd=ksdd, rule="P22-1b")
    with time_machine.travel(_pukul(b.jatuh_tempo + dt.timedelta(days=1)), tick=False):
        tenggat_pindai()
    b.refresh_from_db()
    assert b.status == StatusTenggat.TERLEWAT
    assert Tenggat.objects.get(ksdd=ksdd, rule="P22-3").status == StatusTenggat.BERJALAN
    ksdd.refresh_from_db()
    assert ksdd.status == Status.MENUNGGU_DPRD


@pytest.mark.django_db
def test_p37_1_p8_5_p34_2j_periodic_clocks_start_once_in_their_period(acuan):
    with time_machine.travel(_pukul(dt.date(2026, 1, 5)), tick=False):
        assert tenggat_pindai().dimulai == 3
        assert tenggat_pindai().dimulai == 0
    jt = dict(Tenggat.objects.values_list("kunci", "jatuh_tempo"))
    assert jt == {
        "P37-1:2026": dt.date(2026, 12, 31),
        "P8-5:2027": dt.date(2026, 3, 31),
        "P34-2j:2026-1": dt.date(2026, 6, 30),
    }
    with time_machine.travel(_pukul(dt.date(2026, 7, 1)), tick=False):
        tenggat_pindai()
    status = dict(Tenggat.objects.values_list("kunci", "status"))
    assert status["P8-5:2027"] == StatusTenggat.TERLEWAT
    assert status["P34-2j:2026-1"] == StatusTenggat.TERLEWAT
    assert status["P34-2j:2026-2"] == StatusTenggat.BERJALAN
    assert "P8-5:2028" not in status  # the first quarter is over: no clock for the past


@pytest.mark.django_db
def test_p27_1_and_p28_each_semester_for_a_ksdd_in_pelaksanaan(pemeran, ksdd):
    with time_machine.travel(_pukul(dt.date(2026, 6, 20), 9), tick=False) as waktu:
        ksdd = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
        tenggat_pindai()
        pd = ksdd.perangkat_daerah_id
        assert set(
            Tenggat.objects.filter(rule__in=["P27-1", "P28"]).values_list("kunci", flat=True)
        ) == {
            f"P27-1:ksdd:{ksdd.pk}:2026-1",
            f"P28:pd:{pd}:2026-1",
        }
        waktu.move_to(_pukul(dt.date(2026, 7, 1)))
        tenggat_pindai()
    lap = dict(Tenggat.objects.filter(rule="P27-1").values_list("kunci", "status"))
    assert lap == {
        f"P27-1:ksdd:{ksdd.pk}:2026-1": StatusTenggat.TERLEWAT,
        f"P27-1:ksdd:{ksdd.pk}:2026-2": StatusTenggat.BERJALAN,
    }
    assert Tenggat.objects.get(kunci=f"P28:pd:{pd}:2026-2").jatuh_tempo == dt.date(2026, 12, 31)


def test_next_scan_is_at_00_05_jakarta_the_next_day():
    sekarang = dt.datetime(2026, 5, 13, 23, 59, tzinfo=WIB)
    assert waktu_pindai_berikut(sekarang) == dt.datetime(2026, 5, 14, 0, 5, tzinfo=WIB)
    utc = dt.datetime(2026, 5, 13, 17, 30, tzinfo=dt.UTC)  # 00:30 WIB on 14 May
    assert waktu_pindai_berikut(utc) == dt.datetime(2026, 5, 15, 0, 5, tzinfo=WIB)


@pytest.mark.django_db
def test_command_scans_as_of_a_date(pemeran, ksdd, capsys):
    ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    p164 = Tenggat.objects.get(ksdd=ksdd, rule="P16-4")
    call_command("pindai_tenggat", "--tanggal", p164.jatuh_tempo.isoformat())
    p164.refresh_from_db()
    assert p164.status == StatusTenggat.BERJALAN
    call_command("pindai_tenggat", "--tanggal", (p164.jatuh_tempo + dt.timedelta(1)).isoformat())
    p164.refresh_from_db()
    assert p164.status == StatusTenggat.TERLEWAT
    assert "tugas dibuka: 1" in capsys.readouterr().out


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="memerlukan kunci baris PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_act_once_on_postgresql(acuan, pemeran):
    dprd = ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)
    tawar = ke_status(ksdd_baru(pemeran), Status.MENUNGGU_TANGGAPAN, pemeran)
    jt = Tenggat.objects.get(ksdd=dprd, rule="P22-3").jatuh_tempo
    hari_ini = jt + dt.timedelta(days=1)
    barrier = threading.Barrier(2, timeout=30)
    hasil: list = [None, None]

    def kerja(i):
        try:
            barrier.wait()
            hasil[i] = tenggat_pindai(hari_ini=hari_ini)
        except Exception as exc:  # noqa: BLE001 - asserted below
            hasil[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=kerja, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(isinstance(h, Exception) for h in hasil), hasil
    assert sum(h.dianggap for h in hasil) == 1
    assert PersetujuanDprd.objects.filter(ksdd=dprd).count() == 1
    assert RiwayatTahap.objects.filter(ksdd=dprd, aksi="catat_persetujuan_dprd").count() == 1
    assert Tugas.objects.filter(ksdd=tawar).count() == 1
    assert Tenggat.objects.filter(kunci=f"P37-1:{hari_ini.year}").count() == 1


@pytest.mark.django_db
def test_p16_5_open_task_is_shown_on_the_tenggat_page_and_home(client, pemeran, ksdd):
    from django.urls import reverse

    ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    tenggat_pindai()
    langkah = reverse("agreements:langkah", args=[ksdd.pk, "catat_permintaan_kedua"])
    client.force_login(pemeran.sekretariat)
    for url in (reverse("deadlines:daftar"), reverse("beranda:home")):
        isi = client.get(url).content.decode()
        assert "Kirim permintaan tanggapan kedua (Pasal 16 ayat 5)" in isi
        assert langkah in isi
        assert Tugas.objects.get(ksdd=ksdd).tenggat.peristiwa in isi  # which partner's offer
    client.force_login(pemeran.operator_lain)
    isi = client.get(reverse("deadlines:daftar")).content.decode()
    assert "Kirim permintaan tanggapan kedua" not in isi


def _salin_pelaksanaan(ksdd, n: int) -> None:
    """``n`` more KSDD in pelaksanaan (rows copied: the scan reads only the status,
    the agency and the number)."""
    from kersa.agreements.models import Ksdd

    salinan = []
    for i in range(n):
        k = Ksdd.objects.get(pk=ksdd.pk)
        k.pk = None
        k.nomor_register = f"{ksdd.nomor_register[:20]}-S{i}"
        salinan.append(k)
    Ksdd.objects.bulk_create(salinan)


@pytest.mark.django_db
def test_p27_1_quiet_day_scan_costs_the_same_queries_whatever_the_number_of_ksdd(
    pemeran, ksdd, django_assert_max_num_queries
):
    """The daily scan is set-based (issue 18): on a day with nothing due and every
    P27-1/P28 clock of the semester started, its queries do not grow with the KSDD in
    pelaksanaan (before: one exists() per KSDD)."""
    from django.test.utils import CaptureQueriesContext

    with time_machine.travel(_pukul(dt.date(2026, 6, 20), 9), tick=False):
        ksdd = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
        tenggat_pindai()
        with CaptureQueriesContext(connection) as satu:
            tenggat_pindai()
        _salin_pelaksanaan(ksdd, 30)
        assert tenggat_pindai().dimulai == 30  # the copies' P27-1 clocks, once
        assert Tenggat.objects.filter(rule="P27-1", jatuh_tempo=dt.date(2026, 6, 30)).count() == 31
        with django_assert_max_num_queries(50), CaptureQueriesContext(connection) as banyak:
            assert tenggat_pindai().dimulai == 0
    assert len(banyak) == len(satu)


DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db
def test_scan_queues_tomorrow_before_it_scans_once_per_date(monkeypatch, settings):
    """Issue 19: the scan queued the next one after scanning, so a crash mid-scan
    stopped the daily scans. It now queues tomorrow's first, once per date (the scan
    run again after a crash, and the worker's own check, add none)."""
    from django_tasks_db.models import DBTaskResult

    from kersa.deadlines import tasks
    from kersa.deadlines.models import JadwalPindai

    settings.TASKS = DB_QUEUE

    def mati(**kwargs):  # the worker dies in the middle of the scan
        raise SystemExit(137)

    def antre():
        return DBTaskResult.objects.filter(task_path=pindai_tenggat.module_path, status="READY")

    with time_machine.travel(_pukul(dt.date(2026, 5, 13), 0, 6), tick=False):
        monkeypatch.setattr(tasks, "pindai_harian", mati)
        with pytest.raises(SystemExit):
            pindai_tenggat.call()
        assert [r.run_after for r in antre()] == [_pukul(dt.date(2026, 5, 14))]
        monkeypatch.undo()
        assert pindai_tenggat.call()["gagal"] == 0  # the retry after the crash
        assert antre().count() == 1
        # The worker-owned check queues today's scan (not queued yet) and no second
        # one for tomorrow; run again, it queues nothing.
        assert tasks.pindai_pastikan_terjadwal() == 1
        assert tasks.pindai_pastikan_terjadwal() == 0
        assert antre().count() == 2
        assert list(JadwalPindai.objects.values_list("tanggal", flat=True)) == [
            dt.date(2026, 5, 14),
            dt.date(2026, 5, 13),
        ]
    with time_machine.travel(_pukul(dt.date(2026, 5, 13), 0, 2), tick=False):
        JadwalPindai.objects.filter(tanggal=dt.date(2026, 5, 13)).delete()
        assert tasks.pindai_pastikan_terjadwal() == 0  # before 00:05: today's not yet due
