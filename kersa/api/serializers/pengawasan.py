"""Oversight: monitoring and evaluation (Pasal 28), disputes (Pasal 29–30),
and pembinaan: guidance activities (Pasal 44), association memberships (Pasal 43) and
the Sekretariat Kerja Sama (Pasal 40–41)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kersa.agreements.models import Ksdd
from kersa.agreements.selectors import ksdd_visible_to
from kersa.oversight.choices import JenisAsosiasi
from kersa.oversight.models import (
    KeanggotaanAsosiasi,
    KegiatanPembinaan,
    MonitoringEvaluasi,
    Perselisihan,
    RapatMusyawarah,
    RiwayatKeanggotaan,
    RiwayatMonev,
    RiwayatPerselisihan,
    SekretariatKerjaSama,
    StatusKeanggotaan,
    StatusMonev,
    StatusPerselisihan,
    StatusTemuan,
    TemuanMonev,
)
from kersa.regions.models import PerangkatDaerah
from kersa.reporting.choices import Semester

from ..fields import BooleanWajib, KodeWilayahField, TanggalField, pilihan_baca
from .dokumen import DokumenSerializer

_OLEH = {"slug_field": "username", "read_only": True, "allow_null": True}

# --- monitoring and evaluation (Pasal 28) -----------------------------------------------


class MonevSerializer(serializers.ModelSerializer):
    """The monitoring of one agency in one semester (P28)."""

    perangkat_daerah_nama = serializers.CharField(source="perangkat_daerah.nama", read_only=True)
    semester = pilihan_baca(Semester, integer=True)
    status = pilihan_baca(StatusMonev)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = MonitoringEvaluasi
        fields = [
            "id",
            "perangkat_daerah",
            "perangkat_daerah_nama",
            "tahun",
            "semester",
            "tanggal_pelaksanaan",
            "status",
            "status_label",
            "tanggal_selesai",
            "dokumen",
        ]
        read_only_fields = fields


class TemuanMonevSerializer(serializers.ModelSerializer):
    """A finding on one KSDD with its recommendation and follow-up."""

    status = pilihan_baca(StatusTemuan)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = TemuanMonev
        fields = [
            "id",
            "ksdd",
            "uraian",
            "rekomendasi",
            "tindak_lanjut",
            "status",
            "status_label",
            "tanggal_tindak_lanjut",
            "dicatat_pada",
        ]
        read_only_fields = fields


class RiwayatMonevSerializer(serializers.ModelSerializer):
    dari = pilihan_baca(StatusMonev)
    ke = pilihan_baca(StatusMonev)
    oleh = serializers.SlugRelatedField(**_OLEH)

    class Meta:
        model = RiwayatMonev
        fields = ["dari", "ke", "oleh", "alasan", "pada"]
        read_only_fields = fields


class MonevDetailSerializer(MonevSerializer):
    """The monitoring with the KSDD it covered, its findings, report and history."""

    ksdd = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    temuan = TemuanMonevSerializer(many=True, read_only=True)
    riwayat = RiwayatMonevSerializer(many=True, read_only=True)

    class Meta(MonevSerializer.Meta):
        fields = [*MonevSerializer.Meta.fields, "ringkasan", "ksdd", "temuan", "riwayat"]
        read_only_fields = fields


# --- disputes (Pasal 29–30) ---------------------------------------------------------------


class PerselisihanSerializer(serializers.ModelSerializer):
    """A dispute on a KSDD: the regions in dispute (codes), where it stands (P29-1, P30)."""

    ksdd_nomor_register = serializers.CharField(source="ksdd.nomor_register", read_only=True)
    status = pilihan_baca(StatusPerselisihan)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    pihak = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Perselisihan
        fields = [
            "id",
            "ksdd",
            "ksdd_nomor_register",
            "tanggal_timbul",
            "pihak",
            "status",
            "status_label",
            "tanggal_selesai",
            "tanggal_diajukan_provinsi",
            "tanggal_dilaporkan",
        ]
        read_only_fields = fields


class MusyawarahSerializer(serializers.ModelSerializer):
    class Meta:
        model = RapatMusyawarah
        fields = ["id", "tanggal", "tempat", "hasil", "mufakat"]
        read_only_fields = fields


class RiwayatPerselisihanSerializer(serializers.ModelSerializer):
    dari = pilihan_baca(StatusPerselisihan)
    ke = pilihan_baca(StatusPerselisihan)
    oleh = serializers.SlugRelatedField(**_OLEH)

    class Meta:
        model = RiwayatPerselisihan
        fields = ["dari", "ke", "oleh", "alasan", "rule", "pada"]
        read_only_fields = fields


class BerkasPerselisihanSerializer(serializers.Serializer):
    """A document gathered for the musyawarah (P29-2)."""

    id = serializers.IntegerField()
    keterangan = serializers.CharField()
    nama_berkas = serializers.CharField(source="berkas.nama_asli")
    dicatat_pada = serializers.DateTimeField()


class PerselisihanDetailSerializer(PerselisihanSerializer):
    """The dispute with its musyawarah meetings (P29-1), documents (P29-2), berita acara
    (P29-3), report to the Bupati (P29-4) and history."""

    musyawarah = MusyawarahSerializer(many=True, read_only=True)
    berkas = BerkasPerselisihanSerializer(many=True, read_only=True)
    dokumen_berita_acara = DokumenSerializer(source="berita_acara", read_only=True, allow_null=True)
    dokumen_laporan = DokumenSerializer(source="laporan", read_only=True, allow_null=True)
    riwayat = RiwayatPerselisihanSerializer(many=True, read_only=True)

    class Meta(PerselisihanSerializer.Meta):
        fields = [
            *PerselisihanSerializer.Meta.fields,
            "uraian",
            "hasil",
            "musyawarah",
            "berkas",
            "dokumen_berita_acara",
            "dokumen_laporan",
            "riwayat",
        ]
        read_only_fields = fields


# --- pembinaan (Pasal 40–44) --------------------------------------------------------------


class KegiatanPembinaanSerializer(serializers.ModelSerializer):
    """A guidance activity (P44): its form, date, place, the agencies that took part and
    the KSDD discussed."""

    bentuk_label = serializers.CharField(source="get_bentuk_display", read_only=True)
    peserta = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    ksdd = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = KegiatanPembinaan
        fields = [
            "id",
            "bentuk",
            "bentuk_label",
            "judul",
            "tanggal",
            "tempat",
            "narasumber",
            "peserta",
            "ksdd",
            "ringkasan",
        ]
        read_only_fields = fields


class RiwayatKeanggotaanSerializer(serializers.ModelSerializer):
    dari = pilihan_baca(StatusKeanggotaan)
    ke = pilihan_baca(StatusKeanggotaan)
    oleh = serializers.SlugRelatedField(**_OLEH)

    class Meta:
        model = RiwayatKeanggotaan
        fields = ["dari", "ke", "tanggal", "oleh", "alasan", "rule", "pada"]
        read_only_fields = fields


class KeanggotaanAsosiasiSerializer(serializers.ModelSerializer):
    """The region's membership of an association or forum (P43), with its history."""

    jenis = pilihan_baca(JenisAsosiasi)
    jenis_label = serializers.CharField(source="get_jenis_display", read_only=True)
    riwayat = RiwayatKeanggotaanSerializer(many=True, read_only=True)

    class Meta:
        model = KeanggotaanAsosiasi
        fields = [
            "id",
            "jenis",
            "jenis_label",
            "nama",
            "dasar",
            "mulai",
            "selesai",
            "iuran_tahunan",
            "keterangan",
            "riwayat",
        ]
        read_only_fields = fields


