"""The plan lists (Pasal 7–8): each identification per plan year with its plan items;
starting one, adding, editing and removing an item, setting it with the Bupati's Berita
Acara and reopening it, through ``planning.services``. Reading needs ``planning.view_identifikasi``, every
write ``planning.kelola_rencana`` (the secretariat), as the web pages."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kersa.planning import izin, selectors, services
from kersa.planning.models import ButirRencana, Identifikasi

from ..filters import IdentifikasiFilter
from ..parsers import JSON
from ..permissions import AUTENTIKASI, PunyaIzin
from ..schema import GALAT_TULIS
from ..serializers import rencana as s

_BUTIR_PK = OpenApiParameter("butir_pk", int, OpenApiParameter.PATH, description="ID butir rencana")


@extend_schema(tags=["rencana"])
class IdentifikasiViewSet(viewsets.ReadOnlyModelViewSet):
    """Identifikasi dan Pemetaan per category and plan year, newest year first (P7, P8).
    Filters ``tahun`` (plan year) and ``kategori``."""

    queryset = Identifikasi.objects.none()  # for the schema; reads go through the selectors
    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaIzin]
    izin_baca = izin.RENCANA_LIHAT
    izin_tulis = {
        "create": izin.RENCANA_KELOLA,
        "butir": izin.RENCANA_KELOLA,
        "butir_satu": izin.RENCANA_KELOLA,
        "tetapkan": izin.RENCANA_KELOLA,
        "buka_kembali": izin.RENCANA_KELOLA,
    }
    parser_classes = JSON
    filterset_class = IdentifikasiFilter
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        return selectors.identifikasi_list()

    def get_serializer_class(self):
        tulis = {
            "create": s.IdentifikasiMulaiSerializer,
            "butir": s.ButirTambahSerializer,
            "butir_satu": s.ButirUbahSerializer,
            "tetapkan": s.IdentifikasiTetapkanSerializer,
            "buka_kembali": s.IdentifikasiBukaKembaliSerializer,
        }
        if self.action in tulis:
            return tulis[self.action]
        if self.action == "retrieve":
            return s.IdentifikasiDetailSerializer
        return s.IdentifikasiSerializer

    def get_object(self) -> Identifikasi:
        try:
            return selectors.identifikasi_detail(int(self.kwargs["pk"]), user=self.request.user)
        except Identifikasi.DoesNotExist as exc:
            raise Http404 from exc

    def _identifikasi(self) -> Identifikasi:
        """The identification alone, for a write (the service locks it), or 404."""
        try:
            return Identifikasi.objects.get(pk=int(self.kwargs["pk"]))
        except Identifikasi.DoesNotExist as exc:
            raise Http404 from exc

    def _detail(self, ident: Identifikasi, status_code=status.HTTP_200_OK) -> Response:
        segar = selectors.identifikasi_detail(ident.pk, user=self.request.user)
        data = s.IdentifikasiDetailSerializer(segar, context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    def _masukan(self, cls, **kwargs):
        ser = cls(data=self.request.data, **kwargs)
        ser.is_valid(raise_exception=True)
        return ser.validated_data

    @extend_schema(
        request=s.IdentifikasiMulaiSerializer,
        responses={201: s.IdentifikasiDetailSerializer, **GALAT_TULIS},
    )
    def create(self, request):
        """Start the identification of a category for a plan year
        (``services.identifikasi_mulai``; P7-2, P8-2, P7-3, P8-3)."""
        data = self._masukan(s.IdentifikasiMulaiSerializer)
        ident = services.identifikasi_mulai(user=request.user, **data)
        return self._detail(ident, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.ButirTambahSerializer,
        responses={
            201: OpenApiResponse(
                s.IdentifikasiDetailSerializer, description="Butir ditambahkan; daftar terbaru."
            ),
            **GALAT_TULIS,
        },
    )
    @action(detail=True, methods=["post"])
    def butir(self, request, pk=None):
        """Add an item to a list being drafted (``services.butir_tambah``; P7-1, P7-3,
        P7-4, P8-3); a set list is refused (P7-5, P8-4)."""
        ident = self._identifikasi()
        data = self._masukan(s.ButirTambahSerializer)
        services.butir_tambah(identifikasi=ident, user=request.user, **data)
        return self._detail(ident, status.HTTP_201_CREATED)

    @extend_schema(
        methods=["PATCH"],
        request=s.ButirUbahSerializer,
        parameters=[_BUTIR_PK],
        responses={
            200: OpenApiResponse(
                s.IdentifikasiDetailSerializer, description="Butir diubah; daftar terbaru."
            ),
            **GALAT_TULIS,
        },
    )
    @extend_schema(
        methods=["DELETE"],
        request=None,
        parameters=[_BUTIR_PK],
        responses={
            200: OpenApiResponse(
                s.IdentifikasiDetailSerializer, description="Butir dihapus; daftar terbaru."
            ),
            **GALAT_TULIS,
        },
    )
    @action(
        detail=True,
        methods=["patch", "delete"],
        url_path=r"butir/(?P<butir_pk>[0-9]+)",
        url_name="butir-satu",
    )
    def butir_satu(self, request, pk=None, butir_pk=None):
        """PATCH edits an item of a list being drafted, sending only what changes
        (``services.butir_ubah``; P7-1, P7-3, P7-4, P8-3); DELETE removes it while no KSDD
        carries it (``services.butir_hapus``; P5-2). A set list is refused (P7-5, P8-4).
        An item of another list is 404."""
        ident = self._identifikasi()
        try:
            butir = ButirRencana.objects.get(pk=int(butir_pk), identifikasi=ident)
        except ButirRencana.DoesNotExist as exc:
            raise Http404 from exc
        if request.method == "DELETE":
            services.butir_hapus(butir=butir, user=request.user)
        else:
            data = self._masukan(s.ButirUbahSerializer, partial=True)
            services.butir_ubah(butir=butir, user=request.user, **data)
        return self._detail(ident)

    @extend_schema(
        request=s.IdentifikasiTetapkanSerializer,
        responses={
            200: OpenApiResponse(
                s.IdentifikasiDetailSerializer,
                description="Daftar ditetapkan; Berita Acara dihasilkan.",
            ),
            **GALAT_TULIS,
        },
    )
    @action(detail=True, methods=["post"])
    def tetapkan(self, request, pk=None):
        """Set the list with the Berita Acara signed by the Bupati
        (``services.identifikasi_tetapkan``; P7-2, P7-3, P7-4, P7-5, P8-4, P8-5)."""
        ident = self._identifikasi()
        data = self._masukan(s.IdentifikasiTetapkanSerializer)
        services.identifikasi_tetapkan(identifikasi=ident, user=request.user, **data)
        return self._detail(ident)

    @extend_schema(
        request=s.IdentifikasiBukaKembaliSerializer,
        responses={
            200: OpenApiResponse(
                s.IdentifikasiDetailSerializer, description="Daftar dibuka kembali."
            ),
            **GALAT_TULIS,
        },
    )
    @action(detail=True, methods=["post"], url_path="buka-kembali")
    def buka_kembali(self, request, pk=None):
        """Reopen a set list for a documented correction, with a written reason
        (``services.identifikasi_buka_kembali``; P7-5, P8-4)."""
        ident = self._identifikasi()
        data = self._masukan(s.IdentifikasiBukaKembaliSerializer)
        services.identifikasi_buka_kembali(identifikasi=ident, user=request.user, **data)
        return self._detail(ident)
