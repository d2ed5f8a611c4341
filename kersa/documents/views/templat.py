"""The Word templates of the document kinds (administrators): the list, and per kind the
upload of an edited DOCX, its version history, the download of the template in force
and the way back to the shipped one or an earlier version. Views only call services."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kersa.core.errors import RuleViolation
from kersa.core.forms import kabarkan_penolakan
from kersa.regions.models import PerangkatDaerah, Wilayah

from ..choices import JenisDokumen
from ..models import KopSurat, LambangGaruda, TemplatDokumen
from ..services.isi import templat_berlaku, templat_data
from ..services.lambang import lambang_unggah
from ..services.templat import kop_simpan, templat_kembalikan, templat_unggah
from ..templat_contoh import bagian_wajib, templat_bawaan
from ..validators import DOCX

_IZIN = "documents.kelola_templat"


class TemplatForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("Templat Word (.docx) yang sudah disunting"),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx"}),
    )
    catatan = forms.CharField(label=gettext_lazy("Catatan perubahan"), required=False)


def _jenis(jenis: str) -> JenisDokumen:
    if jenis not in JenisDokumen.values:
        raise Http404(_("Jenis dokumen tidak dikenal."))
    return JenisDokumen(jenis)


@login_required
@permission_required(_IZIN, raise_exception=True)
def daftar(request):
    baris = [
        {"jenis": j, "berlaku": templat_berlaku(j), "bawaan": templat_bawaan(j)}
        for j in JenisDokumen
    ]
    return render(request, "documents/templat_daftar.html", {"baris": baris})


@login_required
@permission_required(_IZIN, raise_exception=True)
def rincian(request, jenis: str):
    jenis = _jenis(jenis)
    form = TemplatForm()
    if request.method == "POST":
        form = TemplatForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                baris = templat_unggah(
                    jenis=jenis,
                    upload=form.cleaned_data["berkas"],
                    user=request.user,
                    catatan=form.cleaned_data["catatan"],
                )
            except RuleViolation as exc:
                for p in exc.pelanggaran:
                    form.add_error("berkas", str(p.detail))
            else:
                messages.success(
                    request,
                    _("Templat %(jenis)s versi %(versi)d berlaku mulai sekarang.")
                    % {"jenis": jenis.label, "versi": baris.versi},
                )
                return redirect("documents:templat", jenis=jenis.value)
    return render(
        request,
        "documents/templat_rincian.html",
        {
            "jenis": jenis,
            "form": form,
            "berlaku": templat_berlaku(jenis),
            "riwayat": TemplatDokumen.objects.filter(jenis=jenis).select_related("diunggah_oleh"),
            "bagian": [nama for nama, _p in bagian_wajib(jenis)],
            "bawaan": templat_bawaan(jenis),
        },
    )


@login_required
@permission_required(_IZIN, raise_exception=True)
def unduh(request, jenis: str):
    """The DOCX in force for ``jenis``, to edit in Word and upload again."""
    jenis = _jenis(jenis)
    resp = HttpResponse(templat_data(jenis), content_type=DOCX)
    resp["Content-Disposition"] = f'attachment; filename="templat-{jenis.value}.docx"'
    return resp


@login_required
@permission_required(_IZIN, raise_exception=True)
@require_POST
def kembalikan(request, jenis: str):
    jenis = _jenis(jenis)
    versi = request.POST.get("versi") or None
    try:
        templat_kembalikan(jenis=jenis, user=request.user, versi=int(versi) if versi else None)
    except (RuleViolation, ValueError) as exc:
        if isinstance(exc, RuleViolation):
            kabarkan_penolakan(request, exc)
        else:
            messages.error(request, _("Versi templat tidak sah."))
    else:
        messages.success(request, _("Templat %s diganti.") % jenis.label)
    return redirect("documents:templat", jenis=jenis.value)


class KopForm(forms.ModelForm):
    class Meta:
        model = KopSurat
        fields = ["alamat", "kota", "kode_pos", "telepon", "faksimile", "email", "laman"]


def _dikirim(request, prefix: str) -> bool:
    """An agency's letterhead form is read only when the POST carries its fields (a
    post without them leaves the agency's address as it is)."""
    return request.method == "POST" and any(k.startswith(f"{prefix}-") for k in request.POST)


class KopPdForm(forms.ModelForm):
    class Meta:
        from kersa.regions.models import PerangkatDaerah

        model = PerangkatDaerah
        fields = ["alamat", "telepon", "email", "laman"]


@login_required
@permission_required(_IZIN, raise_exception=True)
def kop(request):
    """The letterhead settings: the head of region's and the Sekretariat Daerah's address,
    postal code, telephone, e-mail and website, printed on every letter from now on."""
    forms_ = []
    for penanda in KopSurat.Penanda:
        baris = KopSurat.objects.filter(penanda=penanda).first() or KopSurat(penanda=penanda)
        forms_.append(
            (
                penanda,
                KopForm(
                    request.POST if request.method == "POST" else None,
                    instance=baris,
                    prefix=penanda.value,
                ),
            )
        )
    # Each agency's own letterhead: the records its head signs (semester report,
    # dispute records, KAK) print its address and contacts, not the Setda's.

    forms_pd = [
        (
            pd,
            KopPdForm(
                request.POST if _dikirim(request, f"pd{pd.pk}") else None,
                instance=pd,
                prefix=f"pd{pd.pk}",
            ),
        )
        for pd in PerangkatDaerah.objects.filter(aktif=True).order_by("nama")
    ]
    semua = [f for _p, f in forms_] + [f for _p, f in forms_pd if f.is_bound]
    if request.method == "POST" and all(f.is_valid() for f in semua):
        for _p, f in forms_:
            kop_simpan(form=f, user=request.user)
        for _p, f in forms_pd:
            if f.is_bound and f.has_changed():
                kop_simpan(form=f, user=request.user)
        messages.success(request, _("Kop surat disimpan; surat berikutnya memakainya."))
        return redirect("documents:kop")
    return render(request, "documents/kop.html", {"forms": forms_, "forms_pd": forms_pd})


@login_required
@permission_required("documents.kelola_lambang", raise_exception=True)
def lambang(request):
    """The emblems page: the Garuda Pancasila (P11-2) and the region emblems (P12-3)."""

    daerah = Wilayah.objects.filter(jenis__in=["kabupaten", "kota", "provinsi"])
    if request.method == "POST":
        berkas = request.FILES.get("gambar")
        kode = request.POST.get("wilayah") or ""
        wilayah = daerah.filter(kode=kode).first() if kode else None
        if berkas is None or (kode and wilayah is None):
            messages.error(request, _("Pilih berkas gambar (dan daerahnya)."))
        else:
            try:
                lambang_unggah(upload=berkas, user=request.user, wilayah=wilayah)
            except RuleViolation as exc:
                kabarkan_penolakan(request, exc)
            else:
                messages.success(
                    request,
                    _("Lambang %s disimpan; dokumen yang dibuat berikutnya memakainya.")
                    % (wilayah.nama_lengkap if wilayah else _("Garuda Pancasila")),
                )
        return redirect("documents:lambang")
    return render(
        request,
        "documents/lambang.html",
        {
            "garuda": LambangGaruda.objects.first(),
            "daerah": daerah.order_by("kode"),
            "berlambang": daerah.exclude(lambang="").order_by("kode"),
        },
    )
