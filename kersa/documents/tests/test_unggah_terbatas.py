"""Uploads bounded and active content refused (issue 19 item 6; P26).

- a body over the cap is refused with 413 before it is read (anonymous 500 MB POSTs to
  ``/akun/login/`` and ``/api/v1/token/``), JSON on the API;
- a file is cut at the limit while read: memory and disk stay bounded, the refusal
  names the size the file really had;
- PDFs with JavaScript or automatic actions, HTML/PDF polyglots, DOCX archives whose
  directory lies about sizes or that inflate past 100 MB, and macros under any part
  name are refused, by the validator, through a page and through the API, leaving
  nothing behind.
"""

import io
import random
import zipfile
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from kersa.agreements.choices import Status
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status
from kersa.documents.choices import AsalVersi, JenisDokumen
from kersa.documents.contoh import docx_bytes, pdf_bytes
from kersa.documents.models import Berkas, VersiDokumen
from kersa.documents.services.versi import dokumen_buat, versi_tambah
from kersa.documents.unggah import BerkasTerbatasUploadHandler
from kersa.documents.validators import DOCX, PDF, periksa_berkas

from .test_validators import _forged_size_docx, _ubah_docx

pytestmark = pytest.mark.django_db

PESAN_JS = (
    "PDF memuat JavaScript atau tindakan otomatis (/JavaScript, /JS, /AA) dan tidak dapat "
    "diterima; cetak ulang sebagai PDF biasa."
)
PESAN_HTML = (
    "Berkas memuat kode halaman web (HTML/skrip) dan tidak dapat diterima; unggah PDF atau "
    "DOCX biasa."
)
PESAN_GABUNGAN = (
    "Berkas ini bukan PDF yang sah: penanda PDF tidak berada di awal berkas (berkas gabungan)."
)
PESAN_MAKRO = "Dokumen bermakro (DOCM) tidak dapat diterima; simpan sebagai DOCX."
PESAN_UKURAN_PALSU = (
    "Arsip DOCX tidak wajar (ukuran isi tidak sesuai dengan yang tercatat di arsip)."
)
PESAN_TERLALU_BESAR = "Arsip DOCX tidak wajar (isi terlalu besar)."
CT_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


# --- building the files ------------------------------------------------------------------


def _pdf_katalog(tambahan: bytes) -> bytes:
    return pdf_bytes("Surat").replace(b"/Type /Catalog", b"/Type /Catalog " + tambahan, 1)


def _pdf_js_dalam_objstm() -> bytes:
    """PDF 1.5: the catalog's JavaScript action sits in a compressed object stream."""
    isi = zlib.compress(b"7 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>")
    obj = b"6 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\n" % len(isi)
    data = pdf_bytes("Surat").replace(b"/Type /Catalog", b"/Type /Catalog /OpenAction 7 0 R", 1)
    kepala, ekor = data.split(b"xref\n", 1)
    return kepala + obj + b"stream\n" + isi + b"\nendstream\nendobj\nxref\n" + ekor


