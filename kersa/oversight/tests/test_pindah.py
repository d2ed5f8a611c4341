"""Monitoring, disputes and memberships move through ``core.status.pindah`` (issue 17
item 4): the allowed move writes its row with its rule, any other is refused naming the
Pasal against what the database holds, and nothing is saved."""

import datetime as dt

import pytest

from kersa.core.errors import RuleViolation
from kersa.core.status import pindah
from kersa.oversight import services
from kersa.oversight.choices import JenisAsosiasi
from kersa.oversight.models import (
    KeanggotaanAsosiasi,
    MonitoringEvaluasi,
    Perselisihan,
    StatusKeanggotaan,
    StatusMonev,
    StatusPerselisihan,
)


def test_p28_a_finished_monitoring_is_not_reopened(berjalan, pemeran):
    m = services.monev_catat(
        perangkat_daerah=berjalan.perangkat_daerah,
        tahun=2026,
        semester=1,
        tanggal_pelaksanaan=dt.date(2026, 5, 12),
        ksdd=[berjalan],
        ringkasan="Layanan rujukan berjalan; pembayaran kompensasi tepat waktu.",
        user=pemeran.sekretariat,
    )
    basi = MonitoringEvaluasi.objects.get(pk=m.pk)
    services.monev_selesaikan(monev=m, user=pemeran.sekretariat, tanggal=dt.date(2026, 5, 20))
    assert [(r.dari, r.ke, r.rule) for r in m.riwayat.order_by("pk")] == [
        ("", StatusMonev.DICATAT, "P28"),
        (StatusMonev.DICATAT, StatusMonev.SELESAI, "P28"),
    ]
    with pytest.raises(RuleViolation) as e:
        pindah(basi, StatusMonev.SELESAI, oleh=pemeran.sekretariat)
    assert e.value.rule == "P28"
    assert e.value.detail == (
        "Monitoring dan evaluasi yang sudah selesai tidak dapat diselesaikan lagi (Pasal 28)."
    )
    assert m.riwayat.count() == 2


def test_p30_a_dispute_goes_back_to_nothing_once_settled_elsewhere(berjalan, pemeran):
    p = services.perselisihan_catat(
        ksdd=berjalan,
        tanggal_timbul=dt.date(2026, 5, 4),
        uraian="Mitra menghentikan pembayaran kompensasi rujukan semester I.",
        pihak=list(berjalan.mitra.all()),
        user=pemeran.operator,
    )
    r = p.riwayat.get()
    assert (r.dari, r.ke, r.rule) == ("", StatusPerselisihan.MUSYAWARAH, "P29-1")
    basi = Perselisihan.objects.get(pk=p.pk)
    Perselisihan.objects.filter(pk=p.pk).update(status=StatusPerselisihan.PERATURAN_LEBIH_TINGGI)
    with pytest.raises(RuleViolation) as e:
        pindah(basi, StatusPerselisihan.DIAJUKAN_PROVINSI, oleh=pemeran.sekretariat)
    assert e.value.rule == "P30"
    assert e.value.detail.startswith(
        'Perselisihan berstatus "sesuai peraturan perundang-undangan (Pasal 30 ayat 2)" '
        "tidak dapat diajukan kepada TKKSD Provinsi"
    )
    assert "(Pasal 30 ayat 1)" in e.value.detail
    assert p.riwayat.count() == 1


def test_p43_an_ended_membership_is_not_ended_again(pemeran):
    k = services.keanggotaan_tambah(
        user=pemeran.sekretariat,
        jenis=JenisAsosiasi.APKASI,
        nama="Asosiasi Pemerintah Kabupaten Seluruh Indonesia (APKASI)",
        mulai=dt.date(2019, 1, 1),
    )
    basi = KeanggotaanAsosiasi.objects.get(pk=k.pk)
    services.keanggotaan_akhiri(
        keanggotaan=k,
        user=pemeran.sekretariat,
        selesai=dt.date(2025, 12, 31),
        alasan="Keputusan Bupati Barito Selatan tentang berakhirnya keanggotaan APKASI.",
    )
    assert [(r.dari, r.ke, r.rule, r.tanggal) for r in k.riwayat.order_by("pk")] == [
        ("", StatusKeanggotaan.BERJALAN, "P43", dt.date(2019, 1, 1)),
        (StatusKeanggotaan.BERJALAN, StatusKeanggotaan.BERAKHIR, "P43", dt.date(2025, 12, 31)),
    ]
    basi.selesai = dt.date(2026, 1, 31)
    with pytest.raises(RuleViolation) as e:
        pindah(basi, StatusKeanggotaan.BERAKHIR, oleh=pemeran.sekretariat, tanggal=basi.selesai)
    assert e.value.rule == "P43"
    assert e.value.detail == "Keanggotaan yang sudah berakhir tidak dapat diakhiri lagi (Pasal 43)."
    assert KeanggotaanAsosiasi.objects.get(pk=k.pk).selesai == dt.date(2025, 12, 31)
    assert k.riwayat.count() == 2
