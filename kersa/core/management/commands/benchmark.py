"""``manage.py benchmark``: SQL queries and response times of the main pages and API.

Runs against a throw-away SQLite database filled with the demo data plus
``--ksdd`` extra KSDD (driven through the real services), and prints one row per
page: queries with few KSDD, queries with many (they must be equal), and the
median response time. Budgets are printed beside the measures; the command exits
1 when a query budget is exceeded, so it can guard a release. Not a unit test:
timings depend on the machine.
"""

import statistics
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

BUDGET_QUERIES = 25  # per page, whatever the number of KSDD
BUDGET_MS = 300  # median, on the 2-core reference machine


class Command(BaseCommand):
    help = "Mengukur jumlah query SQL dan waktu respons halaman utama (tabel)."

    def add_arguments(self, parser):
        parser.add_argument("--ksdd", type=int, default=40, help="KSDD tambahan (default 40)")
        parser.add_argument("--ulang", type=int, default=15, help="permintaan per halaman")

    def handle(self, *args, **opts):
        tmp = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        db = {
            **settings.DATABASES["default"],
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp),
        }
        db.pop("OPTIONS", None)
        with override_settings(
            DATABASES={"default": db},
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
            MEDIA_ROOT=str(tmp.parent / "media"),
            ALLOWED_HOSTS=["testserver"],
        ):
            connections.close_all()
            del connections["default"]
            self._run(opts)
        connections.close_all()

    def _run(self, opts):
        from kersa.agreements import skenario
        from kersa.agreements.choices import Status
        from kersa.agreements.models import Ksdd

        call_command("migrate", verbosity=0)
        call_command("muat_demo", verbosity=0)
        pemeran = skenario.pemeran_buat()
        sample = Ksdd.objects.order_by("pk").first()
        pages = [
            ("beranda (sekretariat)", pemeran.sekretariat, "/"),
            ("beranda (operator)", pemeran.operator, "/"),
            ("register KSDD", pemeran.sekretariat, "/ksdd/"),
            ("halaman KSDD", pemeran.sekretariat, f"/ksdd/{sample.pk}/"),
            ("API daftar KSDD", pemeran.sekretariat, "/api/v1/ksdd/"),
            ("API KSDD", pemeran.sekretariat, f"/api/v1/ksdd/{sample.pk}/"),
            ("tenggat (sekretariat)", pemeran.sekretariat, "/tenggat/"),
            ("tenggat (operator)", pemeran.operator, "/tenggat/"),
            ("kalender kerja", pemeran.sekretariat, "/tenggat/kalender/2026/"),
            ("dasbor (sekretariat)", pemeran.sekretariat, "/dasbor/"),
            ("dasbor (operator)", pemeran.operator, "/dasbor/"),
            ("register publik", pemeran.publik, "/publik/"),
        ]
        statuses = [Status.PENYUSUNAN_KAK, Status.MENUNGGU_TANGGAPAN, Status.PENYUSUNAN_PKS]

        def tambah(n, awal):
            for i in range(awal, awal + n):
                k = skenario.ksdd_baru(pemeran, judul=f"KSDD uji beban {i}")
                skenario.ke_status(k, statuses[i % len(statuses)], pemeran)

        # Every list non-empty first (Django skips the prefetches of an empty list),
        # then many more: the query counts must not change.
        tambah(len(statuses), 0)
        before = {name: self._queries(user, url) for name, user, url in pages}
        tambah(opts["ksdd"], len(statuses))
        n = Ksdd.objects.count()
        self.stdout.write(f"KSDD di basis data: {n - opts['ksdd']} lalu {n}\n")
        self.stdout.write(
            f"{'halaman':28} {'query':>7} {'query*':>7} {'median ms':>10} {'p90 ms':>8}"
        )
        gagal = False
        for name, user, url in pages:
            after = self._queries(user, url)
            times = self._times(user, url, opts["ulang"])
            med = statistics.median(times)
            p90 = sorted(times)[int(len(times) * 0.9) - 1]
            flag = ""
            if after != before[name] or after > BUDGET_QUERIES:
                flag, gagal = "  ← melebihi anggaran query", True
            elif med > BUDGET_MS:
                flag = "  ← lambat"
            self.stdout.write(
                f"{name:28} {before[name]:7d} {after:7d} {med:10.1f} {p90:8.1f}{flag}"
            )
        self.stdout.write(
            f"\nquery = data demo + 3 KSDD; query* = ditambah {opts['ksdd']} KSDD tambahan "
            f"(harus sama). Anggaran: ≤ {BUDGET_QUERIES} query, median ≤ {BUDGET_MS} ms."
        )
        if gagal:
            raise SystemExit(1)

    def _client(self, user):
        c = Client()
        c.force_login(user)
        return c

    def _queries(self, user, url) -> int:
        c = self._client(user)
        c.get(url)  # warm caches (permissions, session)
        with CaptureQueriesContext(connection) as ctx:
            resp = c.get(url)
        if resp.status_code != 200:
            raise SystemExit(f"{url}: HTTP {resp.status_code}")
        return len(ctx.captured_queries)

    def _times(self, user, url, n) -> list[float]:
        c = self._client(user)
        out = []
        for _ in range(n):
            t = time.perf_counter()
            c.get(url)
            out.append((time.perf_counter() - t) * 1000)
        return out
