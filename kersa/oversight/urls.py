from django.urls import path

from .views import monev, pembinaan, pendanaan, perselisihan

app_name = "pembinaan"
urlpatterns = [
    path("", pembinaan.daftar, name="daftar"),
    path("kegiatan/", pembinaan.kegiatan, name="kegiatan"),
    path("asosiasi/", pembinaan.asosiasi, name="asosiasi"),
    path("asosiasi/<int:pk>/akhiri/", pembinaan.asosiasi_akhiri, name="asosiasi_akhiri"),
    path("sekretariat/", pembinaan.sekretariat, name="sekretariat"),
    path("sekretariat/ksdd/<int:ksdd_pk>/", pembinaan.sekretariat_catat, name="sekretariat_catat"),
    path("ksdd/<int:pk>/pendanaan/", pendanaan.pendanaan, name="pendanaan"),
    path("monev/", monev.daftar, name="monev"),
    path("monev/catat/<int:pd_pk>/", monev.catat, name="monev_catat"),
    path("monev/<int:pk>/", monev.detail, name="monev_detail"),
    path("perselisihan/", perselisihan.daftar, name="perselisihan"),
    path("perselisihan/catat/", perselisihan.catat, name="perselisihan_catat"),
    path("perselisihan/<int:pk>/", perselisihan.detail, name="perselisihan_detail"),
]
