"""P17-4: a partner's second request on an offer in the year's plan gets 15 calendar
days (the mirror of P16-6); missed, it opens the task of the Bupati's answer, as P18-2
does outside the plan. Driven through the real daily scan (``pindai_tenggat
--antrekan``) and the database worker (``db_worker --batch``).

Kapuas's offer in the plan, received Monday 2 March 2026 (first clock due Wednesday
1 April 2026, a reminder only); its second request received Monday 6 April 2026, due
Tuesday 21 April 2026. The scan of Wednesday 22 April at 00:05 marks it missed, as of
22 April, and opens one task; a second scan opens no other; recording the Bupati's
answer closes it.
"""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from kersa.agreements import services
from kersa.deadlines.choices import Akibat, StatusTenggat
from kersa.deadlines.models import Tenggat, Tugas

from .test_skenario_penawaran_mitra import (
    BATAS_KEDUA_DALAM,
    BATAS_P17_4,
    DB_TASKS,
    KAPUAS,
    KEDUA_DITERIMA,
    _catat_penawaran,
    _ksdd_kapuas,
    _pukul,
    _tanggapan,
    _telaah,
    _worker,
)


def _pindai(waktu, tanggal: dt.date) -> None:
    waktu.move_to(_pukul(tanggal, 0, 5))
    call_command("pindai_tenggat", "--antrekan", verbosity=0)
    _worker()


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_TASKS)
def test_p17_4_second_request_in_plan_missed_opens_the_bupati_task(acuan, pemeran):
    with time_machine.travel(_pukul(dt.date(2026, 3, 2)), tick=False) as waktu:
        ksdd = _ksdd_kapuas(pemeran, dalam_rencana=True)
        _catat_penawaran(ksdd, pemeran)
        ksdd.refresh_from_db()
        pertama = Tenggat.objects.get(ksdd=ksdd, rule="P17-4")
        assert (pertama.jatuh_tempo, pertama.akibat) == (BATAS_P17_4, Akibat.PENGINGAT)

        waktu.move_to(_pukul(KEDUA_DITERIMA))
        services.ksdd_catat_permintaan_kedua(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            mitra=KAPUAS,
            nomor="000.3/061/Pem-Kps/2026",
            tanggal_surat=dt.date(2026, 4, 3),
            tanggal_diterima=KEDUA_DITERIMA,
        )
        ksdd.refresh_from_db()
        kedua = Tenggat.objects.get(ksdd=ksdd, kunci__contains="P17-4:kedua:")
        assert (kedua.jatuh_tempo, kedua.akibat) == (BATAS_KEDUA_DALAM, Akibat.BUKA_TUGAS)

        # The last day (21 April) is still the Bupati's: nothing opens at its 00:05 scan.
        _pindai(waktu, BATAS_KEDUA_DALAM)
        kedua.refresh_from_db()
        assert kedua.status == StatusTenggat.BERJALAN and not Tugas.objects.exists()
        pertama.refresh_from_db()
        assert pertama.status == StatusTenggat.TERLEWAT  # the first 30 days only remind

        _pindai(waktu, BATAS_KEDUA_DALAM + dt.timedelta(days=1))
        kedua.refresh_from_db()
        assert (kedua.status, kedua.selesai_pada) == (StatusTenggat.TERLEWAT, dt.date(2026, 4, 22))
        tugas = Tugas.objects.get()
        assert (tugas.rule, tugas.aksi, tugas.tenggat, tugas.ksdd) == (
            "P17-4",
            "catat_tanggapan",
            kedua,
            ksdd,
        )
        assert tugas.judul == (
            "Siapkan tanggapan Bupati atas permintaan tanggapan kedua "
            "(Pasal 17 ayat 4 jo. Pasal 16 ayat 6)"
        )
        assert tugas.status == Tugas.Status.TERBUKA

        # Idempotent: the next day's scan opens no second task.
        _pindai(waktu, dt.date(2026, 4, 23))
        assert Tugas.objects.count() == 1

        # The Bupati's answer, once TKKSD has reviewed the partner's KAK, closes it.
        waktu.move_to(_pukul(dt.date(2026, 4, 23), 9))
        _telaah(ksdd, pemeran, dt.date(2026, 4, 23))
        ksdd.refresh_from_db()
        _tanggapan(ksdd, pemeran, dt.date(2026, 4, 23))
        tugas.refresh_from_db()
        assert tugas.status == Tugas.Status.SELESAI
        assert tugas.selesai_oleh.aksi == "catat_tanggapan"
