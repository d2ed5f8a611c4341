"""``buat_data_nasional`` (issue 18): the bulk path keeps the services' invariants (P13
order, register numbers, clocks by their rules, P21-1, P7-1/P9 fields), and the main
pages answer over the data set."""

import datetime as dt
import re
from itertools import pairwise

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kersa.agreements.choices import STATUS_AKHIR, Kategori, Status
from kersa.agreements.models import Ksdd, NomorRegisterTahun, RiwayatTahap
from kersa.core.testing import hari_ini_tetap
from kersa.deadlines.choices import Akibat, StatusTenggat
from kersa.deadlines.definisi import DEFINISI, periode_berjalan
from kersa.deadlines.kalender import Kalender
from kersa.deadlines.models import RiwayatTenggat, Tenggat, Tugas
from kersa.reporting.choices import StatusLaporan
from kersa.reporting.models import LaporanSemester

# Counted from "today": a fixed Monday inside 2026, the decreed holiday year.
_hari_ini = hari_ini_tetap(dt.date(2026, 10, 5))

N = 200
NOMOR = re.compile(r"^KSDD/(\d{4})/(\d{4,})$")


@pytest.fixture
def data_nasional(acuan):
    call_command("buat_data_nasional", "--ksdd", str(N), "--batch", "70", verbosity=0)


def test_register_numbers_unique_in_format_and_counter_raised(data_nasional):
    """Register numbers: unique, ``KSDD/<tahun>/<nnnn>`` of the year created; the
    year's counter is at the last number, so the service's next number is free."""
    rows = list(Ksdd.objects.values_list("nomor_register", "dibuat_pada"))
    assert len(rows) == N
    assert len({n for n, _w in rows}) == N
    tertinggi: dict[int, int] = {}
    for nomor, dibuat in rows:
        m = NOMOR.match(nomor)
        assert m, nomor
        tahun = int(m.group(1))
        assert tahun == timezone.localtime(dibuat).year
        tertinggi[tahun] = max(tertinggi.get(tahun, 0), int(m.group(2)))
    for tahun, n in tertinggi.items():
        assert NomorRegisterTahun.objects.get(tahun=tahun).terakhir == n


def test_every_stage_present_and_history_is_the_pasal_13_walk(data_nasional):
    """P13: each KSDD's history is a chain from ``buat`` to its status, times increasing,
    the first at ``dibuat_pada``, none in the future, steps on working days."""
    statuses = set(Ksdd.objects.values_list("status", flat=True).distinct())
    assert len(statuses) >= 12, statuses
    assert {Status.PELAKSANAAN, Status.DIAKHIRI, Status.PENYUSUNAN_KAK} <= statuses
    kal = Kalender()
    sekarang = timezone.now()
    per_ksdd: dict[int, list] = {}
    for r in RiwayatTahap.objects.order_by("ksdd_id", "waktu", "id"):
        per_ksdd.setdefault(r.ksdd_id, []).append(r)
    for k in Ksdd.objects.all():
        rs = per_ksdd[k.pk]
        assert rs[0].aksi == "buat" and rs[0].waktu == k.dibuat_pada
        assert rs[-1].ke == k.status
        assert k.history.count() == 1
        for a, b in pairwise(rs):
            assert b.dari == a.ke, (k.nomor_register, a.aksi, b.aksi)
            assert b.waktu > a.waktu
        for r in rs:
            assert r.waktu <= sekarang
            assert kal.hari_kerja(timezone.localtime(r.waktu).date())
        # P21-1: the DPRD steps only where approval is needed.
        for r in rs:
            if r.aksi == "tandatangani_kb":
                assert (r.ke == Status.PERMOHONAN_DPRD) == k.memerlukan_persetujuan_dprd
            if r.aksi == "ajukan_persetujuan_dprd":
                assert k.memerlukan_persetujuan_dprd
        # P7-1, P9: the fields the category and form demand; partners never home.
        if k.kategori == Kategori.WAJIB:
            assert k.eksternalitas
        if k.bentuk.wajib_kompensasi:
            assert k.pembayar_id and k.penerima_pembayaran_id and k.dasar_pembayaran
        if k.bentuk.pertukaran_layanan:
            assert k.objek_pertukaran
        mitra = list(k.mitra.values_list("kode", flat=True))
        assert mitra and settings.KERSA_HOME_REGION not in mitra


