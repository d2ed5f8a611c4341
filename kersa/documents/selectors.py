"""Reads of the documents room: a KSDD's documents with their versions, the agreed
draft of its KB or PKS and the compliance report on it (P11, P12, P26)."""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, RuleViolation

from .choices import AsalVersi
from .models import Berkas, Dokumen, VersiDokumen
from .pemeriksa import (
    IsianTtd,
    Laporan,
    kutip,
    laporan_berkas,
    nomor_tidak_tertulis,
    rekaman_ksdd,
)
from .validators import DOCX

__all__ = [
    "berkas_disepakati",
    "dokumen_ksdd",
    "hambatan_naskah",
    "laporan_disepakati",
]

_SEBUTAN = {"kb": "Kesepakatan Bersama", "pks": "PKS"}
_PASAL = {"kb": "Pasal 11 ayat 1", "pks": "Pasal 12 ayat 1"}
_PASAL_FORMAT = {"kb": "Pasal 11 ayat 3", "pks": "Pasal 12 ayat 5"}


def dokumen_ksdd(ksdd) -> list[Dokumen]:
    """The KSDD's documents, each with ``versi`` prefetched (oldest first, with file and
    author): two queries whatever the number of documents and versions."""
    versi = VersiDokumen.objects.select_related("berkas", "dibuat_oleh").order_by("nomor")
    return list(
        Dokumen.objects.filter(ksdd=ksdd)
        .order_by("jenis", "id")
        .prefetch_related(Prefetch("versi", queryset=versi))
    )


def berkas_disepakati(ksdd, jenis: str, *, dokumen=None) -> Berkas | None:
    """The agreed text of the KSDD's KB or PKS: the latest version marked ``disepakati``
    of its document of that kind, else the draft recorded at the agreeing step.
    ``dokumen``: the KSDD's documents as ``dokumen_ksdd`` read them (no query then)."""
    if dokumen is not None:
        disepakati = [
            v
            for d in dokumen
            if d.jenis == jenis
            for v in d.versi.all()
            if v.asal == AsalVersi.DISEPAKATI
        ]
        versi = max(disepakati, key=lambda v: v.id, default=None)
    else:
        versi = (
            VersiDokumen.objects.filter(
                dokumen__ksdd=ksdd, dokumen__jenis=jenis, asal=AsalVersi.DISEPAKATI
            )
            .select_related("berkas")
            .order_by("-id")
            .first()
        )
    if versi is not None:
        return versi.berkas
    naskah = next((n for n in ksdd.naskah.all() if n.jenis == jenis), None)
    return naskah.berkas_rancangan if naskah else None


def _dihasilkan(ksdd, jenis: str, berkas: Berkas, dokumen=None) -> bool:
    """Whether ``berkas`` is a version KERSA generated of this KSDD's KB or PKS (its own
    text, unedited: the signing blanks are the generator's, ``isian_ttd``)."""
    if dokumen is not None:
        return any(
            v.asal == AsalVersi.DIHASILKAN and v.berkas.sha256 == berkas.sha256
            for d in dokumen
            if d.jenis == jenis
            for v in d.versi.all()
        )
    return VersiDokumen.objects.filter(
        dokumen__ksdd=ksdd,
        dokumen__jenis=jenis,
        asal=AsalVersi.DIHASILKAN,
        berkas__sha256=berkas.sha256,
    ).exists()


def _isian_ttd(ksdd, jenis: str, ttd: IsianTtd | None) -> IsianTtd:
    """The signing values: those the signing step is about to record, else the recorded
    ones (date, place, each party's number in order), else none yet."""
    if ttd is not None:
        return ttd
    naskah = next((n for n in ksdd.naskah.all() if n.jenis == jenis), None)
    if naskah is None or naskah.tanggal_ditandatangani is None:
        return IsianTtd()
    return IsianTtd(
        naskah.tanggal_ditandatangani,
        naskah.tempat_penandatanganan,
        tuple(p.nomor_naskah for p in naskah.penandatangan.order_by("urutan")),
    )


