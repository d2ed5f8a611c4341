"""Reads of guidance (Pasal 44), association memberships (Pasal 43), the Sekretariat
Kerja Sama (Pasal 40–41) and funding assistance (Pasal 31).

``sekretariat_memenuhi_syarat`` says, condition by condition, whether a KSDD qualifies
for a Sekretariat Kerja Sama (Pasal 40 ayat 2; P40-2). How each condition is read:

* **Kerja Sama Wajib** — ``ksdd.kategori``.
* **terus-menerus** (huruf a) — the regulation gives no measure and the KSDD record has
  no field for it. The system requires that the KSDD is in, or still heading to,
  pelaksanaan (not ditolak, dibatalkan or diakhiri); the clerk confirms the continuity
  itself when recording a Sekretariat (``terus_menerus``). Without that answer (the KSDD
  page) the condition shows as met with "to be confirmed" in its reason.
* **kompleksitas tinggi** (huruf b) — more than two regions (we plus at least two
  partners) and/or more than two objects (read as more than two urusan).
* **paling singkat 5 tahun** (huruf c) — the signed PKS period when there is one,
  otherwise ``jangka_waktu_bulan`` ≥ 60.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements.choices import STATUS_AKHIR, JenisNaskah, Kategori
from kersa.agreements.models import BantuanPendanaan, Ksdd, Naskah
from kersa.agreements.selectors import ksdd_visible_to

from ..models import (
    KeanggotaanAsosiasi,
    KegiatanPembinaan,
    RiwayatKeanggotaan,
    SekretariatKerjaSama,
)

__all__ = [
    "Syarat",
    "bantuan_pendanaan_daftar",
    "keanggotaan_daftar",
    "kegiatan_pembinaan_daftar",
    "sekretariat_daftar",
    "sekretariat_layak",
    "sekretariat_memenuhi_syarat",
    "tambah_tahun",
]

MINIMUM_TAHUN = 5


@dataclass(frozen=True)
class Syarat:
    """One condition of Pasal 40 ayat 2, met or not, and why."""

    kode: str
    label: str
    terpenuhi: bool
    alasan: str


def tambah_tahun(tanggal: dt.date, n: int) -> dt.date:
    """The same day ``n`` years later (29 February → 28 February)."""
    try:
        return tanggal.replace(year=tanggal.year + n)
    except ValueError:
        return tanggal.replace(year=tanggal.year + n, day=28)


def _pks_ditandatangani(ksdd: Ksdd) -> Naskah | None:
    # Through ksdd.naskah, so the KSDD page's prefetch (agreements.selectors) serves it.
    return next(
        (
            n
            for n in ksdd.naskah.all()
            if n.jenis == JenisNaskah.PKS and n.tanggal_ditandatangani is not None
        ),
        None,
    )


def _syarat_jangka_waktu(ksdd: Ksdd) -> Syarat:
    label = _("c. Jangka waktu kerja sama paling singkat 5 (lima) tahun")
    pks = _pks_ditandatangani(ksdd)
    if pks is not None:
        # A PKS from 1 January 2026 to 31 December 2030 runs five full years.
        cukup = pks.tanggal_berakhir + dt.timedelta(days=1) >= tambah_tahun(
            pks.tanggal_mulai, MINIMUM_TAHUN
        )
        alasan = _("PKS yang ditandatangani berlaku %(mulai)s sampai %(akhir)s.") % {
            "mulai": pks.tanggal_mulai.strftime("%d-%m-%Y"),
            "akhir": pks.tanggal_berakhir.strftime("%d-%m-%Y"),
        }
        return Syarat("c", label, cukup, alasan)
    bulan = ksdd.jangka_waktu_bulan
    if not bulan:
        return Syarat("c", label, False, _("Jangka waktu KSDD belum diisi."))
    return Syarat(
        "c",
        label,
        bulan >= MINIMUM_TAHUN * 12,
        _("Jangka waktu KSDD %(n)s bulan (PKS belum ditandatangani).") % {"n": bulan},
    )


def sekretariat_memenuhi_syarat(ksdd: Ksdd, *, terus_menerus: bool | None = None) -> list[Syarat]:
    """Each condition of Pasal 40 ayat 2 (P40-2) for this KSDD, met or not, with why.

    ``terus_menerus`` is the clerk's answer to huruf a (None: not asked yet)."""
    wajib = ksdd.kategori == Kategori.WAJIB
    hasil = [
        Syarat(
            "wajib",
            _("Kerja Sama Wajib"),
            wajib,
            _("Kategori KSDD: %(k)s.") % {"k": ksdd.get_kategori_display()},
        )
    ]

    berjalan = ksdd.status not in STATUS_AKHIR
    label_a = _("a. Dilakukan secara terus-menerus")
    if not berjalan:
        hasil.append(
            Syarat(
                "a",
                label_a,
                False,
                _("KSDD telah berakhir (%(s)s).") % {"s": ksdd.get_status_display()},
            )
        )
    elif terus_menerus is None:
        hasil.append(
            Syarat(
                "a",
                label_a,
                True,
                _(
                    "KSDD sedang atau menuju pelaksanaan (%(s)s); kesinambungannya "
                    "dikonfirmasi saat mencatat Sekretariat."
                )
                % {"s": ksdd.get_status_display()},
            )
        )
    else:
        hasil.append(
            Syarat(
                "a",
                label_a,
                terus_menerus,
                _("Dinyatakan terus-menerus oleh pencatat.")
                if terus_menerus
                else _("Dinyatakan tidak terus-menerus oleh pencatat."),
            )
        )

    jumlah_mitra = ksdd.mitra.count()
    jumlah_urusan = ksdd.urusan.count()
    hasil.append(
        Syarat(
            "b",
            _("b. Kompleksitas tinggi: lebih dari 2 daerah dan/atau lebih dari 2 objek"),
            jumlah_mitra + 1 > 2 or jumlah_urusan > 2,
            _("%(d)s daerah (termasuk Kabupaten Barito Selatan), %(u)s urusan/objek.")
            % {"d": jumlah_mitra + 1, "u": jumlah_urusan},
        )
    )
    hasil.append(_syarat_jangka_waktu(ksdd))
    return hasil


