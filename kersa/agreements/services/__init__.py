"""Writes for KSDD: creation, edits, and one service per step of the workflow.

Views, the API, the admin and the worker call only these. Each step runs in
``langkah.langkah``: atomic, row-locked, version-checked, logged. One module per
family: ``ksdd`` (the record and its ends), ``persiapan`` (stage a), ``penawaran``
(stage b and its letters), ``dprd`` (stage e), ``naskah`` (KB and PKS), ``umum``
(shared checks).
"""

from .dprd import (
    alasan_tidak_dianggap,
    ksdd_ajukan_persetujuan_dprd,
    ksdd_anggap_persetujuan_dprd,
    ksdd_catat_jawaban_dprd,
    ksdd_catat_penolakan_dprd,
    ksdd_catat_persetujuan_dprd,
    ksdd_catat_persetujuan_dprd_perubahan,
    ksdd_catat_telaahan_dprd,
    ksdd_catat_tindak_lanjut_telaahan,
)
from .ksdd import (
    bantuan_pendanaan_tambah,
    dapat_ubah_dasar_dprd,
    kak_mitra_dapat_diisi,
    kak_update,
    ksdd_akhiri,
    ksdd_batalkan,
    ksdd_create,
    ksdd_ubah_dasar_dprd,
    ksdd_update,
    surat_kuasa_cabut,
    surat_kuasa_create,
)
from .naskah import (
    ksdd_perpanjang_kb,
    ksdd_sepakati_rancangan_kb,
    ksdd_sepakati_rancangan_pks,
    ksdd_tandatangani_kb,
    ksdd_tandatangani_pks,
)
from .penawaran import (
    ksdd_catat_laporan_gubernur,
    ksdd_catat_penawaran,
    ksdd_catat_permintaan_kedua,
    ksdd_catat_rekomendasi_pleno,
    ksdd_catat_tanggapan,
)
from .persiapan import (
    ksdd_ajukan_kak,
    ksdd_catat_petunjuk_tertulis,
    ksdd_catat_telaah,
    ksdd_catat_telaah_kak_mitra,
)
from .registrasi import dapat_mendaftarkan, ksdd_daftarkan, registrasi_periksa
from .umum import FIELD_KSDD, FIELD_M2M, pastikan_perangkat_daerah

__all__ = [
    "alasan_tidak_dianggap",
    "FIELD_KSDD",
    "FIELD_M2M",
    "pastikan_perangkat_daerah",
    "bantuan_pendanaan_tambah",
    "ksdd_perpanjang_kb",
    "kak_mitra_dapat_diisi",
    "kak_update",
    "dapat_mendaftarkan",
    "ksdd_daftarkan",
    "registrasi_periksa",
    "ksdd_ajukan_kak",
    "ksdd_ajukan_persetujuan_dprd",
    "ksdd_akhiri",
    "ksdd_anggap_persetujuan_dprd",
    "ksdd_batalkan",
    "ksdd_catat_laporan_gubernur",
    "ksdd_catat_penawaran",
    "ksdd_catat_permintaan_kedua",
    "ksdd_catat_jawaban_dprd",
    "ksdd_catat_penolakan_dprd",
    "ksdd_catat_persetujuan_dprd",
    "ksdd_catat_persetujuan_dprd_perubahan",
    "ksdd_catat_petunjuk_tertulis",
    "ksdd_catat_rekomendasi_pleno",
    "ksdd_catat_tanggapan",
    "ksdd_catat_telaah",
    "ksdd_catat_telaah_kak_mitra",
    "ksdd_catat_telaahan_dprd",
    "ksdd_catat_tindak_lanjut_telaahan",
    "ksdd_create",
    "ksdd_sepakati_rancangan_kb",
    "ksdd_sepakati_rancangan_pks",
    "ksdd_tandatangani_kb",
    "ksdd_tandatangani_pks",
    "dapat_ubah_dasar_dprd",
    "ksdd_ubah_dasar_dprd",
    "ksdd_update",
    "surat_kuasa_cabut",
    "surat_kuasa_create",
]
