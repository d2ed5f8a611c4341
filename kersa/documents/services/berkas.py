"""Writes for uploaded files. Files written inside a failed transaction are removed."""

import contextvars
import hashlib
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.db import transaction

from ..models import Berkas
from ..validators import nama_aman, periksa_berkas

_ditulis: contextvars.ContextVar[list | None] = contextvars.ContextVar("_ditulis", default=None)


@contextmanager
def atomic_dengan_berkas():
    """``transaction.atomic()`` that also deletes the files stored inside it if it
    rolls back, so a refused action leaves nothing behind."""
    if _ditulis.get() is not None:  # nested: the outermost block cleans up
        with transaction.atomic():
            yield
        return
    written: list = []
    token = _ditulis.set(written)
    try:
        with transaction.atomic():
            yield
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise
    finally:
        _ditulis.reset(token)


def berkas_unggah(*, ksdd, jenis: str, upload, user) -> Berkas:
    """Check an uploaded file by content and store it as an immutable Berkas."""
    data = upload.read()
    nama = getattr(upload, "name", "") or "berkas"
    content_type = periksa_berkas(nama, data, getattr(upload, "size", None))
    berkas = Berkas(
        ksdd=ksdd,
        jenis=jenis,
        nama_asli=nama_aman(nama),
        content_type=content_type,
        ukuran=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        diunggah_oleh=user,
    )
    ext = "pdf" if content_type.endswith("pdf") else "docx"
    berkas.file.save(f"upload.{ext}", ContentFile(data), save=False)
    written = _ditulis.get()
    if written is not None:
        written.append((berkas.file.storage, berkas.file.name))
    berkas.save()
    return berkas
