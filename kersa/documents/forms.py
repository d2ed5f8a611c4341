"""Forms of the documents room: a new version of a KSDD document (Pasal 26; P26), and
the upload field of every room's forms (``BerkasField``, part of the kit of
``core.forms``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.core.errors import RuleViolation
from kersa.core.forms import pesan_pelanggaran

from .choices import AsalVersi
from .validators import periksa_berkas


class BerkasField(forms.FileField):
    """An uploaded letter, PDF or DOCX, checked by its content with the very check the
    services apply (``documents.validators.periksa_berkas``). Optional at the form
    level: which files a step needs is the service's rule, cited by its ID."""

    def __init__(self, *, required: bool = False, **kwargs):
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ".pdf,.docx,application/pdf"}))
        super().__init__(required=required, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            isi = upload.read()
            upload.seek(0)
            try:
                periksa_berkas(upload.name, isi, getattr(upload, "size", None))
            except RuleViolation as exc:
                raise forms.ValidationError(
                    [pesan_pelanggaran(p) for p in exc.pelanggaran]
                ) from exc
        return upload


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
