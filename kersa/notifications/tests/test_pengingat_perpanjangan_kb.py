"""Issue 12 leftovers: the reminders of a KB's life, through the real daily scan.

- P19-3: a KB extended (``PerpanjanganKb``) moves its clock to the new end date; the
  reminders already given for the old end (6, 3, 1 months before) are given again,
  counted from the new one. The KSDD of Dinas Kesehatan with Barito Timur: KB signed
  Saturday 2 May 2026, running to Sunday 29 April 2029 (reminded 29 October 2028);
  extended on Wednesday 1 November 2028 to Saturday 29 April 2034 (5 years from
  30 April 2029): reminded again on Sunday 29 October 2033, not before.
- P10 (Pasal 11 ayat 4): the reminder of a KB 90 days without a PKS goes by e-mail too,
  as each user chose for reminders ahead of a due date: in KERSA and by e-mail by
  default, neither when switched off, and no separate e-mail for a digest taker.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.deadlines import pekerja
from kersa.deadlines.models import Tenggat
from kersa.demo.skenario import ke_status
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.notifications.choices import JenisPengingat as J
from kersa.notifications.models import Notifikasi, Pengingat
from kersa.notifications.services import preferensi_ubah

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


def _pada(tahun, bulan, hari):
    return time_machine.travel(dt.datetime(tahun, bulan, hari, 9, 0, tzinfo=WIB), tick=False)


@pytest.fixture
def kb(ksdd, pemeran):
    with _pada(2026, 5, 20):
        penomoran_muat_default()
        return ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)


def _diberikan(jam: Tenggat, jenis: str) -> list[tuple[dt.date, dt.date]]:
    return sorted(
        set(
            Pengingat.objects.filter(tenggat=jam, jenis=jenis).values_list("jatuh_tempo", "tanggal")
        )
    )


def test_p19_3_reminders_are_given_again_from_the_extended_end(kb, pemeran, mailoutbox):
    jam = Tenggat.objects.get(ksdd=kb, rule="P19-3")
    assert jam.jatuh_tempo == dt.date(2029, 4, 29)
    with _pada(2028, 10, 29):
        pekerja.pindai_harian(hari_ini=dt.date(2028, 10, 29))
    assert _diberikan(jam, J.B6) == [(dt.date(2029, 4, 29), dt.date(2028, 10, 29))]
    with _pada(2028, 11, 1):
        services.ksdd_perpanjang_kb(
            ksdd=kb,
            user=pemeran.sekretariat,
            nomor="100.3.6/08.A/Pem/2028",
            tanggal_kesepakatan=dt.date(2028, 11, 1),
            tanggal_berakhir=dt.date(2034, 4, 29),
            naskah=unggahan_pdf("perpanjangan-kb.pdf", "Kesepakatan perpanjangan KB"),
        )
        pekerja.pindai_harian(hari_ini=dt.date(2028, 11, 1))
    jam.refresh_from_db()
    assert jam.jatuh_tempo == dt.date(2034, 4, 29)
    # nothing for the new end yet: its 6 months start on 29 October 2033
    with _pada(2033, 10, 28):
        pekerja.pindai_harian(hari_ini=dt.date(2033, 10, 28))
    assert _diberikan(jam, J.B6) == [(dt.date(2029, 4, 29), dt.date(2028, 10, 29))]
    sebelum = len(mailoutbox)
    with _pada(2033, 10, 29):
        pekerja.pindai_harian(hari_ini=dt.date(2033, 10, 29))
        pekerja.pindai_harian(hari_ini=dt.date(2033, 10, 29))  # twice: once
    assert _diberikan(jam, J.B6) == [
        (dt.date(2029, 4, 29), dt.date(2028, 10, 29)),
        (dt.date(2034, 4, 29), dt.date(2033, 10, 29)),
    ]
    baru = Pengingat.objects.filter(tenggat=jam, jatuh_tempo=dt.date(2034, 4, 29))
    penerima = set(baru.values_list("user__username", flat=True))
    assert pemeran.sekretariat.username in penerima
    assert baru.count() == len(penerima)  # one per user
    # by e-mail too, with the new due date
    surel = [m for m in mailoutbox[sebelum:] if kb.nomor_register in m.body]
    assert {pemeran.sekretariat.email} <= {a for m in surel for a in m.to}
    assert all("2034" in m.body and "2029" not in m.body.split("Jatuh tempo")[1] for m in surel)


def test_p10_kb_without_pks_is_e_mailed_as_each_user_chose(kb, pemeran, mailoutbox):
    op, sek = pemeran.operator, pemeran.sekretariat
    assert op.email and sek.email
    preferensi_ubah(user=op, ringkasan_harian=True)  # takes the digest: no separate e-mail
    # 2 May 2026 + 90 days = Friday 31 July 2026, through the worker's daily scan.
    with _pada(2026, 7, 31):
        pekerja.pindai_harian(hari_ini=dt.date(2026, 7, 31))
    surel = [m for m in mailoutbox if "tanpa PKS" in m.subject]
    assert [m.to for m in surel] == [[sek.email]], [m.to for m in surel]
    (m,) = surel
    assert m.subject == f"[KERSA] {kb.nomor_register}: Kesepakatan Bersama 90 hari tanpa PKS"
    assert "ditandatangani pada 02-05-2026" in m.body and "Pasal 11 ayat 4" in m.body
    assert f"/ksdd/{kb.pk}/" in m.body
    # in KERSA for both (neither switched it off)
    dikabari = set(
        Notifikasi.objects.filter(judul__contains="tanpa PKS").values_list("user_id", flat=True)
    )
    assert {op.pk, sek.pk} <= dikabari
    assert pemeran.operator_lain.pk not in dikabari
    # once: the next scans send nothing more
    with _pada(2026, 8, 1):
        pekerja.pindai_harian(hari_ini=dt.date(2026, 8, 1))
    assert len([m for m in mailoutbox if "tanpa PKS" in m.subject]) == 1


def test_p10_kb_without_pks_neither_in_app_nor_e_mail_when_switched_off(kb, pemeran, mailoutbox):
    sek = pemeran.sekretariat
    preferensi_ubah(user=sek, aplikasi_menjelang=False, surel_menjelang=False)
    with _pada(2026, 7, 31):
        pekerja.pindai_harian(hari_ini=dt.date(2026, 7, 31))
    assert not [m for m in mailoutbox if "tanpa PKS" in m.subject and sek.email in m.to]
    assert not Notifikasi.objects.filter(user=sek, judul__contains="tanpa PKS").exists()
    assert Notifikasi.objects.filter(user=pemeran.operator, judul__contains="tanpa PKS").exists()
