"""Semester reports (Pasal 27 ayat 1 dan 3): read, open, write, send; TKKSD's report
(Pasal 34 ayat 2 huruf j dan ayat 3) likewise; the Bupati's report run (Pasal 27 ayat 2):
started, then polled. The permissions are
the web pages' (``reporting.*_laporansemester``); a report whose KSDD the user may not
see is 404, as on the web (``ksdd_visible_to``)."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kersa.agreements.selectors import ksdd_visible_to
from kersa.reporting import services
from kersa.reporting.models import LaporanSemester, LaporanTkksd, ProsesLaporan
from kersa.reporting.selectors import laporan_semester_untuk, laporan_tkksd_daftar
from kersa.reporting.views.laporan_bupati import respons_xlsx

from ..filters import LaporanSemesterFilter
from ..parsers import JSON
from ..permissions import AUTENTIKASI, PunyaIzin
from ..schema import GALAT_BACA, GALAT_TULIS
from ..serializers import laporan as s

LIHAT = "reporting.view_laporansemester"
SAMPAIKAN = "reporting.sampaikan_laporansemester"


@extend_schema(tags=["laporan"])
class LaporanSemesterViewSet(viewsets.GenericViewSet):
    """Semester reports of the KSDD the user may see, newest semester first. Filters
    ``tahun``, ``semester``, ``status``, ``ksdd``."""

    queryset = LaporanSemester.objects.none()  # for the schema
    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaIzin]
    izin_baca = LIHAT
    izin_tulis = {
        "create": "reporting.add_laporansemester",
        "partial_update": "reporting.change_laporansemester",
        # The web page sends from the draft's form: both permissions.
        "sampaikan": ("reporting.change_laporansemester", SAMPAIKAN),
    }
    parser_classes = JSON
    filterset_class = LaporanSemesterFilter
    lookup_value_regex = r"[0-9]+"
    serializer_class = s.LaporanSemesterDetailSerializer

    def get_queryset(self):
        # No list selector in reporting.selectors (laporan_semester_daftar lists KSDD
        # per semester, laporan_semester_untuk one report): the same visibility rule.
        return (
            LaporanSemester.objects.filter(ksdd__in=ksdd_visible_to(self.request.user))
            .select_related("ksdd")
            .order_by("-tahun", "-semester", "ksdd__nomor_register", "pk")
        )

    def get_serializer_class(self):
        if self.action == "create":
            return s.LaporanSemesterBuatSerializer
        if self.action == "partial_update":
            return s.LaporanSemesterUbahSerializer
        return super().get_serializer_class()

    def get_object(self) -> LaporanSemester:
        return self._muat(int(self.kwargs["pk"]))

    def _muat(self, pk: int) -> LaporanSemester:
        """The report if its KSDD is visible to the user, else 404 (as on the web)."""
        try:
            return laporan_semester_untuk(user=self.request.user, pk=pk)
        except LaporanSemester.DoesNotExist as exc:
            raise Http404 from exc

    def _detail(self, laporan, status_code=status.HTTP_200_OK) -> Response:
        segar = self._muat(laporan.pk)
        data = s.LaporanSemesterDetailSerializer(segar, context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    @extend_schema(responses={200: s.LaporanSemesterSerializer(many=True)})
    def list(self, request):
        qs = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(s.LaporanSemesterSerializer(page, many=True).data)

    @extend_schema(responses={200: s.LaporanSemesterDetailSerializer, **GALAT_BACA})
    def retrieve(self, request, pk=None):
        """The report's parts a–i (P27-3), its document and history."""
        laporan = self.get_object()
        data = s.LaporanSemesterDetailSerializer(
            laporan, context=self.get_serializer_context()
        ).data
        return Response(data)

    @extend_schema(
        request=s.LaporanSemesterBuatSerializer,
        responses={201: s.LaporanSemesterDetailSerializer, **GALAT_TULIS},
    )
    def create(self, request):
        """Open the report of a KSDD in pelaksanaan for a semester (P27-1)."""
        ser = s.LaporanSemesterBuatSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        ser.is_valid(raise_exception=True)
        laporan = services.laporan_semester_buat(user=request.user, **ser.validated_data)
        return self._detail(laporan, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.LaporanSemesterUbahSerializer,
        responses={200: s.LaporanSemesterDetailSerializer, **GALAT_TULIS},
    )
    def partial_update(self, request, pk=None):
        """Write parts a–i of a draft; send only what changes."""
        laporan = self.get_object()
        ser = s.LaporanSemesterUbahSerializer(data=request.data, partial=True)
        ser.is_valid(raise_exception=True)
        services.laporan_semester_ubah(laporan=laporan, user=request.user, **ser.validated_data)
        return self._detail(laporan)

    @extend_schema(
        request=None,
        responses={
            200: OpenApiResponse(
                s.LaporanSemesterDetailSerializer,
                description="Laporan disampaikan kepada Bupati dengan tembusan TKKSD.",
            ),
            **GALAT_TULIS,
        },
    )
    @action(detail=True, methods=["post"])
    def sampaikan(self, request, pk=None):
        """Send the report to the Bupati with a copy to TKKSD, dated today (P27-1); parts
        a–h must be filled (P27-3). Generates its DOCX and meets the semester's clock."""
        laporan = self.get_object()
        services.laporan_semester_sampaikan(laporan=laporan, user=request.user)
        return self._detail(laporan)


