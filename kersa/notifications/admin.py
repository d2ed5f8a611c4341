from django.contrib import admin

from .models import Notifikasi, Pengingat, PreferensiPengingat


@admin.register(Pengingat)
class PengingatAdmin(admin.ModelAdmin):
    list_display = ["tenggat", "user", "jenis", "tanggal", "disurelkan_pada"]
    list_filter = ["jenis", "tanggal"]
    raw_id_fields = ["tenggat", "user"]


@admin.register(Notifikasi)
class NotifikasiAdmin(admin.ModelAdmin):
    list_display = ["judul", "user", "dibuat_pada", "dibaca_pada"]
    raw_id_fields = ["tenggat", "user"]


@admin.register(PreferensiPengingat)
class PreferensiPengingatAdmin(admin.ModelAdmin):
    list_display = ["user", "surel_aktif", "ringkasan_harian", "ringkasan_terakhir"]
    raw_id_fields = ["user"]
    exclude = ["token_kalender"]
