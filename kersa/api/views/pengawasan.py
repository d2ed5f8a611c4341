"""Oversight: monitoring and evaluation (Pasal 28) and disputes (Pasal 29–30), read and
written through ``oversight.services``; pembinaan (Pasal 40–44), read-only. The
permissions are the web pages' (``oversight.view_*`` to read; ``kelola_monev``,
``kelola_perselisihan`` and ``ajukan_perselisihan_provinsi`` to write); what an operator
sees and acts on is scoped to their agency by the selectors, as on the web."""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kersa.oversight import services
from kersa.oversight.models import MonitoringEvaluasi, Perselisihan
from kersa.oversight.selectors import monev as sel_monev
from kersa.oversight.selectors import pembinaan as sel_pembinaan
from kersa.oversight.selectors import perselisihan as sel_perselisihan
from kersa.oversight.views import monev as web_monev
from kersa.oversight.views import pembinaan as web_pembinaan
from kersa.oversight.views import perselisihan as web_perselisihan

from ..filters import KeanggotaanFilter, KegiatanPembinaanFilter, MonevFilter, PerselisihanFilter
from ..parsers import JSON, JSON_DAN_BERKAS
from ..permissions import AUTENTIKASI, PunyaIzin
from ..schema import GALAT_TULIS
from ..serializers import pengawasan as s


class _Baca(viewsets.ReadOnlyModelViewSet):
    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaIzin]
    lookup_value_regex = r"[0-9]+"


class _Tulis(_Baca):
    """Reads plus writes: each write validates its input serializer, calls its service
    with the record the user may see (404 otherwise) and answers with the fresh detail."""

    parser_classes = JSON
    detail_serializer: type
    tulis: dict[str, type] = {}

    def get_serializer_class(self):
        if self.action in self.tulis:
            return self.tulis[self.action]
        return self.detail_serializer if self.action == "retrieve" else self.list_serializer

    def _detail(self, pk: int, status_code=status.HTTP_200_OK) -> Response:
        self.kwargs["pk"] = pk
        obj = self.get_object()
        data = self.detail_serializer(obj, context=self.get_serializer_context()).data
        return Response(data, status=status_code)

    def _masukan(self, **context) -> dict:
        cls = self.tulis[self.action]
        ser = cls(data=self.request.data, context={**self.get_serializer_context(), **context})
        ser.is_valid(raise_exception=True)
        return ser.validated_data


def _tulis(serializer, keterangan: str, kode: int = 200, detail=None):
    """The schema of one write: its input, the detail it answers with, its refusals."""
    return extend_schema(
        request=serializer,
        responses={kode: OpenApiResponse(detail, description=keterangan), **GALAT_TULIS},
    )


@extend_schema(tags=["pengawasan"])
class MonevViewSet(_Tulis):
    """Monitoring and evaluation per agency per semester (P28), newest first; an operator
    sees their own agency's. Filters ``tahun``, ``semester``, ``perangkat_daerah``.
    The secretariat records it, its findings and their follow-up, and finishes it."""

    queryset = MonitoringEvaluasi.objects.none()  # for the schema
    izin_baca = web_monev.LIHAT
    izin_tulis = {
        "create": web_monev.KELOLA,
        "temuan": web_monev.KELOLA,
        "tindak_lanjut": web_monev.KELOLA,
        "selesaikan": web_monev.KELOLA,
    }
    filterset_class = MonevFilter
    detail_serializer = s.MonevDetailSerializer
    list_serializer = s.MonevSerializer
    tulis = {
        "create": s.MonevCatatSerializer,
        "temuan": s.TemuanCatatSerializer,
        "tindak_lanjut": s.TemuanTindakLanjutSerializer,
        "selesaikan": s.MonevSelesaikanSerializer,
    }

    def get_queryset(self):
        # No list selector (monev_daftar lists the agencies due in one semester): the
        # selectors' own visibility rule, with what the rows show.
        return sel_monev.monev_terlihat(self.request.user).select_related("perangkat_daerah")

    def get_object(self) -> MonitoringEvaluasi:
        try:
            return sel_monev.monev_untuk(user=self.request.user, pk=int(self.kwargs["pk"]))
        except MonitoringEvaluasi.DoesNotExist as exc:
            raise Http404 from exc

    @_tulis(s.MonevCatatSerializer, "Monitoring dicatat.", 201, s.MonevDetailSerializer)
    def create(self, request):
        """Record the monitoring of one agency for one semester (``services.monev_catat``;
        P28)."""
        m = services.monev_catat(user=request.user, **self._masukan())
        return self._detail(m.pk, status.HTTP_201_CREATED)

    @_tulis(s.TemuanCatatSerializer, "Temuan ditambahkan.", 201, s.MonevDetailSerializer)
    @action(detail=True, methods=["post"])
    def temuan(self, request, pk=None):
        """Add a finding on one of the KSDD reviewed (``services.temuan_catat``; P28)."""
        m = self.get_object()
        services.temuan_catat(monev=m, user=request.user, **self._masukan())
        return self._detail(m.pk, status.HTTP_201_CREATED)

    @_tulis(s.TemuanTindakLanjutSerializer, "Tindak lanjut dicatat.", 200, s.MonevDetailSerializer)
    @action(detail=True, methods=["post"], url_path="tindak-lanjut")
    def tindak_lanjut(self, request, pk=None):
        """Record the follow-up of one of its findings (``services.temuan_tindak_lanjut``;
        P28), also after the monitoring is finished."""
        m = self.get_object()
        services.temuan_tindak_lanjut(user=request.user, **self._masukan(monev=m))
        return self._detail(m.pk)

    @_tulis(s.MonevSelesaikanSerializer, "Monitoring selesai.", 200, s.MonevDetailSerializer)
    @action(detail=True, methods=["post"])
    def selesaikan(self, request, pk=None):
        """Finish the monitoring with its summary; the report DOCX is generated and the
        agency's P28 clock of the semester met (``services.monev_selesaikan``)."""
        m = self.get_object()
        services.monev_selesaikan(monev=m, user=request.user, **self._masukan())
        return self._detail(m.pk)


