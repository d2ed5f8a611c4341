"""P29-1: a dispute "dalam penyelenggaraan KSDD" (Pasal 29 ayat 1) may be recorded in
every stage of Pasal 13 (a persiapan … h pelaksanaan; i penatausahaan and j pelaporan
run alongside pelaksanaan), and, after a KSDD has ended, on the obligations its signed
Kesepakatan Bersama or PKS leaves behind. Refused only for a dispute arising after the
end of a KSDD that ended without any signed KB or PKS (nothing remains to dispute).
Through the service, the page and the API."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction
from django.urls import reverse
from rest_framework.test import APIClient

from kersa.agreements.choices import TAHAP_STATUS, Status, Tahap
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import JALAN_UTAMA, akhiri, batalkan, ke_status, ksdd_baru
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.oversight import services
from kersa.oversight.models import Perselisihan, StatusPerselisihan

WIB = ZoneInfo("Asia/Jakarta")
HARI = dt.date(2026, 5, 20)  # Wednesday: the day the KSDD are walked and ended


def _pukul(tanggal: dt.date) -> dt.datetime:
    return dt.datetime.combine(tanggal, dt.time(9, 0), tzinfo=WIB)


@pytest.fixture
def waktu():
    with time_machine.travel(_pukul(HARI), tick=False) as t:
        yield t


def _catat(k, pemeran, tanggal: dt.date, uraian: str = "Barito Timur menarik diri sepihak."):
    return services.perselisihan_catat(
        ksdd=k,
        tanggal_timbul=tanggal,
        uraian=uraian,
        pihak=list(k.mitra.all()),
        user=pemeran.operator,
    )


def _pesan_berakhir(k, status: str, akhir: dt.date, timbul: dt.date) -> str:
    return (
        f"KSDD {k.nomor_register} berakhir ({status}) pada {akhir:%d-%m-%Y} tanpa Kesepakatan "
        "Bersama atau PKS yang ditandatangani, sehingga tidak ada kewajiban yang tersisa; "
        f"perselisihan yang timbul sesudahnya ({timbul:%d-%m-%Y}) bukan perselisihan dalam "
        "penyelenggaraan KSDD (Pasal 29 ayat 1)."
    )


def test_p29_1_dispute_recorded_in_every_stage_a_to_h(waktu, ksdd, pemeran):
    penomoran_muat_default()
    per_tahap = {}
    for _ in range(20):
        ksdd.refresh_from_db()
        p = _catat(ksdd, pemeran, HARI, uraian=f"Perselisihan pada status {ksdd.status}.")
        per_tahap.setdefault(TAHAP_STATUS[ksdd.status], []).append(p)
        if ksdd.status == Status.PELAKSANAAN:
            break
        with transaction.atomic():
            JALAN_UTAMA[ksdd.status](ksdd, pemeran)
    assert set(per_tahap) >= {
        Tahap.PERSIAPAN,
        Tahap.PENAWARAN,
        Tahap.PENYUSUNAN_KB,
        Tahap.PENANDATANGANAN_KB,
        Tahap.PENYUSUNAN_PKS,
        Tahap.PENANDATANGANAN_PKS,
        Tahap.PELAKSANAAN,
    }
    semua = [p for ps in per_tahap.values() for p in ps]
    assert all(p.status == StatusPerselisihan.MUSYAWARAH for p in semua)
    assert [p.riwayat.get().rule for p in semua] == ["P29-1"] * len(semua)


def test_p29_1_obligations_outlive_the_end_of_a_ksdd(waktu, ksdd, pemeran):
    penomoran_muat_default()
    k = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    akhiri(k, pemeran)
    k.refresh_from_db()
    assert k.status == Status.DIAKHIRI
    waktu.move_to(_pukul(dt.date(2026, 8, 3)))
    p = _catat(k, pemeran, dt.date(2026, 7, 30), "Barito Timur belum menyerahkan aset ambulans.")
    assert p.status == StatusPerselisihan.MUSYAWARAH and p.tanggal_timbul == dt.date(2026, 7, 30)


def test_p29_1_cancelled_after_the_kb_was_signed_keeps_its_obligations(waktu, ksdd, pemeran):
    penomoran_muat_default()
    k = ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)
    batalkan(k, pemeran)
    waktu.move_to(_pukul(dt.date(2026, 6, 10)))
    k.refresh_from_db()
    assert k.status == Status.DIBATALKAN
    assert _catat(k, pemeran, dt.date(2026, 6, 5)).status == StatusPerselisihan.MUSYAWARAH


def test_p29_1_cancelled_without_a_signed_naskah_refused_after_its_end(waktu, ksdd, pemeran):
    k = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    batalkan(k, pemeran)
    waktu.move_to(_pukul(dt.date(2026, 6, 10)))
    k.refresh_from_db()
    with pytest.raises(RuleViolation) as e:
        _catat(k, pemeran, dt.date(2026, 6, 5))
    assert e.value.rule == "P29-1"
    assert e.value.pelanggaran[0].field == "tanggal_timbul"
    assert e.value.detail == _pesan_berakhir(k, "dibatalkan", HARI, dt.date(2026, 6, 5))
    assert not Perselisihan.objects.exists()
    # One that arose while it was still in penawaran may be recorded afterwards.
    assert _catat(k, pemeran, dt.date(2026, 5, 18)).status == StatusPerselisihan.MUSYAWARAH


def test_p29_1_page_offers_every_stage_and_shows_the_refusal(waktu, ksdd, pemeran, client):
    penomoran_muat_default()
    kb = ke_status(ksdd, Status.PENYUSUNAN_KB, pemeran)
    client.force_login(pemeran.operator)
    url = reverse("pembinaan:perselisihan_catat")
    data = {
        "ksdd": kb.pk,
        "tanggal_timbul": "2026-05-19",
        "uraian": "Barito Timur menolak lokasi rujukan yang telah disepakati.",
        "pihak": [w.pk for w in kb.mitra.all()],
    }
    r = client.post(url, data)
    p = Perselisihan.objects.get()
    assert r.status_code == 302 and p.ksdd == kb
    batalkan(kb, pemeran)
    kb.refresh_from_db()
    # Still in KB drafting, nothing signed: after the cancellation, nothing to dispute.
    waktu.move_to(_pukul(dt.date(2026, 6, 10)))
    client.force_login(pemeran.operator)  # the session of 20 May has expired
    r = client.post(url, {**data, "tanggal_timbul": "2026-06-05"})
    teks = r.content.decode()
    assert r.status_code == 200 and "[P29-1]" in teks
    assert _pesan_berakhir(kb, "dibatalkan", HARI, dt.date(2026, 6, 5)) in teks
    assert Perselisihan.objects.count() == 1


def test_p29_1_api_records_on_an_ended_ksdd_and_refuses_422(waktu, ksdd, pemeran):
    penomoran_muat_default()
    k = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
    akhiri(k, pemeran)
    batal = ksdd_baru(pemeran)
    batalkan(batal, pemeran)  # in persiapan, nothing signed
    batal.refresh_from_db()
    waktu.move_to(_pukul(dt.date(2026, 8, 3)))
    api = APIClient()
    api.force_login(pemeran.operator)
    url = reverse("api:perselisihan-list")
    data = {
        "ksdd": k.pk,
        "tanggal_timbul": "2026-07-30",
        "uraian": "Kompensasi semester I belum dibayar setelah kerja sama berakhir.",
        "pihak": ["62.13"],
    }
    r = api.post(url, data, format="json")
    assert r.status_code == 201, r.json()
    assert r.json()["status"] == StatusPerselisihan.MUSYAWARAH
    r = api.post(url, {**data, "ksdd": batal.pk}, format="json")
    assert r.status_code == 422
    body = r.json()
    assert (body["rule"], body["pelanggaran"][0]["field"]) == ("P29-1", "tanggal_timbul")
    assert body["detail"] == _pesan_berakhir(batal, "dibatalkan", HARI, dt.date(2026, 7, 30))
    assert Perselisihan.objects.filter(ksdd=batal).count() == 0
