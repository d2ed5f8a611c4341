"""The preconditions of the steps of ``workflow.TRANSISI``: each a function of the KSDD
(and, for a step on one partner's offer, of that offer) returning the ``Pelanggaran`` it
finds. The table lists them; ``langkah(...)`` runs them before a step and the pages and
the API list them as what still blocks it — one check, two uses (issue 13).
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran
from kersa.deadlines.definisi import DEFINISI
from kersa.deadlines.kalender import Kalender
from kersa.documents.selectors import hambatan_naskah
from kersa.planning.rencana import dalam_rencana_tahun

from . import rules
from .choices import Pemrakarsa
from .models import Ksdd


def kak_siap(ksdd: Ksdd) -> list[Pelanggaran]:
    return rules.p14_2_kak_lengkap(getattr(ksdd, "kak", None)) + rules.data_ksdd(ksdd)


def data_penawaran_mitra(ksdd: Ksdd) -> list[Pelanggaran]:
    """P17-1: a partner's offer is the first step of its KSDD, so the record's own rules
    (the initiating partner, an urusan, a goal, P7-1, P5-3…), checked for our own KSDD
    when its KAK is submitted, are checked here."""
    if ksdd.pemrakarsa != Pemrakarsa.MITRA:
        return []
    return rules.data_ksdd(ksdd)


def penawaran_mitra_di_luar_rencana(ksdd: Ksdd) -> bool:
    """P18-1 / P18-3: the partner's offer is outside the KSDD plan of the year it was
    received (``planning.selectors.dalam_rencana_tahun``, as the clocks read it)."""
    if ksdd.pemrakarsa != Pemrakarsa.MITRA:
        return False
    penawaran = ksdd.penawaran.order_by("tanggal_diterima").first()
    if penawaran is None:
        return False
    return not dalam_rencana_tahun(ksdd, penawaran.tanggal_diterima.year)


def pleno_ada(ksdd: Ksdd) -> list[Pelanggaran]:
    """P18-3: an answer to a partner's offer outside this year's plan rests on a
    recommendation decided in a Rapat Pleno; an offer in the plan needs none."""
    if not penawaran_mitra_di_luar_rencana(ksdd) or ksdd.rekomendasi_pleno.exists():
        return []
    return [
        Pelanggaran(
            "P18-3",
            _(
                "Penawaran daerah mitra ini tidak tercantum dalam rencana KSDD tahun berjalan: "
                "tanggapan Bupati memerlukan rekomendasi TKKSD yang diputuskan dalam Rapat "
                "Pleno (Pasal 18 ayat 1 dan 3); rekomendasi belum dicatat."
            ),
        )
    ]


def telaah_kak_mitra_ada(ksdd: Ksdd) -> list[Pelanggaran]:
    """P17-2: TKKSD reviews the partner's KAK (with the criteria of Pasal 15) before
    the recommendation and the Bupati's answer."""
    if ksdd.pemrakarsa != Pemrakarsa.MITRA or ksdd.telaah.exists():
        return []
    return [
        Pelanggaran(
            "P17-2",
            _(
                "TKKSD menelaah KAK daerah mitra dengan pertimbangan Pasal 15 sebelum "
                "rekomendasi dan tanggapan Bupati (Pasal 17 ayat 2); hasil telaah belum dicatat."
            ),
        )
    ]


def telaah_kak_mitra_belum(ksdd: Ksdd) -> list[Pelanggaran]:
    """P17-2: the partner's KAK is reviewed once."""
    if not ksdd.telaah.exists():
        return []
    return [
        Pelanggaran(
            "P17-2",
            _("Hasil telaah TKKSD atas KAK daerah mitra sudah dicatat (Pasal 17 ayat 2)."),
        )
    ]


def penerimaan_diterima(ksdd: Ksdd) -> list[Pelanggaran]:
    """P19-1: the KB is drafted only once the offer is accepted."""
    offers = list(ksdd.penawaran.select_related("tanggapan"))
    accepted = offers and all(
        getattr(p, "tanggapan", None) and p.tanggapan.keputusan == "diterima" for p in offers
    )
    if accepted:
        return []
    return [
        Pelanggaran(
            "P19-1",
            _(
                "Rancangan Kesepakatan Bersama disusun setelah penawaran KSDD diterima (Pasal 19 ayat 1)."
            ),
        )
    ]


