"""P26: the pages that register the agreements an office already has: one by one
(``DaftarkanView``, through ``_LayananView`` as every form here) and from a spreadsheet
(``impor``), with the template to fill and the file of rejected rows."""

from __future__ import annotations

import tablib
from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from kersa.core.forms import FormPelanggaran

from .. import impor
from ..forms import RegistrasiForm
from ..services import dapat_mendaftarkan, ksdd_daftarkan
from .langkah import _LayananView

_SESI_DITOLAK = "impor_ksdd_ditolak"
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UKURAN_MAKS = 10 * 1024 * 1024


def _izin(user) -> None:
    if not dapat_mendaftarkan(user):
        raise PermissionDenied(
            _(
                "Pendaftaran KSDD yang telah ditandatangani dilakukan oleh Sekretariat TKKSD "
                "(Pasal 26)."
            )
        )


class DaftarkanView(_LayananView):
    """Register one agreement already signed (``services.ksdd_daftarkan``) with its scans."""

    izin = "tandatangani_pks"
    perlu_ksdd = False
    form_class = RegistrasiForm
    template_name = "agreements/form/daftarkan.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            _izin(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def form_valid(self, form):
        self._argumen = form.argumen()  # a partner list of the wrong length: a form error
        if form.errors:
            return self.form_invalid(form)
        return super().form_valid(form)

    def simpan(self, form):
        return ksdd_daftarkan(user=self.request.user, **self._argumen)

    def sukses(self, ksdd):
        pesan = _("KSDD %s didaftarkan pada status “%s” (Pasal 26).")
        return pesan % (ksdd.nomor_register, ksdd.get_status_display()), reverse(
            "agreements:detail", args=[ksdd.pk]
        )


class ImporForm(FormPelanggaran):
    berkas = forms.FileField(
        label=gettext_lazy("Berkas XLSX atau CSV"),
        widget=forms.FileInput(attrs={"accept": ".xlsx,.csv"}),
        help_text=gettext_lazy("Kolom menurut templat impor; baris pertama adalah judul kolom."),
    )
    simpan_sebagian = forms.BooleanField(
        required=False,
        label=gettext_lazy("Simpan baris yang benar, kembalikan baris yang salah sebagai berkas"),
        help_text=gettext_lazy(
            "Tanpa pilihan ini, satu baris yang salah menolak seluruh berkas dan tidak ada "
            "yang disimpan."
        ),
    )

    def clean_berkas(self):
        f = self.cleaned_data["berkas"]
        if not f.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Unggah berkas .xlsx atau .csv."))
        if f.size > UKURAN_MAKS:
            raise forms.ValidationError(_("Berkas lebih dari 10 MB."))
        return f


@login_required
def impor_ksdd(request):
    """Import the spreadsheet (P26): refused whole with every error listed, or the good
    rows saved and the rejected ones offered as a file."""
    _izin(request.user)
    hasil = None
    form = ImporForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data["berkas"]
        try:
            dataset = impor.baca_berkas(f.read(), f.name)
        except Exception:  # noqa: BLE001 - any unreadable file reads the same to the user
            form.add_error("berkas", _("Berkas tidak dapat dibaca sebagai XLSX atau CSV."))
        else:
            hasil = impor.impor_ksdd(
                user=request.user,
                dataset=dataset,
                simpan_sebagian=form.cleaned_data["simpan_sebagian"],
            )
            if hasil.ditolak is not None:
                request.session[_SESI_DITOLAK] = {
                    "headers": list(hasil.ditolak.headers),
                    "rows": [list(r) for r in hasil.ditolak],
                }
    return render(request, "agreements/impor.html", {"form": form, "hasil": hasil})


@login_required
@require_safe
def impor_templat(request):
    """The template to fill: XLSX (with a sheet explaining each column) or CSV."""
    _izin(request.user)
    buku = impor.templat_impor()
    if request.GET.get("format") == "csv":
        resp = HttpResponse(
            "\ufeff" + buku.sheets()[0].export("csv"), content_type="text/csv; charset=utf-8"
        )
        resp["Content-Disposition"] = 'attachment; filename="templat-impor-ksdd.csv"'
        return resp
    resp = HttpResponse(buku.export("xlsx"), content_type=_XLSX)
    resp["Content-Disposition"] = 'attachment; filename="templat-impor-ksdd.xlsx"'
    return resp


@login_required
@require_safe
def impor_ditolak(request):
    """The rejected rows of the last import, with their reasons, as XLSX."""
    _izin(request.user)
    data = request.session.get(_SESI_DITOLAK)
    if not data:
        raise Http404(_("Tidak ada baris yang ditolak."))
    ds = tablib.Dataset(*[tuple(r) for r in data["rows"]], headers=data["headers"])
    resp = HttpResponse(ds.export("xlsx"), content_type=_XLSX)
    resp["Content-Disposition"] = 'attachment; filename="ksdd-ditolak.xlsx"'
    return resp


urlpatterns = [
    path("daftarkan/", DaftarkanView.as_view(), name="daftarkan"),
    path("impor/", impor_ksdd, name="impor"),
    path("impor/templat/", impor_templat, name="impor_templat"),
    path("impor/ditolak.xlsx", impor_ditolak, name="impor_ditolak"),
]
