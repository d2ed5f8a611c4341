"""No duplicate meeting from a double click (issue 19): fifty identical POSTs made fifty
meetings. The service refuses a second meeting of the same kind at the same date and
time (P36), the web form and the API alike, and the database holds the same line
(constraints ``rapat_satu_jadwal_berjam`` / ``rapat_satu_jadwal_tanpa_jam``); an
identical agenda item is refused too (P34-2)."""

import datetime as dt
import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from rest_framework.test import APIClient

from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ksdd_baru
from kersa.governance.choices import JenisRapat, StatusRapat
from kersa.governance.models import AgendaRapat, Kehadiran, Rapat, RiwayatRapat
from kersa.governance.services import agenda_tambah, rapat_batalkan, rapat_jadwalkan

pytestmark = pytest.mark.django_db

BUNTOK = "Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok"
PESAN = "Rapat Pleno pada Selasa, 10 Maret 2026 pukul 09.00 sudah dijadwalkan di " + BUNTOK


def _jadwalkan(pemeran, **kw):
    data = {
        "jenis": JenisRapat.PLENO,
        "tanggal": dt.date(2026, 3, 10),
        "waktu_mulai": dt.time(9, 0),
        "tempat": BUNTOK,
        "user": pemeran.sekretariat,
    }
    data.update(kw)
    return rapat_jadwalkan(**data)


def _jumlah():
    return Rapat.objects.count(), Kehadiran.objects.count(), RiwayatRapat.objects.count()


def test_p36_the_same_meeting_twice_is_refused_by_the_service(tkksd, pemeran):
    pertama = _jadwalkan(pemeran)
    sebelum = _jumlah()
    with pytest.raises(RuleViolation) as e:
        _jadwalkan(pemeran, tempat="Ruang Rapat Bagian Pemerintahan")
    assert e.value.rule == "P36"
    assert PESAN in e.value.detail and "tidak dijadwalkan dua kali" in e.value.detail
    assert "(Pasal 36)" in e.value.detail
    assert e.value.pelanggaran[0].field == "tanggal"
    assert _jumlah() == sebelum  # nothing half-saved
    # Another time, another kind, or after the first is cancelled: a meeting of its own.
    _jadwalkan(pemeran, waktu_mulai=dt.time(13, 30))
    _jadwalkan(pemeran, jenis=JenisRapat.TEKNIS)
    rapat_batalkan(rapat=pertama, user=pemeran.sekretariat, alasan="Bupati berhalangan.")
    kedua = _jadwalkan(pemeran)
    assert kedua.status == StatusRapat.TERJADWAL


def test_p36_the_same_meeting_without_a_time_is_refused_too(tkksd, pemeran):
    _jadwalkan(pemeran, waktu_mulai=None)
    with pytest.raises(RuleViolation) as e:
        _jadwalkan(pemeran, waktu_mulai=None)
    assert "Rapat Pleno pada Selasa, 10 Maret 2026 sudah dijadwalkan" in e.value.detail
    _jadwalkan(pemeran)  # the same day at 09.00 is told apart from "no time given"


def test_p36_database_holds_one_scheduled_meeting_per_kind_date_and_time(tkksd, pemeran):
    """Past the service (a parallel request that checked before the first committed)."""
    r = _jadwalkan(pemeran)
    for waktu in (dt.time(9, 0), None):
        if waktu is None:
            _jadwalkan(pemeran, waktu_mulai=None)
        with pytest.raises(IntegrityError), transaction.atomic():
            Rapat.objects.create(
                jenis=r.jenis,
                keputusan=r.keputusan,
                tanggal=r.tanggal,
                waktu_mulai=waktu,
                tempat="Tempat lain",
            )
    # A cancelled copy does not count.
    Rapat.objects.create(
        jenis=r.jenis,
        keputusan=r.keputusan,
        tanggal=r.tanggal,
        waktu_mulai=r.waktu_mulai,
        tempat=BUNTOK,
        status=StatusRapat.BATAL,
    )


def test_p36_web_form_double_submit_shows_the_refusal_and_keeps_one_meeting(client, tkksd, pemeran):
    client.force_login(pemeran.sekretariat)
    data = {"jenis": "pleno", "tanggal": "2026-03-10", "waktu_mulai": "09:00", "tempat": BUNTOK}
    assert client.post(reverse("tkksd:rapat_buat"), data).status_code == 302
    r = client.post(reverse("tkksd:rapat_buat"), data)
    assert r.status_code == 200
    isi = r.content.decode()
    assert "[P36]" in isi and "sudah dijadwalkan" in isi and "tidak dijadwalkan dua kali" in isi
    assert Rapat.objects.count() == 1


def test_p36_api_identical_posts_give_one_meeting_and_422(tkksd, pemeran):
    c = APIClient()
    c.force_login(pemeran.sekretariat)
    data = {"jenis": "pleno", "tanggal": "2026-03-10", "waktu_mulai": "09:00", "tempat": BUNTOK}
    kode = [c.post(reverse("api:rapat-list"), data, format="json").status_code for _ in range(5)]
    assert kode == [201, 422, 422, 422, 422]
    r = c.post(reverse("api:rapat-list"), data, format="json")
    assert r.json()["rule"] == "P36"
    assert PESAN in r.json()["detail"]
    assert Rapat.objects.count() == 1


def test_p34_2_the_same_agenda_item_twice_is_refused(tkksd, pemeran):
    rapat = _jadwalkan(pemeran)
    ksdd = ksdd_baru(pemeran)
    agenda_tambah(rapat=rapat, judul="Pembahasan KAK", user=pemeran.sekretariat, ksdd=ksdd)
    with pytest.raises(RuleViolation) as e:
        agenda_tambah(rapat=rapat, judul=" pembahasan KAK ", user=pemeran.sekretariat, ksdd=ksdd)
    assert e.value.rule == "P34-2"
    assert 'Agenda "pembahasan KAK" sudah ada dalam rapat ini' in e.value.detail
    assert AgendaRapat.objects.count() == 1
    # The same title on another KSDD, or without one, is another item.
    agenda_tambah(rapat=rapat, judul="Pembahasan KAK", user=pemeran.sekretariat)
    assert AgendaRapat.objects.count() == 2


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: parallel writers (SQLite serialises whole-database writes)",
)
@pytest.mark.django_db(transaction=True)
def test_p36_ten_parallel_identical_requests_schedule_exactly_one_meeting(tkksd, pemeran):
    n = 10
    barrier = threading.Barrier(n, timeout=30)
    hasil: list = [None] * n

    def jalan(i):
        try:
            barrier.wait()
            hasil[i] = _jadwalkan(pemeran).pk
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            hasil[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=jalan, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    menang = [h for h in hasil if isinstance(h, int)]
    kalah = [h for h in hasil if not isinstance(h, int)]
    assert len(menang) == 1, hasil
    assert all(isinstance(h, RuleViolation) and h.rule == "P36" for h in kalah), kalah
    assert all(PESAN in h.detail for h in kalah)
    assert Rapat.objects.count() == 1
    assert RiwayatRapat.objects.count() == 1
    assert Kehadiran.objects.filter(rapat_id=menang[0]).count() == Kehadiran.objects.count()
