"""Every kind of bad file is refused when uploaded as a document version, with a
message in Bahasa Indonesia, leaving nothing behind: no Berkas row, no version, no
file under MEDIA_ROOT (P26)."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kersa.core.errors import RuleViolation
from kersa.documents.choices import AsalVersi, JenisDokumen
from kersa.documents.contoh import docx_bytes, pdf_bytes
from kersa.documents.models import Berkas, VersiDokumen
from kersa.documents.services.versi import dokumen_buat, versi_tambah

from .test_validators import _encrypted_flag, _encrypted_pdf, _ubah_docx

pytestmark = pytest.mark.django_db

HARUS = "Berkas harus berupa PDF atau DOCX (diperiksa dari isinya, bukan namanya)."


def _zip_bukan_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "Bukan dokumen Word.")
    return buf.getvalue()


def _zip_bomb() -> bytes:
    return _ubah_docx(tambah={"word/media/bom.bin": b"\x00" * (20 * 1024 * 1024)})


# kind → (file name, content builder, message)
BURUK = {
    "bukan_pdf_docx_dinamai_pdf": (
        "surat.pdf",
        lambda: b"MZ\x90\x00\x03" + b"\x00" * 200,
        HARUS,
    ),
    "docm_vbaproject": (
        "rancangan.docx",
        lambda: _ubah_docx(tambah={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 64}),
        "Dokumen bermakro (DOCM) tidak dapat diterima; simpan sebagai DOCX.",
    ),
    "docx_terenkripsi": (
        "rancangan.docx",
        lambda: _encrypted_flag(_ubah_docx(compression=zipfile.ZIP_STORED)),
        "Dokumen terenkripsi tidak dapat diterima.",
    ),
    "pdf_terenkripsi": (
        "surat.pdf",
        _encrypted_pdf,
        "PDF terenkripsi tidak dapat diterima; unggah salinan tanpa sandi.",
    ),
    "zip_rusak": (
        "rancangan.docx",
        lambda: b"PK\x03\x04" + b"\xde\xad\xbe\xef" * 64,
        "Berkas DOCX rusak dan tidak dapat dibaca.",
    ),
    "zip_bomb": (
        "rancangan.docx",
        _zip_bomb,
        "Arsip DOCX tidak wajar (rasio kompresi terlalu besar).",
    ),
    "zip_bukan_docx": (
        "rancangan.docx",
        _zip_bukan_docx,
        "Berkas ZIP ini bukan dokumen Word (DOCX).",
    ),
    "jalur_naik_unix": (
        "../../etc/passwd.pdf",
        lambda: pdf_bytes("Surat"),
        "Nama berkas \u201c../../etc/passwd.pdf\u201d tidak sah (mengandung jalur folder).",
    ),
    "jalur_windows": (
        "C:\\x\\a.docx",
        lambda: docx_bytes("Surat"),
        "Nama berkas \u201cC:\\x\\a.docx\u201d tidak sah (mengandung jalur folder).",
    ),
}


def _media() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def dokumen(pemeran, ksdd):
    return dokumen_buat(
        ksdd=ksdd, jenis=JenisDokumen.KB, judul="Rancangan KB", user=pemeran.operator
    )


def _nothing_left():
    assert not Berkas.objects.exists()
    assert not VersiDokumen.objects.exists()
    assert _media() == []


@pytest.mark.parametrize("kasus", BURUK)
def test_p26_bad_file_refused_as_a_version_leaving_nothing(pemeran, dokumen, kasus):
    nama, buat, pesan = BURUK[kasus]
    assert Path(settings.MEDIA_ROOT).name == "media"  # the conftest's temporary root
    with pytest.raises(RuleViolation) as exc:
        versi_tambah(
            dokumen=dokumen,
            upload=ContentFile(buat(), name=nama),  # keeps the name as the client sent it
            asal=AsalVersi.REVISI,
            user=pemeran.operator,
        )
    (p,) = exc.value.pelanggaran
    assert (p.rule, p.field, str(p.detail)) == ("P26", "berkas", pesan)
    _nothing_left()


def test_p26_too_large_file_refused_leaving_nothing(pemeran, dokumen, settings):
    settings.KERSA_MAX_UPLOAD_BYTES = 2048
    with pytest.raises(RuleViolation) as exc:
        versi_tambah(
            dokumen=dokumen,
            data=pdf_bytes("Surat") + b"%" * 4096,
            nama="besar.pdf",
            asal=AsalVersi.REVISI,
            user=pemeran.operator,
        )
    assert exc.value.detail.startswith("Berkas terlalu besar")
    assert "paling besar" in exc.value.detail
    _nothing_left()


def test_p26_refused_after_the_file_is_written_leaves_nothing(pemeran, dokumen):
    """A refusal that comes after the file was stored (inside the same
    ``atomic_dengan_berkas``, as every workflow step does) removes the stored file too."""
    from kersa.core.errors import Pelanggaran
    from kersa.documents.services import atomic_dengan_berkas, berkas_unggah

    with pytest.raises(RuleViolation), atomic_dengan_berkas():
        berkas_unggah(
            ksdd=dokumen.ksdd,
            jenis="lainnya",
            upload=ContentFile(docx_bytes("Pasal 1"), name="kb.docx"),
            user=pemeran.operator,
        )
        assert Berkas.objects.count() == 1 and _media() != []
        raise RuleViolation(Pelanggaran("P26", "ditolak sesudah berkas disimpan"))
    _nothing_left()


@pytest.mark.parametrize("kasus", ["bukan_pdf_docx_dinamai_pdf", "docm_vbaproject", "zip_rusak"])
def test_p26_bad_file_refused_through_the_page(client, pemeran, ksdd, dokumen, kasus):
    nama, buat, pesan = BURUK[kasus]
    client.force_login(pemeran.operator)
    upload = SimpleUploadedFile(nama, buat())
    resp = client.post(
        reverse("documents:unggah_versi", args=[ksdd.pk]),
        {"dokumen": dokumen.pk, "asal": "revisi", "berkas": upload},
        follow=True,
    )
    assert resp.status_code == 200
    teks = resp.content.decode()
    assert f"{pesan} [P26]" in teks.replace("&#x27;", "'")
    _nothing_left()