def kb_ditandatangani(ksdd: Ksdd) -> list[Pelanggaran]:
    kb = ksdd.naskah.filter(jenis="kb").first()
    if kb and kb.sudah_ditandatangani:
        return []
    return [
        Pelanggaran(
            "P22-1a",
            _(
                "Permohonan Persetujuan DPRD disertai Kesepakatan Bersama yang telah "
                "ditandatangani (Pasal 22 ayat 1 huruf a)."
            ),
        )
    ]


def kb_dapat_diperpanjang(ksdd: Ksdd) -> list[Pelanggaran]:
    """P19-3: only a signed Kesepakatan Bersama is extended (reads the prefetched
    naskah of the KSDD page)."""
    kb = next((n for n in ksdd.naskah.all() if n.jenis == "kb"), None)
    if kb and kb.sudah_ditandatangani:
        return []
    return [
        Pelanggaran(
            "P19-3",
            _(
                "Perpanjangan dicatat untuk Kesepakatan Bersama yang telah ditandatangani "
                "(Pasal 19 ayat 3)."
            ),
        )
    ]


def dprd_diperlukan(ksdd: Ksdd) -> list[Pelanggaran]:
    if ksdd.memerlukan_persetujuan_dprd:
        return []
    return [
        Pelanggaran(
            "P21-1",
            _("KSDD ini tidak memerlukan Persetujuan DPRD: %s (Pasal 21 ayat 1).")
            % rules.alasan_dprd(ksdd),
        )
    ]


def dprd_terpenuhi(ksdd: Ksdd) -> list[Pelanggaran]:
    return rules.p21_1_persetujuan_dprd(ksdd, ada_persetujuan=ksdd.persetujuan_dprd.exists())


def naskah_kb_lengkap(ksdd: Ksdd) -> list[Pelanggaran]:
    """P11 BLOCK: the agreed KB holds every part of Pasal 11 ayat (1) and agrees with the record."""

    return hambatan_naskah(ksdd, "kb")


def naskah_pks_lengkap(ksdd: Ksdd) -> list[Pelanggaran]:
    """P12 BLOCK: the agreed PKS holds every part of Pasal 12 ayat (1) and agrees with the record."""

    return hambatan_naskah(ksdd, "pks")


def permohonan_lalu_selesai(ksdd: Ksdd) -> list[Pelanggaran]:
    """P22-3: a new DPRD request only when none is pending and no approval stands (the
    part of ``services.dprd._permohonan_baru_boleh`` that needs no input)."""
    terakhir = ksdd.permohonan_dprd.first()
    if terakhir is None:
        return []
    if hasattr(terakhir, "persetujuan"):
        return [
            Pelanggaran(
                "P22-3",
                _(
                    "Persetujuan DPRD atas permohonan %(n)s masih berlaku; permohonan "
                    "Persetujuan DPRD kedua tidak dapat diajukan (Pasal 22 ayat 3)."
                )
                % {"n": terakhir.nomor},
            )
        ]
    if getattr(terakhir, "penolakan", None) is None:
        return [
            Pelanggaran(
                "P22-3",
                _(
                    "Permohonan %(n)s belum dijawab DPRD dengan persetujuan atau penolakan; "
                    "permohonan baru tidak dapat diajukan (Pasal 22 ayat 3)."
                )
                % {"n": terakhir.nomor},
            )
        ]
    return []


# --- the DPRD letters (P22-1b…d, P22-3): the request they answer ----------------------


def permohonan_berjalan(rule: str) -> Callable[[Ksdd], list[Pelanggaran]]:
    """The request is recorded and DPRD has not refused it (P22-1, P22-3)."""

    def check(ksdd: Ksdd) -> list[Pelanggaran]:
        permohonan = ksdd.permohonan_dprd.first()
        if permohonan is None:
            return [
                Pelanggaran(rule, _("Permohonan Persetujuan DPRD belum dicatat (Pasal 22 ayat 1)."))
            ]
        penolakan = getattr(permohonan, "penolakan", None)
        if penolakan is None:
            return []
        return [
            Pelanggaran(
                rule,
                _(
                    "DPRD telah menolak permohonan %(n)s dengan surat %(s)s; tidak ada lagi "
                    "jangka waktu Pasal 22 yang berjalan atas permohonan ini (Pasal 22 ayat 3)."
                )
                % {"n": permohonan.nomor, "s": penolakan.nomor},
            )
        ]

    check.__name__ = f"permohonan_berjalan_{rule}"
    return check


