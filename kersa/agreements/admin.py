"""Admin for master data of the agreements app.

KSDD are read-only here: their stage moves only through the services (the web
pages and the API). A Surat Kuasa is recorded here (or through ``surat_kuasa_create``) and is
revoked, never deleted.
The regulation's closed lists (urusan, bentuk, tujuan) are read-only: they come
from ``muat_data_acuan``.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from kersa.core.admin import HanyaBacaMixin

from .models import Bentuk, Ksdd, RiwayatTahap, SuratKuasa, Tujuan, Urusan


class _HanyaBaca(HanyaBacaMixin, admin.ModelAdmin):
    pass


@admin.register(Urusan)
class UrusanAdmin(_HanyaBaca):
    list_display = ("kode", "nama", "kelompok")
    list_filter = ("kelompok",)
    search_fields = ("nama",)


@admin.register(Bentuk)
class BentukAdmin(_HanyaBaca):
    list_display = ("kode", "nama", "wajib_kompensasi", "pertukaran_layanan")


@admin.register(Tujuan)
class TujuanAdmin(_HanyaBaca):
    list_display = ("kode", "uraian")


class RiwayatInline(HanyaBacaMixin, admin.TabularInline):
    model = RiwayatTahap
    fields = ("waktu", "aksi", "dari", "ke", "oleh", "rule", "alasan")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Ksdd)
class KsddAdmin(_HanyaBaca, SimpleHistoryAdmin):
    list_display = ("nomor_register", "judul", "perangkat_daerah", "kategori", "status")
    list_filter = ("status", "kategori", "bentuk", "perangkat_daerah")
    search_fields = ("nomor_register", "judul")
    list_select_related = ("perangkat_daerah",)
    inlines = [RiwayatInline]


@admin.register(SuratKuasa)
class SuratKuasaAdmin(SimpleHistoryAdmin):
    """Record a Surat Kuasa (P1-13, P24-2); a recorded one is only revoked, never deleted."""

    list_display = (
        "nomor",
        "tanggal",
        "penerima_nama",
        "perangkat_daerah",
        "berlaku_sampai",
        "dicabut",
    )
    list_filter = ("dicabut", "perangkat_daerah")
    search_fields = ("nomor", "penerima_nama")
    autocomplete_fields = ("perangkat_daerah",)
    raw_id_fields = ("ksdd",)
    exclude = ("berkas",)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return [
            f.name for f in SuratKuasa._meta.fields if f.name not in {"dicabut", "tanggal_tembusan"}
        ]

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.site_header = _("KERSA — Administrasi")
admin.site.site_title = _("KERSA")
