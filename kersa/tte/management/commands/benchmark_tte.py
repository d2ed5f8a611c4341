"""``manage.py benchmark_tte``: time to sign a 4-page PKS as PAdES (visible QR stamp,
TSA timestamp, revocation data embedded: B-LT) and to validate it.

A throw-away PKI (certomancer, dev requirement) is served on 127.0.0.1 for the run, with
its OCSP responder, CRL and timestamp authority; the PKS is the sample one of
``documents.contoh`` with its articles repeated to four pages, converted by LibreOffice.
No database. Prints median and p90 with the budget beside them; exits 1 over budget.
"""

import io
import statistics
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from kersa.documents.contoh import _docx, naskah_paragraf
from kersa.documents.konversi import pdf_dari_docx
from kersa.tte import pdf as tte_pdf
from kersa.tte.penyedia import Pkcs12

BUDGET_TANDA_MS = 3000  # median, one signature with timestamp and revocation data
BUDGET_VALIDASI_MS = 2000  # median, validating it (OCSP/CRL fetched)


def _p90(nilai: list[float]) -> float:
    urut = sorted(nilai)
    return urut[min(len(urut) - 1, round(0.9 * (len(urut) - 1)))]


def pks_empat_halaman() -> bytes:
    """A sample PKS (every required part) as a PDF of exactly four pages."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    dasar = naskah_paragraf("pks")
    pasal = dasar[4:-2]

    def pdf_dengan(n: int) -> tuple[bytes, int]:
        tambahan = [pasal[i % len(pasal)] for i in range(n)]
        pdf = pdf_dari_docx(_docx(dasar[:-2] + tambahan + dasar[-2:]))
        return pdf, len(PdfFileReader(io.BytesIO(pdf)).root["/Pages"]["/Kids"])

    bawah, atas = 0, 400  # paragraphs added; bisect to exactly four pages
    while bawah <= atas:
        tengah = (bawah + atas) // 2
        pdf, halaman = pdf_dengan(tengah)
        if halaman == 4:
            return pdf
        if halaman < 4:
            bawah = tengah + 1
        else:
            atas = tengah - 1
    raise CommandError("PKS contoh tidak mencapai 4 halaman.")


class Command(BaseCommand):
    help = "Mengukur waktu menandatangani (PAdES B-LT) dan memvalidasi PKS 4 halaman."

    def add_arguments(self, parser):
        parser.add_argument("--ulang", type=int, default=5, help="jumlah pengukuran (default 5)")

    def handle(self, *args, **opts):
        try:
            from kersa.tte.tests.pki import PkiUji
        except ImportError as exc:  # certomancer is a dev requirement
            raise CommandError(f"Pasang requirements-dev.txt (certomancer): {exc}") from exc
        from pyhanko.pdf_utils.reader import PdfFileReader

        pki = PkiUji(Path(tempfile.mkdtemp(prefix="kersa-pki-"))).mulai()
        try:
            data = pks_empat_halaman()
            halaman = len(PdfFileReader(io.BytesIO(data)).root["/Pages"]["/Kids"])
            with override_settings(
                KERSA_TTE_AKAR_TEPERCAYA=[str(pki.root_pem)],
                KERSA_TTE_TSA_URL=pki.tsa_url,
                KERSA_TTE_LT=True,
            ):
                penyedia = Pkcs12(pki.p12("bupati"), "sandi-p12")
                tanda_ms, validasi_ms = [], []
                for i in range(opts["ulang"] + 1):  # the first is a warm-up
                    mulai = time.perf_counter()
                    hal, kotak = tte_pdf.letak_kotak(
                        data, cari=["Eddy Raya Samsuri", "PIHAK KESATU"], peran="tanda_tangan", ke=0
                    )
                    hasil = tte_pdf.tanda_tangani(
                        data,
                        penyedia,
                        nama_field="TTE-1",
                        halaman=hal,
                        kotak=kotak,
                        teks="Ditandatangani secara elektronik oleh\n%(signer)s\n%(ts)s",
                        url="http://127.0.0.1:8000/verifikasi/BENCH/",
                        kode="BENCH",
                    )
                    t1 = time.perf_counter()
                    periksa = tte_pdf.validasi(hasil.data)
                    t2 = time.perf_counter()
                    if not (periksa and periksa[0]["sah"]):
                        raise CommandError(f"Tanda tangan tidak sah: {periksa}")
                    if i:
                        tanda_ms.append((t1 - mulai) * 1000)
                        validasi_ms.append((t2 - t1) * 1000)
        finally:
            pki.berhenti()
        baris = [
            ("Tandatangani", tanda_ms, BUDGET_TANDA_MS),
            ("Validasi", validasi_ms, BUDGET_VALIDASI_MS),
        ]
        self.stdout.write(
            f"PKS {halaman} halaman, {len(data)} byte; bertanda {len(hasil.data)} byte"
        )
        self.stdout.write(f"{'Langkah':<16}{'median ms':>11}{'p90 ms':>9}{'anggaran':>10}")
        gagal = False
        for nama, nilai, anggaran in baris:
            med = statistics.median(nilai)
            gagal |= med > anggaran
            tanda = "OK" if med <= anggaran else "LEBIH"
            self.stdout.write(f"{nama:<16}{med:>11.1f}{_p90(nilai):>9.1f}{anggaran:>7} ms  {tanda}")
        self.stdout.write(f"HASIL: {'FAIL' if gagal else 'PASS'}")
        if gagal:
            raise CommandError("Melewati anggaran waktu TTE.")
