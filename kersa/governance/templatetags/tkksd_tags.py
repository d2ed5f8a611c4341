"""``{% pembahasan_ksdd ksdd %}``: the KSDD page's section *Pembahasan TKKSD*, where the
KSDD was planned, discussed and decided in TKKSD's meetings (Pasal 37 ayat 2, Pasal 38
ayat 3, Pasal 39; P18-3). Two queries whatever the number of meetings."""

from __future__ import annotations

from django import template

from kersa.agreements.choices import AlasanPenolakan, PertimbanganPersetujuan

from ..selectors import pembahasan_ksdd as _pembahasan_ksdd

register = template.Library()


_ALASAN = dict(AlasanPenolakan.choices)
_PERTIMBANGAN = dict(PertimbanganPersetujuan.choices)


def _dasar(keputusan) -> list[str]:
    """The grounds of an accept/reject recommendation as their labels (P18-4, P18-5)."""
    if keputusan is None:
        return []
    return [str(_ALASAN.get(k, k)) for k in keputusan.alasan_penolakan] + [
        str(_PERTIMBANGAN.get(k, k)) for k in keputusan.pertimbangan_persetujuan
    ]


@register.inclusion_tag("governance/_pembahasan_ksdd.html", takes_context=True)
def pembahasan_ksdd(context, ksdd) -> dict:
    user = context["request"].user
    data = _pembahasan_ksdd(ksdd)
    for a in data.agenda:
        # Reverse one-to-ones read with select_related: absent rows raise, so read once.
        a.hasil = getattr(a, "keputusan", None)
        a.rekomendasi = getattr(a, "rekomendasi_pleno", None)
        a.dasar = _dasar(a.hasil)
    for r in data.rekomendasi_luar:
        r.dasar = _dasar(r)
    return {
        "ksdd": ksdd,
        "agenda": data.agenda,
        "rekomendasi_luar": data.rekomendasi_luar,
        # The meeting page needs TKKSD's read permission; the meeting's Berita Acara and
        # Notulen belong to no single KSDD, so only those who see every KSDD download them
        # (documents.views.berkas._boleh_unduh).
        "boleh_lihat_rapat": user.has_perm("governance.view_rapat"),
        "boleh_unduh_rapat": user.has_perm("agreements.lihat_semua_ksdd"),
    }
