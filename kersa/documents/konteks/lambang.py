"""Emblems for generated documents: uploaded region emblems, the Garuda Pancasila
(P11-2, P12-3, P12-4) and clear placeholders when none is uploaded."""

from __future__ import annotations

import functools
import io
from pathlib import Path

from django.conf import settings

from kersa.regions.models import Wilayah

from ..models import LambangGaruda

TEMPLAT = Path(__file__).resolve().parent.parent / "templat"
GARUDA_PLACEHOLDER = TEMPLAT / "lambang-garuda-placeholder.png"


@functools.lru_cache(maxsize=64)
def lambang_placeholder(teks: str) -> bytes:
    """A clean PNG box with ``teks`` (e.g. 'LAMBANG GARUDA PANCASILA') in it: printed
    where no emblem has been uploaded, so the gap is visible and never silent."""
    from PIL import Image, ImageDraw, ImageFont

    ukuran = 300
    gambar = Image.new("RGB", (ukuran, ukuran), "white")
    gambar_draw = ImageDraw.Draw(gambar)
    gambar_draw.rectangle([4, 4, ukuran - 5, ukuran - 5], outline="black", width=6)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 26)
    except OSError:
        font = ImageFont.load_default(size=26)
    baris, sekarang = [], ""
    for kata in teks.split():
        coba = f"{sekarang} {kata}".strip()
        if gambar_draw.textlength(coba, font=font) > ukuran - 40 and sekarang:
            baris.append(sekarang)
            sekarang = kata
        else:
            sekarang = coba
    baris.append(sekarang)
    tinggi = 34 * len(baris)
    y = (ukuran - tinggi) // 2
    for b in baris:
        lebar = gambar_draw.textlength(b, font=font)
        gambar_draw.text(((ukuran - lebar) / 2, y), b, fill="black", font=font)
        y += 34
    out = io.BytesIO()
    gambar.save(out, format="PNG", optimize=True)
    return out.getvalue()


def lambang_garuda() -> bytes:
    """The Garuda Pancasila for the top of a KB (P11-2): the image uploaded on the
    emblems page (``LambangGaruda``), else the setting ``KERSA_LAMBANG_GARUDA`` (a
    path), else the shipped placeholder."""

    unggahan = LambangGaruda.objects.first()
    if unggahan is not None:
        try:
            with unggahan.gambar.open("rb") as f:
                return f.read()
        except (FileNotFoundError, OSError):
            pass
    path = settings.KERSA_LAMBANG_GARUDA
    if path and Path(path).is_file():
        return Path(path).read_bytes()
    if GARUDA_PLACEHOLDER.is_file():
        return GARUDA_PLACEHOLDER.read_bytes()
    return lambang_placeholder("LAMBANG GARUDA PANCASILA")


def lambang_wilayah(wilayah: Wilayah) -> bytes:
    """The uploaded emblem of a region (P12-3, P12-4), or a placeholder naming it."""
    if wilayah.lambang:
        try:
            with wilayah.lambang.open("rb") as f:
                return f.read()
        except (FileNotFoundError, OSError):
            pass
    return lambang_placeholder(f"LAMBANG {wilayah.nama_lengkap.upper()}")
