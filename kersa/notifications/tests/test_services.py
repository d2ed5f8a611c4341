"""Reminders: who is told, on which day, once; e-mail and daily digest."""

import datetime as dt

import pytest

from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.services import tenggat_akhiri
from kersa.notifications.choices import JenisPengingat as J
from kersa.notifications.models import Notifikasi, Pengingat, RingkasanHarian
from kersa.notifications.services import pengingat_proses, preferensi_ubah

D = dt.date


def _jenis(tenggat):
    return sorted(Pengingat.objects.filter(tenggat=tenggat).values_list("user__username", "jenis"))


def test_p16_4_reminders_on_working_days_before_lebaran_2026(jam, pemeran, mailoutbox):
    # 30 calendar days after 22 February 2026: Tuesday 24 March 2026 (cuti bersama).
    t = jam("P16-4", D(2026, 2, 22))
    assert t.jatuh_tempo == D(2026, 3, 24)
    hari_kirim = {}
    for hari in range(1, 31):
        tanggal = D(2026, 3, hari)
        n = pengingat_proses(hari_ini=tanggal)
        if n:
            hari_kirim[tanggal] = set(
                Pengingat.objects.filter(tenggat=t, tanggal=tanggal).values_list("jenis", flat=True)
            )
            # The secretariat and the Dinas Kesehatan operator; once missed also the
            # Bupati, who sends the second request (P16-5, Definisi.peran_tugas).
            assert n == (3 if tanggal == D(2026, 3, 25) else 2)
    assert hari_kirim == {
        D(2026, 3, 9): {J.H7},
        D(2026, 3, 13): {J.H3},
        D(2026, 3, 17): {J.H1},  # 18–24 March are Nyepi, Idul Fitri and cuti bersama
        D(2026, 3, 24): {J.HARI_H},
        D(2026, 3, 25): {J.TERLEWAT},
    }
    assert len(mailoutbox) == 11
    penerima = {m.to[0] for m in mailoutbox}
    assert penerima == {pemeran.sekretariat.email, pemeran.operator.email, pemeran.bupati.email}
    bupati = [m for m in mailoutbox if m.to == [pemeran.bupati.email]]
    assert len(bupati) == 1 and "Tenggat terlewat" in bupati[0].subject


def test_p16_4_reminder_email_names_rule_pasal_and_date_in_indonesian(
    jam, pemeran, mailoutbox, settings
):
    settings.KERSA_BASE_URL = "https://kersa.baritoselatankab.go.id"
    t = jam("P16-4", D(2026, 2, 22), peristiwa="Surat penawaran diterima Bupati Barito Timur")
    pengingat_proses(hari_ini=D(2026, 3, 17))
    surel = next(m for m in mailoutbox if m.to == [pemeran.operator.email])
    # the last working day before it; the countdown is in the clock's own unit
    assert surel.subject.startswith("[KERSA] [P16-4] 7 hari kalender lagi")
    assert "Pasal 16 ayat (4)" in surel.body
    assert "Selasa, 24 Maret 2026" in surel.body
    assert "Minggu, 22 Februari 2026" in surel.body
    assert "Cuti Bersama Hari Raya Idul Fitri" in surel.body  # the due date is a day off
    assert "tetap berakhir pada tanggal tersebut" in surel.body
    assert f"https://kersa.baritoselatankab.go.id/ksdd/{t.ksdd_id}/" in surel.body
    notif = Notifikasi.objects.get(user=pemeran.operator, tenggat=t)
    assert notif.tautan == f"/ksdd/{t.ksdd_id}/"
    assert notif.dibaca_pada is None


