"""``manage.py pindai_tenggat [--tanggal YYYY-MM-DD] [--antrekan]``: the clock scan.

Without options the scan runs now, in this process (for cron). ``--antrekan`` puts
the scan on the django-tasks queue instead: ``db_worker`` runs it and it then
re-queues itself daily at 00:05 Asia/Jakarta (``scripts/run.sh`` does this).
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from kersa.deadlines.pekerja import tenggat_pindai
from kersa.deadlines.tasks import pindai_antrekan_sekarang


class Command(BaseCommand):
    help = "Memindai tenggat: menerapkan akibat tenggat yang lewat dan memulai tenggat berkala."

    def add_arguments(self, parser):
        parser.add_argument("--tanggal", help="Pindai per tanggal ini (YYYY-MM-DD).")
        parser.add_argument(
            "--antrekan",
            action="store_true",
            help="Masukkan pemindaian ke antrean pekerja (db_worker) alih-alih menjalankannya.",
        )

    def handle(self, *args, tanggal=None, antrekan=False, **options):
        if antrekan:
            hasil = pindai_antrekan_sekarang()
            self.stdout.write(
                "Pemindaian tenggat dimasukkan ke antrean."
                if hasil
                else "Pemindaian tenggat sudah menunggu di antrean."
            )
            return
        try:
            hari_ini = dt.date.fromisoformat(tanggal) if tanggal else None
        except ValueError as exc:
            raise CommandError("Format --tanggal: YYYY-MM-DD") from exc
        hasil = tenggat_pindai(hari_ini=hari_ini)
        self.stdout.write(
            "Terlewat: {terlewat}, tugas dibuka: {tugas}, persetujuan DPRD dianggap: "
            "{dianggap}, tenggat berkala dimulai: {dimulai}, gagal: {gagal}".format(
                **hasil.as_dict()
            )
        )
