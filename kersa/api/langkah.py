"""The registry of workflow steps the API exposes: one POST per transition of
``agreements.workflow.TRANSISI``, each with its service and its own input serializer.

``POST /api/v1/ksdd/{id}/{nama}/`` — ``nama`` exactly as in ``TRANSISI`` (underscores),
the same name the KSDD detail lists under ``transisi``. The system check
``kersa_api.E001`` fails when a transition has no entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rest_framework import serializers

from kersa.agreements import services
from kersa.agreements.workflow import TRANSISI, Transisi

from .serializers import langkah as s


@dataclass(frozen=True)
class AksiLangkah:
    nama: str
    layanan: Callable
    serializer: type[serializers.Serializer]

    @property
    def transisi(self) -> Transisi:
        return TRANSISI[self.nama]


AKSI: dict[str, AksiLangkah] = {
    a.nama: a
    for a in [
        AksiLangkah("ajukan_kak", services.ksdd_ajukan_kak, s.AjukanKakSerializer),
        AksiLangkah(
            "catat_petunjuk_tertulis",
            services.ksdd_catat_petunjuk_tertulis,
            s.CatatPetunjukTertulisSerializer,
        ),
        AksiLangkah("catat_telaah", services.ksdd_catat_telaah, s.CatatTelaahSerializer),
        AksiLangkah(
            "catat_telaah_kak_mitra",
            services.ksdd_catat_telaah_kak_mitra,
            s.CatatTelaahKakMitraSerializer,
        ),
        AksiLangkah("catat_penawaran", services.ksdd_catat_penawaran, s.CatatPenawaranSerializer),
        AksiLangkah(
            "catat_rekomendasi_pleno",
            services.ksdd_catat_rekomendasi_pleno,
            s.CatatRekomendasiPlenoSerializer,
        ),
        AksiLangkah("catat_tanggapan", services.ksdd_catat_tanggapan, s.CatatTanggapanSerializer),
        AksiLangkah(
            "catat_permintaan_kedua",
            services.ksdd_catat_permintaan_kedua,
            s.CatatPermintaanKeduaSerializer,
        ),
        AksiLangkah(
            "catat_laporan_gubernur",
            services.ksdd_catat_laporan_gubernur,
            s.CatatLaporanGubernurSerializer,
        ),
        AksiLangkah(
            "sepakati_rancangan_kb",
            services.ksdd_sepakati_rancangan_kb,
            s.SepakatiRancanganKbSerializer,
        ),
        AksiLangkah("tandatangani_kb", services.ksdd_tandatangani_kb, s.TandatanganiKbSerializer),
        AksiLangkah(
            "ajukan_persetujuan_dprd",
            services.ksdd_ajukan_persetujuan_dprd,
            s.AjukanPersetujuanDprdSerializer,
        ),
        AksiLangkah(
            "catat_persetujuan_dprd",
            services.ksdd_catat_persetujuan_dprd,
            s.CatatPersetujuanDprdSerializer,
        ),
        AksiLangkah(
            "catat_jawaban_dprd",
            services.ksdd_catat_jawaban_dprd,
            s.CatatJawabanDprdSerializer,
        ),
        AksiLangkah(
            "catat_penolakan_dprd",
            services.ksdd_catat_penolakan_dprd,
            s.CatatPenolakanDprdSerializer,
        ),
        AksiLangkah(
            "catat_telaahan_dprd",
            services.ksdd_catat_telaahan_dprd,
            s.CatatTelaahanDprdSerializer,
        ),
        AksiLangkah(
            "catat_tindak_lanjut_telaahan",
            services.ksdd_catat_tindak_lanjut_telaahan,
            s.CatatTindakLanjutTelaahanSerializer,
        ),
        AksiLangkah(
            "sepakati_rancangan_pks",
            services.ksdd_sepakati_rancangan_pks,
            s.SepakatiRancanganPksSerializer,
        ),
        AksiLangkah(
            "tandatangani_pks", services.ksdd_tandatangani_pks, s.TandatanganiPksSerializer
        ),
        AksiLangkah(
            "catat_persetujuan_dprd_perubahan",
            services.ksdd_catat_persetujuan_dprd_perubahan,
            s.CatatPersetujuanDprdPerubahanSerializer,
        ),
        AksiLangkah("perpanjang_kb", services.ksdd_perpanjang_kb, s.PerpanjangKbSerializer),
        AksiLangkah("akhiri", services.ksdd_akhiri, s.AkhiriSerializer),
        AksiLangkah("batalkan", services.ksdd_batalkan, s.BatalkanSerializer),
    ]
}
