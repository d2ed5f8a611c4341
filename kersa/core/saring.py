"""The filters a page reads from its query string (``?tahun=``, ``?pd=``), bounded as the
API's filter sets bound them (issue 19): a value that cannot be one is refused with 400
and a message naming the range, instead of a 500 from the database (an integer past
64 bits, a year the ``__year`` lookup cannot build) or a list silently unfiltered.

``SaringTidakSah`` is Django's ``BadRequest``: ``handler400`` (``kersa.core.views.
galat_permintaan``) shows its message on the page, or as JSON ``{"detail": ...}`` on
``/api/``.
"""

from __future__ import annotations

from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _

from .format import TANGGAL_MAKS, TANGGAL_MIN

# One range, web and API alike (``kersa.api.filters``): the years of ``TANGGAL_MIN`` and
# ``TANGGAL_MAKS``.
TAHUN_MIN = TANGGAL_MIN.year
TAHUN_MAKS = TANGGAL_MAKS.year
# The largest id a database column holds (a ``BigAutoField``), and the largest version
# number (``Ksdd.versi``, a ``PositiveIntegerField``): the bounds of the ids and versions
# a form or a serializer takes, web and API alike.
ID_MAKS = 2**63 - 1
VERSI_MAKS = 2**31 - 1


class SaringTidakSah(BadRequest):
    """A query-string filter with a value it cannot have; the message is shown as is."""


def tahun_dari(nilai: str | None, *, minimum: int = TAHUN_MIN, maksimum: int = TAHUN_MAKS):
    """The year of ``?tahun=``, None when empty; refused outside ``minimum..maksimum``."""
    nilai = (nilai or "").strip()
    if not nilai:
        return None
    if not nilai.isascii() or not nilai.isdigit() or not minimum <= int(nilai) <= maksimum:
        raise SaringTidakSah(
            _("Tahun “%(nilai)s” tidak sah: isi tahun antara %(min)d dan %(maks)d.")
            % {"nilai": nilai[:20], "min": minimum, "maks": maksimum}
        )
    return int(nilai)


def id_dari(nilai: str | None, *, nama: str):
    """The id of a filter (``?pd=``), None when empty or 0 ("semua"); refused when not a
    whole number a database id can be."""
    nilai = (nilai or "").strip()
    if not nilai or nilai == "0":
        return None
    if not nilai.isascii() or not nilai.isdigit() or int(nilai) > ID_MAKS:
        raise SaringTidakSah(
            _("Pilihan %(nama)s “%(nilai)s” tidak sah.") % {"nama": nama, "nilai": nilai[:20]}
        )
    return int(nilai)


def periode_semester_dari(nilai: str | None) -> tuple[int, int] | None:
    """(tahun, semester) of ``?periode=2026-1``, None when empty; refused unless it is a
    year the API's ``tahun`` takes (``TAHUN_MIN..TAHUN_MAKS``), a hyphen and semester 1
    or 2, as the API's ``tahun`` and ``semester`` filters (``kersa.api.filters``)."""
    nilai = (nilai or "").strip()
    if not nilai:
        return None
    tahun, _garis, semester = nilai.partition("-")
    if not (semester.isascii() and semester in ("1", "2")):
        raise SaringTidakSah(
            _("Periode “%(nilai)s” tidak sah: tulis tahun-semester, mis. 2026-1 atau 2026-2.")
            % {"nilai": nilai[:20]}
        )
    return tahun_dari(tahun or "-"), int(semester)
