"""A meeting's status moves through ``core.status.pindah`` (issue 17 item 4): the
allowed move writes its history row with its rule; a move the table does not list is
refused naming the Pasal, against the status the database holds, and nothing is saved."""

import pytest
from django.urls import reverse

from kersa.core.errors import RuleViolation
from kersa.core.status import pindah
from kersa.governance.choices import StatusRapat
from kersa.governance.models import Rapat, RiwayatRapat
from kersa.governance.services import rapat_batalkan


def test_p36_cancelling_writes_the_row_with_its_rule(pleno, pemeran):
    basi = Rapat.objects.get(pk=pleno.pk)  # loaded before the cancellation
    rapat_batalkan(rapat=pleno, user=pemeran.sekretariat, alasan="Ketua TKKSD dinas luar daerah.")
    r = pleno.riwayat.order_by("pk").last()
    assert (r.dari, r.ke, r.rule, r.oleh) == (
        StatusRapat.TERJADWAL,
        StatusRapat.BATAL,
        "P36",
        pemeran.sekretariat,
    )
    assert r.pada is not None
    assert [x.rule for x in pleno.riwayat.order_by("pk")] == ["P37-1", "P36"]

    # A stale copy still says "terjadwal": the lock reads the database, which says batal.
    with pytest.raises(RuleViolation) as e:
        pindah(basi, StatusRapat.SELESAI, oleh=pemeran.sekretariat)
    assert e.value.rule == "P39"
    assert e.value.detail == (
        "Rapat yang sudah dibatalkan tidak dapat dicatat hasilnya (Pasal 39)."
    )
    with pytest.raises(RuleViolation) as e:
        pindah(basi, StatusRapat.BATAL, oleh=pemeran.sekretariat)
    assert e.value.detail == "Rapat yang sudah dibatalkan tidak dapat dibatalkan (Pasal 36)."
    assert RiwayatRapat.objects.filter(rapat=pleno).count() == 2
    assert Rapat.objects.get(pk=pleno.pk).status == StatusRapat.BATAL


def test_p36_cancelling_twice_through_the_web_is_refused(client, pleno, pemeran):
    rapat_batalkan(rapat=pleno, user=pemeran.sekretariat, alasan="Ditunda.")
    client.force_login(pemeran.sekretariat)
    r = client.post(reverse("tkksd:rapat_batal", args=[pleno.pk]), {"alasan": "Sekali lagi."})
    assert r.status_code == 422
    assert RiwayatRapat.objects.filter(rapat=pleno).count() == 2
