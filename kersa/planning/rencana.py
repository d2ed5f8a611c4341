"""Whether a KSDD's object is in a year's plan: read by the agreements' step table
(``agreements.prasyarat``) and the clocks (``deadlines.pemicu``), and by this room's
selectors. Apart from ``selectors`` because it imports only this room's models: the
step table reads it, and ``selectors`` reads the agreements' visibility, so one
module holding both would close an import cycle."""

from __future__ import annotations

from .choices import StatusIdentifikasi
from .models import Identifikasi


def dalam_rencana_tahun(ksdd, tahun: int) -> bool:
    """P18-1 / P17-4: is the object of ``ksdd`` in the KSDD plan of ``tahun``?

    Yes when the KSDD carries an item (``butir_rencana``) of a list that is set
    (DITETAPKAN) for plan year ``tahun``. A KSDD with no plan item falls back to its
    ``dalam_rencana`` flag: records entered before the plan lists existed.
    """
    if ksdd.butir_rencana_id is None:
        return bool(ksdd.dalam_rencana)
    return Identifikasi.objects.filter(
        butir__pk=ksdd.butir_rencana_id,
        status=StatusIdentifikasi.DITETAPKAN,
        tahun_rencana=tahun,
    ).exists()
