"""``{% tte_ksdd ksdd %}``: the KSDD page's section on electronic signatures (issue 16)."""

from django import template
from django.conf import settings

from ..forms import TandaTanganForm, UnggahBertandaForm
from ..selectors import tte_ksdd as _tte_ksdd

register = template.Library()


@register.inclusion_tag("tte/_ksdd.html", takes_context=True)
def tte_ksdd(context, ksdd) -> dict:
    return {
        "request": context["request"],
        "ksdd": ksdd,
        "daftar": _tte_ksdd(ksdd),
        "form_ttd": TandaTanganForm(),
        "form_unggah": UnggahBertandaForm(),
        "penyedia": settings.KERSA_TTE_PENYEDIA,
        "csrf_token": context.get("csrf_token"),
    }
