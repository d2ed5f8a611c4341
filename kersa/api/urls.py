"""The REST API: ``/api/v1/…``, the OpenAPI schema at ``/api/schema/`` and its docs at
``/api/docs/`` (Swagger UI) and ``/api/redoc/``.

v1 endpoints (all need a session or ``Authorization: Token <key>``):

- ``token/`` POST username/password (and an optional client ``nama``) → token and its
  ``expiry``; ``token/logout/`` POST revokes the token used, ``token/logout-semua/`` POST
  every token of its user
- ``wilayah/`` (``?jenis=&provinsi=&q=``), ``wilayah/{kode}/`` with ``tetangga``
- ``perangkat-daerah/``, ``urusan/``, ``bentuk/``, ``tujuan/`` (read-only)
- ``ksdd/`` GET (the register's filters, paginated) / POST
- ``ksdd/{id}/`` GET / PATCH, ``ksdd/{id}/kak/`` GET / PUT, ``ksdd/{id}/riwayat/`` GET
- ``ksdd/{id}/dokumen/`` GET (documents and versions), ``ksdd/{id}/pemeriksaan/{kb|pks}/`` GET
  (compliance report of the agreed KB/PKS), ``ksdd/{id}/pendanaan/`` GET / POST (funding
  assistance, P31-1), ``ksdd/{id}/surat_kuasa/`` GET / POST (its Surat Kuasa, P24-2;
  multipart for the scan)
- ``surat-kuasa/{id}/`` GET, ``surat-kuasa/{id}/cabut/`` POST (revoke with reason, P24-2)
- ``versi/{id}/catat-penandatanganan/`` POST: the KB/PKS signing step recorded from a
  version signed electronically (date from the signature, P20-3, P24-1; issue 16)
- ``ksdd/{id}/{nama}/`` POST, one per transition of ``agreements.workflow.TRANSISI``
  (``nama`` with underscores, e.g. ``ajukan_kak``), built from the step registry
  ``kersa.agreements.daftar.LANGKAH``
- ``rapat/`` GET / POST (schedule), ``rapat/{id}/`` GET, ``rapat/{id}/{agenda|hasil|dokumen|
  batalkan}/`` POST, ``rapat/{id}/agenda/{agenda_id}/`` DELETE
- ``tkksd/keputusan/``, ``tkksd/program-kerja/`` (read-only)
- ``rencana/`` GET / POST (start), ``rencana/{id}/`` GET,
  ``rencana/{id}/{butir|tetapkan|buka-kembali}/`` POST, ``rencana/{id}/butir/{butir_id}/``
  PATCH / DELETE
- ``laporan-semester/`` GET / POST, ``laporan-semester/{id}/`` GET / PATCH,
  ``laporan-semester/{id}/sampaikan/`` POST; ``laporan-tkksd/`` the same
- ``laporan-bupati/`` GET / POST (start a run → 202), ``laporan-bupati/{id}/`` GET (progress),
  ``laporan-bupati/{id}/xlsx/`` GET (its XLSX, with a token too)
- ``monev/`` GET / POST, ``monev/{id}/{temuan|tindak-lanjut|selesaikan}/`` POST
- ``perselisihan/`` GET / POST, ``perselisihan/{id}/{berkas|musyawarah|selesaikan|laporkan|
  provinsi|peraturan}/`` POST
- ``pembinaan/{kegiatan|asosiasi|sekretariat}/`` GET / POST, ``pembinaan/asosiasi/{id}/akhiri/``
  POST, ``pembinaan/sekretariat/syarat/?ksdd=`` GET (the conditions of Pasal 40 ayat 2)
- ``berkas/{id}/`` GET (a stored file), ``versi/{id}/pdf/`` GET (a version as PDF): with a token
  too, the web download's own permission check
- ``publik/ksdd/``: the public register of signed agreements, without login
- ``tenggat/`` GET (the Tenggat page's filters: ``terbuka``, ``grup``, ``pd``; and ``status``,
  ``rule``, ``ksdd``, ``jatuh_tempo_dari/sampai``), ``tenggat/{id}/`` GET; a KSDD's detail
  carries its clocks under ``tenggat``
"""

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import (
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.permissions import IsAuthenticated
from rest_framework.routers import DefaultRouter

from .permissions import AUTENTIKASI
from .views.dokumen import DokumenKsddView, PemeriksaanView, UnduhBerkasView, UnduhPdfView
from .views.ksdd import KsddViewSet
from .views.laporan import LaporanSemesterViewSet, LaporanTkksdViewSet, ProsesLaporanViewSet
from .views.pengawasan import (
    BantuanPendanaanView,
    KeanggotaanAsosiasiViewSet,
    KegiatanPembinaanViewSet,
    MonevViewSet,
    PerselisihanViewSet,
    SekretariatKerjaSamaViewSet,
)
from .views.publik import KsddPublikViewSet
from .views.referensi import (
    BentukViewSet,
    PerangkatDaerahViewSet,
    TujuanViewSet,
    UrusanViewSet,
    WilayahViewSet,
)
from .views.rencana import IdentifikasiViewSet
from .views.skema import SkemaTersimpan
from .views.surat_kuasa import SuratKuasaViewSet
from .views.tenggat import TenggatViewSet
from .views.tkksd import KeputusanBupatiViewSet, ProgramKerjaViewSet, RapatViewSet
from .views.token import TokenLogoutSemuaView, TokenLogoutView, TokenView
from .views.tte import CatatDariTteView

app_name = "api"

# The schema and its docs are for users who are logged in (session or token).
_MASUK = {"authentication_classes": AUTENTIKASI, "permission_classes": [IsAuthenticated]}


class _Router(DefaultRouter):
    include_format_suffixes = False  # region codes contain dots: 62.04


router = _Router()
router.register("wilayah", WilayahViewSet, basename="wilayah")
router.register("perangkat-daerah", PerangkatDaerahViewSet, basename="perangkat-daerah")
router.register("urusan", UrusanViewSet, basename="urusan")
router.register("bentuk", BentukViewSet, basename="bentuk")
router.register("tujuan", TujuanViewSet, basename="tujuan")
router.register("ksdd", KsddViewSet, basename="ksdd")
router.register("rapat", RapatViewSet, basename="rapat")
router.register("tkksd/keputusan", KeputusanBupatiViewSet, basename="tkksd-keputusan")
router.register("tkksd/program-kerja", ProgramKerjaViewSet, basename="tkksd-program-kerja")
router.register("rencana", IdentifikasiViewSet, basename="rencana")
router.register("laporan-semester", LaporanSemesterViewSet, basename="laporan-semester")
router.register("laporan-tkksd", LaporanTkksdViewSet, basename="laporan-tkksd")
router.register("laporan-bupati", ProsesLaporanViewSet, basename="laporan-bupati")
router.register("monev", MonevViewSet, basename="monev")
router.register("perselisihan", PerselisihanViewSet, basename="perselisihan")
router.register("pembinaan/kegiatan", KegiatanPembinaanViewSet, basename="pembinaan-kegiatan")
router.register("pembinaan/asosiasi", KeanggotaanAsosiasiViewSet, basename="pembinaan-asosiasi")
router.register(
    "pembinaan/sekretariat", SekretariatKerjaSamaViewSet, basename="pembinaan-sekretariat"
)
router.register("surat-kuasa", SuratKuasaViewSet, basename="surat-kuasa")
router.register("publik/ksdd", KsddPublikViewSet, basename="publik-ksdd")
router.register("tenggat", TenggatViewSet, basename="tenggat")

# The API docs under the Content-Security-Policy (config/settings/csp.py): Swagger UI's
# "split" view loads its start script as a file (no inline script), but the page has a
# <style> block and the UI sets styles inline, so style-src gains 'unsafe-inline' here
# only. Redoc starts from an inline <script> and its styled-components insert <style>
# elements and a web worker from a blob: URL, so its page alone allows those. Neither
# page shows user-entered HTML: the schema is KERSA's own.
_swagger = csp_update({"style-src": [UNSAFE_INLINE]})(
    SpectacularSwaggerSplitView.as_view(url_name="api:schema", **_MASUK)
)
_redoc = csp_update(
    {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE], "worker-src": [SELF, "blob:"]}
)(SpectacularRedocView.as_view(url_name="api:schema", **_MASUK))

