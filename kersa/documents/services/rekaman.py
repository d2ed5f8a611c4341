"""Generate a record that is not built from one KSDD's workflow — a Berita Acara or
Notulen of a TKKSD meeting, the Berita Acara of the plan list, a report — and keep it
as the next immutable version of its ``Dokumen``.

The owner (a ``governance.Rapat``, a ``planning.Identifikasi``, a report) keeps a
foreign key to the ``Dokumen``; the owner's service checks permissions and rules and
builds the context (``konteks.surat.konteks_rekaman`` for the letterhead layout).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _

from ..choices import AsalVersi, JenisBerkas, JenisDokumen
from ..models import Dokumen, VersiDokumen
from ..validators import DOCX
from .berkas import atomic_dengan_berkas, berkas_unggah
from .isi import docx_render
from .penomoran import nomor_berikan
from .versi import versi_dari_berkas

__all__ = ["dokumen_rekaman", "rekaman_hasilkan"]


def dokumen_rekaman(
    *, jenis: str, judul: str, user, tanggal: dt.date, ksdd=None, bernomor: bool = True
) -> Dokumen:
    """A new Dokumen of ``jenis`` for a record, numbered from the kind's scheme
    (``PenomoranSurat``) in the year of ``tanggal`` when ``bernomor``."""
    with atomic_dengan_berkas():
        dok = Dokumen.objects.create(
            ksdd=ksdd, jenis=JenisDokumen(jenis), judul=judul[:300], dibuat_oleh=user
        )
        if bernomor:
            dok.nomor = nomor_berikan(jenis=jenis, tahun=tanggal.year, user=user, dokumen=dok).nomor
            dok.save(update_fields=["nomor"])
    return dok


def rekaman_hasilkan(
    *,
    dokumen: Dokumen,
    konteks: dict,
    nama_berkas: str,
    user,
    templat: Path | None = None,
    catatan: str = "",
    data: bytes | None = None,
) -> VersiDokumen:
    """Render ``konteks`` (``surat.docx`` unless ``templat``), or take ready ``data``
    (a DOCX built another way), and append it as the next version of ``dokumen``.
    Generating again without a change adds no version."""
    if data is None:
        data = docx_render(dokumen.jenis, konteks, templat=templat)
    with atomic_dengan_berkas():
        dok = Dokumen.objects.select_for_update().get(pk=dokumen.pk)
        terakhir = dok.versi.select_related("berkas").order_by("-nomor").first()
        if terakhir and terakhir.berkas.sha256 == hashlib.sha256(data).hexdigest():
            return terakhir
        berkas = berkas_unggah(
            ksdd=dok.ksdd,
            jenis=JenisBerkas.LAINNYA,
            upload=SimpleUploadedFile(nama_berkas, data, content_type=DOCX),
            user=user,
        )
        return versi_dari_berkas(
            dokumen=dok,
            berkas=berkas,
            user=user,
            asal=AsalVersi.DIHASILKAN,
            catatan=catatan or _("Dihasilkan oleh KERSA."),
        )
