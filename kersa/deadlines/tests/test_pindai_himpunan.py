"""The daily scan is set-based (issue 18 item 5): the same number of queries at 10 and
at 200 KSDD in pelaksanaan, on a quiet day and on 1 January when every semester report
clock (P27-1) falls due at once, and the same outcome as the row-by-row path."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd
from kersa.deadlines import himpunan
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.models import RiwayatTenggat, Tenggat, Tugas
from kersa.deadlines.pekerja import tenggat_pindai
from kersa.deadlines.pemicu import peristiwa_laporan_semester
from kersa.deadlines.peristiwa import uraian
from kersa.deadlines.services import tenggat_mulai
from kersa.demo.skenario import ke_status

WIB = ZoneInfo("Asia/Jakarta")
HARI_SEPI = dt.date(2026, 12, 15)
TAHUN_BARU = dt.date(2027, 1, 1)
BATAS = 50  # issue 18, "Done means": under 50 queries


def _gandakan(asal: Ksdd, n: int, mulai: int) -> None:
    """``n`` more KSDD in pelaksanaan like ``asal``, each with its open P27-1 clock of
    2026-2 (due Thursday 31 December 2026) and a P16-4 clock (an unanswered offer, which
    opens the P16-5 task) due Wednesday 30 December 2026."""
    baru = []
    for i in range(n):
        k = Ksdd.objects.get(pk=asal.pk)
        k.pk = None
        k.nomor_register = f"KSDD/2026/{mulai + i:04d}"
        baru.append(k)
    for k in Ksdd.objects.bulk_create(baru):
        p = peristiwa_laporan_semester(k, dt.date(2026, 7, 1))
        tenggat_mulai(
            rule="P27-1",
            kunci=p.kunci,
            tanggal_peristiwa=p.tanggal,
            peristiwa=p.uraian,
            ksdd=k,
            jatuh_tempo=p.jatuh_tempo,
        )
        tenggat_mulai(
            rule="P16-4",
            kunci=f"P16-4:uji:{k.pk}",
            tanggal_peristiwa=dt.date(2026, 12, 2),
            peristiwa=f"Surat penawaran {k.nomor_register} diterima mitra",
            ksdd=k,
            jatuh_tempo=dt.date(2026, 12, 30),
        )


def _pindai(hari: dt.date):
    """One scan on ``hari`` at 00:05 WIB, rolled back; (queries, result, outcome)."""
    saat = dt.datetime.combine(hari, dt.time(0, 5), tzinfo=WIB)
    # Django asks SQLite once per connection whether it has JSON_OBJECT (the bulk
    # start's event facts): asked here, not counted in the first scan.
    assert connection.features.has_json_object_function
    with time_machine.travel(saat, tick=False), transaction.atomic():
        with CaptureQueriesContext(connection) as q:
            hasil = tenggat_pindai(hari_ini=hari)
        keadaan = _keadaan()
        transaction.set_rollback(True)
    return len(q), hasil, keadaan


def _keadaan() -> dict:
    """What the scan left, row by row: each clock's state and its history's reasons,
    the tasks."""
    riwayat: dict[int, list] = {}
    for r in RiwayatTenggat.objects.order_by("tenggat_id", "id"):
        riwayat.setdefault(r.tenggat_id, []).append((r.dari, r.ke, r.alasan, r.oleh_id))
    return {
        "tenggat": {
            t.kunci: (
                t.rule,
                t.ksdd_id,
                t.perangkat_daerah_id,
                t.peristiwa,
                t.tanggal_peristiwa,
                t.satuan,
                t.panjang,
                t.jatuh_tempo,
                t.status,
                t.akibat,
                t.selesai_pada,
                t.ditindak_pada is not None,
                riwayat.get(t.pk),
                t.peristiwa_kode,
                t.peristiwa_data,
            )
            for t in Tenggat.objects.all()
        },
        "tugas": sorted(
            (t.tenggat.kunci, t.judul, t.rule, t.aksi, t.ksdd_id, t.status)
            for t in Tugas.objects.select_related("tenggat")
        ),
    }


@pytest.mark.django_db
def test_p27_1_scan_queries_do_not_grow_with_the_register_quiet_day_and_1_january(pemeran, ksdd):
    asal = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    _gandakan(asal, 9, 9001)  # 10 KSDD in pelaksanaan
    assert Ksdd.objects.filter(status=Status.PELAKSANAAN).count() == 10

    sepi_10, hasil, _k = _pindai(HARI_SEPI)
    assert (hasil.terlewat, hasil.tugas, hasil.gagal) == (0, 0, 0)
    baru_10, hasil, keadaan = _pindai(TAHUN_BARU)
    # 1 January 2027: the ten P27-1 clocks of 2026-2 and the nine P16-4 clocks missed,
    # the nine P16-5 tasks opened, and 2027-1's P27-1 clock started for each KSDD.
    assert hasil.gagal == 0
    assert hasil.terlewat >= 19 and hasil.tugas >= 9
    assert hasil.dimulai >= 10

    _gandakan(asal, 190, 9101)  # 200 KSDD in pelaksanaan
    sepi_200, hasil, _k = _pindai(HARI_SEPI)
    assert hasil.gagal == 0
    baru_200, hasil, keadaan = _pindai(TAHUN_BARU)
    assert hasil.gagal == 0 and hasil.terlewat >= 390 and hasil.tugas >= 199
    assert hasil.dimulai >= 200

    assert sepi_10 == sepi_200 <= BATAS
    assert baru_10 == baru_200 <= BATAS

    # What one clone's clocks became, as the row-by-row path writes it.
    k = Ksdd.objects.get(nomor_register="KSDD/2026/9150")
    lama = keadaan["tenggat"][f"P27-1:ksdd:{k.pk}:2026-2"]
    assert lama[8] == StatusTenggat.TERLEWAT
    assert lama[10] == dt.date(2027, 1, 1)  # missed the day after its last day
    assert lama[12][-1] == (
        StatusTenggat.BERJALAN,
        StatusTenggat.TERLEWAT,
        "Jatuh tempo 31-12-2026 terlewat: Laporan semester pelaksanaan KSDD kepada Bupati, "
        "tembusan TKKSD (Pasal 27 ayat (1)).",
        None,
    )
    p = peristiwa_laporan_semester(k, TAHUN_BARU)
    baru = keadaan["tenggat"][p.kunci]
    assert baru[3] == p.uraian == "Pelaksanaan KSDD KSDD/2026/9150 pada semester 2027-1"
    assert (baru[4], baru[7], baru[8]) == (TAHUN_BARU, dt.date(2027, 6, 30), "berjalan")
    assert baru[12] == [("", StatusTenggat.BERJALAN, p.uraian, None)]
    # Its starting event's key and facts, as the row-by-row start stores them, so the
    # English page shows it in English (deadlines.peristiwa.uraian).
    assert (baru[13], baru[14]) == ("laporan_semester", {"nomor": "KSDD/2026/9150", "s": "2027-1"})
    assert uraian(baru[13], baru[14], bahasa="en") != p.uraian
    assert (f"P16-4:uji:{k.pk}", "Kirim permintaan tanggapan kedua (Pasal 16 ayat 5)") in {
        t[:2] for t in keadaan["tugas"]
    }


@pytest.mark.django_db
def test_set_based_scan_leaves_what_the_row_by_row_scan_leaves(pemeran, ksdd, monkeypatch):
    asal = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    _gandakan(asal, 24, 9001)
    for hari in (HARI_SEPI, TAHUN_BARU):
        _n, hasil_himpunan, himpunan_keadaan = _pindai(hari)
        with monkeypatch.context() as m:
            m.setattr(himpunan, "didukung", lambda: False)
            _n, hasil_baris, baris_keadaan = _pindai(hari)
        assert hasil_himpunan.as_dict() == hasil_baris.as_dict()
        assert himpunan_keadaan == baris_keadaan
