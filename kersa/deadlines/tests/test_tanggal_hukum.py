"""A clock is met or missed on the day the law sees (RULES.md, the calendar paragraph;
P16-5, P16-6, P18-2, P22-1b…P22-3): met on the date of the act recorded (the letter's
receipt, the signing), never the day the clerk typed it in; missed the day after its
last day, whatever day the scan ran; a DPRD refusal (P22-3) closes the P22 clocks on
the day its letter was received. The moment of recording is kept apart
(``Tenggat.ditindak_pada``, "dicatat pada") and shown beside it.

Calendar (2026 SKB holidays in the project's data): request received by DPRD Monday
2 March 2026; its 15th working day (P22-1b) is Monday 30 March (cuti bersama Nyepi
18 March, Nyepi 19 March, cuti bersama Idul Fitri 20, 23, 24 March skipped), its 45th
(P22-3) Wednesday 13 May.
"""

import datetime as dt
import importlib
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.db.migrations import RunPython
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from rest_framework.test import APIClient

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.agreements.models import JawabanDprd
from kersa.core.errors import RuleViolation
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.kalender import kalender
from kersa.deadlines.models import RiwayatTenggat, Tenggat
from kersa.deadlines.pekerja import tenggat_pindai
from kersa.deadlines.services import tanggal_tindakan_periksa, tenggat_mulai, tenggat_penuhi
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_naskah, unggahan_pdf
from kersa.notifications.services import preferensi_ambil

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
D = dt.date
DITERIMA = D(2026, 3, 2)  # Monday: the request is received by DPRD
AKHIR_P22_1B = D(2026, 3, 30)  # Monday: the 15th working day


def _pada(hari: dt.date, jam: int = 10, menit: int = 0) -> dt.datetime:
    return dt.datetime.combine(hari, dt.time(jam, menit), tzinfo=WIB)


def _permohonan_2_maret(pemeran):
    """A KSDD walked to the DPRD request on 2 March 2026 (its KB dates come before the
    request, Pasal 13), the request received by DPRD that day (P22-1a)."""
    with time_machine.travel(_pada(DITERIMA), tick=False):
        ksdd = ke_status(
            ksdd_baru(pemeran, membebani_masyarakat=True), Status.PERMOHONAN_DPRD, pemeran
        )
        services.ksdd_ajukan_persetujuan_dprd(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            nomor="100.3/210/Pem/2026",
            tanggal_surat=DITERIMA - dt.timedelta(days=1),
            tanggal_diterima=DITERIMA,
            surat=unggahan_pdf("permohonan-dprd.pdf"),
            rancangan_pks=unggahan_naskah("rancangan-pks.docx", "pks", semua_bagian=True),
        )
    ksdd.refresh_from_db()
    return ksdd


def _jam(ksdd, rule) -> Tenggat:
    return Tenggat.objects.get(ksdd=ksdd, rule=rule)


def _dicatat(jam: Tenggat) -> dt.date:
    return timezone.localtime(jam.ditindak_pada).date()


def _halaman_ksdd(client, user, ksdd) -> str:
    client.force_login(user)
    resp = client.get(reverse("agreements:detail", args=[ksdd.pk]))
    assert resp.status_code == 200
    return resp.content.decode()


def _grup(html: str, kode: str) -> str:
    import re

    m = re.search(rf'<section aria-labelledby="grup-{kode}".*?</section>', html, re.S)
    return m.group(0)


def _feed(client, user) -> Calendar:
    token = preferensi_ambil(user=user).token_kalender
    resp = client.get(reverse("deadlines:ics", args=[token]))
    assert resp.status_code == 200
    return Calendar.from_ical(resp.content)


def test_p22_1b_15th_working_day_from_2_march_2026_is_30_march_by_the_calendar():
    assert kalender().tambah_hari_kerja(DITERIMA, 15) == AKHIR_P22_1B


