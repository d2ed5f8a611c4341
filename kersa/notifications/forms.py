from django import forms

from .models import PreferensiPengingat


class PreferensiForm(forms.ModelForm):
    class Meta:
        model = PreferensiPengingat
        fields = [
            "aplikasi_langkah",
            "surel_langkah",
            "aplikasi_menjelang",
            "surel_menjelang",
            "aplikasi_terlewat",
            "surel_terlewat",
            "ringkasan_harian",
        ]
