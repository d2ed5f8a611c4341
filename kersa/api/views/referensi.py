"""Read-only reference data: regions, agencies and the regulation's closed lists."""

from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.settings import api_settings

from kersa.agreements.models import Bentuk, Tujuan, Urusan
from kersa.regions.models import PerangkatDaerah, Wilayah

from ..filters import PerangkatDaerahFilter, UrusanFilter, WilayahFilter
from ..permissions import AUTENTIKASI
from ..serializers import referensi as s


@extend_schema(tags=["referensi"])
class _Referensi(viewsets.ReadOnlyModelViewSet):
    authentication_classes = AUTENTIKASI
    lookup_value_regex = r"[0-9]+"
    pagination_class = None  # short closed lists


class WilayahViewSet(_Referensi):
    """Provinsi, kabupaten and kota by Kemendagri code (P1-3); the detail lists the
    codes of the regions each borders (P7-1). Filters: ``jenis``, ``provinsi``, ``q``."""

    queryset = Wilayah.objects.all()
    filterset_class = WilayahFilter
    lookup_value_regex = r"[0-9.]+"
    pagination_class = api_settings.DEFAULT_PAGINATION_CLASS

    def get_serializer_class(self):
        return s.WilayahDetailSerializer if self.action == "retrieve" else s.WilayahSerializer


class PerangkatDaerahViewSet(_Referensi):
    """The home region's agencies (P1-6)."""

    queryset = PerangkatDaerah.objects.all()
    serializer_class = s.PerangkatDaerahSerializer
    filterset_class = PerangkatDaerahFilter


class UrusanViewSet(_Referensi):
    """The 31 urusan pemerintahan of Pasal 5 ayat (4) (P5-4)."""

    queryset = Urusan.objects.all()
    serializer_class = s.UrusanSerializer
    filterset_class = UrusanFilter


class BentukViewSet(_Referensi):
    """The nine forms of Pasal 9 with their definitions (P9-a…i)."""

    queryset = Bentuk.objects.all()
    serializer_class = s.BentukSerializer
    filterset_class = None


class TujuanViewSet(_Referensi):
    """The goals of Pasal 3 (P3)."""

    queryset = Tujuan.objects.all()
    serializer_class = s.TujuanSerializer
    filterset_class = None
