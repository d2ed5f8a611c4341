"""Token for API clients: POST username and password, use ``Authorization: Token <key>``."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken

from ..parsers import JSON_DAN_BERKAS


class TokenView(ObtainAuthToken):
    """Tukar nama pengguna dan kata sandi dengan token API."""

    parser_classes = JSON_DAN_BERKAS

    @extend_schema(
        request=AuthTokenSerializer,
        responses={
            200: inline_serializer("Token", {"token": serializers.CharField()}),
            400: OpenApiResponse(description="Nama pengguna atau kata sandi salah."),
        },
        auth=[],
        tags=["token"],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
