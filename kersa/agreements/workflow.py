"""The transition table of Pasal 13 and the one path every transition takes.

Written as a small explicit table rather than with django-fsm-2 (STACK.md allows
either): each refusal must carry a rule ID and a message citing the Pasal, and
the KSDD page must list, before the user tries, which rules still block each
next step. A table of plain data with check functions gives both directly.

Every service in ``services.py`` runs inside ``langkah(...)``: one transaction
(files included), the row locked, the version compared (a lost race is a
``ConflictError``), permission and source status checked, the preconditions of
the table applied, and a ``RiwayatTahap`` row written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kersa.core.errors import ConflictError, Pelanggaran, tolak_jika
from kersa.deadlines.pemicu import tenggat_setelah_langkah
from kersa.documents.services import atomic_dengan_berkas

from . import rules
from .choices import STATUS_AKHIR, Pemrakarsa, Status
from .models import Ksdd, RiwayatTahap
from .selectors import ksdd_dapat_dilihat


def _kak_siap(ksdd: Ksdd) -> list[Pelanggaran]:
    return rules.p14_2_kak_lengkap(getattr(ksdd, "kak", None)) + rules.data_ksdd(ksdd)


def _pleno_ada(ksdd: Ksdd) -> list[Pelanggaran]:
    if ksdd.pemrakarsa != Pemrakarsa.MITRA or ksdd.rekomendasi_pleno.exists():
        return []
    return [
        Pelanggaran(
            "P18-3",
            _(
                "Tanggapan Bupati atas penawaran mitra memerlukan rekomendasi TKKSD yang "
                "diputuskan dalam Rapat Pleno (Pasal 18 ayat 3); rekomendasi belum dicatat."
            ),
        )
    ]


def _penerimaan_diterima(ksdd: Ksdd) -> list[Pelanggaran]:
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


def _kb_ditandatangani(ksdd: Ksdd) -> list[Pelanggaran]:
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


def _dprd_diperlukan(ksdd: Ksdd) -> list[Pelanggaran]:
    if ksdd.memerlukan_persetujuan_dprd:
        return []
    return [
        Pelanggaran(
            "P21-1",
            _("KSDD ini tidak memerlukan Persetujuan DPRD: %s (Pasal 21 ayat 1).")
            % rules.alasan_dprd(ksdd),
        )
    ]


def _dprd_terpenuhi(ksdd: Ksdd) -> list[Pelanggaran]:
    return rules.p21_1_persetujuan_dprd(ksdd, ada_persetujuan=ksdd.persetujuan_dprd.exists())


def _naskah_kb_lengkap(ksdd: Ksdd) -> list[Pelanggaran]:
    """P11 BLOCK: the agreed KB holds every part of Pasal 11 ayat (1) and agrees with the record."""
    from kersa.documents.selectors import hambatan_naskah

    return hambatan_naskah(ksdd, "kb")


def _naskah_pks_lengkap(ksdd: Ksdd) -> list[Pelanggaran]:
    """P12 BLOCK: the agreed PKS holds every part of Pasal 12 ayat (1) and agrees with the record."""
    from kersa.documents.selectors import hambatan_naskah

    return hambatan_naskah(ksdd, "pks")


def _permohonan_lalu_selesai(ksdd: Ksdd) -> list[Pelanggaran]:
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
                % {"n": terakhir.nomor_surat},
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
                % {"n": terakhir.nomor_surat},
            )
        ]
    return []


# --- the DPRD letters (P22-1b…d, P22-3): the request they answer ----------------------


def _permohonan_berjalan(rule: str) -> Callable[[Ksdd], list[Pelanggaran]]:
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
                % {"n": permohonan.nomor_surat, "s": penolakan.nomor_surat},
            )
        ]

    check.__name__ = f"permohonan_berjalan_{rule}"
    return check


def _pada_permohonan(ksdd: Ksdd, periksa) -> list[Pelanggaran]:
    permohonan = ksdd.permohonan_dprd.first()
    return [] if permohonan is None else periksa(permohonan)


def _jawaban_belum(ksdd: Ksdd) -> list[Pelanggaran]:
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


def _telaahan_belum(ksdd: Ksdd) -> list[Pelanggaran]:
    """P22-1c: DPRD's review is recorded once."""
    return _pada_permohonan(
        ksdd,
        lambda p: (
            [Pelanggaran("P22-1c", _("Telaahan DPRD atas permohonan ini sudah dicatat."))]
            if hasattr(p, "telaahan")
            else []
        ),
    )


