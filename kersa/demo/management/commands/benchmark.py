"""``manage.py benchmark``: SQL queries and response times of the main pages and API.

Runs against a throw-away SQLite database filled with the demo data plus
``--ksdd`` extra KSDD (driven through the real services), and prints one row per
page: queries with few KSDD, queries with many (they must be equal), and the
median response time. The pages of the planning, TKKSD, reporting and oversight rooms
follow, each detail page on the demo record with the most rows under it (their own rows
are held constant here: ``tests/test_query_budget.py`` of planning, governance and
reporting prove those lists do not grow with rows). Budgets are printed beside the
measures; the command exits 1 when a query budget is exceeded, so it can guard a
release. Not a unit test: timings depend on the machine.
"""

import contextlib
import gzip
import os
import re
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

from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd
from kersa.demo import skenario
from kersa.governance.models import KeputusanBupati, ProgramKerja, Rapat
from kersa.oversight.models import MonitoringEvaluasi, Perselisihan
from kersa.planning.models import Identifikasi
from kersa.reporting.models import LaporanSemester
from kersa.tte.middleware import BEBAS, SESI

BUDGET_QUERIES = 25  # per page, whatever the number of KSDD
# The KSDD page gathers what six rooms know of one KSDD (history, clocks, documents and
# their compliance report, TKKSD meetings, funding and the Sekretariat Kerja Sama), and
# the electronic signatures of its KB/PKS (issue 16: documents, validations; +2).
BUDGET_QUERIES_HALAMAN = {"halaman KSDD": 30}
BUDGET_MS = 300  # median, on the 2-core reference machine
# Bytes over the wire, gzip as the browser receives them (issue 14): a first visit loads the
# HTML and every stylesheet, script and image it names; a later visit only the HTML, since
# static files carry a content hash and a one-year immutable cache in production.
BUDGET_KB_PERTAMA = 60
BUDGET_KB_BERIKUT = 15
HALAMAN_BERAT = ("beranda (sekretariat)", "register KSDD", "halaman KSDD")
_ASET = re.compile(r'(?:href|src)="(/static/[^"?#]+)')


def _sambung_ulang() -> None:
    """Point ``connections`` at the DATABASES in force now. The handler caches the
    setting on first use, so overriding DATABASES alone would leave the benchmark
    writing into the development database."""
    connections.close_all()
    connections._settings = None
    connections.__dict__.pop("settings", None)
    for alias in list(connections.settings):
        with contextlib.suppress(AttributeError):  # never opened in this thread
            del connections[alias]


def halaman(pemeran, sample) -> list[tuple[str, object, str]]:
    """The pages and API endpoints measured, as (name, user, URL); ``sample`` is the
    KSDD whose page and API detail are measured (also by ``benchmark_skala``)."""
    return [
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
        *_halaman_ruang(pemeran),
    ]


