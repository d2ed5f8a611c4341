"""Writes for users and roles."""

from uuid import UUID

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from knox.settings import knox_settings

from kersa.accounts.models import TokenApi
from kersa.core.roles import IZIN_PERAN, Peran


def _nama(izin: Permission) -> str:
    app = izin.content_type.app_label
    return izin.codename if app == "agreements" else f"{app}.{izin.codename}"


def _izin(codenames: list[str]) -> list[Permission]:
    """Permissions named by codename: bare names are of ``agreements``, others are
    written "app_label.codename" (e.g. "deadlines.add_harilibur")."""
    q = Q(pk__in=[])
    for kode in codenames:
        app, _titik, nama = kode.rpartition(".")
        q |= Q(content_type__app_label=app or "agreements", codename=nama)
    return list(Permission.objects.filter(q).select_related("content_type"))


@transaction.atomic
def peran_sync() -> dict[str, Group]:
    """Create or update one group per role with exactly its permissions (idempotent)."""
    groups: dict[str, Group] = {}
    for peran, codenames in IZIN_PERAN.items():
        group, _created = Group.objects.get_or_create(name=str(Peran(peran).label))
        perms = _izin(codenames)
        missing = set(codenames) - {_nama(p) for p in perms}
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
