"""The Notifikasi page (in-app messages) and the reminder preferences page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .forms import PreferensiForm
from .pesan import url_penuh
from .selectors import notifikasi_daftar


@login_required
def daftar(request):
    daftar = list(notifikasi_daftar(user=request.user))
    return render(
        request,
        "notifications/daftar.html",
        {"daftar": daftar, "ada_belum_dibaca": any(n.dibaca_pada is None for n in daftar)},
    )


@login_required
@require_POST
def tandai_dibaca(request, pk: int | None = None):
    """Mark one notification read (then follow its link when asked), or all."""
    services.notifikasi_tandai_dibaca(user=request.user, notifikasi_id=pk)
    lanjut = request.POST.get("next", "")
    if lanjut and url_has_allowed_host_and_scheme(lanjut, {request.get_host()}):
        return redirect(lanjut)
    return redirect("notifications:daftar")


@login_required
def preferensi(request):
    pref = services.preferensi_ambil(user=request.user)
    if request.method == "POST":
        if "buat_ulang_token" in request.POST:
            services.preferensi_token_baru(user=request.user)
            messages.success(
                request, _("Tautan kalender baru dibuat. Tautan lama tidak berlaku lagi.")
            )
            return redirect("notifications:preferensi")
        form = PreferensiForm(request.POST, instance=pref)
        if form.is_valid():
            services.preferensi_ubah(
                user=request.user, **{n: form.cleaned_data[n] for n in services.SAKLAR}
            )
            messages.success(request, _("Preferensi pengingat disimpan."))
            return redirect("notifications:preferensi")
    else:
        form = PreferensiForm(instance=pref)
    url_ics = url_penuh(reverse("deadlines:ics", args=[pref.token_kalender]))
    baris = [
        {
            "label": label,
            "aplikasi": form[aplikasi],
            "surel": form[surel],
        }
        for label, aplikasi, surel in (
            (
                _("Langkah KSDD yang menunggu tindakan Anda"),
                "aplikasi_langkah",
                "surel_langkah",
            ),
            (
                _("Menjelang jatuh tempo (7, 3, 1 hari kerja sebelumnya dan pada harinya)"),
                "aplikasi_menjelang",
                "surel_menjelang",
            ),
            (
                _("Tenggat terlewat, dan tugas yang dibukanya"),
                "aplikasi_terlewat",
                "surel_terlewat",
            ),
        )
    ]
    return render(
        request,
        "notifications/preferensi.html",
        {"form": form, "pref": pref, "url_ics": url_ics, "baris": baris},
    )
