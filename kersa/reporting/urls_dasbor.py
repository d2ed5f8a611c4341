from django.urls import path

from .views import dasbor

app_name = "dasbor"
urlpatterns = [
    path("", dasbor.daftar, name="daftar"),
]
