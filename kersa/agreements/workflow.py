"""The transition table of Pasal 13: one row per step (``TRANSISI``).

A step is this one row: its name, label, source statuses, permission and
preconditions, and the names of the three things that carry it out: its service
(in ``agreements.services``), its web form (in ``agreements.forms``) and its API
input serializer (in ``kersa.api.serializers.langkah``). ``agreements.daftar``
turns the names into those objects once, for the web, the API and the scenarios;
the names are strings here so that the table imports none of them.

Written as a small explicit table rather than with django-fsm-2 (STACK.md allows
either): each refusal must carry a rule ID and a message citing the Pasal, and
the KSDD page must list, before the user tries, which rules still block each
next step. A table of plain data with check functions gives both directly.

This module imports only choices, models, the rules and their precondition
functions (``prasyarat``), so anything may read the table without an import cycle:
who may take a step is ``selectors.boleh``/``selectors.transisi_tersedia``, and the
one path every step takes is ``agreements.langkah.langkah()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kersa.core.errors import Pelanggaran

from .choices import STATUS_AKHIR, Pemrakarsa, Status
from .models import Ksdd
from .prasyarat import (
    belum_disetujui,
    belum_ditanggapi,
    data_penawaran_mitra,
    dprd_diperlukan,
    dprd_terpenuhi,
    jawaban_belum,
    kak_siap,
    kb_dapat_diperpanjang,
    kb_ditandatangani,
    kedua_30_hari_lewat,
    kedua_belum_dicatat,
    kedua_belum_ditanggapi,
    laporan_15_hari_lewat,
    laporan_belum_dicatat,
    laporan_belum_ditanggapi,
    naskah_kb_lengkap,
    naskah_pks_lengkap,
    penerimaan_diterima,
    permohonan_berjalan,
    permohonan_lalu_selesai,
    pleno_ada,
    rule_kedua,
    tanpa_penawaran,
    telaah_kak_mitra_ada,
    telaah_kak_mitra_belum,
    telaahan_ada,
    telaahan_belum,
    tindak_lanjut_belum,
)


@dataclass(frozen=True)
class Transisi:
    """One step of the workflow."""

    nama: str
    label: Promise
    sumber: frozenset[str]
    izin: str
    prasyarat: tuple[Callable[[Ksdd], list[Pelanggaran]], ...] = field(default=())
    pemrakarsa: str | None = None  # only for KSDD initiated by this party
    # Preconditions on the offer of the partner the user picks (``mitra``), and the rule
    # cited when that partner has no offer on the KSDD.
    prasyarat_mitra: tuple[Callable[[Ksdd, object], list[Pelanggaran]], ...] = field(default=())
    rule_mitra: Callable[[Ksdd], str] | None = None
    # What carries the step out, by name (resolved by ``agreements.daftar``): the service
    # in ``agreements.services``, the form in ``agreements.forms``, the input serializer
    # in ``kersa.api.serializers.langkah``.
    layanan: str = ""
    form: str = ""
    serializer: str = ""

    def berlaku_untuk(self, ksdd: Ksdd) -> bool:
        return ksdd.status in self.sumber and self.pemrakarsa in (None, ksdd.pemrakarsa)

    def hambatan(self, ksdd: Ksdd, mitra: str | None = None) -> list[Pelanggaran]:
        """The preconditions that need no form input: the very checks ``langkah()`` runs
        before the service's body. For a step on one partner's offer, ``mitra`` (a region
        code, as the form sends it) checks that partner; without it, every partner is
        checked and the step is blocked only when none can pass."""
        found = [p for check in self.prasyarat for p in check(ksdd)]
        if self.prasyarat_mitra:
            found += self.hambatan_mitra(ksdd, mitra)
        return found

    def hambatan_mitra(self, ksdd: Ksdd, mitra: str | None = None) -> list[Pelanggaran]:
        rule = self.rule_mitra(ksdd) if self.rule_mitra else "P13"
        penawaran = list(
            ksdd.penawaran.select_related(
                "mitra", "tanggapan", "permintaan_kedua", "laporan_gubernur"
            ).order_by("mitra_id")
        )
        if mitra is not None:
            penawaran = [p for p in penawaran if p.mitra_id == mitra]
            if not penawaran:
                return [tanpa_penawaran(rule, mitra)]
        if not penawaran:
            return [tanpa_penawaran(rule, "-")]
        per = [[h for check in self.prasyarat_mitra for h in check(ksdd, p)] for p in penawaran]
        if any(not h for h in per):
            return []
        return [h for hs in per for h in hs]

    def hambatan_penuh(self, ksdd: Ksdd, mitra: str | None = None) -> list[Pelanggaran]:
        """Everything that blocks this step now: its place in Pasal 13, then its
        preconditions. Shown on the page before the user tries; enforced by langkah()."""
        if not self.berlaku_untuk(ksdd):
            return [
                Pelanggaran(
                    "P13",
                    _(
                        "“%(aksi)s” tidak dapat dilakukan pada status “%(status)s”: "
                        "tahapan KSDD dilalui secara berurutan (Pasal 13)."
                    )
                    % {"aksi": self.label, "status": Status(ksdd.status).label},
                )
            ]
        return self.hambatan(ksdd, mitra)


_BELUM_BERAKHIR = frozenset(s for s in Status.values if s not in STATUS_AKHIR)

TRANSISI: dict[str, Transisi] = {
    t.nama: t
    for t in [
        Transisi(
            "ajukan_kak",
            gettext_lazy("Ajukan KAK kepada TKKSD"),
            frozenset({Status.PENYUSUNAN_KAK}),
            "ajukan_kak",
            (kak_siap,),
            # P17-1…3: a partner's offer brings its own KAK; ours is not written first.
            pemrakarsa=Pemrakarsa.DAERAH,
            layanan="ksdd_ajukan_kak",
            form="AjukanKakForm",
            serializer="AjukanKakSerializer",
        ),
        Transisi(
            "catat_petunjuk_tertulis",
            gettext_lazy("Catat petunjuk tertulis"),
            frozenset({Status.KAK_DIAJUKAN}),
            "catat_petunjuk_tertulis",
            layanan="ksdd_catat_petunjuk_tertulis",
            form="PetunjukTertulisForm",
            serializer="CatatPetunjukTertulisSerializer",
        ),
        Transisi(
            "catat_telaah",
            gettext_lazy("Catat hasil telaah KAK"),
            frozenset({Status.TELAAH_TKKSD}),
            "catat_telaah",
            layanan="ksdd_catat_telaah",
            form="TelaahForm",
            serializer="CatatTelaahSerializer",
        ),
        Transisi(
            "catat_penawaran",
            gettext_lazy("Catat surat penawaran"),
            frozenset({Status.MENYIAPKAN_PENAWARAN}),
            "catat_penawaran",
            (data_penawaran_mitra,),
            layanan="ksdd_catat_penawaran",
            form="PenawaranForm",
            serializer="CatatPenawaranSerializer",
        ),
        # P17-2: TKKSD reviews the KAK that came with the partner's offer (Pasal 15).
        Transisi(
            "catat_telaah_kak_mitra",
            gettext_lazy("Catat hasil telaah KAK daerah mitra"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_telaah",
            (telaah_kak_mitra_belum,),
            pemrakarsa=Pemrakarsa.MITRA,
            layanan="ksdd_catat_telaah_kak_mitra",
            form="TelaahKakMitraForm",
            serializer="CatatTelaahKakMitraSerializer",
        ),
        Transisi(
            "catat_rekomendasi_pleno",
            gettext_lazy("Catat rekomendasi Rapat Pleno"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_rekomendasi_pleno",
            (telaah_kak_mitra_ada,),
            pemrakarsa=Pemrakarsa.MITRA,
            layanan="ksdd_catat_rekomendasi_pleno",
            form="RekomendasiPlenoForm",
            serializer="CatatRekomendasiPlenoSerializer",
        ),
        Transisi(
            "catat_tanggapan",
            gettext_lazy("Catat tanggapan atas penawaran"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_tanggapan",
            # P17-2, P18-3: for a partner's offer, TKKSD's review first; a pleno only
            # for an offer outside this year's plan.
            (telaah_kak_mitra_ada, pleno_ada),
            prasyarat_mitra=(belum_ditanggapi,),
            rule_mitra=lambda k: "P16-4",
            layanan="ksdd_catat_tanggapan",
            form="TanggapanForm",
            serializer="CatatTanggapanSerializer",
        ),
        Transisi(
            "sepakati_rancangan_kb",
            gettext_lazy("Catat rancangan Kesepakatan Bersama yang disepakati"),
            frozenset({Status.PENYUSUNAN_KB}),
            "kelola_kb",
            (penerimaan_diterima,),
            layanan="ksdd_sepakati_rancangan_kb",
            form="RancanganKbForm",
            serializer="SepakatiRancanganKbSerializer",
        ),
        Transisi(
            "tandatangani_kb",
            gettext_lazy("Catat penandatanganan Kesepakatan Bersama"),
            frozenset({Status.PENANDATANGANAN_KB}),
            "tandatangani_kb",
            (naskah_kb_lengkap,),
            layanan="ksdd_tandatangani_kb",
            form="TandatanganiKbForm",
            serializer="TandatanganiKbSerializer",
        ),
        Transisi(
            "ajukan_persetujuan_dprd",
            gettext_lazy("Catat permohonan Persetujuan DPRD"),
            frozenset({Status.PERMOHONAN_DPRD, Status.PENYUSUNAN_PKS, Status.PENANDATANGANAN_PKS}),
            "kelola_dprd",
            (dprd_diperlukan, kb_ditandatangani, permohonan_lalu_selesai),
            layanan="ksdd_ajukan_persetujuan_dprd",
            form="PermohonanDprdForm",
            serializer="AjukanPersetujuanDprdSerializer",
        ),
        Transisi(
            "catat_persetujuan_dprd",
            gettext_lazy("Catat Persetujuan DPRD"),
            frozenset({Status.MENUNGGU_DPRD}),
            "catat_persetujuan_dprd",
            layanan="ksdd_catat_persetujuan_dprd",
            form="PersetujuanDprdForm",
            serializer="CatatPersetujuanDprdSerializer",
        ),
        # Status-preserving steps of the clocks (deadlines/pemicu.py): P16-5, P16-6,
        # P18-2, P22-1b…e. They record a letter; the KSDD stays where it is.
        Transisi(
            "catat_permintaan_kedua",
            gettext_lazy("Catat permintaan tanggapan kedua"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_penawaran",
            prasyarat_mitra=(kedua_belum_ditanggapi, kedua_belum_dicatat, kedua_30_hari_lewat),
            rule_mitra=rule_kedua,
            layanan="ksdd_catat_permintaan_kedua",
            form="PermintaanKeduaForm",
            serializer="CatatPermintaanKeduaSerializer",
        ),
        Transisi(
            "catat_laporan_gubernur",
            gettext_lazy("Catat laporan kepada Gubernur"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_penawaran",
            pemrakarsa=Pemrakarsa.DAERAH,
            prasyarat_mitra=(
                laporan_belum_ditanggapi,
                laporan_belum_dicatat,
                laporan_15_hari_lewat,
            ),
            rule_mitra=lambda k: "P16-6",
            layanan="ksdd_catat_laporan_gubernur",
            form="LaporanGubernurForm",
            serializer="CatatLaporanGubernurSerializer",
        ),
        Transisi(
            "catat_jawaban_dprd",
            gettext_lazy("Catat jawaban pimpinan DPRD"),
            frozenset({Status.MENUNGGU_DPRD}),
            "kelola_dprd",
            (permohonan_berjalan("P22-1b"), jawaban_belum),
            layanan="ksdd_catat_jawaban_dprd",
            form="JawabanDprdForm",
            serializer="CatatJawabanDprdSerializer",
        ),
        Transisi(
            "catat_telaahan_dprd",
            gettext_lazy("Catat telaahan DPRD atas rancangan PKS"),
            frozenset({Status.MENUNGGU_DPRD}),
            "kelola_dprd",
            (permohonan_berjalan("P22-1c"), telaahan_belum),
            layanan="ksdd_catat_telaahan_dprd",
            form="TelaahanDprdForm",
            serializer="CatatTelaahanDprdSerializer",
        ),
        Transisi(
            "catat_tindak_lanjut_telaahan",
            gettext_lazy("Catat tindak lanjut Bupati atas telaahan DPRD"),
            frozenset({Status.MENUNGGU_DPRD}),
            "kelola_dprd",
            (permohonan_berjalan("P22-1d"), telaahan_ada, tindak_lanjut_belum),
            layanan="ksdd_catat_tindak_lanjut_telaahan",
            form="TindakLanjutTelaahanForm",
            serializer="CatatTindakLanjutTelaahanSerializer",
        ),
        # P22-3: DPRD refuses; back to the request (revision) or the KSDD ends.
        Transisi(
            "catat_penolakan_dprd",
            gettext_lazy("Catat penolakan DPRD"),
            frozenset({Status.MENUNGGU_DPRD}),
            "kelola_dprd",
            (permohonan_berjalan("P22-3"), belum_disetujui),
            layanan="ksdd_catat_penolakan_dprd",
            form="PenolakanDprdForm",
            serializer="CatatPenolakanDprdSerializer",
        ),
        Transisi(
            "sepakati_rancangan_pks",
            gettext_lazy("Catat rancangan PKS yang disepakati"),
            frozenset({Status.PENYUSUNAN_PKS}),
            "kelola_pks",
            layanan="ksdd_sepakati_rancangan_pks",
            form="RancanganPksForm",
            serializer="SepakatiRancanganPksSerializer",
        ),
        Transisi(
            "tandatangani_pks",
            gettext_lazy("Catat penandatanganan PKS"),
            frozenset({Status.PENANDATANGANAN_PKS}),
            "tandatangani_pks",
            (dprd_terpenuhi, naskah_pks_lengkap),
            layanan="ksdd_tandatangani_pks",
            form="TandatanganiPksForm",
            serializer="TandatanganiPksSerializer",
        ),
        # P25-7: DPRD's approval of an amendment that adds a burden, during pelaksanaan;
        # the KSDD stays where it is, the amendment version then rests on it.
        Transisi(
            "catat_persetujuan_dprd_perubahan",
            gettext_lazy("Catat Persetujuan DPRD atas perubahan PKS"),
            frozenset({Status.PELAKSANAAN}),
            "catat_persetujuan_dprd",
            layanan="ksdd_catat_persetujuan_dprd_perubahan",
            form="PersetujuanDprdPerubahanForm",
            serializer="CatatPersetujuanDprdPerubahanSerializer",
        ),
        # P19-3: an extension of the signed KB agreed by the parties; the KSDD stays
        # where it is, the KB's end and its P19-3 clock move (deadlines/pemicu.py).
        Transisi(
            "perpanjang_kb",
            gettext_lazy("Catat perpanjangan Kesepakatan Bersama"),
            frozenset(
                {
                    Status.PERMOHONAN_DPRD,
                    Status.MENUNGGU_DPRD,
                    Status.PENYUSUNAN_PKS,
                    Status.PENANDATANGANAN_PKS,
                    Status.PELAKSANAAN,
                }
            ),
            "tandatangani_kb",
            (kb_dapat_diperpanjang,),
            layanan="ksdd_perpanjang_kb",
            form="PerpanjangKbForm",
            serializer="PerpanjangKbSerializer",
        ),
        Transisi(
            "akhiri",
            gettext_lazy("Akhiri kerja sama"),
            frozenset({Status.PELAKSANAAN}),
            "akhiri_ksdd",
            layanan="ksdd_akhiri",
            form="AkhiriForm",
            serializer="AkhiriSerializer",
        ),
        Transisi(
            "batalkan",
            gettext_lazy("Batalkan KSDD"),
            _BELUM_BERAKHIR - {Status.PELAKSANAAN},
            "batalkan_ksdd",
            layanan="ksdd_batalkan",
            form="BatalkanForm",
            serializer="BatalkanSerializer",
        ),
    ]
}
