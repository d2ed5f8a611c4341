"""The browsable API (HTML) renders every page without error."""

import pytest
from django.urls import reverse

from .bantuan import url_ksdd

pytestmark = pytest.mark.django_db


def test_browsable_pages_render(ksdd, pemeran, klien):
    client = klien(pemeran.sekretariat)
    for url in (
        reverse("api:api-root"),
        url_ksdd(),
        url_ksdd(ksdd),
        url_ksdd(ksdd, "kak"),
        url_ksdd(ksdd, "riwayat"),
        reverse("api:wilayah-detail", kwargs={"pk": "62.04"}),
    ):
        r = client.get(url, HTTP_ACCEPT="text/html")
        assert r.status_code == 200, url
        assert b"<html" in r.content
    for aksi in ("ajukan_kak", "catat_telaah", "tandatangani_kb"):
        r = client.get(url_ksdd(ksdd, aksi), HTTP_ACCEPT="text/html")
        assert r.status_code == 405
