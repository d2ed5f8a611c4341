"""Each person's work on their home page (issue 13 item 4): ``pekerjaan_saya`` for the
Bupati, the Ketua TKKSD, DPRD and an agency's operator, late first then by due date;
the clocks that fall on them with the days left (P17-4, P22-3, P27-1), the plenos the
Ketua chairs (Pasal 37) and the recommendations a partner's offer waits for (P18-3)."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from kersa.agreements.choices import Pemrakarsa, Status
from kersa.beranda.kotak import pekerjaan_saya
from kersa.deadlines.models import Tenggat
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.regions.models import Wilayah

pytestmark = pytest.mark.django_db

HOME = reverse("beranda:home")
WIB = ZoneInfo("Asia/Jakarta")
# Monday 2 March 2026, 09:00 WIB.
SENIN = dt.datetime(2026, 3, 2, 9, 0, tzinfo=WIB)


def _teks(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _bagian_saya(html: str) -> str:
    """The "Menunggu tindakan Anda" section of the home page, as text."""
    awal = html.index('id="judul-menunggu"')
    return _teks(html[awal : html.index("</section>", awal)])


def _mitra(pemeran, **ubah):
    return ksdd_baru(
        pemeran,
        pemrakarsa=Pemrakarsa.MITRA,
        pemrakarsa_mitra=Wilayah.objects.get(kode="62.13"),
        **ubah,
    )


def test_bupati_sees_the_signature_and_the_partners_offer_with_days_left(client, pemeran, ksdd):
    with time_machine.travel(SENIN, tick=False):
        ksdd = ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
        mitra = ke_status(
            _mitra(pemeran, judul="Penawaran Kabupaten Barito Timur"),
            Status.MENUNGGU_TANGGAPAN,
            pemeran,
        )
        p174 = Tenggat.objects.get(ksdd=mitra, rule="P17-4")
        client.force_login(pemeran.bupati)
        teks = _bagian_saya(client.get(HOME).content.decode())
    assert ksdd.nomor_register in teks
    assert mitra.nomor_register in teks and "Penawaran Kabupaten Barito Timur" in teks
    # The offer came in weeks before (the scenario dates it in the past): P17-4 is late.
    assert "[P17-4]" in teks and "terlambat" in teks and "hari kalender" in teks
    from kersa.core.format import tanggal_panjang

    assert f"jatuh tempo {tanggal_panjang(p174.jatuh_tempo)}" in teks


def test_bupati_does_not_see_a_partners_answer_to_our_own_offer(pemeran, ksdd):
    """Pasal 16: the partner's answer to an offer of ours is the secretariat's record."""
    with time_machine.travel(SENIN, tick=False):
        ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
        hasil = pekerjaan_saya(pemeran.bupati, dt.date(2026, 3, 2))
    assert ksdd.pk not in [p.ksdd.pk for p in hasil if p.ksdd]


def test_ketua_sees_the_pleno_to_chair_and_the_recommendation_to_sign(client, pemeran):
    from kersa.demo.tkksd import tkksd_demo
    from kersa.documents.services.penomoran import penomoran_muat_default
    from kersa.governance.choices import JenisRapat
    from kersa.governance.services import rapat_jadwalkan

    with time_machine.travel(SENIN, tick=False):
        penomoran_muat_default()
        tkksd_demo(pemeran.sekretariat)
        rapat_jadwalkan(
            jenis=JenisRapat.PLENO,
            tanggal=dt.date(2026, 3, 10),
            waktu_mulai=dt.time(9, 0),
            tempat="Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok",
            user=pemeran.sekretariat,
        )
        mitra = ke_status(_mitra(pemeran), Status.MENUNGGU_TANGGAPAN, pemeran)
        client.force_login(pemeran.ketua)
        teks = _bagian_saya(client.get(HOME).content.decode())
    assert "Pimpin Rapat Pleno TKKSD di Aula Sekretariat Daerah Kabupaten Barito Selatan" in teks
    assert "Selasa, 10 Maret 2026 · Pasal 37" in teks
    assert mitra.nomor_register in teks and "Catat rekomendasi Rapat Pleno" in teks


def test_dprd_sees_the_ksdd_waiting_for_its_approval_with_p22_3_days_left(client, pemeran, ksdd):
    with time_machine.travel(SENIN, tick=False):
        ksdd = ke_status(
            ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran
        )
        client.force_login(pemeran.dprd)
        teks = _bagian_saya(client.get(HOME).content.decode())
    assert ksdd.nomor_register in teks
    assert "[P22-3]" in teks and "[P22-1b]" in teks and "hari kerja lagi" in teks


def test_operator_sees_the_semester_report_due_of_the_agency(client, pemeran, ksdd):
    with time_machine.travel(SENIN, tick=False):
        ksdd = ke_status(ksdd, Status.PELAKSANAAN, pemeran)
        assert Tenggat.objects.filter(ksdd=ksdd, rule="P27-1", status="berjalan").exists()
        client.force_login(pemeran.operator)
        teks = _bagian_saya(client.get(HOME).content.decode())
        client.force_login(pemeran.operator_lain)
        lain = _bagian_saya(client.get(HOME).content.decode())
    assert ksdd.nomor_register in teks and "[P27-1]" in teks
    assert ksdd.nomor_register not in lain  # another agency's report


def test_operator_sees_the_own_ksdd_steps(client, pemeran, ksdd):
    client.force_login(pemeran.operator)
    teks = _bagian_saya(client.get(HOME).content.decode())
    assert ksdd.nomor_register in teks and "Ajukan KAK kepada TKKSD" in teks


def test_late_first_then_by_due_date(pemeran, ksdd):
    with time_machine.travel(SENIN, tick=False) as waktu:
        ksdd = ke_status(
            ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran
        )
        kedua = ke_status(
            ksdd_baru(pemeran, judul="KSDD kedua", membebani_masyarakat=True),
            Status.MENUNGGU_DPRD,
            pemeran,
        )
        p223 = Tenggat.objects.get(ksdd=ksdd, rule="P22-3")
        Tenggat.objects.filter(pk=p223.pk).update(jatuh_tempo=dt.date(2026, 2, 27))
        waktu.move_to(dt.datetime(2026, 3, 3, 9, 0, tzinfo=WIB))
        hasil = pekerjaan_saya(pemeran.dprd, dt.date(2026, 3, 3))
    assert [p.ksdd.pk for p in hasil][:2] == [ksdd.pk, kedua.pk]
    assert hasil[0].terlambat and not hasil[1].terlambat


def test_query_count_is_bounded(pemeran, django_assert_max_num_queries):
    with time_machine.travel(SENIN, tick=False):
        for i in range(4):
            ke_status(_mitra(pemeran, judul=f"Penawaran {i}"), Status.MENUNGGU_TANGGAPAN, pemeran)
        for user in (pemeran.bupati, pemeran.ketua, pemeran.dprd, pemeran.operator):
            user = type(user).objects.get(pk=user.pk)  # fresh: roles and permissions unread
            with django_assert_max_num_queries(9):
                pekerjaan_saya(user, dt.date(2026, 3, 2))


def test_home_page_queries_do_not_grow_with_the_work(
    client, pemeran, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with time_machine.travel(SENIN, tick=False):
        ke_status(_mitra(pemeran, judul="Penawaran awal"), Status.MENUNGGU_TANGGAPAN, pemeran)
        hitung = {}
        for user in (pemeran.bupati, pemeran.ketua):
            client.force_login(user)
            with CaptureQueriesContext(connection) as q:
                assert client.get(HOME).status_code == 200
            hitung[user.pk] = len(q)
        for i in range(3):
            ke_status(_mitra(pemeran, judul=f"Penawaran {i}"), Status.MENUNGGU_TANGGAPAN, pemeran)
        for user in (pemeran.bupati, pemeran.ketua):
            client.force_login(user)
            with django_assert_max_num_queries(hitung[user.pk]):
                html = client.get(HOME).content.decode()
            assert "Penawaran 2" in _bagian_saya(html)


def test_p16_5_bupati_finds_the_second_request_first_and_not_the_ketua(client, pemeran, ksdd):
    """P16-5: the partner let 30 days pass; the task the scan opens is the Bupati's (through
    the secretariat): first on his list, late, since the day it was opened. The Ketua's
    home page does not carry the secretariat's task list."""
    from kersa.deadlines.pekerja import tenggat_pindai

    with time_machine.travel(SENIN, tick=False) as waktu:
        ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
        ke_status(
            ksdd_baru(pemeran, judul="Menunggu tanda tangan", membebani_masyarakat=False),
            Status.PENANDATANGANAN_KB,
            pemeran,
        )
        waktu.move_to(dt.datetime(2026, 3, 23, 9, 0, tzinfo=WIB))
        tenggat_pindai()
        hasil = pekerjaan_saya(pemeran.bupati, dt.date(2026, 3, 23))
        client.force_login(pemeran.bupati)
        teks = _bagian_saya(client.get(HOME).content.decode())
        client.force_login(pemeran.ketua)
        ketua = client.get(HOME).content.decode()
    assert hasil[0].ksdd.pk == ksdd.pk and hasil[0].terlambat
    assert hasil[0].langkah == ["Kirim permintaan tanggapan kedua (Pasal 16 ayat 5)"]
    assert not hasil[1].terlambat  # the KB to sign comes after
    assert (
        "tugas dibuka sejak Senin, 23 Maret 2026 — jatuh tempo" in teks
        and "yang bertindak: Bupati, melalui Sekretariat TKKSD" in teks
    )
    assert "Tugas dari tenggat yang terlewat" not in ketua
    assert "Kirim permintaan tanggapan kedua" not in _bagian_saya(ketua)


