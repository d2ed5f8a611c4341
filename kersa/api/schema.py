"""OpenAPI pieces: the error bodies of ``exceptions.py`` and how ``JsonDalam`` is shown."""

import re

from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from kersa.core.saring import ID_MAKS

from .filters import AcuanFilter


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


class PilihanPolosExtension(OpenApiSerializerFieldExtension):
    """``pilihan_masuk``: a string matching one of its values. A ``pattern`` and not an
    ``enum``: drf-spectacular names every enum, and the fields named alike (``jenis``)
    over different choice sets would collide."""

    target_class = "kersa.api.fields._PilihanPolos"

    def map_serializer_field(self, auto_schema, direction):
        nilai = "|".join(re.escape(str(v)) for v in self.target.choices)
        return {"type": "string", "pattern": f"^({nilai})$"}


class JsonDalamExtension(OpenApiSerializerFieldExtension):
    """Show a ``JsonDalam`` field as the structure its ``isi`` checks."""

    target_class = "kersa.api.fields.JsonDalam"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        return auto_schema._map_serializer_field(self.target.isi, direction)


class SkemaKersa(AutoSchema):
    """drf-spectacular's AutoSchema, documenting the error answers every operation can give
    (issue 19, schemathesis ``status_code_conformance``): 401 without a valid token, 403
    outside the role, 404 for an id outside the user's view or a page past the end, 400
    for a bad filter, page or body, 429 when throttled. An operation's own ``responses``
    (e.g. ``GALAT_TULIS``) win."""

    def _map_serializer_field(self, field, direction, bypass_extensions=False):
        skema = super()._map_serializer_field(field, direction, bypass_extensions)
        # A list that may not be empty (``many=True, allow_empty=False``) says so.
        if (
            isinstance(field, (serializers.ManyRelatedField, serializers.ListField))
            and not field.allow_empty
            and skema.get("type") == "array"
        ):
            skema.setdefault("minItems", 1)
        return skema

    def _get_response_bodies(self, direction="response"):
        tanggapan = super()._get_response_bodies(direction)
        if direction != "response":
            return tanggapan
        galat = {
            400: OpenApiResponse(OpenApiTypes.OBJECT, description=_("Masukan tidak sah")),
            401: OpenApiResponse(
                GalatSerializer, description=_("Belum masuk atau token tidak sah")
            ),
            **GALAT_BACA,
            429: OpenApiResponse(GalatSerializer, description=_("Terlalu banyak permintaan")),
        }
        for kode, isi in galat.items():
            if str(kode) not in tanggapan:
                tanggapan[str(kode)] = self._get_response_for_code(
                    isi, str(kode), ["application/json"], direction
                )
        return dict(sorted(tanggapan.items()))


class FilterBerbatasExtension(DjangoFilterExtension):
    """django-filter's parameters with the bounds their filters enforce (``min_value`` /
    ``max_value``, ``kersa.core.saring``): a year the API refuses with 400 is outside the
    schema too, and a bounded whole-number filter is an integer."""

    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        hasil = super().resolve_filter_field(
            auto_schema, model, filterset_class, field_name, filter_field
        )

        bawah = filter_field.extra.get("min_value")
        atas = filter_field.extra.get("max_value")
        if isinstance(filter_field, AcuanFilter):
            # ``AcuanFilter`` refuses with 400 an id outside 1..ID_MAKS or a key too long.
            if hasil[0]["schema"].get("type") == "integer":
                bawah, atas = 1, ID_MAKS
            meta = filter_field.queryset.model._meta
            kolom = meta.get_field(filter_field.extra.get("to_field_name") or meta.pk.name)
            if getattr(kolom, "max_length", None):
                for param in hasil:
                    param["schema"]["maxLength"] = kolom.max_length
        for param in hasil:
            skema = param["schema"]
            if isinstance(bawah, int) and isinstance(atas, int) and skema.get("type") == "number":
                skema["type"] = "integer"
                skema.pop("format", None)
            if bawah is not None:
                skema["minimum"] = bawah
            if atas is not None:
                skema["maximum"] = atas
        return hasil
