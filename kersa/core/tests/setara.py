"""One check, two uses (issue 13 item 1), for the rooms beside the KSDD: the blockers a
page lists for an action are what the action's service refuses with.

``periksa_setara(nama, hambatan, coba)`` runs ``coba`` (the service with realistic valid
input) inside a savepoint that is rolled back and returns a line describing the
disagreement, or None:

    no blocker listed  ⇔  the service accepts;  a refusal cites exactly the listed blockers.
"""

from __future__ import annotations

from django.db import transaction

from kersa.core.errors import RuleViolation


class _Batal(Exception):
    """Raised to roll a tried action back."""


def pelanggaran_str(pelanggaran) -> list[tuple[str, str]]:
    return [(p.rule, str(p.detail)) for p in pelanggaran]


def periksa_setara(nama: str, hambatan, coba) -> str | None:
    halaman = pelanggaran_str(hambatan)
    try:
        with transaction.atomic():
            coba()
            raise _Batal
    except _Batal:
        layanan = None
    except RuleViolation as e:
        layanan = pelanggaran_str(e.pelanggaran)
    if layanan is None:
        return None if not halaman else f"{nama}: halaman {halaman} / layanan menerima"
    if layanan != halaman:
        return f"{nama}: halaman {halaman} / layanan {layanan}"
    return None
