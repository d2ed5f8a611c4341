"""Forms of the reporting room. Service refusals come back as form errors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.agreements.forms import pesan_pelanggaran
from kersa.core.errors import RuleViolation

from .models import LaporanSemester, LaporanTkksd


class _Pelanggaran:
    def tambah_pelanggaran(self, exc: RuleViolation) -> None:
        for p in exc.pelanggaran:
            self.add_error(p.field if p.field in self.fields else None, pesan_pelanggaran(p))


class LaporanSemesterForm(_Pelanggaran, forms.ModelForm):
    """Parts a–i of Pasal 27 ayat (3); a–f come pre-filled from the KSDD record."""

    class Meta:
        model = LaporanSemester
        fields = LaporanSemester.BAGIAN
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in LaporanSemester.BAGIAN[1:]}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["permasalahan"].help_text = _("Wajib diisi sebelum disampaikan.")
        self.fields["upaya_penyelesaian"].help_text = _("Wajib diisi sebelum disampaikan.")


class LaporanTkksdForm(_Pelanggaran, forms.ModelForm):
    class Meta:
        model = LaporanTkksd
        fields = LaporanTkksd.BAGIAN
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in LaporanTkksd.BAGIAN}


class PeriodeForm(_Pelanggaran, forms.Form):
    """A semester as its code, e.g. 2026-1."""

    periode = forms.RegexField(regex=r"^\d{4}-[12]$", label=_("Semester"))

    def tahun_semester(self) -> tuple[int, int]:
        t, s = self.cleaned_data["periode"].split("-")
        return int(t), int(s)
