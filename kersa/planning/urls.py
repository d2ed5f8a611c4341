from django.urls import path

from .views import rencana

app_name = "rencana"
urlpatterns = [
    path("", rencana.daftar, name="daftar"),
    path("mulai/", rencana.mulai, name="mulai"),
    path("<int:pk>/", rencana.detail, name="detail"),
    path("<int:pk>/butir/tambah/", rencana.butir_tambah, name="butir_tambah"),
    path("<int:pk>/tetapkan/", rencana.tetapkan, name="tetapkan"),
    path("<int:pk>/buka-kembali/", rencana.buka_kembali, name="buka_kembali"),
    path("butir/<int:pk>/ubah/", rencana.butir_ubah, name="butir_ubah"),
    path("butir/<int:pk>/hapus/", rencana.butir_hapus, name="butir_hapus"),
    path("tahun/<int:tahun>/xlsx/", rencana.xlsx, name="xlsx"),
]