urlpatterns = [
    path("v1/token/", TokenView.as_view(), name="token"),
    path("v1/token/logout/", TokenLogoutView.as_view(), name="token-logout"),
    path("v1/token/logout-semua/", TokenLogoutSemuaView.as_view(), name="token-logout-semua"),
    path("v1/ksdd/<int:pk>/dokumen/", DokumenKsddView.as_view(), name="ksdd-dokumen"),
    path(
        "v1/ksdd/<int:pk>/pemeriksaan/<str:jenis>/",
        PemeriksaanView.as_view(),
        name="ksdd-pemeriksaan",
    ),
    path("v1/ksdd/<int:pk>/pendanaan/", BantuanPendanaanView.as_view(), name="ksdd-pendanaan"),
    path("v1/berkas/<int:pk>/", UnduhBerkasView.as_view(), name="berkas-unduh"),
    path("v1/versi/<int:pk>/pdf/", UnduhPdfView.as_view(), name="versi-pdf"),
    path(
        "v1/versi/<int:pk>/catat-penandatanganan/",
        CatatDariTteView.as_view(),
        name="versi-catat-penandatanganan",
    ),
    path("v1/", include(router.urls)),
    path("schema/", SkemaTersimpan.as_view(**_MASUK), name="schema"),
    path("docs/", _swagger, name="docs"),
    path("redoc/", _redoc, name="redoc"),
]
