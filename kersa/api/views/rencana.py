"""The plan lists (Pasal 7–8), read-only: each identification per plan year with its
plan items. Needs ``planning.view_identifikasi``, as the web page."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticated

from kersa.planning import selectors
from kersa.planning.models import Identifikasi
from kersa.planning.views import rencana as web

from ..filters import IdentifikasiFilter
from ..permissions import AUTENTIKASI, PunyaIzin
from ..serializers import rencana as s


@extend_schema(tags=["rencana"])
class IdentifikasiViewSet(viewsets.ReadOnlyModelViewSet):
    """Identifikasi dan Pemetaan per category and plan year, newest year first (P7, P8).
    Filters ``tahun`` (plan year) and ``kategori``."""

    queryset = Identifikasi.objects.none()  # for the schema; reads go through the selectors
    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaIzin]
    izin_baca = web.LIHAT
    filterset_class = IdentifikasiFilter
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return selectors.identifikasi_list()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return s.IdentifikasiDetailSerializer
        return s.IdentifikasiSerializer

    def get_object(self) -> Identifikasi:
        try:
            return selectors.identifikasi_detail(int(self.kwargs["pk"]))
        except Identifikasi.DoesNotExist as exc:
            raise Http404 from exc
