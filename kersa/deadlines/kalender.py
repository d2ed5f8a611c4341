"""The working-day calendar, counted as the regulation counts.

- The day of the event (a letter's receipt) is not counted: a period starts the
  next day.
- A period in calendar days (hari kalender) ends on its date even when that date
  is a day off.
- A period in working days (hari kerja) counts Monday to Friday less the libur
  nasional and cuti bersama of the year's SKB 3 Menteri (the ``holidays``
  package, categories public and government) and less the days the secretariat
  added in ``HariLibur``; a day marked there as worked counts again.

A ``Kalender`` loads the table once (one query) for the years it is asked about,
so a page that counts many clocks costs one query, not one per clock.

**Estimated years** (RULES.md, the calendar paragraph). The package carries a year's
SKB once it is published; before that (or for a moveable feast it cannot know yet) it
estimates, and says so ("... (perkiraan)"). A year whose data holds an estimate, or no
cuti bersama at all, is an estimate until the secretariat confirms the year's SKB
(``KonfirmasiSkb``, one query, loaded only when asked): ``tahun_perkiraan()``.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta

from .choices import JenisHari, Satuan
from .models import HariLibur, KonfirmasiSkb

SATU_HARI = dt.timedelta(days=1)


@lru_cache(maxsize=64)
def _nasional(tahun: int) -> dict[dt.date, str]:
    """Libur nasional and cuti bersama of one year (the package's data; immutable)."""
    return dict(
        holidays.country_holidays(
            "ID", years=tahun, categories=("public", "government"), language="id"
        )
    )


PENANDA_PERKIRAAN = "(perkiraan)"  # the package's estimated label in Indonesian


@lru_cache(maxsize=64)
def perkiraan_paket(tahun: int) -> bool:
    """True when the package's holidays of ``tahun`` are (partly) an estimate: a date
    marked estimated, or no cuti bersama (the SKB of that year is not in the data)."""
    if any(n.endswith(PENANDA_PERKIRAAN) for n in _nasional(tahun).values()):
        return True
    return not holidays.country_holidays("ID", years=tahun, categories=("government",))


class Kalender:
    """Days off and working days, with the secretariat's own entries applied."""

    def __init__(
        self,
        entri: dict[dt.date, tuple[str, str]] | None = None,
        terkonfirmasi: set[int] | frozenset[int] | None = None,
    ):
        # entri: date -> (jenis, nama) from the HariLibur table
        self._entri = entri if entri is not None else self._muat_entri()
        self._tahun: dict[int, dict[dt.date, str]] = {}
        # terkonfirmasi: the years whose SKB the secretariat confirmed (KonfirmasiSkb);
        # loaded on first use only, so a page that only counts days pays no query.
        self._terkonfirmasi = terkonfirmasi

    def terkonfirmasi(self) -> frozenset[int]:
        if self._terkonfirmasi is None:
            self._terkonfirmasi = frozenset(KonfirmasiSkb.objects.values_list("tahun", flat=True))
        return frozenset(self._terkonfirmasi)

    def tahun_perkiraan(self, tahun: int) -> bool:
        """True while the holidays of ``tahun`` are only an estimate (RULES.md, the
        calendar paragraph): the package estimates them and no SKB is confirmed."""
        return perkiraan_paket(tahun) and tahun not in self.terkonfirmasi()

    def perkiraan_antara(self, mulai: dt.date, jatuh_tempo: dt.date) -> int | None:
        """The first estimated year a working-day period counted after ``mulai`` up to
        ``jatuh_tempo`` rests on, or None when every year of it is confirmed."""
        for tahun in range((mulai + SATU_HARI).year, jatuh_tempo.year + 1):
            if self.tahun_perkiraan(tahun):
                return tahun
        return None

    @staticmethod
    def _muat_entri() -> dict[dt.date, tuple[str, str]]:

        return {
            h.tanggal: (h.jenis, h.nama) for h in HariLibur.objects.only("tanggal", "jenis", "nama")
        }

    def libur(self, tahun: int) -> dict[dt.date, str]:
        """Every day off of a year other than Saturdays and Sundays, with its name."""
        if tahun not in self._tahun:
            hari = dict(_nasional(tahun))
            for tanggal, (jenis, nama) in self._entri.items():
                if tanggal.year != tahun:
                    continue
                if jenis == JenisHari.MASUK:
                    hari.pop(tanggal, None)
                else:
                    hari[tanggal] = nama
            self._tahun[tahun] = dict(sorted(hari.items()))
        return self._tahun[tahun]

    def nama_libur(self, tanggal: dt.date) -> str | None:
        """The name of the day off on this date, "Sabtu"/"Minggu" for a weekend day
        not marked as worked, or None for a working day."""
        nama = self.libur(tanggal.year).get(tanggal)
        if nama:
            return nama
        if tanggal.weekday() >= 5 and self._entri.get(tanggal, ("",))[0] != JenisHari.MASUK:
            return "Sabtu" if tanggal.weekday() == 5 else "Minggu"
        return None

    def hari_kerja(self, tanggal: dt.date) -> bool:
        return self.nama_libur(tanggal) is None

    def tambah_hari_kerja(self, mulai: dt.date, n: int) -> dt.date:
        """The n-th working day after ``mulai`` (before it when n < 0); ``mulai``
        itself is not counted. n = 0 returns ``mulai``."""
        langkah = SATU_HARI if n >= 0 else -SATU_HARI
        tanggal, sisa = mulai, abs(n)
        while sisa:
            tanggal += langkah
            if self.hari_kerja(tanggal):
                sisa -= 1
        return tanggal

    def hari_kerja_antara(self, dari: dt.date, sampai: dt.date) -> int:
        """Working days after ``dari`` up to and including ``sampai``; negative when
        ``sampai`` is before ``dari`` (then the days after ``sampai`` up to ``dari``)."""
        if sampai < dari:
            return -self.hari_kerja_antara(sampai, dari)
        n, tanggal = 0, dari
        while tanggal < sampai:
            tanggal += SATU_HARI
            n += self.hari_kerja(tanggal)
        return n

    def jatuh_tempo(self, satuan: str, mulai: dt.date, panjang: int) -> dt.date:
        """The due date of a period of ``panjang`` units that starts after ``mulai``."""
        if satuan == Satuan.HARI_KERJA:
            return self.tambah_hari_kerja(mulai, panjang)
        if satuan == Satuan.HARI_KALENDER:
            return mulai + dt.timedelta(days=panjang)
        if satuan == Satuan.BULAN:
            return mulai + relativedelta(months=panjang)
        raise ValueError(satuan)

    def sisa(self, satuan: str, hari_ini: dt.date, jatuh_tempo: dt.date) -> int:
        """How many units (working or calendar days) remain until the due date;
        negative when overdue. Months are shown as calendar days."""
        if satuan == Satuan.HARI_KERJA:
            return self.hari_kerja_antara(hari_ini, jatuh_tempo)
        return (jatuh_tempo - hari_ini).days


def kalender() -> Kalender:
    """A calendar with the current table (one query)."""
    return Kalender()
