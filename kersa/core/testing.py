"""KERSA's test kit: query counting and the fixtures several apps share.

The root ``conftest.py`` loads this module as a pytest plugin, so its fixtures are
available in every test; the helpers are imported by name::

    from kersa.core.testing import jumlah_kueri, jumlah_kueri_api

Nothing here is imported by the application.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status
from kersa.documents.services.penomoran import penomoran_muat_default

WIB = ZoneInfo("Asia/Jakarta")

# --- Query counting ----------------------------------------------------------------


def kueri_get(client, url, data=None, *, panaskan: bool = False, status: int = 200):
    """GET ``url`` once with the queries captured; returns ``(queries, response)``.

    ``panaskan`` GETs the page once first (session, permission cache, content types),
    so the count is what a user's next visit costs."""
    if panaskan:
        client.get(url, data or {})
    with CaptureQueriesContext(connection) as ctx:
        respons = client.get(url, data or {})
    assert respons.status_code == status, (respons.status_code, url)
    return len(ctx.captured_queries), respons


def jumlah_kueri(client, url, data=None, *, panaskan: bool = True) -> int:
    """How many queries a web page costs on a warm visit (see ``kueri_get``)."""
    return kueri_get(client, url, data, panaskan=panaskan)[0]


def jumlah_kueri_api(client, url, data=None) -> tuple[int, int]:
    """``(queries, count)`` of one GET of a paginated API list: the count is the
    ``count`` of the answer, so a test can see the rows grew while the queries did not."""
    n, respons = kueri_get(client, url, data)
    return n, respons.json()["count"]


# --- Shared fixtures ---------------------------------------------------------------

MEI_2026 = dt.datetime(2026, 5, 20, 9, 0, tzinfo=WIB)


@pytest.fixture
def waktu():
    """The clock stands at Wednesday 20 May 2026, 09:00 WIB (semester I of 2026)."""
    with time_machine.travel(MEI_2026, tick=False) as t:
        yield t


@pytest.fixture
def penomoran(db):
    """The default letter-numbering schemes of every kind."""

    penomoran_muat_default()


@pytest.fixture
def berjalan(waktu, ksdd, pemeran):
    """The Wajib KSDD of Dinas Kesehatan with Barito Timur (62.13), driven through the
    real services to pelaksanaan on 20 May 2026."""

    return ke_status(ksdd, Status.PELAKSANAAN, pemeran)


# --- A fixed "today" -----------------------------------------------------------------


def hari_ini_tetap(tanggal: dt.date):
    """An autouse fixture that runs a module's tests as if today were ``tanggal`` (09:00
    WIB, the clock ticking). For tests that count from "today" across the year: without
    it they pass only while today's periods stay inside an officially decreed holiday
    year (the date-drift check, ``kersa/core/geser_tanggal.py``, finds them)::

        _hari_ini = hari_ini_tetap(dt.date(2026, 10, 5))
    """

    @pytest.fixture(autouse=True)
    def _hari_ini_tetap():
        with time_machine.travel(dt.datetime.combine(tanggal, dt.time(9), tzinfo=WIB)):
            yield

    return _hari_ini_tetap