# --- TKKSD's report (Pasal 34 ayat 2 huruf j dan ayat 3) ------------------------------------

LIHAT_TKKSD = "reporting.view_laporantkksd"
UBAH_TKKSD = "reporting.change_laporantkksd"


@extend_schema(tags=["laporan"])
class LaporanTkksdViewSet(viewsets.GenericViewSet):
    """TKKSD's semester reports to the Bupati, newest first; semester II is also the
    annual report (P34-2j, P34-3). Read by TKKSD and the Bupati; opened, written and
    sent by the secretariat, as on the web page."""

    queryset = LaporanTkksd.objects.none()  # for the schema
    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaIzin]
    izin_baca = LIHAT_TKKSD
    izin_tulis = {
        "create": "reporting.add_laporantkksd",
        "partial_update": UBAH_TKKSD,
        # The web page sends from the draft's form: both permissions.
        "sampaikan": (UBAH_TKKSD, "reporting.sampaikan_laporantkksd"),
    }
    parser_classes = JSON
    lookup_value_regex = r"[0-9]+"
    serializer_class = s.LaporanTkksdDetailSerializer

    def get_queryset(self):
        return laporan_tkksd_daftar()

    def get_serializer_class(self):
        if self.action == "create":
            return s.LaporanTkksdBuatSerializer
        if self.action == "partial_update":
            return s.LaporanTkksdUbahSerializer
        if self.action == "list":
            return s.LaporanTkksdSerializer
        return super().get_serializer_class()

    def get_object(self) -> LaporanTkksd:
        try:
            return (
                LaporanTkksd.objects.select_related("dokumen")
                .prefetch_related("dokumen__versi__berkas", "riwayat__oleh")
                .get(pk=int(self.kwargs["pk"]))
            )
        except LaporanTkksd.DoesNotExist as exc:
            raise Http404 from exc

    def _detail(self, pk: int, status_code=status.HTTP_200_OK) -> Response:
        self.kwargs["pk"] = pk
        data = s.LaporanTkksdDetailSerializer(
            self.get_object(), context=self.get_serializer_context()
        ).data
        return Response(data, status=status_code)

    @extend_schema(responses={200: s.LaporanTkksdSerializer(many=True)})
    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(s.LaporanTkksdSerializer(page, many=True).data)

    @extend_schema(responses={200: s.LaporanTkksdDetailSerializer, **GALAT_BACA})
    def retrieve(self, request, pk=None):
        """The report's narrative parts, its DOCX and history."""
        return self._detail(int(pk))

    @extend_schema(
        request=s.LaporanTkksdBuatSerializer,
        responses={201: s.LaporanTkksdDetailSerializer, **GALAT_TULIS},
    )
    def create(self, request):
        """Open TKKSD's report of a semester, one per semester (P34-2j, P34-3)."""
        ser = s.LaporanTkksdBuatSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        laporan = services.laporan_tkksd_buat(user=request.user, **ser.validated_data)
        return self._detail(laporan.pk, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.LaporanTkksdUbahSerializer,
        responses={200: s.LaporanTkksdDetailSerializer, **GALAT_TULIS},
    )
    def partial_update(self, request, pk=None):
        """Write the narrative parts of a draft; send only what changes (P34-2j)."""
        laporan = self.get_object()
        ser = s.LaporanTkksdUbahSerializer(data=request.data, partial=True)
        ser.is_valid(raise_exception=True)
        services.laporan_tkksd_ubah(laporan=laporan, user=request.user, **ser.validated_data)
        return self._detail(laporan.pk)

    @extend_schema(
        request=None,
        responses={
            200: OpenApiResponse(
                s.LaporanTkksdDetailSerializer,
                description="Laporan TKKSD disampaikan kepada Bupati.",
            ),
            **GALAT_TULIS,
        },
    )
    @action(detail=True, methods=["post"])
    def sampaikan(self, request, pk=None):
        """Send the report to the Bupati, dated today: its DOCX is generated with the
        semester's figures and the semester's clock met (P34-2j, P34-3)."""
        laporan = self.get_object()
        services.laporan_tkksd_sampaikan(laporan=laporan, user=request.user)
        return self._detail(laporan.pk)


