"""Issue 19: the API throttles; a password-guessing run on the token endpoint is stopped."""

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


def test_token_endpoint_throttles_guessing_from_one_address(client, pemeran):
    try:
        codes = [
            client.post(
                "/api/v1/token/", {"username": "bupati", "password": f"tebakan-{i}"}
            ).status_code
            for i in range(31)
        ]
        assert set(codes[:30]) == {400}
        assert codes[30] == 429
        assert "Retry-After" in client.post("/api/v1/token/", {"username": "x"}).headers
    finally:
        cache.clear()
