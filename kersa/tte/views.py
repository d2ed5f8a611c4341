"""Pages of the electronic signature: sign a KSDD document, upload a signed PDF that
arrived, enrol the second factor, and the public verification page (no login)."""

from __future__ import annotations

import base64
import hashlib
import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from kersa.accounts import faktor_kedua as faktor_kedua_mod
from kersa.agreements.choices import Status
from kersa.agreements.selectors import boleh, ksdd_dapat_dilihat
from kersa.agreements.workflow import TRANSISI
from kersa.core.errors import RuleViolation
from kersa.core.forms import kabarkan_penolakan
from kersa.documents.models import Dokumen
from kersa.regions.selectors import wilayah_daerah

from . import services
from .forms import (
    AktifkanOtpForm,
    CatatDariTteForm,
    CocokkanForm,
    TandaTanganForm,
    UnggahBertandaForm,
)
from .middleware import KODE, SESI
from .penyedia import penyedia_dari_setelan
from .selectors import verifikasi_kode, versi_bertanda_dengan_sha


def _dokumen(user, pk: int) -> Dokumen:
    dok = get_object_or_404(Dokumen.objects.select_related("ksdd"), pk=pk)
    if dok.ksdd is None or not ksdd_dapat_dilihat(user, dok.ksdd):
        raise Http404(_("Dokumen tidak ditemukan."))
    return dok


def _kembali(dok: Dokumen):
    return redirect(reverse("agreements:detail", args=[dok.ksdd_id]) + "#judul-tte")


def _galat_form(request, form) -> None:
    for name, errors in form.errors.items():
        for e in errors:
            label = form.fields[name].label if name in form.fields else ""
            messages.error(request, f"{label}: {e}" if label else e)


@login_required
@require_POST
def tandatangani(request, pk: int):
    """Sign (or initial) document ``pk`` with the configured provider; back to its KSDD."""
    dok = _dokumen(request.user, pk)
    form = TandaTanganForm(request.POST, request.FILES)
    if not form.is_valid():
        _galat_form(request, form)
        return _kembali(dok)
    d = form.cleaned_data
    berkas = d.get("sertifikat")
    penyedia = penyedia_dari_setelan(
        berkas=berkas.read() if berkas else b"",
        sandi=d.get("sandi", ""),
        kredensial=d.get("kredensial", ""),
        pin=d.get("pin", ""),
        nik=d.get("nik", ""),
    )
    try:
        ttd = services.tte_tandatangani(
            dokumen=dok,
            user=request.user,
            peran=d["peran"],
            penyedia=penyedia,
            kode_otp=d["kode_otp"],
        )
    except RuleViolation as exc:
        kabarkan_penolakan(request, exc)
        return _kembali(dok)
    messages.success(
        request,
        _("%(peran)s elektronik %(nama)s disimpan sebagai versi %(n)d dari %(dok)s.")
        % {
            "peran": ttd.get_peran_display(),
            "nama": ttd.nama,
            "n": ttd.versi.nomor,
            "dok": dok.judul,
        },
    )
    return _kembali(dok)


@login_required
@require_POST
def unggah_bertanda(request, pk: int):
    """A signed PDF that arrived becomes a version of document ``pk``, validated at once."""
    dok = _dokumen(request.user, pk)
    form = UnggahBertandaForm(request.POST, request.FILES)
    if not form.is_valid():
        _galat_form(request, form)
        return _kembali(dok)
    try:
        val = services.tte_unggah_bertanda(
            dokumen=dok, upload=form.cleaned_data["berkas"], user=request.user
        )
    except RuleViolation as exc:
        kabarkan_penolakan(request, exc)
        return _kembali(dok)
    (messages.success if val.sah else messages.warning)(
        request,
        _("Versi %(n)d: %(ringkasan)s") % {"n": val.versi.nomor, "ringkasan": val.ringkasan},
    )
    return _kembali(dok)


