"""Monitoring and evaluation of agencies running KSDD, every semester (Pasal 28; P28)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from kersa.core.errors import RuleViolation
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.models import Tenggat
from kersa.deadlines.pekerja import tenggat_periodik_mulai
from kersa.documents.tests.hasilkan_util import buka, teks
from kersa.oversight import services
from kersa.oversight.models import MonitoringEvaluasi, StatusMonev, StatusTemuan

WIB = ZoneInfo("Asia/Jakarta")


def _catat(berjalan, pemeran, **ubah):
    data = {
        "perangkat_daerah": berjalan.perangkat_daerah,
        "tahun": 2026,
        "semester": 1,
        "tanggal_pelaksanaan": dt.date(2026, 6, 10),
        "ksdd": [berjalan],
        "ringkasan": "",
        "user": pemeran.sekretariat,
    }
    data.update(ubah)
    return services.monev_catat(**data)


def test_p28_monitoring_recorded_with_history(berjalan, pemeran):
    m = _catat(berjalan, pemeran)
    assert m.status == StatusMonev.DICATAT
    assert list(m.ksdd.all()) == [berjalan]
    assert m.riwayat.get().ke == StatusMonev.DICATAT


def test_p28_second_monitoring_of_the_same_semester_is_refused(berjalan, pemeran):
    _catat(berjalan, pemeran)
    with pytest.raises(RuleViolation) as e:
        _catat(berjalan, pemeran, tanggal_pelaksanaan=dt.date(2026, 6, 20))
    assert e.value.rule == "P28" and "Pasal 28" in e.value.detail
    assert MonitoringEvaluasi.objects.count() == 1
    # the next semester is a new record
    _catat(berjalan, pemeran, semester=2, tanggal_pelaksanaan=dt.date(2026, 11, 12))


def test_p28_ksdd_of_another_agency_or_not_running_is_refused(berjalan, ksdd, pemeran):
    from kersa.demo.skenario import ksdd_baru

    lain = ksdd_baru(pemeran)  # still in persiapan
    with pytest.raises(RuleViolation) as e:
        _catat(berjalan, pemeran, ksdd=[berjalan, lain])
    assert "Pasal 28 ayat 1" in e.value.detail and lain.nomor_register in e.value.detail
    with pytest.raises(RuleViolation):
        _catat(berjalan, pemeran, perangkat_daerah=pemeran.operator_lain.perangkat_daerah)
    with pytest.raises(RuleViolation) as e:
        _catat(berjalan, pemeran, tanggal_pelaksanaan=dt.date(2026, 7, 2))
    assert e.value.pelanggaran[0].field == "tanggal_pelaksanaan"
    assert not MonitoringEvaluasi.objects.exists()


def test_p28_finishing_meets_the_semester_clock_and_generates_the_report(berjalan, pemeran):
    tenggat_periodik_mulai(hari_ini=dt.date(2026, 5, 20))
    kunci = f"P28:pd:{berjalan.perangkat_daerah_id}:2026-1"
    assert Tenggat.objects.get(kunci=kunci).status == StatusTenggat.BERJALAN
    m = _catat(berjalan, pemeran)
    t = services.temuan_catat(
        monev=m,
        ksdd=berjalan,
        uraian="Rujukan pasien dari Dusun Timur melebihi kuota 40 pasien per bulan.",
        rekomendasi="Tinjau kuota rujukan bersama Dinas Kesehatan Barito Timur.",
        user=pemeran.sekretariat,
    )
    with pytest.raises(RuleViolation) as e:  # no summary yet
        services.monev_selesaikan(monev=m, user=pemeran.sekretariat, tanggal=dt.date(2026, 6, 12))
    assert e.value.pelanggaran[0].field == "ringkasan"
    m = services.monev_selesaikan(
        monev=m,
        user=pemeran.sekretariat,
        tanggal=dt.date(2026, 6, 12),
        ringkasan="Pelaksanaan berjalan; satu temuan tentang kuota rujukan.",
    )
    assert m.status == StatusMonev.SELESAI
    tenggat = Tenggat.objects.get(kunci=kunci)
    assert tenggat.status == StatusTenggat.TERPENUHI and tenggat.selesai_pada == dt.date(
        2026, 6, 12
    )
    assert [r.ke for r in m.riwayat.all()] == [StatusMonev.DICATAT, StatusMonev.SELESAI]
    versi = m.dokumen.versi.get()
    isi = teks(buka(versi.berkas.file.read()))
    assert "LAPORAN MONITORING DAN EVALUASI" in isi
    assert berjalan.nomor_register in isi and "kuota 40 pasien" in isi
    assert "Monev-KS/2026" in m.dokumen.nomor
    # finished: no more findings, but the follow-up is still recorded later
    with pytest.raises(RuleViolation):
        services.temuan_catat(
            monev=m, ksdd=berjalan, uraian="x", rekomendasi="y", user=pemeran.sekretariat
        )
    t = services.temuan_tindak_lanjut(
        temuan=t,
        tindak_lanjut="Kuota dinaikkan menjadi 60 pasien per bulan melalui adendum.",
        tanggal=dt.date(2026, 8, 3),
        user=pemeran.sekretariat,
    )
    assert t.status == StatusTemuan.DITINDAKLANJUTI
    assert t.tindak_lanjut_oleh == pemeran.sekretariat and t.tindak_lanjut_dicatat_pada
    # A second follow-up (another tab) is refused and the first one stays.
    with pytest.raises(RuleViolation) as e:
        services.temuan_tindak_lanjut(
            temuan=t, tindak_lanjut="Lain", tanggal=dt.date(2026, 8, 4), user=pemeran.sekretariat
        )
    assert "sudah dicatat pada Senin, 3 Agustus 2026" in e.value.detail
    t.refresh_from_db()
    assert (
        t.tindak_lanjut.startswith("Kuota dinaikkan")
        and t.tindak_lanjut_oleh == pemeran.sekretariat
    )


def test_p28_follow_up_before_the_monitoring_is_refused(berjalan, pemeran):
    m = _catat(berjalan, pemeran)
    t = services.temuan_catat(
        monev=m, ksdd=berjalan, uraian="Temuan", rekomendasi="Saran", user=pemeran.sekretariat
    )
    with pytest.raises(RuleViolation) as e:
        services.temuan_tindak_lanjut(
            temuan=t, tindak_lanjut="Sudah", tanggal=dt.date(2026, 6, 1), user=pemeran.sekretariat
        )
    assert "Pasal 28" in e.value.detail


# --- pages -------------------------------------------------------------------------------


def test_p28_list_shows_agencies_due_and_done(
    berjalan, pemeran, client, django_assert_max_num_queries
):
    tenggat_periodik_mulai(hari_ini=dt.date(2026, 5, 20))
    client.force_login(pemeran.sekretariat)
    url = reverse("pembinaan:monev") + "?periode=2026-1"
    with django_assert_max_num_queries(12):
        r = client.get(url)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Dinas Kesehatan" in html and "Catat monitoring" in html
    _catat(berjalan, pemeran)
    assert "Dicatat" in client.get(url).content.decode()


def test_p28_secretariat_records_through_the_page(berjalan, pemeran, client):
    client.force_login(pemeran.sekretariat)
    pd = berjalan.perangkat_daerah
    url = reverse("pembinaan:monev_catat", args=[pd.pk]) + "?periode=2026-1"
    assert client.get(url).status_code == 200
    data = {"tanggal_pelaksanaan": "2026-06-10", "ksdd": [berjalan.pk], "ringkasan": ""}
    r = client.post(url, data)
    m = MonitoringEvaluasi.objects.get()
    assert r.status_code == 302 and r.url == reverse("pembinaan:monev_detail", args=[m.pk])
    r = client.post(url, data)  # duplicate: the refusal is shown on the form
    assert r.status_code == 200 and "Pasal 28" in r.content.decode()
    r = client.post(
        reverse("pembinaan:monev_detail", args=[m.pk]),
        {"aksi": "temuan", "ksdd": berjalan.pk, "uraian": "Kuota", "rekomendasi": "Tinjau"},
    )
    assert r.status_code == 302 and m.temuan.count() == 1
    assert "Kuota" in client.get(reverse("pembinaan:monev_detail", args=[m.pk])).content.decode()


def test_p28_permissions(berjalan, pemeran, client):
    m = _catat(berjalan, pemeran)
    detail = reverse("pembinaan:monev_detail", args=[m.pk])
    client.force_login(pemeran.operator)  # own agency: may read, not write
    assert client.get(detail).status_code == 200
    r = client.post(
        detail, {"aksi": "temuan", "ksdd": berjalan.pk, "uraian": "x", "rekomendasi": "y"}
    )
    assert r.status_code == 403 and not m.temuan.exists()
    assert (
        client.get(reverse("pembinaan:monev_catat", args=[m.perangkat_daerah_id])).status_code
        == 403
    )
    client.force_login(pemeran.operator_lain)  # another agency: not found
    assert client.get(detail).status_code == 404
    client.force_login(pemeran.publik)
    assert client.get(reverse("pembinaan:monev")).status_code == 403


def test_p28_finish_and_follow_up_through_the_page(berjalan, pemeran, client):
    tenggat_periodik_mulai(hari_ini=dt.date(2026, 5, 20))
    m = _catat(berjalan, pemeran)
    t = services.temuan_catat(
        monev=m, ksdd=berjalan, uraian="Kuota", rekomendasi="Tinjau", user=pemeran.sekretariat
    )
    client.force_login(pemeran.sekretariat)
    detail = reverse("pembinaan:monev_detail", args=[m.pk])
    r = client.post(detail, {"aksi": "selesai", "ringkasan": "", "tanggal": "2026-06-12"})
    assert r.status_code == 200  # summary required (form)
    r = client.post(detail, {"aksi": "selesai", "ringkasan": "Baik.", "tanggal": "2026-06-12"})
    assert r.status_code == 302
    m.refresh_from_db()
    assert m.status == StatusMonev.SELESAI
    kunci = f"P28:pd:{berjalan.perangkat_daerah_id}:2026-1"
    assert Tenggat.objects.get(kunci=kunci).status == StatusTenggat.TERPENUHI
    r = client.post(
        detail,
        {
            "aksi": "tindak_lanjut",
            "temuan": t.pk,
            "tindak_lanjut": "Sudah",
            "tanggal": "2026-06-01",
        },
    )
    assert r.status_code == 200 and "[P28]" in r.content.decode()
    html = client.get(detail).content.decode()
    assert m.dokumen.nomor in html


def _baris(html: str, temuan) -> str:
    """The table row of one finding on the monitoring page."""
    awal = html.index(f'id="temuan-{temuan.pk}"')
    return html[awal : html.index("</tr>", awal)]


def test_p28_follow_up_refusal_shows_only_on_its_finding(berjalan, pemeran, client):
    m = _catat(berjalan, pemeran)
    kuota = services.temuan_catat(
        monev=m,
        ksdd=berjalan,
        uraian="Rujukan pasien dari Dusun Timur melebihi kuota 40 pasien per bulan.",
        rekomendasi="Tinjau kuota rujukan bersama Dinas Kesehatan Barito Timur.",
        user=pemeran.sekretariat,
    )
    ambulans = services.temuan_catat(
        monev=m,
        ksdd=berjalan,
        uraian="Ambulans rujukan di Puskesmas Dusun Hilir rusak sejak April 2026.",
        rekomendasi="Anggarkan perbaikan pada APBD Perubahan 2026.",
        user=pemeran.sekretariat,
    )
    client.force_login(pemeran.sekretariat)
    detail = reverse("pembinaan:monev_detail", args=[m.pk])
    ketikan = "Ambulans diperbaiki bengkel Dinas Perhubungan."
    r = client.post(
        detail,
        {
            "aksi": "tindak_lanjut",
            "temuan": ambulans.pk,
            "tindak_lanjut": ketikan,
            "tanggal": "2026-06-01",  # before the monitoring of 10 June 2026
        },
    )
    assert r.status_code == 200
    html = r.content.decode()
    assert html.count("[P28]") == 1
    ditolak, lain = _baris(html, ambulans), _baris(html, kuota)
    assert "[P28]" in ditolak and "Pasal 28" in ditolak
    assert ketikan in ditolak and 'value="2026-06-01"' in ditolak  # what was typed is kept
    assert "<details open>" in ditolak
    assert "[P28]" not in lain and ketikan not in lain and "<details open>" not in lain
    # labels stay unique: each finding's form has its own ids
    assert f'id="id_tl_{ambulans.pk}_tindak_lanjut"' in ditolak
    assert f'id="id_tl_{kuota.pk}_tindak_lanjut"' in lain
    ambulans.refresh_from_db()
    assert ambulans.status == StatusTemuan.TERBUKA and not ambulans.tindak_lanjut


def test_p28_follow_up_missing_text_marks_only_its_finding(berjalan, pemeran, client):
    m = _catat(berjalan, pemeran)
    a, b = (
        services.temuan_catat(
            monev=m, ksdd=berjalan, uraian=u, rekomendasi="Tinjau", user=pemeran.sekretariat
        )
        for u in ("Kuota rujukan terlampaui", "Laporan bulanan terlambat")
    )
    client.force_login(pemeran.sekretariat)
    r = client.post(
        reverse("pembinaan:monev_detail", args=[m.pk]),
        {"aksi": "tindak_lanjut", "temuan": a.pk, "tindak_lanjut": "", "tanggal": "2026-06-15"},
    )
    html = r.content.decode()
    assert r.status_code == 200
    assert 'aria-invalid="true"' in _baris(html, a)
    assert 'aria-invalid="true"' not in _baris(html, b)


def test_p28_follow_up_through_the_page_is_saved_on_its_finding(berjalan, pemeran, client):
    m = _catat(berjalan, pemeran)
    a, b = (
        services.temuan_catat(
            monev=m, ksdd=berjalan, uraian=u, rekomendasi="Tinjau", user=pemeran.sekretariat
        )
        for u in ("Kuota rujukan terlampaui", "Laporan bulanan terlambat")
    )
    client.force_login(pemeran.sekretariat)
    detail = reverse("pembinaan:monev_detail", args=[m.pk])
    r = client.post(
        detail,
        {
            "aksi": "tindak_lanjut",
            "temuan": b.pk,
            "tindak_lanjut": "Laporan Mei 2026 diterima 3 Juni 2026.",
            "tanggal": "2026-06-15",
        },
    )
    assert r.status_code == 302
    a.refresh_from_db()
    b.refresh_from_db()
    assert b.status == StatusTemuan.DITINDAKLANJUTI and b.tanggal_tindak_lanjut == dt.date(
        2026, 6, 15
    )
    assert a.status == StatusTemuan.TERBUKA
    html = client.get(detail).content.decode()
    assert "Laporan Mei 2026 diterima" in _baris(html, b)
    assert f'id="id_tl_{b.pk}_tindak_lanjut"' not in html  # no second form once recorded
    # a finding of another monitoring (or garbage) is not found
    r = client.post(
        detail,
        {"aksi": "tindak_lanjut", "temuan": "x", "tindak_lanjut": "y", "tanggal": "2026-06-15"},
    )
    assert r.status_code == 404
