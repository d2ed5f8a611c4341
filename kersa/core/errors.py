"""The one application error type for refused actions, and the conflict error.

A refused action names the rule of RULES.md it rests on (``P19-3``) and says in
Bahasa Indonesia what is wrong, citing the Pasal. Views turn it into a form
error, the API into ``422 {"rule": ..., "detail": ...}``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Pelanggaran:
    """One rule that an action or a record does not satisfy."""

    rule: str
    detail: str
    field: str | None = None

    def as_dict(self) -> dict[str, str]:
        data = {"rule": self.rule, "detail": str(self.detail)}
        if self.field:
            data["field"] = self.field
        return data


class KersaError(Exception):
    """Base of KERSA's own errors."""


class RuleViolation(KersaError):
    """An action refused because the regulation forbids it (one or more rules)."""

    def __init__(self, pelanggaran: Pelanggaran | Iterable[Pelanggaran]):
        items = [pelanggaran] if isinstance(pelanggaran, Pelanggaran) else list(pelanggaran)
        if not items:
            raise ValueError("RuleViolation needs at least one Pelanggaran")
        self.pelanggaran = items
        super().__init__("; ".join(f"{p.rule}: {p.detail}" for p in items))

    @property
    def rule(self) -> str:
        return self.pelanggaran[0].rule

    @property
    def detail(self) -> str:
        return str(self.pelanggaran[0].detail)


def tolak_jika(pelanggaran: Iterable[Pelanggaran]) -> None:
    """Raise RuleViolation when the iterable holds anything."""
    items = list(pelanggaran)
    if items:
        raise RuleViolation(items)


class ConflictError(KersaError):
    """Someone else changed the record since the user loaded it (a lost race)."""

    default_detail = _(
        "KSDD ini baru saja diubah oleh pengguna lain. Muat ulang halaman, periksa "
        "perubahannya, lalu ulangi tindakan Anda."
    )

    def __init__(self, detail: str | None = None):
        self.detail = str(detail or self.default_detail)
        super().__init__(self.detail)
