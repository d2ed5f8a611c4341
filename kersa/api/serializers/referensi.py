"""Reference data, read-only: regions, agencies, urusan, bentuk, tujuan."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kersa.agreements.models import Bentuk, Tujuan, Urusan
from kersa.regions.models import PerangkatDaerah, Wilayah
from kersa.regions.selectors import wilayah_tetangga


class WilayahSerializer(serializers.ModelSerializer):
    """A provinsi, kabupaten or kota with its Kemendagri code (P1-3)."""

    nama_lengkap = serializers.CharField(read_only=True)

    class Meta:
        model = Wilayah
        fields = ["kode", "nama", "nama_lengkap", "jenis", "provinsi"]


class WilayahDetailSerializer(WilayahSerializer):
    """A region with the codes of the regions it borders (P1-3, used by P7-1)."""

    tetangga = serializers.SerializerMethodField()

    class Meta(WilayahSerializer.Meta):
        fields = [*WilayahSerializer.Meta.fields, "tetangga"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_tetangga(self, obj: Wilayah) -> list[str]:
        return sorted(wilayah_tetangga(kode=obj.kode).values_list("kode", flat=True))


class PerangkatDaerahSerializer(serializers.ModelSerializer):
    """An agency of the home region with its head (P1-6)."""

    class Meta:
        model = PerangkatDaerah
        fields = [
            "id",
            "nama",
            "singkatan",
            "kepala_nama",
            "kepala_jabatan",
            "membidangi_kerja_sama",
            "aktif",
        ]


class UrusanSerializer(serializers.ModelSerializer):
    """An urusan pemerintahan of Pasal 5 ayat (4) (P5-4)."""

    kelompok_label = serializers.CharField(source="get_kelompok_display", read_only=True)

    class Meta:
        model = Urusan
        fields = ["id", "kode", "nama", "kelompok", "kelompok_label", "urutan"]


class BentukSerializer(serializers.ModelSerializer):
    """A form of KSDD of Pasal 9 with its definition (P9-a…i)."""

    class Meta:
        model = Bentuk
        fields = ["id", "kode", "nama", "definisi", "wajib_kompensasi", "pertukaran_layanan"]


class TujuanSerializer(serializers.ModelSerializer):
    """A goal of Pasal 3 (P3)."""

    class Meta:
        model = Tujuan
        fields = ["id", "kode", "uraian"]
