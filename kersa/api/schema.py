"""OpenAPI pieces: the error bodies of ``exceptions.py`` and how ``JsonDalam`` is shown."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class PelanggaranSerializer(serializers.Serializer):
    """One rule of RULES.md that an action does not satisfy."""

    rule = serializers.CharField(help_text=_("ID aturan, mis. P19-3"))
    detail = serializers.CharField()
    field = serializers.CharField(required=False)


class GalatAturanSerializer(serializers.Serializer):
    """422: the regulation refuses the action; ``rule``/``detail`` are the first of
    ``pelanggaran``."""

    rule = serializers.CharField()
    detail = serializers.CharField()
    pelanggaran = PelanggaranSerializer(many=True)


class GalatSerializer(serializers.Serializer):
    detail = serializers.CharField()


GALAT_BACA = {
    403: OpenApiResponse(GalatSerializer, description=_("Tidak berwenang")),
    404: OpenApiResponse(GalatSerializer, description=_("Tidak ditemukan atau di luar akses")),
}
GALAT_TULIS = {
    400: OpenApiResponse(OpenApiTypes.OBJECT, description=_("Masukan tidak sah (per field)")),
    **GALAT_BACA,
    409: OpenApiResponse(GalatSerializer, description=_("KSDD telah diubah pengguna lain")),
    422: OpenApiResponse(GalatAturanSerializer, description=_("Ditolak oleh aturan (Perbup)")),
}


class JsonDalamExtension(OpenApiSerializerFieldExtension):
    """Show a ``JsonDalam`` field as the structure its ``isi`` checks."""

    target_class = "kersa.api.fields.JsonDalam"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        return auto_schema._map_serializer_field(self.target.isi, direction)