def form_catat(dok: Dokumen, data=None) -> CatatDariTteForm | None:
    """The form recording the signing step from a signed version, when the KSDD is at
    that step and a version validates; else None."""

    tahap = {"kb": Status.PENANDATANGANAN_KB, "pks": Status.PENANDATANGANAN_PKS}
    ksdd = dok.ksdd
    if ksdd is None or tahap.get(dok.jenis) != ksdd.status:
        return None
    versi = services.versi_dapat_dicatat(dok)
    if not versi:
        return None

    pihak = [wilayah_daerah(), *ksdd.mitra.order_by("kode")]
    return CatatDariTteForm(data, versi=versi, pihak=pihak, pks=dok.jenis == "pks")


@login_required
@require_POST
def catat_langkah(request, pk: int):
    """Record the KB/PKS signing step of document ``pk``'s KSDD from a signed version:
    date from the signature, the signed PDF the step's file (P20-3, P24-1)."""

    dok = _dokumen(request.user, pk)
    transisi = TRANSISI["tandatangani_kb" if dok.jenis == "kb" else "tandatangani_pks"]
    if dok.jenis not in ("kb", "pks") or not boleh(request.user, transisi, dok.ksdd):
        messages.error(
            request, _("Anda tidak berwenang melakukan “%s” pada KSDD ini.") % transisi.label
        )
        return _kembali(dok)
    form = form_catat(dok, request.POST)
    if form is None:
        messages.error(
            request,
            _(
                "Belum ada versi bertanda tangan elektronik yang sah untuk mencatat langkah "
                "penandatanganan, atau KSDD tidak sedang pada tahap itu."
            ),
        )
        return _kembali(dok)
    if not form.is_valid():
        _galat_form(request, form)
        return _kembali(dok)
    versi = dok.versi.get(pk=form.cleaned_data["versi"])
    try:
        ksdd = services.tte_catat_penandatanganan(
            versi=versi,
            user=request.user,
            tempat=form.cleaned_data["tempat"],
            nomor_naskah=form.nomor_naskah(),
            alasan_perbedaan=form.cleaned_data.get("alasan_perbedaan", ""),
        )
    except RuleViolation as exc:
        kabarkan_penolakan(request, exc)
        return _kembali(dok)
    messages.success(
        request,
        _("%(langkah)s dicatat dari versi %(n)d; KSDD kini pada tahap %(tahap)s.")
        % {"langkah": transisi.label, "n": versi.nomor, "tahap": ksdd.tahap_label},
    )
    return _kembali(dok)


