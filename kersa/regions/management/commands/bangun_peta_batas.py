"""Rebuild the dashboard map's geometry (see ``kersa/regions/data/BATAS-LICENSE.md``):

- ``batas-62-63.json`` from the boundary SQL files of cahyadsn/wilayah_boundaries
  (``db/kab/wilayah_boundaries_kab_62.sql`` and ``_63.sql``), given as arguments;
- ``peta-nasional.json`` from ``--garis-negara`` (johan/world.geo.json
  ``countries/IDN.geo.json``) and ``--titik`` (laravolt/indonesia ``resources/csv/cities.csv``),
  matched to the regions of the ``Wilayah`` table."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kersa.regions import batas, nasional
from kersa.regions.models import Wilayah

COMMIT = "3f35cd5ba96de8e576f3efa53f53cd640392c300"
SUMBER_NASIONAL = {
    "garis": {
        "repo": "https://github.com/johan/world.geo.json",
        "berkas": "countries/IDN.geo.json",
        "commit": "261b1500c01980a35d98b5e6533be03673dc708c",
        "lisensi": "Unlicense",
    },
    "titik": {
        "repo": "https://github.com/laravolt/indonesia",
        "berkas": "resources/csv/cities.csv",
        "commit": "11baec70094eb8f74ac152f2e1165a85c8891f19",
        "lisensi": "MIT, Copyright (c) 2016 Laravolt, (c) 2022 Kode Pandai",
    },
}


def _baca(nama: str) -> str:
    p = Path(nama)
    if not p.is_file():
        raise CommandError(f"Berkas tidak ada: {p}")
    return p.read_text(encoding="utf-8")


def _tulis(data: dict, keluaran: str) -> None:
    Path(keluaran).write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )


class Command(BaseCommand):
    help = "Membangun ulang geometri peta dasbor (batas-62-63.json, peta-nasional.json)."

    def add_arguments(self, parser):
        parser.add_argument(
            "sumber",
            nargs="*",
            help="wilayah_boundaries_kab_62.sql dan wilayah_boundaries_kab_63.sql",
        )
        parser.add_argument("--commit", default=COMMIT, help="commit sumber SQL yang dibaca")
        parser.add_argument("--keluaran", default=str(batas.BERKAS))
        parser.add_argument("--garis-negara", help="countries/IDN.geo.json (johan/world.geo.json)")
        parser.add_argument("--titik", help="resources/csv/cities.csv (laravolt/indonesia)")
        parser.add_argument("--keluaran-nasional", default=str(nasional.BERKAS))

    def handle(self, *args, sumber, commit, keluaran, **options):
        if not sumber and not (options["garis_negara"] and options["titik"]):
            raise CommandError("Beri berkas SQL 62/63, atau --garis-negara dan --titik.")
        if sumber:
            teks = {Path(nama).name: _baca(nama) for nama in sumber}
            data = batas.bangun(teks, commit=commit)
            if not data["wilayah"]:
                raise CommandError("Tidak ada baris wilayah 62/63 di berkas sumber.")
            _tulis(data, keluaran)
            self.stdout.write(f"{len(data['wilayah'])} wilayah → {keluaran}")
        if options["garis_negara"] and options["titik"]:
            wilayah = list(Wilayah.objects.values_list("kode", "nama", "jenis"))
            if not wilayah:
                raise CommandError("Tabel wilayah kosong: jalankan muat_data_acuan dahulu.")
            data = nasional.bangun(
                json.loads(_baca(options["garis_negara"])),
                _baca(options["titik"]),
                wilayah,
                sumber=SUMBER_NASIONAL,
            )
            _tulis(data, options["keluaran_nasional"])
            self.stdout.write(
                f"{len(data['titik'])} titik, {len(data['tanpa_titik'])} tanpa titik, "
                f"{len(data['tak_cocok'])} baris sumber tak cocok → {options['keluaran_nasional']}"
            )
