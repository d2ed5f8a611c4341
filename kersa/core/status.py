"""One way to move a record's status: a table of allowed moves and ``pindah()``.

Every record with a status other than the KSDD (whose steps run through
``agreements.langkah``) declares an ``Alur`` next to its status choices and names it on
its model (``alur = ALUR_RAPAT``). Its services never flip the status by hand: they call

    pindah(rapat, StatusRapat.BATAL, oleh=user, alasan=alasan)

which locks the row (``select_for_update``), reads the status the database holds,
refuses a move the table does not list with a ``RuleViolation`` naming the Pasal, saves
the record and writes its history row (``core.models.RiwayatStatus``: from, to, who,
when, why, rule). The first row of a new record is ``catat_awal()``. A table and a
function, not a framework (issue 17, item 4).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from django.db import models, transaction

from .errors import Pelanggaran, RuleViolation

__all__ = ["AWAL", "Alur", "catat_awal", "pindah"]

AWAL = ""  # ``dari`` of the first history row: the record was just recorded


@dataclass(frozen=True)
class Alur:
    """The allowed moves of one record's status.

    ``gerak`` maps (from, to) to the rule of RULES.md that allows the move; from ``""``
    is the status a record is recorded in; a move to the same status is an event kept
    in the history (e.g. a settlement reported to the Bupati). ``tolak`` maps a target
    status to the refusal of any move into it that ``gerak`` does not list, in Bahasa
    Indonesia with the Pasal; ``%(dari)s`` is the current status (its label, first
    letter in lower case).
    ``keadaan`` reads the status of a record that keeps it in other columns (a
    membership is ended when it has an end date); ``field`` names the status column
    otherwise."""

    gerak: Mapping[tuple[str, str], str]
    tolak: Mapping[str, str]
    field: str = "status"
    keadaan: Callable[[models.Model], str] | None = None
    riwayat: str = "riwayat"

    def baca(self, obj: models.Model) -> str:
        return self.keadaan(obj) if self.keadaan else getattr(obj, self.field)

    def rule(self, dari: str, ke: str) -> str | None:
        """The rule allowing the move, None when the table does not list it."""
        return self.gerak.get((dari, ke))

    def hambatan(self, obj: models.Model, dari: str, ke: str) -> list[Pelanggaran]:
        if (dari, ke) in self.gerak:
            return []
        # The refusal cites the rule of the moves into ``ke`` (a move, before a start).
        masuk = sorted(((d == AWAL, r) for (d, k), r in self.gerak.items() if k == ke))
        rule = masuk[0][1] if masuk else next(iter(self.gerak.values()))
        return [Pelanggaran(rule, str(self.tolak[ke]) % {"dari": _label(obj, self, dari)})]


def _label(obj: models.Model, alur: Alur, status: str) -> str:
    choices = dict(_model_riwayat(obj, alur)[0]._meta.get_field("ke").flatchoices)
    label = str(choices.get(status, status))
    return label[:1].lower() + label[1:]


def _model_riwayat(obj: models.Model, alur: Alur) -> tuple[type[models.Model], str]:
    """The history model of ``obj`` and the name of its link to ``obj``."""
    rel = obj._meta.get_field(alur.riwayat)
    return rel.related_model, rel.field.name


def _tulis(obj, alur: Alur, *, dari: str, ke: str, oleh, rule: str, alasan: str, **data):
    model, fk = _model_riwayat(obj, alur)
    return model.objects.create(
        **{fk: obj}, dari=dari, ke=ke, oleh=oleh, rule=rule, alasan=alasan, **data
    )


def pindah(
    obj: models.Model,
    ke: str,
    *,
    oleh,
    rule: str | None = None,
    alasan: str = "",
    simpan: Iterable[str] | None = None,
    **data,
):
    """Move ``obj`` to status ``ke``: lock its row, check the move against its table
    (``type(obj).alur``), save it and write the history row. Returns the history row.

    ``rule`` defaults to the table's rule for the move. ``simpan`` lists the other
    columns the caller changed on ``obj`` (saved with the status); None saves the whole
    record. ``data`` are further columns of the history row (a membership's ``tanggal``).
    A refused move raises ``RuleViolation`` and saves nothing."""
    alur: Alur = type(obj).alur
    with transaction.atomic():
        terkunci = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
        dari = alur.baca(terkunci)
        found = alur.hambatan(obj, dari, ke)
        if found:
            raise RuleViolation(found)
        if alur.keadaan is None:
            setattr(obj, alur.field, ke)
        if simpan is None:
            obj.save()
        else:
            fields = list(simpan) + ([alur.field] if alur.keadaan is None else [])
            if fields:
                obj.save(update_fields=fields)
        if alur.baca(obj) != ke:
            raise ValueError(f"{obj!r}: status {alur.baca(obj)!r} after moving to {ke!r}")
        return _tulis(
            obj,
            alur,
            dari=dari,
            ke=ke,
            oleh=oleh,
            rule=rule or alur.rule(dari, ke),
            alasan=alasan,
            **data,
        )


def catat_awal(
    obj: models.Model,
    *,
    oleh,
    ke: str | None = None,
    rule: str | None = None,
    alasan: str = "",
    **data,
):
    """The first history row of a record just created, in the status its table allows a
    record to start in (``("", status)`` in ``gerak``)."""
    alur: Alur = type(obj).alur
    ke = alur.baca(obj) if ke is None else ke
    tolak = alur.hambatan(obj, AWAL, ke)
    if tolak:
        raise RuleViolation(tolak)
    return _tulis(
        obj,
        alur,
        dari=AWAL,
        ke=ke,
        oleh=oleh,
        rule=rule or alur.rule(AWAL, ke),
        alasan=alasan,
        **data,
    )
