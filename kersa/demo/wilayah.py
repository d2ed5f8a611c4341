"""Demo heads of region so generated documents show names. The decree numbers, and the
partners' heads, are fictional."""

import datetime as dt

from kersa.regions.models import KepalaDaerah, Wilayah
from kersa.regions.services import kepala_daerah_catat

# The heads' decrees share their date and start (the 2025 inauguration).
_KEPUTUSAN, _MULAI = dt.date(2025, 2, 14), dt.date(2025, 2, 20)
_DEMO = [
    ("62.04", "Eddy Raya Samsuri", "100.2.1.3-1011 Tahun 2025"),
    ("62.13", "Yulius Tandang", "100.2.1.3-1020 Tahun 2025"),
    ("62.05", "Muhammad Arsyad", "100.2.1.3-1013 Tahun 2025"),
]


def demo_muat_satu(kode_wilayah: str) -> int:
    """The demo head of one region only (the home region for the demo signers)."""
    return demo_muat(kode_wilayah=kode_wilayah)


def demo_muat(kode_wilayah: str | None = None) -> int:
    """Idempotent: a region that already has a recorded head is left alone."""
    n = 0
    for kode, nama, nomor in _DEMO:
        if kode_wilayah and kode != kode_wilayah:
            continue
        wilayah = Wilayah.objects.filter(kode=kode).first()
        if wilayah is None or KepalaDaerah.objects.filter(wilayah=wilayah).exists():
            continue
        kepala_daerah_catat(
            wilayah=wilayah,
            nama=nama,
            status="definitif",
            nomor_keputusan=nomor,
            tanggal_keputusan=_KEPUTUSAN,
            mulai=_MULAI,
        )
        n += 1
    return n
