from django.urls import path

from .views import berkas, hasilkan, versi

app_name = "documents"
urlpatterns = [
    path("<int:pk>/", berkas.unduh, name="unduh"),
    path("ksdd/<int:pk>/hasilkan/", hasilkan.hasilkan, name="hasilkan"),
    path("versi/<int:pk>/pdf/", hasilkan.unduh_pdf, name="unduh_pdf"),
    path("ksdd/<int:pk>/versi/", versi.unggah_versi, name="unggah_versi"),
    path("dokumen/<int:pk>/banding/<int:a>/<int:b>/", versi.bandingkan, name="bandingkan"),
    path("ksdd/<int:pk>/pemeriksaan/<str:jenis>/", versi.pemeriksaan, name="pemeriksaan"),
]