def test_p22_1b_answer_received_25_march_typed_in_8_may_is_met_on_25_march(client, pemeran):
    """P22-1b, P22-1c / P22-3: the answer received Wednesday 25 March 2026 is typed in on
    Friday 8 May 2026, after the scan of 31 March marked P22-1b missed: the clock is
    met on 25 March (the letter's receipt), recorded on 8 May. DPRD's review received
    Monday 20 April, typed in the same day, meets the running P22-3 on 20 April."""
    ksdd = _permohonan_2_maret(pemeran)
    assert _jam(ksdd, "P22-1b").jatuh_tempo == AKHIR_P22_1B
    with time_machine.travel(_pada(D(2026, 3, 31), 0, 5), tick=False) as waktu:
        tenggat_pindai(hari_ini=D(2026, 3, 31))
        jam = _jam(ksdd, "P22-1b")
        assert jam.status == StatusTenggat.TERLEWAT
        assert jam.selesai_pada == D(2026, 3, 31)  # the day after the last day

        waktu.move_to(_pada(D(2026, 5, 8)))
        api = APIClient()
        api.force_authenticate(pemeran.sekretariat)
        resp = api.post(
            f"/api/v1/ksdd/{ksdd.pk}/catat_jawaban_dprd/",
            {
                "nomor": "170/21/DPRD/2026",
                "tanggal_surat": "2026-03-24",
                "tanggal_diterima": "2026-03-25",
            },
            format="multipart",
        )
        assert resp.status_code == 200, resp.content
        jam.refresh_from_db()
        assert jam.status == StatusTenggat.TERPENUHI
        assert jam.selesai_pada == D(2026, 3, 25)  # the receipt, not 8 May
        assert _dicatat(jam) == D(2026, 5, 8)  # the moment it was typed in, kept apart
        koreksi = RiwayatTenggat.objects.filter(tenggat=jam).last()
        assert (koreksi.dari, koreksi.ke) == (StatusTenggat.TERLEWAT, StatusTenggat.TERPENUHI)
        assert koreksi.riwayat_tahap.aksi == "catat_jawaban_dprd"
        assert "25 Maret 2026" in koreksi.alasan

        ksdd.refresh_from_db()
        services.ksdd_catat_telaahan_dprd(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            nomor="170/22/DPRD/2026",
            tanggal_surat=D(2026, 4, 17),
            tanggal_diterima=D(2026, 4, 20),
        )
        p22_3 = _jam(ksdd, "P22-3")
        assert p22_3.status == StatusTenggat.TERPENUHI
        assert p22_3.selesai_pada == D(2026, 4, 20)
        assert _dicatat(p22_3) == D(2026, 5, 8)
        assert _jam(ksdd, "P22-1d").tanggal_peristiwa == D(2026, 4, 20)

        # The KSDD page: the law's day, and the day it was recorded.
        html = _halaman_ksdd(client, pemeran.sekretariat, ksdd)
        assert "Terpenuhi pada Rabu, 25 Maret 2026 · dicatat pada Jumat, 8 Mei 2026" in html
        assert "Terpenuhi pada Senin, 20 April 2026 · dicatat pada Jumat, 8 Mei 2026" in html
        assert "Terpenuhi, Jumat, 8 Mei 2026" not in html

        # The Tenggat page: both in the group of clocks closed lately.
        selesai = _grup(
            client.get(reverse("deadlines:daftar"), {"tampil": "selesai"}).content.decode(),
            "selesai",
        )
        assert "P22-1b" in selesai and "Terpenuhi pada Rabu, 25 Maret 2026" in selesai
        assert "Terpenuhi pada Senin, 20 April 2026" in selesai
        assert "dicatat pada Jumat, 8 Mei 2026" in selesai

        # The .ics feed: the event stays (same UID), says how it ended, no reminder.
        events = {str(e["summary"]): e for e in _feed(client, pemeran.sekretariat).walk("VEVENT")}
        ev = next(e for s, e in events.items() if s.startswith("[P22-3]"))
        assert str(ev["summary"]).endswith("Terpenuhi pada Senin, 20 April 2026")
        assert "Dicatat pada Jumat, 8 Mei 2026" in str(ev["description"])
        assert ev.decoded("dtstart") == D(2026, 5, 13)  # still on the due date
        assert ev.walk("VALARM") == []
        berjalan = next(e for s, e in events.items() if s.startswith("[P22-1d]"))
        assert berjalan.walk("VALARM")  # a running clock keeps its reminder


