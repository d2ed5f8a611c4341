from django.urls import path

from . import views

app_name = "notifications"
urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("baca/", views.tandai_dibaca, name="baca_semua"),
    path("<int:pk>/baca/", views.tandai_dibaca, name="baca"),
    path("preferensi/", views.preferensi, name="preferensi"),
]
