"""Forms of monitoring and evaluation (Pasal 28)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.agreements.models import Ksdd

from ._dasar import TANGGAL, FormPelanggaran


class MonevCatatForm(FormPelanggaran):
    tanggal_pelaksanaan = forms.DateField(label=_("Tanggal pelaksanaan"), widget=TANGGAL)
    ksdd = forms.ModelMultipleChoiceField(
        label=_("KSDD yang dimonitor"),
        queryset=Ksdd.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    ringkasan = forms.CharField(
        label=_("Ringkasan hasil"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, ksdd_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ksdd"].queryset = ksdd_qs
        self.fields["ksdd"].label_from_instance = lambda k: f"{k.nomor_register} – {k.judul}"


class TemuanForm(FormPelanggaran):
    ksdd = forms.ModelChoiceField(label=_("KSDD"), queryset=Ksdd.objects.none())
    uraian = forms.CharField(label=_("Uraian temuan"), widget=forms.Textarea(attrs={"rows": 2}))
    rekomendasi = forms.CharField(label=_("Rekomendasi"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, monev, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ksdd"].queryset = monev.ksdd.all()
        self.fields["ksdd"].label_from_instance = lambda k: k.nomor_register


class TindakLanjutForm(FormPelanggaran):
    temuan = forms.IntegerField(widget=forms.HiddenInput)
    tindak_lanjut = forms.CharField(
        label=_("Tindak lanjut"), widget=forms.Textarea(attrs={"rows": 2})
    )
    tanggal = forms.DateField(label=_("Tanggal tindak lanjut"), widget=TANGGAL)


class MonevSelesaiForm(FormPelanggaran):
    ringkasan = forms.CharField(
        label=_("Ringkasan hasil monitoring dan evaluasi"), widget=forms.Textarea(attrs={"rows": 4})
    )
    tanggal = forms.DateField(label=_("Tanggal selesai"), widget=TANGGAL)
