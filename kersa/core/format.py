"""Indonesian formats: dates, numbers in words, Rupiah — for documents, pages and mail.

One implementation each: the ``rupiah`` template filter, the Tenggat page, the
reminders and the generated documents all call these. Dates go through Babel (locale ``id``) and numbers in words
through num2words (``lang="id"``), so the month and day names are the official
ones whatever the active language of the page.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from babel.dates import format_date
from num2words import num2words

__all__ = [
    "TanggalKata",
    "angka_kata",
    "kata_angka",
    "rangkap",
    "rupiah",
    "rupiah_kata",
    "tanggal_kata",
    "tanggal_panjang",
    "tanggal_surat",
    "urutan_pihak",
]

_LOCALE = "id"


# The dates KERSA accepts, web and API alike: letters and agreements never fall outside
# them, and the rules compute on dates (a KB's end is its start + 5 years, P19-3), which
# year 9999 would overflow.
TANGGAL_MIN = dt.date(1900, 1, 1)
TANGGAL_MAKS = dt.date(2100, 12, 31)


def angka_kata(n: int) -> str:
    """23 → 'dua puluh tiga'; 2026 → 'dua ribu dua puluh enam'."""
    return num2words(int(n), lang=_LOCALE)


_SATUAN = {
    "nol": 0,
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_SE = {"sepuluh": ("puluh", 1), "sebelas": ("belas", 1), "seratus": ("ratus", 1)}
_SE.update({"seribu": ("ribu", 1), "sejuta": ("juta", 1)})
_BESAR = {"ribu": 1_000, "juta": 1_000_000, "miliar": 1_000_000_000}


def kata_angka(teks: str) -> int | None:
    """The reverse of ``angka_kata``: 'dua ribu dua puluh enam' → 2026, 'sebelas' → 11,
    'empat belas' → 14; digits pass through ('14' → 14). None when the words are not a
    number (a blank '……', a typo). Used by the compliance checker to read the date of a
    komparisi (P11-3, P12-5)."""
    kata = re.sub(r"[^a-z0-9 ]", " ", (teks or "").lower()).split()
    if not kata:
        return None
    if len(kata) == 1 and kata[0].isdigit():
        return int(kata[0])
    total, kelompok, angka = 0, 0, None
    for k in kata:
        if k in _SE:
            k, angka = _SE[k]
        if k in _SATUAN:
            if angka is not None:
                return None
            angka = _SATUAN[k]
        elif k == "belas":
            if angka is None:
                return None
            kelompok += 10 + angka
            angka = None
        elif k in ("puluh", "ratus"):
            if angka is None:
                return None
            kelompok += angka * (10 if k == "puluh" else 100)
            angka = None
        elif k in _BESAR:
            kelompok += angka or 0
            angka = None
            if not kelompok:
                return None
            total += kelompok * _BESAR[k]
            kelompok = 0
        else:
            return None
    return total + kelompok + (angka or 0)


def tanggal_surat(tanggal: dt.date) -> str:
    """23 March 2026 → '23 Maret 2026' (as printed under a letter's place)."""
    return format_date(tanggal, "d MMMM y", locale=_LOCALE)


def tanggal_panjang(tanggal: dt.date, bahasa: str | None = _LOCALE) -> str:
    """23 March 2026 → 'Senin, 23 Maret 2026'. Documents are always Indonesian; pages
    pass ``bahasa=None`` for the active language ('Monday, 23 March 2026' in English)."""
    from django.utils import translation

    kode = translation.to_locale(bahasa or translation.get_language() or _LOCALE)
    return format_date(tanggal, "EEEE, d MMMM y", locale=kode)


class TanggalKata(NamedTuple):
    """The date clause of the komparisi of a KB or PKS (Lampiran; P11-3, P12-5)."""

    hari: str  # 'Senin'
    tanggal: str  # 'dua puluh tiga'
    bulan: str  # 'Maret'
    tahun: str  # 'dua ribu dua puluh enam'
    angka: str  # '23-03-2026'

    @property
    def kalimat(self) -> str:
        return (
            f"Pada hari ini, {self.hari}, tanggal {self.tanggal} bulan {self.bulan} "
            f"tahun {self.tahun} ({self.angka})"
        )

    def __str__(self) -> str:
        return self.kalimat


_KOSONG = TanggalKata("..........", "..........", "..........", "..........", "..-..-....")


def tanggal_kata(tanggal: dt.date | None) -> TanggalKata:
    """'Pada hari ini, Senin, tanggal dua puluh tiga bulan Maret tahun dua ribu dua puluh
    enam (23-03-2026)' in its pieces; dotted blanks when the date is not known yet."""
    if tanggal is None:
        return _KOSONG
    return TanggalKata(
        hari=format_date(tanggal, "EEEE", locale=_LOCALE),
        tanggal=angka_kata(tanggal.day),
        bulan=format_date(tanggal, "MMMM", locale=_LOCALE),
        tahun=angka_kata(tanggal.year),
        angka=tanggal.strftime("%d-%m-%Y"),
    )


def rangkap(n: int) -> str:
    """3 → 'rangkap 3 (tiga)' (P20-4, P24-4)."""
    return f"rangkap {int(n)} ({angka_kata(n)})"


def rupiah(nilai, *, ringkas: bool = False) -> str:
    """1250000000 → 'Rp1.250.000.000,00'. ``ringkas`` drops ',00' (used on web pages).
    None or '' → ''."""
    if nilai in (None, ""):
        return ""
    angka = Decimal(str(nilai)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    teks = f"{angka:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    if ringkas and teks.endswith(",00"):
        teks = teks[:-3]
    return f"Rp{teks}"


def rupiah_kata(nilai) -> str:
    """1250000000 → 'Rp1.250.000.000,00 (satu miliar dua ratus lima puluh juta rupiah)'."""
    if nilai in (None, ""):
        return ""
    angka = Decimal(str(nilai)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    utuh = int(angka)
    sen = int((angka - utuh) * 100)
    kata = f"{angka_kata(utuh)} rupiah"
    if sen:
        kata += f" {angka_kata(sen)} sen"
    return f"{rupiah(angka)} ({kata})"


def urutan_pihak(n: int) -> str:
    """1 → 'KESATU', 2 → 'KEDUA', 3 → 'KETIGA' (PIHAK KESATU, KEDUA… of the Lampiran)."""
    return f"KE{angka_kata(n).upper()}"


def bahasa_dokumen(fungsi):
    """Run a service that builds a document in Bahasa Indonesia, whatever the language of
    the page that asked for it: a letter, a Berita Acara or a report goes out in the
    official language (a clerk reading KERSA in English still issues an Indonesian
    letter). A wrapper, not ``@translation.override`` itself: that object keeps the
    previous language on itself and is not safe to share between threads."""
    import functools

    from django.conf import settings
    from django.utils import translation

    @functools.wraps(fungsi)
    def _dalam_bahasa_indonesia(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return fungsi(*args, **kwargs)

    return _dalam_bahasa_indonesia
