"""The regulations the generated documents cite, each spelled once.

``PERBUP`` is the full title of the regulation KERSA carries; every document that
cites it prints this constant (never a shortened or older title)."""

PERBUP_NOMOR = "Peraturan Bupati Barito Selatan Nomor 23 Tahun 2023"
PERBUP = f"{PERBUP_NOMOR} tentang Pedoman Pelaksanaan Kerja Sama Daerah dengan Daerah Lain"
PP_KSD = "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah"
