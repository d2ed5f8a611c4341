"""Small, valid sample letters (PDF and DOCX) for demo data and tests.

Built by hand (a few hundred bytes each) so that demo data and tests need no
office suite. They are real files: PDF readers and Word open them.
"""

import datetime as dt
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from kersa.core.format import angka_kata, tanggal_kata, tanggal_surat
from kersa.core.regulasi import PERBUP

from .naskah import isian_teks
from .pemeriksa import bulan_antara


def pdf_bytes(teks: str = "Surat") -> bytes:
    """A one-page PDF showing ``teks`` (ASCII)."""
    safe = teks.encode("ascii", "replace").decode().replace("(", "[").replace(")", "]")
    stream = f"BT /F1 12 Tf 72 770 Td ({safe}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def _docx(paragraf) -> bytes:
    """A DOCX of ``(teks, judul)`` pairs; a heading is bold and centred."""
    from xml.sax.saxutils import escape

    def p(teks: str, judul: bool) -> str:
        ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if judul else ""
        rpr = "<w:rPr><w:b/></w:rPr>" if judul else ""
        return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{escape(teks)}</w:t></w:r></w:p>'

    body = "".join(p(teks, judul) for teks, judul in paragraf)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for nama, isi in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _RELS),
            ("word/document.xml", document),
        ):
            # A fixed timestamp: the same paragraphs give the same bytes (and SHA-256),
            # whatever second the test runs in.
            info = zipfile.ZipInfo(nama, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, isi)
    return out.getvalue()


def docx_bytes(*paragraf: str) -> bytes:
    """A DOCX whose body is the given paragraphs."""
    return _docx((p, False) for p in (paragraf or ("Surat",)))


# --- a realistic KB / PKS (Pasal 11 ayat 1, Pasal 12 ayat 1; Lampiran format) -------------

# The isi of a KB (P11-1) and of a PKS (P12-1) in order, each with a plain body.
_ISI = {
    "maksud_tujuan": (
        "MAKSUD DAN TUJUAN",
        "Maksud {s} adalah sebagai pedoman PARA PIHAK "
        "dalam melaksanakan kerja sama; tujuannya meningkatkan pelayanan publik.",
    ),
    "objek": ("OBJEK", "Objek {s} adalah {judul}."),
    "ruang_lingkup": (
        "RUANG LINGKUP",
        "Ruang lingkup {s} meliputi pelayanan, pertukaran data dan peningkatan kapasitas aparatur.",
    ),
    "pelaksanaan": (
        "PELAKSANAAN",
        "Pelaksanaan {s} dilakukan oleh Perangkat Daerah PARA PIHAK sesuai tugas dan fungsinya.",
    ),
    "hak_kewajiban": (
        "HAK DAN KEWAJIBAN PARA PIHAK",
        "PIHAK KESATU berhak menerima laporan "
        "pelaksanaan dan berkewajiban menyediakan layanan; PIHAK KEDUA berhak "
        "atas layanan dan berkewajiban membayar biaya yang disepakati.",
    ),
    "pembiayaan": (
        "PEMBIAYAAN",
        "Biaya pelaksanaan {s} dibebankan kepada APBD masing-masing "
        "PIHAK sesuai ketentuan peraturan perundang-undangan.",
    ),
    "jangka_waktu": ("JANGKA WAKTU", ""),
    "surat_menyurat": (
        "SURAT-MENYURAT",
        "Setiap surat-menyurat ditujukan kepada alamat kantor "
        "Sekretariat Daerah masing-masing PIHAK.",
    ),
    "penyelesaian_perselisihan": (
        "PENYELESAIAN PERSELISIHAN",
        "Perselisihan diselesaikan "
        "secara musyawarah untuk mufakat; bila tidak tercapai, "
        "diselesaikan oleh Gubernur.",
    ),
    "keadaan_kahar": (
        "KEADAAN KAHAR",
        "Keadaan kahar adalah keadaan di luar kemampuan PARA "
        "PIHAK, antara lain bencana alam, wabah dan huru-hara.",
    ),
    "pengakhiran": (
        "PENGAKHIRAN KERJA SAMA",
        "{S} berakhir apabila jangka waktunya berakhir atau PARA PIHAK sepakat mengakhirinya.",
    ),
    "lain_lain": (
        "LAIN-LAIN",
        "Hal-hal yang belum diatur dalam {s} diatur kemudian dalam "
        "addendum yang merupakan bagian tidak terpisahkan dari {s}.",
    ),
}
_URUTAN = {
    "kb": [
        "maksud_tujuan",
        "objek",
        "ruang_lingkup",
        "pelaksanaan",
        "jangka_waktu",
        "surat_menyurat",
        "lain_lain",
    ],
    "pks": [
        "maksud_tujuan",
        "objek",
        "ruang_lingkup",
        "pelaksanaan",
        "hak_kewajiban",
        "pembiayaan",
        "jangka_waktu",
        "penyelesaian_perselisihan",
        "keadaan_kahar",
        "pengakhiran",
        "surat_menyurat",
        "lain_lain",
    ],
}


