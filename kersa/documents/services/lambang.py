"""Emblems for the generated documents, uploaded on the emblems page: the Garuda
Pancasila at the top of a KB (P11-2) and each region's emblem on the letterhead and at
the top of a PKS (P12-3, P12-4). Checked by content: a real PNG or JPEG image, or an SVG
drawing without scripts, event handlers or outside references (drawn to PNG with
cairosvg, since a DOCX prints raster images); at most 1 MB, at least 100 pixels high;
documents generated afterwards print it."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, RuleViolation
from kersa.core.roles import pastikan_izin

from ..models import LambangGaruda

__all__ = ["BATAS_LAMBANG", "lambang_periksa", "lambang_unggah", "svg_ke_png"]

BATAS_LAMBANG = 1024 * 1024
_IZIN = "documents.kelola_lambang"


def lambang_periksa(data: bytes, *, rule: str) -> str:
    """The file extension ("png"/"jpg"/"svg") of an acceptable emblem, or a refusal. An
    SVG is accepted only after ``svg_periksa`` and a drawing to PNG that works."""
    from PIL import Image, UnidentifiedImageError

    def tolak(pesan) -> RuleViolation:
        return RuleViolation(Pelanggaran(rule, pesan, field="gambar"))

    if len(data) > BATAS_LAMBANG:
        raise tolak(
            _("Gambar lambang terlalu besar (%(u).1f MB); paling besar 1 MB.")
            % {"u": len(data) / 1e6}
        )
    if _svg(data):
        return "svg"
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.verify()
        with Image.open(io.BytesIO(data)) as img:
            fmt, tinggi = img.format, img.height
    except (UnidentifiedImageError, OSError, SyntaxError) as exc:
        raise tolak(_("Berkas bukan gambar PNG atau JPEG.")) from exc
    if fmt not in ("PNG", "JPEG"):
        raise tolak(_("Lambang harus berupa PNG atau JPEG, bukan %s.") % fmt)
    if tinggi < 100:
        raise tolak(
            _("Gambar lambang terlalu kecil (%(t)d piksel tinggi); paling sedikit 100 piksel.")
            % {"t": tinggi}
        )
    return "png" if fmt == "PNG" else "jpg"


_SVG_NS = "http://www.w3.org/2000/svg"
_XLINK = "{http://www.w3.org/1999/xlink}href"
# Elements that run code or pull in another document: never in an emblem.
_SVG_TERLARANG = {"script", "foreignObject", "iframe", "embed", "object", "handler", "listener"}


def _svg(data: bytes) -> bool:
    kepala = data.lstrip()[:1000].lower()
    return (
        kepala.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype"))
        and b"<svg" in data[:4000].lower()
    )


def svg_periksa(data: bytes, *, rule: str) -> None:
    """Refuse an SVG that is not a plain drawing: a DOCTYPE or entity (XXE, "billion
    laughs"), a script or foreign content, an ``on…`` event handler, a ``javascript:``
    link or a reference to anything outside the file (only ``#id`` and embedded
    ``data:image/…`` are allowed)."""
    from lxml import etree

    def tolak(pesan) -> RuleViolation:
        return RuleViolation(Pelanggaran(rule, pesan, field="gambar"))

    if b"<!doctype" in data.lower() or b"<!entity" in data.lower():
        raise tolak(_("Lambang SVG ditolak: berisi DOCTYPE atau ENTITY."))
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        akar = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise tolak(_("Berkas SVG tidak sah: %s") % exc) from exc
    if akar.tag != f"{{{_SVG_NS}}}svg":
        raise tolak(_("Berkas bukan gambar SVG (elemen akarnya bukan <svg>)."))
    for el in akar.iter():
        if not isinstance(el.tag, str):
            continue  # comments, processing instructions
        nama = etree.QName(el).localname
        if nama in _SVG_TERLARANG:
            raise tolak(
                _("Lambang SVG ditolak: berisi elemen <%s> yang dapat menjalankan kode.") % nama
            )
        for attr, nilai in el.attrib.items():
            a = etree.QName(attr).localname.lower()
            v = nilai.strip().lower()
            if a.startswith("on"):
                raise tolak(_("Lambang SVG ditolak: berisi penangan peristiwa %s (skrip).") % a)
            if "javascript:" in v or "vbscript:" in v:
                raise tolak(_("Lambang SVG ditolak: berisi tautan javascript."))
            if (attr == _XLINK or a == "href") and not (
                v.startswith("#") or v.startswith("data:image/")
            ):
                raise tolak(
                    _("Lambang SVG ditolak: merujuk berkas di luar gambar (%s).") % nilai[:80]
                )
        if nama == "style" and ("@import" in (el.text or "") or "url(http" in (el.text or "")):
            raise tolak(_("Lambang SVG ditolak: gayanya memuat berkas dari luar."))


def svg_ke_png(data: bytes, *, tinggi: int = 600) -> bytes:
    """The SVG drawn to a PNG ``tinggi`` pixels high (cairosvg, which reads no outside
    file in its default safe mode)."""
    import cairosvg

    return cairosvg.svg2png(bytestring=data, output_height=tinggi, unsafe=False)


def lambang_unggah(*, upload, user, wilayah=None):
    """Store the Garuda image (``wilayah`` None; P11-2) or the emblem of ``wilayah``
    (P12-3), after ``lambang_periksa``. Returns the row that holds it."""
    pastikan_izin(user, _IZIN, _("Anda tidak berwenang mengunggah lambang."))
    data = upload.read()
    rule = "P11-2" if wilayah is None else "P12-3"
    ext = lambang_periksa(data, rule=rule)
    if ext == "svg":
        # the DOCX prints a raster image: the checked SVG is kept as its PNG drawing
        svg_periksa(data, rule=rule)
        try:
            data = svg_ke_png(data)
        except Exception as exc:  # noqa: BLE001 - any drawing failure is a refusal
            raise RuleViolation(
                Pelanggaran(
                    rule,
                    _("Lambang SVG tidak dapat digambar: %s") % str(exc)[:200],
                    field="gambar",
                )
            ) from exc
        ext = lambang_periksa(data, rule=rule)
    with transaction.atomic():
        if wilayah is None:
            baris = LambangGaruda(diunggah_oleh=user)
            baris.gambar.save(f"garuda.{ext}", ContentFile(data), save=False)
            baris.save()
            return baris
        wilayah.lambang.save(f"{wilayah.kode}.{ext}", ContentFile(data), save=False)
        wilayah.save(update_fields=["lambang"])
        return wilayah
