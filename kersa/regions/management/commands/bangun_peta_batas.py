"""Rebuild ``kersa/regions/data/batas-62-63.json`` from the boundary SQL files of
cahyadsn/wilayah_boundaries (``db/kab/wilayah_boundaries_kab_62.sql`` and ``_63.sql``)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kersa.regions import batas

COMMIT = "3f35cd5ba96de8e576f3efa53f53cd640392c300"


class Command(BaseCommand):
    help = "Membangun ulang batas-62-63.json (peta dasbor) dari SQL cahyadsn/wilayah_boundaries."

    def add_arguments(self, parser):
        parser.add_argument(
            "sumber",
            nargs="+",
            help="wilayah_boundaries_kab_62.sql dan wilayah_boundaries_kab_63.sql",
        )
        parser.add_argument("--commit", default=COMMIT, help="commit sumber yang dibaca")
        parser.add_argument("--keluaran", default=str(batas.BERKAS))

    def handle(self, *args, sumber, commit, keluaran, **options):
        teks = {}
        for nama in sumber:
            p = Path(nama)
            if not p.is_file():
                raise CommandError(f"Berkas tidak ada: {p}")
            teks[p.name] = p.read_text(encoding="utf-8")
        data = batas.bangun(teks, commit=commit)
        if not data["wilayah"]:
            raise CommandError("Tidak ada baris wilayah 62/63 di berkas sumber.")
        Path(keluaran).write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
        )
        self.stdout.write(f"{len(data['wilayah'])} wilayah → {keluaran}")