def naskah_paragraf(
    jenis: str = "kb",
    ksdd=None,
    *,
    mulai=None,
    berakhir=None,
    pihak=None,
    tanpa=(),
    judul_pasal=None,
    semua_bagian: bool = False,
    komparisi: dt.date | None = None,
    hari: str | None = None,
    isian=(),
    isi_pasal=None,
    nomor=None,
) -> list[tuple[str, bool]]:
    """The paragraphs ``(teks, judul)`` of a realistic KB (``"kb"``) or PKS (``"pks"``)
    holding every required part. ``ksdd`` gives the parties and title (else Barito
    Selatan and Barito Timur); ``mulai``/``berakhir`` the duration (else none is stated);
    ``tanpa`` leaves parts out by code; ``judul_pasal`` replaces headings by code;
    ``semua_bagian`` holds the parts of both a KB and a PKS. ``komparisi`` is the date
    of the komparisi (else Monday 2 February 2026), ``hari`` overrides its weekday;
    ``isian`` leaves parts by code as the generator's placeholders (P11, P12): the
    komparisi as the blank date line "Pada hari ini, …… tanggal ……", any other part's body
    as "[...diisi: …...]"; ``isi_pasal`` replaces the body of parts by code; ``nomor`` the document numbers of the
    title block (P11-3, P12-5; else those of the test helpers)."""

    pks = jenis == "pks"
    sebutan = "Perjanjian Kerja Sama" if pks else "Kesepakatan Bersama"
    s = f"{sebutan} ini"
    judul = getattr(ksdd, "judul", "") or "Pelayanan Kesehatan Rujukan bagi Masyarakat Perbatasan"
    if pihak is None:
        pihak = ["Barito Selatan"]
        pihak += sorted(m.nama for m in ksdd.mitra.all()) if ksdd else ["Barito Timur"]
    judul_pasal = judul_pasal or {}
    out: list[tuple[str, bool]] = [(sebutan.upper(), True), ("ANTARA", True)]
    for i, nama in enumerate(pihak):
        if i:
            out.append(("DAN", True))
        out.append((f"PEMERINTAH KABUPATEN {nama.upper()}", True))
    out += [("TENTANG", True), (judul.upper(), True)]
    if nomor is None:  # the numbers the test helpers and the scenario sign with
        nomor = ["100.3.7/12/Pem/2026" if pks else "100.3.6/08/Pem/2026"]
        nomor += [f"100.3/{20 + i}/Pem/2026" for i in range(1, len(pihak))]
    out += [(f"NOMOR: {n}", True) for n in nomor]
    if "komparisi" not in tanpa:
        tk = tanggal_kata(None if "komparisi" in isian else komparisi or dt.date(2026, 2, 2))
        if hari:
            tk = tk._replace(hari=hari)
        if "komparisi" in isian:
            tk = tk._replace(hari="……", tanggal="……", bulan="……", tahun="……")
        out.append(
            (f"{tk.kalimat}, bertempat di Buntok, yang bertanda tangan di bawah ini:", False)
        )
    urutan = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA"]
    if "para_pihak" not in tanpa:
        for i, nama in enumerate(pihak):
            out.append(
                (
                    f"{i + 1}. Bupati {nama}, dalam hal ini bertindak untuk dan atas nama "
                    f"Pemerintah Kabupaten {nama}, selanjutnya disebut PIHAK {urutan[i % 5]}.",
                    False,
                )
            )
        out.append(("PIHAK KESATU dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK.", False))
    if "konsideran" not in tanpa:
        out += [
            ("PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut:", False),
            (
                "a. bahwa PARA PIHAK berwenang menyelenggarakan urusan pemerintahan yang menjadi "
                "kewenangan daerah;",
                False,
            ),
            (
                f"b. bahwa kerja sama daerah dilaksanakan berdasarkan {PERBUP};",
                False,
            ),
            (
                "Berdasarkan hal-hal tersebut di atas, PARA PIHAK sepakat untuk mengikatkan diri "
                f"dalam {sebutan} dengan ketentuan sebagai berikut:",
                False,
            ),
        ]
    kode_isi = list(_URUTAN["pks" if pks or semua_bagian else "kb"])
    nomor = 0
    for kode in kode_isi:
        if kode in tanpa:
            continue
        nomor += 1
        heading, isi = _ISI[kode]
        if kode == "jangka_waktu":
            if mulai and berakhir:
                bulan = bulan_antara(mulai, berakhir)
                lama = (
                    f"{bulan // 12} ({angka_kata(bulan // 12)}) tahun"
                    if bulan % 12 == 0
                    else f"{bulan} ({angka_kata(bulan)}) bulan"
                )
                isi = (
                    f"{{S}} berlaku untuk jangka waktu {lama}, terhitung sejak tanggal "
                    f"{tanggal_surat(mulai)} sampai dengan tanggal {tanggal_surat(berakhir)}."
                )
            else:
                isi = (
                    "{S} berlaku sejak tanggal ditandatangani sampai dengan berakhirnya "
                    "masa yang disepakati PARA PIHAK dan dapat diperpanjang."
                )
        out += [(f"Pasal {nomor}", True), (judul_pasal.get(kode, heading), True)]
        if kode in isian:
            isi = isian_teks(heading.lower())
        isi = (isi_pasal or {}).get(kode, isi)
        out.append((isi.format(s=s, S=s[0].upper() + s[1:], judul=judul), False))
    if "penutup" not in tanpa:
        out += [(f"Pasal {nomor + 1}", True), (judul_pasal.get("penutup", "PENUTUP"), True)]
        out.append(
            (isian_teks("ketentuan penutup"), False)
            if "penutup" in isian
            else (
                f"{s[0].upper() + s[1:]} dibuat dalam rangkap {len(pihak) + 1} "
                f"({angka_kata(len(pihak) + 1)}) asli, masing-masing bermaterai cukup dan "
                "mempunyai kekuatan hukum yang sama.",
                False,
            )
        )
    out += [(f"PIHAK {urutan[i % 5]}, Bupati {nama}", False) for i, nama in enumerate(pihak)]
    return out


def naskah_docx(jenis: str = "kb", ksdd=None, **kwargs) -> bytes:
    """A realistic KB or PKS as DOCX with every required part (see ``naskah_paragraf``)."""
    return _docx(naskah_paragraf(jenis, ksdd, **kwargs))


def unggahan_naskah(nama: str, jenis: str = "kb", ksdd=None, **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        nama,
        naskah_docx(jenis, ksdd, **kwargs),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


def unggahan_pdf(nama: str = "surat.pdf", teks: str = "Surat") -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, pdf_bytes(teks), content_type="application/pdf")


def unggahan_docx(nama: str = "rancangan.docx", *paragraf: str) -> SimpleUploadedFile:
    """A DOCX upload of the given paragraphs (for an agreed KB or PKS draft that must
    pass the compliance check, use ``unggahan_naskah``)."""
    isi = docx_bytes(*paragraf)
    return SimpleUploadedFile(
        nama,
        isi,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
