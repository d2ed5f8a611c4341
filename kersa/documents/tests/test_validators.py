"""Uploaded letters are PDF or DOCX by content; every other kind of file is refused with
a message a clerk understands, and leaves no Berkas row and no file behind (P26)."""

import contextlib
import hashlib
import io
import struct
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from kersa.core.errors import RuleViolation
from kersa.documents.choices import JenisBerkas
from kersa.documents.contoh import docx_bytes, pdf_bytes, unggahan_docx, unggahan_pdf
from kersa.documents.models import Berkas
from kersa.documents.services import berkas_unggah
from kersa.documents.validators import DOCX, PDF, nama_aman, periksa_berkas

MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


# --- building bad files ------------------------------------------------------------------


def _ubah_docx(*, tambah=None, ganti=None, hapus=(), compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A copy of a valid DOCX with entries added, replaced or removed."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes("Surat")))
    entries = {n: src.read(n) for n in src.namelist() if n not in hapus}
    entries.update(ganti or {})
    entries.update(tambah or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


def _encrypted_flag(data: bytes) -> bytes:
    """Set the 'encrypted' general-purpose flag (bit 0) on every entry."""
    buf = bytearray(data)
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = buf.find(sig)
        while i != -1:
            (flags,) = struct.unpack_from("<H", buf, i + offset)
            struct.pack_into("<H", buf, i + offset, flags | 0x1)
            i = buf.find(sig, i + 4)
    return bytes(buf)


def _encrypted_pdf() -> bytes:
    data = pdf_bytes("Rahasia")
    return data.replace(b"/Root 1 0 R >>", b"/Root 1 0 R /Encrypt 6 0 R >>")


def _encrypted_pdf_with_xref_stream(n_entries: int = 1200) -> bytes:
    """An encrypted PDF 1.5 of a few pages' worth of content whose trailer is an xref
    stream: the /Encrypt key sits before the stream's data, more than 4 KB from either end."""
    head = pdf_bytes("Rahasia").split(b"xref\n")[0]
    isi = b"BT /F1 12 Tf 72 700 Td (Isi naskah) Tj ET\n" * 250
    head += b"8 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (len(isi), isi)
    xref = b"".join(struct.pack(">BIH", 1, i, 0) for i in range(n_entries))
    obj = (
        b"7 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Encrypt 6 0 R "
        b"/Length %d >>\nstream\n" % (n_entries, len(xref))
    )
    start = len(head)
    return head + obj + xref + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % start


def _forged_size_docx(real_size: int) -> bytes:
    """A DOCX whose [Content_Types].xml declares 200 bytes but inflates to ``real_size``:
    the compression ratio computed from the directory looks harmless."""
    body = b"<Types>" + DOCX_MAIN.encode() + b"</Types>" + b" " * real_size
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", body)
        z.writestr("word/document.xml", "<w:document/>")
    buf = bytearray(out.getvalue())
    declared = 200
    i = buf.find(b"PK\x01\x02")  # the first central directory record: [Content_Types].xml
    struct.pack_into("<I", buf, i + 16, zlib.crc32(body[:declared]))
    struct.pack_into("<I", buf, i + 24, declared)
    return bytes(buf)


ZIP_BUKAN_DOCX = io.BytesIO()
with zipfile.ZipFile(ZIP_BUKAN_DOCX, "w") as _z:
    _z.writestr("readme.txt", "Bukan dokumen Word.")

# (name, content, the message shown). Built once; the zip bomb on demand (50 MB).
BURUK = {
    "exe_dinamai_pdf": (
        "surat.pdf",
        b"MZ\x90\x00\x03" + b"\x00" * 200,
        "Berkas harus berupa PDF atau DOCX (diperiksa dari isinya, bukan namanya).",
    ),
    "png_dinamai_pdf": (
        "surat.pdf",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 200,
        "Berkas harus berupa PDF atau DOCX (diperiksa dari isinya, bukan namanya).",
    ),
    "teks_dinamai_docx": (
        "surat.docx",
        b"Ini hanya teks.",
        "Berkas harus berupa PDF atau DOCX (diperiksa dari isinya, bukan namanya).",
    ),
    "kosong": ("surat.pdf", b"", "Berkas kosong."),
    "docm_vba": (
        "surat.docx",
        _ubah_docx(tambah={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 64}),
        "Dokumen bermakro (DOCM) tidak dapat diterima; simpan sebagai DOCX.",
    ),
    "docm_content_type": (
        "surat.docx",
        _ubah_docx(
            ganti={
                "[Content_Types].xml": (
                    '<?xml version="1.0"?><Types><Override PartName="/word/document.xml" '
                    f'ContentType="{MACRO_TYPE}"/></Types>'
                )
            }
        ),
        "Dokumen bermakro (DOCM) tidak dapat diterima; simpan sebagai DOCX.",
    ),
    "zip_entri_terenkripsi": (
        "surat.docx",
        _encrypted_flag(_ubah_docx(compression=zipfile.ZIP_STORED)),
        "Dokumen terenkripsi tidak dapat diterima.",
    ),
    "pdf_terenkripsi": (
        "surat.pdf",
        _encrypted_pdf(),
        "PDF terenkripsi tidak dapat diterima; unggah salinan tanpa sandi.",
    ),
    "zip_rusak": (
        "surat.docx",
        b"PK\x03\x04" + b"\xde\xad\xbe\xef" * 64,
        "Berkas DOCX rusak dan tidak dapat dibaca.",
    ),
    "zip_bukan_docx": (
        "surat.docx",
        ZIP_BUKAN_DOCX.getvalue(),
        "Berkas ZIP ini bukan dokumen Word (DOCX).",
    ),
    "zip_tanpa_tipe_word": (
        "surat.docx",
        _ubah_docx(ganti={"[Content_Types].xml": "<Types/>"}),
        "Berkas ZIP ini bukan dokumen Word (DOCX).",
    ),
    "zip_tanpa_document_xml": (
        "surat.docx",
        _ubah_docx(hapus=("word/document.xml",)),
        "Berkas ZIP ini bukan dokumen Word (DOCX).",
    ),
    "zip_jalur_naik": (
        "surat.docx",
        _ubah_docx(tambah={"../../etc/cron.d/x": "x"}),
        "Arsip DOCX memuat jalur berkas yang tidak sah.",
    ),
}


def _zip_bomb() -> bytes:
    return _ubah_docx(tambah={"word/media/bom.bin": b"\x00" * (50 * 1024 * 1024)})


def _detail(excinfo) -> str:
    (p,) = excinfo.value.pelanggaran
    assert (p.rule, p.field) == ("P26", "berkas")
    return str(p.detail)


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _unggah(nama: str, data: bytes):
    return berkas_unggah(
        ksdd=None, jenis=JenisBerkas.LAINNYA, upload=ContentFile(data, name=nama), user=None
    )


# --- periksa_berkas -------------------------------------------------------------------------


@pytest.mark.parametrize("kasus", BURUK)
def test_p26_bad_file_refused_by_the_validator(kasus):
    nama, data, pesan = BURUK[kasus]
    with pytest.raises(RuleViolation) as exc:
        periksa_berkas(nama, data)
    assert _detail(exc) == pesan


@pytest.mark.parametrize("kasus", BURUK)
@pytest.mark.django_db
def test_p26_bad_file_refused_by_the_upload_service_leaving_nothing(kasus):
    nama, data, pesan = BURUK[kasus]
    with pytest.raises(RuleViolation) as exc:
        _unggah(nama, data)
    assert _detail(exc) == pesan
    assert not Berkas.objects.exists()
    assert _media_files() == []


def test_p26_too_large_file_refused():
    data = pdf_bytes("Surat") + b"%" + b"x" * 2000
    with override_settings(KERSA_MAX_UPLOAD_BYTES=1000), pytest.raises(RuleViolation) as exc:
        periksa_berkas("besar.pdf", data)
    assert _detail(exc).startswith("Berkas terlalu besar (0.0 MB); paling besar 0 MB")
    with override_settings(KERSA_MAX_UPLOAD_BYTES=len(data)):
        assert periksa_berkas("besar.pdf", data) == PDF


@pytest.mark.django_db
def test_p26_too_large_file_refused_by_the_upload_service():
    with override_settings(KERSA_MAX_UPLOAD_BYTES=2_000_000), pytest.raises(RuleViolation) as exc:
        _unggah("besar.pdf", pdf_bytes() + b"x" * 3_000_000)
    assert _detail(exc) == "Berkas terlalu besar (3.0 MB); paling besar 2 MB."
    assert not Berkas.objects.exists()
    assert _media_files() == []


@pytest.mark.django_db
def test_p26_zip_bomb_refused_by_compression_ratio():
    data = _zip_bomb()
    assert len(data) < settings.KERSA_MAX_UPLOAD_BYTES  # small on the wire
    with pytest.raises(RuleViolation) as exc:
        periksa_berkas("bom.docx", data)
    assert _detail(exc) == "Arsip DOCX tidak wajar (rasio kompresi terlalu besar)."
    with pytest.raises(RuleViolation):
        _unggah("bom.docx", data)
    assert not Berkas.objects.exists()
    assert _media_files() == []


def test_p26_forged_entry_size_does_not_inflate_in_memory():
    """A directory that lies about an entry's size passes the ratio check; reading that
    entry must still be bounded (a 64 MB inflate for a 70 KB upload is a DoS)."""
    data = _forged_size_docx(64 * 1024 * 1024)
    assert len(data) < 1024 * 1024
    tracemalloc.start()
    try:
        with contextlib.suppress(RuleViolation):  # refusing it is fine; inflating it is not
            periksa_berkas("tipu.docx", data)
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB while checking a small upload"


def test_p26_encrypted_pdf_refused_wherever_the_encrypt_key_sits():
    data = _encrypted_pdf_with_xref_stream()
    assert data.index(b"/Encrypt") > 4096 and len(data) - data.index(b"/Encrypt") > 4096
    with pytest.raises(RuleViolation) as exc:
        periksa_berkas("rahasia.pdf", data)
    assert _detail(exc) == "PDF terenkripsi tidak dapat diterima; unggah salinan tanpa sandi."


@pytest.mark.parametrize(
    "nama",
    ["../../etc/passwd.pdf", "a/b.pdf", "surat\x00.pdf", "..\\..\\boot.ini.pdf", ".htaccess"],
)
def test_p26_path_tricks_in_the_name_refused(nama):
    with pytest.raises(RuleViolation) as exc:
        periksa_berkas(nama, pdf_bytes())
    assert _detail(exc) == f"Nama berkas \u201c{nama}\u201d tidak sah (mengandung jalur folder)."


@pytest.mark.parametrize("nama", ["../../etc/passwd.pdf", "a/b.pdf", "surat\x00.pdf"])
@pytest.mark.django_db
def test_p26_path_tricks_refused_by_the_upload_service(nama):
    with pytest.raises(RuleViolation) as exc:
        _unggah(nama, pdf_bytes())
    assert "tidak sah (mengandung jalur folder)" in _detail(exc)
    assert not Berkas.objects.exists()
    assert _media_files() == []


def test_p26_display_name_never_carries_a_path():
    assert nama_aman("../../etc/passwd.pdf") == "passwd.pdf"
    assert nama_aman("C:\\Users\\siti\\Surat Permohonan (final).pdf") == (
        "Surat Permohonan (final).pdf"
    )
    assert nama_aman("surat\x00<script>.pdf") == "surat__script_.pdf"
    assert nama_aman("...") == "berkas"


# --- valid files ------------------------------------------------------------------------------


def test_p26_valid_pdf_and_docx_pass():
    assert periksa_berkas("surat.pdf", pdf_bytes("Surat permohonan")) == PDF
    assert periksa_berkas("rancangan.docx", docx_bytes("KESEPAKATAN BERSAMA", "Pasal 1")) == DOCX
    # judged by content, not by name
    assert periksa_berkas("surat.docx", pdf_bytes()) == PDF
    assert periksa_berkas("rancangan.pdf", docx_bytes()) == DOCX


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "tipe", "ext"),
    [
        (lambda: unggahan_pdf("Surat Permohonan.pdf", "Surat"), PDF, "pdf"),
        (lambda: unggahan_docx("Rancangan KB.docx", "KESEPAKATAN BERSAMA"), DOCX, "docx"),
    ],
)
def test_p26_valid_upload_stored_with_checksum(upload, tipe, ext):
    berkas_upload = upload()
    isi = berkas_upload.read()
    berkas_upload.seek(0)
    berkas = berkas_unggah(ksdd=None, jenis=JenisBerkas.LAINNYA, upload=berkas_upload, user=None)
    berkas.refresh_from_db()
    sha = hashlib.sha256(isi).hexdigest()
    assert (berkas.sha256, berkas.ukuran, berkas.content_type) == (sha, len(isi), tipe)
    assert berkas.nama_asli == berkas_upload.name
    assert berkas.file.name == f"berkas/{sha[:2]}/{sha}.{ext}"
    assert Path(berkas.file.path).read_bytes() == isi
    assert _media_files() == [Path(berkas.file.path)]


@pytest.mark.django_db
def test_p26_the_stored_extension_follows_the_content_not_the_name():
    berkas = berkas_unggah(
        ksdd=None,
        jenis=JenisBerkas.LAINNYA,
        upload=SimpleUploadedFile("surat.docx", pdf_bytes(), content_type="application/msword"),
        user=None,
    )
    assert (berkas.content_type, berkas.file.name.rsplit(".", 1)[1]) == (PDF, "pdf")
