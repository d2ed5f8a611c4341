"""``manage.py benchmark_pindai``: the daily clock scan at the size of the current database.

Runs ``deadlines.pekerja.pindai_harian`` (the scan the worker and cron run: due clocks,
deemed DPRD approvals, periodic clocks, reminders) at 00:05 WIB on a quiet day
(``--sepi``, default 15 December 2026) and on 1 January (``--tahun-baru``, default
1 January 2027, when every semester report clock P27-1 of 2026-2 falls due and the
clocks of 2027-1 start), each inside a transaction that is **rolled back**: the
database is left as it was. Meant for the national data set (``buat_data_nasional``
on PostgreSQL; issue 18). Prints per day: clocks in the table, queries, seconds, what
the scan did, and PASS/FAIL against the budget (under 5 s and under 50 queries);
exits 1 on FAIL.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from zoneinfo import ZoneInfo

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.models import Tenggat
from kersa.deadlines.pekerja import pindai_harian

BATAS_DETIK = 5.0
BATAS_QUERY = 50
WIB = ZoneInfo("Asia/Jakarta")


def _savepoint(sql: str) -> bool:
    return sql.startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT"))


class Command(BaseCommand):
    help = "Mengukur pemindaian tenggat harian (query, detik) pada basis data ini; dibatalkan."

    def add_arguments(self, parser):
        parser.add_argument("--sepi", type=dt.date.fromisoformat, default=dt.date(2026, 12, 15))
        parser.add_argument("--sql", action="store_true", help="query yang berulang")
        parser.add_argument("--tahun-baru", type=dt.date.fromisoformat, default=dt.date(2027, 1, 1))

    def handle(self, *args, **opts):
        import time_machine  # a development dependency, as the benchmark is

        # Per-connection checks Django makes once (e.g. SQLite's JSON functions).
        connection.features.has_json_object_function  # noqa: B018
        jumlah = Tenggat.objects.count()
        berjalan = Tenggat.objects.filter(status=StatusTenggat.BERJALAN).count()
        self.stdout.write(
            f"tenggat di basis data: {jumlah:,} ({berjalan:,} berjalan), {connection.vendor}"
        )
        self.stdout.write(f"{'hari':24} {'query':>6} {'detik':>7}  hasil")
        gagal = False
        for nama, hari in (("sepi", opts["sepi"]), ("1 Januari", opts["tahun_baru"])):
            saat = dt.datetime.combine(hari, dt.time(0, 5), tzinfo=WIB)
            with time_machine.travel(saat, tick=True), transaction.atomic():
                with CaptureQueriesContext(connection) as q:
                    t = time.perf_counter()
                    hasil = pindai_harian(hari_ini=hari)
                    detik = time.perf_counter() - t
                transaction.set_rollback(True)
            # SAVEPOINT/RELEASE are the nested transactions of this rolled-back run; run
            # by the worker they are BEGIN/COMMIT, which Django does not count.
            sql = [x for x in q.captured_queries if not _savepoint(x["sql"])]
            lewat = len(sql) >= BATAS_QUERY or detik >= BATAS_DETIK or hasil.gagal
            gagal |= bool(lewat)
            ringkas = ", ".join(f"{k} {v}" for k, v in hasil.as_dict().items() if v)
            if opts["sql"]:
                ulang = Counter(x["sql"][:160] for x in q.captured_queries)
                for sql, n in ulang.most_common(8):
                    self.stdout.write(f"  {n:5d}× {sql}")
                for x in sorted(q.captured_queries, key=lambda x: -float(x["time"]))[:6]:
                    self.stdout.write(f"  {float(x['time']):7.2f} s {x['sql'][:600]}")
            self.stdout.write(
                f"{nama + ' ' + hari.isoformat():24} {len(sql):6d} {detik:7.2f}  {ringkas or '-'}"
                f"  {'FAIL' if lewat else 'PASS'}"
            )
        self.stdout.write(
            f"Anggaran: < {BATAS_QUERY} query dan < {BATAS_DETIK:.0f} s per pemindaian, "
            "tanpa kegagalan (issue 18). Semua perubahan dibatalkan."
        )
        if gagal:
            raise SystemExit(1)
