"""``manage.py benchmark_dokumen``: time to generate a PKS as DOCX and to convert it to PDF.

Runs on a throw-away SQLite database with one KSDD (two partners) driven through
the real services to pelaksanaan, then generates its PKS ``--ulang`` times
(reading the record and rendering the template, as ``dokumen_hasilkan`` does) and
converts it ``--konversi`` times with LibreOffice. Prints median and p90 with the
budget beside them; exits 1 when the DOCX budget is exceeded. Not a unit test:
timings depend on the machine.
"""

import statistics
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.test.utils import override_settings

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status, ksdd_baru, pemeran_buat
from kersa.documents.choices import JenisDokumen
from kersa.documents.konteks import konteks_bangun
from kersa.documents.konversi import pdf_dari_docx
from kersa.documents.services.isi import docx_render
from kersa.regions.models import Wilayah

BUDGET_DOCX_MS = 150  # median, generate one PKS DOCX
BUDGET_PDF_MS = 5000  # median, one LibreOffice conversion (STACK.md: ~0.8 s on a warm disk)


def _p90(nilai: list[float]) -> float:
    urut = sorted(nilai)
    return urut[min(len(urut) - 1, round(0.9 * (len(urut) - 1)))]


class Command(BaseCommand):
    help = "Mengukur waktu pembuatan DOCX PKS dan konversinya ke PDF."

    def add_arguments(self, parser):
        parser.add_argument("--ulang", type=int, default=30, help="pembuatan DOCX (default 30)")
        parser.add_argument("--konversi", type=int, default=3, help="konversi PDF (default 3)")

    def handle(self, *args, **opts):
        tmp = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        db = {
            **settings.DATABASES["default"],
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(tmp),
        }
        db.pop("OPTIONS", None)
        connections.close_all()
        asli = connections.settings
        # The connection handler caches its settings: point it at the throw-away file.
        connections.settings = connections.configure_settings({"default": db})
        del connections["default"]
        try:
            with override_settings(
                PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
                TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
                MEDIA_ROOT=str(tmp.parent / "media"),
            ):
                gagal = self._run(opts)
        finally:
            connections.close_all()
            connections.settings = asli
            del connections["default"]
        if gagal:
            raise CommandError(f"Melewati anggaran {BUDGET_DOCX_MS} ms untuk DOCX PKS.")

    def _run(self, opts) -> bool:

        call_command("migrate", verbosity=0)
        call_command("muat_data_acuan", "--dengan-perangkat-daerah", verbosity=0)
        pemeran = pemeran_buat()
        mitra = list(Wilayah.objects.filter(kode__in=["62.13", "62.03"]))
        ksdd = ke_status(ksdd_baru(pemeran, mitra=mitra), Status.PELAKSANAAN, pemeran)

        def sekali() -> bytes:
            konteks = konteks_bangun(ksdd=ksdd, jenis=JenisDokumen.PKS, nomor="000.3/1/PKS/2026")
            return docx_render(JenisDokumen.PKS, konteks)

        data = sekali()  # warm-up: templates, fonts, imports
        docx_ms = []
        for _ in range(opts["ulang"]):
            mulai = time.perf_counter()
            data = sekali()
            docx_ms.append((time.perf_counter() - mulai) * 1000)
        pdf_ms = []
        for _ in range(opts["konversi"]):
            mulai = time.perf_counter()
            pdf = pdf_dari_docx(data)
            pdf_ms.append((time.perf_counter() - mulai) * 1000)
        med_docx, med_pdf = statistics.median(docx_ms), statistics.median(pdf_ms)
        baris = [
            ("Buat DOCX PKS", med_docx, _p90(docx_ms), BUDGET_DOCX_MS, len(data)),
            ("Konversi PDF", med_pdf, _p90(pdf_ms), BUDGET_PDF_MS, len(pdf)),
        ]
        self.stdout.write(
            f"{'Langkah':<16}{'median ms':>11}{'p90 ms':>9}{'anggaran':>10}{'byte':>9}"
        )
        for nama, med, p90, anggaran, ukuran in baris:
            tanda = "OK" if med <= anggaran else "LEBIH"
            self.stdout.write(
                f"{nama:<16}{med:>11.1f}{p90:>9.1f}{anggaran:>7} ms{ukuran:>9}  {tanda}"
            )
        return med_docx > BUDGET_DOCX_MS
