"""Oversight: monitoring and evaluation (Pasal 28), disputes (Pasal 29–30), pembinaan
(Pasal 40–44) and funding assistance (Pasal 31), read and written through
``oversight.services`` (funding: ``agreements.services.bantuan_pendanaan_tambah``). The
permissions are the web pages' (``oversight.view_*`` to read; ``kelola_monev``,
``kelola_perselisihan``, ``ajukan_perselisihan_provinsi`` and ``kelola_pembinaan`` to
write; ``agreements.change_ksdd`` for funding); what an operator sees and acts on is
scoped to their agency by the selectors, as on the web."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from kersa.agreements.models import Ksdd
from kersa.agreements.selectors import ksdd_visible_to
from kersa.agreements.services import bantuan_pendanaan_tambah
from kersa.oversight import izin, services
from kersa.oversight.models import (
    KeanggotaanAsosiasi,
    KegiatanPembinaan,
    MonitoringEvaluasi,
    Perselisihan,
    SekretariatKerjaSama,
)
from kersa.oversight.selectors import monev as sel_monev
from kersa.oversight.selectors import pembinaan as sel_pembinaan
from kersa.oversight.selectors import perselisihan as sel_perselisihan

from ..filters import KeanggotaanFilter, KegiatanPembinaanFilter, MonevFilter, PerselisihanFilter
from ..parsers import JSON, JSON_DAN_BERKAS
from ..permissions import AUTENTIKASI, PunyaIzin
from ..schema import GALAT_BACA, GALAT_TULIS
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
    izin_baca = izin.MONEV_LIHAT
    izin_tulis = {
        "create": izin.MONEV_KELOLA,
        "temuan": izin.MONEV_KELOLA,
        "tindak_lanjut": izin.MONEV_KELOLA,
        "selesaikan": izin.MONEV_KELOLA,
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


_KELOLA, _PROVINSI = izin.PERSELISIHAN_KELOLA, izin.PERSELISIHAN_PROVINSI


@extend_schema(tags=["pengawasan"])
class PerselisihanViewSet(_Tulis):
    """Disputes on the KSDD the user may see (P29, P30). Filter ``status``. Recorded and
    moved along their steps by the agency or the secretariat (``kelola_perselisihan``);
    submitted to the province or the higher regulation by the secretariat
    (``ajukan_perselisihan_provinsi``), as on the web page."""

    queryset = Perselisihan.objects.none()  # for the schema
    izin_baca = izin.PERSELISIHAN_LIHAT
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
        """Record a dispute on a KSDD in any stage a–j, or on obligations that outlive its
        end; it starts in musyawarah dan mufakat
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
class KegiatanPembinaanViewSet(_Tulis):
    """Guidance activities (P44), newest first. Filters ``tahun``, ``bentuk``. The
    secretariat records them (``kelola_pembinaan``), as on the web page."""

    queryset = KegiatanPembinaan.objects.none()  # for the schema
    izin_baca = izin.PEMBINAAN_LIHAT_KEGIATAN
    izin_tulis = {"create": izin.PEMBINAAN_KELOLA}
    filterset_class = KegiatanPembinaanFilter
    detail_serializer = list_serializer = s.KegiatanPembinaanSerializer
    tulis = {"create": s.KegiatanPembinaanTambahSerializer}

    def get_queryset(self):
        return sel_pembinaan.kegiatan_pembinaan_daftar(user=self.request.user)

    @_tulis(
        s.KegiatanPembinaanTambahSerializer,
        "Kegiatan pembinaan dicatat.",
        201,
        s.KegiatanPembinaanSerializer,
    )
    def create(self, request):
        """Record a guidance activity for the agencies running KSDD
        (``services.kegiatan_pembinaan_tambah``; P44): at least one participant."""
        k = services.kegiatan_pembinaan_tambah(user=request.user, **self._masukan())
        return self._detail(k.pk, status.HTTP_201_CREATED)


@extend_schema(tags=["pembinaan"])
class KeanggotaanAsosiasiViewSet(_Tulis):
    """The region's association memberships (P43) with their history. Filter ``aktif``.
    The secretariat records a membership and ends it with a reason (``kelola_pembinaan``),
    as on the web page."""

    queryset = KeanggotaanAsosiasi.objects.none()  # for the schema
    izin_baca = izin.PEMBINAAN_LIHAT_ASOSIASI
    izin_tulis = {"create": izin.PEMBINAAN_KELOLA, "akhiri": izin.PEMBINAAN_KELOLA}
    filterset_class = KeanggotaanFilter
    detail_serializer = list_serializer = s.KeanggotaanAsosiasiSerializer
    tulis = {"create": s.KeanggotaanTambahSerializer, "akhiri": s.KeanggotaanAkhiriSerializer}

    def get_queryset(self):
        return sel_pembinaan.keanggotaan_daftar()

    def get_object(self) -> KeanggotaanAsosiasi:
        # Not through filter_queryset: ``?aktif=`` filters the list, never one record.
        try:
            return self.get_queryset().get(pk=int(self.kwargs["pk"]))
        except KeanggotaanAsosiasi.DoesNotExist as exc:
            raise Http404 from exc

    @_tulis(
        s.KeanggotaanTambahSerializer,
        "Keanggotaan asosiasi dicatat.",
        201,
        s.KeanggotaanAsosiasiSerializer,
    )
    def create(self, request):
        """Record a membership of an association or cooperation forum
        (``services.keanggotaan_tambah``; P43)."""
        k = services.keanggotaan_tambah(user=request.user, **self._masukan())
        return self._detail(k.pk, status.HTTP_201_CREATED)

    @_tulis(
        s.KeanggotaanAkhiriSerializer,
        "Keanggotaan diakhiri.",
        200,
        s.KeanggotaanAsosiasiSerializer,
    )
    @action(detail=True, methods=["post"])
    def akhiri(self, request, pk=None):
        """End the membership with its date and reason; the reason is a history row
        (``services.keanggotaan_akhiri``; P43)."""
        k = self.get_object()
        services.keanggotaan_akhiri(keanggotaan=k, user=request.user, **self._masukan())
        return self._detail(k.pk)


