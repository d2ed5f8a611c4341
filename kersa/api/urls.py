"""The REST API: ``/api/v1/…``, the OpenAPI schema at ``/api/schema/`` and its docs at
``/api/docs/`` (Swagger UI) and ``/api/redoc/``.

v1 endpoints (all need a session or ``Authorization: Token <key>``):

- ``token/`` POST username/password → token
- ``wilayah/`` (``?jenis=&provinsi=&q=``), ``wilayah/{kode}/`` with ``tetangga``
- ``perangkat-daerah/``, ``urusan/``, ``bentuk/``, ``tujuan/`` (read-only)
- ``ksdd/`` GET (the register's filters, paginated) / POST
- ``ksdd/{id}/`` GET / PATCH, ``ksdd/{id}/kak/`` GET / PUT, ``ksdd/{id}/riwayat/`` GET
- ``ksdd/{id}/dokumen/`` GET (documents and versions), ``ksdd/{id}/pemeriksaan/{kb|pks}/`` GET
  (compliance report of the agreed KB/PKS)
- ``ksdd/{id}/{nama}/`` POST, one per transition of ``agreements.workflow.TRANSISI``
  (``nama`` with underscores, e.g. ``ajukan_kak``), listed in ``kersa.api.langkah``
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.permissions import IsAuthenticated
from rest_framework.routers import DefaultRouter

from .permissions import AUTENTIKASI
from .views.dokumen import DokumenKsddView, PemeriksaanView
from .views.ksdd import KsddViewSet
from .views.referensi import (
    BentukViewSet,
    PerangkatDaerahViewSet,
    TujuanViewSet,
    UrusanViewSet,
    WilayahViewSet,
)
from .views.token import TokenView

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

urlpatterns = [
    path("v1/token/", TokenView.as_view(), name="token"),
    path("v1/ksdd/<int:pk>/dokumen/", DokumenKsddView.as_view(), name="ksdd-dokumen"),
    path(
        "v1/ksdd/<int:pk>/pemeriksaan/<str:jenis>/",
        PemeriksaanView.as_view(),
        name="ksdd-pemeriksaan",
    ),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(**_MASUK), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema", **_MASUK), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema", **_MASUK), name="redoc"),
]
