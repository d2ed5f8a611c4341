"""Reads of disputes (Pasal 29–30): what a user may see follows the KSDD it is on
(``ksdd_visible_to``): an operator sees only their own agency's."""

from __future__ import annotations

from django.db.models import QuerySet

from kersa.agreements.selectors import ksdd_visible_to

from ..models import Perselisihan

__all__ = ["perselisihan_daftar", "perselisihan_untuk"]


def _terlihat(user) -> QuerySet[Perselisihan]:
    return Perselisihan.objects.filter(ksdd__in=ksdd_visible_to(user))


def perselisihan_daftar(*, user, status: str = "") -> QuerySet[Perselisihan]:
    qs = _terlihat(user).select_related("ksdd__perangkat_daerah").prefetch_related("pihak")
    if status:
        qs = qs.filter(status=status)
    return qs


def perselisihan_untuk(*, user, pk: int) -> Perselisihan:
    """One dispute with its steps; DoesNotExist when not visible."""
    return (
        _terlihat(user)
        .select_related("ksdd__perangkat_daerah", "berita_acara", "laporan")
        .prefetch_related(
            "pihak",
            "musyawarah",
            "berkas__berkas",
            "riwayat__oleh",
            "berita_acara__versi",
            "laporan__versi",
        )
        .get(pk=pk)
    )
