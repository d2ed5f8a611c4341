import datetime as dt

import pytest

from kersa.deadlines.services import tenggat_mulai


@pytest.fixture
def jam(ksdd):
    """Start a clock on the ``ksdd`` fixture (Dinas Kesehatan) with the real service."""
    n = iter(range(1, 1000))

    def buat(rule: str, tanggal_peristiwa: dt.date, jatuh_tempo: dt.date | None = None, **kw):
        return tenggat_mulai(
            rule=rule,
            kunci=f"uji:{rule}:{ksdd.pk}:{next(n)}",
            tanggal_peristiwa=tanggal_peristiwa,
            peristiwa=kw.pop("peristiwa", "Surat diterima"),
            ksdd=kw.pop("ksdd", ksdd),
            jatuh_tempo=jatuh_tempo,
            **kw,
        )

    return buat