def sekretariat_layak(syarat: list[Syarat]) -> bool:
    return all(s.terpenuhi for s in syarat)


def sekretariat_daftar(*, user) -> QuerySet[SekretariatKerjaSama]:
    """The Sekretariat Kerja Sama of the KSDD ``user`` may see (``ksdd_visible_to``)."""

    return (
        SekretariatKerjaSama.objects.filter(ksdd__in=ksdd_visible_to(user))
        .select_related("ksdd", "ksdd__perangkat_daerah", "terus_menerus_oleh")
        .order_by("-tanggal_kesepakatan")
    )


def bantuan_pendanaan_daftar(ksdd: Ksdd) -> QuerySet[BantuanPendanaan]:
    return (
        BantuanPendanaan.objects.filter(ksdd=ksdd)
        .select_related("mitra", "perangkat_daerah")
        .order_by("-tahun_anggaran", "-dicatat_pada")
    )


def keanggotaan_daftar(*, aktif: bool | None = None, pada: dt.date | None = None):
    """Memberships (P43) with their history; ``aktif`` True: not ended on ``pada``
    (today) — running, or starting later — False: ended before it."""
    qs = KeanggotaanAsosiasi.objects.prefetch_related(
        Prefetch("riwayat", queryset=RiwayatKeanggotaan.objects.select_related("oleh"))
    )
    if aktif is None:
        return qs
    pada = pada or timezone.localdate()
    return qs.exclude(selesai__lt=pada) if aktif else qs.filter(selesai__lt=pada)


def kegiatan_pembinaan_daftar(*, user, tahun: int | None = None, bentuk: str = ""):
    """The guidance activities (P44); each lists only the KSDD discussed that ``user``
    may see (``ksdd_visible_to``): another agency's draft shows no number here."""

    qs = KegiatanPembinaan.objects.prefetch_related(
        "peserta", Prefetch("ksdd", queryset=ksdd_visible_to(user))
    )
    if tahun:
        qs = qs.filter(tanggal__year=tahun)
    if bentuk:
        qs = qs.filter(bentuk=bentuk)
    return qs
