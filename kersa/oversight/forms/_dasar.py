from django import forms

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
