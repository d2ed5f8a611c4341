"""Forms of the deadlines room. They only collect input; the rules live in
``services`` (a refusal comes back onto the field it names, "<detail> [<rule>]")."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.core.forms import FormPelanggaran, TanggalField

from .choices import JenisHari


class HariLiburForm(FormPelanggaran):
    """One entry of the working-day calendar (``services.hari_libur_catat``)."""

    tanggal = TanggalField(label=_("Tanggal"))
    jenis = forms.ChoiceField(label=_("Jenis"), choices=JenisHari.choices)
    nama = forms.CharField(
        label=_("Keterangan"),
        max_length=150,
        help_text=_("Misalnya: Hari Jadi Kabupaten Barito Selatan."),
    )
    dasar = forms.CharField(
        label=_("Dasar penetapan"),
        max_length=200,
        required=False,
        help_text=_("Nomor dan tanggal keputusan atau surat edaran, bila ada."),
    )

    def argumen(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("tanggal", "jenis", "nama", "dasar")}


class KonfirmasiSkbForm(FormPelanggaran):
    """The secretariat confirms a year's SKB Bersama on libur nasional and cuti bersama
    (``services.skb_konfirmasi``): the estimated mark leaves that year's due dates."""

    nomor = forms.CharField(
        label=_("Nomor SKB"),
        max_length=200,
        help_text=_(
            "Nomor SKB Bersama Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB "
            "tentang hari libur nasional dan cuti bersama tahun ini."
        ),
    )
    tanggal = TanggalField(label=_("Tanggal SKB"), required=False)
    catatan = forms.CharField(
        label=_("Catatan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Bila tanggal dalam SKB berbeda dari perkiraan, catat dulu tanggal itu sebagai "
            "entri kalender kerja."
        ),
    )

    def argumen(self) -> dict:
        return {k: self.cleaned_data[k] for k in ("nomor", "tanggal", "catatan")}
