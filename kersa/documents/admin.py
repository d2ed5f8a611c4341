"""Admin for documents: read-only. Files and versions are immutable (Pasal 26; P26);
new versions are added through the KSDD page or the API (services.versi)."""

from django.contrib import admin

from kersa.core.admin import HanyaBacaMixin

from .models import Berkas, Dokumen, NomorSurat, PenomoranSurat, VersiDokumen


class _HanyaBaca(HanyaBacaMixin, admin.ModelAdmin):
    pass


@admin.register(Berkas)
class BerkasAdmin(_HanyaBaca):
    list_display = [
        "nama_asli",
        "jenis",
        "ksdd",
        "ukuran",
        "sha256",
        "diunggah_oleh",
        "diunggah_pada",
    ]
    list_filter = ["jenis"]
    search_fields = ["nama_asli", "sha256"]


class VersiInline(HanyaBacaMixin, admin.TabularInline):
    model = VersiDokumen
    extra = 0
    fields = ["nomor", "asal", "berkas", "catatan", "dibuat_oleh", "dibuat_pada"]
    readonly_fields = fields
    can_delete = False


@admin.register(Dokumen)
class DokumenAdmin(_HanyaBaca):
    list_display = ["judul", "jenis", "ksdd", "nomor", "dibuat_pada"]
    list_filter = ["jenis"]
    search_fields = ["judul", "nomor"]
    inlines = [VersiInline]


@admin.register(VersiDokumen)
class VersiDokumenAdmin(_HanyaBaca):
    list_display = ["dokumen", "nomor", "asal", "berkas", "dibuat_oleh", "dibuat_pada"]
    list_filter = ["asal"]


@admin.register(PenomoranSurat)
class PenomoranSuratAdmin(admin.ModelAdmin):
    """The numbering pattern of each document kind is configuration: editable here."""

    list_display = ["jenis", "pola"]


@admin.register(NomorSurat)
class NomorSuratAdmin(_HanyaBaca):
    """Numbers given are a register: never edited or deleted (a number is given once)."""

    list_display = [
        "nomor",
        "jenis",
        "tahun",
        "urut",
        "dokumen",
        "diberikan_oleh",
        "diberikan_pada",
    ]
    list_filter = ["jenis", "tahun"]
    search_fields = ["nomor"]
