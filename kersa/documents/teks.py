"""The text of a DOCX in reading order: paragraphs and table cells, with the marks
of a heading (heading style, bold, centred), for the diff and the compliance checker.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, RuleViolation

__all__ = ["Paragraf", "paragraf_docx", "teks_docx"]


@dataclass(frozen=True)
class Paragraf:
    teks: str
    gaya_judul: bool = False  # heading style, all runs bold, or centred


def _gaya_judul(p) -> bool:
    try:
        nama = (p.style.name or "").lower() if p.style is not None else ""
    except (KeyError, ValueError, AttributeError):
        nama = ""
    if nama.startswith(("heading", "title", "judul")):
        return True
    try:
        if p.alignment is not None and int(p.alignment) == 1:  # WD_ALIGN_PARAGRAPH.CENTER
            return True
    except (TypeError, ValueError):
        pass
    runs = [r for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _isi(container, seen: set):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            teks = " ".join(item.text.split())
            if teks:
                yield Paragraf(teks, _gaya_judul(item))
        elif isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell repeats
                        continue
                    seen.add(id(cell._tc))
                    yield from _isi(cell, seen)


def paragraf_docx(data: bytes) -> list[Paragraf]:
    """The non-empty paragraphs of a DOCX body (tables cell by cell), in order."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise RuleViolation(
            Pelanggaran("P26", _("Berkas DOCX rusak dan tidak dapat dibaca."), field="berkas")
        ) from exc
    except Exception as exc:  # lxml errors and the like: an unreadable document
        raise RuleViolation(
            Pelanggaran("P26", _("Berkas DOCX rusak dan tidak dapat dibaca."), field="berkas")
        ) from exc
    return list(_isi(document, set()))


def teks_docx(data: bytes) -> list[str]:
    """The lines of text of a DOCX, one per paragraph or table-cell paragraph."""
    return [p.teks for p in paragraf_docx(data)]
