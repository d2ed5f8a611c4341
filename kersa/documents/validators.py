"""Content checks for uploaded letters: PDF or DOCX by content, never by name.

Written here rather than taken from a library: ``filetype`` recognises a ZIP but
not whether it is a real, macro-free, unencrypted DOCX, nor a zip bomb; these few
checks on the archive's own directory are what decides that.
"""

import io
import re
import unicodedata
import zipfile

from django.conf import settings
from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, RuleViolation

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAX_RATIO = 100  # uncompressed / compressed
_MAX_UNCOMPRESSED = 200 * 1024 * 1024
_MAX_TYPES = 1024 * 1024  # [Content_Types].xml is a few KB in a real DOCX
_RULE = "P26"  # files are kept as the KSDD's record (Pasal 26)


def _tolak(detail: str) -> RuleViolation:
    return RuleViolation(Pelanggaran(_RULE, detail, field="berkas"))


def nama_aman(nama: str) -> str:
    """The user's file name reduced to a plain, path-free display name."""
    nama = unicodedata.normalize("NFKC", nama).replace("\\", "/").split("/")[-1]
    nama = re.sub(r"[^\w.\- ()]", "_", nama).strip(" .")
    return nama[:150] or "berkas"


def periksa_berkas(nama: str, data: bytes) -> str:
    """Return the content type of an acceptable upload, or raise RuleViolation."""
    if "/" in nama or "\\" in nama or "\x00" in nama or nama.startswith("."):
        raise _tolak(_("Nama berkas \u201c%s\u201d tidak sah (mengandung jalur folder).") % nama)
    batas = settings.KERSA_MAX_UPLOAD_BYTES
    if len(data) == 0:
        raise _tolak(_("Berkas kosong."))
    if len(data) > batas:
        raise _tolak(
            _("Berkas terlalu besar (%(ukuran).1f MB); paling besar %(batas).0f MB.")
            % {"ukuran": len(data) / 1e6, "batas": batas / 1e6}
        )
    if data.startswith(b"%PDF-"):
        if b"/Encrypt" in data:  # anywhere: an xref-stream trailer may sit mid-file
            raise _tolak(_("PDF terenkripsi tidak dapat diterima; unggah salinan tanpa sandi."))
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return _periksa_docx(data)
    raise _tolak(_("Berkas harus berupa PDF atau DOCX (diperiksa dari isinya, bukan namanya)."))


def _periksa_docx(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            total = 0
            for info in infos:
                if info.flag_bits & 0x1:
                    raise _tolak(_("Dokumen terenkripsi tidak dapat diterima."))
                if info.filename.startswith("/") or ".." in info.filename.split("/"):
                    raise _tolak(_("Arsip DOCX memuat jalur berkas yang tidak sah."))
                total += info.file_size
                if info.compress_size and info.file_size / info.compress_size > _MAX_RATIO:
                    raise _tolak(_("Arsip DOCX tidak wajar (rasio kompresi terlalu besar)."))
            if total > _MAX_UNCOMPRESSED:
                raise _tolak(_("Arsip DOCX tidak wajar (isi terlalu besar)."))
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise _tolak(_("Berkas ZIP ini bukan dokumen Word (DOCX)."))
            # Read at most _MAX_TYPES: an entry may lie about its size in the directory.
            with z.open("[Content_Types].xml") as f:
                raw = f.read(_MAX_TYPES + 1)
            if len(raw) > _MAX_TYPES:
                raise _tolak(_("Arsip DOCX tidak wajar (isi terlalu besar)."))
            types = raw.decode("utf-8", "replace")
            if "word/vbaProject.bin" in names or "macroEnabled" in types:
                raise _tolak(
                    _("Dokumen bermakro (DOCM) tidak dapat diterima; simpan sebagai DOCX.")
                )
            if _DOCX_MAIN not in types:
                raise _tolak(_("Berkas ZIP ini bukan dokumen Word (DOCX)."))
    except zipfile.BadZipFile as exc:
        raise _tolak(_("Berkas DOCX rusak dan tidak dapat dibaca.")) from exc
    return DOCX
