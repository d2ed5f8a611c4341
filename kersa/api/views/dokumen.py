"""A KSDD's documents with their versions (P26) and the compliance report of its
agreed KB or PKS (P11, P12). Read-only; visible to whoever sees the KSDD (404
otherwise), like the KSDD detail."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from kersa.agreements import selectors
from kersa.agreements.models import Ksdd
from kersa.documents.selectors import dokumen_ksdd, hambatan_naskah, laporan_disepakati
from kersa.documents.views.berkas import respons_berkas
from kersa.documents.views.hasilkan import respons_pdf

from ..permissions import AUTENTIKASI, PunyaPeranKsdd
from ..schema import GALAT_BACA
from ..serializers.dokumen import DokumenSerializer, PemeriksaanSerializer


class _KsddTerlihat(APIView):
    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaPeranKsdd]

    def ksdd(self, pk: int) -> Ksdd:
        try:
            return (
                selectors.ksdd_visible_to(self.request.user)
                .prefetch_related("mitra", "naskah")
                .get(pk=pk)
            )
        except Ksdd.DoesNotExist as exc:
            raise Http404 from exc


@extend_schema(tags=["ksdd-dokumen"])
class DokumenKsddView(_KsddTerlihat):
    serializer_class = DokumenSerializer

    @extend_schema(responses={200: DokumenSerializer(many=True), **GALAT_BACA})
    def get(self, request, pk: int):
        """The KSDD's documents, each with its versions (oldest first)."""
        rows = dokumen_ksdd(self.ksdd(pk))
        return Response(DokumenSerializer(rows, many=True, context={"request": request}).data)


@extend_schema(tags=["ksdd-dokumen"])
class PemeriksaanView(_KsddTerlihat):
    serializer_class = PemeriksaanSerializer

    @extend_schema(
        parameters=[
            OpenApiParameter("jenis", str, OpenApiParameter.PATH, enum=["kb", "pks"]),
        ],
        responses={200: PemeriksaanSerializer, **GALAT_BACA},
    )
    def get(self, request, pk: int, jenis: str):
        """The compliance report of the agreed KB or PKS (Pasal 11/12 ayat 1)."""
        if jenis not in ("kb", "pks"):
            raise Http404
        ksdd = self.ksdd(pk)
        berkas, laporan, alasan = laporan_disepakati(ksdd, jenis)
        versi = None
        if berkas is not None:
            versi = {"nama_berkas": berkas.nama_asli, "sha256": berkas.sha256}
        data = {
            "jenis": jenis,
            "lulus": bool(laporan and laporan.lulus),
            "versi_diperiksa": versi,
            "alasan": alasan,
            "bagian": [b.__dict__ for b in laporan.bagian] if laporan else [],
            "data": [d.__dict__ for d in laporan.data] if laporan else [],
            "pelanggaran": [p.as_dict() for p in laporan.pelanggaran] if laporan else [],
            "hambatan": [p.as_dict() for p in hambatan_naskah(ksdd, jenis)],
        }
        return Response(PemeriksaanSerializer(data).data)


class _Unduhan(APIView):
    """A file for an API client (session or token): the web download's own check and
    response (``documents.views``), so a token holder gets the file, not a 302 to login."""

    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaPeranKsdd]


@extend_schema(
    tags=["ksdd-dokumen"],
    responses={(200, "application/octet-stream"): OpenApiTypes.BINARY, **GALAT_BACA},
)
class UnduhBerkasView(_Unduhan):
    def get(self, request, pk: int):
        """One stored file (a version, a scan) under its original name; 404 outside the
        user's view."""
        return respons_berkas(request.user, pk)


@extend_schema(
    tags=["ksdd-dokumen"],
    responses={(200, "application/pdf"): OpenApiTypes.BINARY, **GALAT_BACA},
)
class UnduhPdfView(_Unduhan):
    def get(self, request, pk: int):
        """One document version as PDF (a DOCX converted on the fly; 503 when the
        converter is unavailable); 404 outside the user's view."""
        return respons_pdf(request.user, pk)
