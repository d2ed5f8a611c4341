"""Content checks for uploaded letters: PDF or DOCX by content, never by name.

Written here rather than taken from a library: ``filetype`` recognises a ZIP but
not whether it is a real, macro-free, unencrypted DOCX, nor a zip bomb; these few
checks on the archive's own directory are what decides that.

Active content is refused too (issue 19): a PDF with JavaScript or automatic actions
(``/JavaScript``, ``/JS``, ``/AA``, also inside compressed streams and with ``#xx``
escapes in the name), an HTML/PDF polyglot (``<html``/``<script`` in the first KB, or a
PDF header not at the start), a DOCX whose directory lies about its sizes (every entry
is inflated, capped, and compared with its declared size) and macros under any part
name (``vbaProject`` parts, the vbaProject content type, a relationship to one).
"""

import io
import re
import struct
import unicodedata
import zipfile
import zlib

from django.conf import settings
from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, RuleViolation

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAX_RATIO = 100  # uncompressed / compressed
_MAX_UNCOMPRESSED = 100 * 1024 * 1024  # the whole DOCX inflated, counted while reading
_POTONGAN = 64 * 1024  # read an entry in pieces, never whole
_AWAL = 1024  # the first KB, where a browser sniffs HTML
_MAX_PDF_INFLATE = 50 * 1024 * 1024  # PDF streams inflated to look for JavaScript
# Actions that run or send something on their own, and the containers of scripts (Flash-era
# RichMedia, XFA forms). Not /OpenAction itself: LibreOffice writes one in every PDF it
# exports (``/OpenAction[1 0 R /XYZ null null 0]``, a destination); an /OpenAction that is
# a JavaScript, Launch or SubmitForm action names that action, which is refused here.
_PDF_AKTIF = {
    b"JavaScript",
    b"JS",
    b"AA",
    b"Launch",
    b"SubmitForm",
    b"ImportData",
    b"GoToE",
    b"RichMedia",
    b"XFA",
}
_MAKRO = (
    "vbaproject",
    "application/vnd.ms-office.vbaproject",
    "macroenabled",
    "http://schemas.microsoft.com/office/2006/relationships/vbaproject",
)
_MAX_TYPES = 1024 * 1024  # [Content_Types].xml is a few KB in a real DOCX
_RULE = "P26"  # files are kept as the KSDD's record (Pasal 26)


def _tolak(detail: str) -> RuleViolation:
    return RuleViolation(Pelanggaran(_RULE, detail, field="berkas"))


def nama_aman(nama: str) -> str:
    """The user's file name reduced to a plain, path-free display name."""
    nama = unicodedata.normalize("NFKC", nama).replace("\\", "/").split("/")[-1]
    nama = re.sub(r"[^\w.\- ()]", "_", nama).strip(" .")
    return nama[:150] or "berkas"


def periksa_berkas(nama: str, data: bytes, ukuran: int | None = None) -> str:
    """Return the content type of an acceptable upload, or raise RuleViolation.

    ``ukuran`` is the size the upload arrived with when larger than ``data``: the upload
    handler (``kersa.documents.unggah``) keeps only the first limit + 1 bytes of a file
    that is too large, and counts the rest without storing it."""
    if "/" in nama or "\\" in nama or "\x00" in nama or nama.startswith("."):
        raise _tolak(_("Nama berkas “%s” tidak sah (mengandung jalur folder).") % nama)
    batas = settings.KERSA_MAX_UPLOAD_BYTES
    if len(data) == 0:
        raise _tolak(_("Berkas kosong."))
    ukuran = max(len(data), ukuran or 0)
    if ukuran > batas:
        raise _tolak(
            _("Berkas terlalu besar (%(ukuran).1f MB); paling besar %(batas).0f MB.")
            % {"ukuran": ukuran / 1e6, "batas": batas / 1e6}
        )
    _periksa_polyglot(data)
    if data.startswith(b"%PDF-"):
        if b"/Encrypt" in data:  # anywhere: an xref-stream trailer may sit mid-file
            raise _tolak(_("PDF terenkripsi tidak dapat diterima; unggah salinan tanpa sandi."))
        _periksa_pdf_aktif(data)
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return _periksa_docx(data)
    raise _tolak(_("Berkas harus berupa PDF atau DOCX (diperiksa dari isinya, bukan namanya)."))


def _periksa_polyglot(data: bytes) -> None:
    """A file a browser could take for a web page, or a PDF hidden behind other bytes."""
    awal = data[:_AWAL].lower()
    if b"<html" in awal or b"<script" in awal or b"<!doctype html" in awal:
        raise _tolak(
            _(
                "Berkas memuat kode halaman web (HTML/skrip) dan tidak dapat diterima; "
                "unggah PDF atau DOCX biasa."
            )
        )
    if data.find(b"%PDF-", 1, _AWAL) > 0:
        raise _tolak(
            _(
                "Berkas ini bukan PDF yang sah: penanda PDF tidak berada di awal berkas "
                "(berkas gabungan)."
            )
        )


_NAMA_PDF = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
_STREAM = re.compile(rb"stream\r?\n")
_ENDSTREAM = b"endstream"


def _nama_pdf(potongan) -> set[bytes]:
    """The PDF names in ``potongan`` (case kept: PDF names are case-sensitive), ``#xx``
    escapes decoded."""
    return {
        re.sub(rb"#([0-9A-Fa-f]{2})", lambda h: bytes([int(h.group(1), 16)]), m.group(1))
        for m in _NAMA_PDF.finditer(potongan)
    }


