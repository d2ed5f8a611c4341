"""Template helpers of the deadlines room: the countdown on the KSDD page."""

from django import template
from django.utils import timezone

from kersa.core.format import tanggal_panjang as _tanggal_panjang

from ..selectors import dicatat_teks as _dicatat_teks
from ..selectors import selesai_teks as _selesai_teks
from ..selectors import tenggat_ksdd as _tenggat_ksdd

register = template.Library()


@register.simple_tag
def tenggat_ksdd(ksdd) -> dict:
    """{"terlambat": [...], "berjalan": [BarisTenggat], "selesai": [...]} of one KSDD (one query, plus
    the calendar's when a clock is running)."""
    if ksdd is None or not getattr(ksdd, "pk", None):
        return {"terlambat": [], "berjalan": [], "selesai": []}
    return _tenggat_ksdd(ksdd=ksdd, hari_ini=timezone.localdate())


@register.filter
def tanggal_panjang(tanggal) -> str:
    """A date as "Senin, 30 Maret 2026" in the active language."""
    return _tanggal_panjang(tanggal, None) if tanggal else ""


@register.filter
def tenggat_selesai(tenggat) -> str:
    """How a closed clock ended, on the day the law sees ("Terpenuhi pada ...",
    "Terlewat sejak ..."); empty while it runs."""
    return _selesai_teks(tenggat) if tenggat else ""


@register.filter
def tenggat_dicatat(tenggat) -> str:
    """The day a clock's close was recorded, when it is not the law's day; else empty."""
    return _dicatat_teks(tenggat) if tenggat else ""
