"""The API's error bodies: one JSON shape per kind of refusal.

- ``RuleViolation`` (the regulation refuses) → 422
  ``{"rule": "P19-3", "detail": "...", "pelanggaran": [{"rule", "detail", "field"?}, ...]}``
- ``ConflictError`` (someone changed the KSDD since it was loaded) → 409 ``{"detail": ...}``
- Django ``PermissionDenied`` → 403, ``Http404`` / a record outside the user's view → 404
- Django ``ValidationError`` (a model's ``clean()``) → 400 ``{"detail": [...]}`` or field errors
- everything DRF knows (validation 400, 401/403, 405…) → DRF's own body
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from kersa.core.errors import ConflictError, RuleViolation


def _body_validation_error(exc: DjangoValidationError) -> dict:
    if hasattr(exc, "error_dict"):
        return {field: [str(m) for m in msgs] for field, msgs in exc.message_dict.items()}
    return {"detail": [str(m) for m in exc.messages]}


def exception_handler(exc, context):
    """``REST_FRAMEWORK["EXCEPTION_HANDLER"]``: KERSA's errors first, then DRF's."""
    if isinstance(exc, RuleViolation):
        set_rollback()
        return Response(
            {
                "rule": exc.rule,
                "detail": exc.detail,
                "pelanggaran": [p.as_dict() for p in exc.pelanggaran],
            },
            status=status.HTTP_422_UNPROCESSABLE_ENTITY,
        )
    if isinstance(exc, ConflictError):
        set_rollback()
        return Response({"detail": exc.detail}, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoValidationError):
        set_rollback()
        return Response(_body_validation_error(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, ObjectDoesNotExist):
        exc = Http404()
    return drf_exception_handler(exc, context)
