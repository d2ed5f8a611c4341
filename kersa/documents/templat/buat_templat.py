"""Build the docxtpl templates of this folder with python-docx (run after a change):

    .venv/bin/python kersa/documents/templat/buat_templat.py

Writes ``kb.docx`` and ``pks.docx`` (the Lampiran formats of Pasal 11 ayat 3 and
Pasal 12 ayat 5; the PKS template also serves the addendum of Pasal 25 ayat 4),
``surat.docx`` (one letter layout with a kop surat for every letter and record:
KAK, surat penawaran, permintaan tanggapan kedua, laporan kepada Gubernur, surat
tanggapan, permohonan Persetujuan DPRD, Surat Kuasa) and the placeholder PNG of
the Garuda emblem. The Jinja tags each sit in one run, so Word never splits them.
Arial 12 pt (Liberation Sans, metric-compatible, where Arial is absent), F4 paper
for the agreements and A4 for letters, margins left 3 cm and 2 cm elsewhere.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FOLDER = Path(__file__).resolve().parent
J = WD_ALIGN_PARAGRAPH


def _dokumen(*, f4: bool):
    doc = Document()
    sec = doc.sections[0]
    sec.start_type = WD_SECTION.NEW_PAGE
    sec.page_width, sec.page_height = (Mm(215), Mm(330)) if f4 else (Mm(210), Mm(297))
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(12)
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), "Arial")
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing = 1.15
    return doc


def p(
    wadah,
    teks: str = "",
    *,
    align=J.JUSTIFY,
    bold: bool = False,
    underline: bool = False,
    size: int | None = None,
    kiri: float | None = None,
    hanging: float | None = None,
    first: float | None = None,
    after: int = 0,
    keep: bool = False,
):
    para = wadah.add_paragraph()
    para.alignment = align
    f = para.paragraph_format
    if kiri is not None:
        f.left_indent = Cm(kiri)
    if hanging is not None:
        f.left_indent = Cm((kiri or 0) + hanging)
        f.first_line_indent = Cm(-hanging)
    if first is not None:
        f.first_line_indent = Cm(first)
    f.space_after = Pt(after)
    f.keep_with_next = keep
    if teks:
        run = para.add_run(teks)
        run.bold = bold
        run.underline = underline
        if size:
            run.font.size = Pt(size)
    return para


def _v(kunci: str, nama: str) -> str:
    """A docxtpl variable tag: _v('b.kiri', 'nama') → '{{ b.kiri.nama }}'."""
    return "{{ " + kunci + "." + nama + " }}"


def _tag(wadah, tag: str):
    """A paragraph holding only a docxtpl paragraph tag ({%p … %})."""
    return p(wadah, tag, align=J.LEFT)


def _garis_bawah(para, *, tebal: int = 18):
    ppr = para._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "thickThinSmallGap")
    bottom.set(qn("w:sz"), str(tebal))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    bdr.append(bottom)
    ppr.append(bdr)


def _tabel(doc, rows: int, cols: int, lebar_cm: list[float], *, utuh: bool = False):
    """A borderless layout table; the grid columns carry the widths (LibreOffice reads the
    grid, Word the cells: both are set). ``utuh``: no row splits across pages."""
    t = doc.add_table(rows=rows, cols=cols)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for kolom, lebar in zip(t.columns, lebar_cm):
        kolom.width = Cm(lebar)
    for row in t.rows:
        if utuh:
            el = OxmlElement("w:cantSplit")
            row._tr.get_or_add_trPr().append(el)
        for cell, lebar in zip(row.cells, lebar_cm):
            cell.width = Cm(lebar)
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return t


def _ganti_halaman(wadah):
    """An empty paragraph that starts a new page (the lampiran of a letter)."""
    para = p(wadah, align=J.LEFT)
    para.paragraph_format.page_break_before = True
    return para


def _blok_ttd(cell, kunci: str):
    """A party's signature block as in the Lampiran: PIHAK …, office, space (room for the
    meterai), name; every line kept with the next, so the block never splits."""
    p(cell, _v(kunci, "sebutan"), align=J.CENTER, bold=True, keep=True)
    p(cell, _v(kunci, "jabatan_kapital"), align=J.CENTER, bold=True, keep=True)
    for _ in range(4):
        p(cell, keep=True)
    p(cell, _v(kunci, "nama_kapital"), align=J.CENTER, bold=True, underline=True, keep=True)
    p(cell)


def buat_naskah(*, pks: bool) -> Document:
    """KB (Lampiran A) or PKS (Lampiran B)."""
    doc = _dokumen(f4=True)
    if pks:
        # P12-3, P12-4: partners' emblems top left (sharing the cell), initiator's top right
        t = _tabel(doc, 1, 3, [8.5, 1.0, 7.0])
        kiri, _tengah, kanan = t.rows[0].cells
        p(kiri, "{% for g in lambang_kiri %}{{ g }} {% endfor %}", align=J.LEFT)
        p(_tengah, "", align=J.CENTER)
        p(kanan, "{{ lambang_kanan }}", align=J.RIGHT)
    else:
        p(doc, "{{ lambang_garuda }}", align=J.CENTER)  # P11-2: Garuda at the top
    p(doc)
    _tag(doc, "{%p for b in baris_judul %}")
    p(doc, "{{ b }}", align=J.CENTER, bold=True)
    _tag(doc, "{%p endfor %}")
    p(doc)
    _tag(doc, "{%p for ph in pihak %}")
    p(doc, "NOMOR : {{ ph.nomor_naskah }}", align=J.CENTER, bold=True)
    _tag(doc, "{%p endfor %}")
    p(doc)
    p(doc, "{{ pembuka }}", after=6)
    _tag(doc, "{%p for ph in pihak %}")
    p(doc, "{{ ph.romawi }}. {{ ph.komparisi }}", hanging=1.0, after=6)
    _tag(doc, "{%p endfor %}")
    p(doc, "{{ para_pihak }}", after=6)
    p(doc, "PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:", after=6)
    _tag(doc, "{%p for k in konsideran %}")
    p(doc, "{{ loop.index }}. {{ k }}", hanging=1.0, after=3)
    _tag(doc, "{%p endfor %}")
    p(doc, "{{ sepakat }}", after=6)
    _tag(doc, "{%p for ps in pasal %}")
    p(doc, keep=True)
    p(doc, "Pasal {{ ps.nomor }}", align=J.CENTER, bold=True, keep=True)
    p(doc, "{{ ps.judul }}", align=J.CENTER, bold=True, keep=True, after=6)
    _tag(doc, "{%p for b in ps.baris %}")
    p(doc, "{{ b }}", after=3)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")
    p(doc)
    # The closing paragraph stays with the signatures: never a signature page alone.
    p(doc, "{{ penutup }}", keep=True)
    p(doc, keep=True)
    t = _tabel(doc, 3, 2, [8.0, 8.0], utuh=True)
    t.rows[0].cells[0].add_paragraph("{%tr for b in ttd_baris %}")
    _blok_ttd(t.rows[1].cells[0], "b.kiri")
    _blok_ttd(t.rows[1].cells[1], "b.kanan")
    t.rows[2].cells[0].add_paragraph("{%tr endfor %}")
    for cell in t.rows[0].cells[1:] + t.rows[2].cells[1:]:
        cell.add_paragraph("")
    return doc


def buat_surat() -> Document:
    """One letter layout: kop surat, number block or title, body blocks, signatures."""
    doc = _dokumen(f4=False)
    kop = _tabel(doc, 1, 2, [3.0, 13.0])
    lambang, teks = kop.rows[0].cells
    p(lambang, "{{ kop.lambang }}", align=J.CENTER)
    _tag(teks, "{%p if kop.pemerintah %}")
    p(teks, "{{ kop.pemerintah }}", align=J.CENTER, bold=True, size=14)
    _tag(teks, "{%p endif %}")
    p(teks, "{{ kop.unit }}", align=J.CENTER, bold=True, size=16)
    p(teks, "{{ kop.alamat }}", align=J.CENTER, size=10)
    _tag(teks, "{%p if kop.kontak %}")
    p(teks, "{{ kop.kontak }}", align=J.CENTER, size=10)
    _tag(teks, "{%p endif %}")
    _garis_bawah(p(doc))
    p(doc)
    _tag(doc, "{%p if bentuk == 'surat' %}")
    p(doc, "{{ tempat_tanggal }}", align=J.RIGHT, after=6)
    blok = _tabel(doc, 4, 3, [2.5, 0.5, 13.0])
    for row, (label, nilai) in zip(
        blok.rows,
        [
            ("Nomor", "{{ nomor }}"),
            ("Sifat", "{{ sifat }}"),
            ("Lampiran", "{{ lampiran }}"),
            ("Hal", "{{ hal }}"),
        ],
    ):
        p(row.cells[0], label, align=J.LEFT)
        p(row.cells[1], ":", align=J.LEFT)
        p(row.cells[2], nilai, align=J.LEFT, bold=label == "Hal")
    p(doc)
    p(doc, "Kepada", align=J.LEFT, kiri=9.0)
    _tag(doc, "{%p for k in kepada %}")
    p(doc, "{{ k }}", align=J.LEFT, kiri=9.0)
    _tag(doc, "{%p endfor %}")
    p(doc)
    _tag(doc, "{%p else %}")
    p(doc, "{{ judul }}", align=J.CENTER, bold=True, underline=True)
    _tag(doc, "{%p if subjudul %}")
    p(doc, "{{ subjudul }}", align=J.CENTER, bold=True)
    _tag(doc, "{%p endif %}")
    p(doc, "NOMOR : {{ nomor }}", align=J.CENTER)
    p(doc)
    _tag(doc, "{%p endif %}")
    _isi(doc, "isi")
    p(doc, keep=True)
    # The closing paragraph (the last block, kept with the next), the signatures and the
    # tembusan form one chain: no signature and no tembusan ever starts a page alone.
    _ttd_surat(doc, ["ttd_kiri", "ttd"])
    p(doc, keep=True)
    _tag(doc, "{%p if tembusan %}")
    p(doc, "Tembusan:", align=J.LEFT, underline=True, keep=True)
    _tag(doc, "{%p for t in tembusan %}")
    _tag(doc, "{%p if loop.last %}")
    p(doc, "{{ loop.index }}. {{ t }}", align=J.LEFT, hanging=0.75)
    _tag(doc, "{%p else %}")
    p(doc, "{{ loop.index }}. {{ t }}", align=J.LEFT, hanging=0.75, keep=True)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    # The lampiran of a letter on its own page: heading (LAMPIRAN SURAT …, NOMOR,
    # TANGGAL), its blocks, the signer again.
    _tag(doc, "{%p if lampiran_isi %}")
    _ganti_halaman(doc)
    _tag(doc, "{%p for j in lampiran_judul %}")
    p(doc, "{{ j }}", align=J.LEFT, kiri=7.0)
    _tag(doc, "{%p endfor %}")
    p(doc)
    _isi(doc, "lampiran_isi")
    p(doc, keep=True)
    _ttd_surat(doc, ["lampiran_ttd_kiri", "lampiran_ttd"])
    _tag(doc, "{%p endif %}")
    return doc


def _isi(doc, kunci: str):
    """The body blocks: headings kept with what follows, lettered/numbered items with a
    hanging indent, paragraphs; the last block is kept with the signature."""
    _tag(doc, "{%p for bl in " + kunci + " %}")
    _tag(doc, "{%p if bl.gaya == 'judul' %}")
    p(doc, "{{ bl.teks }}", align=J.LEFT, bold=True, keep=True, after=3)
    _tag(doc, "{%p elif loop.last %}")
    p(doc, "{{ bl.teks }}", first=1.25, after=6, keep=True)
    _tag(doc, "{%p elif bl.gaya == 'butir' %}")
    p(doc, "{{ bl.teks }}", align=J.LEFT, hanging=0.75, kiri=1.25, after=3)
    _tag(doc, "{%p else %}")
    p(doc, "{{ bl.teks }}", first=1.25, after=6)
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p endfor %}")


def _ttd_surat(doc, kunci: list[str]):
    ttd = _tabel(doc, 1, 2, [8.0, 8.0], utuh=True)
    for cell, k in zip(ttd.rows[0].cells, kunci):
        p(cell, _v(k, "tempat_tanggal"), align=J.CENTER, keep=True)
        p(cell, _v(k, "peran"), align=J.CENTER, bold=True, keep=True)
        p(cell, _v(k, "jabatan"), align=J.CENTER, bold=True, keep=True)
        for _ in range(4):
            p(cell, keep=True)
        p(cell, _v(k, "nama"), align=J.CENTER, bold=True, underline=True, keep=True)
        p(cell, _v(k, "nip"), align=J.CENTER, keep=True)


def buat_garuda_placeholder() -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    ukuran = 300
    img = Image.new("RGB", (ukuran, ukuran), "white")
    d = ImageDraw.Draw(img)
    d.rectangle([4, 4, ukuran - 5, ukuran - 5], outline="black", width=6)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 28)
    except OSError:
        font = ImageFont.load_default(size=28)
    baris = ["LAMBANG", "GARUDA", "PANCASILA"]
    y = (ukuran - 40 * len(baris)) // 2
    for b in baris:
        d.text(((ukuran - d.textlength(b, font=font)) / 2, y), b, fill="black", font=font)
        y += 40
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True)
    return out.getvalue()


_GAYA_DIPAKAI = {"Normal", "Default Paragraph Font", "Normal Table", "No List"}
_BAGIAN_BUANG = ("stylesWithEffects", "customXml", "thumbnail", "webSettings")


def _ramping(doc):
    """Drop what the python-docx default template carries but these documents never use
    (800 KB of style definitions, a thumbnail): smaller files, faster rendering."""
    styles = doc.styles.element
    for latent in styles.findall(qn("w:latentStyles")):
        styles.remove(latent)
    for gaya in list(styles.findall(qn("w:style"))):
        nama = gaya.find(qn("w:name"))
        if nama is None or nama.get(qn("w:val")) not in _GAYA_DIPAKAI:
            styles.remove(gaya)
    for pemilik in (doc.part, doc.part.package):
        for rid, rel in list(pemilik.rels.items()):
            if any(b in rel.reltype or b in str(rel.target_ref) for b in _BAGIAN_BUANG):
                del pemilik.rels[rid]
    return doc


def main() -> None:
    _ramping(buat_naskah(pks=False)).save(FOLDER / "kb.docx")
    _ramping(buat_naskah(pks=True)).save(FOLDER / "pks.docx")
    _ramping(buat_surat()).save(FOLDER / "surat.docx")
    (FOLDER / "lambang-garuda-placeholder.png").write_bytes(buat_garuda_placeholder())
    print(f"Templat ditulis di {FOLDER}")  # noqa: T201


if __name__ == "__main__":
    main()
