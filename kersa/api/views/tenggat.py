"""Clocks: ``GET /api/v1/tenggat/`` with the Tenggat page's filters, ``GET /api/v1/tenggat/{id}/``.

Reads go through ``deadlines.selectors.tenggat_terlihat``: the clocks of the KSDD the user
may see, as on the web page; a clock outside that view is 404.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.permissions import IsAuthenticated

from kersa.deadlines.models import Tenggat
from kersa.deadlines.selectors import tenggat_terlihat

from ..filters import TenggatFilter
from ..permissions import AUTENTIKASI, PunyaIzin
from ..schema import GALAT_BACA
from ..serializers.tenggat import TenggatSerializer, konteks_tenggat


@extend_schema(tags=["tenggat"], responses={200: TenggatSerializer, **GALAT_BACA})
class TenggatViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The clocks of the regulation the user may see, soonest due first. ``?terbuka=true``
    gives the open clocks the Tenggat page lists (running, and missed in the last 30 days);
    ``grup`` one of its groups (``selesai``: closed in the last 30 days); ``pd`` one agency; ``status``, ``rule``, ``ksdd``,
    ``jatuh_tempo_dari`` / ``jatuh_tempo_sampai`` narrow further."""

    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaIzin]
    izin_baca = "agreements.view_ksdd"  # the web Tenggat page's permission
    queryset = Tenggat.objects.none()  # for the schema
    serializer_class = TenggatSerializer
    filterset_class = TenggatFilter

    def get_queryset(self):
        return (
            tenggat_terlihat(self.request.user).select_related("ksdd").order_by("jatuh_tempo", "id")
        )

    def get_serializer_context(self):
        return konteks_tenggat(super().get_serializer_context())
