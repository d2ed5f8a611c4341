"""Forms of dispute settlement (Pasal 29–30)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.agreements.models import Ksdd
from kersa.core.forms import FormPelanggaran, TanggalField
from kersa.regions.models import Wilayah


class PerselisihanForm(FormPelanggaran):
    pesan_wajib = {
        "ksdd": (
            "P29-1",
            _("Pilih KSDD yang diperselisihkan (Pasal 29 ayat 1)."),
        ),
        "tanggal_timbul": ("P29-1", _("Isi tanggal timbulnya perselisihan (Pasal 29 ayat 1).")),
        "uraian": ("P29-1", _("Uraikan perselisihan (Pasal 29 ayat 1).")),
        "pihak": ("P29-1", _("Pilih daerah mitra KSDD ini yang berselisih (Pasal 29 ayat 1).")),
    }
    ksdd = forms.ModelChoiceField(
        label=_("KSDD (tahap mana pun, atau yang telah berakhir)"), queryset=Ksdd.objects.none()
    )
    tanggal_timbul = TanggalField(label=_("Tanggal timbulnya perselisihan"))
    uraian = forms.CharField(
        label=_("Uraian perselisihan"), widget=forms.Textarea(attrs={"rows": 3})
    )
    pihak = forms.ModelMultipleChoiceField(
        label=_("Daerah mitra yang berselisih"),
        queryset=Wilayah.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, ksdd_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ksdd"].queryset = ksdd_qs
        self.fields["ksdd"].label_from_instance = lambda k: f"{k.nomor_register} – {k.judul}"
        self.fields["pihak"].queryset = Wilayah.objects.filter(
            ksdd_sebagai_mitra__in=ksdd_qs
        ).distinct()


class BerkasForm(FormPelanggaran):
    pesan_wajib = {
        "berkas": ("P29-2", _("Pilih berkas dokumen kerja sama, PDF atau DOCX (Pasal 29 ayat 2).")),
    }
    keterangan = forms.CharField(label=_("Dokumen kerja sama"), max_length=250)
    berkas = forms.FileField(label=_("Berkas (PDF atau DOCX)"))


class MusyawarahForm(FormPelanggaran):
    pesan_wajib = {
        "tempat": ("P29-1", _("Isi tempat musyawarah (Pasal 29 ayat 1).")),
        "hasil": ("P29-1", _("Isi hasil musyawarah (Pasal 29 ayat 1).")),
    }
    tanggal = TanggalField(label=_("Tanggal musyawarah"))
    tempat = forms.CharField(label=_("Tempat"), max_length=200)
    hasil = forms.CharField(label=_("Hasil musyawarah"), widget=forms.Textarea(attrs={"rows": 2}))
    mufakat = forms.BooleanField(label=_("Tercapai mufakat"), required=False)


class SelesaikanForm(FormPelanggaran):
    pesan_wajib = {
        "hasil": (
            "P29-3",
            _("Isi hasil penyelesaian yang dituangkan dalam berita acara (Pasal 29 ayat 3)."),
        ),
    }
    tanggal = TanggalField(label=_("Tanggal berita acara"))
    hasil = forms.CharField(label=_("Hasil penyelesaian"), widget=forms.Textarea(attrs={"rows": 3}))


class ProvinsiForm(FormPelanggaran):
    tanggal = TanggalField(label=_("Tanggal permohonan ke TKKSD Provinsi"))
    alasan = forms.CharField(label=_("Keterangan"), required=False)


class PeraturanForm(FormPelanggaran):
    alasan = forms.CharField(label=_("Keterangan"), required=False)


class LaporkanForm(FormPelanggaran):
    tanggal = TanggalField(label=_("Tanggal dilaporkan kepada Bupati"))
