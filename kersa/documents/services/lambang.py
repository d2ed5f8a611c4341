"""Emblems for the generated documents, uploaded on the emblems page: the Garuda
Pancasila at the top of a KB (P11-2) and each region's emblem on the letterhead and at
the top of a PKS (P12-3, P12-4). Checked by content: a real PNG or JPEG image, at most
1 MB, at least 100 pixels high; documents generated afterwards print it."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, RuleViolation
from kersa.core.roles import pastikan_izin

from ..models import LambangGaruda

__all__ = ["BATAS_LAMBANG", "lambang_periksa", "lambang_unggah"]

BATAS_LAMBANG = 1024 * 1024
_IZIN = "documents.kelola_lambang"


def lambang_periksa(data: bytes, *, rule: str) -> str:
    """The file extension ("png"/"jpg") of an acceptable emblem, or a refusal."""
    from PIL import Image, UnidentifiedImageError

    def tolak(pesan) -> RuleViolation:
        return RuleViolation(Pelanggaran(rule, pesan, field="gambar"))

    if len(data) > BATAS_LAMBANG:
        raise tolak(
            _("Gambar lambang terlalu besar (%(u).1f MB); paling besar 1 MB.")
            % {"u": len(data) / 1e6}
        )
    if data.lstrip()[:5] in (b"<?xml", b"<svg ") or b"<svg" in data[:500]:
        raise tolak(
            _(
                "Lambang SVG tidak dapat dicetak dalam dokumen Word KERSA; simpan sebagai "
                "PNG (latar transparan) lalu unggah."
            )
        )
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


def lambang_unggah(*, upload, user, wilayah=None):
    """Store the Garuda image (``wilayah`` None; P11-2) or the emblem of ``wilayah``
    (P12-3), after ``lambang_periksa``. Returns the row that holds it."""
    pastikan_izin(user, _IZIN, _("Anda tidak berwenang mengunggah lambang."))
    data = upload.read()
    ext = lambang_periksa(data, rule="P11-2" if wilayah is None else "P12-3")
    with transaction.atomic():
        if wilayah is None:
            baris = LambangGaruda(diunggah_oleh=user)
            baris.gambar.save(f"garuda.{ext}", ContentFile(data), save=False)
            baris.save()
            return baris
        wilayah.lambang.save(f"{wilayah.kode}.{ext}", ContentFile(data), save=False)
        wilayah.save(update_fields=["lambang"])
        return wilayah
