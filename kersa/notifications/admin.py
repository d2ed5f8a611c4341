from django.contrib import admin

from .models import Notifikasi, Pengingat, PreferensiPengingat, RingkasanHarian


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
    list_display = [
        "user",
        "aplikasi_menjelang",
        "aplikasi_terlewat",
        "surel_menjelang",
        "surel_terlewat",
        "ringkasan_harian",
    ]
    raw_id_fields = ["user"]
    exclude = ["token_kalender"]


@admin.register(RingkasanHarian)
class RingkasanHarianAdmin(admin.ModelAdmin):
    list_display = ["user", "tanggal", "jumlah_pekerjaan", "jumlah_pengingat", "dikirim_pada"]
    list_filter = ["tanggal"]
    raw_id_fields = ["user"]