def test_p18_2_working_day_clock_due_after_lebaran(jam, pemeran, mailoutbox):
    # 15 working days after Wednesday 25 February 2026 skip 18–24 March: Wednesday 25 March.
    t = jam("P18-2", D(2026, 2, 25))
    assert t.jatuh_tempo == D(2026, 3, 25)
    assert pengingat_proses(hari_ini=D(2026, 3, 13)) == 4  # h-3: 17, 16, 13 March
    assert pengingat_proses(hari_ini=D(2026, 3, 16)) == 0
    assert pengingat_proses(hari_ini=D(2026, 3, 17)) == 4  # h-1: 18–24 March are off
    assert {j for _u, j in _jenis(t)} == {J.H3, J.H1}
    # The Bupati answers on TKKSD's recommendation (Pasal 18 ayat 2, 3).
    assert {u for u, _j in _jenis(t)} == {
        "bupati",
        "ketua.tkksd",
        "sekretariat.tkksd",
        "operator.dinkes",
    }


def test_each_reminder_is_sent_once(jam, mailoutbox):
    jam("P16-4", D(2026, 2, 22))
    assert pengingat_proses(hari_ini=D(2026, 3, 17)) == 2
    assert len(mailoutbox) == 2
    assert pengingat_proses(hari_ini=D(2026, 3, 17)) == 0
    assert pengingat_proses(hari_ini=D(2026, 3, 18)) == 0  # still h-1: already given
    assert len(mailoutbox) == 2
    assert Pengingat.objects.count() == 2
    assert Notifikasi.objects.count() == 2


def test_overdue_reminder_once_and_not_for_old_clocks(jam, pemeran, mailoutbox):
    t = jam("P16-4", D(2026, 2, 1))  # due 3 March 2026
    lama = jam("P16-4", D(2025, 12, 1))  # due 31 December 2025
    assert pengingat_proses(hari_ini=D(2026, 3, 5)) == 3  # with the Bupati (P16-5)
    assert {j for _u, j in _jenis(t)} == {J.TERLEWAT}
    assert _jenis(lama) == []
    assert "Tenggat terlewat" in mailoutbox[0].subject
    assert pengingat_proses(hari_ini=D(2026, 3, 6)) == 0


def test_overdue_reminder_for_clock_marked_missed(jam, pemeran):
    t = jam("P16-4", D(2026, 2, 1))
    tenggat_akhiri(tenggat=t, ke=StatusTenggat.TERLEWAT, pada=D(2026, 3, 4))
    pengingat_proses(hari_ini=D(2026, 3, 4))
    assert {j for _u, j in _jenis(t)} == {J.TERLEWAT}


def test_met_clock_is_not_reminded(jam):
    t = jam("P16-4", D(2026, 2, 22))
    tenggat_akhiri(tenggat=t, ke=StatusTenggat.TERPENUHI, pada=D(2026, 3, 1))
    assert pengingat_proses(hari_ini=D(2026, 3, 17)) == 0


def test_p19_3_renewal_reminders_6_3_1_months_before_kb_ends(jam, pemeran, mailoutbox):
    t = jam("P19-3", D(2025, 10, 1), jatuh_tempo=D(2026, 9, 30), peristiwa="KB ditandatangani")
    hasil = {}
    for tanggal in [
        D(2026, 3, 29),
        D(2026, 3, 30),
        D(2026, 3, 31),
        D(2026, 6, 29),
        D(2026, 6, 30),
        D(2026, 8, 30),
        D(2026, 9, 30),
        D(2026, 10, 1),
    ]:
        pengingat_proses(hari_ini=tanggal)
        hasil[tanggal] = set(
            Pengingat.objects.filter(tenggat=t, tanggal=tanggal).values_list("jenis", flat=True)
        )
    assert hasil == {
        D(2026, 3, 29): set(),
        D(2026, 3, 30): {J.B6},
        D(2026, 3, 31): set(),
        D(2026, 6, 29): set(),
        D(2026, 6, 30): {J.B3},
        D(2026, 8, 30): {J.B1},
        D(2026, 9, 30): {J.HARI_H},
        D(2026, 10, 1): set(),  # a KB's end is not "overdue"
    }
    # The initiating agency, the secretariat and the Bupati prepare the extension.
    assert {u for u, _j in _jenis(t)} == {"operator.dinkes", "sekretariat.tkksd", "bupati"}
    assert any("Pasal 19 ayat (3)" in m.body for m in mailoutbox)