def test_clocks_follow_their_definitions_and_the_calendar(data_nasional):
    """Clocks: unit, length and due date as the definition and the working calendar
    give; met on or before the due date, missed the day after, open only while due;
    P22-3 (deemed approval) never missed; a task for each missed BUKA_TUGAS clock."""
    kal = Kalender()
    hari_ini = timezone.localdate()
    status = set()
    tenggat = list(Tenggat.objects.select_related("ksdd"))
    assert len(tenggat) > N
    for t in tenggat:
        d = DEFINISI[t.rule]
        assert (t.satuan, t.panjang, t.akibat) == (d.satuan, d.panjang, d.akibat)
        if d.periode:
            assert t.jatuh_tempo == periode_berjalan(d.periode, t.tanggal_peristiwa).akhir
        else:
            assert t.jatuh_tempo == kal.jatuh_tempo(t.satuan, t.tanggal_peristiwa, t.panjang)
        status.add(t.status)
        if t.status == StatusTenggat.TERPENUHI:
            assert t.tanggal_peristiwa <= t.selesai_pada <= t.jatuh_tempo
        elif t.status == StatusTenggat.TERLEWAT:
            assert t.selesai_pada == t.jatuh_tempo + dt.timedelta(days=1)
            assert t.akibat != Akibat.ANGGAP_SETUJU
        else:
            assert t.status == StatusTenggat.BERJALAN
            assert t.jatuh_tempo >= hari_ini and t.selesai_pada is None
            assert t.ksdd.status not in STATUS_AKHIR
        ke = list(RiwayatTenggat.objects.filter(tenggat=t).values_list("ke", flat=True))
        assert ke[0] == StatusTenggat.BERJALAN and ke[-1] == t.status
        if t.status == StatusTenggat.TERLEWAT and t.akibat == Akibat.BUKA_TUGAS:
            assert Tugas.objects.filter(tenggat=t).exists()
    assert {StatusTenggat.BERJALAN, StatusTenggat.TERPENUHI, StatusTenggat.TERLEWAT} <= status
    assert Tenggat.objects.values("kunci").distinct().count() == len(tenggat)
    # A KSDD waiting on DPRD has its P22-3 clock open.
    for k in Ksdd.objects.filter(status=Status.MENUNGGU_DPRD):
        assert k.tenggat.filter(rule="P22-3", status=StatusTenggat.BERJALAN).exists()


def test_semester_reports_match_their_clocks(data_nasional):
    """P27-1: a sent report for every met semester clock, sent on the day it was met;
    its history draft → sent; a draft only where the clock is open."""
    terpenuhi = Tenggat.objects.filter(rule="P27-1", status=StatusTenggat.TERPENUHI)
    assert terpenuhi.exists()
    for t in terpenuhi:
        tahun, semester = (int(x) for x in t.kunci.rsplit(":", 1)[1].split("-"))
        lap = LaporanSemester.objects.get(ksdd=t.ksdd, tahun=tahun, semester=semester)
        assert lap.status == StatusLaporan.DISAMPAIKAN
        assert lap.tanggal_disampaikan == t.selesai_pada
        assert list(lap.riwayat.values_list("ke", flat=True)) == [
            StatusLaporan.DRAF,
            StatusLaporan.DISAMPAIKAN,
        ]
    for lap in LaporanSemester.objects.filter(status=StatusLaporan.DRAF):
        assert Tenggat.objects.get(kunci=f"P27-1:ksdd:{lap.ksdd_id}:{lap.kode}").status == (
            StatusTenggat.BERJALAN
        )
    assert LaporanSemester.objects.count() <= Tenggat.objects.filter(rule="P27-1").count()


def test_pages_answer_over_the_data_set(data_nasional, pemeran, client):
    """The register, a KSDD page, the Tenggat page and the dashboard answer 200."""
    client.force_login(pemeran.sekretariat)
    k = Ksdd.objects.filter(status=Status.PELAKSANAAN).first()
    for url in (
        reverse("agreements:daftar"),
        reverse("agreements:detail", args=[k.pk]),
        reverse("deadlines:daftar"),
        reverse("dasbor:daftar"),
        reverse("laporan:daftar"),
    ):
        assert client.get(url).status_code == 200, url
