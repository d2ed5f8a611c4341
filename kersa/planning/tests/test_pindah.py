"""An identification's status moves through ``core.status.pindah`` (issue 17 item 4)."""

import datetime as dt

import pytest

from kersa.core.errors import RuleViolation
from kersa.core.status import pindah
from kersa.planning.choices import StatusIdentifikasi
from kersa.planning.models import Identifikasi, RiwayatIdentifikasi


def test_p7_5_a_list_in_drafting_cannot_be_reopened_nor_set_from_a_stale_copy(wajib_2026, pemeran):
    awal = wajib_2026.riwayat.get()
    assert (awal.dari, awal.ke, awal.rule) == ("", StatusIdentifikasi.PENYUSUNAN, "P7-2")
    with pytest.raises(RuleViolation) as e:
        pindah(wajib_2026, StatusIdentifikasi.PENYUSUNAN, oleh=pemeran.sekretariat)
    assert e.value.rule == "P7-5"
    assert e.value.detail == (
        "Daftar rencana yang masih dalam penyusunan tidak dapat dibuka kembali "
        "(Pasal 7 ayat 5, Pasal 8 ayat 4)."
    )
    # Set down elsewhere meanwhile: a copy loaded before cannot set it again.
    basi = Identifikasi.objects.get(pk=wajib_2026.pk)
    Identifikasi.objects.filter(pk=wajib_2026.pk).update(
        status=StatusIdentifikasi.DITETAPKAN,
        nomor_berita_acara="050/12/BA/Bappeda/2025",
        tanggal_berita_acara=dt.date(2025, 3, 28),
    )
    with pytest.raises(RuleViolation) as e:
        pindah(basi, StatusIdentifikasi.DITETAPKAN, oleh=pemeran.sekretariat)
    assert "tidak dapat ditetapkan lagi" in e.value.detail and "Pasal 7 ayat 5" in e.value.detail
    assert RiwayatIdentifikasi.objects.filter(identifikasi=wajib_2026).count() == 1
