"""Users of KERSA. A user belongs to at most one Perangkat Daerah (P1-6)."""

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken

from kersa.core.roles import Peran

__all__ = ["TokenApi", "User"]


class User(AbstractUser):
    """A civil servant using KERSA; an agency operator belongs to one Perangkat Daerah (P1-6).

    Roles are Django groups named after ``Peran`` (see ``kersa.core.roles``).
    """

    perangkat_daerah = models.ForeignKey(
        "regions.PerangkatDaerah",
        verbose_name=_("perangkat daerah"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pengguna",
    )
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    jabatan = models.CharField(_("jabatan"), max_length=150, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")

    @property
    def nama_tampil(self) -> str:
        return self.get_full_name() or self.username

    def punya_peran(self, peran: str) -> bool:
        return self.groups.filter(name=Peran(peran).label).exists()


class TokenApi(AbstractAuthToken):
    """An API token of a user (issue 19; ASVS 3.5): ``POST /api/v1/token/`` gives one,
    sent as ``Authorization: Token <key>``. Only a SHA-512 digest of the key is stored
    (django-rest-knox); it ends at ``expiry`` (``KERSA_TOKEN_JAM`` hours), when its
    owner revokes it, or when the owner's password changes.

    ``nomor`` names it on the owner's page and in URLs without telling the secret;
    ``nama`` is the client the owner gave when asking for it (optional).
    """

    nomor = models.UUIDField(_("nomor"), default=uuid.uuid4, unique=True, editable=False)
    nama = models.CharField(_("nama klien"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.user} · {self.nama or self.nomor}"
