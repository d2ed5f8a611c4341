"""Deemed DPRD approvals in bulk (issue 18 item 5; P22-3, P22-1f): when many P22-3 and
P22-1e clocks lapse on one day, the scan deems them by a fixed number of statements
(``agreements.services.dprd_himpunan``), leaving exactly the rows the step
``ksdd_anggap_persetujuan_dprd`` leaves when taken once per KSDD.

The KSDD: one driven to DPRD through the services (request received Monday 2 March
2026; its 45th working day is Wednesday 13 May 2026, see ``test_skenario_dprd``), and
clones of it, each with its own request and clocks: most waiting on P22-3, some on
P22-1e (the Bupati's follow-up received by DPRD Monday 20 April 2026), some with their
PKS text already drafted (they go to the PKS signing), one counted over an estimated
year (held), one with a refusal on record whose clock was left open (the step path
closes it, deeming nothing). The scan runs at 00:05 WIB on Thursday 14 May 2026.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from kersa.agreements.choices import JenisNaskah, Status
from kersa.agreements.models import (
    Ksdd,
    Naskah,
    PenolakanDprd,
    PermohonanDprd,
    PersetujuanDprd,
    RiwayatTahap,
    TindakLanjutTelaahan,
)
from kersa.agreements.tasks import _kabari
from kersa.deadlines import himpunan
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.models import RiwayatTenggat, Tenggat
from kersa.deadlines.pekerja import tenggat_pindai
from kersa.deadlines.services import tenggat_mulai
from kersa.deadlines.tests.test_skenario_dprd import _permohonan_diterima_2_maret
from kersa.notifications.models import Notifikasi

WIB = ZoneInfo("Asia/Jakarta")
HARI = dt.date(2026, 5, 14)  # the first scan after the 45th working day (13 May)
TL_DITERIMA = dt.date(2026, 4, 20)
BATAS = 50  # issue 18, "Done means": under 50 queries


def _pernyataan(queries) -> int:
    """The statements of a scan. SQLite takes at most 999 parameters a statement, so
    Django splits one ``bulk_create`` into batches of 999 ÷ columns rows: there the
    consecutive INSERTs into one table are one statement split; PostgreSQL has none."""
    n, lalu = 0, None
    for q in queries:
        sql = q["sql"]
        tabel = sql.split('"')[1] if sql.startswith("INSERT INTO") else None
        if connection.vendor == "sqlite" and tabel is not None and tabel == lalu:
            continue
        n, lalu = n + 1, tabel
    return n


def _gandakan(asal: Ksdd, n: int, mulai: int, pemeran) -> None:
    """``n`` clones of ``asal`` waiting for DPRD, each with its own request (as
    received 2 March 2026) and running clocks: P22-3 (or, every fifth, P22-1e after a
    follow-up received 20 April), and a P22-1b reminder still running (stopped by a
    deemed approval). Every third has its PKS text drafted."""
    permohonan = PermohonanDprd.objects.get(ksdd=asal)
    baru = []
    for i in range(n):
        k = Ksdd.objects.get(pk=asal.pk)
        k.pk = None
        k.nomor_register = f"KSDD/2026/{mulai + i:04d}"
        baru.append(k)
    for i, k in enumerate(Ksdd.objects.bulk_create(baru)):
        p = PermohonanDprd.objects.get(pk=permohonan.pk)
        p.pk, p.ksdd, p.nomor = None, k, f"100.3/{mulai + i}/Pem/2026"
        p.save()
        if i % 5 == 4:
            TindakLanjutTelaahan.objects.create(
                permohonan=p,
                nomor=f"100.3/{mulai + i}/TL/2026",
                tanggal_surat=dt.date(2026, 4, 17),
                tanggal_diterima=TL_DITERIMA,
                dicatat_oleh=pemeran.sekretariat,
            )
            tenggat_mulai(
                rule="P22-1e",
                kunci=f"P22-1e:uji:{k.pk}",
                tanggal_peristiwa=TL_DITERIMA,
                peristiwa=f"Tindak lanjut {p.nomor} diterima DPRD",
                ksdd=k,
                subjek=p,
            )
        else:
            tenggat_mulai(
                rule="P22-3",
                kunci=f"P22-3:uji:{k.pk}",
                tanggal_peristiwa=p.tanggal_diterima,
                peristiwa=f"Permohonan {p.nomor} diterima DPRD",
                ksdd=k,
                subjek=p,
            )
        tenggat_mulai(
            rule="P22-1b",
            kunci=f"P22-1b:uji:{k.pk}",
            tanggal_peristiwa=p.tanggal_diterima,
            peristiwa=f"Permohonan {p.nomor} diterima DPRD",
            ksdd=k,
            subjek=p,
            jatuh_tempo=dt.date(2026, 6, 30),
        )
        if i % 3 == 0:
            Naskah.objects.create(
                ksdd=k,
                jenis=JenisNaskah.PKS,
                tentang=f"Rancangan PKS {k.nomor_register}",
                tanggal_mulai=dt.date(2026, 7, 1),
                tanggal_berakhir=dt.date(2028, 6, 30),
            )


def _pindai():
    """One scan on 14 May 2026 at 00:05 WIB, its notifications sent (the queued task
    runs at commit), rolled back; (queries, result, what it left)."""
    saat = dt.datetime.combine(HARI, dt.time(0, 5), tzinfo=WIB)
    with time_machine.travel(saat, tick=False), transaction.atomic():
        with CaptureQueriesContext(connection) as q:
            hasil = tenggat_pindai(hari_ini=HARI)
        n = _pernyataan(q.captured_queries)
        # The notifications the step queues at commit: run them here, then roll back.
        for r in RiwayatTahap.objects.filter(aksi="catat_persetujuan_dprd"):
            _kabari(r.pk)
        keadaan = _keadaan()
        transaction.set_rollback(True)
    return n, hasil, keadaan


def _keadaan() -> dict:
    ksdd_nomor = dict(Ksdd.objects.values_list("pk", "nomor_register"))
    tahap = {
        r.pk: (ksdd_nomor[r.ksdd_id], r.aksi, r.dari, r.ke, r.oleh_id, r.alasan, r.rule, r.data)
        for r in RiwayatTahap.objects.all()
    }
    riwayat: dict[int, list] = {}
    for r in RiwayatTenggat.objects.order_by("tenggat_id", "id"):
        riwayat.setdefault(r.tenggat_id, []).append(
            (r.dari, r.ke, r.alasan, r.oleh_id, tahap.get(r.riwayat_tahap_id))
        )
    sejarah: dict[str, list] = {}
    for h in Ksdd.history.order_by("history_id"):
        sejarah.setdefault(h.nomor_register, []).append(
            (h.status, h.history_type, h.history_user_id, h.history_change_reason)
        )
    return {
        "ksdd": sorted(Ksdd.objects.values_list("nomor_register", "status", "versi")),
        "sejarah": sejarah,
        "tahap": sorted(tahap.values(), key=repr),
        "persetujuan": sorted(
            (
                ksdd_nomor[p.ksdd_id],
                p.permohonan.nomor,
                p.nomor,
                p.tanggal,
                p.hari_terakhir,
                p.dianggap,
                p.dasar,
                p.berkas_id,
                p.dicatat_oleh_id,
            )
            for p in PersetujuanDprd.objects.select_related("permohonan")
        ),
        "tenggat": {
            t.kunci: (
                t.status,
                t.selesai_pada,
                t.ditindak_pada is not None,
                riwayat.get(t.pk),
            )
            for t in Tenggat.objects.all()
        },
        "notifikasi": sorted(
            Notifikasi.objects.values_list("user_id", "judul", "isi", "tautan"), key=repr
        ),
        "dikabarkan": RiwayatTahap.objects.filter(dikabarkan_pada__isnull=False).count(),
    }


@pytest.fixture
def menunggu(pemeran):
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, 0, tzinfo=WIB), tick=False):
        return _permohonan_diterima_2_maret(pemeran)


@pytest.mark.django_db
def test_p22_3_bulk_deemed_approvals_leave_what_the_step_leaves(pemeran, menunggu, monkeypatch):
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, 0, tzinfo=WIB), tick=False):
        _gandakan(menunggu, 14, 9001, pemeran)
        # Held: its P22-3 counted over an estimated year (RULES.md, the calendar paragraph).
        ditahan = Ksdd.objects.get(nomor_register="KSDD/2026/9002")
        Tenggat.objects.filter(ksdd=ditahan, rule="P22-3").update(tahun_perkiraan=2027)
        # Refused, its P22-3 left open: nothing is deemed (P22-3), the step path says so.
        ditolak = Ksdd.objects.get(nomor_register="KSDD/2026/9003")
        permohonan = ditolak.permohonan_dprd.get()
        PenolakanDprd.objects.create(
            permohonan=permohonan,
            berkas=permohonan.berkas,
            nomor="170/55/DPRD/2026",
            tanggal_surat=dt.date(2026, 4, 1),
            tanggal_diterima=dt.date(2026, 4, 2),
            penandatangan="Ketua DPRD",
            alasan="Beban APBD belum dianggarkan.",
            dicatat_oleh=pemeran.dprd,
        )
        # No request on record (a register loaded in bulk, buat_data_nasional): the step
        # refuses (P22-1a) and the clock is stopped with that refusal as its reason.
        tanpa = Ksdd.objects.get(pk=menunggu.pk)
        tanpa.pk, tanpa.nomor_register = None, "KSDD/2026/9100"
        tanpa.save()
        tenggat_mulai(
            rule="P22-3",
            kunci=f"P22-3:ksdd:{tanpa.pk}",
            tanggal_peristiwa=dt.date(2026, 3, 2),
            peristiwa="Permohonan diterima DPRD",
            ksdd=tanpa,
        )
    assert Tenggat.objects.get(ksdd=ditahan, rule="P22-3").jatuh_tempo == dt.date(2026, 5, 13)
    # P22-1e: 15 working days from 20 April (1 May a holiday) end on Tuesday 12 May.
    assert set(Tenggat.objects.filter(rule="P22-1e").values_list("jatuh_tempo", flat=True)) == {
        dt.date(2026, 5, 12)
    }

    _n, hasil_himpunan, k_himpunan = _pindai()
    with monkeypatch.context() as m:
        m.setattr(himpunan, "didukung", lambda: False)
        _n, hasil_baris, k_baris = _pindai()

    # 16 KSDD: one held, one refused, one without a request (stopped; the scan counts
    # it with the deemed), 13 deemed (11 on P22-3, 2 on P22-1f).
    assert (hasil_himpunan.dianggap, hasil_himpunan.ditahan, hasil_himpunan.gagal) == (14, 1, 0)
    assert hasil_himpunan.as_dict() == hasil_baris.as_dict()
    for bagian in k_baris:
        assert k_himpunan[bagian] == k_baris[bagian], bagian
    assert k_himpunan["dikabarkan"] == 13

    # What the rows say, for one clone on P22-1f with its PKS drafted (9005: i = 4).
    satu = {r[0]: r[1:] for r in k_himpunan["ksdd"]}
    assert satu["KSDD/2026/9005"] == (Status.PENYUSUNAN_PKS, menunggu.versi + 1)
    assert satu["KSDD/2026/9004"] == (Status.PENANDATANGANAN_PKS, menunggu.versi + 1)  # PKS
    assert satu["KSDD/2026/9002"][0] == satu["KSDD/2026/9003"][0] == Status.MENUNGGU_DPRD
    p = next(p for p in k_himpunan["persetujuan"] if p[0] == "KSDD/2026/9005")
    assert p[3:7] == (dt.date(2026, 5, 13), dt.date(2026, 5, 12), True, "Pasal 22 ayat (1) huruf f")
    k9005 = Ksdd.objects.get(nomor_register="KSDD/2026/9005")
    jam = k_himpunan["tenggat"][f"P22-1e:uji:{k9005.pk}"]
    assert jam[:3] == (StatusTenggat.DIANGGAP, dt.date(2026, 5, 13), True)
    assert jam[3][-1][4][1:4] == ("catat_persetujuan_dprd", "menunggu_dprd", "penyusunan_pks")
    b = k_himpunan["tenggat"][f"P22-1b:uji:{k9005.pk}"]
    assert b[:2] == (StatusTenggat.DIHENTIKAN, dt.date(2026, 5, 13))
    k9003 = Ksdd.objects.get(nomor_register="KSDD/2026/9003")
    assert k_himpunan["tenggat"][f"P22-3:uji:{k9003.pk}"][0] == StatusTenggat.DITUTUP_PENOLAKAN
    jam = k_himpunan["tenggat"][f"P22-3:ksdd:{tanpa.pk}"]
    assert jam[:2] == (StatusTenggat.DIHENTIKAN, HARI)
    assert jam[3][-1][2] == (
        "Persetujuan DPRD tidak dapat dianggap diberikan: P22-3: Permohonan Persetujuan DPRD "
        "belum dicatat (Pasal 22 ayat 1)."
    )


@pytest.mark.django_db
def test_p22_3_three_hundred_deemed_approvals_in_one_scan_under_50_queries(pemeran, menunggu):
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, 0, tzinfo=WIB), tick=False):
        _gandakan(menunggu, 299, 9001, pemeran)
    n, hasil, keadaan = _pindai()
    assert (hasil.dianggap, hasil.gagal) == (300, 0)
    assert n <= BATAS, n
    assert len(keadaan["persetujuan"]) == 300
    assert sum(1 for t in keadaan["tenggat"].values() if t[0] == StatusTenggat.DIANGGAP) == 300
