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
import functools
import re
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock

from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran
from kersa.core.format import kata_angka, tanggal_panjang, tanggal_surat
from kersa.regions.selectors import wilayah_daerah

from .bagian import Bagian, bagian_wajib
from .isian_ttd import SAAT_TTD, IsianTtd, baris_nomor, isi_penandatanganan, rapat
from .teks import Paragraf, paragraf_docx

__all__ = [
    "HasilBagian",
    "HasilData",
    "IsianTtd",
    "Laporan",
    "Rekaman",
    "ada_isian",
    "bulan_antara",
    "hanya_isian",
    "kutip",
    "kutip_isian",
    "tanggal_komparisi",
    "laporan_berkas",
    "nomor_tidak_tertulis",
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
    keterangan: str = ""  # why a part that seems there counts as missing (only a placeholder)


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
    nomor: list[str] = field(default_factory=list)  # the "NOMOR: …" lines, as written
    tanggal_komparisi: dt.date | None = None  # the komparisi's date, when readable

    @property
    def kurang(self) -> list[HasilBagian]:
        return [b for b in self.bagian if not b.ada]

    @property
    def daftar_kurang(self) -> str:
        """'Surat-Menyurat, Penutup (hanya isian kosong: “…”)': each missing part, with
        what was read where the part is only a placeholder (P11, P12)."""
        return ", ".join(
            f"{b.judul} ({b.keterangan})" if b.keterangan else b.judul for b in self.kurang
        )

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
                    % {"bagian": self.daftar_kurang, "pasal": pasal},
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
    ditandatangani: dt.date | None = None  # recorded, or about to be recorded, signing date
    jangka_bulan: int | None = None  # the KSDD's jangka_waktu_bulan (when no dates recorded)


# --- parts -------------------------------------------------------------------------------


# A placeholder: "[...diisi: …]", "[…diisi…]", "[diisi]", runs of dots ("……", "....."; a
# lone "..." or "…" between spaces),
# underscores ("____") and the blank numeric date "..-..-....". A part made only of these
# is missing (P11, P12 BLOCK).
_ISIAN = re.compile(
    r"\[\s*(?:\.{2,}|…+)?\s*diisi[^\]]*\]"
    # runs of dots or ellipses; a lone "..."/"…" only where it stands for a word (not "dst…")
    r"|\.{4,}|…{2,}|(?<![\w.])(?:\.{3}|…)(?![\w.])|_{3,}"
    r"|\.{2}\s*-\s*\.{2}\s*-\s*\.{2,}",
    re.I,
)
KUTIP_MAKS = 120


def ada_isian(teks: str) -> bool:
    """True when the text holds a placeholder (P11, P12)."""
    return bool(_ISIAN.search(teks))


def tanpa_isian(teks: str) -> str:
    return " ".join(_ISIAN.sub(" ", teks).split())


def hanya_isian(teks: str) -> bool:
    """True when a text is nothing but placeholders and the words around them: once the
    placeholders go, fewer than 3 words of 3+ letters are left (“Pasal ini [...diisi...]”)."""
    if not ada_isian(teks):
        return False
    kata = re.findall(r"[^\W\d_]{3,}", tanpa_isian(teks))
    return len(kata) < 3


def kutip(teks: str, maks: int = KUTIP_MAKS) -> str:
    """The text the checker read, trimmed, in quotes: “Pada hari ini, …… tanggal ……”."""
    teks = " ".join(teks.split())
    if len(teks) > maks:
        teks = teks[: maks - 1].rstrip() + "…"
    return f"“{teks}”"


def kutip_isian(teks: str, maks: int = KUTIP_MAKS) -> str:
    """The quote of a paragraph holding a placeholder, cut so that the placeholder itself
    is shown: “…alamat berikut: PIHAK KEDUA: [...diisi: alamat...]” (P11, P12)."""
    teks = " ".join(teks.split())
    m = _ISIAN.search(teks)
    if m is None or len(teks) <= maks or m.end() <= maks - 1:
        return kutip(teks, maks)
    awal = max(0, min(m.start() - 40, len(teks) - (maks - 2)))
    potong = "…" + teks[awal:].lstrip()
    return kutip(potong, maks)


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
        if _mirip(judul, c):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _mirip(a: str, b: str) -> bool:
    """``a`` and ``b`` alike by difflib's ratio. The cheap upper bounds are asked first
    (``ratio() <= quick_ratio() <= real_quick_ratio()``): the answer is the same, most
    pairs of headings are told apart without the full match."""
    m = difflib.SequenceMatcher(None, a, b)
    return (
        m.real_quick_ratio() >= RASIO_MIRIP
        and m.quick_ratio() >= RASIO_MIRIP
        and m.ratio() >= RASIO_MIRIP
    )


def _isi_setelah(paragraf: list[Paragraf], judul_asli: str) -> list[str]:
    """The body under a heading: the paragraphs after it up to the next heading."""
    teks = [p.teks for p in paragraf]
    try:
        i = teks.index(judul_asli)
    except ValueError:
        return []
    isi = []
    for p in paragraf[i + 1 :]:
        if _PASAL_SAJA.match(p.teks) or (p.gaya_judul and len(normal(p.teks).split()) <= 10):
            break
        isi.append(p.teks)
    return isi


def _cari_bagian(bagian: Bagian, judul: list[tuple[str, str]], paragraf: list[Paragraf]):
    """(as found, why it counts as missing): a heading whose body is only a placeholder,
    or a wording found only in a paragraph holding a placeholder, is not the part."""
    baris = [p.teks for p in paragraf]
    isian = ""
    for n, asli in judul:
        if _cocok(n, bagian):
            isi = _isi_setelah(paragraf, asli)
            # the text right under the heading is the part's; a placeholder there is no part
            if isi and hanya_isian(isi[0]):
                isian = isian or isi[0]
                continue
            return asli, ""
    if bagian.pola:
        teks = "\n".join(b.lower() for b in baris)
        for pola in bagian.pola:
            for m in re.finditer(pola, teks, re.M | re.S):
                kalimat = baris[teks.count("\n", 0, m.start())]  # as written
                if ada_isian(kalimat):
                    isian = isian or kalimat
                    continue
                return kalimat[:80] + ("…" if len(kalimat) > 80 else ""), ""
    if isian:
        return "", _("masih berisi isian kosong: %s") % kutip_isian(isian)
    return "", ""


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


def _kutip_pihak(baris: list[str]) -> str:
    kalimat = [b for b in baris if re.search(r"\bpihak\s+ke[a-z]+\b", b, re.I)][:2]
    return "; ".join(kutip(b) for b in kalimat)


def _periksa_pihak(
    teks_normal: str, rekaman: Rekaman, rule: str, baris: list[str] | None = None
) -> HasilData:
    hilang = [nama for nama in rekaman.pihak if normal(nama) not in teks_normal]
    if hilang:
        tertulis = _kutip_pihak(baris or [])
        return HasilData(
            "pihak",
            _("Para pihak sesuai data KSDD"),
            False,
            (
                _(
                    "Naskah tidak menyebut pihak: %(p)s (para pihak menurut data KSDD); tertulis %(k)s."
                )
                if tertulis
                else _("Naskah tidak menyebut pihak: %(p)s (para pihak menurut data KSDD).")
            )
            % {"p": ", ".join(hilang), "k": tertulis},
            rule,
        )
    return HasilData(
        "pihak", _("Para pihak sesuai data KSDD"), True, ", ".join(rekaman.pihak), rule
    )


def _kalimat_jangka(baris: list[str]) -> str:
    return next((b for b in baris if _JANGKA.search(b.lower())), "")


def _periksa_jangka(
    teks: str, rekaman: Rekaman, rule: str, baris: list[str] | None = None
) -> HasilData:
    judul = _("Jangka waktu sesuai data KSDD")
    m = _JANGKA.search(teks)
    if rekaman.mulai and rekaman.berakhir:
        catatan = bulan_antara(rekaman.mulai, rekaman.berakhir)
    elif rekaman.jangka_bulan:
        catatan = rekaman.jangka_bulan  # the KSDD's jangka_waktu_bulan
    else:
        return HasilData("jangka_waktu", judul, None, _("Tanggal berlaku belum dicatat."), rule)
    if m is None:
        return HasilData(
            "jangka_waktu",
            judul,
            None,
            _("Naskah tidak menyatakan lamanya jangka waktu; data KSDD: %s.") % _lama(catatan),
            rule,
        )
    tertulis = int(m[1]) * (12 if m[2] == "tahun" else 1)
    kalimat = _kalimat_jangka(baris or [])
    if abs(tertulis - catatan) > 1:
        return HasilData(
            "jangka_waktu",
            judul,
            False,
            (
                _(
                    "Jangka waktu dalam naskah (%(naskah)s) tidak sesuai dengan data KSDD "
                    "(%(data)s); tertulis %(kutip)s."
                )
                if kalimat
                else _(
                    "Jangka waktu dalam naskah (%(naskah)s) tidak sesuai dengan data KSDD (%(data)s)."
                )
            )
            % {"naskah": f"{m[1]} {m[2]}", "data": _lama(catatan), "kutip": kutip(kalimat)},
            rule,
        )
    return HasilData(
        "jangka_waktu",
        judul,
        True,
        f"{m[1]} {m[2]}" + (f" ({kutip(kalimat)})" if kalimat else ""),
        rule,
    )


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


_PASAL_BAGIAN = {"kb": "Pasal 11 ayat 1", "pks": "Pasal 12 ayat 1"}
_PASAL_FORMAT = {
    "kb": "Pasal 11 ayat 1 huruf a dan ayat 3",
    "pks": "Pasal 12 ayat 1 huruf a dan ayat 5",
}
_ISIAN_MAKS = 3


def _periksa_isian(baris: list[str], jenis: str) -> HasilData:
    """P11, P12: an agreed text still holding a placeholder is not ready to sign."""
    rule = "P12" if jenis == "pks" else "P11"
    judul = _("Tidak ada isian yang masih kosong")
    isian = [b for b in baris if ada_isian(b)]
    if not isian:
        return HasilData("isian", judul, True, "", rule)
    kutipan = "; ".join(kutip_isian(b) for b in isian[:_ISIAN_MAKS])
    if len(isian) > _ISIAN_MAKS:
        kutipan += _("; dan %d paragraf lain") % (len(isian) - _ISIAN_MAKS)
    return HasilData(
        "isian",
        judul,
        False,
        _("Naskah masih memuat %(n)d paragraf dengan isian kosong: %(kutip)s (%(pasal)s).")
        % {"n": len(isian), "kutip": kutipan, "pasal": _PASAL_BAGIAN[jenis]},
        rule,
    )


def nomor_tidak_tertulis(laporan: Laporan, nomor: list[str]) -> list[str]:
    """P11, P12 (P11-3, P12-5): the document numbers entered at signing that the title
    block of the agreed text ("NOMOR: 100.3.6/08/Pem/2026") does not carry."""
    tertulis = " ".join(rapat(b) for b in laporan.nomor)
    return [n for n in nomor if n.strip() and rapat(n) not in tertulis]


_HARI = ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"]
_KOMPARISI = re.compile(
    r"pada\s+hari\s+ini\W*(?:hari\W+)?(?P<hari>[a-z']+)?\W*tanggal\s+(?P<tgl>.+?)\s+bulan\s+"
    # "tahun dua ribu dua puluh enam" as the Lampiran writes it, or a bare "2026"
    r"(?P<bulan>[a-z]+)\s+(?:tahun\s+(?P<tahun>[a-z0-9 ]+?)|(?P<tahun_angka>\d{4}))"
    r"\s*(?:\(\s*(?P<angka>\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\s*\)|[,.;]|\s+(?:bertempat|di|yang|kami)\b|$)"
)
_KOMPARISI_RINGKAS = re.compile(
    r"pada\s+hari\s+ini\W*(?:hari\W+)?(?P<hari>[a-z']+)?\W*(?:tanggal\s+)?"
    r"(?P<tgl>\d{1,2})\s+(?P<bulan>[a-z]+)\s+(?P<tahun>\d{4})\b"
)


def tanggal_komparisi(kalimat: str) -> tuple[dt.date | None, str, str]:
    """Read 'Pada hari ini, Senin, tanggal dua bulan Februari tahun dua ribu dua puluh
    enam (02-02-2026)' (numbers in words, as the Lampiran writes them; P11-3, P12-5) or
    'Pada hari ini Senin tanggal 2 Februari 2026'. Returns (date, weekday as written
    lower-cased, why unreadable)."""
    t = kalimat.lower().replace("\u2019", "'")
    m = _KOMPARISI.search(t) or _KOMPARISI_RINGKAS.search(t)
    if m is None:
        return None, "", _("tanggal tidak terbaca")
    hari = (m["hari"] or "").replace("'", "")
    if hari == "tanggal":
        hari = ""
    tgl = kata_angka(m["tgl"])
    tahun = kata_angka(m.groupdict().get("tahun") or m.groupdict().get("tahun_angka") or "")
    if m["bulan"] not in _BULAN or tgl is None or tahun is None:
        return None, hari, _("tanggal tidak terbaca")
    try:
        tanggal = dt.date(tahun, _BULAN.index(m["bulan"]) + 1, tgl)
    except ValueError:
        return None, hari, _("tanggal tidak ada dalam kalender")
    angka = m.groupdict().get("angka")
    if angka:
        d, b, y = (int(x) for x in re.split(r"[-/.]", angka))
        if (y, b, d) != (tanggal.year, tanggal.month, tanggal.day):
            return None, hari, _("tanggal dalam huruf dan angka (%s) berbeda") % angka
    return tanggal, hari, ""


def _periksa_komparisi(baris: list[str], jenis: str, rekaman: Rekaman | None) -> HasilData:
    """P11, P12 (P11-3, P12-5): the day and date of the komparisi are a real day, the
    weekday is that day's, and the date is the signing date (recorded, or entered in the
    signing step)."""
    rule = "P12" if jenis == "pks" else "P11"
    pasal = _PASAL_FORMAT[jenis]
    judul = _("Hari dan tanggal komparisi sesuai tanggal penandatanganan")
    kalimat = next((b for b in baris if re.search(r"\bpada\s+hari\s+ini\b", b, re.I)), None)
    if kalimat is None:
        return HasilData("komparisi_tanggal", judul, None, _("Komparisi tidak ditemukan."), rule)
    if SAAT_TTD in kalimat:  # KERSA's own draft: filled from the signing form (isian_ttd)
        return HasilData(
            "komparisi_tanggal",
            judul,
            None,
            _(
                "Hari dan tanggal komparisi diisi dengan tanggal penandatanganan yang dicatat "
                "(%(pasal)s)."
            )
            % {"pasal": pasal},
            rule,
        )
    if ada_isian(kalimat):  # blocks as a missing part (Komparisi): reported, not repeated
        return HasilData(
            "komparisi_tanggal",
            judul,
            None,
            _("Hari dan tanggal komparisi belum diisi: %(kutip)s (%(pasal)s).")
            % {"kutip": kutip_isian(kalimat), "pasal": pasal},
            rule,
        )
    tanggal, hari, alasan = tanggal_komparisi(kalimat)
    if tanggal is None:
        return HasilData(
            "komparisi_tanggal",
            judul,
            False,
            _("Hari dan tanggal komparisi tidak dapat dibaca (%(alasan)s): %(kutip)s (%(pasal)s).")
            % {"alasan": alasan, "kutip": kutip(kalimat), "pasal": pasal},
            rule,
        )
    hari_benar = _HARI[tanggal.weekday()]
    if hari and hari != hari_benar:
        return HasilData(
            "komparisi_tanggal",
            judul,
            False,
            _(
                "Hari dalam komparisi (%(hari)s) tidak sesuai dengan tanggalnya: %(tanggal)s "
                "jatuh pada hari %(benar)s; tertulis %(kutip)s (%(pasal)s)."
            )
            % {
                "hari": hari.capitalize(),
                "tanggal": tanggal_surat(tanggal),
                "benar": _HARI[tanggal.weekday()].capitalize(),
                "kutip": kutip(kalimat),
                "pasal": pasal,
            },
            rule,
        )
    ttd = rekaman.ditandatangani if rekaman is not None else None
    if ttd is None:
        return HasilData(
            "komparisi_tanggal",
            judul,
            None,
            _(
                "Komparisi bertanggal %(tanggal)s (%(kutip)s); tanggal penandatanganan belum dicatat."
            )
            % {"tanggal": tanggal_panjang(tanggal), "kutip": kutip(kalimat)},
            rule,
        )
    if tanggal != ttd:
        return HasilData(
            "komparisi_tanggal",
            judul,
            False,
            _(
                "Tanggal dalam komparisi (%(tanggal)s) tidak sesuai dengan tanggal "
                "penandatanganan (%(ttd)s); tertulis %(kutip)s (%(pasal)s)."
            )
            % {
                "tanggal": tanggal_panjang(tanggal),
                "ttd": tanggal_panjang(ttd),
                "kutip": kutip(kalimat),
                "pasal": pasal,
            },
            rule,
        )
    return HasilData(
        "komparisi_tanggal", judul, True, f"{tanggal_panjang(tanggal)} ({kutip(kalimat)})", rule
    )


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
        sebagai, keterangan = _cari_bagian(b, judul, paragraf)
        hasil.append(HasilBagian(b.kode, b.judul, bool(sebagai), sebagai, keterangan))
    laporan = Laporan(jenis, hasil, nomor=[b for b in baris if baris_nomor(b)])
    rule = "P12" if jenis == "pks" else "P11"
    # a placeholder already reported as a missing part is not reported twice
    dikutip = " ".join(b.keterangan for b in hasil)
    laporan.data.append(_periksa_isian([b for b in baris if kutip_isian(b) not in dikutip], jenis))
    laporan.data.append(_periksa_komparisi(baris, jenis, rekaman))
    kalimat = next((b for b in baris if re.search(r"\bpada\s+hari\s+ini\b", b, re.I)), "")
    if kalimat and not ada_isian(kalimat):
        laporan.tanggal_komparisi = tanggal_komparisi(kalimat)[0]
    if rekaman is not None:
        teks = " ".join(b.lower() for b in baris)
        laporan.data.append(_periksa_pihak(normal(" ".join(baris)), rekaman, rule, baris))
        laporan.data.append(_periksa_jangka(teks, rekaman, rule, baris))
        laporan.data.append(_periksa_tanggal(teks, rekaman, rule))
        if jenis == "kb":
            laporan.data.append(_periksa_p19_3(teks, rekaman))
    return laporan


def rekaman_ksdd(ksdd, jenis: str, *, ditandatangani: dt.date | None = None) -> Rekaman:
    """The record of a KSDD for the checker: parties (home region first), the dates of
    its KB or PKS (when the agreed draft has been recorded), its signing date (the one
    recorded, or ``ditandatangani``: the date the signing step is about to record) and
    the KSDD's jangka waktu."""

    pihak = [wilayah_daerah().nama] + sorted(m.nama for m in ksdd.mitra.all())
    naskah = next((n for n in ksdd.naskah.all() if n.jenis == jenis), None)
    return Rekaman(
        tuple(pihak),
        naskah.tanggal_mulai if naskah else None,
        naskah.tanggal_berakhir if naskah else None,
        ditandatangani or (naskah.tanggal_ditandatangani if naskah else None),
        ksdd.jangka_waktu_bulan,
    )


def periksa_naskah(
    *,
    data: bytes,
    jenis: str,
    ksdd=None,
    rekaman: Rekaman | None = None,
    ttd: IsianTtd | None = None,
):
    """Check a KB (``jenis="kb"``) or PKS (``"pks"``) DOCX against Pasal 11/12 ayat (1)
    and, when ``ksdd`` (or a ready ``rekaman``) is given, against the KSDD record.
    ``ttd``: for a draft KERSA generated, the signing form's values that fill the
    generator's signing blanks (``isian_ttd``)."""
    if rekaman is None and ksdd is not None:
        rekaman = rekaman_ksdd(ksdd, jenis)
    paragraf = paragraf_docx(data)
    if ttd is not None:
        paragraf = isi_penandatanganan(paragraf, ttd)
    return periksa_teks(paragraf, jenis=jenis, rekaman=rekaman)


# A small LRU of reports keyed by (file checksum, kind, record): the KSDD page asks on
# every render which rules block signing; a DOCX is parsed once per content and record.
_CACHE: OrderedDict = OrderedDict()
_CACHE_MAKS = 128
_KUNCI = Lock()


def laporan_berkas(*, berkas, jenis: str, rekaman: Rekaman, ttd: IsianTtd | None = None) -> Laporan:
    """The report on a stored DOCX Berkas, cached by its SHA-256, the record and the
    signing values (``periksa_naskah``)."""
    kunci = (berkas.sha256, jenis, rekaman, ttd)
    with _KUNCI:
        if kunci in _CACHE:
            _CACHE.move_to_end(kunci)
            return _CACHE[kunci]
    with berkas.file.open("rb") as f:
        data = f.read()
    laporan = periksa_naskah(data=data, jenis=jenis, rekaman=rekaman, ttd=ttd)
    with _KUNCI:
        _CACHE[kunci] = laporan
        while len(_CACHE) > _CACHE_MAKS:
            _CACHE.popitem(last=False)
    return laporan
