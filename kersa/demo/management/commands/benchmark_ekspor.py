"""``manage.py benchmark_ekspor``: the exports at the size of the current database (issue 18).

- the dashboard's XLSX and PDF: the time of the request that starts one (it queues the
  worker's task and answers with a redirect to the status page), then the worker's
  build (``services.ekspor_dasbor_jalankan``, run here in this process) with its peak
  Python memory (tracemalloc) and time, the file's size and rows;
- the public register's CSV (streamed) and XLSX (written row by row): time, peak
  memory, bytes, rows; then how many downloads one anonymous address may start in an
  hour before it gets 429.

Meant for the national data set (``buat_data_nasional`` on PostgreSQL). It writes: the
demo cast when missing (as ``benchmark`` does), and the export rows, files and task
rows it creates, which it deletes at the end. Prints PASS/FAIL against the budgets
(start request under 200 ms, peak memory under 200 MB, a few anonymous downloads an
hour); exits 1 on FAIL.
"""

from __future__ import annotations

import io
import resource
import time
import tracemalloc

from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.test import Client, override_settings

from kersa.agreements.models import Ksdd
from kersa.demo import skenario
from kersa.reporting import services
from kersa.reporting.models import EksporDasbor
from kersa.tte.middleware import BEBAS, SESI

BATAS_MULAI_MS = 200
BATAS_MB = 200
BATAS_ANONIM = 10
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _baris_xlsx(isi: bytes) -> dict[str, int]:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(isi), read_only=True)
    return {ws.title: sum(1 for _ in ws.iter_rows(values_only=True)) for ws in wb.worksheets}


class Command(BaseCommand):
    help = "Mengukur ekspor dasbor dan register publik (waktu, memori puncak) pada basis data ini."

    def handle(self, *args, **opts):
        from django_tasks_db.models import DBTaskResult

        pemeran = skenario.pemeran_buat()
        self.stdout.write(f"KSDD di basis data: {Ksdd.objects.count():,}")
        gagal = False

        def nilai(nama: str, ok: bool, teks: str) -> None:
            nonlocal gagal
            gagal |= not ok
            self.stdout.write(f"{nama:38} {teks}  {'PASS' if ok else 'FAIL'}")

        klien = Client(HTTP_HOST="localhost")
        klien.force_login(pemeran.sekretariat)
        sesi = klien.session  # past the login's second factor, as the tests' force_login
        sesi[SESI] = BEBAS
        sesi.save()
        klien.get("/dasbor/", {"tahun": 1990})  # warm up (imports, connection)
        for fmt in ("xlsx", "pdf"):
            EksporDasbor.objects.filter(dibuat_oleh=pemeran.sekretariat).delete()
            with override_settings(TASKS=DB_TASKS):
                t = time.perf_counter()
                resp = klien.post(f"/dasbor/unduh.{fmt}")
                ms = (time.perf_counter() - t) * 1000
            if resp.status_code != 302 or "/ekspor/" not in resp["Location"]:
                raise CommandError(f"dasbor {fmt}: {resp.status_code} {resp.get('Location')}")
            ekspor = EksporDasbor.objects.get(dibuat_oleh=pemeran.sekretariat)
            nilai(f"dasbor {fmt}: permintaan mulai", ms < BATAS_MULAI_MS, f"{ms:8.0f} ms")
            tracemalloc.start()
            t = time.perf_counter()
            services.ekspor_dasbor_jalankan(ekspor_id=ekspor.pk)
            detik = time.perf_counter() - t
            puncak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            ekspor.refresh_from_db()
            if ekspor.status != "selesai":
                raise CommandError(f"dasbor {fmt}: {ekspor.pesan}")
            isi = ekspor.berkas.read()
            baris = _baris_xlsx(isi) if fmt == "xlsx" else {}
            reg = baris.get("Register KSDD")
            nilai(
                f"dasbor {fmt}: pekerja",
                puncak < BATAS_MB,
                f"{detik:7.1f} s, puncak {puncak:6.1f} MB, {len(isi) / 2**20:6.1f} MB berkas"
                + (f", register {reg - 1:,} baris" if reg else ""),
            )
            ekspor.berkas.delete(save=False)
            DBTaskResult.objects.filter(
                task_path="kersa.reporting.tasks.susun_ekspor_dasbor",
                args_kwargs__args=[ekspor.pk],
            ).delete()
            ekspor.delete()

        anonim = Client(HTTP_HOST="localhost", REMOTE_ADDR="203.0.113.7")
        cache.clear()  # the throttle's history
        for fmt in ("csv", "xlsx"):
            tracemalloc.start()
            t = time.perf_counter()
            resp = anonim.get(f"/publik/unduh.{fmt}")
            isi = b"".join(resp.streaming_content) if resp.streaming else resp.content
            detik = time.perf_counter() - t
            puncak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            n = isi.count(b"\n") - 1 if fmt == "csv" else next(iter(_baris_xlsx(isi).values())) - 1
            nilai(
                f"publik {fmt} ({resp.status_code})",
                resp.status_code == 200 and puncak < BATAS_MB and len(isi) > 0,
                f"{detik:7.1f} s, puncak {puncak:6.1f} MB, {len(isi):,} B, {n:,} baris",
            )
        boleh = 2
        while anonim.get("/publik/unduh.csv").status_code == 200 and boleh <= BATAS_ANONIM:
            boleh += 1
        nilai("publik: unduhan anonim per jam", boleh <= BATAS_ANONIM, f"{boleh} lalu 429")
        cache.clear()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"{'RSS puncak proses ini':38} {rss:7.0f} MB (Django, openpyxl)")
        if gagal:
            raise SystemExit(1)
