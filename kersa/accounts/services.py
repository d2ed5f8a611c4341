"""Writes for users and roles."""

from uuid import UUID

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from knox.settings import knox_settings

from kersa.accounts.models import TokenApi
from kersa.core.roles import IZIN_PERAN, Peran


def _kunci(kode: str) -> tuple[str, str]:
    """(app_label, codename) of a role's permission name: bare names are of
    ``agreements``, others are written "app_label.codename" (e.g.
    "deadlines.add_harilibur")."""
    app, _titik, nama = kode.rpartition(".")
    return (app or "agreements", nama)


@transaction.atomic
def peran_sync() -> dict[str, Group]:
    """Create or update one group per role with exactly its permissions (idempotent).

    The permissions are read in one query and matched in Python: building one OR-filter
    per role cost about 0.15 s of CPU per call, and every ``user_set_peran`` called this.
    """
    izin = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.select_related("content_type")
    }
    groups: dict[str, Group] = {}
    for peran, codenames in IZIN_PERAN.items():
        group, _created = Group.objects.get_or_create(name=str(Peran(peran).label))
        missing = sorted(k for k in codenames if _kunci(k) not in izin)
        if missing:
            raise LookupError(f"Izin tidak dikenal untuk peran {peran}: {missing}")
        group.permissions.set([izin[_kunci(k)] for k in codenames])
        groups[peran] = group
    return groups


def user_set_peran(*, user, peran: str, groups: dict[str, Group] | None = None) -> None:
    """Give a user exactly one role. ``groups`` is what ``peran_sync()`` returned, for a
    caller that gives roles to several users at once (synced once, not once per user)."""
    groups = groups or peran_sync()
    user.groups.set([groups[peran]])
    if peran == Peran.ADMIN:
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])


# --- API tokens (issue 19) ---------------------------------------------------------


def token_api_buat(*, user, nama: str = "") -> tuple[TokenApi, str]:
    """A new API token for ``user``, ending ``KERSA_TOKEN_JAM`` hours from now. Returns
    the row and the key; the key is shown this once (only its digest is stored). The
    user's expired tokens are removed on the way."""
    TokenApi.objects.filter(user=user, expiry__lt=timezone.now()).delete()
    return TokenApi.objects.create(user=user, expiry=knox_settings.TOKEN_TTL, nama=nama[:100])


def token_api_cabut(*, user, nomor: UUID) -> bool:
    """Revoke one token of ``user`` by its ``nomor``. Another user's token is not
    touched (False, as for a token that does not exist)."""
    dihapus, _rinci = TokenApi.objects.filter(user=user, nomor=nomor).delete()
    return bool(dihapus)


def token_api_cabut_semua(*, user) -> int:
    """Revoke every token of ``user``; returns how many."""
    dihapus, _rinci = TokenApi.objects.filter(user=user).delete()
    return dihapus
