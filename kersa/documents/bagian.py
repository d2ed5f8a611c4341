"""The required parts of a Kesepakatan Bersama (Pasal 11 ayat 1; P11-1) and a PKS
(Pasal 12 ayat 1; P12-1) as the compliance checker reads them.

The list of parts and their titles comes from ``naskah.BAGIAN_KB`` / ``BAGIAN_PKS``
(the isi, huruf d) and ``naskah.BAGIAN_KERANGKA`` (komparisi, para pihak,
konsideran, penutup), the same lists the generator prints. This module adds only
what a reader of someone else's Word file needs: the other headings drafters use
for the same part (``sinonim``) and, for the parts that have no heading of their
own in the Lampiran format, the wording of the body that marks them (``pola``,
regular expressions on the lower-cased text).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import naskah

__all__ = ["Bagian", "BAGIAN_WAJIB", "bagian_wajib"]


@dataclass(frozen=True)
class Bagian:
    """One required part: its stable code, title, other headings, body wording."""

    kode: str
    judul: str
    sinonim: tuple[str, ...] = ()
    pola: tuple[str, ...] = ()


# Other headings seen in real KB/PKS for the same part (compared after normalising).
SINONIM: dict[str, tuple[str, ...]] = {
    "komparisi": ("komparisi",),
    "para_pihak": ("para pihak", "pihak pihak"),
    "konsideran": ("konsideran", "latar belakang", "pertimbangan"),
    "maksud_tujuan": ("maksud dan tujuan", "maksud tujuan", "tujuan dan maksud"),
    "objek": ("objek", "obyek", "objek kerja sama", "obyek kerja sama"),
    "ruang_lingkup": ("ruang lingkup", "lingkup kerja sama", "ruang lingkup kerja sama"),
    "pelaksanaan": ("pelaksanaan", "pelaksanaan kerja sama", "pelaksanaan kegiatan"),
    "jangka_waktu": ("jangka waktu", "masa berlaku", "jangka waktu dan masa berlaku"),
    "surat_menyurat": ("surat menyurat", "korespondensi", "pemberitahuan", "alamat surat"),
    "lain_lain": ("lain lain", "ketentuan lain lain", "ketentuan lain"),
    "hak_kewajiban": ("hak dan kewajiban", "hak dan kewajiban para pihak", "kewajiban dan hak"),
    "pembiayaan": ("pembiayaan", "pendanaan", "biaya", "pembiayaan dan pendanaan"),
    "penyelesaian_perselisihan": (
        "penyelesaian perselisihan",
        "penyelesaian sengketa",
        "perselisihan",
    ),
    "keadaan_kahar": (
        "keadaan kahar",
        "keadaan memaksa",
        "force majeure",
        "keadaan kahar force majeure",
        "keadaan memaksa force majeure",
        "overmacht",
    ),
    "pengakhiran": (
        "pengakhiran kerja sama",
        "pengakhiran",
        "pengakhiran perjanjian",
        "berakhirnya perjanjian",
        "berakhirnya kerja sama",
    ),
    "penutup": ("penutup", "ketentuan penutup"),
}

# Wording of the body that marks a part that has no heading of its own in the Lampiran.
POLA: dict[str, tuple[str, ...]] = {
    "komparisi": (r"\bpada hari ini\b",),
    "para_pihak": (r"\bpihak kesatu\b.*\bpihak kedua\b", r"\bpara pihak\b"),
    "konsideran": (r"terlebih dahulu menerangkan", r"^\s*(?:[a-z0-9]{1,3}[.)]\s*)?bahwa\b"),
    "penutup": (r"\bdibuat\b.{0,200}\brangkap\b", r"\bbermaterai cukup\b"),
}

_KERANGKA_AWAL = ("komparisi", "para_pihak", "konsideran")


def _buat(kode: str, judul: str) -> Bagian:
    return Bagian(kode, judul, SINONIM.get(kode, (judul.lower(),)), POLA.get(kode, ()))


def bagian_wajib(jenis: str) -> list[Bagian]:
    """Every required part of a ``"kb"`` or ``"pks"`` in the order of the Pasal."""
    kerangka = {kode: judul for kode, judul, _frasa in naskah.BAGIAN_KERANGKA}
    isi = naskah.BAGIAN_PKS if jenis == "pks" else naskah.BAGIAN_KB
    return (
        [_buat(k, kerangka[k]) for k in _KERANGKA_AWAL]
        + [_buat(kode, judul) for kode, judul in isi]
        + [_buat("penutup", kerangka["penutup"])]
    )


BAGIAN_WAJIB: dict[str, list[Bagian]] = {"kb": bagian_wajib("kb"), "pks": bagian_wajib("pks")}
