"""The compliance checker: reads a KB or PKS in DOCX (generated or uploaded) and says,
part by part, whether each required part of Pasal 11 ayat (1) (P11-1) or Pasal 12
ayat (1) (P12-1) is there, and whether the parties, the dates and the duration agree
with the KSDD record (a KB runs at most 5 years: P19-3).

Tolerant by design: headings are compared after normalising (case, "Pasal 7",
roman or arabic numbering, punctuation, spaces), against the titles and their
synonyms (``bagian.SINONIM``: "Keadaan Memaksa", "Force Majeure"…) and with a
fuzzy ratio of at least 0.85; the parts the Lampiran gives no heading (komparisi,
para pihak, konsideran, penutup) are also found by their wording.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock

from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran
from kersa.core.format import tanggal_surat

from .bagian import Bagian, bagian_wajib
from .teks import Paragraf, paragraf_docx

__all__ = [
    "HasilBagian",
    "HasilData",
    "Laporan",
    "Rekaman",
    "bulan_antara",
    "laporan_berkas",
    "normal",
    "periksa_naskah",
    "periksa_teks",
    "rekaman_ksdd",
]

RASIO_MIRIP = 0.85
_KATA_JUDUL_MAKS = 10
KB_MAKS_BULAN = 60  # Pasal 19 ayat (3)

_PASAL_SAJA = re.compile(r"^\s*(pasal|bab|bagian)\s+([0-9]+|[ivxlcdm]+|ke[a-z]+)\s*[.:]?\s*$", re.I)
_AWALAN = re.compile(r"^\s*(pasal|bab|bagian)\s+([0-9]+|[ivxlcdm]+|ke[a-z]+)\b", re.I)
_NOMOR = re.compile(r"^\s*(?:[0-9]+|[ivxlcdm]+|[a-z])\s*[.)]\s+", re.I)


def normal(teks: str) -> str:
    """Lower case, no accents, no 'Pasal 7' / 'BAB II' / '3.' prefix, no punctuation,
    no stray numbers, single spaces: 'PASAL 9 — KEADAAN MEMAKSA' → 'keadaan memaksa'."""
    t = unicodedata.normalize("NFKD", teks)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = _AWALAN.sub(" ", t)
    t = _NOMOR.sub(" ", t)
    t = re.sub(r"[^\w\s]|_", " ", t)
    t = re.sub(r"\b\d+\b", " ", t)
    return " ".join(t.split())


@dataclass
class HasilBagian:
    """One required part: found or not, and as what heading or wording."""

    kode: str
    judul: str
    ada: bool
    ditemukan_sebagai: str = ""


@dataclass
class HasilData:
    """One check against the KSDD record; ``lulus`` None when the text does not say."""

    kode: str
    judul: str
    lulus: bool | None
    keterangan: str = ""
    rule: str = ""


@dataclass
class Laporan:
    """The checker's report on one draft."""

    jenis: str
    bagian: list[HasilBagian]
    data: list[HasilData] = field(default_factory=list)

    @property
    def kurang(self) -> list[HasilBagian]:
        return [b for b in self.bagian if not b.ada]

    @property
    def rule_bagian(self) -> str:
        return "P12-1" if self.jenis == "pks" else "P11-1"

    @property
    def pelanggaran(self) -> list[Pelanggaran]:
        found = []
        if self.kurang:
            pasal = "Pasal 12 ayat 1" if self.jenis == "pks" else "Pasal 11 ayat 1"
            found.append(
                Pelanggaran(
                    self.rule_bagian,
                    _("Naskah belum memuat bagian: %(bagian)s (%(pasal)s).")
                    % {"bagian": ", ".join(b.judul for b in self.kurang), "pasal": pasal},
                )
            )
        found += [Pelanggaran(d.rule, d.keterangan) for d in self.data if d.lulus is False]
        return found

    @property
    def lulus(self) -> bool:
        return not self.pelanggaran

    def as_dict(self) -> dict:
        return {
            "jenis": self.jenis,
            "lulus": self.lulus,
            "bagian": [b.__dict__ for b in self.bagian],
            "data": [d.__dict__ for d in self.data],
            "pelanggaran": [p.as_dict() for p in self.pelanggaran],
        }


@dataclass(frozen=True)
class Rekaman:
    """What the KSDD record says that the text must agree with (hashable: a cache key)."""

    pihak: tuple[str, ...]  # region names, the home region first
    mulai: dt.date | None = None
    berakhir: dt.date | None = None


# --- parts -------------------------------------------------------------------------------


def _judul_judul(paragraf: list[Paragraf]) -> list[tuple[str, str]]:
    """(normalised, as written) of every paragraph that looks like a heading."""
    hasil = []
    setelah_pasal = False
    for p in paragraf:
        if _PASAL_SAJA.match(p.teks):
            setelah_pasal = True
            continue
        n = normal(p.teks)
        pendek = 0 < len(n.split()) <= _KATA_JUDUL_MAKS
        tanda = (
            p.gaya_judul
            or setelah_pasal
            or bool(_AWALAN.match(p.teks) or _NOMOR.match(p.teks))
            or (p.teks.isupper() and not p.teks.rstrip().endswith((".", ";", ",")))
        )
        if pendek and tanda:
            hasil.append((n, p.teks))
        setelah_pasal = False
    return hasil


