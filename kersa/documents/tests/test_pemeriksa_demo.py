"""P11, P12 (P11-3, P12-5, P19-3): the demo follows the rules it shows (issue 13 item 3).

``manage.py muat_demo`` is run; every agreed KB and PKS of the demo is read by the
compliance checker against its KSDD record, its signing date included: no part is a
placeholder, the komparisi's day and date are the recorded signing date, the parties and
the duration are the record's. The issue's demo KB said "Senin, tanggal dua bulan Februari
2026" while signed on 14 November 2026."""

import pytest
from django.core.management import call_command

from kersa.agreements.models import Naskah
from kersa.documents import pemeriksa

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_p11_p12_demo_agreed_kb_and_pks_agree_with_the_record(acuan):
    call_command("muat_demo", verbosity=0)
    naskah = list(Naskah.objects.select_related("ksdd", "berkas_rancangan").order_by("pk"))
    assert {n.jenis for n in naskah} == {"kb", "pks"}
    ditandatangani = 0
    for n in naskah:
        with n.berkas_rancangan.file.open("rb") as f:
            laporan = pemeriksa.periksa_naskah(data=f.read(), jenis=n.jenis, ksdd=n.ksdd)
        label = f"{n.ksdd.nomor_register} {n.jenis}"
        assert laporan.lulus, (label, [p.detail for p in laporan.pelanggaran])
        hasil = {d.kode: d for d in laporan.data}
        assert hasil["isian"].lulus and hasil["pihak"].lulus, label
        assert hasil["jangka_waktu"].lulus and hasil["tanggal"].lulus, label
        if n.tanggal_ditandatangani:
            ditandatangani += 1
            assert hasil["komparisi_tanggal"].lulus is True, (label, hasil["komparisi_tanggal"])
            assert laporan.tanggal_komparisi == n.tanggal_ditandatangani, label
    assert ditandatangani >= 3