def test_p22_1b_lapsed_clock_scanned_10_days_late_is_missed_the_day_after_the_last_day(
    client, pemeran
):
    """P22-1b: no scan ran from 31 March to 9 April 2026; the scan of Friday 10 April
    marks the clock missed as of Tuesday 31 March, the day after its last day."""
    ksdd = _permohonan_2_maret(pemeran)
    with time_machine.travel(_pada(D(2026, 4, 10), 0, 5), tick=False):
        hasil = tenggat_pindai(hari_ini=D(2026, 4, 10))
        assert hasil.terlewat == 1  # P22-1b; P22-3 runs to 13 May
        jam = _jam(ksdd, "P22-1b")
        assert jam.status == StatusTenggat.TERLEWAT
        assert jam.selesai_pada == AKHIR_P22_1B + dt.timedelta(days=1) == D(2026, 3, 31)
        assert _dicatat(jam) == D(2026, 4, 10)  # the scan's moment, kept apart
        teks = "Terlewat sejak Selasa, 31 Maret 2026 (hari terakhir Senin, 30 Maret 2026)"
        html = _halaman_ksdd(client, pemeran.sekretariat, ksdd)
        assert f"{teks} · dicatat pada Jumat, 10 April 2026" in html
        lewat = _grup(client.get(reverse("deadlines:daftar")).content.decode(), "terlewat")
        assert "P22-1b" in lewat and teks in lewat
        assert "dicatat pada Jumat, 10 April 2026" in lewat


def test_p22_3_refusal_closes_the_p22_clocks_on_the_refusal_letters_receipt(client, pemeran):
    """P22-3: the refusal received by the Bupati Monday 20 April 2026, typed in through
    the web form on Monday 27 April: P22-1b and P22-3 close on 20 April. A P22 clock
    left open after it (data repaired by hand) is closed by the worker on 20 April too."""
    ksdd = _permohonan_2_maret(pemeran)
    with time_machine.travel(_pada(D(2026, 4, 27)), tick=False):
        client.force_login(pemeran.sekretariat)
        url = reverse("agreements:langkah", args=[ksdd.pk, "catat_penolakan_dprd"])
        resp = client.post(
            url,
            {
                "versi": ksdd.versi,
                "nomor": "170/45/DPRD/2026",
                "tanggal_surat": "2026-04-17",
                "tanggal_diterima": "2026-04-20",
                "penandatangan": "Ketua DPRD Kabupaten Barito Selatan",
                "alasan": "Beban pembiayaan belum tercantum dalam APBD.",
                "surat": unggahan_pdf("penolakan-dprd.pdf"),
                "lanjutan": "revisi",
            },
        )
        assert resp.status_code == 302, resp.content.decode()[:2000]
        for rule in ("P22-1b", "P22-3"):
            jam = _jam(ksdd, rule)
            assert jam.status == StatusTenggat.DITUTUP_PENOLAKAN
            assert jam.selesai_pada == D(2026, 4, 20), rule  # not 27 April
            assert _dicatat(jam) == D(2026, 4, 27)
        html = _halaman_ksdd(client, pemeran.sekretariat, ksdd)
        assert (
            "Ditutup karena penolakan DPRD pada Senin, 20 April 2026 · dicatat pada Senin, "
            "27 April 2026"
        ) in html

    jam = _jam(ksdd, "P22-3")
    Tenggat.objects.filter(pk=jam.pk).update(
        status=StatusTenggat.BERJALAN, selesai_pada=None, ditindak_pada=None
    )
    with time_machine.travel(_pada(D(2026, 5, 14), 0, 5), tick=False):
        assert tenggat_pindai(hari_ini=D(2026, 5, 14)).dianggap == 0
    jam.refresh_from_db()
    assert jam.status == StatusTenggat.DITUTUP_PENOLAKAN
    assert jam.selesai_pada == D(2026, 4, 20)
    assert _dicatat(jam) == D(2026, 5, 14)


def test_p22_1f_deemed_approval_closes_p22_3_on_the_day_it_takes_effect(pemeran):
    """P22-3 / P22-1f: the deemed approval, recorded by a scan run late (Monday 18 May),
    closes P22-3 as of Thursday 14 May, the day after the last day."""
    ksdd = _permohonan_2_maret(pemeran)
    with time_machine.travel(_pada(D(2026, 5, 18), 0, 5), tick=False):
        assert tenggat_pindai(hari_ini=D(2026, 5, 18)).dianggap == 1
    jam = _jam(ksdd, "P22-3")
    assert jam.status == StatusTenggat.DIANGGAP
    assert jam.selesai_pada == D(2026, 5, 14)
    assert _dicatat(jam) == D(2026, 5, 18)
    p22_1b = _jam(ksdd, "P22-1b")  # missed long before, on 31 March
    assert (p22_1b.status, p22_1b.selesai_pada) == (StatusTenggat.TERLEWAT, D(2026, 3, 31))


