"""Surat Kuasa of one KSDD on its pages (Pasal 24 ayat 2–3; P1-13, P4-2, P24-2, P24-3):
record one (``services.surat_kuasa_create``) and revoke one with its reason
(``services.surat_kuasa_cabut``). The list is a section of the KSDD page.

Who may: the roles holding ``agreements.add_suratkuasa`` record (the secretariat, the
Bupati), ``agreements.change_suratkuasa`` revoke (the secretariat); whoever sees the
KSDD (its agency's operators included) reads the list. A KSDD outside the user's view
is 404, as on every KSDD page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _

from .. import services
from ..forms import SuratKuasaCabutForm, SuratKuasaForm
from ..models import SuratKuasa
from .langkah import _LayananView


class _SuratKuasaView(_LayananView):
    template_name = "agreements/form/surat_kuasa.html"
    judul = ""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["judul"] = self.judul
        ctx["pasal"] = self.form_class.pasal
        return ctx

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as exc:  # a model check (``full_clean``) the form missed
            for field, pesan in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, pesan)
            return self.form_invalid(form)


class SuratKuasaCatatView(_SuratKuasaView):
    """Record a Surat Kuasa of the Bupati for this KSDD (P24-2, P24-3)."""

    izin = "add_suratkuasa"
    form_class = SuratKuasaForm
    judul = _("Catat Surat Kuasa")

    def simpan(self, form):
        return services.surat_kuasa_create(user=self.request.user, **form.argumen())

    def sukses(self, sk):
        pesan = _("Surat Kuasa %(nomor)s kepada %(nama)s dicatat (Pasal 24 ayat 2).") % {
            "nomor": sk.nomor,
            "nama": sk.penerima_nama,
        }
        return pesan, reverse("agreements:detail", args=[self.ksdd.pk]) + "#surat-kuasa"


class SuratKuasaCabutView(_SuratKuasaView):
    """Revoke one Surat Kuasa of this KSDD with its reason and date (P24-2)."""

    izin = "change_suratkuasa"
    form_class = SuratKuasaCabutForm
    judul = _("Cabut Surat Kuasa")

    def dispatch(self, request, *args, **kwargs):
        self.sk_pk = kwargs["sk"]
        return super().dispatch(request, *args, **kwargs)

    def muat_ksdd(self, pk: int):
        ksdd = super().muat_ksdd(pk)
        try:
            self.surat_kuasa = get_object_or_404(SuratKuasa, pk=self.sk_pk, ksdd=ksdd)
        except Http404 as exc:
            raise Http404(_("Surat Kuasa tidak ditemukan.")) from exc
        return ksdd

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("ksdd", None)
        return kwargs

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"surat_kuasa": self.surat_kuasa}

    def simpan(self, form):
        return services.surat_kuasa_cabut(
            surat_kuasa=self.surat_kuasa, user=self.request.user, **form.argumen()
        )

    def sukses(self, sk):
        pesan = _("Surat Kuasa %s dicabut; PKS tidak dapat lagi ditandatangani atas kuasanya.")
        return pesan % sk.nomor, reverse("agreements:detail", args=[self.ksdd.pk]) + "#surat-kuasa"


urlpatterns = [
    path("<int:pk>/surat-kuasa/baru/", SuratKuasaCatatView.as_view(), name="surat_kuasa_catat"),
    path(
        "<int:pk>/surat-kuasa/<int:sk>/cabut/",
        SuratKuasaCabutView.as_view(),
        name="surat_kuasa_cabut",
    ),
]
