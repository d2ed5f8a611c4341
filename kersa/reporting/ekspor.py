"""Exports of the dashboard and the registers: XLSX (openpyxl) and PDF (python-docx → LibreOffice).

A ``Tabel`` is a title, headers and rows of plain values (str, int, date); the
same tables feed the page, the spreadsheet and the PDF.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kersa.core.format import tanggal_surat
from kersa.documents.konversi import pdf_dari_docx


@dataclass
class Tabel:
    judul: str
    kolom: list[str]
    baris: Iterable[list] = field(default_factory=list)  # a list, or an iterator read once
    lebar: list[int] | None = None  # column widths in characters (XLSX)


def _lembar_nama(judul: str, dipakai: set[str]) -> str:
    nama = "".join(c for c in judul if c not in r"[]:*?/\\")[:28] or "Lembar"
    asli, i = nama, 2
    while nama in dipakai:
        nama = f"{asli[:25]} {i}"
        i += 1
    dipakai.add(nama)
    return nama


def xlsx_dari_tabel(tabel: list[Tabel], *, judul_buku: str = "KERSA") -> bytes:
    """One sheet per table: bold header row, column widths, frozen header, dates as dates.

    openpyxl's write-only mode: each row goes to the sheet's XML as it comes, so a table
    whose ``baris`` is an iterator over 100,000 KSDD keeps memory flat (the normal mode
    held a cell object per value: 1.7 GB for the dashboard at 100k, issue 18). Column
    widths are set before the rows: given (``lebar``), or measured when the rows are a
    list."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    wb.properties.title = judul_buku
    wb.properties.creator = "KERSA"
    dipakai: set[str] = set()
    tebal = Font(bold=True)
    isi = PatternFill("solid", fgColor="E8EEF5")
    lipat = Alignment(wrap_text=True, vertical="top")
    for t in tabel:
        ws = wb.create_sheet(_lembar_nama(t.judul, dipakai))
        lebar = t.lebar or [
            min(
                60,
                max([len(str(t.kolom[i]))] + [len(_teks(r[i])) for r in t.baris])
                if isinstance(t.baris, list)
                else len(str(t.kolom[i])) + 10,
            )
            + 2
            for i in range(len(t.kolom))
        ]
        for i, w in enumerate(lebar, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(w, 6)
        ws.freeze_panes = "A2"

        def sel(v, *, kepala=False, ws=ws):
            c = WriteOnlyCell(ws, value=v if kepala else _nilai_sel(v))
            c.alignment = lipat
            if kepala:
                c.font, c.fill = tebal, isi
            elif isinstance(c.value, dt.date):
                c.number_format = "DD/MM/YYYY"
            return c

        ws.append([sel(h, kepala=True) for h in t.kolom])
        n = 1
        for row in t.baris:
            ws.append([sel(v) for v in row])
            n += 1
        if n > 1:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(t.kolom))}{n}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _nilai_sel(v):
    if isinstance(v, dt.datetime):
        return v.replace(tzinfo=None).date()
    if isinstance(v, (list, tuple)):
        return "; ".join(str(x) for x in v)
    if v is None or isinstance(v, (int, float, dt.date)):
        return v
    return str(v)


def _teks(v) -> str:
    if isinstance(v, dt.date):
        return "00/00/0000"
    v = _nilai_sel(v)
    return "" if v is None else str(v)


def _teks_cetak(v) -> str:
    if isinstance(v, dt.datetime):
        v = v.date()
    if isinstance(v, dt.date):
        return tanggal_surat(v)
    v = _nilai_sel(v)
    return "" if v is None else str(v)


def csv_baris(t: Tabel) -> Iterator[bytes]:
    """The CSV of ``t`` line by line (for a streamed answer): UTF-8 with BOM (so that
    spreadsheet programs read the accents), ISO dates."""
    out = io.StringIO()
    w = csv.writer(out)

    def ambil() -> bytes:
        teks = out.getvalue()
        out.seek(0)
        out.truncate()
        return teks.encode("utf-8")

    out.write("\ufeff")
    w.writerow(t.kolom)
    yield ambil()
    for row in t.baris:
        w.writerow(
            [
                v.isoformat() if isinstance(v, dt.date) else _teks(v) if v is not None else ""
                for v in row
            ]
        )
        yield ambil()


def csv_dari_tabel(t: Tabel) -> bytes:
    return b"".join(csv_baris(t))


def docx_dari_tabel(tabel: list[Tabel], *, judul: str, subjudul: str = "") -> bytes:
    """A landscape A4 document with one titled table per ``Tabel``."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Document()
    s = doc.sections[0]
    s.orientation = WD_ORIENT.LANDSCAPE
    s.page_width, s.page_height = Cm(29.7), Cm(21.0)
    for m in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(s, m, Cm(1.5))
    gaya = doc.styles["Normal"]
    gaya.font.name = "Arial"
    gaya.font.size = Pt(9)
    doc.add_heading(judul, level=1)
    if subjudul:
        doc.add_paragraph(subjudul)
    for t in tabel:
        doc.add_heading(t.judul, level=2)
        if not t.baris:
            doc.add_paragraph(_("Tidak ada data."))
            continue
        tb = doc.add_table(rows=1, cols=len(t.kolom))
        tb.style = "Table Grid"
        for i, h in enumerate(t.kolom):
            sel = tb.rows[0].cells[i]
            sel.text = ""
            sel.paragraphs[0].add_run(str(h)).bold = True
        for row in t.baris:
            cells = tb.add_row().cells
            for i, v in enumerate(row):
                cells[i].text = _teks_cetak(v)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def pdf_dari_tabel(tabel: list[Tabel], *, judul: str, subjudul: str = "") -> bytes:
    """The tables as PDF: built as DOCX, converted by LibreOffice (about 2 s)."""

    return pdf_dari_docx(docx_dari_tabel(tabel, judul=judul, subjudul=subjudul))
