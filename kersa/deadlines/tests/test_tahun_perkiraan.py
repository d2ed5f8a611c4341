"""Estimated holiday years (RULES.md, the calendar paragraph; issue 12 item 8).

2026 is counted on the official SKB Bersama of 2026 (cuti bersama 16 Feb, 18 Mar,
20/23/24 Mar, 15 May, 28 May, 24 Dec): not an estimate. 2027's Idul Fitri and Idul
Adha are estimated in the holiday data ("(perkiraan)"): an estimate until the
secretariat confirms the 2027 SKB on the working-calendar page.

A DPRD request received on Wednesday 2 December 2026; its 45 working days (P22-3),
counted by hand:

    December 2026: 3 4 | 7-11 | 14-18 | 21 22 23 (24 cuti bersama Natal, 25 Natal)
                   | 28-31                                              -> 19
    January 2027:  (1 Tahun Baru) | 4 (5 Isra Mikraj) 6 7 8 | 11-15 | 18-22
                   | 25-29                                              -> 38
    February 2027: 1-4 (5 cuti bersama Imlek) | 8 9 10                  -> 45
    => Wednesday 10 February 2027, counted on 2027's estimated holidays.

The deemed approval is held by the real scan (the command and ``db_worker``) until
2027 is confirmed; then it is recorded, dated 10 February, in force from 11 February.
"""

import datetime as dt
import logging
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from icalendar import Calendar
from rest_framework.test import APIClient

from kersa.agreements import services as ksdd_services
from kersa.agreements.choices import Status
from kersa.agreements.models import PersetujuanDprd
from kersa.core.errors import RuleViolation
from kersa.deadlines import services
from kersa.deadlines.choices import Satuan, StatusTenggat
from kersa.deadlines.kalender import Kalender, perkiraan_paket
from kersa.deadlines.models import KonfirmasiSkb, RiwayatTenggat, Tenggat
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_naskah, unggahan_pdf
from kersa.notifications.choices import JenisPengingat
from kersa.notifications.pesan import item_pengingat, surel_satu
from kersa.notifications.services import preferensi_ambil

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
DITERIMA = dt.date(2026, 12, 2)
HARI_KE_45 = dt.date(2027, 2, 10)  # by hand, see the module docstring
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
SKB_2027 = "855 Tahun 2026, 2 Tahun 2026, 3 Tahun 2026"


def _pukul(tanggal: dt.date, jam: int = 0, menit: int = 5) -> dt.datetime:
    return dt.datetime.combine(tanggal, dt.time(jam, menit), tzinfo=WIB)


def _permohonan_2_desember(pemeran):
    with time_machine.travel(_pukul(DITERIMA, 10), tick=False):
        ksdd = ke_status(
            ksdd_baru(pemeran, membebani_masyarakat=True), Status.PERMOHONAN_DPRD, pemeran
        )
        ksdd_services.ksdd_ajukan_persetujuan_dprd(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            nomor="100.3/410/Pem/2026",
            tanggal_surat=dt.date(2026, 12, 1),
            tanggal_diterima=DITERIMA,
            surat=unggahan_pdf("permohonan-dprd.pdf"),
            rancangan_pks=unggahan_naskah("rancangan-pks.docx", "pks", semua_bagian=True),
        )
    ksdd.refresh_from_db()
    return ksdd


def test_2026_follows_the_official_skb_and_2027_is_an_estimate():
    kal = Kalender(entri={}, terkonfirmasi=set())
    # SKB Bersama 2026: cuti bersama and libur nasional around Idul Fitri.
    for hari in (dt.date(2026, 3, 20), dt.date(2026, 3, 23), dt.date(2026, 3, 24)):
        assert kal.nama_libur(hari) == "Cuti Bersama Hari Raya Idul Fitri"
    assert kal.nama_libur(dt.date(2026, 12, 24)) == "Cuti Bersama Hari Raya Natal"
    assert not perkiraan_paket(2026) and not kal.tahun_perkiraan(2026)
    assert perkiraan_paket(2027) and kal.tahun_perkiraan(2027)
    assert kal.nama_libur(dt.date(2027, 3, 10)) == "Hari Raya Idul Fitri (perkiraan)"
    # Confirmed: no longer an estimate.
    assert not Kalender(entri={}, terkonfirmasi={2027}).tahun_perkiraan(2027)
    # A period inside 2026 rests on no estimate; one reaching into 2027 does.
    assert kal.perkiraan_antara(dt.date(2026, 3, 2), dt.date(2026, 5, 13)) is None
    assert kal.perkiraan_antara(DITERIMA, HARI_KE_45) == 2027
    assert kal.jatuh_tempo(Satuan.HARI_KERJA, DITERIMA, 45) == HARI_KE_45


