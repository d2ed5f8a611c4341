"""Oversight tests: the shared ``berjalan`` KSDD (kersa.core.testing), with the default
letter-numbering schemes loaded first (monev and dispute letters are numbered)."""

import pytest


@pytest.fixture
def berjalan(waktu, ksdd, pemeran, penomoran, berjalan):
    return berjalan
