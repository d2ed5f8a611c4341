"""Token for API clients: POST username and password, use ``Authorization: Token <key>``."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.throttling import AnonRateThrottle

from ..parsers import JSON_DAN_BERKAS


class TokenView(ObtainAuthToken):
    """Tukar nama pengguna dan kata sandi dengan token API."""

    parser_classes = JSON_DAN_BERKAS
    # DRF's ObtainAuthToken turns throttling off; guessing passwords here is throttled
    # per address like every anonymous call (issue 19).
    throttle_classes = [AnonRateThrottle]

    @extend_schema(
        request=AuthTokenSerializer,
        responses={
            200: inline_serializer("Token", {"token": serializers.CharField()}),
            400: OpenApiResponse(description="Nama pengguna atau kata sandi salah."),
            429: OpenApiResponse(description="Terlalu banyak percobaan; coba lagi nanti."),
        },
        auth=[],
        tags=["token"],
    )
    def post(self, request, *args, **kwargs):
        return super().post(request, *args, **kwargs)