class SekretariatKerjaSamaSerializer(serializers.ModelSerializer):
    """A Sekretariat Kerja Sama of a Kerja Sama Wajib (P40-2, P40-4, P41) and the clerk's
    confirmation that the cooperation is continuous (Pasal 40 ayat 2 huruf a)."""

    ksdd_nomor_register = serializers.CharField(source="ksdd.nomor_register", read_only=True)
    terus_menerus_oleh = serializers.SlugRelatedField(**_OLEH)

    class Meta:
        model = SekretariatKerjaSama
        fields = [
            "id",
            "ksdd",
            "ksdd_nomor_register",
            "nama",
            "nomor_kesepakatan",
            "tanggal_kesepakatan",
            "alamat",
            "hibah_tahunan",
            "catatan",
            "terus_menerus",
            "terus_menerus_oleh",
            "terus_menerus_pada",
        ]
        read_only_fields = fields


# --- writes (oversight.services) ----------------------------------------------------------


class _KsddTerlihatField(serializers.PrimaryKeyRelatedField):
    """A KSDD the requesting user may see (``ksdd_visible_to``); any other id is 400."""

    def get_queryset(self):
        return ksdd_visible_to(self.context["request"].user)


class MonevCatatSerializer(serializers.Serializer):
    """Record the monitoring of one agency for one semester (``services.monev_catat``;
    P28): the KSDD reviewed are the agency's KSDD in pelaksanaan, one per semester."""

    perangkat_daerah = serializers.PrimaryKeyRelatedField(queryset=PerangkatDaerah.objects.all())
    tahun = serializers.IntegerField(min_value=2000, max_value=2100)
    semester = serializers.ChoiceField(choices=Semester.choices)
    tanggal_pelaksanaan = TanggalField()
    ksdd = _KsddTerlihatField(queryset=Ksdd.objects.none(), many=True)
    ringkasan = serializers.CharField(required=False, allow_blank=True)


