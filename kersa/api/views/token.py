"""API tokens (issue 19): POST username and password for a token that expires, use
``Authorization: Token <key>``, revoke it (``logout/``) or all of one's own
(``logout-semua/``). Tokens are django-rest-knox's, stored as digests
(``kersa.accounts.models.TokenApi``); a password change revokes them all."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from kersa.accounts import faktor_kedua
from kersa.accounts.services import token_api_buat, token_api_cabut, token_api_cabut_semua

from ..auth import TokenKersa
from ..parsers import JSON_DAN_BERKAS


class PermintaanTokenSerializer(AuthTokenSerializer):
    nama = serializers.CharField(
        label=_("Nama klien"),
        max_length=100,
        required=False,
        allow_blank=True,
        help_text=_("Untuk mengenali token ini di halaman Token API (mis. 'skrip laporan')."),
    )
    kode_otp = serializers.CharField(
        label=_("Kode faktor kedua"),
        max_length=16,
        required=False,
        allow_blank=True,
        help_text=_(
            "Wajib bagi administrator dan pengguna yang menandatangani atau menyetujui: "
            "6 angka dari aplikasi autentikator, atau satu kode cadangan."
        ),
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        user = attrs["user"]
        if faktor_kedua.wajib_faktor_kedua(user) or faktor_kedua.perangkat(user):
            if not faktor_kedua.perangkat(user):
                raise serializers.ValidationError(
                    {
                        "kode_otp": _(
                            "Akun ini wajib memakai faktor kedua: aktifkan dahulu di halaman "
                            "web Faktor kedua, lalu minta token dengan kodenya."
                        )
                    }
                )
            if faktor_kedua.perangkat_cocok(user, attrs.get("kode_otp", "")) is None:
                raise serializers.ValidationError(
                    {"kode_otp": _("Kode faktor kedua salah atau sudah kedaluwarsa.")}
                )
        return attrs


class TokenView(APIView):
    """Tukar nama pengguna dan kata sandi dengan token API yang berakhir pada ``expiry``."""

    authentication_classes = []
    permission_classes = [AllowAny]
    parser_classes = JSON_DAN_BERKAS
    # Guessing passwords here is throttled per address like every anonymous call (issue 19).
    throttle_classes = [AnonRateThrottle]
    serializer_class = PermintaanTokenSerializer

    @extend_schema(
        request=PermintaanTokenSerializer,
        responses={
            200: inline_serializer(
                "Token",
                {"token": serializers.CharField(), "expiry": serializers.DateTimeField()},
            ),
            400: OpenApiResponse(
                description="Nama pengguna, kata sandi atau kode faktor kedua salah."
            ),
            429: OpenApiResponse(description="Terlalu banyak percobaan; coba lagi nanti."),
        },
        auth=[],
        tags=["token"],
    )
    def post(self, request, *args, **kwargs):
        serializer = self.serializer_class(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        token, kunci = token_api_buat(
            user=serializer.validated_data["user"], nama=serializer.validated_data.get("nama", "")
        )
        expiry = serializers.DateTimeField().to_representation(token.expiry)
        return Response({"token": kunci, "expiry": expiry})


class _DenganToken(APIView):
    # Only a token can be logged out: a browser session logs out on the web.
    authentication_classes = [TokenKersa]
    permission_classes = [IsAuthenticated]


class TokenLogoutView(_DenganToken):
    """Cabut token yang dipakai pada permintaan ini."""

    @extend_schema(
        request=None,
        responses={204: OpenApiResponse(description="Token dicabut.")},
        tags=["token"],
    )
    def post(self, request, *args, **kwargs):
        token_api_cabut(user=request.user, nomor=request.auth.nomor)
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenLogoutSemuaView(_DenganToken):
    """Cabut semua token API milik pengguna ini."""

    @extend_schema(
        request=None,
        responses={204: OpenApiResponse(description="Semua token pengguna dicabut.")},
        tags=["token"],
    )
    def post(self, request, *args, **kwargs):
        token_api_cabut_semua(user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
