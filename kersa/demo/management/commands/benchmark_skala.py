"""``manage.py benchmark_skala``: p95 of every page and API endpoint through a real server,
against the bare view, on the database of ``DATABASE_URL`` (issue 18).

Starts ``manage.py runserver --noreload`` (gunicorn is not in requirements.txt) with
``config.settings.bench`` (production settings, DEBUG off, plain HTTP on 127.0.0.1,
plus the bare view ``/_bench/polos/``) on the same database, logs the demo cast in by
writing their sessions into the database (past the second factor, as ``force_login``
does), and for each page of ``benchmark.halaman`` makes ``--ulang`` requests after a
warm-up, each followed by one to the bare view (interleaved, so both see the same
machine). Prints per page: p50 and p95 in ms, the bare view's p95 in the same
interleaving, the ratio, and the HTML bytes (decompressed). Budget: p95 ≤ 4× the bare
view's p95. ``--simpan FILE`` writes the bytes per page (say at 1,000 KSDD);
``--banding FILE`` reads them back and checks this run's bytes are within 10% of them
(say at 100,000 KSDD). Exits 1 on FAIL.

It writes to the database: the demo cast when missing and one session per user
(deleted at the end).
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from kersa.agreements.models import Ksdd
from kersa.demo import skenario
from kersa.demo.management.commands.benchmark import halaman
from kersa.tte.middleware import BEBAS, SESI

RASIO_MAKS = 4.0
SELISIH_BYTE_MAKS = 0.10
POLOS = "/_bench/polos/"


def _p(nilai: list[float], q: float) -> float:
    s = sorted(nilai)
    return s[min(len(s) - 1, max(0, int(round(q * len(s) + 0.5)) - 1))]


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Command(BaseCommand):
    help = "Mengukur p95 setiap halaman lewat server sungguhan terhadap view polos (tabel)."

    def add_arguments(self, parser):
        parser.add_argument("--ulang", type=int, default=20, help="permintaan per halaman")
        parser.add_argument("--pemanasan", type=int, default=2, help="permintaan pemanasan")
        parser.add_argument(
            "--batas-detik",
            type=float,
            default=60,
            help="waktu paling lama per halaman; yang lambat diukur dengan lebih sedikit",
        )
        parser.add_argument("--simpan", help="tulis byte per halaman ke berkas JSON ini")
        parser.add_argument("--banding", help="bandingkan byte dengan berkas JSON ini")
        parser.add_argument("--hanya", help="hanya halaman yang namanya memuat teks ini")
        parser.add_argument(
            "--sql",
            action="store_true",
            help="cetak 3 pernyataan SQL terlambat tiap halaman yang FAIL (dalam proses ini)",
        )

    def handle(self, *args, **opts):
        if connection.vendor != "postgresql":
            raise CommandError("benchmark_skala: butuh PostgreSQL (DATABASE_URL).")
        pemeran = skenario.pemeran_buat()
        sample = Ksdd.objects.order_by("pk").first()
        if sample is None:
            raise CommandError("benchmark_skala: basis data tanpa KSDD (buat_data_nasional).")
        pages = halaman(pemeran, sample)
        if opts["hanya"]:
            pages = [p for p in pages if opts["hanya"] in p[0]]
        n_ksdd = Ksdd.objects.count()
        with connection.cursor() as cur:  # a copied or bulk-loaded database has no statistics
            cur.execute(
                "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NULL"
                " AND last_autoanalyze IS NULL AND relname IN ('agreements_ksdd',"
                " 'deadlines_tenggat', 'agreements_riwayattahap')"
            )
            if tanpa := [r[0] for r in cur.fetchall()]:
                self.stderr.write(f"PERINGATAN: {', '.join(tanpa)} belum pernah di-ANALYZE.")
        sesi = {}
        for _, user, _ in pages:
            if user.pk not in sesi:
                s = SessionStore()
                s[SESSION_KEY] = str(user.pk)
                s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
                s[HASH_SESSION_KEY] = user.get_session_auth_hash()
                s[SESI] = BEBAS
                s.create()
                sesi[user.pk] = s
        port = _port_bebas()
        server = self._mulai(port)
        try:
            hasil = self._ukur(port, pages, sesi, opts)
        finally:
            server.terminate()
            server.wait(timeout=10)
            for s in sesi.values():
                s.delete()
        gagal = self._cetak(n_ksdd, hasil, opts)
        if opts["sql"]:
            for r, (name, user, url) in zip(hasil, pages, strict=True):
                if r["halaman"] in gagal:
                    self._sql(name, user, url)
        if gagal:
            raise SystemExit(1)

    def _sql(self, name, user, url) -> None:
        """The three slowest statements of one request of the page, in this process."""
        from django.test import Client, override_settings
        from django.test.utils import CaptureQueriesContext

        with override_settings(ALLOWED_HOSTS=["testserver"]):
            c = Client()
            c.force_login(user)
            sesi = c.session
            sesi[SESI] = BEBAS
            sesi.save()
            with CaptureQueriesContext(connection) as ctx:
                c.get(url)
            c.logout()  # its session row deleted
        self.stdout.write(f"\n### {name} ({url}): {len(ctx.captured_queries)} query")
        for q in sorted(ctx.captured_queries, key=lambda q: -float(q["time"]))[:3]:
            self.stdout.write(f"{float(q['time']) * 1000:8.1f} ms  {q['sql'][:600]}")

    def _mulai(self, port: int) -> subprocess.Popen:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.bench",
            # The sessions written here are signed with this process's key.
            "SECRET_KEY": settings.SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": os.environ.get("DATABASE_URL", ""),
        }
        manage = Path(settings.BASE_DIR) / "manage.py"
        cmd = [sys.executable, str(manage), "runserver", f"127.0.0.1:{port}", "--noreload"]
        # The server's log (tracebacks of a 500) goes to a file named on failure.
        self.log = tempfile.NamedTemporaryFile("w+", prefix="benchmark_skala-", delete=False)  # noqa: SIM115 (kept for the report)
        server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=self.log)
        batas = time.monotonic() + 60
        while time.monotonic() < batas:
            if server.poll() is not None:
                raise CommandError(f"server berhenti; lihat {self.log.name}")
            try:
                if self._get(port, POLOS, None)[0] == 200:
                    return server
            except OSError:
                time.sleep(0.3)
        server.terminate()
        raise CommandError("server tidak siap dalam 60 detik")

    def _get(self, port: int, url: str, sesi) -> tuple[int, float, int, int]:
        """One request: (status, ms, bytes over the wire, bytes of the HTML)."""
        h = {"Accept-Encoding": "gzip", "Host": "127.0.0.1"}
        if sesi is not None:
            h["Cookie"] = f"{settings.SESSION_COOKIE_NAME}={sesi.session_key}"
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        t = time.perf_counter()
        c.request("GET", url, headers=h)
        r = c.getresponse()
        isi = r.read()
        ms = (time.perf_counter() - t) * 1000
        c.close()
        html = gzip.decompress(isi) if r.getheader("Content-Encoding") == "gzip" else isi
        return r.status, ms, len(isi), len(html)

    def _ukur(self, port, pages, sesi, opts) -> list[dict]:
        out = []
        for name, user, url in pages:
            s = sesi[user.pk]
            mulai = time.monotonic()
            for _ in range(opts["pemanasan"]):
                status, _, _, _ = self._get(port, url, s)
                if status != 200:
                    raise CommandError(f"{url}: HTTP {status}; log server: {self.log.name}")
            waktu, polos, byte, html = [], [], 0, 0
            for i in range(opts["ulang"]):
                _, ms, byte, html = self._get(port, url, s)
                waktu.append(ms)
                polos.append(self._get(port, POLOS, s)[1])
                if i >= 4 and time.monotonic() - mulai > opts["batas_detik"]:
                    break
            out.append(
                {
                    "halaman": name,
                    "url": url,
                    "n": len(waktu),
                    "p50": _p(waktu, 0.5),
                    "p95": _p(waktu, 0.95),
                    "polos_p95": _p(polos, 0.95),
                    "gzip": byte,
                    "html": html,
                }
            )
            self.stderr.write(f"  {name}: {out[-1]['p95']:.0f} ms")
        return out

    def _cetak(self, n_ksdd: int, hasil: list[dict], opts) -> set[str]:
        """Print the table; the names of the pages over a budget."""
        banding = {}
        if opts["banding"]:
            lama = json.loads(Path(opts["banding"]).read_text())
            banding = {r["halaman"]: r for r in lama["halaman"]}
            self.stdout.write(f"Dibandingkan dengan {lama['ksdd']:,} KSDD ({opts['banding']}).")
        self.stdout.write(f"KSDD di basis data: {n_ksdd:,}; server: runserver, settings bench")
        kepala = (
            f"{'halaman':26} {'n':>3} {'p50 ms':>8} {'p95 ms':>8} {'polos p95':>9} "
            f"{'rasio':>6} {'KB HTML':>9} {'KB gzip':>8}"
        )
        if banding:
            kepala += f" {'KB dulu':>9} {'selisih':>8}"
        self.stdout.write(kepala + "  hasil")
        gagal = set()
        for r in hasil:
            rasio = r["p95"] / r["polos_p95"]
            ok = rasio <= RASIO_MAKS
            baris = (
                f"{r['halaman']:26} {r['n']:3d} {r['p50']:8.1f} {r['p95']:8.1f} "
                f"{r['polos_p95']:9.1f} {rasio:6.1f} {r['html'] / 1024:9.1f} "
                f"{r['gzip'] / 1024:8.1f}"
            )
            if r["halaman"] in banding:
                dulu = banding[r["halaman"]]["html"]
                selisih = (r["html"] - dulu) / dulu
                ok &= abs(selisih) <= SELISIH_BYTE_MAKS
                baris += f" {dulu / 1024:9.1f} {selisih:+8.1%}"
            if not ok:
                gagal.add(r["halaman"])
            self.stdout.write(f"{baris}  {'PASS' if ok else 'FAIL'}")
        self.stdout.write(
            f"Anggaran: p95 ≤ {RASIO_MAKS:g}× p95 view polos ({POLOS}) dalam putaran yang sama"
            + (f"; byte HTML dalam ±{SELISIH_BYTE_MAKS:.0%} byte pembanding." if banding else ".")
        )
        if opts["simpan"]:
            Path(opts["simpan"]).parent.mkdir(parents=True, exist_ok=True)
            Path(opts["simpan"]).write_text(
                json.dumps({"ksdd": n_ksdd, "halaman": hasil}, indent=1)
            )
            self.stdout.write(f"Byte per halaman disimpan di {opts['simpan']}.")
        self.stdout.write("HASIL: FAIL" if gagal else "HASIL: PASS")
        return gagal