def test_operator_of_another_agency_and_unrelated_roles_are_not_told(jam, pemeran):
    t = jam("P16-4", D(2026, 2, 22))
    pengingat_proses(hari_ini=D(2026, 3, 17))
    told = {u for u, _j in _jenis(t)}
    assert "operator.pupr" not in told  # Dinas PUPR does not see a Dinas Kesehatan KSDD
    assert "dprd" not in told  # DPRD sees only KSDD brought to it, and P16-4 is not its clock
    assert "bupati" not in told  # Pasal 16 ayat (4): the partner must answer
    assert "warga" not in told
    assert told == {"operator.dinkes", "sekretariat.tkksd"}


def test_daily_digest_sends_one_email(jam, pemeran, mailoutbox):
    preferensi_ubah(user=pemeran.operator, ringkasan_harian=True)
    jam("P16-4", D(2026, 2, 22))  # h-1 on 17 March
    jam("P16-4", D(2026, 2, 15))  # due 17 March: hari_h
    assert pengingat_proses(hari_ini=D(2026, 3, 17)) == 4
    ke_operator = [m for m in mailoutbox if m.to == [pemeran.operator.email]]
    ke_sekretariat = [m for m in mailoutbox if m.to == [pemeran.sekretariat.email]]
    assert len(ke_sekretariat) == 2  # one e-mail per reminder
    assert len(ke_operator) == 1  # one digest listing both
    assert ke_operator[0].subject.startswith("[KERSA] Ringkasan Selasa, 17 Maret 2026:")
    assert ke_operator[0].subject.endswith(", 2 pengingat")
    assert ke_operator[0].body.count("[P16-4]") == 2
    # Her own work comes first: the KSDD waiting for her KAK (Pasal 14).
    assert "Menunggu tindakan Anda" in ke_operator[0].body
    assert "Ajukan KAK kepada TKKSD" in ke_operator[0].body
    assert RingkasanHarian.objects.get(user=pemeran.operator).tanggal == D(2026, 3, 17)
    # In-app notifications are given one by one all the same.
    assert Notifikasi.objects.filter(user=pemeran.operator).count() == 2
    assert pengingat_proses(hari_ini=D(2026, 3, 17)) == 0
    assert len(mailoutbox) == 3
    assert not Pengingat.objects.filter(user=pemeran.operator, disurelkan_pada=None).exists()
    assert RingkasanHarian.objects.filter(user=pemeran.operator).count() == 1


def test_email_off_still_gives_in_app_notification(jam, pemeran, mailoutbox):
    preferensi_ubah(user=pemeran.operator, surel_menjelang=False, surel_terlewat=False)
    jam("P16-4", D(2026, 2, 22))
    pengingat_proses(hari_ini=D(2026, 3, 17))
    assert [m.to for m in mailoutbox] == [[pemeran.sekretariat.email]]
    assert Notifikasi.objects.filter(user=pemeran.operator).count() == 1


def test_kirim_pengingat_task(jam, mailoutbox):
    from kersa.notifications.tasks import kirim_pengingat

    jam("P16-4", D(2026, 2, 22))
    hasil = kirim_pengingat.enqueue("2026-03-17")
    assert hasil.return_value == 2
    assert len(mailoutbox) == 2


