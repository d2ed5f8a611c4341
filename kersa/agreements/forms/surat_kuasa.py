"""The Surat Kuasa of a KSDD (Pasal 24 ayat 2–3): record and revoke."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.core.forms import FormKersa, TanggalField
from kersa.documents.forms import BerkasField
from kersa.regions.models import PerangkatDaerah
from kersa.regions.selectors import wilayah_daerah

from ..models import Ksdd, SuratKuasa

__all__ = ["SuratKuasaForm", "SuratKuasaCabutForm"]


class SuratKuasaForm(FormKersa):
    """Record a Surat Kuasa of the Bupati for this KSDD (``services.surat_kuasa_create``;
    P1-13, P4-2, P24-2, P24-3). The recipient is the Kepala of the Perangkat Daerah as
    recorded; the service refuses anyone else."""

    pasal = _("Pasal 24 ayat (2) dan (3)")
    kelompok_field = [
        (_("Surat Kuasa"), ["nomor", "tanggal", "pemberi", "lingkup", "berlaku_sampai"]),
        (
            _("Penerima kuasa (Kepala Perangkat Daerah)"),
            ["perangkat_daerah", "penerima_nama", "penerima_nip", "penerima_jabatan"],
        ),
        (None, ["tanggal_tembusan", "berkas"]),
    ]

    nomor = forms.CharField(max_length=100, label=_("Nomor Surat Kuasa"))
    tanggal = TanggalField(label=_("Tanggal Surat Kuasa"))
    pemberi = forms.CharField(max_length=150, label=_("Pemberi kuasa (Bupati)"))
    lingkup = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Lingkup kuasa"),
        help_text=_("Misalnya: menandatangani PKS tentang … dengan …"),
    )
    berlaku_sampai = TanggalField(hari_ini=False, required=False, label=_("Berlaku sampai"))
    perangkat_daerah = forms.ModelChoiceField(
        queryset=PerangkatDaerah.objects.filter(aktif=True).order_by("nama"),
        label=_("Perangkat Daerah"),
    )
    penerima_nama = forms.CharField(
        max_length=150,
        label=_("Nama penerima kuasa (tanpa gelar)"),
        help_text=_(
            "Kepala Perangkat Daerah yang tercatat; kuasa hanya dapat diberikan kepada "
            "Kepala Perangkat Daerah (Pasal 24 ayat 2)."
        ),
    )
    penerima_nip = forms.CharField(max_length=18, required=False, label=_("NIP penerima kuasa"))
    penerima_jabatan = forms.CharField(max_length=150, label=_("Jabatan penerima kuasa"))
    tanggal_tembusan = TanggalField(
        hari_ini=False,
        required=False,
        label=_("Tanggal tembusan kepada Perangkat Daerah yang membidangi kerja sama daerah"),
        help_text=_(
            "Pasal 24 ayat (3); paling lambat pada tanggal penandatanganan PKS, tidak "
            "sebelum tanggal Surat Kuasa."
        ),
    )
    berkas = BerkasField(label=_("Pindaian Surat Kuasa"))

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        self.ksdd = ksdd
        pd = ksdd.perangkat_daerah
        home = wilayah_daerah()
        kwargs["initial"] = {
            "pemberi": f"{home.sebutan_kepala} {home.nama}",
            "perangkat_daerah": pd.pk,
            "penerima_nama": pd.kepala_nama,
            "penerima_jabatan": pd.kepala_jabatan,
            "lingkup": _("Menandatangani Perjanjian Kerja Sama tentang %s.") % ksdd.judul,
        } | (kwargs.get("initial") or {})
        super().__init__(*args, **kwargs)

    def clean_nomor(self):
        nomor = self.cleaned_data["nomor"].strip()
        if SuratKuasa.objects.filter(nomor__iexact=nomor).exists():
            raise forms.ValidationError(_("Surat Kuasa dengan nomor ini telah dicatat."))
        return nomor

    def argumen(self) -> dict:
        return {**self.cleaned_data, "ksdd": self.ksdd}


class SuratKuasaCabutForm(FormKersa):
    """Revoke a Surat Kuasa with its reason and date (``services.surat_kuasa_cabut``;
    P24-2). An empty reason is refused by the service, citing the Pasal."""

    pasal = _("Pasal 24 ayat (2)")

    tanggal = TanggalField(label=_("Tanggal pencabutan"))
    alasan = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label=_("Alasan pencabutan"),
    )

    def argumen(self) -> dict:
        return dict(self.cleaned_data)
