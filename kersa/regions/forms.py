"""The region field of every room's forms (part of the kit of ``core.forms``): one region
typed as its Kemendagri code, and the nearest partners suggested beside it."""

from __future__ import annotations

import re

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import JenisWilayah
from .models import Wilayah
from .selectors import wilayah_daerah, wilayah_mitra_list, wilayah_tetangga

KODE_WILAYAH = re.compile(r"\b\d{2}(?:\.\d{2})?\b")
ID_DATALIST = "wilayah-terdekat"


class WilayahField(forms.CharField):
    """One region typed as its Kemendagri code (a datalist suggests the nearest)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"list": ID_DATALIST, "size": 10, "placeholder": "62.13"}),
        )
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value.kode if isinstance(value, Wilayah) else value

    def clean(self, value):
        kode = super().clean(value)
        if not kode:
            return None
        found = KODE_WILAYAH.search(kode)
        wilayah = Wilayah.objects.filter(kode=found.group(0)).first() if found else None
        if wilayah is None:
            raise forms.ValidationError(_("Kode wilayah “%s” tidak dikenal.") % kode)
        return wilayah


def wilayah_terdekat() -> tuple[list, list[tuple[str, str]]]:
    """The partners most KSDD have, as grouped choices: the regions bordering the home
    region, the other regions of its province, and the provinces (a light page; any
    other region is typed as its code). Also the flat list for the datalist, home first."""
    home = wilayah_daerah()
    tetangga = list(wilayah_tetangga(kode=home.kode).order_by("kode"))
    kode_tetangga = {w.kode for w in tetangga}
    lain = list(
        wilayah_mitra_list()
        .filter(Q(provinsi_id=home.provinsi_id) | Q(jenis=JenisWilayah.PROVINSI))
        .exclude(kode__in=kode_tetangga)
        .order_by("kode")
    )
    se_provinsi = [w for w in lain if w.provinsi_id == home.provinsi_id]
    provinsi = [w for w in lain if w.jenis == JenisWilayah.PROVINSI]
    grouped = [
        (_("Berbatasan dengan %s") % home.nama_lengkap, [(w.kode, str(w)) for w in tetangga]),
        (_("Kabupaten/kota lain di provinsi yang sama"), [(w.kode, str(w)) for w in se_provinsi]),
        (_("Provinsi"), [(w.kode, str(w)) for w in provinsi]),
    ]
    flat = [(home.kode, home.nama_lengkap)] + [
        (w.kode, w.nama_lengkap) for w in [*tetangga, *se_provinsi, *provinsi]
    ]
    return [g for g in grouped if g[1]], flat
