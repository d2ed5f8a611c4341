"""Template helpers of pembinaan for the KSDD page: funding assistance (P31-1) and
whether the KSDD qualifies for a Sekretariat Kerja Sama (P40-2, WARN)."""

from django import template
from django.db.models import Count, Sum

from kersa.agreements.choices import Kategori

from ..models import SekretariatKerjaSama
from ..selectors.pembinaan import sekretariat_layak, sekretariat_memenuhi_syarat

register = template.Library()


@register.inclusion_tag("oversight/pembinaan_ksdd.html", takes_context=True)
def pembinaan_ksdd(context, ksdd):
    """The KSDD page's section: funding assistance and the Sekretariat (Pasal 31, 40–41)."""
    user = context["request"].user
    bantuan = ksdd.bantuan_pendanaan.aggregate(n=Count("pk"), total=Sum("jumlah"))
    sekretariat = (
        SekretariatKerjaSama.objects.filter(ksdd=ksdd).select_related("terus_menerus_oleh").first()
    )
    syarat = sekretariat_memenuhi_syarat(ksdd) if sekretariat is None else []
    return {
        "ksdd": ksdd,
        "wajib": ksdd.kategori == Kategori.WAJIB,
        "bantuan": bantuan,
        "sekretariat": sekretariat,
        "syarat": syarat,
        "layak": bool(syarat) and sekretariat_layak(syarat),
        "boleh_catat": user.has_perm("oversight.kelola_pembinaan"),
    }
