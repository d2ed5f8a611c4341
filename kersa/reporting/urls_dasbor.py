from django.urls import path

from .views import dasbor

app_name = "dasbor"
urlpatterns = [
    path("", dasbor.daftar, name="daftar"),
    path("unduh.xlsx", dasbor.unduh_xlsx, name="xlsx"),
    path("unduh.pdf", dasbor.unduh_pdf, name="pdf"),
    path("ekspor/<int:pk>/", dasbor.ekspor, name="ekspor"),
    path("ekspor/<int:pk>/unduh/", dasbor.ekspor_unduh, name="ekspor_unduh"),
]