_KELOLA, _PROVINSI = web_perselisihan.KELOLA, web_perselisihan.PROVINSI


@extend_schema(tags=["pengawasan"])
class PerselisihanViewSet(_Tulis):
    """Disputes on the KSDD the user may see (P29, P30). Filter ``status``. Recorded and
    moved along their steps by the agency or the secretariat (``kelola_perselisihan``);
    submitted to the province or the higher regulation by the secretariat
    (``ajukan_perselisihan_provinsi``), as on the web page."""

    queryset = Perselisihan.objects.none()  # for the schema
    izin_baca = web_perselisihan.LIHAT
    izin_tulis = {
        "create": _KELOLA,
        "berkas": _KELOLA,
        "musyawarah": _KELOLA,
        "selesaikan": _KELOLA,
        "laporkan": _KELOLA,
        "provinsi": _PROVINSI,
        "peraturan": _PROVINSI,
    }
    filterset_class = PerselisihanFilter
    detail_serializer = s.PerselisihanDetailSerializer
    list_serializer = s.PerselisihanSerializer
    tulis = {
        "create": s.PerselisihanCatatSerializer,
        "berkas": s.PerselisihanBerkasSerializer,
        "musyawarah": s.MusyawarahCatatSerializer,
        "selesaikan": s.PerselisihanSelesaikanSerializer,
        "laporkan": s.PerselisihanLaporkanSerializer,
        "provinsi": s.AjukanProvinsiSerializer,
        "peraturan": s.PeraturanLebihTinggiSerializer,
    }
    # The service of each step on one dispute.
    langkah = {
        "berkas": services.perselisihan_berkas_tambah,
        "musyawarah": services.perselisihan_musyawarah_catat,
        "selesaikan": services.perselisihan_selesaikan,
        "laporkan": services.perselisihan_laporkan,
        "provinsi": services.perselisihan_ajukan_provinsi,
        "peraturan": services.perselisihan_peraturan_lebih_tinggi,
    }

    def get_queryset(self):
        return sel_perselisihan.perselisihan_daftar(user=self.request.user)

    def _langkah(self, status_code=status.HTTP_200_OK) -> Response:
        p = self.get_object()
        self.langkah[self.action](perselisihan=p, user=self.request.user, **self._masukan())
        return self._detail(p.pk, status_code)

    @_tulis(
        s.PerselisihanCatatSerializer, "Perselisihan dicatat.", 201, s.PerselisihanDetailSerializer
    )
    def create(self, request):
        """Record a dispute on a KSDD in pelaksanaan; it starts in musyawarah dan mufakat
        (``services.perselisihan_catat``; P29-1)."""
        p = services.perselisihan_catat(user=request.user, **self._masukan())
        return self._detail(p.pk, status.HTTP_201_CREATED)

    @_tulis(
        s.PerselisihanBerkasSerializer, "Dokumen dilampirkan.", 201, s.PerselisihanDetailSerializer
    )
    @action(detail=True, methods=["post"], parser_classes=JSON_DAN_BERKAS)
    def berkas(self, request, pk=None):
        """Gather a cooperation document for the musyawarah, as multipart
        (``services.perselisihan_berkas_tambah``; P29-2)."""
        return self._langkah(status.HTTP_201_CREATED)

    @_tulis(s.MusyawarahCatatSerializer, "Musyawarah dicatat.", 201, s.PerselisihanDetailSerializer)
    @action(detail=True, methods=["post"])
    def musyawarah(self, request, pk=None):
        """Record a meeting of musyawarah (``services.perselisihan_musyawarah_catat``;
        P29-1)."""
        return self._langkah(status.HTTP_201_CREATED)

    @_tulis(
        s.PerselisihanSelesaikanSerializer,
        "Perselisihan selesai.",
        200,
        s.PerselisihanDetailSerializer,
    )
    @action(detail=True, methods=["post"])
    def selesaikan(self, request, pk=None):
        """Settle the dispute with its berita acara (``services.perselisihan_selesaikan``;
        P29-3): from musyawarah it needs a meeting that reached mufakat and the gathered
        documents (P29-1, P29-2)."""
        return self._langkah()

    @_tulis(
        s.PerselisihanLaporkanSerializer,
        "Dilaporkan kepada Bupati.",
        200,
        s.PerselisihanDetailSerializer,
    )
    @action(detail=True, methods=["post"])
    def laporkan(self, request, pk=None):
        """Report the settlement to the Bupati (``services.perselisihan_laporkan``;
        P29-4)."""
        return self._langkah()

    @_tulis(
        s.AjukanProvinsiSerializer,
        "Diajukan kepada TKKSD Provinsi.",
        200,
        s.PerselisihanDetailSerializer,
    )
    @action(detail=True, methods=["post"])
    def provinsi(self, request, pk=None):
        """Submit the dispute to the provincial TKKSD
        (``services.perselisihan_ajukan_provinsi``; P30 ayat 1)."""
        return self._langkah()

    @_tulis(
        s.PeraturanLebihTinggiSerializer,
        "Diselesaikan menurut peraturan yang lebih tinggi.",
        200,
        s.PerselisihanDetailSerializer,
    )
    @action(detail=True, methods=["post"])
    def peraturan(self, request, pk=None):
        """Settle per the higher regulation on Kerja Sama Daerah
        (``services.perselisihan_peraturan_lebih_tinggi``; P30 ayat 2)."""
        return self._langkah()

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
