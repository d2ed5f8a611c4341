"""Hoist KERSA's imports out of functions to the top of their module (issue 17).

An import inside a function hides an edge of the import graph and used to hold an
import cycle open. Once ``scripts/graf_impor.py`` finds no cycle (its graph counts the
imports inside functions too), such an import can move to module level without making
one. This script does that move, and can be run again at any time (after a merge brings
new ones): it is idempotent.

What it moves: an ``import``/``from … import`` of a ``kersa`` module (absolute, or
relative inside ``kersa``) standing directly in a function's body, or in an ``if``/
``with``/``for`` block of it, in a module of ``kersa/`` outside tests and migrations.

What it leaves, and why:

- HackSoft's rule for tasks: a ``tasks`` module imports its own app's services inside
  the task function (the service imports the task at module level);
- ``AppConfig.ready()`` (the registration of signals, checks and schema extensions must
  wait until the app registry is ready);
- an import inside ``try:`` (a fallback), or the only statement of its block;
- an import whose name is already bound at module level to something else (a function,
  a class, another import under the same name), or bound differently by two functions.

After moving, ``ruff check --fix`` (isort, unused imports) and ``ruff format`` tidy the
files; then every changed module is imported in a fresh interpreter after
``django.setup()``, and a module that fails is put back as it was and reported. Run
``scripts/graf_impor.py --simpan`` afterwards to lower the baseline.

Run: ``.venv/bin/python scripts/angkat_impor.py [--kering]`` (``--kering``: list what
would move, change nothing).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
PAKET = AKAR / "kersa"
PY = sys.executable


def _nama_modul(berkas: Path) -> str:
    bagian = list(berkas.relative_to(AKAR).with_suffix("").parts)
    if bagian[-1] == "__init__":
        bagian.pop()
    return ".".join(bagian)


def _modul_diperiksa(nama: str) -> bool:
    bagian = nama.split(".")
    return "tests" not in bagian and "migrations" not in bagian


def _target(modul: str, simpul: ast.Import | ast.ImportFrom, paket: bool) -> list[str]:
    """The absolute module names ``simpul`` imports (empty when not a ``kersa`` one)."""
    if isinstance(simpul, ast.Import):
        return [a.name for a in simpul.names if a.name.split(".")[0] == "kersa"]
    if simpul.level:
        dasar = modul.split(".")
        if not paket:
            dasar = dasar[:-1]
        dasar = dasar[: len(dasar) - (simpul.level - 1)]
        nama = ".".join(dasar + ([simpul.module] if simpul.module else []))
    else:
        nama = simpul.module or ""
    return [nama] if nama.split(".")[0] == "kersa" else []


def _aturan_tugas(modul: str, target: str) -> bool:
    """HackSoft's rule, as in ``graf_impor._aturan_tugas``."""
    if not modul.endswith(".tasks"):
        return False
    app = modul.rsplit(".", 1)[0]
    return target == f"{app}.services" or target.startswith(f"{app}.services.")


def _ikatan(simpul: ast.Import | ast.ImportFrom) -> dict[str, str]:
    """Name bound -> what it is bound to (a key comparing two imports)."""
    hasil = {}
    for a in simpul.names:
        if isinstance(simpul, ast.Import):
            nama = a.asname or a.name.split(".")[0]
            hasil[nama] = f"import {a.name}" + (f" as {a.asname}" if a.asname else "")
        else:
            nama = a.asname or a.name
            hasil[nama] = f"from {'.' * simpul.level}{simpul.module or ''} import {a.name}"
    return hasil


def _nama_tingkat_modul(pohon: ast.Module) -> dict[str, str]:
    """Names bound at module level: imports by what they import, others as ``<def>``."""
    nama: dict[str, str] = {}
    for s in pohon.body:
        if isinstance(s, (ast.Import, ast.ImportFrom)):
            nama.update(_ikatan(s))
        elif isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            nama[s.name] = "<def>"
        else:
            for n in ast.walk(s):
                if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                    nama.setdefault(n.id, "<def>")
                elif isinstance(n, (ast.Import, ast.ImportFrom)):  # inside module-level if/try
                    for k, v in _ikatan(n).items():
                        nama.setdefault(k, v)
    return nama


def _calon(modul: str, berkas: Path) -> tuple[list[ast.stmt], list[str]]:
    """The imports of ``berkas`` to hoist, and the ones left with the reason."""
    teks = berkas.read_text(encoding="utf-8")
    pohon = ast.parse(teks)
    paket = berkas.name == "__init__.py"
    tingkat = _nama_tingkat_modul(pohon)
    angkat: list[ast.stmt] = []
    tinggal: list[str] = []
    baru: dict[str, str] = {}

    def kunjungi(badan: list[ast.stmt], fungsi: str | None, dalam_try: bool) -> None:
        for s in badan:
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
                kunjungi(s.body, s.name, False)
                continue
            if isinstance(s, ast.ClassDef):
                kunjungi(s.body, fungsi, dalam_try)
                continue
            if isinstance(s, (ast.Import, ast.ImportFrom)) and fungsi is not None:
                target = _target(modul, s, paket)
                if not target:
                    continue
                tempat = f"{modul}:{s.lineno} -> {', '.join(target)}"
                alasan = None
                if fungsi == "ready" and modul.endswith(".apps"):
                    alasan = "AppConfig.ready()"
                elif all(_aturan_tugas(modul, t) for t in target):
                    alasan = "aturan tugas HackSoft"
                elif dalam_try:
                    alasan = "di dalam try"
                elif len(badan) == 1:
                    alasan = "satu-satunya pernyataan blok"
                else:
                    for nama, arti in _ikatan(s).items():
                        lama = tingkat.get(nama) or baru.get(nama)
                        if lama is not None and lama != arti:
                            alasan = f"nama {nama!r} sudah terikat di tingkat modul ({lama})"
                            break
                if alasan:
                    tinggal.append(f"{tempat}: {alasan}")
                else:
                    angkat.append(s)
                    baru.update(_ikatan(s))
                continue
            for medan in ("body", "orelse", "finalbody"):
                anak = getattr(s, medan, None)
                if isinstance(anak, list) and anak and isinstance(anak[0], ast.stmt):
                    kunjungi(anak, fungsi, dalam_try or isinstance(s, ast.Try))
            for h in getattr(s, "handlers", []):
                kunjungi(h.body, fungsi, True)

    kunjungi(pohon.body, None, False)
    return angkat, tinggal