def _qr_svg(teks: str) -> str:
    img = qrcode.make(teks, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    out = io.BytesIO()
    img.save(out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


_GANTI = "kersa_otp_ganti"


def _tujuan(request) -> str:
    tujuan = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(tujuan, allowed_hosts={request.get_host()}):
        tujuan = "/"
    return tujuan


@login_required
def faktor_kedua(request):
    """Enrol the second factor (TOTP, django-otp): scan the QR code in an authenticator
    app, then confirm with a code; the page then shows the backup codes once. Required at
    login for administrators and whoever signs or approves (issue 19 item 5), and at each
    signing. A verified user may ask for new backup codes here."""
    user = request.user
    if faktor_kedua_mod.perangkat(user) and not user.is_verified():
        # a factor (or backup codes) enrolled, and this login has not given its code yet:
        # nobody enrols a new authenticator with the password alone
        return redirect(f"{reverse('tte:masuk_otp')}?next={request.get_full_path()}")
    aktif = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    tujuan = _tujuan(request)
    baru = None
    form = AktifkanOtpForm(request.POST or None)
    if aktif is not None and request.method == "POST" and request.POST.get("ganti"):
        # a new phone, or the old one lost (logged in with a backup code): the old
        # authenticator works until the new one is confirmed
        request.session[_GANTI] = True
        return redirect(f"{reverse('tte:faktor_kedua')}?next={tujuan}")
    if aktif is not None and request.session.get(_GANTI):
        aktif = None
    if aktif is not None:
        if request.method == "POST" and request.POST.get("kode_cadangan_baru"):
            kode = faktor_kedua_mod.kode_cadangan_buat(user)
            return render(request, "tte/kode_cadangan.html", {"kode": kode, "tujuan": tujuan})
    else:
        baru = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if baru is None:
            baru = TOTPDevice.objects.create(
                user=user, name=_("Aplikasi autentikator"), confirmed=False
            )
        if request.method == "POST" and form.is_valid():
            if baru.verify_token(form.cleaned_data["kode_otp"].strip()):
                TOTPDevice.objects.filter(user=user).exclude(pk=baru.pk).delete()
                baru.confirmed = True
                baru.save(update_fields=["confirmed"])
                otp_login(request, baru)
                request.session[SESI] = KODE
                request.session.pop(_GANTI, None)
                kode = faktor_kedua_mod.kode_cadangan_buat(user)
                messages.success(
                    request,
                    _("Faktor kedua aktif; gunakan kodenya setiap kali masuk dan menandatangani."),
                )
                return render(request, "tte/kode_cadangan.html", {"kode": kode, "tujuan": tujuan})
            form.add_error(
                "kode_otp", _("Kode salah atau sudah kedaluwarsa; coba kode berikutnya.")
            )
    return render(
        request,
        "tte/faktor_kedua.html",
        {
            "aktif": aktif,
            "baru": baru,
            "form": form,
            "wajib": faktor_kedua_mod.wajib_faktor_kedua(user),
            "sisa_cadangan": faktor_kedua_mod.sisa_kode_cadangan(user) if aktif else None,
            "qr": _qr_svg(baru.config_url) if baru else None,
            "kunci": base64.b32encode(baru.bin_key).decode() if baru else None,
        },
    )


def verifikasi(request, kode: str):
    """Public (no login): the signed document of ``kode`` — title, number, date, signers,
    whether its signatures validate — and whether a file presented is that document.
    Nothing else of the KSDD is shown."""
    data = verifikasi_kode(kode)
    if data is None:
        raise Http404(_("Kode verifikasi tidak dikenal."))
    form = CocokkanForm(request.POST or None, request.FILES or None)
    cocok = None
    if request.method == "POST" and form.is_valid():
        berkas = form.cleaned_data.get("berkas")
        sha = (form.cleaned_data.get("sha256") or "").strip().lower()
        if berkas:
            sha = hashlib.sha256(berkas.read()).hexdigest()
        if sha:
            cocok = {"sha": sha, "versi": versi_bertanda_dengan_sha(data.dokumen, sha)}
        else:
            form.add_error(None, _("Unggah berkas atau isi SHA-256-nya."))
    return render(request, "tte/verifikasi.html", {"v": data, "form": form, "cocok": cocok})


@login_required
def masuk_otp(request):
    """The login's second step for a user with an enrolled second factor: the 6-digit
    code of the authenticator, or one of the backup codes (used up)."""
    tujuan = _tujuan(request)
    if not faktor_kedua_mod.perangkat(request.user):
        return redirect(f"{reverse('tte:faktor_kedua')}?next={tujuan}")
    form = AktifkanOtpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = faktor_kedua_mod.perangkat_cocok(request.user, form.cleaned_data["kode_otp"])
        if d is not None:
            otp_login(request, d)
            if not faktor_kedua_mod.punya_totp(request.user):
                # came in with a backup code after losing the authenticator: enrol anew
                messages.warning(request, _("Daftarkan aplikasi autentikator yang baru."))
                return redirect(f"{reverse('tte:faktor_kedua')}?next={tujuan}")
            sisa = faktor_kedua_mod.sisa_kode_cadangan(request.user)
            if sisa <= 2:
                messages.warning(
                    request,
                    _("Sisa kode cadangan Anda %(n)d; buat yang baru di halaman Faktor kedua.")
                    % {"n": sisa},
                )
            return redirect(tujuan)
        form.add_error("kode_otp", _("Kode salah atau sudah kedaluwarsa; coba kode berikutnya."))
    return render(request, "tte/masuk_otp.html", {"form": form})
