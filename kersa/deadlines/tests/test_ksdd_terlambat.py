"""The KSDD page puts what is late first (issue 13 item 2): missed clocks and open tasks
in "Terlambat / perlu tindakan", each with who must act and since when; running clocks
next; closed ones folded in <details>. P16-4 missed opens the P16-5 task."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.deadlines.models import Tenggat
from kersa.deadlines.pekerja import tenggat_pindai
from kersa.deadlines.selectors import tenggat_ksdd
from kersa.demo.skenario import ke_status

pytestmark = pytest.mark.django_db


def _teks(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_p16_5_open_task_and_missed_clock_come_first_with_who_and_since(client, pemeran, ksdd):
    # Monday 2 March 2026 the offer is recorded (P16-4 runs 15 calendar days from the
    # day it was sent); Monday 23 March the worker finds it missed and opens the task.
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0), tick=False) as waktu:
        ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
        p164 = Tenggat.objects.get(ksdd=ksdd, rule="P16-4")
        waktu.move_to(dt.datetime(2026, 3, 23, 9, 0))
        tenggat_pindai()
        tk = tenggat_ksdd(ksdd=ksdd, hari_ini=dt.date(2026, 3, 23))
        assert [r["jenis"] for r in tk["terlambat"]] == ["tugas"]
        assert tk["terlambat"][0]["judul"] == "Kirim permintaan tanggapan kedua (Pasal 16 ayat 5)"
        assert tk["terlambat"][0]["penanggung"] == "Bupati, melalui Sekretariat TKKSD"
        assert tk["terlambat"][0]["sejak"] == dt.date(2026, 3, 23)
        assert all(b.tenggat.id != p164.id for b in tk["berjalan"])

        client.force_login(pemeran.operator)
        html = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    teks = _teks(html)
    assert "Terlambat / perlu tindakan" in teks
    assert "Kirim permintaan tanggapan kedua (Pasal 16 ayat 5)" in teks
    assert (
        "yang bertindak: Bupati, melalui Sekretariat TKKSD · tugas dibuka sejak Senin, 23 Maret 2026"
        in teks
    )
    # The late block comes first in the Tenggat section, before the running clocks and
    # the folded closed ones.
    bagian = html[html.index('id="judul-tenggat-ksdd"') :]
    awal = bagian.index("Terlambat / perlu tindakan")
    for tanda in ("tenggat-hari_ini", "tenggat-minggu_ini", "tenggat-berikutnya", "<details>"):
        if tanda in bagian:
            assert awal < bagian.index(tanda)


def test_running_clock_past_due_is_late_since_the_day_after_its_last_day(client, pemeran, ksdd):
    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0), tick=False) as waktu:
        ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
        p164 = Tenggat.objects.get(ksdd=ksdd, rule="P16-4")
        akhir = p164.jatuh_tempo
        # The worker has not run yet: the clock still runs but is past due.
        waktu.move_to(dt.datetime.combine(akhir + dt.timedelta(days=2), dt.time(9, 0)))
        client.force_login(pemeran.sekretariat)
        html = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    from kersa.core.format import tanggal_panjang

    teks = _teks(html)
    assert "Terlambat / perlu tindakan" in teks
    bagian = html[html.index('id="judul-tenggat-ksdd"') :]
    # The missed clock is in the late block, not among the running ones.
    assert bagian.index("Terlambat / perlu tindakan") < bagian.index("[P16-4]")
    assert "terlambat 2 hari kalender" not in teks
    sejak = tanggal_panjang(akhir + dt.timedelta(days=1))
    assert f"yang bertindak: Daerah mitra · terlambat sejak {sejak}" in teks


def test_missed_clock_whose_task_is_done_folds_away_with_the_closed_ones(client, pemeran, ksdd):
    from kersa.agreements import services
    from kersa.documents.contoh import unggahan_pdf

    with time_machine.travel(dt.datetime(2026, 3, 2, 9, 0), tick=False) as waktu:
        ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
        waktu.move_to(dt.datetime(2026, 3, 23, 9, 0))
        tenggat_pindai()
        services.ksdd_catat_permintaan_kedua(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            mitra="62.13",
            nomor="000.3/190/Pem/2026",
            tanggal_surat=dt.date(2026, 3, 23),
            tanggal_diterima=dt.date(2026, 3, 23),
            surat=unggahan_pdf("permintaan-kedua.pdf"),
        )
        tk = tenggat_ksdd(ksdd=ksdd, hari_ini=dt.date(2026, 3, 23))
        client.force_login(pemeran.operator)
        html = client.get(reverse("agreements:detail", args=[ksdd.pk])).content.decode()
    assert tk["terlambat"] == []
    assert "P16-4" in [s["tenggat"].rule for s in tk["selesai"]]
    assert "P16-6" in [b.tenggat.rule for b in tk["berjalan"]]
    bagian = html[html.index('id="judul-tenggat-ksdd"') :]
    assert "Terlambat / perlu tindakan" not in bagian
    assert bagian.index("<details>") < bagian.index("[P16-4]")
