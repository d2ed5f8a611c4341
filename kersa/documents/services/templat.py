"""The Word templates of the document kinds: the shipped DOCX of ``documents/templat/``,
replaced per kind by an administrator's upload (``TemplatDokumen``, each upload a new
version), checked before it is accepted: it renders with the demo record
(``templat_contoh``) and keeps every required part, or it is refused naming what
breaks."""

from __future__ import annotations

import hashlib
import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from docx import Document
from docx.oxml.ns import qn

from kersa.core.errors import Pelanggaran, RuleViolation, tolak_jika
from kersa.core.roles import pastikan_izin

from ..choices import JenisDokumen
from ..models import TemplatDokumen
from ..templat_contoh import bagian_wajib, konteks_contoh
from ..validators import DOCX, periksa_berkas
from .isi import docx_render

__all__ = [
    "kop_simpan",
    "templat_kembalikan",
    "templat_periksa",
    "templat_unggah",
]

_IZIN = "documents.kelola_templat"


def _rule(jenis: str) -> str:
    # P11-1 / P12-1: the parts of a KB / PKS; P16-1: a letter's kop, number, recipient
    # and signature (the same parts every letter and record keeps).
    return {JenisDokumen.KB: "P11-1", JenisDokumen.PKS: "P12-1"}.get(
        jenis, "P12-1" if jenis == JenisDokumen.ADDENDUM else "P16-1"
    )


def _teks(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    return "\n".join(
        "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in doc.element.body.iter(qn("w:p"))
    )


def templat_periksa(jenis: str, data: bytes) -> list[Pelanggaran]:
    """What breaks when ``data`` is the template of ``jenis``: it does not render with the
    demo record, or the rendered demo lacks a required part (each named)."""
    rule = _rule(jenis)
    try:
        hasil = docx_render(jenis, konteks_contoh(jenis), data=data)
    except Exception as exc:  # noqa: BLE001 - any template error is the uploader's to fix
        return [
            Pelanggaran(
                rule,
                _(
                    "Templat tidak dapat diisi dengan data contoh: %(pesan)s. Periksa tanda "
                    "isian di antara kurung kurawal yang terpotong atau tidak berpasangan."
                )
                % {"pesan": str(exc)[:300]},
                field="berkas",
            )
        ]
    teks = " ".join(_teks(hasil).split())
    hilang = [str(nama) for nama, penanda in bagian_wajib(jenis) if penanda not in teks]
    if not hilang:
        return []
    pasal = {
        "P11-1": _("Pasal 11 ayat (1)"),
        "P12-1": _("Pasal 12 ayat (1)"),
        "P16-1": _("Tata Naskah Dinas, Permendagri 1/2023"),
    }[rule]
    return [
        Pelanggaran(
            rule,
            _("Templat %(jenis)s ditolak: bagian wajib hilang: %(bagian)s (%(pasal)s).")
            % {
                "jenis": JenisDokumen(jenis).label,
                "bagian": "; ".join(hilang),
                "pasal": pasal,
            },
            field="berkas",
        )
    ]


def templat_unggah(*, jenis: str, upload, user, catatan: str = "") -> TemplatDokumen:
    """Accept an edited Word template for ``jenis`` as its next version, once it is a
    clean DOCX (``validators.periksa_berkas``) that renders with the demo record and keeps
    every required part; otherwise refuse naming what breaks. Nothing is stored then."""
    pastikan_izin(user, _IZIN, _("Anda tidak berwenang mengelola templat dokumen."))
    jenis = JenisDokumen(jenis)
    data = upload.read()
    if periksa_berkas(getattr(upload, "name", "templat.docx"), data) != DOCX:
        raise RuleViolation(
            Pelanggaran(_rule(jenis), _("Templat harus berupa dokumen Word (.docx)."), "berkas")
        )
    tolak_jika(templat_periksa(jenis, data))
    sha = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        terakhir = (
            TemplatDokumen.objects.select_for_update().filter(jenis=jenis).order_by("-versi")
        ).first()
        baris = TemplatDokumen(
            jenis=jenis,
            versi=(terakhir.versi if terakhir else 0) + 1,
            nama_asli=(getattr(upload, "name", "") or "templat.docx")[:200],
            sha256=sha,
            catatan=catatan[:300],
            diunggah_oleh=user,
        )
        baris.file.save(f"{sha}.docx", ContentFile(data), save=False)
        baris.save()
    return baris


def templat_kembalikan(*, jenis: str, user, versi: int | None = None) -> TemplatDokumen:
    """Put the shipped template (``versi`` None) or an earlier upload (``versi``) back in
    force, as a new version row: the history is never rewritten."""
    pastikan_izin(user, _IZIN, _("Anda tidak berwenang mengelola templat dokumen."))
    jenis = JenisDokumen(jenis)
    with transaction.atomic():
        semua = TemplatDokumen.objects.select_for_update().filter(jenis=jenis)
        terakhir = semua.order_by("-versi").first()
        nomor = (terakhir.versi if terakhir else 0) + 1
        if versi is None:
            return TemplatDokumen.objects.create(
                jenis=jenis,
                versi=nomor,
                bawaan=True,
                catatan=_("Kembali ke templat bawaan."),
                diunggah_oleh=user,
            )
        asal = semua.filter(versi=versi, bawaan=False).first()
        if asal is None:
            raise RuleViolation(
                Pelanggaran(_rule(jenis), _("Versi templat %d tidak ditemukan.") % versi)
            )
        baris = TemplatDokumen(
            jenis=jenis,
            versi=nomor,
            nama_asli=asal.nama_asli,
            sha256=asal.sha256,
            catatan=_("Memakai kembali versi %d.") % versi,
            diunggah_oleh=user,
        )
        with asal.file.open("rb") as f:
            baris.file.save(f"{asal.sha256}.docx", ContentFile(f.read()), save=False)
        baris.save()
        return baris


def kop_simpan(*, form, user):
    """Save a letterhead's address block from its validated form: a ``KopSurat`` (head of
    region, Sekretariat Daerah) or an agency's own (``PerangkatDaerah`` address and
    contacts)."""
    pastikan_izin(user, _IZIN, _("Anda tidak berwenang mengubah kop surat."))
    with transaction.atomic():
        kop = form.save(commit=False)
        if hasattr(kop, "diubah_oleh_id"):
            kop.diubah_oleh = user
        kop.save()
    return kop
