"""Reads for users."""

from django.utils import timezone

from kersa.accounts.models import TokenApi


def token_api_milik(*, user):
    """The live API tokens of ``user``, newest first (expired ones are not listed; the
    authentication removes them when the user next uses a token)."""
    return TokenApi.objects.filter(user=user, expiry__gt=timezone.now()).order_by("-created")
