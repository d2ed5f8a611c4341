"""Record the KB/PKS signing step from a signed version (issue 16; P20-3, P24-1):
``POST /api/v1/versi/{id}/catat-penandatanganan/``. The date is the signature's, the
signed PDF the step's file, the signers the certificates' holders; a version whose
signatures do not validate, a party who did not sign, or paraf hierarki after the
signature is refused with 422 and the Pasal."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from kersa.agreements import selectors
from kersa.agreements.selectors import boleh
from kersa.agreements.workflow import TRANSISI
from kersa.documents.models import VersiDokumen
from kersa.tte import services

from ..fields import KodeWilayahField, versi_field
from ..parsers import JSON
from ..permissions import AUTENTIKASI, PunyaPeranKsdd
from ..schema import GALAT_TULIS
from ..serializers import ksdd as s


class NomorNaskahSerializer(serializers.Serializer):
    wilayah = KodeWilayahField(help_text=_("Kode wilayah pihak."))
    nomor_naskah = serializers.CharField(max_length=100, allow_blank=True)


class CatatDariTteSerializer(serializers.Serializer):
    """Catat langkah penandatanganan KB/PKS dari versi bertanda tangan elektronik yang sah
    (P20-3, P24-1): tanggal dari waktu tanda tangan, berkas dari PDF bertanda tangan."""

    tempat = serializers.CharField(max_length=100, allow_blank=True)
    nomor_naskah = NomorNaskahSerializer(many=True, required=False, default=list)
    alasan_perbedaan = serializers.CharField(allow_blank=True, required=False, default="")
    versi = versi_field()


@extend_schema(tags=["ksdd-langkah"])
class CatatDariTteView(APIView):
    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaPeranKsdd]
    parser_classes = JSON
    serializer_class = CatatDariTteSerializer

    @extend_schema(
        summary=str(_("Catat penandatanganan dari versi bertanda tangan elektronik")),
        request=CatatDariTteSerializer,
        responses={
            200: OpenApiResponse(
                s.KsddDetailSerializer, description=_("Langkah dicatat; KSDD terbaru.")
            ),
            **GALAT_TULIS,
        },
    )
    def post(self, request, pk: int):
        versi = (
            VersiDokumen.objects.select_related("dokumen", "dokumen__ksdd", "berkas")
            .filter(pk=pk, dokumen__ksdd__isnull=False)
            .first()
        )
        if (
            versi is None
            or not selectors.ksdd_visible_to(request.user).filter(pk=versi.dokumen.ksdd_id).exists()
        ):
            raise Http404
        dok = versi.dokumen
        transisi = TRANSISI["tandatangani_pks" if dok.jenis == "pks" else "tandatangani_kb"]
        if not boleh(request.user, transisi, dok.ksdd):
            raise PermissionDenied(
                _("Anda tidak berwenang melakukan “%s” pada KSDD ini.") % transisi.label
            )
        ser = CatatDariTteSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        d = ser.validated_data
        ksdd = services.tte_catat_penandatanganan(
            versi=versi,
            user=request.user,
            tempat=d["tempat"],
            nomor_naskah={r["wilayah"].kode: r["nomor_naskah"] for r in d["nomor_naskah"]},
            alasan_perbedaan=d["alasan_perbedaan"],
            versi_ksdd=d.get("versi"),
        )
        segar = selectors.ksdd_detail(user=request.user, pk=ksdd.pk)
        return Response(s.KsddDetailSerializer(segar, context={"request": request}).data)
