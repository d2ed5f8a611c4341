"""documents:unduh serves a file only to users who may see its KSDD (P26)."""

import pytest
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.choices import JenisBerkas
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import Berkas
from kersa.documents.services import berkas_unggah

pytestmark = pytest.mark.django_db


def _url(berkas):
    return reverse("documents:unduh", args=[berkas.pk])


@pytest.fixture
def berkas(pemeran, ksdd):
    """The letter uploaded when the Dinkes KAK was submitted."""
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    return Berkas.objects.filter(ksdd=ksdd).order_by("id").first()


@pytest.mark.parametrize(
    ("peran", "kode"),
    [
        ("operator", 200),
        ("sekretariat", 200),
        ("anggota", 200),
        ("ketua", 200),
        ("bupati", 200),
        ("admin", 200),
        ("operator_lain", 404),
        ("dprd", 404),
        ("publik", 404),
    ],
)
def test_download_per_role(client, pemeran, berkas, peran, kode):
    client.force_login(getattr(pemeran, peran))
    assert client.get(_url(berkas)).status_code == kode


def test_download_is_an_attachment_with_original_name(client, pemeran, berkas):
    client.force_login(pemeran.operator)
    response = client.get(_url(berkas))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert berkas.nama_asli in response["Content-Disposition"]
    assert response["Content-Type"] == berkas.content_type
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF")
    assert len(body) == berkas.ukuran
    assert "no-store" in response["Cache-Control"]


def test_download_needs_login(client, berkas):
    response = client.get(_url(berkas))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_unknown_file_is_404(client, pemeran):
    client.force_login(pemeran.sekretariat)
    assert client.get(reverse("documents:unduh", args=[987654])).status_code == 404


def test_file_missing_from_storage_is_404(client, pemeran, berkas):
    berkas.file.storage.delete(berkas.file.name)
    client.force_login(pemeran.sekretariat)
    assert client.get(_url(berkas)).status_code == 404


def test_dprd_downloads_files_of_ksdd_brought_to_it(client, pemeran):
    k = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    ke_status(k, Status.MENUNGGU_DPRD, pemeran)
    berkas = Berkas.objects.filter(ksdd=k, jenis=JenisBerkas.PERMOHONAN_DPRD).get()
    client.force_login(pemeran.dprd)
    assert client.get(_url(berkas)).status_code == 200


def test_file_without_ksdd_only_for_those_who_see_all(client, pemeran):
    berkas = berkas_unggah(
        ksdd=None,
        jenis=JenisBerkas.SURAT_KUASA,
        upload=unggahan_pdf("surat-kuasa.pdf"),
        user=pemeran.sekretariat,
    )
    client.force_login(pemeran.sekretariat)
    assert client.get(_url(berkas)).status_code == 200
    client.force_login(pemeran.operator)
    assert client.get(_url(berkas)).status_code == 404
