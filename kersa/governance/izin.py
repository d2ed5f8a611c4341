"""The permissions of this room's pages, read by its web views and by the API
(``kersa/api``), which must not import web views to learn them (issue 17)."""

KEANGGOTAAN_LIHAT = "governance.view_keputusanbupati"
KEANGGOTAAN_KELOLA = "governance.kelola_tkksd"
KEANGGOTAAN_LIHAT_PROGRAM = "governance.view_programkerja"
RAPAT_LIHAT = "governance.view_rapat"
RAPAT_KELOLA = "governance.kelola_rapat"