def _telaahan_ada(ksdd: Ksdd) -> list[Pelanggaran]:
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


def _tindak_lanjut_belum(ksdd: Ksdd) -> list[Pelanggaran]:
    """P22-1d: the follow-up is recorded once."""
    return _pada_permohonan(
        ksdd,
        lambda p: (
            [Pelanggaran("P22-1d", _("Tindak lanjut atas telaahan DPRD sudah dicatat."))]
            if hasattr(p, "tindak_lanjut")
            else []
        ),
    )


def _belum_disetujui(ksdd: Ksdd) -> list[Pelanggaran]:
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
    from kersa.deadlines.definisi import DEFINISI
    from kersa.deadlines.kalender import Kalender

    d = DEFINISI[rule]
    return Kalender({}).jatuh_tempo(d.satuan, mulai, d.panjang)


def _hari_ini():
    from django.utils import timezone

    return timezone.localdate()


def _rule_kedua(ksdd: Ksdd) -> str:
    return "P16-5" if ksdd.pemrakarsa == Pemrakarsa.DAERAH else "P18-2"


def _belum_ditanggapi(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
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


def _kedua_belum_ditanggapi(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
    """P16-5 / P18-2: a second request only for an unanswered offer."""
    if not hasattr(penawaran, "tanggapan"):
        return []
    return [
        Pelanggaran(
            _rule_kedua(ksdd),
            _("Penawaran %s sudah ditanggapi; permintaan tanggapan kedua tidak diperlukan.")
            % penawaran.mitra.nama_lengkap,
            field="mitra",
        )
    ]


def _kedua_belum_dicatat(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
    """P16-5 / P18-2: one second request per offer."""
    if not hasattr(penawaran, "permintaan_kedua"):
        return []
    return [
        Pelanggaran(
            _rule_kedua(ksdd),
            _("Permintaan tanggapan kedua untuk %s sudah dicatat.") % penawaran.mitra.nama_lengkap,
            field="mitra",
        )
    ]


def _kedua_30_hari_lewat(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
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


def _laporan_belum_ditanggapi(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
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


def _laporan_belum_dicatat(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
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


def _laporan_15_hari_lewat(ksdd: Ksdd, penawaran) -> list[Pelanggaran]:
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
                "Laporan kepada Gubernur disampaikan bila dalam 15 hari kalender sejak "
                "permintaan tanggapan kedua diterima (%(diterima)s) mitra tetap tidak "
                "menanggapi, yaitu setelah %(batas)s (Pasal 16 ayat 6)."
            )
            % {"diterima": _tgl(kedua.tanggal_diterima), "batas": _tgl(batas)},
            field="mitra",
        )
    ]


def _tanpa_penawaran(rule: str, mitra: str) -> Pelanggaran:
    return Pelanggaran(
        rule, _("Tidak ada penawaran kepada/dari %s pada KSDD ini.") % mitra, field="mitra"
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
                return [_tanpa_penawaran(rule, mitra)]
        if not penawaran:
            return [_tanpa_penawaran(rule, "-")]
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
                        "\u201c%(aksi)s\u201d tidak dapat dilakukan pada status \u201c%(status)s\u201d: "
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
            (_kak_siap,),
        ),
        Transisi(
            "catat_petunjuk_tertulis",
            gettext_lazy("Catat petunjuk tertulis"),
            frozenset({Status.KAK_DIAJUKAN}),
            "catat_petunjuk_tertulis",
        ),
        Transisi(
            "catat_telaah",
            gettext_lazy("Catat hasil telaah KAK"),
            frozenset({Status.TELAAH_TKKSD}),
            "catat_telaah",
        ),
        Transisi(
            "catat_penawaran",
            gettext_lazy("Catat surat penawaran"),
            frozenset({Status.MENYIAPKAN_PENAWARAN}),
            "catat_penawaran",
        ),
        Transisi(
            "catat_rekomendasi_pleno",
            gettext_lazy("Catat rekomendasi Rapat Pleno"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_rekomendasi_pleno",
            pemrakarsa=Pemrakarsa.MITRA,
        ),
        Transisi(
            "catat_tanggapan",
            gettext_lazy("Catat tanggapan atas penawaran"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_tanggapan",
            (_pleno_ada,),
            prasyarat_mitra=(_belum_ditanggapi,),
            rule_mitra=lambda k: "P16-4",
        ),
        Transisi(
            "sepakati_rancangan_kb",
            gettext_lazy("Catat rancangan Kesepakatan Bersama yang disepakati"),
            frozenset({Status.PENYUSUNAN_KB}),
            "kelola_kb",
            (_penerimaan_diterima,),
        ),
        Transisi(
            "tandatangani_kb",
            gettext_lazy("Catat penandatanganan Kesepakatan Bersama"),
            frozenset({Status.PENANDATANGANAN_KB}),
            "tandatangani_kb",
            (_naskah_kb_lengkap,),
        ),
        Transisi(
            "ajukan_persetujuan_dprd",
            gettext_lazy("Catat permohonan Persetujuan DPRD"),
            frozenset({Status.PERMOHONAN_DPRD, Status.PENYUSUNAN_PKS, Status.PENANDATANGANAN_PKS}),
            "kelola_dprd",
            (_dprd_diperlukan, _kb_ditandatangani, _permohonan_lalu_selesai),
        ),
        Transisi(
            "catat_persetujuan_dprd",
            gettext_lazy("Catat Persetujuan DPRD"),
            frozenset({Status.MENUNGGU_DPRD}),
            "catat_persetujuan_dprd",
        ),
        # Status-preserving steps of the clocks (deadlines/pemicu.py): P16-5, P16-6,
        # P18-2, P22-1b…e. They record a letter; the KSDD stays where it is.
        Transisi(
            "catat_permintaan_kedua",
            gettext_lazy("Catat permintaan tanggapan kedua"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_penawaran",
            prasyarat_mitra=(_kedua_belum_ditanggapi, _kedua_belum_dicatat, _kedua_30_hari_lewat),
            rule_mitra=_rule_kedua,
        ),
        Transisi(
            "catat_laporan_gubernur",
            gettext_lazy("Catat laporan kepada Gubernur"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_penawaran",
            pemrakarsa=Pemrakarsa.DAERAH,
            prasyarat_mitra=(
                _laporan_belum_ditanggapi,
                _laporan_belum_dicatat,
                _laporan_15_hari_lewat,
            ),
            rule_mitra=lambda k: "P16-6",
        ),
        Transisi(
            "catat_jawaban_dprd",
            gettext_lazy("Catat jawaban pimpinan DPRD"),
            frozenset({Status.MENUNGGU_DPRD}),
            "kelola_dprd",
            (_permohonan_berjalan("P22-1b"), _jawaban_belum),
        ),
        Transisi(
            "catat_telaahan_dprd",
            gettext_lazy("Catat telaahan DPRD atas rancangan PKS"),
            frozenset({Status.MENUNGGU_DPRD}),
            "kelola_dprd",
            (_permohonan_berjalan("P22-1c"), _telaahan_belum),
        ),
        Transisi(
            "catat_tindak_lanjut_telaahan",
            gettext_lazy("Catat tindak lanjut Bupati atas telaahan DPRD"),
            frozenset({Status.MENUNGGU_DPRD}),
            "kelola_dprd",
            (_permohonan_berjalan("P22-1d"), _telaahan_ada, _tindak_lanjut_belum),
        ),
        # P22-3: DPRD refuses; back to the request (revision) or the KSDD ends.
        Transisi(
            "catat_penolakan_dprd",
            gettext_lazy("Catat penolakan DPRD"),
            frozenset({Status.MENUNGGU_DPRD}),
            "kelola_dprd",
            (_permohonan_berjalan("P22-3"), _belum_disetujui),
        ),
        Transisi(
            "sepakati_rancangan_pks",
            gettext_lazy("Catat rancangan PKS yang disepakati"),
            frozenset({Status.PENYUSUNAN_PKS}),
            "kelola_pks",
        ),
        Transisi(
            "tandatangani_pks",
            gettext_lazy("Catat penandatanganan PKS"),
            frozenset({Status.PENANDATANGANAN_PKS}),
            "tandatangani_pks",
            (_dprd_terpenuhi, _naskah_pks_lengkap),
        ),
        # P25-7: DPRD's approval of an amendment that adds a burden, during pelaksanaan;
        # the KSDD stays where it is, the amendment version then rests on it.
        Transisi(
            "catat_persetujuan_dprd_perubahan",
            gettext_lazy("Catat Persetujuan DPRD atas perubahan PKS"),
            frozenset({Status.PELAKSANAAN}),
            "catat_persetujuan_dprd",
        ),
        Transisi(
            "akhiri",
            gettext_lazy("Akhiri kerja sama"),
            frozenset({Status.PELAKSANAAN}),
            "akhiri_ksdd",
        ),
        Transisi(
            "batalkan",
            gettext_lazy("Batalkan KSDD"),
            _BELUM_BERAKHIR - {Status.PELAKSANAAN},
            "batalkan_ksdd",
        ),
    ]
}


def boleh(user, transisi: Transisi, ksdd: Ksdd) -> bool:
    """Whether this user may take this step on this KSDD (role and agency)."""
    return user.has_perm(f"agreements.{transisi.izin}") and ksdd_dapat_dilihat(user, ksdd)


def transisi_tersedia(ksdd: Ksdd, user=None) -> list[Transisi]:
    """The steps open from the KSDD's status (for this user, when given)."""
    return [
        t
        for t in TRANSISI.values()
        if t.berlaku_untuk(ksdd) and (user is None or boleh(user, t, ksdd))
    ]


@dataclass
class Langkah:
    """What a service does inside ``langkah()``: the locked KSDD and the history it writes."""

    ksdd: Ksdd
    transisi: Transisi
    ke: str | None = None
    alasan: str = ""
    rule: str = ""
    data: dict = field(default_factory=dict)
    berkas: list = field(default_factory=list)

    def pindah(self, ke: str, *, alasan: str = "", rule: str = "") -> None:
        self.ke, self.alasan, self.rule = ke, alasan, rule


def _kabari(riwayat_id: int) -> None:
    from .tasks import kabari_tahap_baru

    kabari_tahap_baru.enqueue(riwayat_id)


@contextmanager
def langkah(
    *, ksdd: Ksdd, nama: str, user, versi: int | None = None, mitra: str | None = None
) -> Iterator[Langkah]:
    """Run one step atomically on a locked KSDD and log it. ``user=None`` is the system.
    ``mitra``: the partner a step on one partner's offer is for (``Transisi.prasyarat_mitra``)."""
    transisi = TRANSISI[nama]
    expected = ksdd.versi if versi is None else versi
    with atomic_dengan_berkas():
        locked = Ksdd.objects.select_for_update().select_related("bentuk").get(pk=ksdd.pk)
        if user is not None and not boleh(user, transisi, locked):
            raise PermissionDenied(
                _("Anda tidak berwenang melakukan \u201c%s\u201d pada KSDD ini.") % transisi.label
            )
        if locked.versi != expected:
            raise ConflictError()
        tolak_jika(transisi.hambatan_penuh(locked, mitra))
        step = Langkah(ksdd=locked, transisi=transisi)
        dari = locked.status
        yield step
        ke = step.ke or dari
        riwayat = RiwayatTahap.objects.create(
            ksdd=locked,
            aksi=nama,
            dari=dari,
            ke=ke,
            oleh=user,
            alasan=step.alasan,
            rule=step.rule,
            data=step.data,
        )
        if step.berkas:
            riwayat.berkas.set(step.berkas)
        # The clocks this step starts, meets or stops (deadlines/pemicu.py), in the
        # same transaction: a refused step leaves no clock behind.
        tenggat_setelah_langkah(ksdd=locked, riwayat=riwayat)
        if ke != dari:
            transaction.on_commit(lambda: _kabari(riwayat.pk))
        locked.status = ke
        locked.versi += 1
        locked.save(update_fields=["status", "versi", "diubah_pada"])
    ksdd.status, ksdd.versi = locked.status, locked.versi
