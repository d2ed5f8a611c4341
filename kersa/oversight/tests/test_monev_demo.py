"""The demo loader of monitoring and disputes runs through the real services (P28, P29-4)."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

from kersa.agreements.choices import Status
from kersa.demo.monev import demo_muat
from kersa.demo.skenario import ke_status
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.oversight.models import MonitoringEvaluasi, Perselisihan, StatusPerselisihan


def test_p28_p29_4_demo_is_idempotent(ksdd, pemeran):
    with time_machine.travel(
        dt.datetime(2026, 5, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta")), tick=False
    ):
        penomoran_muat_default()
        ke_status(ksdd, Status.PELAKSANAAN, pemeran)
        assert demo_muat(pemeran) == {"monev": 1, "perselisihan": 1}
        assert demo_muat(pemeran) == {"monev": 0, "perselisihan": 0}
    p = Perselisihan.objects.get()
    assert p.status == StatusPerselisihan.SELESAI and p.tanggal_dilaporkan
    assert MonitoringEvaluasi.objects.get().dokumen.versi.count() == 1
