"""The one form → service → refusal path (``core.layanan``), seen through a real step page:
a refusal is on the form (200 for a plain request, 422 for htmx), a lost race is 409,
and nothing is saved either way."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kersa.agreements.choices import Status
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import Berkas

pytestmark = pytest.mark.django_db


def _ajukan(client, ksdd, *, besok: bool = False, versi: int | None = None, **headers):
    tanggal = timezone.localdate() + dt.timedelta(days=1 if besok else 0)
    ksdd.refresh_from_db()
    return client.post(
        reverse("agreements:langkah", args=[ksdd.pk, "ajukan_kak"]),
        {
            "versi": ksdd.versi if versi is None else versi,
            "nomor": "000.3/112/Dinkes/2026",
            "tanggal_surat": tanggal.strftime("%d-%m-%Y"),
            "surat_permohonan": unggahan_pdf("permohonan.pdf"),
            "salinan_dpa": unggahan_pdf("dpa.pdf"),
        },
        **headers,
    )


@pytest.mark.parametrize(("headers", "status"), [({}, 200), ({"HTTP_HX_REQUEST": "true"}, 422)])
def test_p13_refusal_comes_back_on_the_form_422_for_htmx(client, pemeran, ksdd, headers, status):
    client.force_login(pemeran.operator)
    berkas_awal = Berkas.objects.count()
    resp = _ajukan(client, ksdd, besok=True, **headers)
    assert resp.status_code == status
    assert any("[P13]" in e for e in resp.context["form"].errors["tanggal_surat"])
    assert resp.context["berkas_dipilih_ulang"] == ["permohonan.pdf", "dpa.pdf"]
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_KAK
    assert Berkas.objects.count() == berkas_awal


def test_lost_race_is_409_for_htmx_too(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    resp = _ajukan(client, ksdd, versi=ksdd.versi - 1, HTTP_HX_REQUEST="true")
    assert resp.status_code == 409
    assert "diubah oleh pengguna lain" in resp.content.decode()
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_KAK


def test_valid_step_redirects_with_its_message(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    resp = _ajukan(client, ksdd, follow=True)
    assert resp.redirect_chain[-1][0] == reverse("agreements:detail", args=[ksdd.pk])
    ksdd.refresh_from_db()
    assert ksdd.status == Status.KAK_DIAJUKAN
    assert "Status sekarang" in resp.content.decode()
