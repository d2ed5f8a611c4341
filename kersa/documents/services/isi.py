"""Filling a DOCX template: the template in force for a kind (the newest upload, else
the shipped one of ``documents/templat/``) rendered with a context,
its emblems as images, its zip entries stamped so that one text gives one SHA-256.

Generation (``hasilkan``), records (``rekaman``), the plan's Berita Acara and the check
of an uploaded template (``templat``) all fill templates here."""

from __future__ import annotations

import functools
import io
import zipfile
from pathlib import Path

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from ..konteks.lambang import TEMPLAT
from ..models import TemplatDokumen
from ..templat_contoh import templat_bawaan

__all__ = ["docx_render", "templat_berlaku", "templat_data", "zip_tetap"]


def templat_berlaku(jenis: str) -> TemplatDokumen | None:
    """The uploaded template in force for ``jenis``; None when the shipped one is."""
    baris = TemplatDokumen.objects.filter(jenis=jenis).order_by("-versi").first()
    return None if baris is None or baris.bawaan else baris


@functools.lru_cache(maxsize=16)
def _bawaan_bytes(nama: str, mtime: float) -> bytes:
    return (TEMPLAT / nama).read_bytes()


@functools.lru_cache(maxsize=32)
def _unggahan_bytes(pk: int, sha256: str) -> bytes:
    baris = TemplatDokumen.objects.get(pk=pk)
    with baris.file.open("rb") as f:
        return f.read()


def templat_data(jenis: str) -> bytes:
    """The DOCX template in force for ``jenis``: the newest upload, else the shipped one."""
    baris = templat_berlaku(jenis)
    if baris is not None:
        return _unggahan_bytes(baris.pk, baris.sha256)
    nama = templat_bawaan(jenis)
    return _bawaan_bytes(nama, (TEMPLAT / nama).stat().st_mtime)


_TINGGI_LAMBANG = {"garuda": Mm(28), "naskah": Mm(25), "kop": Mm(24), "berbagi": Mm(18)}


def _gambar(tpl: DocxTemplate, data: bytes | None, tinggi) -> InlineImage | str:
    if not data:
        return ""
    return InlineImage(tpl, image_descriptor=io.BytesIO(data), height=tinggi)


def docx_render(
    jenis: str, konteks: dict, templat: Path | None = None, *, data: bytes | None = None
) -> bytes:
    """Render the template in force for ``jenis`` (an uploaded one, else the shipped one;
    or the file ``templat``, or the DOCX bytes ``data``) with ``konteks`` (from
    ``konteks_bangun``, or ``konteks.surat.konteks_rekaman``); emblem bytes become
    images of the document."""
    if data is None:
        data = templat.read_bytes() if templat else templat_data(jenis)
    tpl = DocxTemplate(io.BytesIO(data))
    c = dict(konteks)
    if c.get("naskah"):
        c["lambang_garuda"] = _gambar(tpl, c.get("lambang_garuda"), _TINGGI_LAMBANG["garuda"])
        c["lambang_kanan"] = _gambar(tpl, c.get("lambang_kanan"), _TINGGI_LAMBANG["naskah"])
        kiri = c.get("lambang_kiri", [])
        tinggi = _TINGGI_LAMBANG["naskah" if len(kiri) < 3 else "berbagi"]  # P12-4
        c["lambang_kiri"] = [_gambar(tpl, b, tinggi) for b in kiri]
    else:
        c["kop"] = dict(c["kop"], lambang=_gambar(tpl, c["kop"]["lambang"], _TINGGI_LAMBANG["kop"]))
    tpl.render(c, autoescape=True)
    out = io.BytesIO()
    tpl.save(out)
    return zip_tetap(out.getvalue())


def zip_tetap(data: bytes) -> bytes:
    """The same DOCX with every zip entry stamped 1 Jan 1980: python-docx stamps each part
    with the current time, so one text generated in two different seconds gave two SHA-256
    and a needless new version (P26: a version is kept only when its content changed)."""
    masuk = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in masuk.infolist():
            baru = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            baru.compress_type = zipfile.ZIP_DEFLATED
            baru.external_attr = info.external_attr
            z.writestr(baru, masuk.read(info.filename))
    return out.getvalue()
