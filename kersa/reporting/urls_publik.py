from django.urls import path

from .views import publik

app_name = "publik"
urlpatterns = [
    path("", publik.daftar, name="daftar"),
]
