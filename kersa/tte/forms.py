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
    nik = forms.CharField(
        label=_("NIK terdaftar pada BSrE"),
        required=False,
        max_length=16,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    kredensial = forms.CharField(label=_("ID kredensial pada layanan TTE"), required=False)
    pin = forms.CharField(label=_("PIN layanan TTE"), required=False, widget=forms.PasswordInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        penyedia = settings.KERSA_TTE_PENYEDIA
        if penyedia == Penyedia.CSC:
            del self.fields["sertifikat"], self.fields["sandi"], self.fields["nik"]
        elif penyedia == Penyedia.BSRE:
            del self.fields["sertifikat"], self.fields["kredensial"], self.fields["pin"]
            self.fields["sandi"].label = _("Passphrase sertifikat elektronik BSrE")
        else:
            del self.fields["kredensial"], self.fields["pin"], self.fields["nik"]


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


class CatatDariTteForm(forms.Form):
    """Record the KB/PKS signing step from a signed version (P20-3, P24-1): the version,
    the place, and each party's own number of the text (``nomor_<kode wilayah>``)."""

    versi = forms.TypedChoiceField(label=_("Versi bertanda tangan"), coerce=int)
    tempat = forms.CharField(label=_("Tempat penandatanganan"), max_length=100)
    alasan_perbedaan = forms.CharField(
        label=_("Alasan perbedaan dari rancangan yang disetujui DPRD (Pasal 22 ayat 2)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, versi=(), pihak=(), pks: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["versi"].choices = [(v.pk, _("Versi %(n)d") % {"n": v.nomor}) for v in versi]
        self.pihak = list(pihak)
        for w in self.pihak:
            self.fields[f"nomor_{w.kode}"] = forms.CharField(
                label=_("Nomor naskah %(w)s") % {"w": w.nama_lengkap},
                max_length=100,
                required=False,
            )
        if not pks:
            del self.fields["alasan_perbedaan"]

    def nomor_naskah(self) -> dict:
        return {w.kode: self.cleaned_data.get(f"nomor_{w.kode}", "") for w in self.pihak}
