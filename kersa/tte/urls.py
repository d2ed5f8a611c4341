from django.urls import path

from . import views

app_name = "tte"
urlpatterns = [
    path("verifikasi/<str:kode>/", views.verifikasi, name="verifikasi"),
    path("tte/dokumen/<int:pk>/tandatangani/", views.tandatangani, name="tandatangani"),
    path("tte/dokumen/<int:pk>/unggah/", views.unggah_bertanda, name="unggah"),
    path("tte/dokumen/<int:pk>/catat-langkah/", views.catat_langkah, name="catat_langkah"),
    path("tte/faktor-kedua/", views.faktor_kedua, name="faktor_kedua"),
    path("tte/faktor-kedua/masuk/", views.masuk_otp, name="masuk_otp"),
]
