"""Surat Kuasa (Pasal 24 ayat 2–3; P24-2, P24-3) at ``surat-kuasa/``: one Surat Kuasa
and its revocation. Those of one KSDD are listed and recorded at ``ksdd/{id}/surat_kuasa/``
(``views.ksdd``). Reading needs ``agreements.view_suratkuasa``, revoking
``agreements.change_suratkuasa`` (the secretariat), as on the web; a Surat Kuasa given
for a KSDD outside the user's view is 404."""

from __future__ import annotations

from django.db.models import Q
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kersa.agreements import services
from kersa.agreements.models import SuratKuasa
from kersa.agreements.selectors import ksdd_visible_to

from ..parsers import JSON
from ..permissions import AUTENTIKASI, PunyaIzin
from ..schema import GALAT_BACA, GALAT_TULIS
from ..serializers import surat_kuasa as s


@extend_schema(tags=["surat-kuasa"])
class SuratKuasaViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """A Surat Kuasa of the Bupati (P1-13, P4-2, P24-2) and its revocation."""

    queryset = SuratKuasa.objects.none()  # for the schema
    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaIzin]
    parser_classes = JSON
    lookup_value_regex = r"[0-9]+"
    serializer_class = s.SuratKuasaSerializer
    izin_baca = "agreements.view_suratkuasa"
    izin_tulis = {"cabut": "agreements.change_suratkuasa"}

    def get_queryset(self):
        terlihat = ksdd_visible_to(self.request.user)
        return (
            SuratKuasa.objects.filter(Q(ksdd__isnull=True) | Q(ksdd__in=terlihat))
            .select_related("perangkat_daerah", "dicatat_oleh", "dicabut_oleh")
            .order_by("-tanggal", "-id")
        )

    @extend_schema(responses={200: s.SuratKuasaSerializer, **GALAT_BACA})
    def retrieve(self, request, *args, **kwargs):
        """One Surat Kuasa, revoked or not."""
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        request=s.SuratKuasaCabutSerializer,
        responses={
            200: OpenApiResponse(s.SuratKuasaSerializer, description="Surat Kuasa dicabut."),
            **GALAT_TULIS,
        },
    )
    @action(detail=True, methods=["post"], serializer_class=s.SuratKuasaCabutSerializer)
    def cabut(self, request, pk=None):
        """Revoke it with its reason and date (``agreements.services.surat_kuasa_cabut``;
        P24-2); a PKS can no longer be signed under it. Revoking twice or without a
        reason is refused (422)."""
        sk = self.get_object()
        ser = s.SuratKuasaCabutSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        sk = services.surat_kuasa_cabut(surat_kuasa=sk, user=request.user, **ser.validated_data)
        segar = self.get_queryset().get(pk=sk.pk)
        return Response(s.SuratKuasaSerializer(segar).data)
