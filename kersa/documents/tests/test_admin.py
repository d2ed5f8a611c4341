"""The admin of the documents room: numbering patterns are editable configuration;
files, versions and the numbers given are read-only (P26)."""

import pytest
from django.urls import reverse

from kersa.documents.models import PenomoranSurat

pytestmark = pytest.mark.django_db


def test_p26_numbering_patterns_are_edited_in_the_admin(admin_client):
    pola, _ = PenomoranSurat.objects.get_or_create(
        jenis="kb", defaults={"pola": "000.3/{urut}/Pem/{tahun}"}
    )
    url = reverse("admin:documents_penomoransurat_change", args=[pola.pk])
    r = admin_client.post(url, {"jenis": "kb", "pola": "100.3.7/{urut}/KS/{tahun}"})
    assert r.status_code == 302
    pola.refresh_from_db()
    assert pola.pola == "100.3.7/{urut}/KS/{tahun}"


def test_p26_numbers_given_are_read_only_in_the_admin(admin_client):
    assert admin_client.get(reverse("admin:documents_nomorsurat_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:documents_nomorsurat_add")).status_code == 403
