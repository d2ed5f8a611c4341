"""The one path of a web form, and of a button, to its service, for every room.

A form page (``LayananView``, or ``form_layanan`` inside a function view): on a valid
POST the view calls the one service; a refusal of the regulation (``RuleViolation``)
comes back as form errors citing the rule ID (``PelanggaranMixin.tambah_pelanggaran``),
with status 422 for an htmx request (the page's own status otherwise: ``status_tolak``);
a lost race (``ConflictError``) as a 409 page carrying the conflict message. Nothing is
saved on a refusal (the services are atomic, files included), so the page asks the user
to choose the files again (``berkas_dipilih_ulang``).

A button (``aksi_tombol``, in a view under ``require_POST``): the service's refusal becomes error messages
(``kabarkan_penolakan``), its success a message, and the user goes back to the page
the button sits on; a lost race answers 409 with the conflict message.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from .errors import ConflictError, RuleViolation
from .forms import kabarkan_penolakan


def _htmx(request) -> bool:
    return bool(getattr(request, "htmx", False))


class LayananView(AccessMixin, FormView):
    """A form whose valid POST calls one service (see the module docstring).

    Subclasses set ``izin`` (the full permission, ``"app.codename"``; empty: any user
    logged in), may load what the page is about in ``muat(**kwargs)`` (after the
    permission check), and write ``simpan(form)`` (call the service) and
    ``sukses(hasil)`` (message, next URL).
    """

    izin = ""
    # The status of a page shown again with errors, to a request that is not htmx's.
    status_tolak = 200

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        izin = self.get_izin()
        if izin and not request.user.has_perm(izin):
            raise PermissionDenied(_("Peran Anda tidak dapat melakukan tindakan ini."))
        self.muat(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def get_izin(self) -> str:
        return self.izin

    def muat(self, **kwargs) -> None:
        """Load what the page is about (a 404 or a 403 is raised here)."""

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        if self.request.method == "POST":
            # A page shown again after POST saved nothing: the files must be chosen again.
            ctx["berkas_dipilih_ulang"] = [f.name for f in self.request.FILES.values()]
        return ctx

    def form_invalid(self, form):
        status = 422 if _htmx(self.request) else self.status_tolak
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def form_valid(self, form):
        try:
            hasil = self.simpan(form)
        except RuleViolation as exc:
            form.tambah_pelanggaran(exc)
            return self.form_invalid(form)
        except ConflictError as exc:
            ctx = self.get_context_data(form=form, konflik=exc.detail)
            return self.render_to_response(ctx, status=409)
        pesan, url = self.sukses(hasil)
        messages.success(self.request, pesan)
        return redirect(url)

    def simpan(self, form):
        raise NotImplementedError

    def sukses(self, hasil) -> tuple[str, str]:
        raise NotImplementedError


def form_layanan(
    request, form, simpan: Callable[[dict], object], sukses: Callable[[object], tuple[str, str]]
) -> HttpResponse | None:
    """``LayananView``'s path inside a function view: on a valid POST, ``simpan`` (the
    service) gets ``form.cleaned_data``; ``sukses(hasil)`` gives (message, next URL) and
    the answer is that redirect. ``None`` when the form is not posted, not valid, or the
    service refused (the refusal is then on the form, cited by its rule): the view shows
    the form again (422 when it has errors, as each room's page does)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        hasil = simpan(form.cleaned_data)
    except RuleViolation as exc:
        form.tambah_pelanggaran(exc)
        return None
    pesan, url = sukses(hasil)
    messages.success(request, pesan)
    return redirect(url)


def aksi_tombol(request, layanan: Callable[[], object], *, sukses, kembali: str) -> HttpResponse:
    """A button's POST: call ``layanan()``; say ``sukses`` (a message) or the refusal
    (each ``Pelanggaran`` as an error message), then back to ``kembali`` (a URL or a URL
    name). A lost race is a 409 with the conflict message."""
    try:
        layanan()
    except RuleViolation as exc:
        kabarkan_penolakan(request, exc)
    except ConflictError as exc:
        return HttpResponse(exc.detail, status=409, content_type="text/plain; charset=utf-8")
    else:
        messages.success(request, sukses)
    return redirect(kembali)
