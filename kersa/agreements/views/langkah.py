"""Create/edit forms and one form per workflow step.

Every page here takes the same path (``_LayananView``): the user's role may do
it (else 403), the KSDD is one the user may see (else 404), the form is shaped
by ``forms.py``, and on POST the one service of ``agreements.services`` is
called. A refusal of the regulation (``RuleViolation``) comes back as form
errors citing the rule ID; a lost race (``ConflictError``) as a 409 page with
the conflict message. Nothing is saved on a refusal (the services are atomic,
files included), so the page asks the user to choose the files again.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView

from kersa.core.errors import ConflictError, Pelanggaran, RuleViolation

from .. import rules, services
from ..choices import Pemrakarsa, Status
from ..forms import FORM_LANGKAH, DasarDprdForm, KakForm, KsddForm, pesan_pelanggaran
from ..models import Ksdd
from ..selectors import beda_rancangan_dprd, boleh, ksdd_visible_to
from ..workflow import TRANSISI, Transisi

# The service each step's form feeds; keys are those of workflow.TRANSISI.
LAYANAN: dict[str, Callable[..., Ksdd]] = {
    "ajukan_kak": services.ksdd_ajukan_kak,
    "catat_petunjuk_tertulis": services.ksdd_catat_petunjuk_tertulis,
    "catat_telaah": services.ksdd_catat_telaah,
    "catat_telaah_kak_mitra": services.ksdd_catat_telaah_kak_mitra,
    "catat_penawaran": services.ksdd_catat_penawaran,
    "catat_rekomendasi_pleno": services.ksdd_catat_rekomendasi_pleno,
    "catat_tanggapan": services.ksdd_catat_tanggapan,
    "sepakati_rancangan_kb": services.ksdd_sepakati_rancangan_kb,
    "tandatangani_kb": services.ksdd_tandatangani_kb,
    "ajukan_persetujuan_dprd": services.ksdd_ajukan_persetujuan_dprd,
    "catat_persetujuan_dprd": services.ksdd_catat_persetujuan_dprd,
    "catat_permintaan_kedua": services.ksdd_catat_permintaan_kedua,
    "catat_laporan_gubernur": services.ksdd_catat_laporan_gubernur,
    "catat_jawaban_dprd": services.ksdd_catat_jawaban_dprd,
    "catat_telaahan_dprd": services.ksdd_catat_telaahan_dprd,
    "catat_penolakan_dprd": services.ksdd_catat_penolakan_dprd,
    "catat_tindak_lanjut_telaahan": services.ksdd_catat_tindak_lanjut_telaahan,
    "sepakati_rancangan_pks": services.ksdd_sepakati_rancangan_pks,
    "tandatangani_pks": services.ksdd_tandatangani_pks,
    "catat_persetujuan_dprd_perubahan": services.ksdd_catat_persetujuan_dprd_perubahan,
    "perpanjang_kb": services.ksdd_perpanjang_kb,
    "akhiri": services.ksdd_akhiri,
    "batalkan": services.ksdd_batalkan,
}


class _LayananView(AccessMixin, FormView):
    """The shared path of every form here (see the module docstring).

    Subclasses set ``izin`` (the permission codename the role needs) and write
    ``simpan(form)`` (call the service) and ``sukses(hasil)`` (message, next URL).
    """

    izin = ""
    perlu_ksdd = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm(f"agreements.{self.get_izin()}"):
            raise PermissionDenied(_("Peran Anda tidak dapat melakukan tindakan ini."))
        self.ksdd = self.muat_ksdd(kwargs["pk"]) if self.perlu_ksdd else None
        return super().dispatch(request, *args, **kwargs)

    def get_izin(self) -> str:
        return self.izin

    def muat_ksdd(self, pk: int) -> Ksdd:
        """The KSDD if this user may see it; 404 otherwise (its existence stays private)."""
        qs = ksdd_visible_to(self.request.user).select_related(
            "perangkat_daerah",
            "bentuk",
            "pemrakarsa_mitra",
            "pembayar",
            "penerima_pembayaran",
            "kak",
        )
        try:
            return qs.get(pk=pk)
        except Ksdd.DoesNotExist as exc:
            raise Http404(_("KSDD tidak ditemukan.")) from exc

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if self.perlu_ksdd:
            kwargs["ksdd"] = self.ksdd
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["ksdd"] = self.ksdd
        if self.request.method == "POST":
            # A page shown again after POST saved nothing: the files must be chosen again.
            ctx["berkas_dipilih_ulang"] = [f.name for f in self.request.FILES.values()]
        return ctx

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


class KsddBuatView(_LayananView):
    """Register a new KSDD (``services.ksdd_create``); then on to its KAK."""

    izin = "add_ksdd"
    perlu_ksdd = False
    form_class = KsddForm
    template_name = "agreements/form/ksdd.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def simpan(self, form):
        return services.ksdd_create(user=self.request.user, **form.argumen())

    def sukses(self, ksdd):
        if ksdd.pemrakarsa == Pemrakarsa.MITRA:
            # P17-1: a partner's offer is recorded first, with its KAK; no KAK of ours.
            pesan = _("KSDD %s dicatat. Catat surat penawaran daerah mitra beserta KAK-nya.")
            if boleh(self.request.user, TRANSISI["catat_penawaran"], ksdd):
                url = reverse("agreements:langkah", args=[ksdd.pk, "catat_penawaran"])
            else:  # an agency's operator: the Sekretariat records the letter
                url = reverse("agreements:detail", args=[ksdd.pk])
            return pesan % ksdd.nomor_register, url
        pesan = _("KSDD %s dicatat. Lengkapi Kerangka Acuan Kerja (KAK)-nya.")
        return pesan % ksdd.nomor_register, reverse("agreements:kak", args=[ksdd.pk])


class KsddUbahView(_LayananView):
    """Edit the record (``services.ksdd_update``) against the version the user loaded."""

    izin = "change_ksdd"
    form_class = KsddForm
    template_name = "agreements/form/ksdd.html"

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"user": self.request.user}

    def simpan(self, form):
        return services.ksdd_update(ksdd=self.ksdd, user=self.request.user, **form.argumen())

    def sukses(self, ksdd):
        return _("Data KSDD diperbarui."), reverse("agreements:detail", args=[ksdd.pk])


class KakView(_LayananView):
    """Write the eight parts of the KAK (``services.kak_update``; P14-2)."""

    izin = "change_ksdd"
    form_class = KakForm
    template_name = "agreements/form/kak.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["bagian_kosong"] = self.ksdd.kak.bagian_kosong()
        ctx["dapat_diubah"] = self.ksdd.status == Status.PENYUSUNAN_KAK or (
            services.kak_mitra_dapat_diisi(self.ksdd)
        )
        return ctx

    def simpan(self, form):
        return services.kak_update(ksdd=self.ksdd, user=self.request.user, **form.argumen())

    def sukses(self, kak):
        kosong = kak.bagian_kosong()
        if self.ksdd.pemrakarsa == Pemrakarsa.MITRA:
            # P17-1: the partner's KAK, typed in as far as the clerk has it.
            pesan = _("Bagian KAK daerah mitra disimpan (Pasal 17 ayat 1).")
            return pesan, reverse("agreements:detail", args=[self.ksdd.pk])
        if kosong:
            pesan = _("KAK disimpan. Bagian yang belum diisi: %s (Pasal 14 ayat 2).") % "; ".join(
                label for _f, label in kosong
            )
        else:
            pesan = _("KAK disimpan dan lengkap; KAK dapat diajukan kepada TKKSD.")
        return pesan, reverse("agreements:detail", args=[self.ksdd.pk])


class DasarDprdView(_LayananView):
    """P21-1: change the inputs of the DPRD decision after the KAK is submitted
    (``services.ksdd_ubah_dasar_dprd``): the secretariat or the Ketua, with a reason and
    the evidence; before the KAK is submitted they are edited with the record."""

    izin = "view_ksdd"
    form_class = DasarDprdForm
    template_name = "agreements/form/dasar_dprd.html"

    def muat_ksdd(self, pk: int) -> Ksdd:
        ksdd = super().muat_ksdd(pk)
        if not services.dapat_ubah_dasar_dprd(self.request.user):
            raise PermissionDenied(
                _(
                    "Dasar penentuan Persetujuan DPRD hanya dapat diubah oleh Sekretariat TKKSD "
                    "atau Ketua TKKSD (Pasal 21 ayat 1)."
                )
            )
        return ksdd

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["pasal"] = self.form_class.pasal
        ctx["alasan_dprd"] = rules.alasan_dprd(self.ksdd)
        ctx["perlu_dprd"] = self.ksdd.memerlukan_persetujuan_dprd
        return ctx

    def simpan(self, form):
        return services.ksdd_ubah_dasar_dprd(
            ksdd=self.ksdd, user=self.request.user, **form.argumen()
        )

    def sukses(self, ksdd):
        pesan = _("Dasar Persetujuan DPRD diubah: KSDD ini %s.") % rules.alasan_dprd(ksdd)
        return pesan, reverse("agreements:detail", args=[ksdd.pk])


class LangkahView(_LayananView):
    """The form of one step of ``workflow.TRANSISI``, with what still blocks it."""

    template_name = "agreements/form/langkah.html"

    def dispatch(self, request, *args, **kwargs):
        nama = kwargs["nama"]
        if nama not in TRANSISI:
            raise Http404(_("Tahap tidak dikenal."))
        self.transisi: Transisi = TRANSISI[nama]
        self.layanan = LAYANAN[nama]
        self.form_class = FORM_LANGKAH[nama]
        return super().dispatch(request, *args, **kwargs)

    def get_izin(self) -> str:
        return self.transisi.izin

    def muat_ksdd(self, pk: int) -> Ksdd:
        ksdd = super().muat_ksdd(pk)
        if not boleh(self.request.user, self.transisi, ksdd):
            raise PermissionDenied(_("Anda tidak berwenang melakukan tahap ini pada KSDD ini."))
        return ksdd

    def hambatan(self) -> list[Pelanggaran]:
        return self.transisi.hambatan_penuh(self.ksdd)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["transisi"] = self.transisi
        ctx["pasal"] = self.form_class.pasal
        ctx["dapat_dilakukan"] = self.transisi.berlaku_untuk(self.ksdd)
        ctx["hambatan"] = [
            {"rule": p.rule, "detail": p.detail, "teks": pesan_pelanggaran(p)}
            for p in self.hambatan()
        ]
        if self.transisi.nama == "tandatangani_pks":
            # P22-2: the difference from the draft DPRD approved, shown before signing.

            ctx["beda_dprd"] = beda_rancangan_dprd(self.ksdd)
        return ctx

    def simpan(self, form):
        return self.layanan(ksdd=self.ksdd, user=self.request.user, **form.argumen())

    def sukses(self, ksdd):
        pesan = _("Tahap KSDD diperbarui: %(langkah)s. Status sekarang: %(status)s.") % {
            "langkah": self.transisi.label,
            "status": Status(ksdd.status).label,
        }
        return pesan, reverse("agreements:detail", args=[ksdd.pk])


urlpatterns = [
    path("baru/", KsddBuatView.as_view(), name="buat"),
    path("<int:pk>/ubah/", KsddUbahView.as_view(), name="ubah"),
    path("<int:pk>/kak/", KakView.as_view(), name="kak"),
    path("<int:pk>/dasar-dprd/", DasarDprdView.as_view(), name="dasar_dprd"),
    path("<int:pk>/langkah/<str:nama>/", LangkahView.as_view(), name="langkah"),
]
