"""Fixtures for API tests."""

import pytest
from rest_framework.test import APIClient


@pytest.fixture
def klien():
    """``klien(user)``: an APIClient logged in (session) as ``user``; ``klien()`` anonymous."""

    def _buat(user=None) -> APIClient:
        c = APIClient()
        if user is not None:
            c.force_login(user)
        return c

    return _buat
