"""Small template helpers shared by every page."""

from django import template
from django.utils import translation
from django.utils.translation import ngettext

from kersa.core.format import rupiah as format_rupiah
from kersa.core.roles import Peran

register = template.Library()


def _peran_dari_nama_grup(nama: str) -> Peran | None:
    """Groups are named after the Indonesian label of their role (accounts.services)."""
    with translation.override("id"):
        for peran in Peran:
            if str(peran.label) == nama:
                return peran
    return None


@register.simple_tag
def peran_pengguna(user) -> str:
    """The user's role(s) in the active language, or an empty string (one query)."""
    if not getattr(user, "is_authenticated", False):
        return ""
    labels = []
    for nama in user.groups.values_list("name", flat=True):
        peran = _peran_dari_nama_grup(nama)
        labels.append(str(peran.label) if peran else nama)
    if not labels and user.is_superuser:
        labels.append(str(Peran.ADMIN.label))
    return ", ".join(labels)


@register.filter
def rupiah(nilai) -> str:
    """12345678.5 → 'Rp12.345.678,50' (Indonesian grouping, whatever the active language)."""
    return format_rupiah(nilai, ringkas=True)


@register.filter
def durasi(nilai) -> str:
    """A timedelta in words: '30 menit', '1 jam 30 menit'."""
    if not nilai:
        return ""
    menit_total = max(1, round(nilai.total_seconds() / 60))
    jam, menit = divmod(menit_total, 60)
    bagian = []
    if jam:
        bagian.append(ngettext("%(n)d jam", "%(n)d jam", jam) % {"n": jam})
    if menit:
        bagian.append(ngettext("%(n)d menit", "%(n)d menit", menit) % {"n": menit})
    return " ".join(bagian)
