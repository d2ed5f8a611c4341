"""P19-3: a KB's life. "Jangka waktu Kesepakatan Bersama KSDD paling lama 5 (lima) tahun
dan dapat diperpanjang sesuai kesepakatan para pihak" (Pasal 19 ayat 3).

The KSDD of Dinas Kesehatan with Barito Timur (62.13) is walked on Wednesday 20 May 2026:
its KB runs from Thursday 30 April 2026 to Sunday 29 April 2029 (3 years), signed on
Saturday 2 May 2026, so its P19-3 clock is due 29 April 2029. An extension agreed on
20 May 2026 may run at most 5 years from 30 April 2029: to Saturday 29 April 2034.

- the extension is a record (letter, date, end before and after, scan), through the
  service, the KSDD page and the API; the KB's end and its P19-3 clock follow it, with a
  history row on the clock;
- a PKS that runs past its KB (or is signed after it expired) is warned: refused
  naming the Pasal without a reason, signed with one (kept and shown);
- a KB signed 90 days ago without a PKS is reminded of once by the daily scan
  (``pekerja.pindai_harian``), to the agency's operators and the secretariat.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from kersa.agreements import rules, services
from kersa.agreements.choices import JenisNaskah, Status
from kersa.agreements.models import Naskah, PerpanjanganKb, RiwayatTahap
from kersa.core.errors import RuleViolation
from kersa.deadlines import pekerja
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.models import Tenggat
from kersa.demo.skenario import (
    _penandatangan,
    _ttd_pks,
    ke_status,
    tanggal_ttd_pks,
)
from kersa.documents.contoh import unggahan_naskah, unggahan_pdf
from kersa.documents.models import Berkas
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.notifications.models import Notifikasi, PengingatKsdd

WIB = ZoneInfo("Asia/Jakarta")
HARI = dt.date(2026, 5, 20)
KB_MULAI = dt.date(2026, 4, 30)
KB_BERAKHIR = dt.date(2029, 4, 29)
KB_TTD = dt.date(2026, 5, 2)
BATAS_PERPANJANGAN = dt.date(2034, 4, 29)
NOMOR = "100.3.6/08.A/Pem/2026"


@pytest.fixture
def waktu():
    with time_machine.travel(dt.datetime(2026, 5, 20, 9, 0, tzinfo=WIB), tick=False) as t:
        yield t


@pytest.fixture
def kb_ditandatangani(waktu, ksdd, pemeran):
    penomoran_muat_default()
    k = ke_status(ksdd, Status.PENYUSUNAN_PKS, pemeran)
    kb = k.naskah.get(jenis=JenisNaskah.KB)
    assert (kb.tanggal_mulai, kb.tanggal_berakhir, kb.tanggal_ditandatangani) == (
        KB_MULAI,
        KB_BERAKHIR,
        KB_TTD,
    )
    return k


def _perpanjang(k, pemeran, **ubah):
    return services.ksdd_perpanjang_kb(
        **{
            "ksdd": k,
            "user": pemeran.sekretariat,
            "nomor": NOMOR,
            "tanggal_kesepakatan": HARI,
            "tanggal_berakhir": BATAS_PERPANJANGAN,
            "naskah": unggahan_pdf("perpanjangan-kb.pdf", "Kesepakatan perpanjangan KB"),
            **ubah,
        }
    )


def _jam(k) -> Tenggat:
    return Tenggat.objects.get(ksdd=k, rule="P19-3")


# --- the extension: service -----------------------------------------------------------


def test_p19_3_extension_recorded_and_the_clock_follows_the_new_end(kb_ditandatangani, pemeran):
    k = kb_ditandatangani
    jam = _jam(k)
    assert jam.jatuh_tempo == KB_BERAKHIR
    _perpanjang(k, pemeran)
    k.refresh_from_db()
    assert k.status == Status.PENYUSUNAN_PKS  # the KSDD stays where it is
    kb = k.naskah.get(jenis=JenisNaskah.KB)
    assert kb.tanggal_berakhir == BATAS_PERPANJANGAN
    p = PerpanjanganKb.objects.get()
    assert (p.naskah, p.nomor, p.tanggal_kesepakatan) == (kb, NOMOR, HARI)
    assert (p.berakhir_sebelumnya, p.berakhir_baru) == (KB_BERAKHIR, BATAS_PERPANJANGAN)
    assert p.berkas.jenis == "perpanjangan_kb"
    r = RiwayatTahap.objects.get(ksdd=k, aksi="perpanjang_kb")
    assert (r.aksi, r.dari, r.ke, r.rule) == (
        "perpanjang_kb",
        Status.PENYUSUNAN_PKS,
        Status.PENYUSUNAN_PKS,
        "P19-3",
    )
    assert r.alasan == (
        f"Kesepakatan Bersama diperpanjang dengan kesepakatan {NOMOR} tanggal 20-05-2026: "
        "berlaku sampai 29-04-2034 (sebelumnya 29-04-2029) (Pasal 19 ayat 3)."
    )
    jam.refresh_from_db()
    assert (jam.status, jam.jatuh_tempo, jam.panjang) == (
        StatusTenggat.BERJALAN,
        BATAS_PERPANJANGAN,
        95,  # 2 May 2026 to 29 April 2034: 7 years 11 months
    )
    baris = jam.riwayat.order_by("waktu", "id").last()
    assert (baris.dari, baris.ke, baris.riwayat_tahap) == (
        StatusTenggat.BERJALAN,
        StatusTenggat.BERJALAN,
        r,
    )
    assert baris.alasan.endswith("jatuh tempo 29-04-2029 menjadi 29-04-2034")


def test_p19_3_extension_of_more_than_5_years_refused_nothing_saved(kb_ditandatangani, pemeran):
    k = kb_ditandatangani
    berkas = Berkas.objects.count()
    with pytest.raises(RuleViolation) as e:
        _perpanjang(k, pemeran, tanggal_berakhir=BATAS_PERPANJANGAN + dt.timedelta(days=1))
    assert [(p.rule, p.field, p.detail) for p in e.value.pelanggaran] == [
        (
            "P19-3",
            "tanggal_berakhir",
            "Setiap perpanjangan Kesepakatan Bersama paling lama 5 tahun (Pasal 19 ayat 3): "
            "diperpanjang mulai 30-04-2029, paling lambat berakhir 29-04-2034.",
        )
    ]
    assert not PerpanjanganKb.objects.exists() and Berkas.objects.count() == berkas
    assert k.naskah.get(jenis=JenisNaskah.KB).tanggal_berakhir == KB_BERAKHIR
    assert _jam(k).jatuh_tempo == KB_BERAKHIR
    assert not RiwayatTahap.objects.filter(ksdd=k, aksi="perpanjang_kb").exists()


def test_p19_3_extension_must_extend_be_agreed_while_the_kb_runs_and_have_its_scan(
    kb_ditandatangani, pemeran
):
    k = kb_ditandatangani
    with pytest.raises(RuleViolation) as e:
        _perpanjang(
            k,
            pemeran,
            tanggal_kesepakatan=dt.date(2026, 5, 1),  # before the KB was signed
            tanggal_berakhir=KB_BERAKHIR,
            naskah=None,
        )
    assert [(p.rule, p.field) for p in e.value.pelanggaran] == [
        ("P19-3", "tanggal_kesepakatan"),
        ("P19-3", "tanggal_berakhir"),
        ("P19-3", "naskah"),
    ]
    assert e.value.pelanggaran[0].detail == (
        "Perpanjangan disepakati selama Kesepakatan Bersama berlaku: setelah ditandatangani "
        "pada 02-05-2026 dan paling lambat pada hari berakhirnya, 29-04-2029 (Pasal 19 ayat 3)."
    )
    assert e.value.pelanggaran[1].detail == (
        "Perpanjangan harus berakhir setelah 29-04-2029, hari berakhirnya Kesepakatan Bersama "
        "saat ini (Pasal 19 ayat 3)."
    )
    assert not PerpanjanganKb.objects.exists()


def test_p19_3_second_extension_counts_from_the_first(kb_ditandatangani, pemeran):
    k = kb_ditandatangani
    _perpanjang(k, pemeran, tanggal_berakhir=dt.date(2030, 4, 29))
    k.refresh_from_db()
    with pytest.raises(RuleViolation) as e:
        _perpanjang(k, pemeran, nomor="B", tanggal_berakhir=dt.date(2035, 4, 30))
    assert "diperpanjang mulai 30-04-2030, paling lambat berakhir 29-04-2035" in e.value.detail
    _perpanjang(k, pemeran, nomor="B", tanggal_berakhir=dt.date(2035, 4, 29))
    assert list(PerpanjanganKb.objects.values_list("berakhir_sebelumnya", "berakhir_baru")) == [
        (KB_BERAKHIR, dt.date(2030, 4, 29)),
        (dt.date(2030, 4, 29), dt.date(2035, 4, 29)),
    ]
    assert _jam(k).jatuh_tempo == dt.date(2035, 4, 29)
    assert _jam(k).riwayat.count() == 3  # started, moved twice


# --- the extension: page and API --------------------------------------------------------


def test_p19_3_extension_through_the_ksdd_page(kb_ditandatangani, pemeran, client):
    k = kb_ditandatangani
    client.force_login(pemeran.sekretariat)
    detail = reverse("agreements:detail", args=[k.pk])
    html = client.get(detail).content.decode()
    url = reverse("agreements:langkah", args=[k.pk, "perpanjang_kb"])
    assert url in html and "Catat perpanjangan Kesepakatan Bersama" in html
    assert "Belum pernah diperpanjang." in html
    form = client.get(url).content.decode()
    assert "Kesepakatan Bersama kini berlaku sampai 29-04-2029" in form
    data = {
        "versi": k.versi,
        "nomor": NOMOR,
        "tanggal_kesepakatan": "2026-05-20",
        "tanggal_berakhir": "2034-04-30",
        "naskah": unggahan_pdf("perpanjangan-kb.pdf"),
    }
    r = client.post(url, data)
    assert r.status_code == 200
    assert "paling lambat berakhir 29-04-2034" in r.content.decode()
    assert not PerpanjanganKb.objects.exists()
    data |= {"tanggal_berakhir": "2034-04-29", "naskah": unggahan_pdf("perpanjangan-kb.pdf")}
    r = client.post(url, data)
    assert r.status_code == 302
    html = client.get(detail).content.decode()
    p = PerpanjanganKb.objects.get()
    assert f'id="perpanjangan-{p.pk}"' in html
    assert "29 April 2029" in html and "29 April 2034" in html
    assert reverse("documents:unduh", args=[p.berkas_id]) in html
    # The KSDD page keeps its budget with the extension on it.
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(detail).status_code == 200
    assert len(ctx.captured_queries) <= 30


def test_p19_3_extension_through_the_api(kb_ditandatangani, pemeran):
    k = kb_ditandatangani
    api = APIClient()
    api.force_login(pemeran.sekretariat)
    url = reverse("api:ksdd-perpanjang_kb", kwargs={"pk": k.pk})
    data = {
        "nomor": NOMOR,
        "tanggal_kesepakatan": "2026-05-20",
        "tanggal_berakhir": "2034-04-30",
        "naskah": unggahan_pdf("perpanjangan-kb.pdf"),
    }
    r = api.post(url, data, format="multipart")
    assert r.status_code == 422
    assert (r.json()["rule"], r.json()["pelanggaran"][0]["field"]) == ("P19-3", "tanggal_berakhir")
    r = api.post(
        url,
        {**data, "tanggal_berakhir": "2034-04-29", "naskah": unggahan_pdf("perpanjangan-kb.pdf")},
        format="multipart",
    )
    assert r.status_code == 200, r.json()
    kb = next(n for n in r.json()["naskah"] if n["jenis"] == "kb")
    assert kb["tanggal_berakhir"] == "2034-04-29"
    assert [
        (p["nomor"], p["berakhir_sebelumnya"], p["berakhir_baru"]) for p in kb["perpanjangan"]
    ] == [(NOMOR, "2029-04-29", "2034-04-29")]
    assert any(t["nama"] == "perpanjang_kb" for t in r.json()["transisi"])
    got = api.get(reverse("api:ksdd-detail", kwargs={"pk": k.pk})).json()
    assert next(n for n in got["naskah"] if n["jenis"] == "kb")["perpanjangan"][0]["berkas"]
    # The operator of the agency may read, not record it (the heads of region agree).
    api.force_login(pemeran.operator)
    assert api.post(url, data, format="multipart").status_code == 403


# --- a PKS past its KB ------------------------------------------------------------------


def _pks_sampai(k, pemeran, berakhir: dt.date):
    mulai = dt.date(2026, 5, 15)
    services.ksdd_sepakati_rancangan_pks(
        ksdd=k,
        user=pemeran.operator,
        tentang=k.judul,
        tanggal_rapat_teknis=dt.date(2026, 5, 11),
        tanggal_disepakati=dt.date(2026, 5, 13),
        tanggal_mulai=mulai,
        tanggal_berakhir=berakhir,
        rancangan=unggahan_naskah(
            "rancangan-pks.docx",
            "pks",
            k,
            mulai=mulai,
            berakhir=berakhir,
            komparisi=tanggal_ttd_pks(),
        ),
    )
    k.refresh_from_db()
    return k


PESAN_PKS = (
    "PKS berlaku sampai 14-05-2031, melewati berakhirnya Kesepakatan Bersama pada 29-04-2029 "
    "(Pasal 19 ayat 3). Catat perpanjangan Kesepakatan Bersama, atau sebutkan alasan PKS "
    "tetap ditandatangani (Pasal 19 ayat 3)."
)


def test_p19_3_pks_past_its_kb_refused_without_a_reason_signed_with_one(
    kb_ditandatangani, pemeran, client
):
    k = _pks_sampai(kb_ditandatangani, pemeran, dt.date(2031, 5, 14))
    with pytest.raises(RuleViolation) as e:
        _ttd_pks(k, pemeran)
    assert [(p.rule, p.field, p.detail) for p in e.value.pelanggaran] == [
        ("P19-3", "alasan_melampaui_kb", PESAN_PKS)
    ]
    k.refresh_from_db()
    assert k.status == Status.PENANDATANGANAN_PKS
    alasan = "Layanan rujukan dilanjutkan; perpanjangan KB sedang dibahas dengan Barito Timur."
    services.ksdd_tandatangani_pks(
        ksdd=k,
        user=pemeran.sekretariat,
        tanggal=tanggal_ttd_pks(),
        tempat="Buntok",
        penandatangan=_penandatangan(k, pemeran, pks=True),
        naskah=unggahan_pdf("pks-ttd.pdf"),
        alasan_melampaui_kb=alasan,
    )
    k.refresh_from_db()
    assert k.status == Status.PELAKSANAAN
    pks = Naskah.objects.get(ksdd=k, jenis=JenisNaskah.PKS)
    assert pks.alasan_melampaui_kb == alasan
    r = RiwayatTahap.objects.get(ksdd=k, aksi="tandatangani_pks")
    assert r.data["melampaui_kb"]["alasan"] == alasan
    assert "Peringatan: PKS berlaku sampai 14-05-2031, melewati berakhirnya" in r.alasan
    client.force_login(pemeran.operator)
    html = client.get(reverse("agreements:detail", args=[k.pk])).content.decode()
    assert 'id="peringatan-p19-3"' in html and alasan in html


def test_p19_3_pks_within_the_extended_kb_needs_no_reason(kb_ditandatangani, pemeran):
    k = _pks_sampai(kb_ditandatangani, pemeran, dt.date(2031, 5, 14))
    _perpanjang(k, pemeran)
    k.refresh_from_db()
    _ttd_pks(k, pemeran)
    k.refresh_from_db()
    assert k.status == Status.PELAKSANAAN
    assert Naskah.objects.get(ksdd=k, jenis=JenisNaskah.PKS).alasan_melampaui_kb == ""


def test_p19_3_pks_past_its_kb_through_the_web_form(kb_ditandatangani, pemeran, client):
    k = _pks_sampai(kb_ditandatangani, pemeran, dt.date(2031, 5, 14))
    client.force_login(pemeran.sekretariat)
    url = reverse("agreements:langkah", args=[k.pk, "tandatangani_pks"])
    html = client.get(url).content.decode()
    assert 'name="alasan_melampaui_kb"' in html


def test_p19_3_pks_signed_after_the_kb_expired_is_warned():
    assert rules.p19_3_pks_melampaui_kb(
        kb_berakhir=KB_BERAKHIR, pks_berakhir=dt.date(2029, 4, 1), tanggal=dt.date(2029, 5, 2)
    ) == [
        "PKS ditandatangani pada 02-05-2029, setelah Kesepakatan Bersama berakhir pada "
        "29-04-2029 (Pasal 19 ayat 3).",
    ]
    assert not rules.p19_3_pks_melampaui_kb(
        kb_berakhir=KB_BERAKHIR, pks_berakhir=KB_BERAKHIR, tanggal=dt.date(2026, 5, 17)
    )


# --- the reminder: a KB 90 days without a PKS -------------------------------------------


def test_p10_kb_90_days_without_pks_reminded_once_by_the_daily_scan(kb_ditandatangani, pemeran):
    k = kb_ditandatangani
    # 2 May 2026 + 90 days = Friday 31 July 2026.
    hasil = pekerja.pindai_harian(hari_ini=dt.date(2026, 7, 30))
    assert hasil.gagal == 0 and not Notifikasi.objects.filter(tautan__contains=f"/{k.pk}/").exists()
    pekerja.pindai_harian(hari_ini=dt.date(2026, 7, 31))
    pesan = Notifikasi.objects.filter(judul__contains="tanpa PKS")
    penerima = set(pesan.values_list("user__username", flat=True))
    assert {pemeran.operator.username, pemeran.sekretariat.username} <= penerima
    assert pemeran.operator_lain.username not in penerima
    assert pemeran.bupati.username not in penerima
    n = pesan.first()
    assert n.judul == f"{k.nomor_register}: Kesepakatan Bersama 90 hari tanpa PKS"
    assert "ditandatangani pada 02-05-2026" in n.isi and "Pasal 11 ayat 4" in n.isi
    assert n.tautan == reverse("agreements:detail", args=[k.pk])
    jumlah = pesan.count()
    pekerja.pindai_harian(hari_ini=dt.date(2026, 8, 1))
    pekerja.pindai_harian(hari_ini=dt.date(2026, 7, 31))
    assert pesan.count() == jumlah
    assert PengingatKsdd.objects.get().tanggal == dt.date(2026, 7, 31)


def test_p10_no_reminder_once_the_pks_is_signed(kb_ditandatangani, pemeran):
    k = ke_status(kb_ditandatangani, Status.PELAKSANAAN, pemeran)
    assert k.status == Status.PELAKSANAAN
    pekerja.pindai_harian(hari_ini=dt.date(2026, 8, 3))
    assert not PengingatKsdd.objects.exists()
    assert not Notifikasi.objects.filter(judul__contains="tanpa PKS").exists()
