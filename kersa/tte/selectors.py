"""Reads of the electronic signature: the KSDD page's panel and the public page."""

from __future__ import annotations

from dataclasses import dataclass, field

from kersa.documents.choices import JenisDokumen
from kersa.documents.models import Dokumen, VersiDokumen

from .models import KodeVerifikasi, TandaTanganTte, ValidasiTte

# Every kind the electronic signature covers (services.PENANDA: who signs each).
JENIS_TTE = tuple(JenisDokumen)


@dataclass
class DokumenTte:
    dokumen: Dokumen
    kode: str | None
    tanda_tangan: list = field(default_factory=list)
    validasi: list = field(default_factory=list)  # (versi, latest ValidasiTte)


def tte_ksdd(ksdd) -> list[DokumenTte]:
    """The KSDD's documents (every kind ``services.PENANDA`` signs) with their electronic signatures and the latest
    validation of each signed version: one query without a validated version, three
    with, whatever their number."""
    dokumen = list(
        Dokumen.objects.filter(ksdd=ksdd, jenis__in=JENIS_TTE)
        .select_related("kode_verifikasi")
        .order_by("jenis", "id")
    )
    if not dokumen:
        return []
    val = {}
    for v in ValidasiTte.objects.filter(versi__dokumen__in=dokumen).select_related("versi"):
        lama = val.get(v.versi_id)
        if lama is None or (v.divalidasi_pada, v.id) > (lama.divalidasi_pada, lama.id):
            val[v.versi_id] = v
    ttd = []
    if val:  # every signature made in KERSA is validated at once
        ttd = list(TandaTanganTte.objects.filter(dokumen__in=dokumen).select_related("versi"))
    hasil = []
    for d in dokumen:
        kode = getattr(d, "kode_verifikasi", None)
        hasil.append(
            DokumenTte(
                dokumen=d,
                kode=kode.kode if kode else None,
                tanda_tangan=[t for t in ttd if t.dokumen_id == d.pk],
                validasi=sorted(
                    (v for v in val.values() if v.versi.dokumen_id == d.pk),
                    key=lambda v: v.versi.nomor,
                ),
            )
        )
    return hasil


@dataclass
class Verifikasi:
    dokumen: Dokumen
    versi: VersiDokumen | None
    validasi: ValidasiTte | None
    tanda_tangan: list


def verifikasi_kode(kode: str) -> Verifikasi | None:
    """What the public page shows for ``kode``: the latest signed version, its latest
    validation and the signatures KERSA recorded (title, number, names, offices, times)."""
    k = KodeVerifikasi.objects.select_related("dokumen").filter(kode=kode.upper()).first()
    if k is None:
        return None
    versi = (
        VersiDokumen.objects.filter(dokumen=k.dokumen, validasi_tte__isnull=False)
        .select_related("berkas")
        .order_by("-nomor")
        .first()
    )
    validasi = versi.validasi_tte.order_by("-divalidasi_pada", "-id").first() if versi else None
    ttd = list(TandaTanganTte.objects.filter(dokumen=k.dokumen).order_by("versi__nomor"))
    return Verifikasi(k.dokumen, versi, validasi, ttd)


def versi_bertanda_dengan_sha(dokumen: Dokumen, sha: str) -> VersiDokumen | None:
    return (
        VersiDokumen.objects.filter(
            dokumen=dokumen, berkas__sha256=sha.lower(), validasi_tte__isnull=False
        )
        .distinct()
        .order_by("-nomor")
        .first()
    )
