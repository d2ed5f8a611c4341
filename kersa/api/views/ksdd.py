"""KSDD: the register, the record, its KAK and history, and one POST per workflow step.

Views only call selectors (reads) and services (writes). A KSDD outside the user's
view is 404; a step the user may see but not take is 403 (the service says so).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kersa.agreements import selectors, services
from kersa.agreements.daftar import LANGKAH, LangkahKsdd
from kersa.agreements.models import Ksdd
from kersa.agreements.selectors import boleh

from ..filters import KsddApiFilter
from ..parsers import JSON, JSON_DAN_BERKAS
from ..permissions import AUTENTIKASI, PunyaPeranKsdd
from ..schema import GALAT_BACA, GALAT_TULIS
from ..serializers import ksdd as s
from ..serializers import surat_kuasa as sk


@extend_schema(tags=["ksdd"])
class KsddViewSet(viewsets.GenericViewSet):
    """Kerja Sama Daerah dengan Daerah Lain: the register and each KSDD."""

    queryset = Ksdd.objects.none()  # for the schema; reads go through the selectors
    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaPeranKsdd]
    parser_classes = JSON
    filterset_class = KsddApiFilter
    lookup_value_regex = r"[0-9]+"
    serializer_class = s.KsddDetailSerializer

    def get_queryset(self):
        return selectors.ksdd_list(user=self.request.user)

    def get_serializer_class(self):
        # What the browsable API shows as the form of each action.
        if self.action == "create":
            return s.KsddTulisSerializer
        if self.action == "partial_update":
            return s.KsddUbahSerializer
        return super().get_serializer_class()

    def _pk(self) -> int:
        return int(self.kwargs["pk"])

    def get_object(self) -> Ksdd:
        """The KSDD with everything its detail shows, or 404 when outside the user's view."""
        try:
            return selectors.ksdd_detail(user=self.request.user, pk=self._pk())
        except Ksdd.DoesNotExist as exc:
            raise Http404 from exc

    def _ksdd_terlihat(self) -> Ksdd:
        """The bare KSDD for a write (the service reloads and locks it), or 404."""
        try:
            return selectors.ksdd_visible_to(self.request.user).get(pk=self._pk())
        except Ksdd.DoesNotExist as exc:
            raise Http404 from exc

    def _detail(self, ksdd: Ksdd, status_code: int = status.HTTP_200_OK) -> Response:
        segar = selectors.ksdd_detail(user=self.request.user, pk=ksdd.pk)
        data = s.KsddDetailSerializer(segar, context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    @extend_schema(responses={200: s.KsddRingkasSerializer(many=True)})
    def list(self, request):
        """The register of KSDD the user may see; the web register's filters."""
        qs = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(qs)
        return self.get_paginated_response(s.KsddRingkasSerializer(page, many=True).data)

    @extend_schema(
        request=s.KsddTulisSerializer,
        responses={201: s.KsddDetailSerializer, **GALAT_TULIS},
    )
    def create(self, request):
        """Register a new KSDD in persiapan with an empty KAK."""
        ser = s.KsddTulisSerializer(data=request.data, context=self.get_serializer_context())
        ser.is_valid(raise_exception=True)
        ksdd = services.ksdd_create(user=request.user, **ser.validated_data)
        return self._detail(ksdd, status.HTTP_201_CREATED)

    @extend_schema(responses={200: s.KsddDetailSerializer, **GALAT_BACA})
    def retrieve(self, request, pk=None):
        """The KSDD, its KAK, and the steps the user may take now with what blocks them."""
        ksdd = self.get_object()
        return Response(s.KsddDetailSerializer(ksdd, context=self.get_serializer_context()).data)

    @extend_schema(
        request=s.KsddUbahSerializer,
        responses={200: s.KsddDetailSerializer, **GALAT_TULIS},
    )
    def partial_update(self, request, pk=None):
        """Edit the record; send only what changes, with ``versi``."""
        ksdd = self._ksdd_terlihat()
        ser = s.KsddUbahSerializer(
            data=request.data, partial=True, context=self.get_serializer_context()
        )
        ser.is_valid(raise_exception=True)
        data = dict(ser.validated_data)
        services.ksdd_update(ksdd=ksdd, user=request.user, versi=data.pop("versi", None), **data)
        return self._detail(ksdd)

    @extend_schema(methods=["GET"], responses={200: s.KakSerializer, **GALAT_BACA})
    @extend_schema(
        methods=["PUT"],
        request=s.KakUbahSerializer,
        responses={200: s.KakSerializer, **GALAT_TULIS},
    )
    @action(detail=True, methods=["get", "put"], serializer_class=s.KakSerializer)
    def kak(self, request, pk=None):
        """The KAK (Pasal 14 ayat 2). PUT writes its parts while it is being drafted."""
        if request.method == "GET":
            ksdd = self.get_object()
            return Response(s.KakSerializer(ksdd.kak).data)
        ksdd = self._ksdd_terlihat()
        ser = s.KakUbahSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = dict(ser.validated_data)
        kak = services.kak_update(
            ksdd=ksdd, user=request.user, versi=data.pop("versi", None), **data
        )
        return Response(s.KakSerializer(kak).data)

    @extend_schema(responses={200: s.RiwayatSerializer(many=True), **GALAT_BACA})
    @action(detail=True, methods=["get"], serializer_class=s.RiwayatSerializer)
    def riwayat(self, request, pk=None):
        """Every action on the KSDD, oldest first (P13)."""
        ksdd = self._ksdd_terlihat()
        rows = ksdd.riwayat.select_related("oleh").prefetch_related("berkas")
        return Response(s.RiwayatSerializer(rows, many=True).data)

    @extend_schema(
        request={"multipart/form-data": s.UbahDasarDprdSerializer},
        responses={200: s.KsddDetailSerializer, **GALAT_TULIS},
    )
    @action(
        detail=True,
        methods=["post"],
        parser_classes=JSON_DAN_BERKAS,
        serializer_class=s.UbahDasarDprdSerializer,
    )
    def ubah_dasar_dprd(self, request, pk=None):
        """P21-1: change burden, APBD budgeting or the DPA number after the KAK is
        submitted (secretariat or Ketua), with ``alasan`` and ``bukti``."""
        ksdd = self._ksdd_terlihat()
        # Partial: a boolean left out of a multipart body stays as it is (not False).
        ser = s.UbahDasarDprdSerializer(data=request.data, partial=True)
        ser.is_valid(raise_exception=True)
        data = dict(ser.validated_data)
        services.ksdd_ubah_dasar_dprd(
            ksdd=ksdd,
            user=request.user,
            versi=data.pop("versi", None),
            alasan=data.pop("alasan", ""),
            bukti=data.pop("bukti", None),
            **data,
        )
        return self._detail(ksdd)

    @extend_schema(
        methods=["GET"], responses={200: sk.SuratKuasaSerializer(many=True), **GALAT_BACA}
    )
    @extend_schema(
        methods=["POST"],
        request={
            "multipart/form-data": sk.SuratKuasaCatatSerializer,
            "application/json": sk.SuratKuasaCatatSerializer,
        },
        responses={201: sk.SuratKuasaSerializer, **GALAT_TULIS},
    )
    @action(
        detail=True,
        methods=["get", "post"],
        url_path="surat_kuasa",
        parser_classes=JSON_DAN_BERKAS,
        serializer_class=sk.SuratKuasaCatatSerializer,
    )
    def surat_kuasa(self, request, pk=None):
        """The Surat Kuasa given for this KSDD (P24-2, P24-3), newest first; whoever sees
        the KSDD reads them. POST records one (``services.surat_kuasa_create``): the
        secretariat or the Bupati; the recipient must be the recorded Kepala of the
        Perangkat Daerah (422 P24-2), the copy not dated before it (422 P24-3)."""
        ksdd = self._ksdd_terlihat()
        if request.method == "GET":
            rows = ksdd.surat_kuasa.select_related(
                "perangkat_daerah", "dicatat_oleh", "dicabut_oleh"
            ).order_by("-tanggal", "-id")
            return Response(sk.SuratKuasaSerializer(rows, many=True).data)
        if not request.user.has_perm("agreements.add_suratkuasa"):
            raise PermissionDenied(_("Anda tidak berwenang mencatat Surat Kuasa."))
        ser = sk.SuratKuasaCatatSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = dict(ser.validated_data)
        baru = services.surat_kuasa_create(
            user=request.user, berkas=data.pop("berkas", None), ksdd=ksdd, **data
        )
        return Response(sk.SuratKuasaSerializer(baru).data, status=status.HTTP_201_CREATED)

    def _jalankan(self, aksi: LangkahKsdd, request) -> Response:
        ksdd = self._ksdd_terlihat()
        if not boleh(request.user, aksi.transisi, ksdd):
            # The service refuses too; saying so first spares a user who may not act
            # the validation errors of a form they cannot submit.
            raise PermissionDenied(
                _("Anda tidak berwenang melakukan “%s” pada KSDD ini.") % aksi.transisi.label
            )
        ser = aksi.serializer(data=request.data, context=self.get_serializer_context())
        ser.is_valid(raise_exception=True)
        aksi.layanan(ksdd=ksdd, user=request.user, **ser.validated_data)
        return self._detail(ksdd)


def _aksi_view(aksi: LangkahKsdd):
    """The ``@action`` for one workflow step, documented with its own input serializer."""

    def view(self, request, pk=None):
        return self._jalankan(aksi, request)

    view.__name__ = view.__qualname__ = aksi.nama
    view.__doc__ = aksi.serializer.__doc__
    view = action(
        detail=True,
        methods=["post"],
        url_path=aksi.nama,
        url_name=aksi.nama,
        parser_classes=JSON_DAN_BERKAS,
        serializer_class=aksi.serializer,
    )(view)
    return extend_schema(
        summary=str(aksi.transisi.label),
        tags=["ksdd-langkah"],
        request={
            "multipart/form-data": aksi.serializer,
            "application/json": aksi.serializer,
        },
        responses={
            200: OpenApiResponse(
                s.KsddDetailSerializer, description=_("Langkah dicatat; KSDD terbaru.")
            ),
            **GALAT_TULIS,
        },
    )(view)


for _aksi in LANGKAH.values():
    setattr(KsddViewSet, _aksi.nama, _aksi_view(_aksi))
