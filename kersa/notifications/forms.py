from django import forms

from .models import PreferensiPengingat


class PreferensiForm(forms.ModelForm):
    class Meta:
        model = PreferensiPengingat
        fields = ["surel_aktif", "ringkasan_harian"]
