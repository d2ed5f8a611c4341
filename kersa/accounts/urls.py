from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("token/", views.token_daftar, name="token"),
    path("token/<uuid:nomor>/cabut/", views.token_cabut, name="token_cabut"),
    path("token/cabut-semua/", views.token_cabut_semua, name="token_cabut_semua"),
]
