"""Forms of the documents room: a new version of a KSDD document (Pasal 26; P26)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import AsalVersi


class VersiForm(forms.Form):
    """Upload the next version of a document. ``dokumen`` is an existing document's id,
    or ``kb`` / ``pks`` for the KSDD's Kesepakatan Bersama / PKS when it has none yet."""

    dokumen = forms.CharField(label=_("Dokumen"))
    asal = forms.ChoiceField(label=_("Asal versi"), choices=AsalVersi.choices)
    berkas = forms.FileField(
        label=_("Berkas (PDF atau DOCX)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
    )
    catatan = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    menambah_beban = forms.BooleanField(
        label=_("Perubahan ini menambah beban kepada masyarakat (Pasal 25 ayat 7)"), required=False
    )
    persetujuan_dprd = forms.FileField(
        label=_("Surat persetujuan DPRD atas perubahan (bila menambah beban)"), required=False
    )
