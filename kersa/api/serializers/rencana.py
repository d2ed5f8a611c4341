"""Identification and mapping per plan year with its plan list (Pasal 7–8)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kersa.agreements.models import Ksdd
from kersa.planning.choices import StatusIdentifikasi
from kersa.planning.models import ButirRencana, Identifikasi, RiwayatIdentifikasi
from kersa.planning.selectors import peringatan_p8_5

from ..fields import pilihan_baca
from ..schema import PelanggaranSerializer


class _PeringatanMixin(serializers.Serializer):
    peringatan = serializers.SerializerMethodField()

    @extend_schema_field(PelanggaranSerializer(many=True))
    def get_peringatan(self, obj: Identifikasi) -> list[dict]:
        """P8-5 (WARN): a Sukarela list set (or still drafted) after Triwulan I of N−1."""
        return [p.as_dict() for p in peringatan_p8_5(obj)]


class IdentifikasiSerializer(_PeringatanMixin, serializers.ModelSerializer):
    """One Identifikasi dan Pemetaan: category, plan year, status, its Berita Acara
    signed by the Bupati (P7-5, P8-4), the number of plan items, and the P8-5 warning."""

    kategori_label = serializers.CharField(source="get_kategori_display", read_only=True)
    status = pilihan_baca(StatusIdentifikasi)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    jumlah_butir = serializers.IntegerField(read_only=True)

    class Meta:
        model = Identifikasi
        fields = [
            "id",
            "kategori",
            "kategori_label",
            "tahun_rencana",
            "tanggal_mulai",
            "tanggal_selesai",
            "perangkat_perencanaan",
            "status",
            "status_label",
            "nomor_berita_acara",
            "tanggal_berita_acara",
            "berita_acara",
            "jumlah_butir",
            "peringatan",
        ]
        read_only_fields = fields


class KsddRencanaSerializer(serializers.ModelSerializer):
    """A KSDD carrying out the item (P5-2)."""

    status = serializers.CharField(read_only=True, help_text=_("Status KSDD."))

    class Meta:
        model = Ksdd
        fields = ["id", "nomor_register", "judul", "status"]
        read_only_fields = fields


class ButirRencanaSerializer(serializers.ModelSerializer):
    """One item of the plan list (P7-3, P8-3): urusan, programme, activity, agency,
    partner regions (codes), duration, priority; the provincial forum (P7-4)."""

    urusan_nama = serializers.CharField(source="urusan.nama", read_only=True)
    perangkat_daerah_nama = serializers.CharField(source="perangkat_daerah.nama", read_only=True)
    prioritas_label = serializers.CharField(source="get_prioritas_display", read_only=True)
    mitra = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    ksdd = KsddRencanaSerializer(many=True, read_only=True)

    class Meta:
        model = ButirRencana
        fields = [
            "id",
            "urusan",
            "urusan_nama",
            "program",
            "kegiatan",
            "perangkat_daerah",
            "perangkat_daerah_nama",
            "mitra",
            "jangka_waktu_bulan",
            "prioritas",
            "prioritas_label",
            "perkiraan_anggaran",
            "dokumen_rencana",
            "forum_provinsi",
            "tanggal_forum",
            "keterangan",
            "urutan",
            "ksdd",
        ]
        read_only_fields = fields


class RiwayatIdentifikasiSerializer(serializers.ModelSerializer):
    dari = pilihan_baca(StatusIdentifikasi)
    ke = pilihan_baca(StatusIdentifikasi)
    oleh = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = RiwayatIdentifikasi
        fields = ["dari", "ke", "oleh", "alasan", "rule", "pada"]
        read_only_fields = fields


class IdentifikasiDetailSerializer(IdentifikasiSerializer):
    """The identification with the agencies involved (P7-2, P8-2), its plan items in
    the order of Pasal 5 ayat (4) and its history."""

    perangkat_terlibat = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    butir = ButirRencanaSerializer(many=True, read_only=True)
    riwayat = RiwayatIdentifikasiSerializer(many=True, read_only=True)
    jumlah_butir = serializers.SerializerMethodField()

    class Meta(IdentifikasiSerializer.Meta):
        fields = [
            *IdentifikasiSerializer.Meta.fields,
            "perangkat_terlibat",
            "catatan",
            "butir",
            "riwayat",
        ]
        read_only_fields = fields

    def get_jumlah_butir(self, obj: Identifikasi) -> int:
        return len(obj.butir.all())  # prefetched by selectors.identifikasi_detail