@extend_schema(tags=["pembinaan"])
class SekretariatKerjaSamaViewSet(_Tulis):
    """Sekretariat Kerja Sama of Kerja Sama Wajib (P40-2, P40-4, P41). The secretariat
    checks a KSDD against Pasal 40 ayat 2 and records its Sekretariat
    (``kelola_pembinaan``), as on the web page."""

    queryset = SekretariatKerjaSama.objects.none()  # for the schema
    izin_baca = izin.PEMBINAAN_LIHAT_SEKRETARIAT
    # The web page that shows the conditions is the recording page: kelola_pembinaan.
    izin_baca_aksi = {"syarat": izin.PEMBINAAN_KELOLA}
    izin_tulis = {"create": izin.PEMBINAAN_KELOLA}
    filterset_class = None
    detail_serializer = list_serializer = s.SekretariatKerjaSamaSerializer
    tulis = {"create": s.SekretariatCatatSerializer}

    def get_queryset(self):
        return sel_pembinaan.sekretariat_daftar(user=self.request.user)

    @_tulis(
        s.SekretariatCatatSerializer,
        "Sekretariat Kerja Sama dicatat.",
        201,
        s.SekretariatKerjaSamaSerializer,
    )
    def create(self, request):
        """Record the Sekretariat Kerja Sama of a KSDD (``services.sekretariat_catat``):
        every unmet condition of Pasal 40 ayat 2 is a P40-2 refusal; a second one for the
        same KSDD and a missing Kesepakatan Bersama number P40-4; a hibah not above zero
        P41."""
        sek = services.sekretariat_catat(user=request.user, **self._masukan())
        return self._detail(sek.pk, status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "ksdd", int, OpenApiParameter.QUERY, required=True, description="ID KSDD"
            )
        ],
        responses={200: s.SekretariatSyaratSerializer, **GALAT_BACA},
    )
    @action(detail=False, methods=["get"], serializer_class=s.SekretariatSyaratSerializer)
    def syarat(self, request):
        """Each condition of Pasal 40 ayat 2 for one KSDD the user may see, met or not
        and why (``selectors.sekretariat_memenuhi_syarat``; P40-2)."""
        try:
            pk = int(request.query_params.get("ksdd", ""))
        except ValueError as exc:
            raise ValidationError({"ksdd": [_("Isi ID KSDD.")]}) from exc
        try:
            ksdd = ksdd_visible_to(request.user).get(pk=pk)
        except Ksdd.DoesNotExist as exc:
            raise Http404 from exc
        ada = SekretariatKerjaSama.objects.filter(ksdd=ksdd).first()
        syarat = sel_pembinaan.sekretariat_memenuhi_syarat(
            ksdd, terus_menerus=ada.terus_menerus if ada else None
        )
        data = {
            "ksdd": ksdd.pk,
            "layak": sel_pembinaan.sekretariat_layak(syarat),
            "syarat": [x.__dict__ for x in syarat],
            "sekretariat": ada.pk if ada else None,
        }
        return Response(s.SekretariatSyaratSerializer(data).data)


@extend_schema(tags=["pembinaan"])
class BantuanPendanaanView(GenericAPIView):
    """Funding assistance to the partners of one KSDD (Pasal 31 ayat 1; P31-1), at
    ``ksdd/{id}/pendanaan/``: whoever sees the KSDD reads it; whoever may change KSDD
    (the secretariat, the agency's operator) records it, as on the web page. A KSDD
    outside the user's view is 404."""

    authentication_classes = AUTENTIKASI
    permission_classes = [IsAuthenticated, PunyaIzin]
    parser_classes = JSON
    queryset = Ksdd.objects.none()  # for the schema: ``pk`` is the KSDD's
    pagination_class = None  # a KSDD's few rows, whole
    filter_backends = []
    izin_baca = "agreements.view_ksdd"
    izin_tulis = {"post": izin.PENDANAAN_UBAH}
    serializer_class = s.BantuanPendanaanSerializer

    def _ksdd(self, pk: int) -> Ksdd:
        try:
            return ksdd_visible_to(self.request.user).get(pk=pk)
        except Ksdd.DoesNotExist as exc:
            raise Http404 from exc

    @extend_schema(responses={200: s.BantuanPendanaanSerializer(many=True), **GALAT_BACA})
    def get(self, request, pk: int):
        """The funding assistance recorded on the KSDD, newest budget year first."""
        rows = sel_pembinaan.bantuan_pendanaan_daftar(self._ksdd(pk))
        return Response(s.BantuanPendanaanSerializer(rows, many=True).data)

    @_tulis(
        s.BantuanPendanaanTambahSerializer,
        "Bantuan pendanaan dicatat.",
        201,
        s.BantuanPendanaanSerializer,
    )
    def post(self, request, pk: int):
        """Record funding assistance to a partner
        (``agreements.services.bantuan_pendanaan_tambah``; P31-1): a Sukarela KSDD, a
        region that is not its partner and an amount not above zero are refused."""
        ksdd = self._ksdd(pk)
        ser = s.BantuanPendanaanTambahSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        b = bantuan_pendanaan_tambah(ksdd=ksdd, user=request.user, **ser.validated_data)
        row = sel_pembinaan.bantuan_pendanaan_daftar(ksdd).get(pk=b.pk)
        return Response(s.BantuanPendanaanSerializer(row).data, status=status.HTTP_201_CREATED)