def test_p13_p22_1b_act_dated_in_the_future_is_refused_and_nothing_saved(pemeran):
    """An act date after today is refused: by the step (P13, its own date check) and by
    the clock (its Pasal) before any clock could close on it."""
    ksdd = _permohonan_2_maret(pemeran)
    with time_machine.travel(_pada(D(2026, 3, 20)), tick=False):
        with pytest.raises(RuleViolation) as exc:
            services.ksdd_catat_jawaban_dprd(
                ksdd=ksdd,
                user=pemeran.sekretariat,
                nomor="170/21/DPRD/2026",
                tanggal_surat=D(2026, 3, 19),
                tanggal_diterima=D(2026, 3, 23),
            )
        assert [p.rule for p in exc.value.pelanggaran] == ["P13"]
        assert not JawabanDprd.objects.exists()
        jam = _jam(ksdd, "P22-1b")
        assert jam.status == StatusTenggat.BERJALAN and jam.selesai_pada is None
        with pytest.raises(RuleViolation) as exc:
            tanggal_tindakan_periksa(
                jam, StatusTenggat.TERPENUHI, D(2026, 3, 23), "tanggal_diterima"
            )
        (p,) = exc.value.pelanggaran
        assert p.rule == "P22-1b" and p.field == "tanggal_diterima"
        assert "Pasal 22 ayat (1) huruf b" in str(p.detail)
        assert "23 Maret 2026" in str(p.detail)
        # Pasal 13 order: an answer dated before the request was received is refused.
        with pytest.raises(RuleViolation) as exc:
            services.ksdd_catat_jawaban_dprd(
                ksdd=ksdd,
                user=pemeran.sekretariat,
                nomor="170/21/DPRD/2026",
                tanggal_surat=D(2026, 2, 27),
                tanggal_diterima=D(2026, 3, 3),
            )
        assert "P13" in [p.rule for p in exc.value.pelanggaran]
        assert _jam(ksdd, "P22-1b").status == StatusTenggat.BERJALAN


def test_migration_0004_recomputes_selesai_pada_to_the_law_s_day(pemeran):
    """deadlines/0004_selesai_pada_tanggal_hukum on rows closed the old way (the day
    of recording as selesai_pada, no ditindak_pada): missed → the day after the last
    day; met by a DPRD letter → its receipt; refused → the refusal's receipt; a
    periodic clock met on its own record's date is left alone. Reverse: a no-op."""
    mig = importlib.import_module("kersa.deadlines.migrations.0004_selesai_pada_tanggal_hukum")
    ksdd = _permohonan_2_maret(pemeran)
    with time_machine.travel(_pada(D(2026, 4, 27)), tick=False):
        ksdd.refresh_from_db()
        services.ksdd_catat_jawaban_dprd(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            nomor="170/21/DPRD/2026",
            tanggal_surat=D(2026, 3, 24),
            tanggal_diterima=D(2026, 3, 25),
        )
        ksdd.refresh_from_db()
        services.ksdd_catat_penolakan_dprd(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            nomor="170/45/DPRD/2026",
            tanggal_surat=D(2026, 4, 17),
            tanggal_diterima=D(2026, 4, 20),
            penandatangan="Ketua DPRD Kabupaten Barito Selatan",
            alasan="Beban pembiayaan belum tercantum dalam APBD.",
            surat=unggahan_pdf("penolakan-dprd.pdf"),
        )
        lewat = tenggat_mulai(
            rule="P16-4",
            kunci=f"uji-migrasi:P16-4:{ksdd.pk}",
            tanggal_peristiwa=D(2026, 2, 8),
            peristiwa="Surat penawaran diterima",
            ksdd=ksdd,
        )  # due Tuesday 10 March
        tenggat_pindai(hari_ini=D(2026, 4, 27))
        pleno = tenggat_mulai(
            rule="P37-1",
            kunci="P37-1:uji-migrasi",
            tanggal_peristiwa=D(2026, 1, 1),
            peristiwa="Tahun 2026",
            jatuh_tempo=D(2026, 12, 31),
        )
        tenggat_penuhi(kunci=pleno.kunci, alasan="Rapat Pleno", pada=D(2026, 3, 10))
    p22_1b, p22_3 = _jam(ksdd, "P22-1b"), _jam(ksdd, "P22-3")
    assert lewat.jatuh_tempo == D(2026, 3, 10)
    # The rows as the old code left them: the day of recording, no moment.
    lama = D(2026, 4, 27)
    Tenggat.objects.filter(pk__in=[p22_1b.pk, p22_3.pk, lewat.pk]).update(
        selesai_pada=lama, ditindak_pada=None
    )

    mig.hitung_ulang_selesai_pada(apps, None)

    hasil = {t.pk: t for t in Tenggat.objects.filter(pk__in=[p22_1b.pk, p22_3.pk, lewat.pk])}
    assert hasil[lewat.pk].status == StatusTenggat.TERLEWAT
    assert hasil[lewat.pk].selesai_pada == D(2026, 3, 11)  # the day after 10 March
    assert hasil[p22_1b.pk].status == StatusTenggat.TERPENUHI
    assert hasil[p22_1b.pk].selesai_pada == D(2026, 3, 25)  # the answer's receipt
    assert hasil[p22_3.pk].status == StatusTenggat.DITUTUP_PENOLAKAN
    assert hasil[p22_3.pk].selesai_pada == D(2026, 4, 20)  # the refusal's receipt
    for t in hasil.values():  # the moment of recording, from the closing history row
        assert _dicatat(t) == D(2026, 4, 27)
    assert Tenggat.objects.get(pk=pleno.pk).selesai_pada == D(2026, 3, 10)
    # Run twice: nothing moves.
    mig.hitung_ulang_selesai_pada(apps, None)
    assert Tenggat.objects.get(pk=p22_1b.pk).selesai_pada == D(2026, 3, 25)
    (langkah,) = [op for op in mig.Migration.operations if isinstance(op, RunPython)]
    assert langkah.reversible and langkah.reverse_code is RunPython.noop