def test_p22_3_counted_over_2027_is_marked_an_estimate_and_2026_is_not(pemeran):
    ksdd = _permohonan_2_desember(pemeran)
    jam = Tenggat.objects.get(ksdd=ksdd, rule="P22-3")
    assert (jam.jatuh_tempo, jam.tahun_perkiraan) == (HARI_KE_45, 2027)
    # P22-1b (15 working days) ends Wednesday 23 December 2026: all in 2026.
    b = Tenggat.objects.get(ksdd=ksdd, rule="P22-1b")
    assert (b.jatuh_tempo, b.tahun_perkiraan) == (dt.date(2026, 12, 23), None)


@pytest.mark.django_db(transaction=True)  # db_worker closes the connection
def test_the_scan_holds_the_deemed_approval_until_2027_is_confirmed(pemeran, client, caplog):
    ksdd = _permohonan_2_desember(pemeran)
    jam = Tenggat.objects.get(ksdd=ksdd, rule="P22-3")
    with time_machine.travel(_pukul(dt.date(2027, 2, 11)), tick=False):
        # The real scan command, the day after the last day: nothing is deemed.
        with caplog.at_level(logging.WARNING, logger="kersa.deadlines.pekerja"):
            call_command("pindai_tenggat")
        ksdd.refresh_from_db()
        jam.refresh_from_db()
        assert ksdd.status == Status.MENUNGGU_DPRD
        assert not PersetujuanDprd.objects.filter(ksdd=ksdd).exists()
        assert (jam.status, jam.ditindak_pada) == (StatusTenggat.BERJALAN, None)
        assert any(
            "2027-02-10" in r.getMessage() and "perkiraan tahun 2027" in r.getMessage()
            for r in caplog.records
        )

        # The Tenggat page says why.
        client.force_login(pemeran.sekretariat)
        html = client.get(reverse("deadlines:daftar")).content.decode()
        assert "Rabu, 10 Februari 2027" in html
        assert "Perkiraan: hari libur tahun 2027 belum dikonfirmasi" in html
        assert (
            "Persetujuan DPRD belum dianggap diberikan: jatuh tempo ini perkiraan, dan pekerja "
            "menunggu Sekretariat TKKSD mengonfirmasi SKB tahun 2027"
        ) in html

        # The secretariat confirms the 2027 SKB on the working-calendar page.
        kal_url = reverse("deadlines:kalender", args=[2027])
        html = client.get(kal_url).content.decode()
        assert "Hari libur tahun 2027 masih perkiraan" in html
        assert "1 tenggat berjalan mempunyai jatuh tempo perkiraan pada tahun ini." in html
        resp = client.post(
            kal_url, {"aksi": "konfirmasi", "nomor": SKB_2027, "tanggal": "19-09-2026"}
        )
        assert resp.status_code == 302
        k = KonfirmasiSkb.objects.get(tahun=2027)
        assert (k.nomor, k.tanggal, k.dicatat_oleh) == (
            SKB_2027,
            dt.date(2026, 9, 19),
            pemeran.sekretariat,
        )
        assert LogEntry.objects.filter(object_repr__startswith="2027:").exists()
        jam.refresh_from_db()
        assert jam.tahun_perkiraan is None
        r = RiwayatTenggat.objects.filter(tenggat=jam).last()
        assert r.oleh == pemeran.sekretariat
        assert r.alasan == (
            f"Hari libur tahun 2027 dikonfirmasi dengan SKB {SKB_2027}: jatuh tempo "
            "10 Februari 2027 bukan lagi perkiraan."
        )
        html = client.get(kal_url).content.decode()
        assert f"Hari libur tahun 2027 dikonfirmasi dengan SKB {SKB_2027}" in html
        assert (
            "Perkiraan: hari libur" not in client.get(reverse("deadlines:daftar")).content.decode()
        )

        # The real worker now records the approval deemed given, dated the last day.
        with override_settings(TASKS=DB_TASKS):
            call_command("pindai_tenggat", "--antrekan", verbosity=0)
            call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_PKS
    p = PersetujuanDprd.objects.get(ksdd=ksdd)
    assert (p.dianggap, p.hari_terakhir, p.tanggal) == (True, HARI_KE_45, dt.date(2027, 2, 11))


