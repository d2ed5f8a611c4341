"""Forms of monitoring and evaluation (Pasal 28)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.agreements.models import Ksdd
from kersa.core.forms import FormPelanggaran, TanggalField


class MonevCatatForm(FormPelanggaran):
    pesan_wajib = {
        "tanggal_pelaksanaan": (
            "P28",
            _("Isi tanggal pelaksanaan dalam semester yang dimonitor (Pasal 28 ayat 1)."),
        ),
        "ksdd": (
            "P28",
            _(
                "Pilih paling sedikit satu KSDD dalam pelaksanaan pada Perangkat Daerah ini (Pasal 28 ayat 1)."
            ),
        ),
    }
    tanggal_pelaksanaan = TanggalField(label=_("Tanggal pelaksanaan"))
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
    pesan_wajib = {
        "ksdd": ("P28", _("Pilih KSDD yang dimonitor dalam monitoring ini (Pasal 28 ayat 1).")),
        "uraian": ("P28", _("Uraikan temuan monitoring dan evaluasi (Pasal 28).")),
        "rekomendasi": ("P28", _("Tuliskan rekomendasi atas temuan (Pasal 28).")),
    }
    ksdd = forms.ModelChoiceField(label=_("KSDD"), queryset=Ksdd.objects.none())
    uraian = forms.CharField(label=_("Uraian temuan"), widget=forms.Textarea(attrs={"rows": 2}))
    rekomendasi = forms.CharField(label=_("Rekomendasi"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, monev, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ksdd"].queryset = monev.ksdd.all()
        self.fields["ksdd"].label_from_instance = lambda k: k.nomor_register


class TindakLanjutForm(FormPelanggaran):
    pesan_wajib = {
        "tindak_lanjut": ("P28", _("Tuliskan tindak lanjut atas temuan (Pasal 28).")),
    }
    temuan = forms.IntegerField(widget=forms.HiddenInput)
    tindak_lanjut = forms.CharField(
        label=_("Tindak lanjut"), widget=forms.Textarea(attrs={"rows": 2})
    )
    tanggal = TanggalField(label=_("Tanggal tindak lanjut"))


class MonevSelesaiForm(FormPelanggaran):
    ringkasan = forms.CharField(
        label=_("Ringkasan hasil monitoring dan evaluasi"), widget=forms.Textarea(attrs={"rows": 4})
    )
    tanggal = TanggalField(label=_("Tanggal selesai"))
