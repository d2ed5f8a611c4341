from django.urls import path

from .views import monev, pembinaan, perselisihan

app_name = "pembinaan"
urlpatterns = [
    path("", pembinaan.daftar, name="daftar"),
    path("monev/", monev.daftar, name="monev"),
    path("monev/catat/<int:pd_pk>/", monev.catat, name="monev_catat"),
    path("monev/<int:pk>/", monev.detail, name="monev_detail"),
    path("perselisihan/", perselisihan.daftar, name="perselisihan"),
    path("perselisihan/catat/", perselisihan.catat, name="perselisihan_catat"),
    path("perselisihan/<int:pk>/", perselisihan.detail, name="perselisihan_detail"),
]