def test_bupati_home_page_queries_do_not_grow_with_open_tasks(
    client, pemeran, django_assert_max_num_queries
):
    """P16-5: one open task or three cost the Bupati's home page the same queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kersa.deadlines.pekerja import tenggat_pindai

    with time_machine.travel(SENIN, tick=False) as waktu:
        ke_status(ksdd_baru(pemeran, judul="Tawaran 0"), Status.MENUNGGU_TANGGAPAN, pemeran)
        waktu.move_to(dt.datetime(2026, 3, 23, 9, 0, tzinfo=WIB))
        tenggat_pindai()
        client.force_login(pemeran.bupati)
        with CaptureQueriesContext(connection) as q:
            assert client.get(HOME).status_code == 200
        for i in (1, 2):
            waktu.move_to(SENIN)
            ke_status(ksdd_baru(pemeran, judul=f"Tawaran {i}"), Status.MENUNGGU_TANGGAPAN, pemeran)
        waktu.move_to(dt.datetime(2026, 3, 23, 9, 0, tzinfo=WIB))
        tenggat_pindai()
        with django_assert_max_num_queries(len(q)):
            html = client.get(HOME).content.decode()
    assert _bagian_saya(html).count("Langkah Anda: Kirim permintaan tanggapan kedua") == 3
