"""The blanks KERSA's own generated KB or PKS leaves for what the signing step records
(issue 13 item 5): the komparisi's day and date (the dotted line ``tanggal_kata(None)``),
each partner's own number of the text (``NOMOR: [...diisi: nomor...]``) and the place
(``[...diisi: tempat...]``). The signing form takes the date, every party's number and
the place (P20-3, P24-1), so an agreed draft that is a version KERSA generated is
checked (P11, P12) with exactly those blanks filled from the signing form, as the final
text KERSA prints then carries them. Every other placeholder, and any of these in a
text edited outside KERSA, still blocks; a komparisi that carries a date is compared
with the signing date as written.

Before the signing date is entered (the KSDD page, the step's prerequisites) the blanks
are shown as to be filled at signing (``SAAT_TTD``) and do not block."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from kersa.core.format import tanggal_kata

from .naskah import isian_teks
from .teks import Paragraf

__all__ = ["SAAT_TTD", "IsianTtd", "baris_nomor", "isi_penandatanganan", "rapat"]

# What stands in a blank before the signing step fills it (not a placeholder).
SAAT_TTD = "(diisi pada penandatanganan)"

_KOMPARISI_KOSONG = tanggal_kata(None).kalimat
_NOMOR_KOSONG = isian_teks("nomor")
_TEMPAT_KOSONG = isian_teks("tempat")
_BARIS_NOMOR = re.compile(r"^\s*nomor\s*:", re.I)


def baris_nomor(teks: str) -> bool:
    """A title-block line "NOMOR: …" (P11-3, P12-5)."""
    return bool(_BARIS_NOMOR.match(teks))


def rapat(nomor: str) -> str:
    return re.sub(r"\s+", "", nomor).upper()


@dataclasses.dataclass(frozen=True)
class IsianTtd:
    """The signing form's values (``tanggal`` None: not entered yet)."""

    tanggal: dt.date | None = None
    tempat: str = ""
    nomor: tuple[str, ...] = ()


def isi_penandatanganan(paragraf: list[Paragraf], isi: IsianTtd) -> list[Paragraf]:
    """``paragraf`` with the generator's signing blanks filled from ``isi``: the dotted
    komparisi date by the signing date, the k-th title-block line "NOMOR: [...diisi:
    nomor...]" by the number entered at signing for the k-th party (the parties' order
    of the text and of the signing form, P11-3, P12-5), the place placeholder by the
    place. Before signing, ``SAAT_TTD`` stands in; a blank with no value to fill it is
    left as it is (and blocks)."""
    sebelum = isi.tanggal is None
    hasil = []
    k = -1
    for p in paragraf:
        t = p.teks
        if _KOMPARISI_KOSONG in t:
            ganti = f"Pada hari ini {SAAT_TTD}" if sebelum else tanggal_kata(isi.tanggal).kalimat
            t = t.replace(_KOMPARISI_KOSONG, ganti)
        if baris_nomor(t):
            k += 1
            nomor = isi.nomor[k].strip() if k < len(isi.nomor) else ""
            if _NOMOR_KOSONG in t and (sebelum or nomor):
                t = t.replace(_NOMOR_KOSONG, SAAT_TTD if sebelum else nomor, 1)
        if _TEMPAT_KOSONG in t and (sebelum or isi.tempat.strip()):
            t = t.replace(_TEMPAT_KOSONG, SAAT_TTD if sebelum else isi.tempat.strip())
        hasil.append(p if t == p.teks else dataclasses.replace(p, teks=t))
    return hasil
