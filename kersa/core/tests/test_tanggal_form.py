"""Dates on every form: entered and shown as dd-mm-yyyy whatever the language or the
browser's locale, and a legal date (a letter, a receipt) starts empty."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from kersa.agreements.choices import Status
from kersa.core.forms import TanggalField
from kersa.demo.skenario import ke_status, ksdd_baru


@pytest.mark.parametrize("bahasa", ["id", "en"])
@pytest.mark.parametrize("teks", ["02-12-2026", "2-12-2026", "02/12/2026", "2026-12-02"])
def test_dd_mm_yyyy_in_both_languages_never_month_first(bahasa, teks):
    with translation.override(bahasa):
        assert TanggalField().clean(teks) == dt.date(2026, 12, 2)


def test_a_date_is_shown_as_dd_mm_yyyy():
    html = TanggalField().widget.render("tanggal", dt.date(2026, 12, 2))
    assert 'value="02-12-2026"' in html and 'type="text"' in html
    assert 'placeholder="hh-bb-tttt"' in html


@pytest.mark.django_db
def test_receipt_and_letter_dates_of_a_step_start_empty(client, pemeran):
    """Issue 13: a receipt date defaulting to today started a statutory clock on a day
    nobody chose."""
    ksdd = ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)
    client.force_login(pemeran.sekretariat)
    url = reverse("agreements:langkah", args=[ksdd.pk, "catat_penolakan_dprd"])
    form = client.get(url).context["form"]
    for nama in ("tanggal_surat", "tanggal_diterima"):
        assert form[nama].value() is None, nama
    with translation.override("en"):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'type="date"' not in html


@pytest.mark.parametrize("teks", ["01-01-0001", "31-12-9999", "31-12-1899"])
def test_dates_outside_the_apis_range_are_refused_on_the_web_too(teks):
    """Issue 19: the web accepted years 0001 and 9999 the API refuses (one range)."""
    from django import forms

    with pytest.raises(forms.ValidationError) as exc:
        TanggalField().clean(teks)
    assert exc.value.messages == ["Tanggal harus di antara 01-01-1900 dan 31-12-2100."]


def test_a_negative_budget_is_refused_on_the_web_as_in_the_api():
    from django import forms

    from kersa.agreements.forms import RupiahField

    assert RupiahField().clean("Rp 450.000.000") == 450_000_000
    with pytest.raises(forms.ValidationError):
        RupiahField().clean("-5000000")


@pytest.mark.django_db
def test_web_ksdd_form_refuses_year_9999_and_a_negative_budget(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    url = reverse("agreements:ubah", args=[ksdd.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data |= {"rencana_mulai": "01-01-9999", "nilai_anggaran": "-1", "versi": ksdd.versi}
    resp = client.post(url, data)
    assert resp.status_code == 200
    errors = resp.context["form"].errors
    assert errors["rencana_mulai"] == ["Tanggal harus di antara 01-01-1900 dan 31-12-2100."]
    assert "nilai_anggaran" in errors
    ksdd.refresh_from_db()
    assert ksdd.nilai_anggaran == 450_000_000
