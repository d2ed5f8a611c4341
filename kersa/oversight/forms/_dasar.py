from django import forms

from kersa.agreements.forms import pesan_pelanggaran
from kersa.core.errors import RuleViolation

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class FormPelanggaran(forms.Form):
    """A form that shows a service's refusal on the field it names, with the rule ID."""

    def tambah_pelanggaran(self, exc: RuleViolation) -> None:
        for p in exc.pelanggaran:
            self.add_error(p.field if p.field in self.fields else None, pesan_pelanggaran(p))
