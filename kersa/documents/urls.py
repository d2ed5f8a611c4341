from django.urls import path

from .views import berkas, hasilkan, templat, versi

app_name = "documents"
urlpatterns = [
    path("<int:pk>/", berkas.unduh, name="unduh"),
    path("ksdd/<int:pk>/hasilkan/", hasilkan.hasilkan, name="hasilkan"),
    path("versi/<int:pk>/pdf/", hasilkan.unduh_pdf, name="unduh_pdf"),
    path("dokumen/<int:pk>/rangkap-paraf/", hasilkan.rangkap_paraf, name="rangkap_paraf"),
    path("ksdd/<int:pk>/versi/", versi.unggah_versi, name="unggah_versi"),
    path("dokumen/<int:pk>/banding/<int:a>/<int:b>/", versi.bandingkan, name="bandingkan"),
    path("ksdd/<int:pk>/pemeriksaan/<str:jenis>/", versi.pemeriksaan, name="pemeriksaan"),
    path("templat/", templat.daftar, name="templat_daftar"),
    path("kop/", templat.kop, name="kop"),
    path("lambang/", templat.lambang, name="lambang"),
    path("templat/<str:jenis>/", templat.rincian, name="templat"),
    path("templat/<str:jenis>/unduh/", templat.unduh, name="templat_unduh"),
    path("templat/<str:jenis>/kembalikan/", templat.kembalikan, name="templat_kembalikan"),
]