def _pada_permohonan(ksdd: Ksdd, periksa) -> list[Pelanggaran]:
    permohonan = ksdd.permohonan_dprd.first()
    return [] if permohonan is None else periksa(permohonan)


def jawaban_belum(ksdd: Ksdd) -> list[Pelanggaran]:
    """P22-1b: the leadership's answer is recorded once."""
    return _pada_permohonan(
        ksdd,
        lambda p: (
            [
                Pelanggaran(
                    "P22-1b",
                    _(
                        "Jawaban pimpinan DPRD atas permohonan ini sudah dicatat (Pasal 22 "
                        "ayat 1 huruf b)."
                    ),
                )
            ]
            if hasattr(p, "jawaban")
            else []
        ),
    )


def telaahan_belum(ksdd: Ksdd) -> list[Pelanggaran]:
    """P22-1c: DPRD's review is recorded once."""
    return _pada_permohonan(
        ksdd,
        lambda p: (
            [Pelanggaran("P22-1c", _("Telaahan DPRD atas permohonan ini sudah dicatat."))]
            if hasattr(p, "telaahan")
            else []
        ),
    )


def telaahan_ada(ksdd: Ksdd) -> list[Pelanggaran]:
    """P22-1d: the Bupati follows up a review that was recorded."""
    return _pada_permohonan(
        ksdd,
        lambda p: (
            []
            if hasattr(p, "telaahan")
            else [
                Pelanggaran(
                    "P22-1d",
                    _(
                        "Bupati menindaklanjuti hasil kajian DPRD atas rancangan PKS (Pasal 22 "
                        "ayat 1 huruf d); telaahan DPRD belum dicatat."
                    ),
                )
            ]
        ),
    )


def tindak_lanjut_belum(ksdd: Ksdd) -> list[Pelanggaran]:
    """P22-1d: the follow-up is recorded once."""
    return _pada_permohonan(
        ksdd,
        lambda p: (
            [Pelanggaran("P22-1d", _("Tindak lanjut atas telaahan DPRD sudah dicatat."))]
            if hasattr(p, "tindak_lanjut")
            else []
        ),
    )


def belum_disetujui(ksdd: Ksdd) -> list[Pelanggaran]:
    """P22-3: no refusal after an approval."""
    return _pada_permohonan(
        ksdd,
        lambda p: (
            [
                Pelanggaran(
                    "P22-3",
                    _(
                        "Persetujuan DPRD atas permohonan ini sudah dicatat; penolakan tidak "
                        "dapat dicatat sesudahnya (Pasal 22 ayat 3)."
                    ),
                )
            ]
            if hasattr(p, "persetujuan")
            else []
        ),
    )


# --- the offer letters (P16-4…6, P18-2): preconditions on the offer of one partner -----
#
# These depend on the partner the user picks (``mitra``). ``Transisi.hambatan(ksdd,
# mitra=kode)`` checks that partner's offer (what the service runs); without ``mitra``
# (the KSDD page, the step page, the API list) it checks every partner's offer and
# blocks only when no partner can pass, listing each partner's reasons.


def _tgl(d) -> str:
    return d.strftime("%d-%m-%Y")


def batas_hari_kalender(rule: str, mulai):
    """The last day of the calendar-day period ``rule`` (deadlines.definisi) from ``mulai``."""

    d = DEFINISI[rule]
    return Kalender({}).jatuh_tempo(d.satuan, mulai, d.panjang)


def _hari_ini():
    from django.utils import timezone

    return timezone.localdate()


def rule_kedua(ksdd: Ksdd) -> str:
    return "P16-5" if ksdd.pemrakarsa == Pemrakarsa.DAERAH else "P18-2"


