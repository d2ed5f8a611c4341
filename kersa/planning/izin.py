"""The permissions of this room's pages, read by its web views and by the API
(``kersa/api``), which must not import web views to learn them (issue 17)."""

RENCANA_LIHAT = "planning.view_identifikasi"
RENCANA_KELOLA = "planning.kelola_rencana"
