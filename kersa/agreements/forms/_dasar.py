"""What the KSDD forms share: the bounds of a version field, and a step form starting
with the number or the stored version KERSA already has (issue 13)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kersa.core.saring import ID_MAKS, VERSI_MAKS
from kersa.documents.models import Dokumen, VersiDokumen

from ..models import Ksdd

# A KSDD's version and a stored document version's id: the API's bounds
# (``api.fields.versi_field``, the ``*_versi`` fields of the steps).
_VERSI = {"min_value": 1, "max_value": VERSI_MAKS}
_ID = {"min_value": 1, "max_value": ID_MAKS}


def nomor_dihasilkan(ksdd: Ksdd, jenis: str, mitra_id=None) -> str:
    """The number KERSA gave the latest document of ``jenis`` it generated for this KSDD
    (for ``mitra_id`` when given): a step form starts with it, editable (issue 13)."""
    q = Dokumen.objects.filter(ksdd=ksdd, jenis=jenis).exclude(nomor="")
    if mitra_id is not None:
        q = q.filter(mitra_id=mitra_id)
    d = q.order_by("-id").first()
    return d.nomor if d else ""


def _isi_nomor(form, field: str, jenis: str, mitra_id=None) -> None:
    if not form.is_bound and field in form.fields:
        nomor = nomor_dihasilkan(form.ksdd, jenis, mitra_id)
        if nomor:
            form.fields[field].initial = nomor


def _pilihan_versi(form, field: str, ksdd: Ksdd, jenis: str, kosong=None, asal=None) -> list:
    """Offer the versions of the KSDD's ``jenis`` document already stored instead of an
    upload (issue 13), newest first (only those of ``asal`` when given: a letter signed
    electronically); no stored version, no field. The service checks the id (a version
    of another KSDD is refused with its message), so the field takes any number; the
    choices are this KSDD's. Returns the versions offered."""
    versi = VersiDokumen.objects.filter(dokumen__ksdd=ksdd, dokumen__jenis=jenis)
    if asal:
        versi = versi.filter(asal=asal)
    versi = list(versi.select_related("berkas").order_by("-id"))
    if not versi:
        del form.fields[field]
        return []
    form.fields[field].widget.choices = [
        ("", kosong or _("— unggah berkas —")),
        *[
            (
                v.pk,
                _("Gunakan versi tersimpan v%(n)s (%(berkas)s, %(asal)s)")
                % {"n": v.nomor, "berkas": v.berkas.nama_asli, "asal": v.get_asal_display()},
            )
            for v in versi
        ],
    ]
    return versi


def _surat_bertanda(form, jenis: str) -> None:
    """The letter KERSA generated and the Bupati signed electronically, offered instead
    of a scan (``surat_versi``; the service checks the signature holds); the letter's
    date starts at the day it was signed (editable)."""
    versi = _pilihan_versi(
        form,
        "surat_versi",
        form.ksdd,
        jenis,
        kosong=_("— unggah pindaian surat —"),
        asal="ditandatangani",
    )
    if versi and not form.is_bound and "tanggal_surat" in form.fields:
        form.fields["tanggal_surat"].initial = timezone.localdate(versi[0].dibuat_pada)


def _field_surat_bertanda() -> forms.IntegerField:
    return forms.IntegerField(
        required=False,
        **_ID,
        label=_("Atau gunakan surat bertanda tangan elektronik"),
        help_text=_(
            "Surat yang dibuat KERSA dan telah ditandatangani secara elektronik; tidak perlu "
            "dicetak, dipindai dan diunggah."
        ),
        widget=forms.Select,
    )
