"""Compare two versions of a DOCX as text (Pasal 26: the record of every draft): a
unified diff and an HTML side-by-side table, the text escaped."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.utils.html import escape

from .teks import teks_docx

__all__ = ["Perbandingan", "bandingkan_teks", "diff_versi", "teks_berkas"]


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