def _cocok(judul: str, bagian: Bagian) -> bool:
    for c in (normal(bagian.judul), *(normal(s) for s in bagian.sinonim)):
        if not c:
            continue
        if judul == c or judul.startswith(c + " "):
            return True
        if difflib.SequenceMatcher(None, judul, c).ratio() >= RASIO_MIRIP:
            return True
    return False


def _cari_bagian(bagian: Bagian, judul: list[tuple[str, str]], baris: list[str]) -> str:
    for n, asli in judul:
        if _cocok(n, bagian):
            return asli
    if bagian.pola:
        teks = "\n".join(b.lower() for b in baris)
        for pola in bagian.pola:
            m = re.search(pola, teks, re.M | re.S)
            if m:
                kalimat = baris[teks.count("\n", 0, m.start())]  # as written
                return kalimat[:80] + ("…" if len(kalimat) > 80 else "")
    return ""


# --- record checks -----------------------------------------------------------------------

_BULAN = [
    "januari",
    "februari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "november",
    "desember",
]
_TGL_KATA = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_BULAN) + r")\s+(\d{4})\b")
_TGL_ANGKA = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_JANGKA = re.compile(r"jangka waktu\D{0,60}?(\d+)\s*(?:\([^)]*\)\s*)?(tahun|bulan)\b")


def bulan_antara(mulai: dt.date, berakhir: dt.date) -> int:
    """Whole months; a period ending the day before an anniversary counts as whole."""
    besok = berakhir + dt.timedelta(days=1)
    bulan = (besok.year - mulai.year) * 12 + besok.month - mulai.month
    if besok.day < mulai.day and besok.day != 1:
        bulan -= 1
    return bulan


