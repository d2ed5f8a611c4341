"""Users of KERSA. A user belongs to at most one Perangkat Daerah (P1-6)."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from kersa.core.roles import Peran

__all__ = ["User"]


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
