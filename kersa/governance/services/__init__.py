"""Writes of TKKSD (Pasal 33–39): membership, meetings, the work programme, documents."""

from .dokumen import rapat_dokumen_hasilkan, rapat_undangan_hasilkan
from .keanggotaan import (
    jabatan_default_buat,
    jabatan_tambah,
    keputusan_catat,
    pemangku_angkat,
)
from .program import kegiatan_tambah, program_kerja_buat
from .rapat import (
    agenda_hapus,
    agenda_tambah,
    hambatan_hasil_rapat,
    rapat_batalkan,
    rapat_hasil_catat,
    rapat_jadwalkan,
)

__all__ = [
    "agenda_hapus",
    "hambatan_hasil_rapat",
    "agenda_tambah",
    "jabatan_default_buat",
    "jabatan_tambah",
    "kegiatan_tambah",
    "keputusan_catat",
    "pemangku_angkat",
    "program_kerja_buat",
    "rapat_batalkan",
    "rapat_dokumen_hasilkan",
    "rapat_undangan_hasilkan",
    "rapat_hasil_catat",
    "rapat_jadwalkan",
]
