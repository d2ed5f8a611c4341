"""Oversight, read-only: monitoring and evaluation (Pasal 28), disputes (Pasal 29–30)
and pembinaan (Pasal 40–44). The permissions are the web pages' (``oversight.view_*``);
what an operator sees is scoped to their agency by the selectors, as on the web."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.permissions import IsAuthenticated

from kersa.oversight.models import MonitoringEvaluasi, Perselisihan
from kersa.oversight.selectors import monev as sel_monev
from kersa.oversight.selectors import pembinaan as sel_pembinaan
from kersa.oversight.selectors import perselisihan as sel_perselisihan
from kersa.oversight.views import monev as web_monev
from kersa.oversight.views import pembinaan as web_pembinaan
from kersa.oversight.views import perselisihan as web_perselisihan

from ..filters import KeanggotaanFilter, KegiatanPembinaanFilter, MonevFilter, PerselisihanFilter
from ..permissions import AUTENTIKASI, PunyaIzin
from ..serializers import pengawasan as s


class _Baca(viewsets.ReadOnlyModelViewSet):
    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaIzin]
    lookup_value_regex = r"[0-9]+"


@extend_schema(tags=["pengawasan"])
class MonevViewSet(_Baca):
    """Monitoring and evaluation per agency per semester (P28), newest first; an operator
    sees their own agency's. Filters ``tahun``, ``semester``, ``perangkat_daerah``."""

    queryset = MonitoringEvaluasi.objects.none()  # for the schema
    izin_baca = web_monev.LIHAT
    filterset_class = MonevFilter

    def get_queryset(self):
        # No list selector (monev_daftar lists the agencies due in one semester): the
        # selectors' own visibility rule, with what the rows show.
        return sel_monev.monev_terlihat(self.request.user).select_related("perangkat_daerah")

    def get_serializer_class(self):
        return s.MonevDetailSerializer if self.action == "retrieve" else s.MonevSerializer

    def get_object(self) -> MonitoringEvaluasi:
        try:
            return sel_monev.monev_untuk(user=self.request.user, pk=int(self.kwargs["pk"]))
        except MonitoringEvaluasi.DoesNotExist as exc:
            raise Http404 from exc


@extend_schema(tags=["pengawasan"])
class PerselisihanViewSet(_Baca):
    """Disputes on the KSDD the user may see (P29, P30). Filter ``status``."""

    queryset = Perselisihan.objects.none()  # for the schema
    izin_baca = web_perselisihan.LIHAT
    filterset_class = PerselisihanFilter

    def get_queryset(self):
        return sel_perselisihan.perselisihan_daftar(user=self.request.user)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return s.PerselisihanDetailSerializer
        return s.PerselisihanSerializer

    def get_object(self) -> Perselisihan:
        try:
            return sel_perselisihan.perselisihan_untuk(
                user=self.request.user, pk=int(self.kwargs["pk"])
            )
        except Perselisihan.DoesNotExist as exc:
            raise Http404 from exc


@extend_schema(tags=["pembinaan"])
class KegiatanPembinaanViewSet(_Baca):
    """Guidance activities (P44), newest first. Filters ``tahun``, ``bentuk``."""

    izin_baca = web_pembinaan.LIHAT_KEGIATAN
    serializer_class = s.KegiatanPembinaanSerializer
    filterset_class = KegiatanPembinaanFilter

    def get_queryset(self):
        return sel_pembinaan.kegiatan_pembinaan_daftar()


@extend_schema(tags=["pembinaan"])
class KeanggotaanAsosiasiViewSet(_Baca):
    """The region's association memberships (P43) with their history. Filter ``aktif``."""

    izin_baca = web_pembinaan.LIHAT_ASOSIASI
    serializer_class = s.KeanggotaanAsosiasiSerializer
    filterset_class = KeanggotaanFilter

    def get_queryset(self):
        return sel_pembinaan.keanggotaan_daftar()


@extend_schema(tags=["pembinaan"])
class SekretariatKerjaSamaViewSet(_Baca):
    """Sekretariat Kerja Sama of Kerja Sama Wajib (P40-2, P40-4, P41)."""

    izin_baca = web_pembinaan.LIHAT_SEKRETARIAT
    serializer_class = s.SekretariatKerjaSamaSerializer
    filterset_class = None

    def get_queryset(self):
        return sel_pembinaan.sekretariat_daftar()
