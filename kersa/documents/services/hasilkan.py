"""Generate a document of a KSDD as DOCX (docxtpl) and keep it as a new version.

``dokumen_hasilkan`` reads the record (``konteks.konteks_bangun``), renders the
template of ``templat/`` with autoescaping, stores the file as an immutable
``Berkas`` (SHA-256) and appends a ``VersiDokumen`` (asal DIHASILKAN) to the
``Dokumen`` of that KSDD, kind and partner. The first generation of a document
gives it its number (``penomoran.nomor_berikan``); later versions keep it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements.choices import JenisNaskah
from kersa.agreements.models import Ksdd
from kersa.agreements.selectors import ksdd_dapat_dilihat
from kersa.agreements.workflow import TRANSISI
from kersa.core.errors import Pelanggaran, RuleViolation
from kersa.core.format import bahasa_dokumen
from kersa.regions.models import Wilayah
from kersa.regions.selectors import wilayah_daerah

from ..choices import AsalVersi, JenisBerkas, JenisDokumen
from ..konteks import JENIS_PER_MITRA, TEMPLAT, jenis_berlaku, konteks_bangun, mitra_pilihan
from ..models import Dokumen, VersiDokumen
from ..templat_contoh import templat_bawaan
from ..validators import DOCX
from .berkas import atomic_dengan_berkas, berkas_unggah
from .isi import docx_render
from .penomoran import nomor_berikan
from .versi import versi_dari_berkas

__all__ = ["dokumen_hasilkan", "rangkap_paraf_hierarki", "templat_untuk"]

_JENIS_BERKAS = {
    JenisDokumen.KB: JenisBerkas.RANCANGAN_KB,
    JenisDokumen.PKS: JenisBerkas.RANCANGAN_PKS,
    JenisDokumen.SURAT_PENAWARAN: JenisBerkas.SURAT_PENAWARAN,
    JenisDokumen.SURAT_TANGGAPAN: JenisBerkas.SURAT_TANGGAPAN,
    JenisDokumen.PERMOHONAN_DPRD: JenisBerkas.PERMOHONAN_DPRD,
    JenisDokumen.SURAT_KUASA: JenisBerkas.SURAT_KUASA,
}


def templat_untuk(jenis: str) -> Path:
    """The template shipped for ``jenis`` (an upload may replace it: ``templat.templat_data``)."""
    return TEMPLAT / templat_bawaan(jenis)


def _tolak(rule: str, detail, field: str | None = None) -> RuleViolation:
    return RuleViolation(Pelanggaran(rule, detail, field=field))


def _periksa(ksdd: Ksdd, jenis: str, mitra: Wilayah | None) -> None:
    if jenis not in jenis_berlaku(ksdd):
        raise _tolak(
            "P13",
            _(
                "%(jenis)s tidak dapat dibuat untuk KSDD pada tahap %(tahap)s; setiap dokumen "
                "dibuat pada tahapannya (Pasal 13)."
            )
            % {"jenis": JenisDokumen(jenis).label, "tahap": ksdd.tahap_label},
            "jenis",
        )
    if jenis in JENIS_PER_MITRA:
        if mitra is None or mitra.kode not in {m.kode for m in mitra_pilihan(ksdd)}:
            raise _tolak(
                "P16-3",
                _(
                    "Pilih daerah mitra KSDD ini yang dituju surat tersebut (Pasal 16 ayat 3, "
                    "Pasal 18)."
                ),
                "mitra",
            )
    elif mitra is not None:
        raise _tolak("P13", _("Dokumen ini tidak ditujukan kepada satu daerah mitra."), "mitra")
    langkah = _LANGKAH_SURAT.get(jenis)
    if langkah:
        hambatan = TRANSISI[langkah].hambatan_penuh(ksdd, mitra.kode if mitra else None)
        if hambatan:
            raise RuleViolation(hambatan)


# A letter that records a step is generated only when that step's preconditions hold, the
# very check the step's service runs (workflow.Transisi.hambatan): the report to the
# Gubernur only once the second request is recorded and its 15 days have passed, for an
# offer still unanswered and not reported before (P16-6).
_LANGKAH_SURAT = {JenisDokumen.LAPORAN_GUBERNUR: "catat_laporan_gubernur"}


def _judul(ksdd: Ksdd, jenis: str, mitra: Wilayah | None) -> str:
    label = str(JenisDokumen(jenis).label).split(" (")[0]
    tujuan = f" — {mitra.nama_lengkap}" if mitra else ""
    return f"{label}{tujuan}: {ksdd.judul}"[:300]


def _nomor_naskah_daerah(ksdd: Ksdd, jenis: str) -> str:
    """The home region's number on a signed KB/PKS (kept on the Penandatangan)."""
    if jenis not in (JenisDokumen.KB, JenisDokumen.PKS):
        return ""
    naskah = ksdd.naskah.filter(jenis=JenisNaskah(jenis)).first()
    if naskah is None:
        return ""
    pt = naskah.penandatangan.filter(wilayah=wilayah_daerah()).first()
    return pt.nomor_naskah if pt else ""