def _periksa_pdf_aktif(data: bytes) -> None:
    """JavaScript or automatic actions in the PDF's dictionaries: the file outside its
    streams, and the compressed object streams (``/ObjStm``) where PDF 1.5 keeps them.
    Image and page streams are not scanned (random bytes would look like names)."""
    nama: set[bytes] = set()
    sisa = _MAX_PDF_INFLATE
    view = memoryview(data)
    pos = 0
    for m in _STREAM.finditer(data):
        if m.start() < pos or data[m.start() - 3 : m.start()] == b"end":
            continue  # inside a stream already skipped, or an ``endstream``
        kamus = data[pos : m.start()]
        nama |= _nama_pdf(kamus)
        akhir = data.find(_ENDSTREAM, m.end())
        akhir = len(data) if akhir == -1 else akhir
        if b"/ObjStm" in kamus[kamus.rfind(b"obj") :] and sisa > 0:
            try:
                isi = zlib.decompressobj().decompress(view[m.end() : akhir], sisa)
            except zlib.error:
                isi = b""
            sisa -= len(isi)
            nama |= _nama_pdf(isi)
        pos = akhir
    nama |= _nama_pdf(data[pos:])
    if nama & _PDF_AKTIF:
        raise _tolak(
            _(
                "PDF memuat JavaScript atau tindakan otomatis (/JavaScript, /JS, /AA) dan "
                "tidak dapat diterima; cetak ulang sebagai PDF biasa."
            )
        )


def _tolak_makro() -> RuleViolation:
    return _tolak(_("Dokumen bermakro (DOCM) tidak dapat diterima; simpan sebagai DOCX."))


def _tolak_ukuran_palsu() -> RuleViolation:
    return _tolak(
        _("Arsip DOCX tidak wajar (ukuran isi tidak sesuai dengan yang tercatat di arsip).")
    )


def _baca_semua(data: bytes, infos) -> dict[str, bytes]:
    """Inflate every entry from its own bytes in pieces, counting the real output against
    the size the directory declares and against the total cap; keep only the small XML
    parts the checks below read. ``zipfile`` itself stops at the declared size (a CRC
    forged for the declared part then passes), so the entries are inflated here."""
    total = 0
    kecil = {}
    for info in infos:
        simpan = info.filename == "[Content_Types].xml" or info.filename.endswith(".rels")
        bagian = []
        nyata = 0
        for potongan in _inflate(data, info):
            nyata += len(potongan)
            total += len(potongan)
            if nyata > info.file_size:
                raise _tolak_ukuran_palsu()
            if total > _MAX_UNCOMPRESSED:
                raise _tolak(_("Arsip DOCX tidak wajar (isi terlalu besar)."))
            if simpan:
                if nyata > _MAX_TYPES:
                    raise _tolak(_("Arsip DOCX tidak wajar (isi terlalu besar)."))
                bagian.append(potongan)
        if nyata != info.file_size:
            raise _tolak_ukuran_palsu()
        if simpan:
            kecil[info.filename] = b"".join(bagian)
    return kecil


def _inflate(data: bytes, info: zipfile.ZipInfo):
    """The entry's real content in pieces of at most ``_POTONGAN`` bytes."""
    off = info.header_offset
    if data[off : off + 4] != b"PK\x03\x04":
        raise zipfile.BadZipFile("local header")
    n, m = struct.unpack_from("<HH", data, off + 26)
    start = off + 30 + n + m
    if info.compress_type == zipfile.ZIP_STORED:
        if info.compress_size != info.file_size:
            raise _tolak_ukuran_palsu()
        for i in range(start, start + info.compress_size, _POTONGAN):
            yield data[i : min(i + _POTONGAN, start + info.compress_size)]
        return
    if info.compress_type != zipfile.ZIP_DEFLATED:
        raise zipfile.BadZipFile("compression")
    d = zlib.decompressobj(-15)
    pos = start
    try:
        while not d.eof and pos < len(data):
            masuk = data[pos : pos + _POTONGAN]
            pos += len(masuk)
            while masuk and not d.eof:
                keluar = d.decompress(masuk, _POTONGAN)
                masuk = d.unconsumed_tail
                if keluar:
                    yield keluar
    except zlib.error as exc:
        raise zipfile.BadZipFile("deflate") from exc
    if not d.eof:
        raise zipfile.BadZipFile("truncated")


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
            if any("vbaproject" in n.lower() for n in names):
                raise _tolak_makro()
            # Every entry inflated in pieces: an entry may lie about its size.
            kecil = _baca_semua(data, infos)
            types = kecil["[Content_Types].xml"].decode("utf-8", "replace")
            # Macros under any part name: the content type or a relationship names them.
            for isi in kecil.values():
                teks = isi.decode("utf-8", "replace").lower()
                if any(tanda in teks for tanda in _MAKRO):
                    raise _tolak_makro()
            if _DOCX_MAIN not in types:
                raise _tolak(_("Berkas ZIP ini bukan dokumen Word (DOCX)."))
    except zipfile.BadZipFile as exc:
        raise _tolak(_("Berkas DOCX rusak dan tidak dapat dibaca.")) from exc
    return DOCX
