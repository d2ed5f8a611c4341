"""``{% dokumen_ksdd ksdd as dk %}``: what the "Dokumen" section of the KSDD page shows
(documents, versions, compare links, the compliance report of the agreed KB and PKS),
loaded with a fixed number of queries whatever the number of documents and versions."""

from __future__ import annotations

from django import template
from django.db.models import prefetch_related_objects

from kersa.agreements.choices import Status
from kersa.agreements.models import PersetujuanDprdPerubahan

from ..choices import AsalVersi
from ..forms import ASAL_UNGGAH
from ..selectors import dokumen_ksdd as _dokumen_ksdd
from ..selectors import laporan_disepakati
from ..services.versi import boleh_tambah_versi
from ..validators import DOCX
from ..views.hasilkan import pilihan_hasilkan

register = template.Library()

_LABEL_NASKAH = {"kb": "Kesepakatan Bersama", "pks": "Perjanjian Kerja Sama"}


@register.simple_tag(takes_context=True)
def dokumen_ksdd(context, ksdd) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    dokumen = _dokumen_ksdd(ksdd)
    for d in dokumen:
        d.daftar_versi = list(d.versi.all())
        sebelumnya = None
        for v in d.daftar_versi:
            v.docx = v.berkas.content_type == DOCX
            v.banding = (
                sebelumnya.nomor if sebelumnya is not None and sebelumnya.docx and v.docx else None
            )
            sebelumnya = v
    prefetch_related_objects([ksdd], "naskah")
    ada_naskah = {n.jenis for n in ksdd.naskah.all()}
    # The draft sent to DPRD alone (P22-2) is not yet an agreed text to check.
    ada_naskah |= {
        d.jenis
        for d in dokumen
        if d.jenis in _LABEL_NASKAH
        and any(v.asal != AsalVersi.RANCANGAN_DPRD for v in d.daftar_versi)
    }
    laporan = []
    for jenis in ("kb", "pks"):
        if jenis not in ada_naskah:
            continue
        berkas, lap, alasan = laporan_disepakati(ksdd, jenis, dokumen=dokumen)
        laporan.append(
            {
                "jenis": jenis,
                "label": _LABEL_NASKAH[jenis],
                "berkas": berkas,
                "laporan": lap,
                "alasan": alasan,
            }
        )
    jenis_ada = {d.jenis for d in dokumen}
    hasilkan = pilihan_hasilkan(ksdd)

    persetujuan_perubahan = []
    if ksdd.status == Status.PELAKSANAAN:
        # P25-7: the recorded DPRD approvals of amendments not yet used by a version.

        persetujuan_perubahan = list(
            PersetujuanDprdPerubahan.objects.filter(ksdd=ksdd, versi__isnull=True).order_by(
                "tanggal", "id"
            )
        )
    return {
        "dokumen": dokumen,
        "laporan": laporan,
        "boleh_unggah": user is not None
        and user.is_authenticated
        and boleh_tambah_versi(user, ksdd),
        "naskah_baru": [(j, label) for j, label in _LABEL_NASKAH.items() if j not in jenis_ada],
        "asal_pilihan": ASAL_UNGGAH,
        "persetujuan_perubahan": persetujuan_perubahan,
        "hasilkan": hasilkan,
    }
