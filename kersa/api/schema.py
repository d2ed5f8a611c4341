"""OpenAPI pieces: the error bodies of ``exceptions.py``, how ``JsonDalam`` is shown, and
the schema view that builds the schema once."""

import threading
from typing import ClassVar

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from drf_spectacular.views import SpectacularAPIView
from rest_framework import serializers
from rest_framework.response import Response


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


class SkemaTersimpan(SpectacularAPIView):
    """``/api/schema/`` built once per process and language, not on every request.

    drf-spectacular walks every view and serializer for each request (1–2 s on the
    reference machine, issue 14); the schema changes only with the code, i.e. with a
    release, which restarts the processes. The schema is public in content
    (``SERVE_PUBLIC``: it does not depend on who asks), so one copy serves everyone; the
    view's permission still decides who may read it."""

    _simpanan: ClassVar[dict[tuple, dict]] = {}
    _kunci_gembok: ClassVar[threading.Lock] = threading.Lock()

    def _get_schema_response(self, request):
        version = self.api_version or request.version or self._get_version_parameter(request)
        kunci = (version, translation.get_language())
        with self._kunci_gembok:
            data = self._simpanan.get(kunci)
            if data is None:
                generator = self.generator_class(
                    urlconf=self.urlconf, api_version=version, patterns=self.patterns
                )
                data = generator.get_schema(request=request, public=self.serve_public)
                self._simpanan[kunci] = data
        nama = self._get_filename(request, version)
        return Response(data=data, headers={"Content-Disposition": f'inline; filename="{nama}"'})
