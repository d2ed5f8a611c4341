"""The status-preserving steps of the clocks: the second request (P16-5, P18-2), the
report to the Gubernur (P16-6), DPRD's review and the Bupati's follow-up (P22-1b…e),
and the deemed approval recorded by the system (P22-3, P22-1f)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.agreements.models import PermintaanTanggapanKedua, RiwayatTahap
from kersa.core.errors import RuleViolation
from kersa.deadlines.models import Tenggat
from kersa.demo.skenario import ke_status, ksdd_baru

pytestmark = pytest.mark.django_db

BARITO_TIMUR = "62.13"


def _hari(n: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=n)


def _rules(excinfo) -> list[str]:
    return [p.rule for p in excinfo.value.pelanggaran]


def _kedua(ksdd, user, **ubah):
    data = {
        "mitra": BARITO_TIMUR,
        "nomor": "000.3/190/Pem/2026",
        "tanggal_surat": _hari(19),
        "tanggal_diterima": _hari(18),
    }
    return services.ksdd_catat_permintaan_kedua(ksdd=ksdd, user=user, **(data | ubah))


def test_p16_5_second_request_only_after_30_calendar_days_without_answer(pemeran, ksdd):
    ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)  # received 50 days ago
    with pytest.raises(RuleViolation) as exc:
        _kedua(ksdd, pemeran.sekretariat, tanggal_surat=_hari(20), tanggal_diterima=_hari(19))
    assert _rules(exc) == ["P16-5"]
    assert "Pasal 16 ayat 5" in str(exc.value)
    assert not PermintaanTanggapanKedua.objects.exists()
    assert not Tenggat.objects.filter(rule="P16-6").exists()
    _kedua(ksdd, pemeran.sekretariat)
    ksdd.refresh_from_db()
    r = RiwayatTahap.objects.get(ksdd=ksdd, aksi="catat_permintaan_kedua")
    assert (r.dari, r.ke, r.rule) == (Status.MENUNGGU_TANGGAPAN, Status.MENUNGGU_TANGGAPAN, "P16-5")
    with pytest.raises(RuleViolation) as exc:
        _kedua(ksdd, pemeran.sekretariat)
    assert _rules(exc) == ["P16-5"]  # once per offer


def test_p16_6_report_needs_the_second_request_and_15_days(pemeran, ksdd):
    ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    laporan = {"mitra": BARITO_TIMUR, "nomor": "100.3/300/Pem/2026"}
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_catat_laporan_gubernur(
            ksdd=ksdd, user=pemeran.sekretariat, tanggal_surat=_hari(0), **laporan
        )
    assert _rules(exc) == ["P16-6"]
    _kedua(ksdd, pemeran.sekretariat, tanggal_surat=_hari(10), tanggal_diterima=_hari(8))
    ksdd.refresh_from_db()
    with pytest.raises(RuleViolation) as exc:  # 15 days from 8 days ago: not yet
        services.ksdd_catat_laporan_gubernur(
            ksdd=ksdd, user=pemeran.sekretariat, tanggal_surat=_hari(0), **laporan
        )
    assert _rules(exc) == ["P16-6"] and "Pasal 16 ayat 6" in str(exc.value)


def test_p16_6_report_is_only_for_our_offers(pemeran):
    from kersa.agreements.choices import Pemrakarsa
    from kersa.agreements.workflow import TRANSISI
    from kersa.regions.models import Wilayah

    ksdd = ksdd_baru(
        pemeran,
        pemrakarsa=Pemrakarsa.MITRA,
        pemrakarsa_mitra=Wilayah.objects.get(kode=BARITO_TIMUR),
    )
    ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    assert not TRANSISI["catat_laporan_gubernur"].berlaku_untuk(ksdd)
    assert TRANSISI["catat_permintaan_kedua"].berlaku_untuk(ksdd)  # P18-2


def _dprd(pemeran):
    return ke_status(ksdd_baru(pemeran, membebani_masyarakat=True), Status.MENUNGGU_DPRD, pemeran)


def test_p22_1d_follow_up_needs_dprds_review_first(pemeran):
    ksdd = _dprd(pemeran)
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_catat_tindak_lanjut_telaahan(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            nomor="100.3/230/Pem/2026",
            tanggal_surat=_hari(12),
            tanggal_diterima=_hari(11),
        )
    assert _rules(exc) == ["P22-1d"]


def test_p22_1c_review_recorded_once_and_not_before_the_request(pemeran):
    ksdd = _dprd(pemeran)  # request received 15 days ago
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_catat_telaahan_dprd(
            ksdd=ksdd,
            user=pemeran.sekretariat,
            nomor="170/20/DPRD/2026",
            tanggal_surat=_hari(16),
            tanggal_diterima=_hari(13),
        )
    assert _rules(exc) == ["P13"]
    args = {"nomor": "170/20/DPRD/2026", "tanggal_surat": _hari(14)}
    services.ksdd_catat_telaahan_dprd(
        ksdd=ksdd, user=pemeran.sekretariat, tanggal_diterima=_hari(13), **args
    )
    ksdd.refresh_from_db()
    assert ksdd.status == Status.MENUNGGU_DPRD
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_catat_telaahan_dprd(
            ksdd=ksdd, user=pemeran.sekretariat, tanggal_diterima=_hari(13), **args
        )
    assert _rules(exc) == ["P22-1c"]


def test_p22_3_deemed_approval_service_needs_no_letter_and_no_person(pemeran):
    ksdd = _dprd(pemeran)
    services.ksdd_anggap_persetujuan_dprd(ksdd=ksdd, rule="P22-3", tanggal=_hari(0))
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_PKS
    p = ksdd.persetujuan_dprd.get()
    assert p.dianggap and p.berkas is None and p.dicatat_oleh is None
    with pytest.raises(RuleViolation):  # the step has been taken: no second approval
        services.ksdd_anggap_persetujuan_dprd(ksdd=ksdd, rule="P22-3", tanggal=_hari(0))


def test_p22_1b_operators_may_not_record_dprd_letters(pemeran):
    from django.core.exceptions import PermissionDenied

    ksdd = _dprd(pemeran)
    with pytest.raises(PermissionDenied):
        services.ksdd_catat_telaahan_dprd(
            ksdd=ksdd,
            user=pemeran.operator,
            nomor="170/20/DPRD/2026",
            tanggal_surat=_hari(14),
            tanggal_diterima=_hari(13),
        )


def test_p16_5_form_page_and_post(client, pemeran, ksdd):
    ksdd = ke_status(ksdd, Status.MENUNGGU_TANGGAPAN, pemeran)
    client.force_login(pemeran.sekretariat)
    url = reverse("agreements:langkah", args=[ksdd.pk, "catat_permintaan_kedua"])
    assert client.get(url).status_code == 200
    resp = client.post(
        url,
        {
            "versi": ksdd.versi,
            "mitra": BARITO_TIMUR,
            "nomor": "000.3/190/Pem/2026",
            "tanggal_surat": _hari(19).isoformat(),
            "tanggal_diterima": _hari(18).isoformat(),
        },
    )
    assert resp.status_code == 302
    assert Tenggat.objects.filter(ksdd=ksdd, rule="P16-6").exists()


def test_p22_1c_api_step(pemeran):
    from rest_framework.test import APIClient

    ksdd = _dprd(pemeran)
    api = APIClient()
    api.force_authenticate(pemeran.sekretariat)
    resp = api.post(
        f"/api/v1/ksdd/{ksdd.pk}/catat_telaahan_dprd/",
        {
            "nomor": "170/20/DPRD/2026",
            "tanggal_surat": _hari(14).isoformat(),
            "tanggal_diterima": _hari(13).isoformat(),
        },
        format="multipart",
    )
    assert resp.status_code == 200, resp.content
    assert Tenggat.objects.filter(ksdd=ksdd, rule="P22-1d").exists()
