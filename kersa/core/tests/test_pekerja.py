"""The worker's lease (kersa/core/pekerja.py, issue 19): a task left RUNNING by a worker
whose heartbeat stopped goes back to the queue, once, and fails after too many tries."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kersa.core.models import DenyutPekerja
from kersa.core.pekerja import KELAS_PEKERJA_HILANG, denyut_catat, tugas_macet_pulihkan

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def antre(settings):
    settings.TASKS = DB_QUEUE
    settings.PEKERJA_BATAS_DETIK = 60
    settings.PEKERJA_MAKS_PERCOBAAN = 3
    from kersa.reporting.tasks import susun_laporan_bupati

    def berjalan(pekerja: list[str], mulai_detik_lalu: int) -> DBTaskResult:
        r = DBTaskResult.objects.get(pk=susun_laporan_bupati.enqueue(0).id)
        DBTaskResult.objects.filter(pk=r.pk).update(
            status="RUNNING",
            worker_ids=pekerja,
            started_at=timezone.now() - dt.timedelta(seconds=mulai_detik_lalu),
        )
        return r

    return berjalan


@pytest.mark.django_db
def test_task_of_a_silent_worker_goes_back_to_the_queue_once(antre):
    mati = antre(["pekerja-mati"], 120)
    hidup = antre(["pekerja-hidup"], 120)
    baru = antre(["pekerja-baru"], 5)  # claimed a moment ago: not judged yet
    denyut_catat("pekerja-hidup")
    DenyutPekerja.objects.create(
        worker_id="pekerja-mati", denyut_pada=timezone.now() - dt.timedelta(seconds=61)
    )
    assert tugas_macet_pulihkan() == 1
    status = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert (status[mati.pk], status[hidup.pk], status[baru.pk]) == ("READY", "RUNNING", "RUNNING")
    assert DBTaskResult.objects.get(pk=mati.pk).started_at is None
    assert tugas_macet_pulihkan() == 0  # a second worker's check changes nothing


@pytest.mark.django_db
def test_task_whose_worker_died_too_often_fails_instead_of_looping(antre):
    r = antre(["a", "b", "c"], 120)
    assert tugas_macet_pulihkan() == 0
    r.refresh_from_db()
    assert (r.status, r.exception_class_path) == ("FAILED", KELAS_PEKERJA_HILANG)
    assert "3 kali" in r.traceback


@pytest.mark.django_db
def test_ordinary_failure_goes_back_to_the_queue_after_a_doubling_wait(antre, settings):
    """Issue 19: a task failing with an ordinary error was FAILED for good. It runs again
    after PEKERJA_JEDA_ULANG_DETIK, doubled at each attempt, within the attempts bound;
    a task whose code is gone is not retried. (The real worker: test_pekerja_gagal.py.)"""
    from kersa.core.pekerja import jeda_ulang, tugas_gagal_ulangi

    settings.PEKERJA_JEDA_ULANG_DETIK = 30
    settings.PEKERJA_JEDA_ULANG_MAKS_DETIK = 3600
    assert [jeda_ulang(n) for n in (1, 2, 3, 4, 8, 20)] == [30, 60, 120, 240, 3600, 3600]
    sekarang = timezone.now()

    def gagal(pekerja, kelas="smtplib.SMTPServerDisconnected"):
        r = antre(pekerja, 5)
        DBTaskResult.objects.filter(pk=r.pk).update(
            status="FAILED", finished_at=sekarang, exception_class_path=kelas, traceback="x"
        )
        return r

    satu, dua, habis = gagal(["a"]), gagal(["a", "b"]), gagal(["a", "b", "c"])
    hilang = gagal(["a"], "builtins.ModuleNotFoundError")
    assert [tugas_gagal_ulangi(r.pk, sekarang=sekarang) for r in (satu, dua, habis, hilang)] == [
        True,
        True,
        False,
        False,
    ]
    for r, detik in ((satu, 30), (dua, 60)):
        r.refresh_from_db()
        assert (r.status, r.started_at, r.finished_at) == ("READY", None, None)
        assert r.run_after == sekarang + dt.timedelta(seconds=detik)
    for r in (habis, hilang):
        r.refresh_from_db()
        assert r.status == "FAILED"
    assert not tugas_gagal_ulangi(satu.pk)  # READY now: nothing to retry
