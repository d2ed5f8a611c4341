"""``manage.py benchmark_impor``: the time to import a spreadsheet of existing
agreements (P26, ``agreements.impor``), on a throw-away SQLite database as
``benchmark``: ``--baris`` rows (default 2,000) as XLSX, first with 3 bad rows (refused
whole, nothing saved), then without them (every row registered). Not a unit test:
timings depend on the machine."""

import time

import tablib

from kersa.agreements import impor
from kersa.agreements.models import Ksdd
from kersa.demo import skenario

from .benchmark import Command as Benchmark


class Command(Benchmark):
    help = "Mengukur waktu impor KSDD yang telah ditandatangani dari spreadsheet (Pasal 26)."

    def add_arguments(self, parser):
        parser.add_argument("--baris", type=int, default=2000, help="baris (default 2000)")

    def _run(self, opts):
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("muat_data_acuan", "--dengan-perangkat-daerah", verbosity=0)
        pemeran = skenario.pemeran_buat()
        n = opts["baris"]
        rows = [skenario.baris_impor(i) for i in range(1, n + 1)]

        def berkas(rows):
            ds = tablib.Dataset(headers=[k for k, _f, _d in impor.KOLOM])
            for r in rows:
                ds.append([r.get(k, "") for k in ds.headers])
            return ds.export("xlsx")

        buruk = [dict(r) for r in rows]
        buruk[n // 10]["mitra"] = "99.99"
        buruk[n // 2]["kb_berakhir"] = "05-02-2030"
        buruk[n - 1]["pks_berakhir"] = "10-03-2023"
        self.stdout.write(f"{'impor':36} {'baris':>6} {'detik':>8} {'ms/baris':>9} {'hasil':>12}")
        for nama, isi in (
            ("berkas dengan 3 baris salah", berkas(buruk)),
            ("berkas benar", berkas(rows)),
        ):
            t = time.perf_counter()
            hasil = impor.impor_ksdd(
                user=pemeran.sekretariat, dataset=impor.baca_berkas(isi, "ksdd.xlsx")
            )
            detik = time.perf_counter() - t
            ket = (
                f"{len(hasil.kesalahan)} salah"
                if hasil.kesalahan
                else f"{len(hasil.tersimpan)} KSDD"
            )
            self.stdout.write(f"{nama:36} {n:6d} {detik:8.1f} {detik * 1000 / n:9.1f} {ket:>12}")
        self.stdout.write(f"KSDD di basis data: {Ksdd.objects.count()}")
