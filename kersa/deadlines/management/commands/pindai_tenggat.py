"""``manage.py pindai_tenggat [--tanggal YYYY-MM-DD] [--antrekan]``: the clock scan.

Without options the full daily scan (``pekerja.pindai_harian``: due clocks, periodic
clocks and the day's reminders, the same function as the queued task) runs now, in
this process: the form for cron or a systemd timer. It is idempotent, so a timer that
fires twice, or a timer beside the worker's own schedule, acts once.
``--antrekan`` puts today's scan on the queue instead (once per date): the worker
(``jalankan_pekerja``) runs it and it queues the next one daily at 00:05
Asia/Jakarta (``scripts/run.sh`` does this).
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from kersa.deadlines.pekerja import pindai_harian
from kersa.deadlines.tasks import pindai_antrekan_sekarang


class Command(BaseCommand):
    help = "Memindai tenggat: menerapkan akibat tenggat yang lewat dan memulai tenggat berkala."

    def add_arguments(self, parser):
        parser.add_argument("--tanggal", help="Pindai per tanggal ini (YYYY-MM-DD).")
        parser.add_argument(
            "--antrekan",
            action="store_true",
            help="Masukkan pemindaian hari ini ke antrean pekerja (jalankan_pekerja) alih-alih menjalankannya.",
        )

    def handle(self, *args, tanggal=None, antrekan=False, **options):
        if antrekan:
            hasil = pindai_antrekan_sekarang()
            self.stdout.write(
                "Pemindaian tenggat dimasukkan ke antrean."
                if hasil
                else "Pemindaian tenggat hari ini sudah diantrekan."
            )
            return
        try:
            hari_ini = dt.date.fromisoformat(tanggal) if tanggal else None
        except ValueError as exc:
            raise CommandError("Format --tanggal: YYYY-MM-DD") from exc
        hasil = pindai_harian(hari_ini=hari_ini)
        self.stdout.write(
            "Terlewat: {terlewat}, tugas dibuka: {tugas}, persetujuan DPRD dianggap: "
            "{dianggap}, tenggat berkala dimulai: {dimulai}, pengingat: {pengingat}, "
            "ditahan (kalender perkiraan): {ditahan}, gagal: {gagal}".format(**hasil.as_dict())
        )
