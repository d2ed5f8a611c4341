"""The "Dokumen" section of the KSDD page, uploading a version, comparing two versions
and the compliance report page (P11, P12, P26)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.core.testing import jumlah_kueri
from kersa.demo.skenario import ke_status
from kersa.documents.choices import AsalVersi
from kersa.documents.contoh import docx_bytes, naskah_docx, pdf_bytes
from kersa.documents.models import Dokumen, VersiDokumen
from kersa.documents.services.versi import versi_tambah

pytestmark = pytest.mark.django_db


def _detail(ksdd):
    return reverse("agreements:detail", args=[ksdd.pk])


@pytest.fixture
def kb(pemeran, ksdd):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    return Dokumen.objects.get(ksdd=ksdd, jenis="kb")


def test_p26_ksdd_page_lists_versions_and_report(client, pemeran, ksdd, kb):
    client.force_login(pemeran.operator)
    html = client.get(_detail(ksdd)).content.decode()
    v = kb.versi.get()
    assert 'id="judul-dokumen"' in html
    assert reverse("documents:unduh", args=[v.berkas_id]) in html
    assert f'title="{v.berkas.sha256}"' in html
    assert "Naskah yang disepakati para pihak" in html
    assert "Pemeriksaan kelengkapan Kesepakatan Bersama yang disepakati" in html
    assert "✓ Keadaan" not in html  # a KB has no keadaan kahar part
    assert "✓ Surat-Menyurat" in html and "[P11-1]" in html
    assert reverse("documents:unggah_versi", args=[ksdd.pk]) in html
    # The agreed draft is a DOCX: its PDF (converted by LibreOffice) is offered too.
    assert reverse("documents:unduh_pdf", args=[v.pk]) in html


def test_p26_upload_form_only_for_users_who_may_change(client, pemeran, ksdd, kb):
    client.force_login(pemeran.anggota)
    html = client.get(_detail(ksdd)).content.decode()
    assert reverse("documents:unggah_versi", args=[ksdd.pk]) not in html
    resp = client.post(
        reverse("documents:unggah_versi", args=[ksdd.pk]),
        {
            "dokumen": kb.pk,
            "asal": "revisi",
            "berkas": SimpleUploadedFile("a.docx", docx_bytes("x")),
        },
    )
    assert resp.status_code == 403
    assert kb.versi.count() == 1


def test_p26_upload_a_version_through_the_page(client, pemeran, ksdd, kb):
    client.force_login(pemeran.operator)
    resp = client.post(
        reverse("documents:unggah_versi", args=[ksdd.pk]),
        {
            "dokumen": kb.pk,
            "asal": "revisi",
            "catatan": "Hasil rapat teknis kedua.",
            "berkas": SimpleUploadedFile("kb-v2.docx", naskah_docx("kb", ksdd)),
        },
        follow=True,
    )
    assert resp.status_code == 200
    v2 = kb.versi.get(nomor=2)
    assert (v2.asal, v2.catatan, v2.dibuat_oleh) == (
        "revisi",
        "Hasil rapat teknis kedua.",
        pemeran.operator,
    )
    assert "Versi 2 dari" in resp.content.decode()
    assert reverse("documents:bandingkan", args=[kb.pk, 1, 2]) in resp.content.decode()


def test_p26_upload_new_pks_document_through_the_page(client, pemeran, ksdd, kb):
    client.force_login(pemeran.operator)
    client.post(
        reverse("documents:unggah_versi", args=[ksdd.pk]),
        {
            "dokumen": "pks",
            "asal": "dihasilkan",
            "berkas": SimpleUploadedFile("p.docx", naskah_docx("pks", ksdd)),
        },
    )
    assert Dokumen.objects.get(ksdd=ksdd, jenis="pks").versi.get().nomor == 1


def test_p26_other_agency_cannot_see_versions(client, pemeran, ksdd, kb):
    client.force_login(pemeran.operator_lain)
    assert client.get(reverse("documents:bandingkan", args=[kb.pk, 1, 1])).status_code == 404
    assert client.get(reverse("documents:pemeriksaan", args=[ksdd.pk, "kb"])).status_code == 404


def test_p26_compare_two_docx_versions(client, pemeran, ksdd, kb):
    versi_tambah(
        dokumen=kb,
        data=naskah_docx("kb", ksdd, judul_pasal={"objek": "OBYEK <KERJA SAMA>"}),
        nama="kb-v2.docx",
        asal=AsalVersi.REVISI,
        user=pemeran.operator,
    )
    client.force_login(pemeran.sekretariat)
    html = client.get(reverse("documents:bandingkan", args=[kb.pk, 1, 2])).content.decode()
    assert "OBYEK &lt;KERJA SAMA&gt;" in html
    assert "<KERJA SAMA>" not in html
    assert 'class="ubah"' in html or 'class="tambah"' in html


def test_p26_compare_with_a_pdf_says_so(client, pemeran, ksdd, kb):
    versi_tambah(
        dokumen=kb,
        data=pdf_bytes("KB"),
        nama="kb.pdf",
        asal=AsalVersi.DITANDATANGANI,
        user=pemeran.operator,
    )
    client.force_login(pemeran.operator)
    html = client.get(reverse("documents:bandingkan", args=[kb.pk, 1, 2])).content.decode()
    assert "Versi 2 berupa PDF" in html


def test_p11_report_page(client, pemeran, ksdd, kb):
    versi_tambah(
        dokumen=kb,
        data=naskah_docx("kb", ksdd, tanpa=("lain_lain",)),
        nama="kb.docx",
        asal=AsalVersi.DISEPAKATI,
        user=pemeran.operator,
    )
    client.force_login(pemeran.bupati)
    html = client.get(reverse("documents:pemeriksaan", args=[ksdd.pk, "kb"])).content.decode()
    assert "✗ Lain-Lain" in html and "Belum lengkap: penandatanganan diblokir." in html
    detail = client.get(_detail(ksdd)).content.decode()
    assert "Lain-Lain (Pasal 11 ayat 1)" in detail  # what blocks signing, shown before trying


def test_p26_page_query_count_does_not_grow_with_versions(client, pemeran, ksdd, kb):

    client.force_login(pemeran.operator)
    url = _detail(ksdd)
    client.get(url)

    def jumlah():
        return jumlah_kueri(client, url, panaskan=False)

    awal = jumlah()
    for i in range(3):
        versi_tambah(
            dokumen=kb,
            data=docx_bytes(f"Revisi {i}"),
            nama="r.docx",
            asal="revisi",
            user=pemeran.operator,
        )
    assert jumlah() == awal
    assert VersiDokumen.objects.filter(dokumen=kb).count() == 4
