"""Which KSDD steps start, meet and stop which clocks (called by ``langkah()``)."""

from __future__ import annotations


def tenggat_setelah_langkah(*, ksdd, riwayat) -> None:
    """Start, meet or stop the clocks of ``ksdd`` after the step logged in ``riwayat``."""
