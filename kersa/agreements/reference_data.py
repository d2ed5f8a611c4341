"""Idempotent loading of the regulation's reference lists from ``agreements/data``.

- ``urusan.json``: the 31 urusan of Pasal 5 ayat (4) in three groups (P5-4);
- ``bentuk.json``: the 9 forms of Pasal 9 with their definitions (P9-a…i);
- ``tujuan.json``: the 5 goals of Pasal 3 (P3).
"""

import json
from pathlib import Path

from django.db import models, transaction

from .choices import KelompokUrusan
from .models import Bentuk, Tujuan, Urusan

__all__ = ["DATA_DIR", "acuan_muat"]

DATA_DIR = Path(__file__).resolve().parent / "data"


def _baca(nama_berkas: str, kunci: str) -> list[dict]:
    return json.loads((DATA_DIR / nama_berkas).read_text(encoding="utf-8"))[kunci]


def _upsert(model: type[models.Model], rows: list[dict]) -> int:
    """Create or update rows keyed by ``kode``; save only what changed.

    Returns the number of rows created or changed (0 on a repeated run).
    """
    ada = {obj.kode: obj for obj in model.objects.filter(kode__in=[r["kode"] for r in rows])}
    ditulis = 0
    for row in rows:
        values = {k: v for k, v in row.items() if k != "kode" and not k.startswith("_")}
        obj = ada.get(row["kode"])
        if obj is None:
            model.objects.create(kode=row["kode"], **values)
            ditulis += 1
            continue
        berubah = [f for f, v in values.items() if getattr(obj, f) != v]
        if berubah:
            for f in berubah:
                setattr(obj, f, values[f])
            obj.save(update_fields=berubah)
            ditulis += 1
    return ditulis


@transaction.atomic
def acuan_muat() -> dict[str, int]:
    """Load urusan, bentuk and tujuan (update or create by ``kode``); safe to run twice.

    Returns the number of rows of each list and, under ``ditulis``, how many rows
    were created or changed.
    """
    urusan = _baca("urusan.json", "urusan")
    bentuk = _baca("bentuk.json", "bentuk")
    tujuan = _baca("tujuan.json", "tujuan")

    salah = [u["kode"] for u in urusan if u["kelompok"] not in KelompokUrusan.values]
    if salah:
        raise ValueError(f"Kelompok urusan tidak dikenal pada: {', '.join(salah)}")

    ditulis = _upsert(Urusan, urusan) + _upsert(Bentuk, bentuk) + _upsert(Tujuan, tujuan)
    return {
        "urusan": len(urusan),
        "bentuk": len(bentuk),
        "tujuan": len(tujuan),
        "ditulis": ditulis,
    }
