"""The unread count in the navigation bar (one query per page)."""

from django import template

from ..selectors import notifikasi_belum_dibaca

register = template.Library()


@register.simple_tag
def jumlah_notifikasi_belum_dibaca(user) -> int:
    return notifikasi_belum_dibaca(user=user)
