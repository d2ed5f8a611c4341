"""Admin for master data of the agreements app.

KSDD are read-only here: their stage moves only through the services (the web
pages and the API). A Surat Kuasa is recorded on the KSDD's pages, in the API or here, and
is revoked with its reason through ``surat_kuasa_cabut`` (the KSDD page, or
``/api/v1/surat-kuasa/{id}/cabut/``), never deleted.
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
    # The revocation carries a reason, a date and who revoked (P24-2): only through the
    # service, never by ticking a box here.
    _PENCABUTAN = ("dicabut", "alasan_pencabutan", "tanggal_pencabutan", "dicabut_oleh")

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return (*self._PENCABUTAN, "dicatat_oleh")
        return [f.name for f in SuratKuasa._meta.fields if f.name != "tanggal_tembusan"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.dicatat_oleh = request.user
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.site_header = _("KERSA — Administrasi")
admin.site.site_title = _("KERSA")
