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


@pytest.fixture
def tkksd(pemeran):
    """The 2025 Keputusan Bupati on TKKSD and its Tim Teknis, every office filled."""
    from kersa.documents.services.penomoran import penomoran_muat_default
    from kersa.governance.demo import tkksd_demo

    penomoran_muat_default()
    return tkksd_demo(pemeran.sekretariat)


@pytest.fixture
def ksdd_berjalan(ksdd, pemeran):
    """The Dinas Kesehatan's KSDD with Barito Timur, PKS signed, in pelaksanaan."""
    from kersa.agreements.choices import Status
    from kersa.agreements.skenario import ke_status

    return ke_status(ksdd, Status.PELAKSANAAN, pemeran)
