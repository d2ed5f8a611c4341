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
from django.utils.translation import gettext_lazy as _l

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


@dataclass(frozen=True)
class Transisi:
    """One step of the workflow."""

    nama: str
    label: Promise
    sumber: frozenset[str]
    izin: str
    prasyarat: tuple[Callable[[Ksdd], list[Pelanggaran]], ...] = field(default=())
    pemrakarsa: str | None = None  # only for KSDD initiated by this party

    def berlaku_untuk(self, ksdd: Ksdd) -> bool:
        return ksdd.status in self.sumber and self.pemrakarsa in (None, ksdd.pemrakarsa)

    def hambatan(self, ksdd: Ksdd) -> list[Pelanggaran]:
        return [p for check in self.prasyarat for p in check(ksdd)]

    def hambatan_penuh(self, ksdd: Ksdd) -> list[Pelanggaran]:
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
        return self.hambatan(ksdd)


_BELUM_BERAKHIR = frozenset(s for s in Status.values if s not in STATUS_AKHIR)

TRANSISI: dict[str, Transisi] = {
    t.nama: t
    for t in [
        Transisi(
            "ajukan_kak",
            _l("Ajukan KAK kepada TKKSD"),
            frozenset({Status.PENYUSUNAN_KAK}),
            "ajukan_kak",
            (_kak_siap,),
        ),
        Transisi(
            "catat_petunjuk_tertulis",
            _l("Catat petunjuk tertulis"),
            frozenset({Status.KAK_DIAJUKAN}),
            "catat_petunjuk_tertulis",
        ),
        Transisi(
            "catat_telaah",
            _l("Catat hasil telaah KAK"),
            frozenset({Status.TELAAH_TKKSD}),
            "catat_telaah",
        ),
        Transisi(
            "catat_penawaran",
            _l("Catat surat penawaran"),
            frozenset({Status.MENYIAPKAN_PENAWARAN}),
            "catat_penawaran",
        ),
        Transisi(
            "catat_rekomendasi_pleno",
            _l("Catat rekomendasi Rapat Pleno"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_rekomendasi_pleno",
            pemrakarsa=Pemrakarsa.MITRA,
        ),
        Transisi(
            "catat_tanggapan",
            _l("Catat tanggapan atas penawaran"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_tanggapan",
            (_pleno_ada,),
        ),
        Transisi(
            "sepakati_rancangan_kb",
            _l("Catat rancangan Kesepakatan Bersama yang disepakati"),
            frozenset({Status.PENYUSUNAN_KB}),
            "kelola_kb",
            (_penerimaan_diterima,),
        ),
        Transisi(
            "tandatangani_kb",
            _l("Catat penandatanganan Kesepakatan Bersama"),
            frozenset({Status.PENANDATANGANAN_KB}),
            "tandatangani_kb",
            (_naskah_kb_lengkap,),
        ),
        Transisi(
            "ajukan_persetujuan_dprd",
            _l("Catat permohonan Persetujuan DPRD"),
            frozenset({Status.PERMOHONAN_DPRD, Status.PENYUSUNAN_PKS, Status.PENANDATANGANAN_PKS}),
            "kelola_dprd",
            (_dprd_diperlukan, _kb_ditandatangani),
        ),
        Transisi(
            "catat_persetujuan_dprd",
            _l("Catat Persetujuan DPRD"),
            frozenset({Status.MENUNGGU_DPRD}),
            "catat_persetujuan_dprd",
        ),
        # Status-preserving steps of the clocks (deadlines/pemicu.py): P16-5, P16-6,
        # P18-2, P22-1b…e. They record a letter; the KSDD stays where it is.
        Transisi(
            "catat_permintaan_kedua",
            _l("Catat permintaan tanggapan kedua"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_penawaran",
        ),
        Transisi(
            "catat_laporan_gubernur",
            _l("Catat laporan kepada Gubernur"),
            frozenset({Status.MENUNGGU_TANGGAPAN}),
            "catat_penawaran",
            pemrakarsa=Pemrakarsa.DAERAH,
        ),
        Transisi(
            "catat_jawaban_dprd",
            _l("Catat jawaban pimpinan DPRD"),
            frozenset({Status.MENUNGGU_DPRD}),
            "kelola_dprd",
        ),
        Transisi(
            "catat_telaahan_dprd",
            _l("Catat telaahan DPRD atas rancangan PKS"),
            frozenset({Status.MENUNGGU_DPRD}),
            "kelola_dprd",
        ),
        Transisi(
            "catat_tindak_lanjut_telaahan",
            _l("Catat tindak lanjut Bupati atas telaahan DPRD"),
            frozenset({Status.MENUNGGU_DPRD}),
            "kelola_dprd",
        ),
        # P22-3: DPRD refuses; back to the request (revision) or the KSDD ends.
        Transisi(
            "catat_penolakan_dprd",
            _l("Catat penolakan DPRD"),
            frozenset({Status.MENUNGGU_DPRD}),
            "kelola_dprd",
        ),
        Transisi(
            "sepakati_rancangan_pks",
            _l("Catat rancangan PKS yang disepakati"),
            frozenset({Status.PENYUSUNAN_PKS}),
            "kelola_pks",
        ),
        Transisi(
            "tandatangani_pks",
            _l("Catat penandatanganan PKS"),
            frozenset({Status.PENANDATANGANAN_PKS}),
            "tandatangani_pks",
            (_dprd_terpenuhi, _naskah_pks_lengkap),
        ),
        # P25-7: DPRD's approval of an amendment that adds a burden, during pelaksanaan;
        # the KSDD stays where it is, the amendment version then rests on it.
        Transisi(
            "catat_persetujuan_dprd_perubahan",
            _l("Catat Persetujuan DPRD atas perubahan PKS"),
            frozenset({Status.PELAKSANAAN}),
            "catat_persetujuan_dprd",
        ),
        Transisi(
            "akhiri",
            _l("Akhiri kerja sama"),
            frozenset({Status.PELAKSANAAN}),
            "akhiri_ksdd",
        ),
        Transisi(
            "batalkan",
            _l("Batalkan KSDD"),
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
def langkah(*, ksdd: Ksdd, nama: str, user, versi: int | None = None) -> Iterator[Langkah]:
    """Run one step atomically on a locked KSDD and log it. ``user=None`` is the system."""
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
        tolak_jika(transisi.hambatan_penuh(locked))
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
