"""Two versions of a DOCX compared as text (P26): paragraphs and table cells in order,
a unified diff and an escaped side-by-side table."""

import io

import docx
import pytest

from kersa.documents.choices import AsalVersi
from kersa.documents.contoh import docx_bytes
from kersa.documents.diff import bandingkan_teks, diff_versi
from kersa.documents.services.versi import dokumen_buat, versi_tambah
from kersa.documents.teks import teks_docx


def _docx_dengan_tabel() -> bytes:
    d = docx.Document()
    d.add_paragraph("Pasal 1")
    tabel = d.add_table(rows=1, cols=2)
    tabel.cell(0, 0).text = "PIHAK KESATU"
    tabel.cell(0, 1).text = "PIHAK KEDUA"
    d.add_paragraph("Pasal 2")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_p26_text_of_docx_in_order_with_table_cells():
    assert teks_docx(_docx_dengan_tabel()) == ["Pasal 1", "PIHAK KESATU", "PIHAK KEDUA", "Pasal 2"]


def test_p26_diff_shows_changed_pasal_text():
    a = ["Pasal 5", "JANGKA WAKTU", "Berlaku 3 (tiga) tahun.", "Pasal 6", "PENUTUP"]
    b = ["Pasal 5", "JANGKA WAKTU", "Berlaku 5 (lima) tahun.", "Pasal 6", "PENUTUP"]
    p = bandingkan_teks(a, b, nama_a="v1", nama_b="v2")
    assert "-Berlaku 3 (tiga) tahun." in p.unified
    assert "+Berlaku 5 (lima) tahun." in p.unified
    assert ("ubah", 3, "Berlaku 3 (tiga) tahun.", 3, "Berlaku 5 (lima) tahun.") in p.baris
    assert not p.sama


def test_p26_diff_html_is_escaped():
    p = bandingkan_teks(["<b>lama</b>"], ['<script>alert("x")</script>'])
    assert "<script>" not in p.html
    assert "&lt;script&gt;" in p.html and "&lt;b&gt;lama&lt;/b&gt;" in p.html


def test_p26_insert_and_delete_rows():
    p = bandingkan_teks(["a", "b"], ["a", "c", "d"])
    tanda = [r[0] for r in p.baris]
    assert tanda[0] == "sama" and "ubah" in tanda and "tambah" in tanda


@pytest.mark.django_db
def test_p26_diff_of_two_stored_versions(pemeran, ksdd):
    dok = dokumen_buat(ksdd=ksdd, jenis="pks", judul="PKS", user=pemeran.operator)
    v1 = versi_tambah(
        dokumen=dok,
        data=docx_bytes("Pasal 9", "KEADAAN KAHAR", "Bencana alam."),
        nama="v1.docx",
        asal=AsalVersi.DIHASILKAN,
        user=pemeran.operator,
    )
    v2 = versi_tambah(
        dokumen=dok,
        data=docx_bytes("Pasal 9", "KEADAAN KAHAR", "Bencana alam dan wabah penyakit."),
        nama="v2.docx",
        asal=AsalVersi.REVISI,
        user=pemeran.operator,
    )
    p = diff_versi(v1, v2)
    assert p.unified[0] == "--- v1 v1.docx" and p.unified[1] == "+++ v2 v2.docx"
    assert "+Bencana alam dan wabah penyakit." in p.unified
