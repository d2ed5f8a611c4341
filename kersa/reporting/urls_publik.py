from django.urls import path

from .views import publik

app_name = "publik"
urlpatterns = [
    path("", publik.daftar, name="daftar"),
    path("unduh.csv", publik.unduh_csv, name="csv"),
    path("unduh.xlsx", publik.unduh_xlsx, name="xlsx"),
]
