"""What goes into a generated document, read from the KSDD record (a selector).

Split by family: ``lambang`` (emblems), ``perjanjian`` (KB, PKS, addendum),
``surat`` (letters and records); this module picks the family by kind.

``konteks_bangun`` returns plain data — strings, lists, emblem images as PNG/JPEG
bytes — for the docxtpl templates of ``templat/``; ``services.hasilkan`` turns the
emblems into images of the document. ``jenis_berlaku`` says which kinds a KSDD at
its present status can generate (the form of ``partials/hasilkan.html``).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kersa.agreements.choices import Pemrakarsa, Status
from kersa.regions.models import Wilayah

from ..choices import JenisDokumen
from ..naskah import isian_teks
from .lambang import (
    GARUDA_PLACEHOLDER,
    TEMPLAT,
    lambang_garuda,
    lambang_placeholder,
    lambang_wilayah,
)
from .perjanjian import REGULASI, Pihak, _naskah_konteks
from .surat import _SURAT_MITRA, _kak, _permohonan_dprd, _surat_dasar, _surat_kuasa

__all__ = [
    "GARUDA_PLACEHOLDER",
    "JENIS_PER_MITRA",
    "REGULASI",
    "TEMPLAT",
    "Pihak",
    "jenis_berlaku",
    "konteks_bangun",
    "lambang_garuda",
    "lambang_placeholder",
    "lambang_wilayah",
    "mitra_pilihan",
]

# Letters addressed to one partner region: generated once per partner.
JENIS_PER_MITRA = frozenset(
    {
        JenisDokumen.SURAT_PENAWARAN,
        JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA,
        JenisDokumen.LAPORAN_GUBERNUR,
        JenisDokumen.SURAT_TANGGAPAN,
    }
)

_SETELAH_KB = [
    Status.PENANDATANGANAN_KB,
    Status.PERMOHONAN_DPRD,
    Status.MENUNGGU_DPRD,
    Status.PENYUSUNAN_PKS,
    Status.PENANDATANGANAN_PKS,
    Status.PELAKSANAAN,
]
# The statuses at which each kind can be generated (Pasal 13 stages).
STATUS_JENIS: dict[str, list[str]] = {
    JenisDokumen.KAK: [s for s in Status if s not in (Status.DITOLAK, Status.DIBATALKAN)],
    JenisDokumen.SURAT_PENAWARAN: [Status.MENYIAPKAN_PENAWARAN, Status.MENUNGGU_TANGGAPAN],
    JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA: [Status.MENUNGGU_TANGGAPAN],
    JenisDokumen.LAPORAN_GUBERNUR: [Status.MENUNGGU_TANGGAPAN],
    JenisDokumen.SURAT_TANGGAPAN: [Status.MENYIAPKAN_PENAWARAN, Status.MENUNGGU_TANGGAPAN],
    JenisDokumen.KB: [Status.PENYUSUNAN_KB, *_SETELAH_KB],
    JenisDokumen.PERMOHONAN_DPRD: [Status.PERMOHONAN_DPRD, Status.MENUNGGU_DPRD],
    JenisDokumen.PKS: _SETELAH_KB[1:],
    JenisDokumen.SURAT_KUASA: [Status.PENYUSUNAN_PKS, Status.PENANDATANGANAN_PKS],
    JenisDokumen.ADDENDUM: [Status.PELAKSANAAN],
}
# Who initiates decides the offer letters: ours (P16) or the partner's (P17, P18).
_HANYA_PEMRAKARSA = {
    JenisDokumen.SURAT_PENAWARAN: Pemrakarsa.DAERAH,
    JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA: Pemrakarsa.DAERAH,
    JenisDokumen.LAPORAN_GUBERNUR: Pemrakarsa.DAERAH,
    JenisDokumen.SURAT_TANGGAPAN: Pemrakarsa.MITRA,
}


def jenis_berlaku(ksdd) -> list[str]:
    """The kinds of document this KSDD can generate at its present status, in order."""
    return [
        jenis
        for jenis in JenisDokumen.values
        if ksdd.status in STATUS_JENIS.get(jenis, [])
        and _HANYA_PEMRAKARSA.get(jenis, ksdd.pemrakarsa) == ksdd.pemrakarsa
    ]


def mitra_pilihan(ksdd) -> list[Wilayah]:
    """The partner regions a per-partner letter can be addressed to."""
    mitra = list(ksdd.mitra.order_by("kode"))
    if ksdd.pemrakarsa_mitra_id and all(m.kode != ksdd.pemrakarsa_mitra_id for m in mitra):
        mitra.insert(0, ksdd.pemrakarsa_mitra)
    return mitra


def konteks_bangun(
    *,
    ksdd,
    jenis: str,
    mitra: Wilayah | None = None,
    isian: dict | None = None,
    nomor: str = "",
    tanggal: dt.date | None = None,
) -> dict:
    """The data of one document of ``jenis`` for ``ksdd`` (see the module docstring).

    ``isian`` holds what the drafter wrote: ``tanggal``, ``tempat``, ``konsideran``,
    ``pasal`` (``{kode: teks}``), ``pihak`` (``{kode_wilayah: {nama, jabatan, dasar,
    kedudukan, nomor_naskah}}``), ``perubahan`` (addendum), ``ttd``, ``sifat``.
    """
    isian = dict(isian or {})
    tanggal = isian.pop("tanggal", None) or tanggal
    nomor = nomor or isian_teks("nomor")
    if jenis in (JenisDokumen.KB, JenisDokumen.PKS, JenisDokumen.ADDENDUM):
        return _naskah_konteks(ksdd, jenis, isian=isian, nomor=nomor, tanggal=tanggal)
    tanggal = tanggal or timezone.localdate()
    c = _surat_dasar(ksdd, nomor=nomor, tanggal=tanggal, isian=isian, jenis=jenis)
    if jenis in _SURAT_MITRA:
        _SURAT_MITRA[jenis](ksdd, mitra, c)
    elif jenis == JenisDokumen.PERMOHONAN_DPRD:
        _permohonan_dprd(ksdd, c)
    elif jenis == JenisDokumen.KAK:
        _kak(ksdd, c, tanggal)
    elif jenis == JenisDokumen.SURAT_KUASA:
        _surat_kuasa(ksdd, c, tanggal)
    else:  # pragma: no cover - every JenisDokumen is handled above
        raise ValueError(jenis)
    c["ttd"].setdefault("tempat_tanggal", "")
    c["ttd"].setdefault("peran", "")
    c["ttd_kiri"].setdefault("tempat_tanggal", "")
    c["ttd_kiri"].setdefault("peran", "")
    return c
