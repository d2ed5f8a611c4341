"""Template helpers of the plan for other apps' pages (the KSDD page: P5-2)."""

from django import template

from ..selectors import peringatan_p5_2

register = template.Library()


@register.simple_tag
def peringatan_rencana(ksdd) -> list:
    """P5-2 (WARN): what the KSDD page says when the object is linked to no plan item."""
    return peringatan_p5_2(ksdd)
