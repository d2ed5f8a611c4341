from django.urls import path

from .views import pembinaan

app_name = "pembinaan"
urlpatterns = [
    path("", pembinaan.daftar, name="daftar"),
]
