"""TKKSD (Pasal 33–39): meetings with their agenda, attendance and decisions; the
Bupati's decrees with offices and holders; the work programme. Reads need the web
pages' view permissions; scheduling a meeting, adding or removing an agenda item,
recording its result, its documents and cancelling it need ``governance.kelola_rapat``
(the secretariat), as on the web."""

from __future__ import annotations

from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kersa.governance import izin, selectors, services
from kersa.governance.models import AgendaRapat, KeputusanBupati, ProgramKerja, Rapat

from ..filters import KeputusanBupatiFilter, ProgramKerjaFilter, RapatFilter
from ..parsers import JSON
from ..permissions import AUTENTIKASI, PunyaIzin
from ..schema import GALAT_BACA, GALAT_TULIS
from ..serializers import tkksd as s


class _Tkksd(viewsets.GenericViewSet):
    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaIzin]
    parser_classes = JSON
    lookup_value_regex = r"[0-9]+"

    def _pk(self) -> int:
        return int(self.kwargs["pk"])


@extend_schema(tags=["tkksd"])
class RapatViewSet(_Tkksd):
    """Rapat Pleno and Rapat Teknis of TKKSD, newest first. Filters ``tahun``, ``jenis``,
    ``status``."""

    queryset = Rapat.objects.none()  # for the schema; reads go through the selectors
    izin_baca = izin.RAPAT_LIHAT
    izin_tulis = {
        "create": izin.RAPAT_KELOLA,
        "agenda": izin.RAPAT_KELOLA,
        "agenda_hapus": izin.RAPAT_KELOLA,
        "hasil": izin.RAPAT_KELOLA,
        "dokumen": izin.RAPAT_KELOLA,
        "undangan": izin.RAPAT_KELOLA,
        "batalkan": izin.RAPAT_KELOLA,
    }
    filterset_class = RapatFilter
    serializer_class = s.RapatDetailSerializer

    def get_queryset(self):
        return selectors.rapat_list()

    def get_serializer_class(self):
        if self.action == "create":
            return s.RapatJadwalkanSerializer
        if self.action == "agenda":
            return s.AgendaTambahSerializer
        if self.action == "hasil":
            return s.RapatHasilCatatSerializer
        if self.action == "batalkan":
            return s.RapatBatalkanSerializer
        return super().get_serializer_class()

    def get_object(self) -> Rapat:
        return self._muat(self._pk())

    def _muat(self, pk: int) -> Rapat:
        """The meeting with everything its detail shows, or 404."""
        try:
            rapat = selectors.rapat_detail(pk)
        except Rapat.DoesNotExist as exc:
            raise Http404 from exc
        dokumen = [d for d in (rapat.undangan, rapat.berita_acara, rapat.notulen) if d is not None]
        prefetch_related_objects(dokumen, "versi__berkas", "versi__dibuat_oleh")
        return rapat

    def _rapat(self) -> Rapat:
        """The meeting alone, for a write (the service locks and reloads it), or 404."""
        try:
            return Rapat.objects.get(pk=self._pk())
        except Rapat.DoesNotExist as exc:
            raise Http404 from exc

    def _detail(self, rapat: Rapat, status_code: int = status.HTTP_200_OK) -> Response:
        segar = self._muat(rapat.pk)
        data = s.RapatDetailSerializer(segar, context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    @extend_schema(responses={200: s.RapatSerializer(many=True)})
    def list(self, request):
        qs = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(s.RapatSerializer(page, many=True).data)

    @extend_schema(responses={200: s.RapatDetailSerializer, **GALAT_BACA})
    def retrieve(self, request, pk=None):
        """The meeting with attendance, agenda, decisions, chair, Berita Acara and
        Notulen (P37, P38, P39)."""
        rapat = self.get_object()
        return Response(s.RapatDetailSerializer(rapat, context=self.get_serializer_context()).data)

    @extend_schema(
        request=s.RapatJadwalkanSerializer,
        responses={201: s.RapatDetailSerializer, **GALAT_TULIS},
    )
    def create(self, request):
        """Schedule a meeting (``services.rapat_jadwalkan``); every office of the TKKSD
        in force that day is invited (P34-1, P35-1, P38-4)."""
        ser = s.RapatJadwalkanSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        rapat = services.rapat_jadwalkan(user=request.user, **ser.validated_data)
        return self._detail(rapat, status.HTTP_201_CREATED)

    @extend_schema(
        request=s.AgendaTambahSerializer,
        responses={
            201: OpenApiResponse(
                s.RapatDetailSerializer, description="Agenda ditambahkan; rapat terbaru."
            ),
            **GALAT_TULIS,
        },
    )
    @action(detail=True, methods=["post"])
    def agenda(self, request, pk=None):
        """Add an agenda item to a scheduled meeting (``services.agenda_tambah``; P34-2,
        P37-2, P18-3)."""
        rapat = self._rapat()
        ser = s.AgendaTambahSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        services.agenda_tambah(rapat=rapat, user=request.user, **ser.validated_data)
        return self._detail(rapat, status.HTTP_201_CREATED)

    @extend_schema(
        request=None,
        parameters=[
            OpenApiParameter(
                "agenda_pk", int, OpenApiParameter.PATH, description="ID agenda rapat ini"
            )
        ],
        responses={
            200: OpenApiResponse(
                s.RapatDetailSerializer, description="Agenda dihapus; rapat terbaru."
            ),
            **GALAT_TULIS,
        },
    )
    @action(
        detail=True,
        methods=["delete"],
        url_path=r"agenda/(?P<agenda_pk>[0-9]+)",
        url_name="agenda-hapus",
    )
    def agenda_hapus(self, request, pk=None, agenda_pk=None):
        """Remove an agenda item from a meeting still scheduled (``services.agenda_hapus``;
        P36); an item of another meeting is 404."""
        rapat = self._rapat()
        try:
            agenda = AgendaRapat.objects.get(pk=int(agenda_pk), rapat=rapat)
        except AgendaRapat.DoesNotExist as exc:
            raise Http404 from exc
        services.agenda_hapus(agenda=agenda, user=request.user)
        return self._detail(rapat)

    @extend_schema(
        request=s.RapatHasilCatatSerializer,
        responses={
            200: OpenApiResponse(
                s.RapatDetailSerializer, description="Hasil rapat dicatat; rapat selesai."
            ),
            **GALAT_TULIS,
        },
    )
    @action(detail=True, methods=["post"])
    def hasil(self, request, pk=None):
        """Record the result of a meeting that was held (``services.rapat_hasil_catat``):
        attendance, chair (P37-3, P37-4, P38-4, P38-5), notulen and a decision per agenda
        item (P39); a pleno recommendation on a partner's offer, with its grounds, is
        written to the KSDD (P18-3, P18-4, P18-5). Nothing is saved when refused."""
        rapat = self._rapat()
        ser = s.RapatHasilCatatSerializer(data=request.data, context={"rapat": rapat})
        ser.is_valid(raise_exception=True)
        services.rapat_hasil_catat(rapat=rapat, user=request.user, **ser.validated_data)
        return self._detail(rapat)

    @extend_schema(
        request=None,
        responses={
            200: OpenApiResponse(
                s.RapatDetailSerializer,
                description="Berita Acara dan Notulen dihasilkan (versi baru).",
            ),
            **GALAT_TULIS,
        },
    )
    @action(detail=True, methods=["post"])
    def dokumen(self, request, pk=None):
        """Generate (a new version of) the meeting's Berita Acara and Notulen
        (``services.rapat_dokumen_hasilkan``); only once its result is recorded (P39)."""
        rapat = self._rapat()
        services.rapat_dokumen_hasilkan(rapat=rapat, user=request.user)
        return self._detail(rapat)

    @extend_schema(
        request=None,
        responses={
            200: OpenApiResponse(
                s.RapatDetailSerializer, description="Surat undangan dihasilkan (versi baru)."
            ),
            **GALAT_TULIS,
        },
    )
    @action(detail=True, methods=["post"])
    def undangan(self, request, pk=None):
        """Generate (a new version of) the invitation letter of a scheduled meeting
        (``services.rapat_undangan_hasilkan``; P36)."""
        rapat = self._rapat()
        services.rapat_undangan_hasilkan(rapat=rapat, user=request.user)
        return self._detail(rapat)

    @extend_schema(
        request=s.RapatBatalkanSerializer,
        responses={
            200: OpenApiResponse(s.RapatDetailSerializer, description="Rapat dibatalkan."),
            **GALAT_TULIS,
        },
    )
    @action(detail=True, methods=["post"])
    def batalkan(self, request, pk=None):
        """Cancel a scheduled meeting with its reason (``services.rapat_batalkan``; P36)."""
        rapat = self._rapat()
        ser = s.RapatBatalkanSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        services.rapat_batalkan(rapat=rapat, user=request.user, **ser.validated_data)
        return self._detail(rapat)


@extend_schema(tags=["tkksd"])
class KeputusanBupatiViewSet(_Tkksd, viewsets.ReadOnlyModelViewSet):
    """The Keputusan Bupati that set TKKSD (P34-1) and its Tim Teknis (P34-4), newest
    first; the detail lists each office with its holder (P35-1). Filter ``jenis``."""

    queryset = KeputusanBupati.objects.all()
    izin_baca = izin.KEANGGOTAAN_LIHAT
    filterset_class = KeputusanBupatiFilter

    def get_serializer_class(self):
        if self.action == "retrieve":
            return s.KeputusanBupatiDetailSerializer
        return s.KeputusanBupatiSerializer

    def get_object(self) -> KeputusanBupati:
        kep = super().get_object()
        # The date the web page shows the composition on (views.keanggotaan.keputusan_detail).
        hari_ini = timezone.localdate()
        kep.susunan_pada = hari_ini if kep.berlaku_mulai <= hari_ini else kep.berlaku_mulai
        kep.susunan = selectors.susunan(kep, kep.susunan_pada)
        return kep


@extend_schema(tags=["tkksd"])
class ProgramKerjaViewSet(_Tkksd, viewsets.ReadOnlyModelViewSet):
    """TKKSD's yearly work programme with its activities (P37-2). Filter ``tahun``."""

    queryset = ProgramKerja.objects.none()
    izin_baca = izin.KEANGGOTAAN_LIHAT_PROGRAM
    serializer_class = s.ProgramKerjaSerializer
    filterset_class = ProgramKerjaFilter

    def get_queryset(self):
        return selectors.program_kerja_list()
