"""Dates on every form: entered and shown as dd-mm-yyyy whatever the language or the
browser's locale, and a legal date (a letter, a receipt) starts empty."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from kersa.agreements.choices import Status
from kersa.agreements.skenario import ke_status, ksdd_baru
from kersa.core.forms import TanggalField


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
