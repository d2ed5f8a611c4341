"""Helpers shared by the generation tests: read a generated DOCX back."""

import hashlib
import io

from docx import Document
from docx.oxml.ns import qn


def png(warna: str) -> bytes:
    """A small distinct PNG (an uploaded emblem stand-in)."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 48), warna).save(out, format="PNG")
    return out.getvalue()


def buka(data: bytes):
    return Document(io.BytesIO(data))


def teks(doc) -> str:
    """All text of the body, tables included, in document order."""
    bagian = []
    for el in doc.element.body.iter(qn("w:p")):
        bagian.append("".join(t.text or "" for t in el.iter(qn("w:t"))))
    return "\n".join(bagian)


def gambar(elemen, part) -> list[bytes]:
    """The image bytes shown inside an XML element (a cell, a paragraph)."""
    return [part.related_parts[blip.get(qn("r:embed"))].blob for blip in elemen.iter(qn("a:blip"))]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