def _lama(bulan: int) -> str:
    return _("%d tahun") % (bulan // 12) if bulan % 12 == 0 else _("%d bulan") % bulan


def _tanggal_di(teks: str) -> list[tuple[int, dt.date]]:
    found = []
    for m in _TGL_KATA.finditer(teks):
        try:
            d = dt.date(int(m[3]), _BULAN.index(m[2]) + 1, int(m[1]))
        except ValueError:
            continue
        found.append((m.start(), d))
    for m in _TGL_ANGKA.finditer(teks):
        try:
            found.append((m.start(), dt.date(int(m[3]), int(m[2]), int(m[1]))))
        except ValueError:
            continue
    return found


def _periksa_pihak(teks_normal: str, rekaman: Rekaman, rule: str) -> HasilData:
    hilang = [nama for nama in rekaman.pihak if normal(nama) not in teks_normal]
    if hilang:
        return HasilData(
            "pihak",
            _("Para pihak sesuai data KSDD"),
            False,
            _("Naskah tidak menyebut pihak: %s (para pihak menurut data KSDD).")
            % ", ".join(hilang),
            rule,
        )
    return HasilData(
        "pihak", _("Para pihak sesuai data KSDD"), True, ", ".join(rekaman.pihak), rule
    )


def _periksa_jangka(teks: str, rekaman: Rekaman, rule: str) -> HasilData:
    judul = _("Jangka waktu sesuai data KSDD")
    m = _JANGKA.search(teks)
    if not (rekaman.mulai and rekaman.berakhir):
        return HasilData("jangka_waktu", judul, None, _("Tanggal berlaku belum dicatat."), rule)
    catatan = bulan_antara(rekaman.mulai, rekaman.berakhir)
    if m is None:
        return HasilData(
            "jangka_waktu",
            judul,
            None,
            _("Naskah tidak menyatakan lamanya jangka waktu; data KSDD: %s.") % _lama(catatan),
            rule,
        )
    tertulis = int(m[1]) * (12 if m[2] == "tahun" else 1)
    if abs(tertulis - catatan) > 1:
        return HasilData(
            "jangka_waktu",
            judul,
            False,
            _("Jangka waktu dalam naskah (%(naskah)s) tidak sesuai dengan data KSDD (%(data)s).")
            % {"naskah": f"{m[1]} {m[2]}", "data": _lama(catatan)},
            rule,
        )
    return HasilData("jangka_waktu", judul, True, f"{m[1]} {m[2]}", rule)


def _periksa_tanggal(teks: str, rekaman: Rekaman, rule: str) -> HasilData:
    judul = _("Tanggal berlaku sesuai data KSDD")
    if not (rekaman.mulai and rekaman.berakhir):
        return HasilData("tanggal", judul, None, _("Tanggal berlaku belum dicatat."), rule)
    tanggal = _tanggal_di(teks)
    semua = {d for _pos, d in tanggal}
    if rekaman.berakhir in semua:
        return HasilData(
            "tanggal",
            judul,
            True,
            _("%(mulai)s s.d. %(akhir)s")
            % {"mulai": tanggal_surat(rekaman.mulai), "akhir": tanggal_surat(rekaman.berakhir)},
            rule,
        )
    akhir = [
        d for pos, d in tanggal if re.search(r"sampai dengan(?: tanggal)?\s*$", teks[:pos][-40:])
    ]
    if akhir:
        return HasilData(
            "tanggal",
            judul,
            False,
            _(
                "Tanggal berakhir dalam naskah (%(naskah)s) tidak sesuai dengan data KSDD (%(data)s)."
            )
            % {"naskah": tanggal_surat(akhir[0]), "data": tanggal_surat(rekaman.berakhir)},
            rule,
        )
    return HasilData("tanggal", judul, None, _("Naskah tidak menyebut tanggal berakhir."), rule)


def _periksa_p19_3(teks: str, rekaman: Rekaman) -> HasilData:
    judul = _("Jangka waktu Kesepakatan Bersama paling lama 5 tahun")
    bulan = []
    if rekaman.mulai and rekaman.berakhir:
        bulan.append(bulan_antara(rekaman.mulai, rekaman.berakhir))
    m = _JANGKA.search(teks)
    if m:
        bulan.append(int(m[1]) * (12 if m[2] == "tahun" else 1))
    if any(b > KB_MAKS_BULAN for b in bulan):
        return HasilData(
            "p19_3",
            judul,
            False,
            _(
                "Jangka waktu Kesepakatan Bersama %s melebihi batas paling lama 5 (lima) tahun "
                "(Pasal 19 ayat 3)."
            )
            % _lama(max(bulan)),
            "P19-3",
        )
    return HasilData("p19_3", judul, True if bulan else None, "", "P19-3")


# --- entry points ------------------------------------------------------------------------


def periksa_teks(paragraf: list[Paragraf], *, jenis: str, rekaman: Rekaman | None) -> Laporan:
    """The report on already-extracted paragraphs (see ``periksa_naskah``)."""
    baris = [p.teks for p in paragraf]
    judul = _judul_judul(paragraf)
    hasil = []
    for b in bagian_wajib(jenis):
        sebagai = _cari_bagian(b, judul, baris)
        hasil.append(HasilBagian(b.kode, b.judul, bool(sebagai), sebagai))
    laporan = Laporan(jenis, hasil)
    if rekaman is not None:
        rule = "P12" if jenis == "pks" else "P11"
        teks = " ".join(b.lower() for b in baris)
        laporan.data.append(_periksa_pihak(normal(" ".join(baris)), rekaman, rule))
        laporan.data.append(_periksa_jangka(teks, rekaman, rule))
        laporan.data.append(_periksa_tanggal(teks, rekaman, rule))
        if jenis == "kb":
            laporan.data.append(_periksa_p19_3(teks, rekaman))
    return laporan


def rekaman_ksdd(ksdd, jenis: str) -> Rekaman:
    """The record of a KSDD for the checker: parties (home region first) and the dates
    of its KB or PKS (when the agreed draft has been recorded)."""
    from kersa.regions.selectors import wilayah_daerah

    pihak = [wilayah_daerah().nama] + sorted(m.nama for m in ksdd.mitra.all())
    naskah = next((n for n in ksdd.naskah.all() if n.jenis == jenis), None)
    return Rekaman(
        tuple(pihak),
        naskah.tanggal_mulai if naskah else None,
        naskah.tanggal_berakhir if naskah else None,
    )


def periksa_naskah(*, data: bytes, jenis: str, ksdd=None, rekaman: Rekaman | None = None):
    """Check a KB (``jenis="kb"``) or PKS (``"pks"``) DOCX against Pasal 11/12 ayat (1)
    and, when ``ksdd`` (or a ready ``rekaman``) is given, against the KSDD record."""
    if rekaman is None and ksdd is not None:
        rekaman = rekaman_ksdd(ksdd, jenis)
    return periksa_teks(paragraf_docx(data), jenis=jenis, rekaman=rekaman)


# A small LRU of reports keyed by (file checksum, kind, record): the KSDD page asks on
# every render which rules block signing; a DOCX is parsed once per content and record.
_CACHE: OrderedDict = OrderedDict()
_CACHE_MAKS = 128
_KUNCI = Lock()


def laporan_berkas(*, berkas, jenis: str, rekaman: Rekaman) -> Laporan:
    """The report on a stored DOCX Berkas, cached by its SHA-256 and the record."""
    kunci = (berkas.sha256, jenis, rekaman)
    with _KUNCI:
        if kunci in _CACHE:
            _CACHE.move_to_end(kunci)
            return _CACHE[kunci]
    with berkas.file.open("rb") as f:
        data = f.read()
    laporan = periksa_naskah(data=data, jenis=jenis, rekaman=rekaman)
    with _KUNCI:
        _CACHE[kunci] = laporan
        while len(_CACHE) > _CACHE_MAKS:
            _CACHE.popitem(last=False)
    return laporan
