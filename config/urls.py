"""KERSA's pages and API: the web-based management of KSDD (Pasal 42; P42)."""

from django.contrib import admin
from django.urls import include, path

from kersa.accounts.views import ResetSandiView

urlpatterns = [
    path("", include("kersa.beranda.urls")),
    path("akun/password_reset/", ResetSandiView.as_view(), name="password_reset"),
    path("akun/", include("kersa.accounts.urls")),
    path("akun/", include("django.contrib.auth.urls")),
    path("ksdd/", include("kersa.agreements.urls")),
    path("berkas/", include("kersa.documents.urls")),
    path("tenggat/", include("kersa.deadlines.urls")),
    path("notifikasi/", include("kersa.notifications.urls")),
    path("perencanaan/", include("kersa.planning.urls")),
    path("tkksd/", include("kersa.governance.urls")),
    path("laporan/", include("kersa.reporting.urls")),
    path("pembinaan/", include("kersa.oversight.urls")),
    path("dasbor/", include("kersa.reporting.urls_dasbor")),
    path("publik/", include("kersa.reporting.urls_publik")),
    path("daerah/", include("kersa.regions.urls")),
    path("api/", include("kersa.api.urls")),
    # Electronic signature and the public verification page (issue 16).
    path("", include("kersa.tte.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

handler400 = "kersa.core.views.galat_permintaan"
handler403 = "kersa.core.views.galat_izin"
handler404 = "kersa.core.views.galat_tidak_ada"
handler500 = "kersa.core.views.galat_server"
