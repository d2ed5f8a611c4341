"""The import graph of ``kersa``: its cycles and the imports placed inside functions.

Issue 17 asks that no import inside a function be needed to break a cycle. This script
measures how far the code is from that, and keeps it from getting worse:

- the graph is grimp's (the library behind import-linter, which runs the layer
  contracts in ``.importlinter``), built over every ``import`` in ``kersa/`` outside
  tests and migrations, *including* the ones inside functions: an import moved into a
  function to dodge a cycle still counts as the edge it is;
- one exception is HackSoft's rule for tasks: a ``tasks`` module may import its own
  app's services inside the task function (the service imports the task at module
  level), so that edge is left out;
- a cycle is a strongly connected component of more than one module (Tarjan; grimp
  finds chains between two modules, not components);
- ``graf_impor_dasar.json`` beside this file records today's cycles and the count of
  imports inside functions. ``--periksa`` fails when a module joins a cycle, a new cycle
  appears, or the count grows. When the code gets better, run with ``--simpan`` to
  lower the baseline (the test says so).

Run: ``.venv/bin/python scripts/graf_impor.py [--periksa | --simpan]``.
"""

from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import grimp

AKAR = Path(__file__).resolve().parent.parent
DASAR = Path(__file__).with_name("graf_impor_dasar.json")
PAKET = "kersa"


def _modul_diperiksa(nama: str) -> bool:
    bagian = nama.split(".")
    return "tests" not in bagian and "migrations" not in bagian


def _berkas(modul: str) -> Path:
    jalur = AKAR.joinpath(*modul.split("."))
    return jalur / "__init__.py" if jalur.is_dir() else jalur.with_suffix(".py")


def _baris_impor_dalam_fungsi(modul: str) -> set[int]:
    """Line numbers of the imports that sit inside a function or method of ``modul``."""
    pohon = ast.parse(_berkas(modul).read_text(encoding="utf-8"))
    baris: set[int] = set()
    for simpul in ast.walk(pohon):
        if isinstance(simpul, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for dalam in ast.walk(simpul):
                if isinstance(dalam, (ast.Import, ast.ImportFrom)):
                    baris.add(dalam.lineno)
    return baris


def _aturan_tugas(importer: str, imported: str) -> bool:
    """HackSoft's rule: ``app.tasks`` imports ``app.services…`` inside its function."""
    if not importer.endswith(".tasks"):
        return False
    app = importer.rsplit(".", 1)[0]
    return imported == f"{app}.services" or imported.startswith(f"{app}.services.")


def bangun() -> dict:
    """The graph's edges, its cycles and the count of imports inside functions."""
    graf = grimp.build_graph(PAKET, cache_dir=None)
    modul = sorted(m for m in graf.modules if _modul_diperiksa(m))
    tepi: dict[str, set[str]] = {m: set() for m in modul}
    dalam_fungsi: list[str] = []
    for importer in modul:
        baris_fungsi = _baris_impor_dalam_fungsi(importer)
        for imported in graf.find_modules_directly_imported_by(importer):
            if imported not in tepi or imported == importer:
                continue
            rincian = graf.get_import_details(importer=importer, imported=imported)
            di_fungsi = [r for r in rincian if r["line_number"] in baris_fungsi]
            for r in di_fungsi:
                dalam_fungsi.append(f"{importer}:{r['line_number']} -> {imported}")
            if di_fungsi and len(di_fungsi) == len(rincian) and _aturan_tugas(importer, imported):
                continue
            tepi[importer].add(imported)
    return {
        "modul": len(modul),
        "siklus": _komponen_kuat(tepi),
        "impor_dalam_fungsi": sorted(dalam_fungsi),
    }


def _komponen_kuat(tepi: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components of more than one module, iteratively."""
    indeks: dict[str, int] = {}
    rendah: dict[str, int] = {}
    tumpukan: list[str] = []
    di_tumpukan: set[str] = set()
    hasil: list[list[str]] = []
    hitung = 0
    for awal in sorted(tepi):
        if awal in indeks:
            continue
        kerja = [(awal, iter(sorted(tepi[awal])))]
        indeks[awal] = rendah[awal] = hitung
        hitung += 1
        tumpukan.append(awal)
        di_tumpukan.add(awal)
        while kerja:
            v, anak = kerja[-1]
            maju = False
            for w in anak:
                if w not in indeks:
                    indeks[w] = rendah[w] = hitung
                    hitung += 1
                    tumpukan.append(w)
                    di_tumpukan.add(w)
                    kerja.append((w, iter(sorted(tepi[w]))))
                    maju = True
                    break
                if w in di_tumpukan:
                    rendah[v] = min(rendah[v], indeks[w])
            if maju:
                continue
            kerja.pop()
            if kerja:
                rendah[kerja[-1][0]] = min(rendah[kerja[-1][0]], rendah[v])
            if rendah[v] == indeks[v]:
                komponen = []
                while True:
                    w = tumpukan.pop()
                    di_tumpukan.discard(w)
                    komponen.append(w)
                    if w == v:
                        break
                if len(komponen) > 1:
                    hasil.append(sorted(komponen))
    return sorted(hasil)


def periksa(sekarang: dict, dasar: dict) -> list[str]:
    """What got worse against the baseline, one line per finding (empty: no worse)."""
    temuan = []
    for siklus in sekarang["siklus"]:
        if not any(set(siklus) <= set(lama) for lama in dasar["siklus"]):
            baru = sorted(set(siklus) - set().union(*map(set, dasar["siklus"])))
            temuan.append(
                f"Siklus impor baru atau lebih besar ({len(siklus)} modul): "
                f"{', '.join(siklus)}"
                + (f"; modul yang baru masuk: {', '.join(baru)}" if baru else "")
            )
    if len(sekarang["impor_dalam_fungsi"]) > dasar["jumlah_impor_dalam_fungsi"]:
        lama = set(dasar.get("impor_dalam_fungsi", []))
        tambah = [i for i in sekarang["impor_dalam_fungsi"] if i not in lama]
        temuan.append(
            f"Impor di dalam fungsi bertambah: {len(sekarang['impor_dalam_fungsi'])} "
            f"(dasar {dasar['jumlah_impor_dalam_fungsi']}); yang baru: {', '.join(tambah[:10])}"
        )
    return temuan


def _simpan(sekarang: dict) -> None:
    DASAR.write_text(
        json.dumps(
            {
                "siklus": sekarang["siklus"],
                "jumlah_impor_dalam_fungsi": len(sekarang["impor_dalam_fungsi"]),
                "impor_dalam_fungsi": sekarang["impor_dalam_fungsi"],
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(AKAR))
    sekarang = bangun()
    ukuran = [len(s) for s in sekarang["siklus"]]
    print(
        f"{sekarang['modul']} modul; {len(sekarang['siklus'])} siklus (ukuran {ukuran}); "
        f"{len(sekarang['impor_dalam_fungsi'])} impor di dalam fungsi"
    )
    if "--simpan" in argv:
        _simpan(sekarang)
        print(f"Dasar disimpan di {DASAR.relative_to(AKAR)}")
        return 0
    if "--periksa" in argv:
        temuan = periksa(sekarang, json.loads(DASAR.read_text(encoding="utf-8")))
        for t in temuan:
            print(t)
        return 1 if temuan else 0
    for siklus in sekarang["siklus"]:
        print(f"- {len(siklus)}: {', '.join(siklus)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