class TemuanCatatSerializer(serializers.Serializer):
    """Add a finding with its recommendation on one of the KSDD reviewed
    (``services.temuan_catat``; P28)."""

    ksdd = _KsddTerlihatField(queryset=Ksdd.objects.none())
    uraian = serializers.CharField(allow_blank=True)
    rekomendasi = serializers.CharField(allow_blank=True)


class _TemuanMonevIniField(serializers.PrimaryKeyRelatedField):
    """A finding of the monitoring in the URL; any other id is 400."""

    def get_queryset(self):
        return TemuanMonev.objects.filter(monev=self.context["monev"])


class TemuanTindakLanjutSerializer(serializers.Serializer):
    """Record the follow-up of a finding (``services.temuan_tindak_lanjut``; P28), also
    after the monitoring is finished."""

    temuan = _TemuanMonevIniField(
        queryset=TemuanMonev.objects.none(), help_text=_("ID temuan monitoring ini.")
    )
    tindak_lanjut = serializers.CharField(allow_blank=True)
    tanggal = TanggalField()


class MonevSelesaikanSerializer(serializers.Serializer):
    """Finish the monitoring (``services.monev_selesaikan``; P28): its summary is
    required, the report DOCX is generated and the semester's clock met."""

    tanggal = TanggalField()
    ringkasan = serializers.CharField(required=False, allow_blank=True, allow_null=True)


class PerselisihanCatatSerializer(serializers.Serializer):
    """Record a dispute in running a KSDD the user may see
    (``services.perselisihan_catat``; P29-1): the partner regions in dispute by code."""

    ksdd = _KsddTerlihatField(queryset=Ksdd.objects.none())
    tanggal_timbul = TanggalField()
    uraian = serializers.CharField(allow_blank=True)
    pihak = KodeWilayahField(many=True, help_text=_("Kode wilayah mitra, mis. 62.13."))


class PerselisihanBerkasSerializer(serializers.Serializer):
    """Gather a cooperation document for the musyawarah
    (``services.perselisihan_berkas_tambah``; P29-2); PDF or DOCX, checked by content."""

    upload = serializers.FileField(help_text=_("Berkas PDF atau DOCX."))
    keterangan = serializers.CharField(max_length=250, allow_blank=True)


class MusyawarahCatatSerializer(serializers.Serializer):
    """A meeting of musyawarah (``services.perselisihan_musyawarah_catat``; P29-1)."""

    tanggal = TanggalField()
    tempat = serializers.CharField(max_length=200, allow_blank=True)
    hasil = serializers.CharField(allow_blank=True)
    mufakat = BooleanWajib()


class PerselisihanSelesaikanSerializer(serializers.Serializer):
    """The settlement as a berita acara (``services.perselisihan_selesaikan``; P29-3)."""

    tanggal = TanggalField()
    hasil = serializers.CharField(allow_blank=True)


class AjukanProvinsiSerializer(serializers.Serializer):
    """Submit the dispute to the provincial TKKSD (``services.perselisihan_ajukan_provinsi``;
    P30 ayat 1)."""

    tanggal = TanggalField()
    alasan = serializers.CharField(allow_blank=True)


class PeraturanLebihTinggiSerializer(serializers.Serializer):
    """Settle per the higher regulation on Kerja Sama Daerah
    (``services.perselisihan_peraturan_lebih_tinggi``; P30 ayat 2)."""

    alasan = serializers.CharField(allow_blank=True)


class PerselisihanLaporkanSerializer(serializers.Serializer):
    """Report the settlement to the Bupati (``services.perselisihan_laporkan``; P29-4)."""

    tanggal = TanggalField()
