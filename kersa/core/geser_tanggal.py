"""Date-drift check for the test suite (a pytest plugin, opt-in).

Tests count deadlines from "today" in many places; a test that only passes while today's
period stays inside an officially decreed holiday year rots as the calendar moves on. Run
the suite as if today were another date to find such tests before the calendar does::

    KERSA_UJI_TANGGAL=2026-12-28 pytest -p kersa.core.geser_tanggal -m "not e2e"

Browser and subprocess tests (Chromium, the worker process, the S3 and signing servers) keep
the real clock in their own processes, so leave them out (``-m "not e2e"``).
"""

import datetime as dt
import os

import time_machine


def pytest_configure(config):
    tanggal = os.environ.get("KERSA_UJI_TANGGAL")
    if tanggal:
        perjalanan = time_machine.travel(dt.datetime.fromisoformat(f"{tanggal}T09:00+07:00"))
        perjalanan.start()
        config.kersa_perjalanan = perjalanan


def pytest_unconfigure(config):
    perjalanan = getattr(config, "kersa_perjalanan", None)
    if perjalanan is not None:
        perjalanan.stop()
