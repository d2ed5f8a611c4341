"""Admin of the deadlines room.

``HariLibur`` (the working-day calendar's own entries) may be added and removed here,
through the same services as the calendar page (rule "HK"); an entry is never edited
in place: remove it and add it again. Clocks (``Tenggat``) and their history are
read-only: they start, end and move only through ``services``.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kersa.core.admin import HanyaBacaMixin
from kersa.core.errors import RuleViolation
from kersa.core.forms import pesan_pelanggaran

from . import services
from .models import HariLibur, KonfirmasiSkb, RiwayatTenggat, Tenggat


class HariLiburAdminForm(forms.ModelForm):
    class Meta:
        model = HariLibur
        fields = ("tanggal", "jenis", "nama", "dasar")

    def clean(self):
        data = super().clean()
        if self.instance.pk is None and not self.errors:
            try:
                services.hari_libur_periksa(
                    tanggal=data["tanggal"], jenis=data["jenis"], nama=data["nama"]
                )
            except RuleViolation as exc:
                raise ValidationError([pesan_pelanggaran(p) for p in exc.pelanggaran]) from exc
        return data


@admin.register(HariLibur)
class HariLiburAdmin(admin.ModelAdmin):
    form = HariLiburAdminForm
    list_display = ("tanggal", "jenis", "nama", "dasar", "dicatat_oleh", "dicatat_pada")
    list_filter = ("jenis",)
    search_fields = ("nama", "dasar")
    date_hierarchy = "tanggal"
    readonly_fields = ("dicatat_oleh", "dicatat_pada")

    def has_change_permission(self, request, obj=None):
        # The list and the detail page stay visible; saving an existing entry is not offered.
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if change:  # pragma: no cover - change permission is refused above
            raise ValidationError(_("Entri kalender kerja tidak diubah; hapus lalu tambah lagi."))
        hari = services.hari_libur_catat(user=request.user, **form.cleaned_data)
        obj.pk, obj.dicatat_oleh, obj.dicatat_pada = hari.pk, hari.dicatat_oleh, hari.dicatat_pada

    def log_addition(self, request, obj, message):
        return None  # the service writes the log entry

    def log_deletions(self, request, queryset):
        return None  # the service writes the log entries

    def delete_model(self, request, obj):
        services.hari_libur_hapus(hari=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for hari in queryset:
            services.hari_libur_hapus(hari=hari, user=request.user)


class RiwayatTenggatInline(HanyaBacaMixin, admin.TabularInline):
    model = RiwayatTenggat
    extra = 0
    fields = ("waktu", "dari", "ke", "oleh", "alasan", "riwayat_tahap")
    readonly_fields = fields
    can_delete = False


@admin.register(Tenggat)
class TenggatAdmin(HanyaBacaMixin, admin.ModelAdmin):
    list_display = (
        "rule",
        "ksdd",
        "peristiwa",
        "jatuh_tempo",
        "tahun_perkiraan",
        "status",
        "akibat",
    )
    list_filter = ("status", "rule", "satuan", "akibat")
    search_fields = ("rule", "kunci", "peristiwa", "ksdd__nomor_register")
    date_hierarchy = "jatuh_tempo"
    list_select_related = ("ksdd",)
    inlines = [RiwayatTenggatInline]


@admin.register(KonfirmasiSkb)
class KonfirmasiSkbAdmin(HanyaBacaMixin, admin.ModelAdmin):
    """Read-only: a year's SKB is confirmed on the working-calendar page
    (``services.skb_konfirmasi``), which also clears the clocks' estimated mark."""

    list_display = ("tahun", "nomor", "tanggal", "dicatat_oleh", "dicatat_pada")
