"""The semester report's and the TKKSD report's status move through
``core.status.pindah`` (issue 17 item 4): each row carries its rule."""

import pytest

from kersa.core.errors import RuleViolation
from kersa.core.status import pindah
from kersa.reporting import services
from kersa.reporting.choices import StatusLaporan
from kersa.reporting.models import LaporanTkksd


def test_p34_2j_sent_once_with_its_rule_and_refused_again(pemeran, penomoran):
    lap = services.laporan_tkksd_buat(tahun=2026, semester=1, user=pemeran.sekretariat)
    basi = LaporanTkksd.objects.get(pk=lap.pk)
    services.laporan_tkksd_sampaikan(laporan=lap, user=pemeran.sekretariat)
    assert [(r.dari, r.ke, r.rule) for r in lap.riwayat.order_by("pk")] == [
        ("", StatusLaporan.DRAF, "P34-2j"),
        (StatusLaporan.DRAF, StatusLaporan.DISAMPAIKAN, "P34-2j"),
    ]
    with pytest.raises(RuleViolation) as e:
        pindah(basi, StatusLaporan.DISAMPAIKAN, oleh=pemeran.sekretariat)
    assert e.value.rule == "P34-2j"
    assert e.value.detail == (
        "Laporan TKKSD yang sudah disampaikan tidak dapat disampaikan lagi "
        "(Pasal 34 ayat 2 huruf j)."
    )
    with pytest.raises(RuleViolation) as e:
        pindah(basi, StatusLaporan.DRAF, oleh=pemeran.sekretariat)
    assert "tidak dapat kembali menjadi draf" in e.value.detail
    assert lap.riwayat.count() == 2


def test_p27_1_semester_report_rows_carry_p27_1(berjalan, pemeran, penomoran):
    lap = services.laporan_semester_buat(
        ksdd=berjalan, tahun=2026, semester=1, user=pemeran.operator
    )
    awal = lap.riwayat.get()
    assert (awal.dari, awal.ke, awal.rule) == ("", StatusLaporan.DRAF, "P27-1")
    with pytest.raises(RuleViolation) as e:
        pindah(lap, StatusLaporan.DRAF, oleh=pemeran.operator)
    assert e.value.rule == "P27-1" and "Pasal 27 ayat 1" in e.value.detail
    assert lap.riwayat.count() == 1
