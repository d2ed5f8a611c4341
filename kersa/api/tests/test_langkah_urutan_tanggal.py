"""P13 through the API: a step dated before the act it follows is 422, citing Pasal 13
with both dates, and nothing is saved."""

import datetime as dt

import pytest

from kersa.agreements.choices import Status
from kersa.agreements.models import Naskah
from kersa.core.format import tanggal_surat
from kersa.demo.skenario import ke_status, ksdd_baru

from .bantuan import data_tandatangani, langkah, url_ksdd

pytestmark = pytest.mark.django_db


def _tolak(r, ksdd, *, status, jenis, riwayat):
    assert r.status_code == 422, r.json()
    assert r.json()["rule"] == "P13"
    ksdd.refresh_from_db()
    assert ksdd.status == status
    naskah = Naskah.objects.get(ksdd=ksdd, jenis=jenis)
    assert naskah.tanggal_ditandatangani is None
    assert not naskah.penandatangan.exists()
    assert ksdd.riwayat.count() == riwayat
    return r.json()["detail"]


def test_p13_pks_signed_before_the_kb_returns_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    kb = Naskah.objects.get(ksdd=ksdd, jenis="kb")
    riwayat = ksdd.riwayat.count()
    dini = kb.tanggal_ditandatangani - dt.timedelta(days=1)
    r = langkah(klien(pemeran.bupati), ksdd, "tandatangani_pks", data_tandatangani(ksdd, dini))
    detail = _tolak(r, ksdd, status=Status.PENANDATANGANAN_PKS, jenis="pks", riwayat=riwayat)
    assert (
        f"Tanggal penandatanganan PKS ({tanggal_surat(dini)}) tidak boleh sebelum tanggal "
        f"penandatanganan Kesepakatan Bersama ({tanggal_surat(kb.tanggal_ditandatangani)})"
    ) in detail
    assert "(Pasal 13)" in detail


def test_p13_pks_signed_before_the_dprd_approval_returns_422(pemeran, klien):
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    ke_status(ksdd, Status.PENANDATANGANAN_PKS, pemeran)
    setuju = ksdd.persetujuan_dprd.get()
    riwayat = ksdd.riwayat.count()
    dini = setuju.tanggal - dt.timedelta(days=1)
    r = langkah(klien(pemeran.bupati), ksdd, "tandatangani_pks", data_tandatangani(ksdd, dini))
    detail = _tolak(r, ksdd, status=Status.PENANDATANGANAN_PKS, jenis="pks", riwayat=riwayat)
    assert detail.startswith(
        f"Tanggal penandatanganan PKS ({tanggal_surat(dini)}) tidak boleh sebelum tanggal "
        f"Persetujuan DPRD atau tanggal dianggap disetujui ({tanggal_surat(setuju.tanggal)})"
    )
    assert detail.endswith("tahapan KSDD dan tanggalnya dilalui secara berurutan (Pasal 13).")


def test_p13_kb_signed_30_days_before_its_rapat_teknis_returns_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.PENANDATANGANAN_KB, pemeran)
    kb = Naskah.objects.get(ksdd=ksdd, jenis="kb")
    riwayat = ksdd.riwayat.count()
    dini = kb.tanggal_rapat_teknis - dt.timedelta(days=30)
    r = langkah(klien(pemeran.bupati), ksdd, "tandatangani_kb", data_tandatangani(ksdd, dini))
    detail = _tolak(r, ksdd, status=Status.PENANDATANGANAN_KB, jenis="kb", riwayat=riwayat)
    assert (
        f"Tanggal penandatanganan Kesepakatan Bersama ({tanggal_surat(dini)}) tidak boleh "
        f"sebelum tanggal rapat teknis Kesepakatan Bersama "
        f"({tanggal_surat(kb.tanggal_rapat_teknis)})"
    ) in detail
    assert "(Pasal 13)" in detail


def test_p21_1_operator_patch_of_the_dprd_inputs_after_submission_returns_422(ksdd, pemeran, klien):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    ksdd.refresh_from_db()
    versi = ksdd.versi
    r = klien(pemeran.operator).patch(
        url_ksdd(ksdd), {"membebani_masyarakat": True, "versi": versi}, format="json"
    )
    assert r.status_code == 422, r.json()
    assert r.json()["rule"] == "P21-1"
    assert "(Pasal 21 ayat 1)" in r.json()["detail"]
    ksdd.refresh_from_db()
    assert (ksdd.membebani_masyarakat, ksdd.versi) == (False, versi)
