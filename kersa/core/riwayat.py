"""History the database keeps (Pasal 13; P13, P26): a history row is written once and
never changed nor deleted, refused by the database itself on PostgreSQL.

``pgtrigger.Protect`` triggers are installed by each app's ``*_riwayat_pgtrigger``
migration. On SQLite the trigger operations are no-ops (pgtrigger only migrates on
PostgreSQL), so the embedded default keeps the ORM guards alone.

A test that must rewrite a history row (e.g. to move a date into the past) does so
inside ``pgtrigger.ignore("app.Model:riwayat_tetap")``.
"""

from __future__ import annotations

import pgtrigger
from simple_history.models import HistoricalRecords

__all__ = ["HistoricalRecordsTetap", "NAMA_PEMICU", "riwayat_tetap"]

NAMA_PEMICU = "riwayat_tetap"


def riwayat_tetap(name: str = NAMA_PEMICU) -> pgtrigger.Protect:
    """A trigger refusing every UPDATE and DELETE of the table's rows (P13)."""
    return pgtrigger.Protect(name=name, operation=pgtrigger.Update | pgtrigger.Delete)


class HistoricalRecordsTetap(HistoricalRecords):
    """simple_history's generated ``Historical*`` model with the same trigger: a
    historical record is appended, never rewritten nor removed (P13).

    Consequences (docs/deployment.md): a user with historical records is deactivated,
    not deleted (``history_user`` would be set to NULL, an UPDATE); simple_history's
    ``clean_duplicate_history``/``clean_old_history`` commands are refused.
    """

    def get_meta_options(self, model):
        meta = super().get_meta_options(model)
        meta["triggers"] = [riwayat_tetap()]
        return meta
