"""P22-3: DPRD may refuse the request. A recorded refusal closes every open P22 clock
(DITUTUP_PENOLAKAN) and no approval is ever deemed after it; the KSDD goes back to
revision (a new request restarts the chain) or ends as refused. A second request while
an approval stands is refused. P22-1b and P22-1c are separate letters. P22-1f / P22-3:
a deemed approval takes effect the day after the period's last day.

Calendar (2026 SKB holidays in the project's data): request received Monday 2 March
2026, the 45th working day is Wednesday 13 May (see test_skenario_dprd.py), so the
deemed approval takes effect Thursday 14 May 2026.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.agreements.models import PenolakanDprd, PersetujuanDprd, RiwayatTahap
from kersa.core.errors import RuleViolation
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.kalender import kalender
from kersa.deadlines.models import Tenggat
from kersa.deadlines.pekerja import tenggat_pindai
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_naskah, unggahan_pdf

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
DITERIMA = dt.date(2026, 3, 2)
_DPRD = ("P22-1b", "P22-1d", "P22-1e", "P22-3")


def _rules(excinfo) -> list[str]:
    return [p.rule for p in excinfo.value.pelanggaran]


def _ajukan(ksdd, pemeran, diterima=DITERIMA, nomor="100.3/210/Pem/2026"):
    services.ksdd_ajukan_persetujuan_dprd(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        nomor=nomor,
        tanggal_surat=diterima - dt.timedelta(days=1),
        tanggal_diterima=diterima,
        surat=unggahan_pdf("permohonan-dprd.pdf"),
        rancangan_pks=unggahan_naskah("rancangan-pks.docx", "pks", semua_bagian=True),
    )
    ksdd.refresh_from_db()
    return ksdd


def _permohonan_2_maret(pemeran):
    # The KSDD is walked to the request on 2 March 2026, so that its KB dates come
    # before the request (Pasal 13), whatever day the test itself travels to.
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=WIB), tick=False):
        ksdd = ke_status(
            ksdd_baru(pemeran, membebani_masyarakat=True), Status.PERMOHONAN_DPRD, pemeran
        )
        return _ajukan(ksdd, pemeran)


def _tolak(ksdd, pemeran, tanggal=dt.date(2026, 4, 20), **ubah):
    data = {
        "nomor": "170/45/DPRD/2026",
        "tanggal_surat": tanggal - dt.timedelta(days=1),
        "tanggal_diterima": tanggal,
        "penandatangan": "Ketua DPRD Kabupaten Barito Selatan",
        "alasan": "Beban pembiayaan belum tercantum dalam APBD.",
        "surat": unggahan_pdf("penolakan-dprd.pdf"),
    }
    return services.ksdd_catat_penolakan_dprd(ksdd=ksdd, user=pemeran.sekretariat, **(data | ubah))


def _jam(ksdd, rule):
    return Tenggat.objects.get(ksdd=ksdd, rule=rule)


def _pindai_harian(sampai: dt.date, waktu) -> int:
    dianggap = 0
    hari = DITERIMA + dt.timedelta(days=1)
    while hari <= sampai:
        waktu.move_to(dt.datetime.combine(hari, dt.time(0, 5), tzinfo=WIB))
        dianggap += tenggat_pindai(hari_ini=hari).dianggap
        hari += dt.timedelta(days=1)
    return dianggap


def test_p22_3_45th_working_day_from_2_march_2026_is_13_may_by_the_calendar():
    assert kalender().tambah_hari_kerja(DITERIMA, 45) == dt.date(2026, 5, 13)


def test_p22_3_refusal_recorded_closes_clocks_and_worker_deems_nothing(pemeran):
    with time_machine.travel(dt.datetime(2026, 4, 20, 10, tzinfo=WIB), tick=False):
        ksdd = _permohonan_2_maret(pemeran)
        _tolak(ksdd, pemeran)
        ksdd.refresh_from_db()
        assert ksdd.status == Status.PERMOHONAN_DPRD  # back to revision
        penolakan = PenolakanDprd.objects.get(permohonan__ksdd=ksdd)
        assert penolakan.alasan.startswith("Beban") and penolakan.berkas is not None
        for rule in ("P22-1b", "P22-3"):
            assert _jam(ksdd, rule).status == StatusTenggat.DITUTUP_PENOLAKAN
        assert not Tenggat.objects.filter(
            ksdd=ksdd, rule__in=_DPRD, status=StatusTenggat.BERJALAN
        ).exists()
    # Even called directly (as the worker would), the deemed approval is refused.
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_anggap_persetujuan_dprd(ksdd=ksdd, rule="P22-3", tanggal=dt.date(2026, 5, 13))
    assert _rules(exc) == ["P13"]  # no longer waiting for DPRD
    assert not PersetujuanDprd.objects.filter(ksdd=ksdd).exists()


def test_p22_3_refusal_on_20_april_daily_scans_to_31_august_no_deemed_approval(pemeran):
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=WIB), tick=False) as waktu:
        ksdd = _permohonan_2_maret(pemeran)
        assert _jam(ksdd, "P22-3").jatuh_tempo == dt.date(2026, 5, 13)
        assert _pindai_harian(dt.date(2026, 4, 19), waktu) == 0
        waktu.move_to(dt.datetime(2026, 4, 20, 10, tzinfo=WIB))
        _tolak(ksdd, pemeran, lanjutan="berakhir")
        ksdd.refresh_from_db()
        assert ksdd.status == Status.DITOLAK
        hari = dt.date(2026, 4, 21)
        while hari <= dt.date(2026, 8, 31):
            waktu.move_to(dt.datetime.combine(hari, dt.time(0, 5), tzinfo=WIB))
            assert tenggat_pindai(hari_ini=hari).dianggap == 0, hari
            hari += dt.timedelta(days=1)
    assert not PersetujuanDprd.objects.filter(ksdd=ksdd).exists()
    assert _jam(ksdd, "P22-3").status == StatusTenggat.DITUTUP_PENOLAKAN


def test_p22_1f_p22_3_without_refusal_deemed_approval_takes_effect_14_may_2026(pemeran):
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=WIB), tick=False) as waktu:
        ksdd = _permohonan_2_maret(pemeran)
        assert _pindai_harian(dt.date(2026, 5, 13), waktu) == 0
        assert _pindai_harian(dt.date(2026, 5, 14), waktu) == 1
    p = PersetujuanDprd.objects.get(ksdd=ksdd)
    assert p.dianggap
    assert p.hari_terakhir == dt.date(2026, 5, 13)  # Wednesday, last day of the period
    assert p.tanggal == dt.date(2026, 5, 14)  # Thursday, the day it takes effect
    riwayat = RiwayatTahap.objects.get(ksdd=ksdd, aksi="catat_persetujuan_dprd")
    assert "45 hari kerja" in riwayat.alasan and "100.3/210/Pem/2026" in riwayat.alasan
    assert "13-05-2026" in riwayat.alasan and "14-05-2026" in riwayat.alasan


def test_p22_3_second_request_while_approval_stands_is_refused(pemeran):
    ksdd = ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)
    # The walk records today's dates and no date may lie in the future: the second
    # request is received today, so only P22-3 can refuse it.
    hari_ini = timezone.localdate()
    services.ksdd_anggap_persetujuan_dprd(ksdd=ksdd, rule="P22-3", tanggal=hari_ini)
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_PKS
    n = ksdd.permohonan_dprd.count()
    with pytest.raises(RuleViolation) as exc:
        _ajukan(ksdd, pemeran, diterima=hari_ini, nomor="100.3/999/Pem/2026")
    assert _rules(exc) == ["P22-3"]
    assert "Pasal 22 ayat 3" in exc.value.detail
    assert ksdd.permohonan_dprd.count() == n  # nothing half-saved


def test_p22_3_after_refusal_a_new_request_restarts_the_chain(pemeran):
    with time_machine.travel(dt.datetime(2026, 4, 20, 10, tzinfo=WIB), tick=False):
        ksdd = _permohonan_2_maret(pemeran)
        _tolak(ksdd, pemeran)
        ksdd.refresh_from_db()
        with pytest.raises(RuleViolation) as exc:  # not received before the refusal
            _ajukan(ksdd, pemeran, diterima=dt.date(2026, 4, 10), nomor="100.3/300/Pem/2026")
        assert _rules(exc) == ["P22-3"]
        _ajukan(ksdd, pemeran, diterima=dt.date(2026, 4, 20), nomor="100.3/300/Pem/2026")
    assert ksdd.status == Status.MENUNGGU_DPRD
    baru = Tenggat.objects.filter(ksdd=ksdd, rule="P22-3", status=StatusTenggat.BERJALAN)
    assert baru.count() == 1


def test_p22_3_refusal_needs_reasons_and_the_scan_nothing_half_saved(pemeran):
    ksdd = ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)
    hari = ksdd.permohonan_dprd.first().tanggal_diterima + dt.timedelta(days=1)
    with pytest.raises(RuleViolation) as exc:
        _tolak(ksdd, pemeran, tanggal=hari, alasan=" ", surat=None)
    assert set(_rules(exc)) == {"P22-3"}
    alasan = [p for p in exc.value.pelanggaran if p.field == "alasan"]
    assert alasan and "Pasal 22 ayat 3" in str(alasan[0].detail)
    assert not PenolakanDprd.objects.exists()
    ksdd.refresh_from_db()
    assert ksdd.status == Status.MENUNGGU_DPRD
    assert Tenggat.objects.filter(ksdd=ksdd, rule="P22-3", status=StatusTenggat.BERJALAN)


def test_p22_3_refusal_through_the_api(pemeran):
    ksdd = ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)
    hari = ksdd.permohonan_dprd.first().tanggal_diterima + dt.timedelta(days=1)
    api = APIClient()
    api.force_authenticate(pemeran.sekretariat)
    url = f"/api/v1/ksdd/{ksdd.pk}/catat_penolakan_dprd/"
    data = {
        "nomor": "170/45/DPRD/2026",
        "tanggal_surat": hari.isoformat(),
        "tanggal_diterima": hari.isoformat(),
        "penandatangan": "Ketua DPRD",
        "alasan": "",
        "surat": unggahan_pdf("penolakan-dprd.pdf"),
    }
    resp = api.post(url, data, format="multipart")
    assert resp.status_code == 422, resp.content
    assert resp.json()["rule"] == "P22-3"
    data["alasan"] = "Objek belum tercantum dalam RKPD."
    data["surat"] = unggahan_pdf("penolakan-dprd.pdf")
    resp = api.post(url, data, format="multipart")
    assert resp.status_code == 200, resp.content
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PERMOHONAN_DPRD
    jam = Tenggat.objects.get(ksdd=ksdd, rule="P22-3")
    assert jam.status == StatusTenggat.DITUTUP_PENOLAKAN
    # The worker, long after the 45th working day, deems nothing.
    assert tenggat_pindai(hari_ini=jam.jatuh_tempo + dt.timedelta(days=30)).dianggap == 0
    assert not PersetujuanDprd.objects.filter(ksdd=ksdd).exists()


def test_p22_1b_answer_meets_only_p22_1b_and_p22_1c_review_closes_p22_3(pemeran):
    ksdd = ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)
    hari = ksdd.permohonan_dprd.first().tanggal_diterima + dt.timedelta(days=1)
    api = APIClient()
    api.force_authenticate(pemeran.sekretariat)
    surat = {"tanggal_surat": hari.isoformat(), "tanggal_diterima": hari.isoformat()}
    resp = api.post(
        f"/api/v1/ksdd/{ksdd.pk}/catat_jawaban_dprd/",
        {"nomor": "170/21/DPRD/2026", **surat},
        format="multipart",
    )
    assert resp.status_code == 200, resp.content
    assert _jam(ksdd, "P22-1b").status == StatusTenggat.TERPENUHI
    assert _jam(ksdd, "P22-3").status == StatusTenggat.BERJALAN
    assert not Tenggat.objects.filter(ksdd=ksdd, rule="P22-1d").exists()
    ksdd.refresh_from_db()
    services.ksdd_catat_telaahan_dprd(
        ksdd=ksdd,
        user=pemeran.sekretariat,
        nomor="170/22/DPRD/2026",
        tanggal_surat=hari,
        tanggal_diterima=hari,
    )
    assert _jam(ksdd, "P22-3").status == StatusTenggat.TERPENUHI
    assert _jam(ksdd, "P22-1d").status == StatusTenggat.BERJALAN
    ksdd.refresh_from_db()
    with pytest.raises(RuleViolation) as exc:  # the answer is recorded once
        services.ksdd_catat_jawaban_dprd(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            nomor="170/23/DPRD/2026",
            tanggal_surat=hari,
            tanggal_diterima=hari,
        )
    assert _rules(exc) == ["P22-1b"]


def test_p22_3_refusal_web_step_page_and_post(client, pemeran):
    from django.urls import reverse

    ksdd = ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)
    hari = ksdd.permohonan_dprd.first().tanggal_diterima + dt.timedelta(days=1)
    client.force_login(pemeran.sekretariat)
    url = reverse("agreements:langkah", args=[ksdd.pk, "catat_penolakan_dprd"])
    page = client.get(url)
    assert page.status_code == 200 and "Pasal 22 ayat (3)" in page.content.decode()
    resp = client.post(
        url,
        {
            "versi": ksdd.versi,
            "nomor": "170/45/DPRD/2026",
            "tanggal_surat": hari.isoformat(),
            "tanggal_diterima": hari.isoformat(),
            "penandatangan": "Ketua DPRD",
            "alasan": "Objek belum tercantum dalam RKPD.",
            "surat": unggahan_pdf("penolakan-dprd.pdf"),
            "lanjutan": "berakhir",
        },
    )
    assert resp.status_code == 302, resp.content.decode()[:2000]
    ksdd.refresh_from_db()
    assert ksdd.status == Status.DITOLAK
    assert _jam(ksdd, "P22-3").status == StatusTenggat.DITUTUP_PENOLAKAN


def test_p22_3_worker_refuses_to_deem_a_clock_left_open_after_a_refusal(pemeran):
    ksdd = ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)
    hari = ksdd.permohonan_dprd.first().tanggal_diterima + dt.timedelta(days=1)
    _tolak(ksdd, pemeran, tanggal=hari)
    jam = _jam(ksdd, "P22-3")
    # A clock left running by some other path (e.g. data repaired by hand: running
    # again, so no longer recorded as closed).
    Tenggat.objects.filter(pk=jam.pk).update(status=StatusTenggat.BERJALAN, ditindak_pada=None)
    assert tenggat_pindai(hari_ini=jam.jatuh_tempo + dt.timedelta(days=1)).dianggap == 0
    jam.refresh_from_db()
    assert jam.status == StatusTenggat.DITUTUP_PENOLAKAN
    assert not PersetujuanDprd.objects.filter(ksdd=ksdd).exists()


def test_p22_1f_p22_3_reading_of_the_two_clocks_is_on_the_deadline_pages(client, pemeran):
    """The reading of ayat (1) huruf f against ayat (3) (RULES.md, known flaws of Pasal 22)
    is shown on the Tenggat page and on the KSDD page while the P22 clocks run."""
    from django.urls import reverse

    ksdd = _permohonan_2_maret(pemeran)
    client.force_login(pemeran.sekretariat)
    with time_machine.travel(dt.datetime(2026, 3, 10, 9, tzinfo=WIB), tick=False):
        for url in (reverse("deadlines:daftar"), reverse("agreements:detail", args=[ksdd.pk])):
            halaman = client.get(url).content.decode()
            assert 'id="bacaan-p22"' in halaman, url
            assert "Ayat (3) — 45 hari kerja sejak permohonan diterima DPRD (P22-3)" in halaman
            assert "Ayat (1) huruf f — 15 hari kerja sejak tindak lanjut Bupati" in halaman
            assert "berlaku sejak hari berikutnya setelah hari terakhir" in halaman


@pytest.mark.django_db(transaction=True)
def test_p22_3_refusal_then_the_real_worker_scans_daily_to_31_august(acuan, pemeran):
    """The scenario of the issue through the real worker (``db_worker``): DPRD receives the
    request on Mon 2 Mar 2026 and refuses on Mon 20 Apr; the scan the worker re-queues each
    day at 00:05 runs every day to 31 Aug 2026 and never deems an approval."""
    from django.core.management import call_command
    from django.test import override_settings
    from django_tasks_db.models import DBTaskResult

    from kersa.deadlines.tasks import pindai_tenggat

    from .test_skenario_dprd import DB_TASKS

    with override_settings(TASKS=DB_TASKS):
        ksdd = _permohonan_2_maret(pemeran)
        with time_machine.travel(dt.datetime(2026, 4, 20, 10, tzinfo=WIB), tick=False) as waktu:
            _tolak(ksdd, pemeran)
            call_command("pindai_tenggat", "--antrekan", verbosity=0)
            hari = dt.date(2026, 4, 21)
            while hari <= dt.date(2026, 8, 31):
                waktu.move_to(dt.datetime.combine(hari, dt.time(0, 6), tzinfo=WIB))
                call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
                hari += dt.timedelta(days=1)
        jalan = DBTaskResult.objects.filter(task_path=pindai_tenggat.module_path)
        # One scan a day from 21 April to 31 August (the one queued on 20 April included).
        assert jalan.filter(status="SUCCESSFUL").count() == 133
        assert not jalan.filter(status="FAILED").exists()
    assert not PersetujuanDprd.objects.filter(ksdd=ksdd).exists()
    for rule in _DPRD:
        jam = Tenggat.objects.filter(ksdd=ksdd, rule=rule).first()
        if jam is not None:
            assert jam.status == StatusTenggat.DITUTUP_PENOLAKAN, rule
            assert jam.selesai_pada == dt.date(2026, 4, 20), rule
