"""Forms of the documents room: a new version of a KSDD document (Pasal 26; P26)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .choices import AsalVersi

# The sources a person may give an uploaded version: the draft sent to DPRD is kept by
# the DPRD request step itself (P22-1a), never uploaded as such.
ASAL_UNGGAH = [(v, label) for v, label in AsalVersi.choices if v != AsalVersi.RANCANGAN_DPRD]


class VersiForm(forms.Form):
    """Upload the next version of a document. ``dokumen`` is an existing document's id,
    or ``kb`` / ``pks`` for the KSDD's Kesepakatan Bersama / PKS when it has none yet."""

    dokumen = forms.CharField(label=_("Dokumen"))
    asal = forms.ChoiceField(label=_("Asal versi"), choices=ASAL_UNGGAH)
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
    persetujuan_perubahan = forms.IntegerField(
        label=_("Persetujuan DPRD atas perubahan (bila menambah beban)"),
        required=False,
        min_value=1,
        help_text=_(
            "Dicatat lebih dahulu pada tahap “Catat Persetujuan DPRD atas perubahan "
            "PKS” (Pasal 25 ayat 7)."
        ),
    )