# --- the Bupati's report to the Gubernur (Pasal 27 ayat 2) ----------------------------------


@extend_schema(tags=["laporan"])
class ProsesLaporanViewSet(viewsets.GenericViewSet):
    """Runs of the Bupati's consolidated report to the Gubernur (P27-2), newest first.
    Starting one needs ``reporting.susun_laporan_bupati`` (the secretariat, the Bupati);
    the worker builds it and the run's ``url`` shows its progress and, once done, its
    DOCX and XLSX."""

    queryset = ProsesLaporan.objects.none()  # for the schema
    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaIzin]
    izin_baca = "reporting.view_proseslaporan"
    izin_tulis = {"create": "reporting.susun_laporan_bupati"}
    parser_classes = JSON
    lookup_value_regex = r"[0-9]+"
    serializer_class = s.ProsesLaporanSerializer

    def get_queryset(self):
        return ProsesLaporan.objects.select_related("dokumen").prefetch_related(
            "dokumen__versi__berkas", "dokumen__versi__dibuat_oleh"
        )

    def get_serializer_class(self):
        if self.action == "create":
            return s.ProsesLaporanMulaiSerializer
        return super().get_serializer_class()

    def get_object(self) -> ProsesLaporan:
        try:
            return self.get_queryset().get(pk=int(self.kwargs["pk"]))
        except ProsesLaporan.DoesNotExist as exc:
            raise Http404 from exc

    def _baca(self, proses, status_code=status.HTTP_200_OK) -> Response:
        data = s.ProsesLaporanSerializer(proses, context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    @extend_schema(responses={200: s.ProsesLaporanSerializer(many=True)})
    def list(self, request):
        page = self.paginate_queryset(self.get_queryset())
        data = s.ProsesLaporanSerializer(page, many=True, context=self.get_serializer_context())
        return self.get_paginated_response(data.data)

    @extend_schema(responses={200: s.ProsesLaporanSerializer, **GALAT_BACA})
    def retrieve(self, request, pk=None):
        """The run's progress; once ``selesai``, its DOCX document and XLSX."""
        return self._baca(self.get_object())

    @extend_schema(
        responses={
            (
                200,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ): OpenApiTypes.BINARY,
            **GALAT_BACA,
        }
    )
    @action(detail=True, methods=["get"], url_path="xlsx")
    def xlsx(self, request, pk=None):
        """The run's XLSX once ``selesai`` (404 before): the web download's own response,
        with a token too (P27-2)."""

        return respons_xlsx(int(pk))

    @extend_schema(
        request=s.ProsesLaporanMulaiSerializer,
        responses={
            202: OpenApiResponse(
                s.ProsesLaporanSerializer,
                description="Penyusunan diantrekan; pantau kemajuannya di ``url``.",
            ),
            **GALAT_TULIS,
        },
    )
    def create(self, request):
        """Queue the Bupati's report of a semester (``services.proses_laporan_bupati_mulai``;
        P27-2) → 202 with the run's id and the ``url`` to poll."""
        ser = s.ProsesLaporanMulaiSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        proses = services.proses_laporan_bupati_mulai(user=request.user, **ser.validated_data)
        segar = self.get_queryset().get(pk=proses.pk)
        response = self._baca(segar, status.HTTP_202_ACCEPTED)
        response["Location"] = response.data["url"]
        return response
