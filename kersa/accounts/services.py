"""Writes for users and roles."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from kersa.core.roles import IZIN_PERAN, Peran


@transaction.atomic
def peran_sync() -> dict[str, Group]:
    """Create or update one group per role with exactly its permissions (idempotent)."""
    groups: dict[str, Group] = {}
    for peran, codenames in IZIN_PERAN.items():
        group, _created = Group.objects.get_or_create(name=str(Peran(peran).label))
        perms = list(
            Permission.objects.filter(content_type__app_label="agreements", codename__in=codenames)
        )
        missing = set(codenames) - {p.codename for p in perms}
        if missing:
            raise LookupError(f"Izin tidak dikenal untuk peran {peran}: {sorted(missing)}")
        group.permissions.set(perms)
        groups[peran] = group
    return groups


def user_set_peran(*, user, peran: str) -> None:
    """Give a user exactly one role."""
    groups = peran_sync()
    user.groups.set([groups[peran]])
    if peran == Peran.ADMIN:
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
