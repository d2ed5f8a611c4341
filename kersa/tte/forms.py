from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .choices import Penyedia, PeranTte


class TandaTanganForm(forms.Form):
    """Sign a document: paraf or signature, the second factor, and the provider's input
    (the PKCS#12 file and passphrase, or the CSC credential ID and PIN)."""

    peran = forms.ChoiceField(label=_("Bubuhkan"), choices=PeranTte.choices)
    kode_otp = forms.CharField(
        label=_("Kode faktor kedua (6 angka dari aplikasi autentikator)"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    sertifikat = forms.FileField(
        label=_("Sertifikat elektronik (.p12/.pfx)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".p12,.pfx"}),
    )
    sandi = forms.CharField(
        label=_("Kata sandi sertifikat"), required=False, widget=forms.PasswordInput
    )
    kredensial = forms.CharField(label=_("ID kredensial pada layanan TTE"), required=False)
    pin = forms.CharField(label=_("PIN layanan TTE"), required=False, widget=forms.PasswordInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if settings.KERSA_TTE_PENYEDIA == Penyedia.CSC:
            del self.fields["sertifikat"], self.fields["sandi"]
        else:
            del self.fields["kredensial"], self.fields["pin"]


class UnggahBertandaForm(forms.Form):
    berkas = forms.FileField(
        label=_("PDF bertanda tangan elektronik"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )


class CocokkanForm(forms.Form):
    """The public check: a file or its SHA-256 against the signed versions."""

    berkas = forms.FileField(
        label=_("Berkas PDF yang Anda terima"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )
    sha256 = forms.CharField(label=_("atau SHA-256 berkas"), required=False, max_length=64)


class AktifkanOtpForm(forms.Form):
    kode_otp = forms.CharField(
        label=_("Kode dari aplikasi autentikator"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