def _nama_berkas(ksdd: Ksdd, jenis: str, mitra: Wilayah | None, versi: int) -> str:
    bagian = [jenis, ksdd.nomor_register, mitra.kode if mitra else "", f"v{versi}"]
    nama = "-".join(re.sub(r"[^\w.]+", "-", b).strip("-") for b in bagian if b)
    return f"{nama}.docx"


@bahasa_dokumen
def dokumen_hasilkan(
    *, ksdd: Ksdd, jenis: str, user, mitra: Wilayah | None = None, isian: dict | None = None
) -> VersiDokumen:
    """Generate ``jenis`` for ``ksdd`` (addressed to ``mitra`` for the per-partner
    letters) and store it as the next version of its Dokumen. ``isian`` holds what the
    drafter wrote (see ``konteks_bangun``); ``isian["tanggal"]`` dates the document."""
    jenis = JenisDokumen(jenis)
    if not (user.has_perm("agreements.change_ksdd") and ksdd_dapat_dilihat(user, ksdd)):
        raise PermissionDenied(_("Anda tidak berwenang membuat dokumen KSDD ini."))
    isian = dict(isian or {})
    with atomic_dengan_berkas():
        ksdd = Ksdd.objects.select_for_update().get(pk=ksdd.pk)
        _periksa(ksdd, jenis, mitra)
        dokumen = Dokumen.objects.filter(ksdd=ksdd, jenis=jenis, mitra=mitra).first()
        if dokumen is None:
            dokumen = Dokumen.objects.create(
                ksdd=ksdd,
                jenis=jenis,
                mitra=mitra,
                judul=_judul(ksdd, jenis, mitra),
                dibuat_oleh=user,
            )
        if not dokumen.nomor:
            tanggal: dt.date = isian.get("tanggal") or timezone.localdate()
            dokumen.nomor = _nomor_naskah_daerah(ksdd, jenis) or (
                nomor_berikan(jenis=jenis, tahun=tanggal.year, user=user, dokumen=dokumen).nomor
            )
            dokumen.save(update_fields=["nomor"])
        konteks = konteks_bangun(
            ksdd=ksdd, jenis=jenis, mitra=mitra, isian=isian, nomor=dokumen.nomor
        )
        data = docx_render(jenis, konteks)
        terakhir = dokumen.versi.select_related("berkas").order_by("-nomor").first()
        if terakhir and terakhir.berkas.sha256 == hashlib.sha256(data).hexdigest():
            return terakhir  # nothing changed since the last generation: no new version
        berikut = (terakhir.nomor if terakhir else 0) + 1
        berkas = berkas_unggah(
            ksdd=ksdd,
            jenis=_JENIS_BERKAS.get(jenis, JenisBerkas.LAINNYA),
            upload=SimpleUploadedFile(
                _nama_berkas(ksdd, jenis, mitra, berikut), data, content_type=DOCX
            ),
            user=user,
        )
        return versi_dari_berkas(
            dokumen=dokumen,
            berkas=berkas,
            user=user,
            asal=AsalVersi.DIHASILKAN,
            catatan=_("Dihasilkan dari data KSDD %(nomor)s.") % {"nomor": ksdd.nomor_register},
        )


# P20-4, P24-4: the kinds signed in originals, one more of which carries the paraf hierarki.
JENIS_RANGKAP_PARAF = frozenset({JenisDokumen.KB, JenisDokumen.PKS, JenisDokumen.ADDENDUM})


@bahasa_dokumen
def rangkap_paraf_hierarki(*, dokumen: Dokumen, user) -> bytes:
    """P20-4, P24-4: the extra original of a KB, PKS or addendum — the document as it is
    generated from the record under its number, with the paraf hierarki box (No.,
    Jabatan, Paraf, Tanggal) after the signatures. A print copy of the same text: no
    version is stored."""
    ksdd = dokumen.ksdd
    if ksdd is None or not ksdd_dapat_dilihat(user, ksdd):
        raise PermissionDenied(_("Anda tidak berwenang melihat dokumen KSDD ini."))
    if dokumen.jenis not in JENIS_RANGKAP_PARAF:
        raise _tolak(
            "P20-4",
            _(
                "Rangkap berisi paraf hierarki hanya dibuat untuk Kesepakatan Bersama dan "
                "Perjanjian Kerja Sama (Pasal 20 ayat 4, Pasal 24 ayat 4)."
            ),
        )
    konteks = konteks_bangun(
        ksdd=ksdd, jenis=dokumen.jenis, isian={"rangkap_paraf": True}, nomor=dokumen.nomor
    )
    return docx_render(dokumen.jenis, konteks)
