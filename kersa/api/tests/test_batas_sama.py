"""One set of bounds, web and API (issue 19: the web accepted 23 values the API refused —
years 0001 and 9999, negative budgets, 32,767-month durations). For each form and the
serializer that writes the same record, every field both have takes the same bounds:
numbers (least, greatest, digits), text length, and dates (the first and last day each
accepts). A bound changed on one side only fails here."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from rest_framework import serializers

from kersa.agreements import forms as f_ksdd
from kersa.api.serializers import ksdd as s_ksdd
from kersa.api.serializers import langkah as s_langkah
from kersa.api.serializers import rencana as s_rencana
from kersa.planning import forms as f_rencana

PASANGAN = [
    (f_ksdd.KsddForm, s_ksdd.KsddTulisSerializer),
    (f_ksdd.KakForm, s_ksdd.KakUbahSerializer),
    (f_rencana.IdentifikasiForm, s_rencana.IdentifikasiMulaiSerializer),
    (f_rencana.ButirForm, s_rencana.ButirTambahSerializer),
    (f_ksdd.RancanganNaskahForm, s_langkah._RancanganNaskah),
    (f_ksdd.PermohonanDprdForm, s_langkah.AjukanPersetujuanDprdSerializer),
    (f_ksdd.AjukanKakForm, s_langkah.AjukanKakSerializer),
]

_HARI = [dt.date(1, 1, 1), dt.date(1899, 12, 31), dt.date(1900, 1, 1), dt.date(2100, 12, 31)]
_HARI += [dt.date(2101, 1, 1), dt.date(9999, 12, 31)]


def _form_terima_tanggal(field, hari) -> bool:
    try:
        field.clean(hari.strftime("%d-%m-%Y"))
    except forms.ValidationError:
        return False
    return True


def _api_terima_tanggal(field, hari) -> bool:
    try:
        field.run_validation(hari.isoformat())
    except serializers.ValidationError:
        return False
    return True


def _batas_form(field) -> dict:
    if isinstance(field, forms.DateField):
        return {"tanggal": [_form_terima_tanggal(field, h) for h in _HARI]}
    if isinstance(field, forms.DecimalField):
        return {"min": field.min_value, "max": field.max_value, "digit": field.max_digits}
    if isinstance(field, forms.IntegerField):
        return {"min": field.min_value, "max": field.max_value}
    if isinstance(field, forms.CharField) and not isinstance(field, forms.TypedChoiceField):
        return {"panjang": field.max_length}
    return {}


def _batas_api(field, jenis: dict) -> dict:
    if "tanggal" in jenis:
        return {"tanggal": [_api_terima_tanggal(field, h) for h in _HARI]}
    if "digit" in jenis:
        return {"min": field.min_value, "max": field.max_value, "digit": field.max_digits}
    if "min" in jenis:
        return {"min": field.min_value, "max": field.max_value}
    if "panjang" in jenis:
        return {"panjang": getattr(field, "max_length", None)}
    return {}


def _angka(nilai):
    return None if nilai is None else float(nilai)


@pytest.mark.parametrize(("form_cls", "ser_cls"), PASANGAN, ids=lambda c: c.__name__)
def test_a_form_and_its_serializer_take_the_same_bounds(form_cls, ser_cls):
    api = ser_cls().fields
    form = form_cls.base_fields
    bersama = [n for n in form if n in api and not api[n].read_only]
    assert bersama, "the pair shares no field"
    beda = []
    for nama in bersama:
        web = _batas_form(form[nama])
        if not web:
            continue
        lain = _batas_api(api[nama], web)
        web = {k: _angka(v) if k in ("min", "max") else v for k, v in web.items()}
        lain = {k: _angka(v) if k in ("min", "max") else v for k, v in lain.items()}
        if web != lain:
            beda.append(f"{nama}: web {web} ≠ API {lain}")
    assert not beda, "\n".join(beda)