def _halaman_ruang(pemeran) -> list[tuple[str, object, str]]:
    """The pages of the planning, TKKSD, reporting and oversight rooms, each detail
    page on the demo record with the most rows under it (found by query)."""
    from django.db.models import Count

    def terkaya(model, *relasi):
        n = Count(relasi[0], distinct=True)
        for r in relasi[1:]:
            n = n + Count(r, distinct=True)
        obj = model.objects.annotate(n=n).order_by("-n", "pk").first()
        if obj is None:
            raise SystemExit(f"data demo tanpa {model.__name__}")
        return obj

    ident = terkaya(Identifikasi, "butir")
    rapat = terkaya(Rapat, "agenda", "kehadiran")
    kep = terkaya(KeputusanBupati, "jabatan")
    program = terkaya(ProgramKerja, "kegiatan")
    laporan = terkaya(LaporanSemester, "riwayat")
    monev = terkaya(MonitoringEvaluasi, "temuan")
    sengketa = terkaya(Perselisihan, "riwayat")
    s = pemeran.sekretariat
    periode = f"{laporan.tahun}-{laporan.semester}"
    return [
        ("rencana KSDD", s, "/perencanaan/"),
        ("identifikasi", s, f"/perencanaan/{ident.pk}/"),
        ("TKKSD (rapat)", s, "/tkksd/"),
        ("rapat TKKSD", s, f"/tkksd/rapat/{rapat.pk}/"),
        ("keputusan TKKSD", s, "/tkksd/keputusan/"),
        ("keputusan + jabatan", s, f"/tkksd/keputusan/{kep.pk}/"),
        ("program kerja", s, f"/tkksd/program/{program.pk}/"),
        ("laporan semester", s, f"/laporan/?periode={periode}"),
        ("laporan semester (op.)", pemeran.operator, f"/laporan/?periode={periode}"),
        ("laporan (satu)", s, f"/laporan/semester/{laporan.pk}/"),
        ("laporan Bupati", s, "/laporan/bupati/"),
        ("laporan TKKSD", s, "/laporan/tkksd/"),
        ("pembinaan", s, "/pembinaan/"),
        ("pembinaan: kegiatan", s, "/pembinaan/kegiatan/"),
        ("pembinaan: asosiasi", s, "/pembinaan/asosiasi/"),
        ("pembinaan: sekretariat", s, "/pembinaan/sekretariat/"),
        ("monev", s, "/pembinaan/monev/"),
        ("monev (satu)", s, f"/pembinaan/monev/{monev.pk}/"),
        ("perselisihan", s, "/pembinaan/perselisihan/"),
        ("perselisihan (satu)", s, f"/pembinaan/perselisihan/{sengketa.pk}/"),
    ]


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
            _sambung_ulang()
            if connection.settings_dict["NAME"] != str(tmp):
                raise SystemExit("benchmark: basis data sementara tidak terpasang; dibatalkan.")
            try:
                self._run(opts)
            finally:
                connections.close_all()
        _sambung_ulang()

    def _run(self, opts):

        call_command("migrate", verbosity=0)
        call_command("muat_demo", verbosity=0)
        pemeran = skenario.pemeran_buat()
        sample = Ksdd.objects.order_by("pk").first()
        pages = halaman(pemeran, sample)
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
            if after != before[name] or after > BUDGET_QUERIES_HALAMAN.get(name, BUDGET_QUERIES):
                flag, gagal = "  ← melebihi anggaran query", True
            elif med > BUDGET_MS:
                flag, gagal = "  ← melebihi anggaran waktu", True
            self.stdout.write(
                f"{name:28} {before[name]:7d} {after:7d} {med:10.1f} {p90:8.1f}{flag}"
            )
        self.stdout.write(
            f"\nquery = data demo + 3 KSDD; query* = ditambah {opts['ksdd']} KSDD tambahan "
            f"(harus sama). Anggaran: ≤ {BUDGET_QUERIES} query "
            f"({', '.join(f'{k} ≤ {v}' for k, v in BUDGET_QUERIES_HALAMAN.items())}), "
            f"median ≤ {BUDGET_MS} ms."
        )
        gagal |= self._bytes(pages)
        self.stdout.write("HASIL: FAIL" if gagal else "HASIL: PASS")
        if gagal:
            raise SystemExit(1)

    def _bytes(self, pages) -> bool:
        """Print the compressed weight of a first and a later visit of the heavy pages;
        True when one is over its budget."""
        from django.contrib.staticfiles import finders

        self.stdout.write(
            f"\n{'halaman (KB lewat jaringan)':28} {'pertama':>8} {'berikut':>8} {'berkas':>7}"
        )
        gagal = False
        for name, user, url in pages:
            if name not in HALAMAN_BERAT:
                continue
            resp = self._client(user).get(url, HTTP_ACCEPT_ENCODING="gzip")
            if resp.get("Content-Encoding") != "gzip":
                raise SystemExit(f"{url}: HTML tidak dikompresi")
            html = gzip.decompress(resp.content).decode()
            aset = sorted(set(_ASET.findall(html)))
            berat = 0
            for a in aset:
                path = finders.find(a.removeprefix(settings.STATIC_URL))
                if path is None:
                    raise SystemExit(f"{url}: berkas statis {a} tidak ditemukan")
                berat += len(gzip.compress(Path(path).read_bytes(), compresslevel=9))
            pertama = (len(resp.content) + berat) / 1024
            berikut = len(resp.content) / 1024
            flag = ""
            if pertama > BUDGET_KB_PERTAMA or berikut > BUDGET_KB_BERIKUT:
                flag, gagal = "  ← melebihi anggaran ukuran", True
            self.stdout.write(f"{name:28} {pertama:8.1f} {berikut:8.1f} {len(aset):7d}{flag}")
        self.stdout.write(
            f"Anggaran: kunjungan pertama ≤ {BUDGET_KB_PERTAMA} KB (HTML + CSS/JS/gambar, gzip), "
            f"kunjungan berikut ≤ {BUDGET_KB_BERIKUT} KB dan satu permintaan (hanya HTML)."
        )
        return gagal

    def _client(self, user):
        c = Client()
        c.force_login(user)
        sesi = c.session  # past the login's second factor, as benchmark_ekspor does
        sesi[SESI] = BEBAS
        sesi.save()
        return c

    def _queries(self, user, url) -> int:
        c = self._client(user)
        c.get(url)  # warm caches (permissions, session)
        with CaptureQueriesContext(connection) as ctx:
            resp = c.get(url)
        if resp.status_code != 200:
            raise SystemExit(f"{url}: HTTP {resp.status_code}")
        if os.environ.get("KERSA_BENCH_SQL") and os.environ["KERSA_BENCH_SQL"] in url:
            self.stdout.write(f"### {url}")
            for q in ctx.captured_queries:  # the queries of one page, to find what repeats
                self.stdout.write(q["sql"][:300])
        return len(ctx.captured_queries)

    def _times(self, user, url, n) -> list[float]:
        c = self._client(user)
        out = []
        for _ in range(n):
            t = time.perf_counter()
            c.get(url)
            out.append((time.perf_counter() - t) * 1000)
        return out
