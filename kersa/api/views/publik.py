"""The public register of signed agreements, open without login and read-only: the same
rows as the public page (``reporting.views.publik``), from the same reads
(``reporting.statistik.ksdd_publik`` and ``baris_publik``)."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.permissions import AllowAny

from kersa.agreements.models import Ksdd
from kersa.regions.selectors import wilayah_daerah
from kersa.reporting.statistik import baris_publik

from ..filters import PublikFilter
from ..serializers.publik import KsddPublikSerializer


@extend_schema(tags=["publik"], auth=[])
class KsddPublikViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """KSDD whose Kesepakatan Bersama or PKS is signed (Pasal 26), 25 a page. Filters
    ``q`` (title, partner, urusan or number) and ``tahun`` (year of signing)."""

    queryset = Ksdd.objects.none()  # for the schema; PublikFilter reads ksdd_publik
    authentication_classes: list = []
    permission_classes = [AllowAny]
    serializer_class = KsddPublikSerializer
    filterset_class = PublikFilter

    def list(self, request, *args, **kwargs):
        qs = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(qs)
        hari_ini, daerah = timezone.localdate(), wilayah_daerah().nama_lengkap
        baris = [{**baris_publik(k, hari_ini), "daerah": daerah} for k in page]
        return self.get_paginated_response(KsddPublikSerializer(baris, many=True).data)