def laporan_disepakati(
    ksdd, jenis: str, *, ditandatangani=None, dokumen=None, ttd: IsianTtd | None = None
) -> tuple[Berkas | None, Laporan | None, str]:
    """(agreed file, its report, why there is no report). ``ditandatangani``: the signing
    date the signing step is about to record (else the recorded one, if any);
    ``dokumen``: the KSDD's documents already read (``dokumen_ksdd``); ``ttd``: the
    signing form's values, which fill the signing blanks of a draft KERSA generated
    (``isian_ttd``; else the recorded ones)."""
    berkas = berkas_disepakati(ksdd, jenis, dokumen=dokumen)
    sebutan = _SEBUTAN[jenis]
    if berkas is None:
        return None, None, _("Rancangan %s yang disepakati belum dicatat.") % sebutan
    if berkas.content_type != DOCX:
        return (
            berkas,
            None,
            _(
                "Rancangan %(s)s yang disepakati hanya tersedia sebagai PDF; unggah naskah DOCX "
                "yang disepakati sebagai versi baru (asal: naskah yang disepakati) agar "
                "bagian-bagiannya dapat diperiksa (%(pasal)s)."
            )
            % {"s": sebutan, "pasal": _PASAL[jenis]},
        )
    try:
        laporan = laporan_berkas(
            berkas=berkas,
            jenis=jenis,
            rekaman=rekaman_ksdd(ksdd, jenis, ditandatangani=ditandatangani),
            ttd=_isian_ttd(ksdd, jenis, ttd) if _dihasilkan(ksdd, jenis, berkas, dokumen) else None,
        )
    except (RuleViolation, FileNotFoundError, OSError):
        return (
            berkas,
            None,
            _("Rancangan %s yang disepakati tidak dapat dibaca; unggah ulang naskah DOCX.")
            % sebutan,
        )
    return berkas, laporan, ""


def hambatan_naskah(
    ksdd, jenis: str, *, tanggal=None, nomor=(), tempat: str = ""
) -> list[Pelanggaran]:
    """P11 / P12 BLOCK: what in the agreed KB or PKS stops its signing: a missing part
    (a part that is only a placeholder is missing), a placeholder left anywhere, a
    komparisi whose day and date are blank, unreadable, not that day's weekday or not the
    signing date (``tanggal``, the date the signing step is about to record; without it
    the recorded signing date, if any), parties or duration that disagree with the record,
    document numbers entered at signing (``nomor``) that its title block does not carry.
    A draft KERSA generated is read with its signing blanks filled from ``tanggal``,
    ``nomor`` and ``tempat`` (``isian_ttd``). Each finding quotes the text it read."""
    rule = "P12" if jenis == "pks" else "P11"
    sebutan = _SEBUTAN[jenis]
    ttd = IsianTtd(tanggal, tempat, tuple(nomor)) if tanggal else None
    _berkas, laporan, alasan = laporan_disepakati(ksdd, jenis, ditandatangani=tanggal, ttd=ttd)
    if laporan is None:
        return [Pelanggaran(rule, alasan)]
    found = []
    if laporan.kurang:
        found.append(
            Pelanggaran(
                rule,
                _("Rancangan %(s)s yang disepakati belum memuat bagian: %(bagian)s (%(pasal)s).")
                % {
                    "s": sebutan,
                    "bagian": laporan.daftar_kurang,
                    "pasal": _PASAL[jenis],
                },
            )
        )
    for d in laporan.data:
        if d.lulus is False:
            found.append(
                Pelanggaran(
                    d.rule,
                    _("Rancangan %(s)s yang disepakati: %(detail)s")
                    % {"s": sebutan, "detail": d.keterangan},
                    # the signing date entered in the signing step is what disagrees
                    field="tanggal" if tanggal and d.kode == "komparisi_tanggal" else None,
                )
            )
    hilang = nomor_tidak_tertulis(laporan, list(nomor))
    if hilang:
        tertulis = "; ".join(kutip(b) for b in laporan.nomor)
        found.append(
            Pelanggaran(
                rule,
                _(
                    "Rancangan %(s)s yang disepakati tidak memuat nomor naskah %(nomor)s yang "
                    "dicatat pada penandatanganan; tertulis %(tertulis)s (%(pasal)s)."
                )
                % {
                    "s": sebutan,
                    "nomor": ", ".join(hilang),
                    "tertulis": tertulis or _("tidak ada baris “Nomor:”"),
                    "pasal": _PASAL_FORMAT[jenis],
                },
                field="penandatangan",
            )
        )
    return found
