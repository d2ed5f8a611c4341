"""One check, two uses (issue 13 item 1) for reports: the report page lists why it cannot
be sent to the Bupati (``services.hambatan_sampaikan_semester``: P27-1, P27-3;
``services.hambatan_sampaikan_tkksd``: P34-2j), and the sending service accepts exactly
when that list is empty, refusing with exactly that list otherwise.

Walked over the demo's reports (``reporting.demo.demo_muat``: one sent, others drafts
with parts g–h empty) and scenario reports: a draft completed, a draft with a part the
agency blanked, a report sent; the TKKSD report as a draft and sent.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.core.tests.setara import pelanggaran_str, periksa_setara
from kersa.demo.laporan import _ISIAN, demo_muat
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.reporting import services
from kersa.reporting.choices import StatusLaporan
from kersa.reporting.models import LaporanSemester, LaporanTkksd

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def laporan_skenario(pemeran):
    with time_machine.travel(dt.datetime(2026, 5, 20, 9, 0, tzinfo=WIB), tick=False):
        k1 = ke_status(ksdd_baru(pemeran), Status.PELAKSANAAN, pemeran)
        k2 = ke_status(
            ksdd_baru(pemeran, judul="Pengelolaan Sampah Regional Barito Selatan – Barito Timur"),
            Status.PELAKSANAAN,
            pemeran,
        )
        k3 = ke_status(
            ksdd_baru(pemeran, judul="Pelatihan Tenaga Kesehatan Barito Selatan – Barito Timur"),
            Status.PELAKSANAAN,
            pemeran,
        )
        demo_muat(pemeran)  # a report per running KSDD; the first sent; the TKKSD report
        op = pemeran.operator
        lengkap, kosong = (
            LaporanSemester.objects.filter(ksdd=k, status=StatusLaporan.DRAF).get()
            for k in (k2, k3)
        )
        services.laporan_semester_ubah(laporan=lengkap, user=op, **_ISIAN)
        services.laporan_semester_ubah(laporan=kosong, user=op, **_ISIAN, maksud_tujuan="")
        assert LaporanSemester.objects.filter(ksdd=k1, status=StatusLaporan.DISAMPAIKAN)
        tkksd = LaporanTkksd.objects.get()
        sent = services.laporan_tkksd_buat(
            tahun=2025,
            semester=2,
            user=pemeran.sekretariat,
            **dict.fromkeys(LaporanTkksd.BAGIAN, "Isi."),
        )
        services.laporan_tkksd_sampaikan(laporan=sent, user=pemeran.sekretariat)
        yield tkksd


def test_hambatan_sampaikan_laporan_setara_dengan_layanan(laporan_skenario, pemeran, client):
    salah, dilihat = [], set()
    with time_machine.travel(dt.datetime(2026, 5, 21, 9, 0, tzinfo=WIB), tick=False):
        client.force_login(pemeran.operator)
        for lap in LaporanSemester.objects.select_related("ksdd").order_by("pk"):
            hambatan = services.hambatan_sampaikan_semester(lap)
            dilihat.add(("semester", lap.status, tuple(p.field or "" for p in hambatan)))
            m = periksa_setara(
                f"laporan semester {lap.pk} ({lap.status})",
                hambatan,
                lambda lap=lap: services.laporan_semester_sampaikan(
                    laporan=lap, user=pemeran.operator
                ),
            )
            if m:
                salah.append(m)
            resp = client.get(reverse("laporan:semester", args=[lap.pk]))
            assert resp.status_code == 200
            assert pelanggaran_str(resp.context["hambatan"]) == pelanggaran_str(hambatan)
            if lap.status == StatusLaporan.DRAF:
                html = resp.content.decode()
                assert 'id="hambatan-sampaikan"' in html
                for p in hambatan:
                    assert str(p.detail) in html

        client.force_login(pemeran.sekretariat)
        for lap in LaporanTkksd.objects.order_by("pk"):
            hambatan = services.hambatan_sampaikan_tkksd(lap)
            dilihat.add(("tkksd", lap.status, tuple(p.rule for p in hambatan)))
            m = periksa_setara(
                f"laporan TKKSD {lap.pk} ({lap.status})",
                hambatan,
                lambda lap=lap: services.laporan_tkksd_sampaikan(
                    laporan=lap, user=pemeran.sekretariat
                ),
            )
            if m:
                salah.append(m)
            resp = client.get(reverse("laporan:tkksd_detail", args=[lap.pk]))
            assert pelanggaran_str(resp.context["hambatan"]) == pelanggaran_str(hambatan)
    assert not salah, "\n".join(salah)
    assert ("semester", StatusLaporan.DRAF, ()) in dilihat  # complete: nothing blocks
    assert ("semester", StatusLaporan.DRAF, ("maksud_tujuan",)) in dilihat  # P27-3
    assert ("semester", StatusLaporan.DISAMPAIKAN, ("",)) in dilihat  # P27-1
    assert ("tkksd", StatusLaporan.DRAF, ()) in dilihat
    assert ("tkksd", StatusLaporan.DISAMPAIKAN, ("P34-2j",)) in dilihat
