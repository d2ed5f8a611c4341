"""Immutable rows: a stored file (Berkas) and a document version (VersiDokumen) are
never changed nor deleted through the ORM (Pasal 26; P26, P25-3…6: amendments are new
versions, never overwrites). A correction is a new version.

The guard covers ``save()`` of an existing row, ``delete()`` of an instance and the
bulk ``update()`` / ``delete()`` of a queryset. The KSDD a file belongs to is itself
never deleted once it has history (P13: cancelled, not deleted; the history's foreign
key is PROTECT and PostgreSQL refuses a DELETE of history rows).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, RuleViolation

__all__ = ["TetapManager", "TetapMixin", "tolak_ubah"]


def tolak_ubah(model) -> RuleViolation:
    return RuleViolation(
        Pelanggaran(
            "P26",
            _(
                "%(apa)s tidak dapat diubah atau dihapus; setiap perubahan disimpan sebagai "
                "versi baru (Pasal 26)."
            )
            % {"apa": str(model._meta.verbose_name).capitalize()},
        )
    )


class TetapQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise tolak_ubah(self.model)

    def delete(self):
        raise tolak_ubah(self.model)

    def update_or_create(self, *args, **kwargs):
        raise tolak_ubah(self.model)


class TetapManager(models.Manager.from_queryset(TetapQuerySet)):
    pass


class TetapMixin:
    """``save()`` only inserts; ``delete()`` is refused."""

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise tolak_ubah(type(self))
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise tolak_ubah(type(self))