def test_p22_3_dprd_is_told_once_the_ksdd_is_brought_to_it(pemeran, mailoutbox):
    from kersa.agreements.choices import Status
    from kersa.deadlines.services import tenggat_mulai
    from kersa.demo.skenario import ke_status, ksdd_baru

    k = ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)
    t = tenggat_mulai(
        rule="P22-3",
        kunci=f"uji:P22-3:{k.pk}",
        tanggal_peristiwa=D(2026, 1, 1),
        peristiwa="Permohonan persetujuan diterima DPRD",
        ksdd=k,
        jatuh_tempo=D(2026, 3, 30),
    )
    pengingat_proses(hari_ini=D(2026, 3, 27))  # h-1: Friday 27 March
    told = {u for u, _j in _jenis(t)}
    # The request is the Bupati's letter: he is told of DPRD's clock too (P22-3).
    assert told == {"bupati", "dprd", "sekretariat.tkksd"}
    assert {j for _u, j in _jenis(t)} == {J.H1}


def test_cron_form_of_the_daily_scan_gives_the_reminders_too(jam, pemeran, mailoutbox, capsys):
    """Issue 19: ``manage.py pindai_tenggat`` without options (the documented cron and
    systemd-timer form) gave no reminders; it now runs the same full scan as the task."""
    from django.core.management import call_command

    t = jam("P16-4", D(2026, 2, 22))
    call_command("pindai_tenggat", tanggal="2026-03-17")
    assert _jenis(t) == sorted(
        [(pemeran.sekretariat.username, J.H1), (pemeran.operator.username, J.H1)]
    )
    p164 = [m.to[0] for m in mailoutbox if "[P16-4]" in m.subject]
    assert sorted(p164) == sorted([pemeran.sekretariat.email, pemeran.operator.email])
    # The scan also started the periodic clocks of 2026 (one of them reminded today).
    semua = Pengingat.objects.filter(tanggal=D(2026, 3, 17)).count()
    assert f"pengingat: {semua}" in capsys.readouterr().out
    terkirim = len(mailoutbox)
    call_command("pindai_tenggat", tanggal="2026-03-17")  # a timer firing twice: no more
    assert len(mailoutbox) == terkirim
    assert "pengingat: 0" in capsys.readouterr().out


def test_each_kind_and_channel_can_be_switched_off(jam, pemeran, mailoutbox):
    """In KERSA and by e-mail, before the due date and missed: four switches, on by
    default; one off stops only that kind on that channel."""
    preferensi_ubah(user=pemeran.operator, aplikasi_menjelang=False, surel_terlewat=False)
    sebelum = jam("P16-4", D(2026, 2, 22))  # h-1 on 17 March
    lewat = jam("P16-4", D(2026, 2, 1))  # due 3 March: missed
    pengingat_proses(hari_ini=D(2026, 3, 17))
    ke_operator = [m.subject for m in mailoutbox if m.to == [pemeran.operator.email]]
    assert ke_operator == [
        "[KERSA] [P16-4] 7 hari kalender lagi: Tanggapan daerah mitra atas surat penawaran"
    ]
    assert list(
        Notifikasi.objects.filter(user=pemeran.operator).values_list("tenggat_id", flat=True)
    ) == [lewat.pk]
    # The reminders are recorded all the same: turning a switch back on sends no stale one.
    assert Pengingat.objects.filter(user=pemeran.operator, tenggat=sebelum).exists()


def test_p16_5_the_bupati_is_told_of_the_missed_clock_with_his_next_step(jam, pemeran, mailoutbox):
    jam("P16-4", D(2026, 2, 1))  # due 3 March 2026
    pengingat_proses(hari_ini=D(2026, 3, 5))
    surel = next(m for m in mailoutbox if m.to == [pemeran.bupati.email])
    assert surel.subject.startswith("[KERSA] [P16-4] Tenggat terlewat")
    assert (
        "Langkah berikutnya: Kirim permintaan tanggapan kedua (Pasal 16 ayat 5) — yang "
        "bertindak: Bupati, melalui Sekretariat TKKSD." in surel.body
    )
    assert Notifikasi.objects.filter(user=pemeran.bupati).count() == 1


