"""``{% tte_ksdd ksdd %}``: the KSDD page's section on electronic signatures (issue 16)."""

from django import template
from django.conf import settings

from kersa.regions.selectors import wilayah_daerah

from ..forms import CatatDariTteForm, TandaTanganForm, UnggahBertandaForm
from ..selectors import tte_ksdd as _tte_ksdd

_TAHAP_LANGKAH = {"kb": "penandatanganan_kb", "pks": "penandatanganan_pks"}


def _form_catat(ksdd, item):
    """The form recording the signing step from a valid signed version, built from what
    the panel already read (no query but the parties, when shown)."""
    if _TAHAP_LANGKAH.get(item.dokumen.jenis) != ksdd.status:
        return None

    mitra = sorted(ksdd.mitra.all(), key=lambda w: w.kode)
    versi = [
        v.versi
        for v in reversed(item.validasi)
        if v.sah and v.versi.asal == "ditandatangani" and len(v.tanda_tangan) > len(mitra)
    ]
    if not versi:
        return None
    pihak = [wilayah_daerah(), *mitra]
    return CatatDariTteForm(versi=versi, pihak=pihak, pks=item.dokumen.jenis == "pks")


register = template.Library()


@register.inclusion_tag("tte/_ksdd.html", takes_context=True)
def tte_ksdd(context, ksdd) -> dict:
    daftar = _tte_ksdd(ksdd)
    for item in daftar:
        item.form_catat = _form_catat(ksdd, item)
    return {
        "request": context["request"],
        "ksdd": ksdd,
        "daftar": daftar,
        "form_ttd": TandaTanganForm(),
        "form_unggah": UnggahBertandaForm(),
        "penyedia": settings.KERSA_TTE_PENYEDIA,
        "csrf_token": context.get("csrf_token"),
    }
