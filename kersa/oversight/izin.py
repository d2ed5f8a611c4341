"""The permissions of this room's pages, read by its web views and by the API
(``kersa/api``), which must not import web views to learn them (issue 17)."""

MONEV_LIHAT = "oversight.view_monitoringevaluasi"
MONEV_KELOLA = "oversight.kelola_monev"
PEMBINAAN_KELOLA = "oversight.kelola_pembinaan"
PEMBINAAN_LIHAT_KEGIATAN = "oversight.view_kegiatanpembinaan"
PEMBINAAN_LIHAT_ASOSIASI = "oversight.view_keanggotaanasosiasi"
PEMBINAAN_LIHAT_SEKRETARIAT = "oversight.view_sekretariatkerjasama"
PENDANAAN_UBAH = "agreements.change_ksdd"
PERSELISIHAN_LIHAT = "oversight.view_perselisihan"
PERSELISIHAN_KELOLA = "oversight.kelola_perselisihan"
PERSELISIHAN_PROVINSI = "oversight.ajukan_perselisihan_provinsi"
