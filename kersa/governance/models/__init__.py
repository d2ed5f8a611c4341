from .keanggotaan import Jabatan, KeputusanBupati, PemangkuJabatan
from .program import KegiatanProgramKerja, ProgramKerja
from .rapat import AgendaRapat, Kehadiran, KeputusanRapat, Rapat, RiwayatRapat

__all__ = [
    "AgendaRapat",
    "Jabatan",
    "Kehadiran",
    "KegiatanProgramKerja",
    "KeputusanBupati",
    "KeputusanRapat",
    "PemangkuJabatan",
    "ProgramKerja",
    "Rapat",
    "RiwayatRapat",
]
