"""The Berita Acara of a plan list (Pasal 7 ayat 5, Pasal 8 ayat 4; P7-5, P8-4).

The letterhead, title, opening and signature come from ``surat.docx`` (via
``konteks_rekaman``); the list itself is a table put in place of a marker
paragraph with python-docx. Pure apart from reading the list.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from kersa.agreements.choices import Kategori
from kersa.core.format import rupiah, tanggal_kata, tanggal_surat
from kersa.core.regulasi import PERBUP
from kersa.documents.choices import JenisDokumen
from kersa.documents.konteks.perjanjian import _kedudukan_daerah
from kersa.documents.konteks.surat import _kepala, blok, konteks_rekaman
from kersa.documents.services.isi import docx_render
from kersa.regions.selectors import wilayah_daerah

from .models import Identifikasi

PENANDA_TABEL = "[[DAFTAR-RENCANA]]"
FORUM_SINGKAT = {"musrenbang": "Musrenbang Provinsi", "rakortek": "Rakortek Provinsi"}
# Relative column widths (sum 100) of KOLOM.
# Wide enough that no word breaks at 8 pt ("No.", "Jangka", "Prioritas", "Lingkungan",
# "Musrenbang").
LEBAR = (6, 14, 20, 13, 12, 10, 11, 14)
KOLOM = (
    "No.",
    "Urusan",
    "Program / Kegiatan",
    "Pengampu",
    "Daerah Mitra",
    "Jangka Waktu",
    "Prioritas",
    "Forum Provinsi",
)


def _baris(ident: Identifikasi) -> list[list[str]]:
    rows = []
    butir = ident.butir.select_related("urusan", "perangkat_daerah").prefetch_related("mitra")
    butir = sorted(butir, key=lambda b: (b.urusan.urutan, b.prioritas, b.urutan, b.pk))
    for i, b in enumerate(butir, 1):
        program = f"{b.program}\n{b.kegiatan}"
        if b.perkiraan_anggaran is not None:
            program += "\n" + _("Perkiraan anggaran %s") % rupiah(b.perkiraan_anggaran)
        if b.dokumen_rencana:
            program += "\n" + b.dokumen_rencana
        forum = (
            f"{FORUM_SINGKAT.get(b.forum_provinsi, b.forum_provinsi)}\n"
            f"{tanggal_surat(b.tanggal_forum)}"
            if b.forum_provinsi
            else "-"
        )
        rows.append(
            [
                str(i),
                b.urusan.nama,
                program,
                b.perangkat_daerah.nama,
                ", ".join(m.nama_lengkap for m in b.mitra.all()) or "-",
                _("%s bulan") % b.jangka_waktu_bulan,
                b.get_prioritas_display(),
                forum,
            ]
        )
    return rows


def berita_acara_docx(ident: Identifikasi) -> bytes:
    home = wilayah_daerah()
    wajib = ident.kategori == Kategori.WAJIB
    pasal = (
        "Pasal 7 ayat (2) sampai dengan ayat (5)"
        if wajib
        else "Pasal 8 ayat (2) sampai dengan ayat (5)"
    )
    tanggal = ident.tanggal_berita_acara
    terlibat = ", ".join(pd.nama for pd in ident.perangkat_terlibat.all())
    isi = [
        blok(
            "paragraf",
            _(
                "%(hari)s, bertempat di %(tempat)s, telah disepakati hasil "
                "Identifikasi dan Pemetaan Urusan Pemerintahan yang akan dikerjasamakan melalui "
                "%(kategori)s untuk tahun %(n)s, sebagaimana dimaksud dalam %(pasal)s %(perbup)s."
            )
            % {
                "hari": tanggal_kata(tanggal).kalimat,
                "tempat": _kedudukan_daerah(),
                "kategori": Kategori(ident.kategori).label,
                "n": ident.tahun_rencana,
                "pasal": pasal,
                "perbup": PERBUP,
            },
        ),
        blok(
            "paragraf",
            _(
                "Identifikasi dan Pemetaan dikoordinasikan oleh Perangkat Daerah yang membidangi "
                "kerja sama bersama %(perencanaan)s, dengan melibatkan Perangkat Daerah: %(pd)s."
            )
            % {
                "perencanaan": ident.perangkat_perencanaan.nama
                if ident.perangkat_perencanaan
                else "-",
                "pd": terlibat or "-",
            },
        ),
        blok(
            "paragraf",
            _(
                "Daftar rencana Program dan Kegiatan untuk setiap Urusan Pemerintahan yang akan "
                "dikerjasamakan, dengan jangka waktu dan skala prioritasnya, adalah sebagai berikut:"
            ),
        ),
        blok("paragraf", PENANDA_TABEL),
        blok(
            "paragraf",
            _(
                "Demikian Berita Acara ini dibuat untuk dipergunakan sebagai dasar perencanaan "
                "KSDD tahun %s."
            )
            % ident.tahun_rencana,
        ),
    ]
    kepala = _kepala(home, tanggal)
    konteks = konteks_rekaman(
        judul=_("Berita Acara"),
        subjudul=_(
            "Identifikasi dan Pemetaan Urusan Pemerintahan yang akan dikerjasamakan "
            "(%(k)s) Tahun %(n)s"
        )
        % {"k": Kategori(ident.kategori).label, "n": ident.tahun_rencana},
        nomor=ident.nomor_berita_acara,
        tanggal=tanggal,
        isi=isi,
        penanda="kepala",
        ttd={
            "tempat_tanggal": f"{_kedudukan_daerah()}, {tanggal_surat(tanggal)}",
            "peran": "",
            **kepala,
        },
    )
    data = docx_render(JenisDokumen.BERITA_ACARA_RENCANA, konteks)
    return _sisipkan_tabel(data, _baris(ident))


def _sisipkan_tabel(data: bytes, rows: list[list[str]]) -> bytes:
    doc = Document(io.BytesIO(data))
    penanda = next((p for p in doc.paragraphs if p.text.strip() == PENANDA_TABEL), None)
    tabel = doc.add_table(rows=1, cols=len(KOLOM))
    tabel.autofit = False
    _garis(tabel)
    sec = doc.sections[0]
    lebar_teks = sec.page_width - sec.left_margin - sec.right_margin
    for kol, persen in zip(tabel.columns, LEBAR, strict=True):
        kol.width = Emu(int(lebar_teks * persen / 100))
    for sel, judul in zip(tabel.rows[0].cells, KOLOM, strict=True):
        sel.text = ""
        run = sel.paragraphs[0].add_run(judul)
        run.bold = True
    _baris_judul_ulang(tabel.rows[0])
    for row in rows:
        cells = tabel.add_row().cells
        for sel, nilai in zip(cells, row, strict=True):
            baris = nilai.split("\n")
            sel.text = baris[0]
            for lain in baris[1:]:
                sel.add_paragraph(lain)
    for row in tabel.rows:
        for sel, persen in zip(row.cells, LEBAR, strict=True):
            sel.width = Emu(int(lebar_teks * persen / 100))
            for p in sel.paragraphs:
                p.paragraph_format.space_after = Pt(0)
                p.paragraph_format.first_line_indent = Pt(0)
                for r in p.runs:
                    r.font.size = Pt(8)
        _tidak_terpotong(row)
    if penanda is not None:
        penanda._p.addnext(tabel._tbl)
        penanda._p.getparent().remove(penanda._p)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _baris_judul_ulang(row) -> None:
    """The heading row repeats on every page the table runs onto."""
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _tidak_terpotong(row) -> None:
    """A row is never split across two pages."""
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(el)


def _garis(tabel) -> None:
    """Single borders on every cell (the letterhead template has no "Table Grid" style)."""
    tblPr = tabel._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for sisi in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{sisi}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tblPr.append(borders)
