"""Reads of the notifications room."""

from __future__ import annotations

from django.db.models import QuerySet

from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.models import Tenggat
from kersa.deadlines.selectors import JENDELA_SELESAI, tenggat_terlihat

from .models import Notifikasi, PreferensiPengingat
from .penerima import q_tenggat_untuk

NOTIFIKASI_MAKS = 100


def notifikasi_daftar(*, user) -> QuerySet[Notifikasi]:
    """The user's notifications, newest first (one query)."""
    return Notifikasi.objects.filter(user=user).order_by("-dibuat_pada", "-id")[:NOTIFIKASI_MAKS]


def notifikasi_belum_dibaca(*, user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notifikasi.objects.filter(user=user, dibaca_pada__isnull=True).count()


def pengguna_dari_token(token: str):
    """The active user whose calendar feed has this secret, or None."""
    pref = (
        PreferensiPengingat.objects.select_related("user")
        .filter(token_kalender=token, user__is_active=True)
        .first()
    )
    return pref.user if pref else None


def tenggat_untuk_pengguna(*, user) -> QuerySet[Tenggat]:
    """The clocks this user is told of (the calendar feed): visible to them and of a
    rule that tells their role (``penerima.py``); running, or closed in the last
    ``JENDELA_SELESAI`` (the event then says how and on which day the law sees it
    closed, so the phone's calendar shows the clock met rather than losing it)."""
    from django.db.models import Q
    from django.utils import timezone

    baru = Q(ditindak_pada__gte=timezone.now() - JENDELA_SELESAI)
    return (
        tenggat_terlihat(user)
        .filter(q_tenggat_untuk(user))
        .filter(Q(status=StatusTenggat.BERJALAN) | baru)
        .select_related("ksdd")
        .order_by("jatuh_tempo", "id")
    )
