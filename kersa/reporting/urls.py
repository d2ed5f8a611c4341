from django.urls import path

from .views import laporan, laporan_bupati, laporan_tkksd

app_name = "laporan"
urlpatterns = [
    path("", laporan.daftar, name="daftar"),
    path("ksdd/<int:ksdd_pk>/buat/", laporan.buat, name="buat"),
    path("semester/<int:pk>/", laporan.detail, name="semester"),
    path("bupati/", laporan_bupati.bupati, name="bupati"),
    path("bupati/susun/", laporan_bupati.bupati_mulai, name="bupati_mulai"),
    path("bupati/proses/<int:pk>/", laporan_bupati.proses, name="proses"),
    path("bupati/proses/<int:pk>/xlsx/", laporan_bupati.proses_xlsx, name="proses_xlsx"),
    path("tkksd/", laporan_tkksd.tkksd, name="tkksd"),
    path("tkksd/buat/", laporan_tkksd.tkksd_buat, name="tkksd_buat"),
    path("tkksd/<int:pk>/", laporan_tkksd.tkksd_detail, name="tkksd_detail"),
]