def test_daily_digest_once_per_user_and_date_even_when_claimed_twice(pemeran, ksdd, mailoutbox):
    """The digest lists the person's own work even on a day without reminders; its row
    (unique per user and date) is claimed with the send: a second run sends nothing."""
    from django.db import IntegrityError, transaction

    from kersa.deadlines.kalender import Kalender
    from kersa.notifications.services import preferensi_ambil, ringkasan_kirim

    preferensi_ubah(user=pemeran.operator, ringkasan_harian=True)
    pref = preferensi_ambil(user=pemeran.operator)
    assert ringkasan_kirim(pref=pref, hari_ini=D(2026, 3, 17), kal=Kalender())
    assert not ringkasan_kirim(pref=pref, hari_ini=D(2026, 3, 17), kal=Kalender())
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == (
        "[KERSA] Ringkasan Selasa, 17 Maret 2026: 1 menunggu tindakan Anda, 0 pengingat"
    )
    assert f"{ksdd.nomor_register} — {ksdd.judul}" in mailoutbox[0].body
    r = RingkasanHarian.objects.get(user=pemeran.operator)
    assert (r.tanggal, r.jumlah_pekerjaan, r.jumlah_pengingat) == (D(2026, 3, 17), 1, 0)
    with pytest.raises(IntegrityError), transaction.atomic():
        RingkasanHarian.objects.create(user=pemeran.operator, tanggal=D(2026, 3, 17))
    # Nothing to say: no e-mail and no row (the next day may still have one).
    preferensi_ubah(user=pemeran.ketua, ringkasan_harian=True)
    assert not ringkasan_kirim(
        pref=preferensi_ambil(user=pemeran.ketua), hari_ini=D(2026, 3, 17), kal=Kalender()
    )
    assert not RingkasanHarian.objects.filter(user=pemeran.ketua).exists()


def test_a_clock_just_started_is_told_to_who_acts_with_the_days_left(jam, pemeran, mailoutbox):
    """P22-3: the day DPRD receives the request, its Pimpinan is told that 45 working
    days run (MULAI); nobody else is (the secretariat recorded it, the Bupati sent it)."""
    t = jam("P22-3", D(2026, 3, 2))
    assert pengingat_proses(hari_ini=D(2026, 3, 2)) == 0  # DPRD sees only KSDD brought to it
    p = jam("P27-1", D(2026, 3, 2), jatuh_tempo=D(2026, 6, 30))
    assert pengingat_proses(hari_ini=D(2026, 3, 3)) == 1
    assert _jenis(p) == [("operator.dinkes", J.MULAI)]
    assert _jenis(t) == []
    n = Notifikasi.objects.get(user=pemeran.operator)
    assert n.judul.startswith("[P27-1] Tenggat baru, ")
    assert pengingat_proses(hari_ini=D(2026, 3, 4)) == 0  # once


def test_a_step_waiting_for_someone_is_told_to_them_in_kersa_with_their_steps(
    pemeran, ksdd, mailoutbox, django_capture_on_commit_callbacks
):
    """P14-2: a submitted KAK waits for the Ketua's written guidance: he is told in KERSA
    and by e-mail, naming his step; a user who turned that kind off is not told in KERSA."""
    from kersa.agreements.choices import Status
    from kersa.demo.skenario import ke_status

    preferensi_ubah(user=pemeran.sekretariat, aplikasi_langkah=False)
    with django_capture_on_commit_callbacks(execute=True):
        ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    n = Notifikasi.objects.get(user=pemeran.ketua)
    assert (
        n.judul
        == f"{ksdd.nomor_register}: KAK diajukan, menunggu petunjuk tertulis — langkah Anda: Catat petunjuk tertulis"
    )
    assert n.tautan == f"/ksdd/{ksdd.pk}/"
    assert not Notifikasi.objects.filter(user=pemeran.sekretariat).exists()
    assert pemeran.sekretariat.email in {m.to[0] for m in mailoutbox}  # e-mail stays on
    assert not Notifikasi.objects.filter(user=pemeran.bupati).exists()