def _docx_makro_nama_lain() -> bytes:
    """A macro part under an innocent name, declared by its content type."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes("Surat")))
    types = src.read("[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/word/gambar1.bin" '
        b'ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    )
    return _ubah_docx(
        ganti={"[Content_Types].xml": types},
        tambah={"word/gambar1.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 64},
    )


def _docx_makro_lewat_relasi() -> bytes:
    """A ``.bin`` part referenced as vbaProject only by a relationship."""
    rels = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId99" Type="http://schemas.microsoft.com/office/2006/'
        b'relationships/vbaProject" Target="data.bin"/></Relationships>'
    )
    return _ubah_docx(
        tambah={"word/_rels/document.xml.rels": rels, "word/data.bin": b"\xd0\xcf" + b"\x00" * 64},
    )


def _docx_lebih_dari_100_mb() -> bytes:
    """About 2 MB on the wire, a compression ratio (~48) below the directory check,
    and 102 MB inflated: refused while counting what is really inflated."""
    acak = random.Random(26)
    pola = b"".join(b"\x00" * 127 + bytes([acak.randrange(256)]) for _ in range(8192))  # 1 MiB
    out = io.BytesIO()
    src = zipfile.ZipFile(io.BytesIO(docx_bytes("Surat")))
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for n in src.namelist():
            z.writestr(n, src.read(n))
        for i in range(3):
            with z.open(f"word/media/isi{i}.bin", "w", force_zip64=True) as f:
                for _ in range(34):
                    f.write(pola)
    return out.getvalue()


BURUK = {
    "pdf_openaction_javascript": (
        "surat.pdf",
        lambda: _pdf_katalog(b"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>"),
        PESAN_JS,
    ),
    "pdf_aa": ("surat.pdf", lambda: _pdf_katalog(b"/AA << /O 9 0 R >>"), PESAN_JS),
    "pdf_openaction_kirim_formulir": (
        "surat.pdf",
        lambda: _pdf_katalog(b"/OpenAction << /S /SubmitForm /F (https://x.example/) >>"),
        PESAN_JS,
    ),
    "pdf_openaction_luncurkan": (
        "surat.pdf",
        lambda: _pdf_katalog(b"/OpenAction << /S /Launch /F (cmd.exe) >>"),
        PESAN_JS,
    ),
    "pdf_formulir_xfa": (
        "surat.pdf",
        lambda: _pdf_katalog(b"/AcroForm << /Fields [] /XFA 9 0 R >>"),
        PESAN_JS,
    ),
    "pdf_nama_di_escape": (
        "surat.pdf",
        lambda: _pdf_katalog(b"/OpenAction << /S /J#61vaScript /J#53 (x) >>"),
        PESAN_JS,
    ),
    "pdf_js_dalam_objstm": ("surat.pdf", _pdf_js_dalam_objstm, PESAN_JS),
    "html_di_depan_pdf": (
        "surat.pdf",
        lambda: b"<html><script>alert(1)</script></html>\n" + pdf_bytes("Surat"),
        PESAN_HTML,
    ),
    "pdf_dengan_script_di_awal": (
        "surat.pdf",
        lambda: pdf_bytes("Surat").replace(b"%PDF-1.4\n", b"%PDF-1.4\n%<script>x</script>\n"),
        PESAN_HTML,
    ),
    "penanda_pdf_tidak_di_awal": (
        "surat.pdf",
        lambda: b"GIF89a\x01\x00\x01\x00\n" + pdf_bytes("Surat"),
        PESAN_GABUNGAN,
    ),
    "docx_ukuran_palsu": ("surat.docx", lambda: _forged_size_docx(4 * 1024 * 1024), None),
    "docx_makro_tipe_isi": ("surat.docx", _docx_makro_nama_lain, PESAN_MAKRO),
    "docx_makro_relasi": ("surat.docx", _docx_makro_lewat_relasi, PESAN_MAKRO),
    "docx_makro_huruf_besar": (
        "surat.docx",
        lambda: _ubah_docx(tambah={"word/VBAPROJECT.BIN": b"\xd0\xcf\x11\xe0" + b"\x00" * 64}),
        PESAN_MAKRO,
    ),
}
PESAN = {k: v[2] or PESAN_UKURAN_PALSU for k, v in BURUK.items()}


def _media() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _nothing_left():
    assert not Berkas.objects.exists()
    assert not VersiDokumen.objects.exists()
    assert _media() == []


# --- the validator -----------------------------------------------------------------------


@pytest.mark.parametrize("kasus", BURUK)
def test_p26_active_or_lying_file_refused_by_the_validator(kasus):
    nama, buat, _pesan = BURUK[kasus]
    with pytest.raises(RuleViolation) as exc:
        periksa_berkas(nama, buat())
    (p,) = exc.value.pelanggaran
    assert (p.rule, p.field, str(p.detail)) == ("P26", "berkas", PESAN[kasus])


def test_p26_docx_inflating_past_100_mb_refused_while_read():
    data = _docx_lebih_dari_100_mb()
    assert len(data) < 10 * 1024 * 1024
    for info in zipfile.ZipFile(io.BytesIO(data)).infolist():
        assert info.compress_size == 0 or info.file_size / info.compress_size < 100
    with pytest.raises(RuleViolation) as exc:
        periksa_berkas("besar.docx", data)
    assert exc.value.detail == PESAN_TERLALU_BESAR


def test_p26_ordinary_pdf_and_docx_still_pass():
    assert periksa_berkas("surat.pdf", pdf_bytes("Surat ke https://x.go.id/JSON/aa")) == PDF
    assert periksa_berkas("surat.docx", docx_bytes("Surat <html> dalam teks")) == DOCX
    # A viewer preference in /OpenAction (no JavaScript) is ordinary.
    assert periksa_berkas("surat.pdf", _pdf_katalog(b"/OpenAction [3 0 R /Fit]")) == PDF
    # ... as LibreOffice writes it in every PDF it exports (KERSA's own PDFs included).
    libreoffice = _pdf_katalog(b"/OpenAction[1 0 R /XYZ null null 0]")
    assert periksa_berkas("surat.pdf", libreoffice) == PDF


# --- through a service, a page and the API: nothing is saved ------------------------------


@pytest.fixture
def dokumen(pemeran, ksdd):
    return dokumen_buat(
        ksdd=ksdd, jenis=JenisDokumen.KB, judul="Rancangan KB", user=pemeran.operator
    )


@pytest.mark.parametrize("kasus", ["pdf_openaction_javascript", "docx_makro_tipe_isi"])
def test_p26_refused_as_a_version_leaving_nothing(pemeran, dokumen, kasus):
    nama, buat, _ = BURUK[kasus]
    with pytest.raises(RuleViolation) as exc:
        versi_tambah(
            dokumen=dokumen,
            upload=ContentFile(buat(), name=nama),
            asal=AsalVersi.REVISI,
            user=pemeran.operator,
        )
    assert exc.value.detail == PESAN[kasus]
    _nothing_left()


@pytest.mark.parametrize("kasus", ["pdf_js_dalam_objstm", "html_di_depan_pdf", "docx_makro_relasi"])
def test_p26_refused_through_the_page_leaving_nothing(client, pemeran, ksdd, dokumen, kasus):
    nama, buat, _ = BURUK[kasus]
    client.force_login(pemeran.operator)
    resp = client.post(
        reverse("documents:unggah_versi", args=[ksdd.pk]),
        {"dokumen": dokumen.pk, "asal": "revisi", "berkas": SimpleUploadedFile(nama, buat())},
        follow=True,
    )
    assert resp.status_code == 200
    assert f"{PESAN[kasus]} [P26]" in resp.content.decode().replace("&#x27;", "'")
    _nothing_left()


def _klien(user) -> APIClient:
    c = APIClient()
    c.force_login(user)
    return c


def test_p26_refused_through_the_api_leaving_nothing(ksdd, pemeran):
    ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    sebelum = ksdd.riwayat.count()
    data = {
        "dianggarkan_apbd": "false",
        "nomor_dpa": "",
        "alasan": "Kegiatan tidak jadi dianggarkan dalam Perubahan APBD 2026.",
        "bukti": SimpleUploadedFile("nota-dinas.pdf", BURUK["pdf_aa"][1]()),
    }
    r = _klien(pemeran.sekretariat).post(
        f"/api/v1/ksdd/{ksdd.pk}/ubah_dasar_dprd/", data, format="multipart"
    )
    assert r.status_code in (400, 422), r.json()
    assert PESAN_JS in str(r.json())
    ksdd.refresh_from_db()
    assert ksdd.dianggarkan_apbd is True
    assert ksdd.riwayat.count() == sebelum
    assert not ksdd.berkas.filter(nama_asli="nota-dinas.pdf").exists()


# --- bounded bodies ----------------------------------------------------------------------


def _besar(n: int) -> SimpleUploadedFile:
    return SimpleUploadedFile("besar.pdf", pdf_bytes("Surat") + b"%" * n)


def test_anonymous_big_post_to_the_login_page_is_413(client):
    r = client.post("/akun/login/", {"username": "x", "password": "y", "f": _besar(2_000_000)})
    assert r.status_code == 413
    teks = r.content.decode()
    assert "Permintaan terlalu besar" in teks and "paling besar 1.0 MB" in teks


def test_anonymous_big_post_to_the_token_api_is_413_json(client):
    r = client.post(
        "/api/v1/token/",
        data=b'{"username": "x", "password": "' + b"y" * 2_000_000 + b'"}',
        content_type="application/json",
    )
    assert r.status_code == 413
    assert r.json()["detail"].startswith("Permintaan terlalu besar")


def test_a_signed_in_upload_over_1_mb_reaches_the_form(client, pemeran, ksdd, dokumen):
    client.force_login(pemeran.operator)
    resp = client.post(
        reverse("documents:unggah_versi", args=[ksdd.pk]),
        {"dokumen": dokumen.pk, "asal": "revisi", "berkas": _besar(2_000_000)},
        follow=True,
    )
    assert resp.status_code == 200
    assert VersiDokumen.objects.filter(dokumen=dokumen).count() == 1


def test_an_upload_over_1_mb_with_an_api_token_reaches_the_step(pemeran, ksdd):
    """Issue 19: the size check asked an unused token table whether the API token was
    valid (the tokens are knox's): every upload over 1 MB with a token was a 500."""
    from kersa.accounts.services import token_api_buat
    from kersa.api.tests.bantuan import data_ajukan_kak, multipart

    _row, kunci = token_api_buat(user=pemeran.operator)
    data = multipart(data_ajukan_kak(ksdd) | {"surat_permohonan": _besar(2_000_000)})
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token " + kunci)
    r = api.post(f"/api/v1/ksdd/{ksdd.pk}/ajukan_kak/", data, format="multipart")
    assert r.status_code == 200, r.content[:300]
    ksdd.refresh_from_db()
    assert ksdd.status == Status.KAK_DIAJUKAN
    assert ksdd.berkas.get(nama_asli="besar.pdf").ukuran > 2_000_000
    # A wrong or revoked token is anonymous to the size check: 413 before the body is read.
    data = multipart(data_ajukan_kak(ksdd) | {"surat_permohonan": _besar(2_000_000)})
    api.credentials(HTTP_AUTHORIZATION="Token " + kunci[:-4] + "abcd")
    r = api.post(f"/api/v1/ksdd/{ksdd.pk}/ajukan_kak/", data, format="multipart")
    assert r.status_code == 413
    assert r.json()["detail"].startswith("Permintaan terlalu besar")


def test_a_signed_in_json_body_over_1_mb_is_413(pemeran, ksdd):
    r = _klien(pemeran.operator).patch(
        f"/api/v1/ksdd/{ksdd.pk}/", {"judul": "x" * 1_100_000}, format="json"
    )
    assert r.status_code == 413


def test_the_handler_keeps_only_the_limit_plus_one_byte(settings):
    settings.KERSA_MAX_UPLOAD_BYTES = 1_000_000
    h = BerkasTerbatasUploadHandler()
    h.new_file("berkas", "besar.pdf", "application/pdf", 5_000_000)
    for i in range(0, 5_000_000, 65536):
        h.receive_data_chunk(b"%" * 65536, i)
    f = h.file_complete(0)
    try:
        assert Path(f.temporary_file_path()).stat().st_size == 1_000_001  # disk bounded
        assert f.size >= 5_000_000  # the size it really had
        with pytest.raises(RuleViolation) as exc:
            periksa_berkas(f.name, f.read(), f.size)
        assert exc.value.detail == "Berkas terlalu besar (5.0 MB); paling besar 1 MB."
    finally:
        f.close()


def test_a_too_large_file_through_the_page_is_cut_and_refused(
    client, pemeran, ksdd, dokumen, settings
):
    settings.KERSA_MAX_UPLOAD_BYTES = 1_000_000
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # through the temporary-file handler
    client.force_login(pemeran.operator)
    resp = client.post(
        reverse("documents:unggah_versi", args=[ksdd.pk]),
        {"dokumen": dokumen.pk, "asal": "revisi", "berkas": _besar(2_500_000)},
        follow=True,
    )
    assert "Berkas terlalu besar (2.5 MB); paling besar 1 MB. [P26]" in resp.content.decode()
    _nothing_left()


@pytest.mark.parametrize("url", ["/akun/login/", "/api/v1/token/"])
def test_a_claimed_500_mb_body_is_refused_before_it_is_read(client, url):
    """The length the client announces decides: nothing of the body is read or spooled."""
    r = client.post(
        url,
        data=b"--x\r\n",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(500 * 1024 * 1024),
    )
    assert r.status_code == 413
    teks = r.json()["detail"] if url.startswith("/api/") else r.content.decode()
    assert teks.startswith("Permintaan terlalu besar (524.3 MB); paling besar 1.0 MB.")