@pytest.mark.django_db(transaction=True)  # db_worker closes the connection
def test_the_real_worker_holds_it_too(pemeran):
    ksdd = _permohonan_2_desember(pemeran)
    with (
        time_machine.travel(_pukul(dt.date(2027, 2, 11)), tick=False),
        override_settings(TASKS=DB_TASKS),
    ):
        call_command("pindai_tenggat", "--antrekan", verbosity=0)
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    ksdd.refresh_from_db()
    assert ksdd.status == Status.MENUNGGU_DPRD
    assert Tenggat.objects.get(ksdd=ksdd, rule="P22-3").status == StatusTenggat.BERJALAN


def test_the_estimate_shows_on_the_ksdd_page_feed_api_and_e_mail(pemeran, client):
    ksdd = _permohonan_2_desember(pemeran)
    jam = Tenggat.objects.get(ksdd=ksdd, rule="P22-3")
    with time_machine.travel(_pukul(dt.date(2027, 1, 4), 9), tick=False):
        client.force_login(pemeran.sekretariat)
        html = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
        assert "Perkiraan: hari libur tahun 2027 belum dikonfirmasi dengan SKB Bersama" in html
        assert "Pekerja tidak menganggap persetujuan DPRD diberikan" in html

        token = preferensi_ambil(user=pemeran.sekretariat).token_kalender
        feed = Calendar.from_ical(client.get(reverse("deadlines:ics", args=[token])).content)
        ev = next(e for e in feed.walk("VEVENT") if str(e["uid"]).startswith(f"tenggat-{jam.pk}@"))
        assert str(ev["summary"]).endswith("(perkiraan)")
        assert "Perkiraan: hari libur tahun 2027" in str(ev["description"])

        api = APIClient()
        api.force_authenticate(pemeran.sekretariat)
        data = api.get(f"/api/v1/tenggat/{jam.pk}/").json()
        assert data["jatuh_tempo"] == "2027-02-10"
        assert (data["jatuh_tempo_perkiraan"], data["tahun_perkiraan"]) == (True, 2027)
        assert "SKB tahun 2027" in data["catatan_perkiraan"]
        b = api.get(f"/api/v1/tenggat/{Tenggat.objects.get(ksdd=ksdd, rule='P22-1b').pk}/")
        assert (b.json()["jatuh_tempo_perkiraan"], b.json()["catatan_perkiraan"]) == (False, None)

        # The reminder's words (in-app notice and e-mail body).
        item = item_pengingat(jam, JenisPengingat.MULAI, dt.date(2027, 1, 4), Kalender())
        _subjek, badan = surel_satu(pemeran.dprd, item)
        assert "Jatuh tempo: Rabu, 10 Februari 2027" in badan
        assert "Perkiraan: hari libur tahun 2027 belum dikonfirmasi dengan SKB Bersama" in badan
        assert "Pekerja tidak menganggap persetujuan DPRD diberikan" in badan


def test_confirming_is_refused_with_its_reason(pemeran):
    with pytest.raises(RuleViolation) as e:
        services.skb_konfirmasi(tahun=2026, nomor="1 Tahun 2025", user=pemeran.sekretariat)
    assert e.value.pelanggaran[0].rule == "HK"
    assert "Hari libur tahun 2026 sudah mengikuti SKB Bersama" in str(e.value)
    with pytest.raises(RuleViolation, match="Nomor SKB Bersama"):
        services.skb_konfirmasi(tahun=2027, nomor="  ", user=pemeran.sekretariat)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.skb_konfirmasi(tahun=2027, nomor=SKB_2027, user=pemeran.operator)
    services.skb_konfirmasi(tahun=2027, nomor=SKB_2027, user=pemeran.sekretariat)
    with pytest.raises(RuleViolation, match="sudah dikonfirmasi dengan SKB"):
        services.skb_konfirmasi(tahun=2027, nomor="lain", user=pemeran.sekretariat)
    assert KonfirmasiSkb.objects.count() == 1
