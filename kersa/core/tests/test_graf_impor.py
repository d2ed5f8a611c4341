"""Issue 17: the import graph gets no worse, and every module imports on its own.

``scripts/graf_impor.py`` builds the graph with grimp over every import of ``kersa/``
(those inside functions included) and compares its cycles and its count of imports
inside functions with ``scripts/graf_impor_dasar.json``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parents[3]
_spec = importlib.util.spec_from_file_location("graf_impor", AKAR / "scripts" / "graf_impor.py")
graf_impor = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(graf_impor)


def test_tidak_ada_siklus_impor_baru():
    sekarang = graf_impor.bangun()
    dasar = json.loads(graf_impor.DASAR.read_text(encoding="utf-8"))
    assert graf_impor.periksa(sekarang, dasar) == []
    # The baseline is today's truth, not a ceiling left high: when a cycle is broken or
    # an import moves out of a function, lower it (``graf_impor.py --simpan``).
    assert len(sekarang["impor_dalam_fungsi"]) == dasar["jumlah_impor_dalam_fungsi"], (
        "Impor di dalam fungsi berkurang: turunkan dasar dengan "
        "`.venv/bin/python scripts/graf_impor.py --simpan`."
    )
    assert sekarang["siklus"] == dasar["siklus"], (
        "Siklus impor berubah (mengecil): simpan dasar baru dengan "
        "`.venv/bin/python scripts/graf_impor.py --simpan`."
    )
    # The table of steps is out of every cycle (it imports only choices, models, rules).
    assert not any("kersa.agreements.workflow" in s for s in sekarang["siklus"])


def test_pemeriksa_menangkap_siklus_dan_impor_baru():
    """The check can fail: a planted two-module cycle and one more lazy import are found."""
    tepi = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert graf_impor._komponen_kuat(tepi) == [["a", "b", "c"]]
    dasar = {
        "siklus": [["a", "b"]],
        "jumlah_impor_dalam_fungsi": 1,
        "impor_dalam_fungsi": ["x:1 -> y"],
    }
    sekarang = {"siklus": [["a", "b", "c"]], "impor_dalam_fungsi": ["x:1 -> y", "z:9 -> w"]}
    temuan = graf_impor.periksa(sekarang, dasar)
    assert len(temuan) == 2
    assert "modul yang baru masuk: c" in temuan[0]
    assert "z:9 -> w" in temuan[1]


def test_aturan_tugas_hacksoft():
    """A task importing its own app's service inside the function is no edge; another
    app's service is."""
    assert graf_impor._aturan_tugas("kersa.reporting.tasks", "kersa.reporting.services")
    assert graf_impor._aturan_tugas("kersa.agreements.tasks", "kersa.agreements.services.ksdd")
    assert not graf_impor._aturan_tugas("kersa.agreements.tasks", "kersa.notifications.services")
    assert not graf_impor._aturan_tugas("kersa.agreements.views", "kersa.agreements.services")


def test_setiap_modul_dapat_diimpor_di_interpreter_baru():
    """Every module of ``kersa/`` (tests and migrations aside, as in the graph) imports in
    a fresh interpreter, leaves before packages: a module that works only when something
    else was imported first fails here. (Order-dependent cycles are the graph's check.)"""
    program = """
import importlib, pkgutil, sys
import django
django.setup()
import kersa
nama = sorted(
    m.name for m in pkgutil.walk_packages(kersa.__path__, "kersa.")
    if ".migrations" not in m.name and ".tests" not in m.name
)
nama.reverse()
gagal = []
for n in nama:
    try:
        importlib.import_module(n)
    except Exception as exc:  # noqa: BLE001
        gagal.append(f"{n}: {exc!r}")
print(len(nama))
print("\\n".join(gagal))
sys.exit(1 if gagal else 0)
"""
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="config.settings.test")
    hasil = subprocess.run(
        [sys.executable, "-c", program], cwd=AKAR, env=env, capture_output=True, text=True
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    assert int(hasil.stdout.split()[0]) > 300
