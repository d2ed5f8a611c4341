from django.urls import path

from .views import rapat

app_name = "tkksd"
urlpatterns = [
    path("", rapat.daftar, name="daftar"),
]
