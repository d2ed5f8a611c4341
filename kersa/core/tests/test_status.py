"""One ``pindah()`` for every record with a status (issue 17 item 4): each record's table
of allowed moves is complete, every history model has one time field (``pada``) and a
``rule``, and no service flips a status or writes a history row by hand."""

from __future__ import annotations

import ast
import pathlib

import pytest
from django.apps import apps

from kersa.core.models import RiwayatStatus
from kersa.core.status import AWAL, Alur

AKAR = pathlib.Path(__file__).resolve().parents[2]

# The seven records (the KSDD runs its steps through agreements.langkah).
TUJUH = {
    "governance.Rapat",
    "oversight.Perselisihan",
    "oversight.MonitoringEvaluasi",
    "planning.Identifikasi",
    "reporting.LaporanSemester",
    "reporting.LaporanTkksd",
    "oversight.KeanggotaanAsosiasi",
}


def _dengan_alur():
    return {
        m._meta.label: m for m in apps.get_models() if isinstance(getattr(m, "alur", None), Alur)
    }


def test_every_record_with_a_status_history_declares_its_moves():
    assert set(_dengan_alur()) == TUJUH
    riwayat = {m._meta.label for m in apps.get_models() if issubclass(m, RiwayatStatus)}
    assert riwayat == {
        m._meta.get_field("riwayat").related_model._meta.label for m in _dengan_alur().values()
    }


@pytest.mark.parametrize("label", sorted(TUJUH))
def test_the_table_of_moves_is_complete(label):
    model = apps.get_model(label)
    alur: Alur = model.alur
    status = {v for v, _ in model._meta.get_field("riwayat").related_model.ke.field.choices}
    assert {ke for _, ke in alur.gerak} <= status
    assert {dari for dari, _ in alur.gerak} <= status | {AWAL}
    assert any(dari == AWAL for dari, _ in alur.gerak), "a record starts somewhere"
    # Every status a move may be refused into has its refusal, naming the Pasal.
    assert set(alur.tolak) == status
    for pesan in alur.tolak.values():
        assert "Pasal" in str(pesan)
    for rule in alur.gerak.values():
        assert rule.startswith("P")


def test_history_rows_have_one_time_field_and_a_rule():
    for model in apps.get_models():
        if issubclass(model, RiwayatStatus):
            names = {f.name for f in model._meta.get_fields()}
            assert {"pada", "rule", "dari", "ke", "oleh", "alasan"} <= names, model
            assert "waktu" not in names, model


def _berkas_layanan():
    for app in ("governance", "oversight", "planning", "reporting"):
        base = AKAR / app
        yield from (base / "services").glob("*.py") if (base / "services").is_dir() else ()
        if (base / "services.py").exists():
            yield base / "services.py"


NAMA_RIWAYAT = {
    "RiwayatRapat",
    "RiwayatPerselisihan",
    "RiwayatMonev",
    "RiwayatIdentifikasi",
    "RiwayatLaporanSemester",
    "RiwayatLaporanTkksd",
    "RiwayatKeanggotaan",
}


def test_no_service_flips_a_status_by_hand():
    """The services of the seven records move a status only through ``pindah()``: no
    ``x.status = …`` (a finding's follow-up and the worker's report run keep theirs: they
    have no history of their own) and no history row created directly."""
    tangan = []
    berkas = list(_berkas_layanan())
    assert len(berkas) > 5
    for path in berkas:
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for t in node.targets:
                    if (
                        isinstance(t, ast.Attribute)
                        and t.attr == "status"
                        and not (isinstance(t.value, ast.Name) and t.value.id == "temuan")
                    ):
                        tangan.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Name) and node.id in NAMA_RIWAYAT:
                tangan.append(f"{path.name}:{node.lineno} {node.id}")
    assert tangan == []
