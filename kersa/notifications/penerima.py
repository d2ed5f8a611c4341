"""Who is told of a clock: the people who must act on it, read from the clock's
definition (``deadlines.definisi``: ``peran``, ``peran_tahu``, ``peran_tugas``).

The Sekretariat TKKSD runs the register and is told of every clock. Operators of a
Perangkat Daerah are told only of their own agency's clocks. Nobody is told of a
clock of a KSDD they may not see (``agreements.selectors.ksdd_dapat_dilihat``).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import translation

from kersa.agreements.selectors import ksdd_dapat_dilihat
from kersa.core.roles import Peran
from kersa.deadlines.definisi import (
    DEFINISI,
    PERAN_SELALU,
    peran_bertindak,
    peran_diberi_tahu,
)

from .choices import JenisPengingat

P = Peran


def peran_aturan(rule: str, jenis: str | None = None) -> frozenset[str]:
    """The roles told of a clock of ``rule`` (by a reminder of kind ``jenis``): read from
    its definition (the one mapping of who acts, ``deadlines.definisi``). Who acts on
    the task a missed clock opens (the Bupati's second request, P16-5) is told once it
    is missed, not of the reminders before; a clock just started (``MULAI``) is told
    only to those who act on it."""

    if jenis == JenisPengingat.MULAI:
        # A clock just started: told to those who must act on it, nobody else.
        return frozenset(peran_bertindak(rule))
    return peran_diberi_tahu(rule, terlewat=jenis in (None, JenisPengingat.TERLEWAT))


def _peran_dari_grup() -> dict[str, str]:
    """Group name -> role value (groups are named after the Indonesian label)."""
    with translation.override("id"):
        return {str(p.label): p.value for p in Peran}


def peran_pengguna(user) -> frozenset[str]:
    """The roles of one user (one query, cached on the user object)."""
    if not hasattr(user, "_peran_kersa"):
        nama = _peran_dari_grup()
        user._peran_kersa = frozenset(
            nama[g] for g in user.groups.values_list("name", flat=True) if g in nama
        )
    return user._peran_kersa


def diberitahu(user, tenggat, jenis: str | None = None) -> bool:
    """Whether ``user`` is among those told of ``tenggat`` (by a reminder of ``jenis``)."""
    if not user.is_active:
        return False
    peran = peran_pengguna(user) & peran_aturan(tenggat.rule, jenis)
    if not peran:
        return False
    if peran == {P.OPERATOR_PD} and (
        not user.perangkat_daerah_id or user.perangkat_daerah_id != tenggat.perangkat_daerah_id
    ):
        return False
    if tenggat.ksdd_id:
        return ksdd_dapat_dilihat(user, tenggat.ksdd)
    return user.has_perm("agreements.lihat_semua_ksdd") or (
        user.perangkat_daerah_id is not None
        and user.perangkat_daerah_id == tenggat.perangkat_daerah_id
    )


def kandidat_penerima():
    """Every active user with a role that is told of some clock, with roles loaded
    (two queries). Reuse the list across clocks: permission caches stay warm."""
    nama = _peran_dari_grup()
    users = list(
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=list(nama))
        .distinct()
        .prefetch_related("groups")
    )
    for u in users:
        u._peran_kersa = frozenset(nama[g.name] for g in u.groups.all() if g.name in nama)
    return users


def penerima(tenggat, kandidat, jenis: str | None = None) -> list:
    """The users of ``kandidat`` told of ``tenggat`` (by a reminder of ``jenis``)."""
    return [u for u in kandidat if diberitahu(u, tenggat, jenis)]


def q_tenggat_untuk(user) -> Q:
    """A filter on ``Tenggat`` for the clocks whose rule tells this user's roles (the
    KSDD visibility is applied by ``deadlines.selectors.tenggat_terlihat``)."""
    peran = peran_pengguna(user)
    if peran & set(PERAN_SELALU):
        return Q()
    aturan_lain = [r for r in DEFINISI if peran_diberi_tahu(r) & (peran - {P.OPERATOR_PD})]
    q = Q(rule__in=aturan_lain)
    if P.OPERATOR_PD in peran and user.perangkat_daerah_id:
        aturan_op = [r for r in DEFINISI if P.OPERATOR_PD in peran_diberi_tahu(r)]
        q |= Q(rule__in=aturan_op, perangkat_daerah_id=user.perangkat_daerah_id)
    return q
