"""The starting event of a clock (``Tenggat.peristiwa``) in the reader's language.

A clock keeps what started it as a key and its facts (``peristiwa_kode``,
``peristiwa_data``: a letter's number, the partner, the dates as dd-mm-yyyy), and
the words are put together when a page, the feed, a notice or the API shows them, in
the reader's language (issue 14: the English Tenggat page showed the Indonesian text
that was stored when the clock started). ``Tenggat.peristiwa`` keeps the Indonesian
text as well (the admin, a search, a row written before the key existed, or a clock
started with free text).
"""

from __future__ import annotations

import re
from contextlib import nullcontext

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kersa.agreements.choices import JenisNaskah

# kode -> the sentence, with the facts of ``peristiwa_data`` as named placeholders.
URAIAN: dict[str, Promise] = {
    "penawaran_keluar": _("Surat penawaran %(n)s diterima %(m)s pada %(t)s"),
    "penawaran_masuk": _("Surat penawaran %(n)s dari %(m)s diterima pada %(t)s"),
    "permintaan_kedua": _("Permintaan tanggapan kedua %(n)s (%(m)s) diterima pada %(t)s"),
    "dprd_permohonan": _("Permohonan Persetujuan DPRD %(n)s diterima DPRD pada %(t)s"),
    "dprd_telaahan": _("Telaahan DPRD %(n)s diterima Bupati pada %(t)s"),
    "dprd_jawaban": _("Jawaban pimpinan DPRD %(n)s diterima Bupati pada %(t)s"),
    "dprd_tindak_lanjut": _("Tindak lanjut Bupati %(n)s diterima DPRD pada %(t)s"),
    # %(naskah)s is the document kind's code (JenisNaskah), shown by its label.
    "naskah": _("%(naskah)s ditandatangani pada %(t)s, berlaku sampai %(s)s"),
    "laporan_semester": _("Pelaksanaan KSDD %(nomor)s pada semester %(s)s"),
    "monev_semester": _("Semester %(s)s: monitoring dan evaluasi %(pd)s"),
    "pleno_tahunan": _("Tahun %(tahun)s: Rapat Pleno TKKSD paling sedikit sekali setahun"),
    "identifikasi": _("Triwulan I %(t)s: identifikasi KSDD sukarela untuk tahun %(b)s"),
    "laporan_tkksd": _(
        "Semester %(s)s: laporan TKKSD kepada Bupati (semester II: juga laporan tahunan)"
    ),
}


def _isi(kode: str, data: dict) -> dict:
    """The facts as shown: a document kind's code becomes its label."""
    if kode == "naskah" and "naskah" in data:
        label = dict(JenisNaskah.choices).get(data["naskah"], data["naskah"])
        return {**data, "naskah": str(label)}
    return data


def uraian(kode: str, data: dict | None, cadangan: str = "", bahasa: str | None = None) -> str:
    """The sentence of ``kode`` with its facts, in ``bahasa`` (default: the active
    language); ``cadangan`` (the stored text) when the key is unknown or a fact missing."""
    teks = URAIAN.get(kode)
    if teks is None:
        return cadangan
    with translation.override(bahasa) if bahasa else nullcontext():
        try:
            return str(teks) % _isi(kode, data or {})
        except (KeyError, TypeError, ValueError):
            return cadangan


def uraian_id(kode: str, data: dict) -> str:
    """The Indonesian sentence, stored in ``Tenggat.peristiwa`` beside the key."""
    return uraian(kode, data, bahasa="id")


def _pola(templat: str) -> re.Pattern:
    """A pattern that reads the facts back out of a sentence of ``templat``."""
    bagian = re.split(r"%\((\w+)\)s", templat)
    regex = ""
    for i, b in enumerate(bagian):
        regex += re.escape(b) if i % 2 == 0 else f"(?P<{b}>.+?)"
    return re.compile(f"^{regex}$", re.S)


def baca(teks: str, templat: dict[str, str]) -> tuple[str, dict] | None:
    """(kode, facts) of a stored sentence written with one of ``templat`` (kode ->
    sentence), or None. Used by the data migration for rows written before the key."""
    for kode, t in templat.items():
        m = _pola(t).match(teks)
        if m:
            return kode, m.groupdict()
    return None