def belum_ditanggapi(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
    """P16-4: one reply per offer."""
    if not hasattr(penawaran, "tanggapan"):
        return []
    return [
        Pelanggaran(
            "P16-4",
            _("Tanggapan %s sudah dicatat.") % penawaran.mitra.nama_lengkap,
            field="mitra",
        )
    ]


def kedua_belum_ditanggapi(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
    """P16-5 / P18-2: a second request only for an unanswered offer."""
    if not hasattr(penawaran, "tanggapan"):
        return []
    return [
        Pelanggaran(
            rule_kedua(ksdd),
            _("Penawaran %s sudah ditanggapi; permintaan tanggapan kedua tidak diperlukan.")
            % penawaran.mitra.nama_lengkap,
            field="mitra",
        )
    ]


def kedua_belum_dicatat(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
    """P16-5 / P18-2: one second request per offer."""
    if not hasattr(penawaran, "permintaan_kedua"):
        return []
    return [
        Pelanggaran(
            rule_kedua(ksdd),
            _("Permintaan tanggapan kedua untuk %s sudah dicatat.") % penawaran.mitra.nama_lengkap,
            field="mitra",
        )
    ]


def kedua_30_hari_lewat(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
    """P16-5: our second request only after 30 calendar days from receipt of the offer
    have passed without a reply (judged on today; the letter's date is checked on submit)."""
    if ksdd.pemrakarsa != Pemrakarsa.DAERAH:
        return []
    batas = batas_hari_kalender("P16-4", penawaran.tanggal_diterima)
    if _hari_ini() > batas:
        return []
    return [
        Pelanggaran(
            "P16-5",
            _(
                "Permintaan tanggapan kedua disampaikan Bupati bila dalam 30 hari "
                "kalender sejak surat penawaran diterima (%(diterima)s) tidak ada "
                "tanggapan, yaitu setelah %(batas)s (Pasal 16 ayat 5)."
            )
            % {"diterima": _tgl(penawaran.tanggal_diterima), "batas": _tgl(batas)},
            field="mitra",
        )
    ]


def laporan_belum_ditanggapi(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
    """P16-6: a report only on an unanswered offer."""
    if not hasattr(penawaran, "tanggapan"):
        return []
    return [
        Pelanggaran(
            "P16-6",
            _("Penawaran %s sudah ditanggapi; laporan kepada Gubernur tidak diperlukan.")
            % penawaran.mitra.nama_lengkap,
            field="mitra",
        )
    ]


def laporan_belum_dicatat(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
    """P16-6: one report per offer."""
    if not hasattr(penawaran, "laporan_gubernur"):
        return []
    return [
        Pelanggaran(
            "P16-6",
            _("Laporan kepada Gubernur tentang %s sudah dicatat.") % penawaran.mitra.nama_lengkap,
            field="mitra",
        )
    ]


def laporan_15_hari_lewat(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
    """P16-6: the second request is recorded and its 15 calendar days have passed
    (judged on today; the report's date is checked on submit)."""
    kedua = getattr(penawaran, "permintaan_kedua", None)
    if kedua is None:
        return [
            Pelanggaran(
                "P16-6",
                _(
                    "Bupati melapor kepada Gubernur bila mitra tetap tidak menanggapi 15 hari "
                    "kalender sejak permintaan tanggapan kedua (Pasal 16 ayat 6); permintaan "
                    "tanggapan kedua kepada %s belum dicatat."
                )
                % penawaran.mitra.nama_lengkap,
                field="mitra",
            )
        ]
    batas = batas_hari_kalender("P16-6", kedua.tanggal_diterima)
    if _hari_ini() > batas:
        return []
    return [
        Pelanggaran(
            "P16-6",
            _(
                "Laporan kepada Gubernur disampaikan bila dalam %(jangka)s sejak "
                "permintaan tanggapan kedua diterima (%(diterima)s) mitra tetap tidak "
                "menanggapi, yaitu setelah %(batas)s (Pasal 16 ayat 6)."
            )
            % {
                "diterima": _tgl(kedua.tanggal_diterima),
                "batas": _tgl(batas),
                "jangka": DEFINISI["P16-6"].jangka,
            },
            field="mitra",
        )
    ]


def tanpa_penawaran(rule: str, mitra: str) -> Pelanggaran:
    return Pelanggaran(
        rule, _("Tidak ada penawaran kepada/dari %s pada KSDD ini.") % mitra, field="mitra"
    )
