"""Issue 13 item 5: a date that records a past fact starts empty and is entered.

The dispute page (Pasal 29–30: the day the musyawarah was held, the berita acara signed,
the report to the Bupati, the letter to the TKKSD Provinsi), the follow-up of a finding
and the end of a monitoring (Pasal 28), a guidance activity (Pasal 44) and the end of an
association membership (Pasal 43) all started at today: a clerk recording an event of
last week, who forgot the field, recorded it on the wrong day. Each starts empty now,
and a form sent without it is refused naming the field (nothing saved).
"""

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from kersa.oversight import services
from kersa.oversight.choices import JenisAsosiasi
from kersa.oversight.models import KeanggotaanAsosiasi, MonitoringEvaluasi, Perselisihan

pytestmark = pytest.mark.django_db


def _nilai_tanggal(html: str) -> dict[str, str]:
    """Every date input of the page (``class=tanggal``): its id → its value ('' if none)."""
    out = {}
    for tag in re.findall(r"<input[^>]*class=\"tanggal\"[^>]*>", html):
        ident = re.search(r'id="([^"]+)"', tag).group(1)
        nilai = re.search(r'value="([^"]*)"', tag)
        out[ident] = nilai.group(1) if nilai else ""
    return out


def _hari_ini() -> str:
    from django.utils import timezone

    return timezone.localdate().strftime("%d-%m-%Y")


def test_p29_dispute_page_dates_start_empty_and_a_missing_one_is_refused(berjalan, pemeran, client):
    p = services.perselisihan_catat(
        ksdd=berjalan,
        tanggal_timbul=dt.date(2026, 5, 4),
        uraian="Barito Timur menghentikan pembayaran kompensasi rujukan.",
        pihak=list(berjalan.mitra.all()),
        user=pemeran.operator,
    )
    client.force_login(pemeran.operator)
    url = reverse("pembinaan:perselisihan_detail", args=[p.pk])
    tanggal = _nilai_tanggal(client.get(url).content.decode())
    assert tanggal, "the page shows the musyawarah form with its date"
    assert _hari_ini() not in tanggal.values(), tanggal
    assert set(tanggal.values()) == {""}, tanggal
    r = client.post(url, {"aksi": "musyawarah", "tempat": "Buntok", "hasil": "Belum sepakat."})
    assert r.status_code == 200
    assert "Tanggal musyawarah" in r.content.decode()
    assert not Perselisihan.objects.get(pk=p.pk).musyawarah.exists()


def test_p28_follow_up_and_finish_dates_start_empty(berjalan, pemeran, client):
    m = services.monev_catat(
        perangkat_daerah=berjalan.perangkat_daerah,
        tahun=2026,
        semester=1,
        tanggal_pelaksanaan=dt.date(2026, 5, 12),
        ksdd=[berjalan],
        ringkasan="",
        user=pemeran.sekretariat,
    )
    services.temuan_catat(
        monev=m, ksdd=berjalan, uraian="Kuota", rekomendasi="Tinjau", user=pemeran.sekretariat
    )
    client.force_login(pemeran.sekretariat)
    url = reverse("pembinaan:monev_detail", args=[m.pk])
    tanggal = _nilai_tanggal(client.get(url).content.decode())
    assert len(tanggal) >= 2, tanggal  # the follow-up and the finish
    assert set(tanggal.values()) == {""}, tanggal
    r = client.post(url, {"aksi": "selesai", "ringkasan": "Berjalan baik."})
    assert r.status_code == 200
    assert MonitoringEvaluasi.objects.get(pk=m.pk).status == m.status


def test_p43_p44_activity_and_membership_end_dates_start_empty(pemeran, client):
    services.keanggotaan_tambah(
        user=pemeran.sekretariat,
        jenis=JenisAsosiasi.APKASI,
        nama="Asosiasi Pemerintah Kabupaten Seluruh Indonesia (APKASI)",
        dasar="Keputusan Bupati Barito Selatan tentang Keanggotaan APKASI",
        mulai=dt.date(2019, 1, 1),
        iuran_tahunan=Decimal("50000000"),
    )
    client.force_login(pemeran.sekretariat)
    for url in (reverse("pembinaan:kegiatan"), reverse("pembinaan:asosiasi")):
        tanggal = _nilai_tanggal(client.get(url).content.decode())
        assert tanggal, url
        assert set(tanggal.values()) == {""}, (url, tanggal)
    assert KeanggotaanAsosiasi.objects.get().selesai is None
