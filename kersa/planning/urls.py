from django.urls import path

from .views import rencana

app_name = "rencana"
urlpatterns = [
    path("", rencana.daftar, name="daftar"),
]
