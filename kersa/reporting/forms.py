"""Forms of the reporting room. Service refusals come back as form errors."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kersa.core.errors import Pelanggaran
from kersa.core.forms import FormPelanggaran, PelanggaranMixin, pesan_pelanggaran

from .models import LaporanSemester, LaporanTkksd


class LaporanSemesterForm(PelanggaranMixin, forms.ModelForm):
    """Parts a–i of Pasal 27 ayat (3); a–f come pre-filled from the KSDD record."""

    class Meta:
        model = LaporanSemester
        fields = LaporanSemester.BAGIAN
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in LaporanSemester.BAGIAN[1:]}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["permasalahan"].help_text = _("Wajib diisi sebelum disampaikan.")
        self.fields["upaya_penyelesaian"].help_text = _("Wajib diisi sebelum disampaikan.")
        # Parts a–f are what Pasal 27 ayat (3) requires of every report: left empty, the
        # field says which part and where the law asks for it.
        for huruf, nama in zip("abcdef", LaporanSemester.BAGIAN[:6], strict=True):
            label = self.fields[nama].label
            self.wajib(
                nama,
                "P27-3",
                _("Isi bagian %(b)s: laporan memuat %(b)s (Pasal 27 ayat 3 huruf %(h)s).")
                % {"b": label, "h": huruf},
                ("required",),
            )


class LaporanTkksdForm(PelanggaranMixin, forms.ModelForm):
    class Meta:
        model = LaporanTkksd
        fields = LaporanTkksd.BAGIAN
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in LaporanTkksd.BAGIAN}


class PeriodeForm(FormPelanggaran):
    """A semester as its code, e.g. 2026-1."""

    periode = forms.RegexField(
        regex=r"^\d{4}-[12]$",
        label=_("Semester"),
        error_messages={
            "required": _("Semester belum dipilih."),
            "invalid": _(
                "Semester tidak dikenal: tulis tahun dan semester I atau II, mis. 2026-1."
            ),
        },
    )

    def __init__(self, *args, rule: str = "P27-1", pasal=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.rule, self.pasal = rule, pasal or _("Pasal 27 ayat 1")

    def clean_periode(self):
        """Reports are made for a semester of a year that has begun (as the services'
        ``_semester_sah``), with the Pasal that asks for them."""
        kode = self.cleaned_data["periode"]
        if not 2000 <= int(kode[:4]) <= timezone.localdate().year:
            raise forms.ValidationError(
                pesan_pelanggaran(
                    Pelanggaran(
                        self.rule,
                        _(
                            "Semester %(k)s belum berjalan: laporan disusun untuk semester "
                            "I atau II dari tahun yang sudah berjalan (%(p)s)."
                        )
                        % {"k": kode, "p": self.pasal},
                    )
                )
            )
        return kode

    def pesan(self) -> list[str]:
        """The errors of an invalid form, each naming the Pasal, for a message after a
        redirect (the forms are one select on a list page)."""
        return [
            e if "[" in e else f"{e} ({self.pasal})" for errs in self.errors.values() for e in errs
        ]

    def tahun_semester(self) -> tuple[int, int]:
        t, s = self.cleaned_data["periode"].split("-")
        return int(t), int(s)
