"""Writes of the documents room, one module per family:
``berkas`` (uploaded files), ``hasilkan`` (generation), ``penomoran`` (numbers),
``versi`` (document versions and the compliance check)."""

from .berkas import atomic_dengan_berkas, berkas_unggah

__all__ = ["atomic_dengan_berkas", "berkas_unggah"]
