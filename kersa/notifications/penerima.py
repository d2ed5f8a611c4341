"""Who is told of a clock: the people who must act on it, as data per rule ID.

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

P = Peran

# Roles told of every clock, whatever its rule.
PERAN_SELALU: tuple[str, ...] = (P.SEKRETARIAT_TKKSD,)

# rule -> the other roles that must act (Definisi.penanggung, in roles).
PERAN_PER_ATURAN: dict[str, tuple[str, ...]] = {
    "P16-4": (P.OPERATOR_PD,),  # the initiating agency waits for the partner's answer
    "P16-6": (P.OPERATOR_PD, P.BUPATI),  # then the Bupati reports to the Gubernur
    "P17-4": (P.OPERATOR_PD, P.BUPATI, P.KETUA_TKKSD),
    "P18-1": (P.OPERATOR_PD, P.BUPATI, P.KETUA_TKKSD),
    "P18-2": (P.OPERATOR_PD, P.BUPATI, P.KETUA_TKKSD),
    "P22-1b": (P.DPRD,),
    "P22-1d": (P.BUPATI,),
    "P22-1e": (P.DPRD,),
    "P22-3": (P.DPRD,),
    "P19-3": (P.OPERATOR_PD, P.BUPATI),
    "P12-2": (P.OPERATOR_PD,),
    "P27-1": (P.OPERATOR_PD,),
    "P34-2j": (P.KETUA_TKKSD,),
    "P37-1": (P.KETUA_TKKSD,),
}


def peran_aturan(rule: str) -> frozenset[str]:
    return frozenset(PERAN_SELALU) | frozenset(PERAN_PER_ATURAN.get(rule, ()))


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


def diberitahu(user, tenggat) -> bool:
    """Whether ``user`` is among those told of ``tenggat``."""
    if not user.is_active:
        return False
    peran = peran_pengguna(user) & peran_aturan(tenggat.rule)
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


def penerima(tenggat, kandidat) -> list:
    """The users of ``kandidat`` told of ``tenggat``."""
    return [u for u in kandidat if diberitahu(u, tenggat)]


def q_tenggat_untuk(user) -> Q:
    """A filter on ``Tenggat`` for the clocks whose rule tells this user's roles (the
    KSDD visibility is applied by ``deadlines.selectors.tenggat_terlihat``)."""
    peran = peran_pengguna(user)
    if peran & set(PERAN_SELALU):
        return Q()
    aturan_lain = [r for r, ps in PERAN_PER_ATURAN.items() if set(ps) & (peran - {P.OPERATOR_PD})]
    q = Q(rule__in=aturan_lain)
    if P.OPERATOR_PD in peran and user.perangkat_daerah_id:
        aturan_op = [r for r, ps in PERAN_PER_ATURAN.items() if P.OPERATOR_PD in ps]
        q |= Q(rule__in=aturan_op, perangkat_daerah_id=user.perangkat_daerah_id)
    return q
