from django.urls import path

from .views import keanggotaan, rapat

app_name = "tkksd"
urlpatterns = [
    path("", rapat.daftar, name="daftar"),
    path("rapat/baru/", rapat.buat, name="rapat_buat"),
    path("rapat/<int:pk>/", rapat.detail, name="rapat"),
    path("rapat/<int:pk>/agenda/", rapat.agenda_tambah, name="agenda_tambah"),
    path("rapat/<int:pk>/agenda/<int:agenda_pk>/hapus/", rapat.agenda_hapus, name="agenda_hapus"),
    path("rapat/<int:pk>/hasil/", rapat.hasil, name="rapat_hasil"),
    path("rapat/<int:pk>/batal/", rapat.batal, name="rapat_batal"),
    path("rapat/<int:pk>/dokumen/", rapat.dokumen, name="rapat_dokumen"),
    path("rapat/<int:pk>/undangan/", rapat.undangan, name="rapat_undangan"),
    path("keputusan/", keanggotaan.keputusan_daftar, name="keputusan_daftar"),
    path("keputusan/baru/", keanggotaan.keputusan_buat, name="keputusan_buat"),
    path("keputusan/<int:pk>/", keanggotaan.keputusan_detail, name="keputusan"),
    path("jabatan/<int:pk>/", keanggotaan.jabatan_detail, name="jabatan"),
    path("program/baru/", keanggotaan.program_buat, name="program_buat"),
    path("program/<int:pk>/", keanggotaan.program_detail, name="program"),
]
