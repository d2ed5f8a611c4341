from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import KepalaDaerah, PerangkatDaerah, Perbatasan, Wilayah


@admin.register(Wilayah)
class WilayahAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "jenis", "provinsi", "ibu_kota")
    list_filter = ("jenis",)
    search_fields = ("kode", "nama")
    readonly_fields = ("kode",)


@admin.register(Perbatasan)
class PerbatasanAdmin(admin.ModelAdmin):
    list_display = ("wilayah_a", "wilayah_b", "panjang_km")
    search_fields = ("wilayah_a__nama", "wilayah_b__nama", "wilayah_a__kode", "wilayah_b__kode")
    list_select_related = ("wilayah_a", "wilayah_b")


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(SimpleHistoryAdmin):
    list_display = ("nama", "singkatan", "kepala_nama", "membidangi_kerja_sama", "aktif")
    list_filter = ("aktif", "membidangi_kerja_sama")
    search_fields = ("nama", "singkatan", "kepala_nama")


@admin.register(KepalaDaerah)
class KepalaDaerahAdmin(admin.ModelAdmin):
    list_display = ("wilayah", "nama", "status", "nomor_keputusan", "mulai", "selesai")
    list_filter = ("status",)
    search_fields = ("nama", "wilayah__nama", "wilayah__kode")
    autocomplete_fields = ("wilayah",)
