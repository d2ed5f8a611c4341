"""Writes of the identification and the yearly plan list (Pasal 7 ayat 2–5, Pasal 8 ayat 2–5).

A list is drafted (PENYUSUNAN): items are added, edited and removed. It is set
(DITETAPKAN) with the Berita Acara signed by the Bupati (P7-5, P8-4); from then on
it is read-only. A correction is either the next plan year's list, or a documented
reopening by the secretariat with a reason (``identifikasi_buka_kembali``), after
which the list is set again with a new Berita Acara. Every status change is a
``RiwayatIdentifikasi`` row.
"""

from .butir import *  # noqa: F401,F403
from .identifikasi import *  # noqa: F401,F403