def _pindahkan(berkas: Path, angkat: list[ast.stmt]) -> None:
    """Delete the statements ``angkat`` and write them after the module's first imports."""
    baris = berkas.read_text(encoding="utf-8").splitlines(keepends=True)
    pohon = ast.parse("".join(baris))
    teks_impor = []
    hapus: set[int] = set()
    for s in angkat:
        potongan = baris[s.lineno - 1 : s.end_lineno]
        potongan[0] = potongan[0][s.col_offset :]
        teks_impor.append("".join(potongan).rstrip() + "\n")
        hapus.update(range(s.lineno - 1, s.end_lineno))
    # A blank line left between a function's opening (its ``def`` or docstring) and its
    # first statement, where the imports stood, goes too.
    for s in angkat:
        awal, akhir = s.lineno - 1, s.end_lineno
        sebelum = next((baris[j] for j in range(awal - 1, -1, -1) if j not in hapus), "")
        if (
            akhir < len(baris)
            and not baris[akhir].strip()
            and sebelum.rstrip().endswith((":", '"""'))
        ):
            hapus.add(akhir)
    # After the last import of the module's leading block (docstring, __future__, imports).
    sisip = 0
    for s in pohon.body:
        if isinstance(s, (ast.Import, ast.ImportFrom)) or (
            isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant) and sisip == 0
        ):
            sisip = s.end_lineno
        else:
            break
    hasil = []
    for i, b in enumerate(baris):
        if i == sisip:
            hasil.extend(dict.fromkeys(teks_impor))
        if i not in hapus:
            hasil.append(b)
    if sisip >= len(baris):
        hasil.extend(dict.fromkeys(teks_impor))
    berkas.write_text("".join(hasil), encoding="utf-8")


_PROGRAM_IMPOR = """
import importlib, os, sys, traceback
import django
django.setup()
for m in sys.argv[1:]:
    pid = os.fork()
    if pid == 0:
        try:
            importlib.import_module(m)
        except BaseException as exc:  # noqa: BLE001
            print(f"{m}\\t{exc!r}", flush=True)
            os._exit(1)
        os._exit(0)
    os.waitpid(pid, 0)
"""


def _gagal_impor(moduls: list[str]) -> dict[str, str]:
    """Each of ``moduls`` imported on its own after ``django.setup()`` (a forked child of
    one set-up interpreter, as a fresh interpreter would after its setup); the ones that
    fail, with their error."""
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.test")
    r = subprocess.run(
        [PY, "-c", _PROGRAM_IMPOR, *moduls], cwd=AKAR, env=env, capture_output=True, text=True
    )
    if r.returncode:
        return {"django.setup()": (r.stderr.strip().splitlines() or ["?"])[-1]}
    return dict(baris.split("\t", 1) for baris in r.stdout.splitlines() if "\t" in baris)


def _rapikan(berkas: list[Path]) -> None:
    ruff = str(Path(PY).with_name("ruff"))
    nama = [str(b) for b in berkas]
    subprocess.run([ruff, "check", "--fix", "-q", "--select", "I,F401", *nama], cwd=AKAR)
    subprocess.run([ruff, "format", "-q", *nama], cwd=AKAR)


def main(argv: list[str]) -> int:
    kering = "--kering" in argv
    asli: dict[Path, str] = {}
    jumlah = 0
    tinggal_semua: list[str] = []
    for berkas in sorted(PAKET.rglob("*.py")):
        modul = _nama_modul(berkas)
        if not _modul_diperiksa(modul):
            continue
        angkat, tinggal = _calon(modul, berkas)
        tinggal_semua += tinggal
        if not angkat:
            continue
        jumlah += len(angkat)
        for s in angkat:
            print(f"angkat {modul}:{s.lineno}")
        if not kering:
            asli[berkas] = berkas.read_text(encoding="utf-8")
            _pindahkan(berkas, angkat)
    for t in tinggal_semua:
        print(f"tinggal {t}")
    print(f"{jumlah} impor diangkat dari {len(asli)} modul; {len(tinggal_semua)} tinggal")
    if kering or not asli:
        return 0
    _rapikan(list(asli))
    while True:
        gagal = _gagal_impor([_nama_modul(b) for b in asli])
        if not gagal:
            break
        for m, pesan in gagal.items():
            print(f"GAGAL {m}: {pesan}")
        if "django.setup()" in gagal:
            print("django.setup() gagal: periksa berkas di atas dengan tangan", file=sys.stderr)
            return 1
        for berkas in list(asli):
            if _nama_modul(berkas) in gagal:
                berkas.write_text(asli.pop(berkas), encoding="utf-8")
                print(f"dikembalikan {berkas.relative_to(AKAR)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
