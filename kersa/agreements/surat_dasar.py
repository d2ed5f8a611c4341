"""The fields every letter form of a step shares (issue 17 item 5), as the letter
models share ``models.surat.Surat``: the number and the date of the letter and, for a
letter whose receipt starts a clock, the date it was received. A step's form puts the
mixin before ``LangkahForm`` and names its labels:

    class JawabanDprdForm(SuratDiterimaForm, LangkahForm):
        label_nomor = _("Nomor surat pimpinan DPRD")
        label_diterima = _("Tanggal diterima Bupati")

The field names are the model's and the service's arguments (``nomor``,
``tanggal_surat``, ``tanggal_diterima``); the file (``surat``) stays the form's own:
its label and whether it is required differ per letter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.core.forms import TanggalField

__all__ = ["SuratForm", "SuratDiterimaForm"]


class SuratForm(forms.Form):
    """``nomor`` and ``tanggal_surat``, labelled by ``label_nomor`` and ``label_tanggal``."""

    label_nomor = _("Nomor surat")
    label_tanggal = _("Tanggal surat")

    nomor = forms.CharField(max_length=100)
    tanggal_surat = TanggalField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in self._label_surat():
            if name in self.fields:
                self.fields[name].label = label

    def _label_surat(self):
        return [("nomor", self.label_nomor), ("tanggal_surat", self.label_tanggal)]


class SuratDiterimaForm(SuratForm):
    """A letter whose receipt date starts a clock: adds ``tanggal_diterima``."""

    label_diterima = _("Tanggal surat diterima")

    tanggal_diterima = TanggalField()

    def _label_surat(self):
        return [*super()._label_surat(), ("tanggal_diterima", self.label_diterima)]
