"""Compare two versions of a DOCX as text (Pasal 26: the record of every draft): a
unified diff and an HTML side-by-side table, the text escaped."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape

from .teks import teks_docx

__all__ = [
    "Perbandingan",
    "bandingkan_teks",
    "diff_versi",
    "perubahan_materiil",
    "teks_berkas",
]


@dataclass
class Perbandingan:
    """The difference between two texts: unified lines and rows for a side-by-side view."""

    unified: list[str]
    baris: list[tuple[str, str, str, str, str]]  # (tanda, no_kiri, kiri, no_kanan, kanan)

    @property
    def sama(self) -> bool:
        return not any(tanda != "sama" for tanda, *_ in self.baris)

    @property
    def html(self) -> str:
        """A side-by-side ``<table>`` (text escaped; removed/added lines marked)."""
        rows = []
        for tanda, nk, kiri, nn, kanan in self.baris:
            rows.append(
                f'<tr class="{tanda}"><td class="no">{nk}</td><td class="kiri">{escape(kiri)}</td>'
                f'<td class="no">{nn}</td><td class="kanan">{escape(kanan)}</td></tr>'
            )
        return '<table class="diff">' + "".join(rows) + "</table>"


def bandingkan_teks(a: list[str], b: list[str], *, nama_a="a", nama_b="b") -> Perbandingan:
    unified = list(difflib.unified_diff(a, b, fromfile=nama_a, tofile=nama_b, lineterm=""))
    baris = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            baris += [
                ("sama", i + 1, a[i], j + 1, b[j]) for i, j in zip(range(i1, i2), range(j1, j2))
            ]
            continue
        kiri = list(range(i1, i2))
        kanan = list(range(j1, j2))
        tanda = {"replace": "ubah", "delete": "hapus", "insert": "tambah"}[op]
        for k in range(max(len(kiri), len(kanan))):
            i = kiri[k] if k < len(kiri) else None
            j = kanan[k] if k < len(kanan) else None
            baris.append(
                (
                    "tambah" if i is None else "hapus" if j is None else tanda,
                    "" if i is None else i + 1,
                    "" if i is None else a[i],
                    "" if j is None else j + 1,
                    "" if j is None else b[j],
                )
            )
    return Perbandingan(unified, baris)


def teks_berkas(berkas) -> list[str]:
    with berkas.file.open("rb") as f:
        return teks_docx(f.read())


def diff_versi(a, b) -> Perbandingan:
    """The text difference between two DOCX versions (``VersiDokumen``), a → b."""
    return bandingkan_teks(
        teks_berkas(a.berkas),
        teks_berkas(b.berkas),
        nama_a=f"v{a.nomor} {a.berkas.nama_asli}",
        nama_b=f"v{b.nomor} {b.berkas.nama_asli}",
    )


# P22-2: what counts as a *material* difference between the draft PKS DPRD approved
# and the PKS signed: any paragraph changed, added or removed, once whitespace and
# numbering are set aside (a list number "1.", "a.", "(2)" at the start of a paragraph;
# the number of a "Pasal 7" / "BAB III" heading, which moves when a part is inserted).
_NOMOR_AWAL = re.compile(r"^(?:\(?\d+[a-z]?\)|\d+(?:\.\d+)*\.?|\(?[a-z]\)|[a-z]\.|[IVXLC]+\.)\s+")
_JUDUL_BERNOMOR = re.compile(r"^(pasal|bab|bagian)\s+[\dIVXLC]+[a-z]?$", re.IGNORECASE)
# The day and date of signing in the komparisi ("Pada hari ini Senin, tanggal …, bertempat
# di …") and the document numbers ("NOMOR: …") are filled in at signing (P11-3, P12-5):
# they are the act of signing, not the text DPRD approved.
_KOMPARISI_TANGGAL = re.compile(r"^(pada hari ini)\b.*?(?=\bbertempat\b|$)", re.IGNORECASE)
_NOMOR_NASKAH = re.compile(r"^(nomor)\s*:.*$", re.IGNORECASE)


def _normal(teks: str) -> str:
    t = " ".join(teks.split())
    while True:
        baru = _NOMOR_AWAL.sub("", t)
        if baru == t:
            break
        t = baru
    m = _JUDUL_BERNOMOR.match(t)
    if m:
        return f"{m.group(1).lower()} #"
    t = _KOMPARISI_TANGGAL.sub("pada hari ini # ", t)
    return _NOMOR_NASKAH.sub("nomor: #", t)


def perubahan_materiil(a: list[str], b: list[str]) -> list[tuple[str, str, str]]:
    """The material changes from text ``a`` to text ``b`` (P22-2): one row
    (tanda, kiri, kanan) per run of paragraphs changed ("ubah"), removed ("hapus") or
    added ("tambah"), whitespace and numbering ignored (``_normal``); empty when the two
    texts say the same. Compared with ``difflib.SequenceMatcher`` over whole paragraphs,
    as the version comparison above: the standard library's matcher is deterministic,
    needs no extra dependency, and aligns paragraph lists (a DOCX has no stable line
    breaks inside a paragraph, so a paragraph is the unit a reader sees changed)."""
    na = [t for t in (_normal(x) for x in a) if t]
    nb = [t for t in (_normal(x) for x in b) if t]
    sm = difflib.SequenceMatcher(None, na, nb, autojunk=False)
    tanda = {"replace": "ubah", "delete": "hapus", "insert": "tambah"}
    return [
        (tanda[op], "\n".join(na[i1:i2]), "\n".join(nb[j1:j2]))
        for op, i1, i2, j1, j2 in sm.get_opcodes()
        if op != "equal"
    ]
