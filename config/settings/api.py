"""Django REST framework and drf-spectacular (the /api/v1/ layer)."""

import os
from datetime import timedelta

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous request gets 401 with a WWW-Authenticate header.
        "kersa.api.auth.TokenKersa",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "kersa.api.schema.SkemaKersa",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "kersa.api.paginasi.HalamanKersa",
    "PAGE_SIZE": 25,
    "EXCEPTION_HANDLER": "kersa.api.exceptions.exception_handler",
    # ASVS 2.2.1 / issue 19: anonymous calls (the token endpoint) by address, signed-in
    # calls by user. Counted in the default cache (per process unless CACHES is shared).
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {"anon": "30/minute", "user": "1200/minute"},
    # The throttle's address: X-Forwarded-For only behind as many proxies as configured.
    # (DRF's default None would believe any client's header.)
    "NUM_PROXIES": int(os.environ.get("KERSA_PROXY_COUNT", "0")),
}

SPECTACULAR_SETTINGS = {
    "TITLE": "KERSA API",
    "DESCRIPTION": "Sistem Informasi Kerja Sama Daerah dengan Daerah Lain "
    "(Perbup Barito Selatan No. 23 Tahun 2023).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI and Redoc assets served by KERSA itself (no CDN at run time).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a ``status``; name the clocks' own choice set.
    "ENUM_NAME_OVERRIDES": {
        "StatusEnum": "kersa.agreements.choices.Status",
        "StatusTenggatEnum": "kersa.deadlines.choices.StatusTenggat",
    },
}

# API tokens (django-rest-knox, issue 19): ``Authorization: Token <key>`` as before; a
# token lives KERSA_TOKEN_JAM hours from its issue (not renewed by use), is stored as a
# SHA-512 digest, and is revoked by its owner (API logout or /akun/token/) or by a
# password change (kersa.accounts.signals).
KERSA_TOKEN_JAM = int(os.environ.get("KERSA_TOKEN_JAM", "10"))
KNOX_TOKEN_MODEL = "accounts.TokenApi"
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=KERSA_TOKEN_JAM),
    "AUTH_HEADER_PREFIX": "Token",
    "AUTO_REFRESH": False,
    "TOKEN_MODEL": KNOX_TOKEN_MODEL,
}
