"""Writes of the documents room, one module per family:
``berkas`` (uploaded files), ``hasilkan`` (generation), ``penomoran`` (numbers),
``versi`` (document versions and the compliance check)."""

from .berkas import atomic_dengan_berkas, berkas_unggah
from .hasilkan import dokumen_hasilkan
from .penomoran import nomor_berikan
from .rekaman import dokumen_rekaman, rekaman_hasilkan
from .versi import dokumen_buat, versi_dari_berkas, versi_tambah

__all__ = [
    "atomic_dengan_berkas",
    "berkas_unggah",
    "dokumen_buat",
    "dokumen_hasilkan",
    "dokumen_rekaman",
    "nomor_berikan",
    "rekaman_hasilkan",
    "versi_dari_berkas",
    "versi_tambah",
]
