"""More than one machine (issue 18 item 6): two web servers (``manage.py runserver``,
each its own process on its own port) and two workers (``manage.py jalankan_pekerja``)
on the test's one PostgreSQL database. A dashboard export asked on each server is built
exactly once by one of the two workers, and both servers serve both results: the session
lives in the database, the queue too, and the files in the shared storage (local disk
here; the object store in production, ``docs/deployment.md``). Today's daily scan,
which each worker makes sure is queued at its start, runs once and deems a lapsed DPRD
approval (P22-3) once."""

import datetime as dt
import http.client
import io
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django_tasks_db.models import DBTaskResult
from openpyxl import load_workbook

from kersa.agreements.choices import Status
from kersa.agreements.models import PersetujuanDprd, RiwayatTahap
from kersa.core.tests.test_pekerja_gagal import DB_TASKS, WIB, Pekerja, _hasil, _tunggu
from kersa.deadlines.tasks import pindai_antrekan_sekarang, pindai_tenggat
from kersa.deadlines.tests.test_skenario_dprd import _permohonan_diterima_2_maret
from kersa.reporting.models import EksporDasbor
from kersa.reporting.tasks import susun_ekspor_dasbor

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="server web dan pekerja di proses lain memerlukan basis data bersama (PostgreSQL)",
    ),
]