def test_p16_5_p16_6_missed_the_day_after_and_a_late_typed_answer_meets_p16_6(pemeran):
    """P16-5: the second request, recorded on Friday 15 May 2026, closes P16-4 as missed
    the day after its 30th calendar day (not 15 May). P16-6: the scan of 1 June marks
    it missed and opens the task of the report to the Gubernur; the partner's answer
    received Thursday 28 May, inside the 15 days, typed in on Wednesday 10 June, meets
    P16-6 on 28 May and closes the task. P16-4 stays missed: 28 May is after its last day."""
    from kersa.deadlines.models import Tugas

    with time_machine.travel(_pada(D(2026, 5, 15)), tick=False) as waktu:
        ksdd = ke_status(ksdd_baru(pemeran), Status.MENUNGGU_TANGGAPAN, pemeran)
        penawaran = ksdd.penawaran.get()
        p16_4 = _jam(ksdd, "P16-4")
        assert p16_4.jatuh_tempo == penawaran.tanggal_diterima + dt.timedelta(days=30)
        services.ksdd_catat_permintaan_kedua(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            mitra=penawaran.mitra_id,
            nomor="000.3/190/Pem/2026",
            tanggal_surat=D(2026, 5, 14),
            tanggal_diterima=D(2026, 5, 15),
        )
        p16_4.refresh_from_db()
        assert p16_4.status == StatusTenggat.TERLEWAT
        assert p16_4.selesai_pada == p16_4.jatuh_tempo + dt.timedelta(days=1)
        assert _dicatat(p16_4) == D(2026, 5, 15)
        p16_6 = _jam(ksdd, "P16-6")
        assert p16_6.jatuh_tempo == D(2026, 5, 30)  # Saturday: calendar days do not move

        waktu.move_to(_pada(D(2026, 6, 1), 0, 5))
        tenggat_pindai(hari_ini=D(2026, 6, 1))
        p16_6.refresh_from_db()
        assert (p16_6.status, p16_6.selesai_pada) == (StatusTenggat.TERLEWAT, D(2026, 5, 31))
        tugas = Tugas.objects.get(tenggat=p16_6)
        assert tugas.status == Tugas.Status.TERBUKA

        waktu.move_to(_pada(D(2026, 6, 10)))
        ksdd.refresh_from_db()
        services.ksdd_catat_tanggapan(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            mitra=penawaran.mitra_id,
            keputusan="diterima",
            nomor="000.3/77/Pem-Bartim/2026",
            tanggal_surat=D(2026, 5, 27),
            tanggal_diterima=D(2026, 5, 28),
            surat=unggahan_pdf("tanggapan.pdf"),
        )
    p16_6.refresh_from_db()
    assert (p16_6.status, p16_6.selesai_pada) == (StatusTenggat.TERPENUHI, D(2026, 5, 28))
    assert _dicatat(p16_6) == D(2026, 6, 10)
    tugas.refresh_from_db()
    assert tugas.status == Tugas.Status.SELESAI
    p16_4.refresh_from_db()
    assert p16_4.status == StatusTenggat.TERLEWAT  # 28 May is after its last day