# Any 32 letters are a valid CSRF secret: sent as the cookie and as the header.
CSRF = "k" * 32


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One real web server process on its own port."""

    def __init__(self, env: dict, log: Path):
        self.port = _port_bebas()
        self._log = log.open("wb")
        self.proses = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", "--skip-checks"]
            + [f"127.0.0.1:{self.port}"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def minta(self, metode: str, path: str, sesi: str, body: str = ""):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            headers = {"Cookie": f"sessionid={sesi}; csrftoken={CSRF}"}
            if metode == "POST":
                headers |= {
                    "X-CSRFToken": CSRF,
                    "Content-Type": "application/x-www-form-urlencoded",
                }
            c.request(metode, path, body=body, headers=headers)
            r = c.getresponse()
            return r.status, dict(r.getheaders()), r.read()
        finally:
            c.close()

    def siap(self) -> bool:
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            c.request("GET", "/akun/login/")
            return c.getresponse().status == 200
        except OSError:
            return False

    def hentikan(self) -> None:
        if self.proses.poll() is None:
            self.proses.terminate()
            try:
                self.proses.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proses.kill()
                self.proses.wait()
        self._log.close()


def _sesi(user) -> str:
    """A signed-in session, stored in the shared database (any server reads it)."""
    c = Client()
    c.force_login(user)
    return c.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_two_web_servers_and_two_workers_build_each_export_once_and_both_serve_it(
    pemeran, ksdd, tmp_path
):
    pk = Pekerja(tmp_path)
    web: list[Server] = []
    try:
        web = [Server(pk.env, tmp_path / f"web{i}.log") for i in (1, 2)]
        for s in web:
            _tunggu(s.siap, f"server web di port {s.port} siap", s.proses, batas=60)
        a, b = web
        # A KSDD whose DPRD request was received 2 March 2026: its 45 working days ended
        # 13 May (P22-3), so today's scan deems the approval, once.
        with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=WIB), tick=False):
            dprd = _permohonan_diterima_2_maret(pemeran)
        assert dprd.status == Status.MENUNGGU_DPRD
        pengguna = [pemeran.sekretariat, pemeran.operator]
        sesi = {u.pk: _sesi(u) for u in pengguna}

        # Each user asks for the dashboard's XLSX on a different server: queued, not built.
        for server, u in zip(web, pengguna, strict=True):
            status, headers, _ = server.minta("POST", "/dasbor/unduh.xlsx", sesi[u.pk])
            assert status == 302, (status, headers)
        ekspor = list(EksporDasbor.objects.order_by("pk"))
        assert [e.dibuat_oleh_id for e in ekspor] == [u.pk for u in pengguna]
        assert [e.status for e in ekspor] == ["antre", "antre"]
        assert _hasil(susun_ekspor_dasbor, "READY").count() == 2
        # And today's daily scan (``pindai_tenggat --antrekan``).
        assert pindai_antrekan_sekarang() is not None

        # Two workers compete for the three tasks; each also makes sure at its start that
        # today's and tomorrow's scans are queued (``pindai_pastikan_terjadwal``).
        pk.mulai()
        pk.mulai()

        def selesai() -> bool:
            # Everything ran but tomorrow's scan (the stage e-mails too).
            return (
                _hasil(susun_ekspor_dasbor, "SUCCESSFUL").count() == 2
                and _hasil(pindai_tenggat, "SUCCESSFUL").exists()
                and not DBTaskResult.objects.filter(status__in=["READY", "RUNNING"])
                .exclude(task_path=pindai_tenggat.module_path)
                .exists()
            )

        _tunggu(selesai, "kedua ekspor dan pindai harian selesai", batas=60)
        time.sleep(1)  # anything run twice would show by now
        pk.hentikan()
        assert [(e.status, e.pesan) for e in EksporDasbor.objects.order_by("pk")] == [
            ("selesai", "Selesai: 2 KSDD.")
        ] * 2

        # Each task ran once, on one worker; each file was written once.
        tugas = DBTaskResult.objects.filter(task_path=susun_ekspor_dasbor.module_path)
        assert sorted(t.status for t in tugas) == ["SUCCESSFUL", "SUCCESSFUL"]
        assert [len(t.worker_ids) for t in tugas] == [1, 1]
        assert sorted(t.args_kwargs["args"][0] for t in tugas) == [e.pk for e in ekspor]
        # Today's scan ran once (not once per worker); tomorrow's is queued once.
        pindai = DBTaskResult.objects.filter(task_path=pindai_tenggat.module_path)
        assert sorted(t.status for t in pindai) == ["READY", "SUCCESSFUL"]
        assert [len(t.worker_ids) for t in pindai if t.status == "SUCCESSFUL"] == [1]
        assert not DBTaskResult.objects.exclude(status__in=["READY", "SUCCESSFUL"]).exists()
        # The deemed approval was recorded once, as of the day after the 45th working day.
        dprd.refresh_from_db()
        assert dprd.status == Status.PENYUSUNAN_PKS
        persetujuan = PersetujuanDprd.objects.get()
        assert persetujuan.ksdd == dprd and persetujuan.dianggap is True
        assert (persetujuan.hari_terakhir, persetujuan.tanggal) == (
            dt.date(2026, 5, 13),
            dt.date(2026, 5, 14),
        )
        assert RiwayatTahap.objects.filter(aksi="catat_persetujuan_dprd").count() == 1
        berkas = sorted(p for p in (Path(settings.MEDIA_ROOT) / "ekspor").rglob("*") if p.is_file())
        assert len(berkas) == 2

        # Both servers show each user's export as done and serve the same file.
        for e in EksporDasbor.objects.order_by("pk"):
            assert e.jumlah_ksdd == 2
            isi_disk = (Path(settings.MEDIA_ROOT) / e.berkas.name).read_bytes()
            for server in web:
                status, _, halaman = server.minta(
                    "GET", f"/dasbor/ekspor/{e.pk}/", sesi[e.dibuat_oleh_id]
                )
                assert status == 200 and f"/dasbor/ekspor/{e.pk}/unduh/".encode() in halaman
                status, headers, isi = server.minta(
                    "GET", f"/dasbor/ekspor/{e.pk}/unduh/", sesi[e.dibuat_oleh_id]
                )
                assert status == 200 and "attachment" in headers["Content-Disposition"]
                assert isi == isi_disk
            reg = load_workbook(io.BytesIO(isi_disk))["Register KSDD"]
            assert sorted(r[0].value for r in reg.iter_rows(min_row=2)) == sorted(
                [ksdd.nomor_register, dprd.nomor_register]
            )
        # Only its own user sees an export, on either server.
        lain = EksporDasbor.objects.get(dibuat_oleh=pemeran.operator)
        for server in web:
            status, _, _ = server.minta(
                "GET", f"/dasbor/ekspor/{lain.pk}/", sesi[pemeran.sekretariat.pk]
            )
            assert status == 404
        assert b.proses.poll() is None and a.proses.poll() is None
    finally:
        pk.hentikan()
        for s in web:
            s.hentikan()
