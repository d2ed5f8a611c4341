"""P22-2: DPRD's approval is recorded with its number, date and signatory (name and
jabatan of the DPRD leader who signed), not as a bare file: through the service, the
web form and the API, a blank one is refused citing Pasal 22 and nothing is saved."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from kersa.agreements import services
from kersa.agreements.choices import Status
from kersa.agreements.models import PersetujuanDprd
from kersa.api.tests.bantuan import langkah as api_langkah
from kersa.core.errors import RuleViolation
from kersa.demo.skenario import ke_status, ksdd_baru
from kersa.documents.contoh import unggahan_pdf
from kersa.documents.models import Berkas

pytestmark = pytest.mark.django_db


def _api(user) -> APIClient:
    c = APIClient()
    c.force_login(user)
    return c


HARI_INI = timezone.localdate()


def _hari(n: int) -> dt.date:
    return HARI_INI - dt.timedelta(days=n)


@pytest.fixture
def menunggu_dprd(pemeran):
    ksdd = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    return ke_status(ksdd, Status.MENUNGGU_DPRD, pemeran)


def _data(**ubah) -> dict:
    data = {
        "nomor": "170/12/DPRD/2026",
        "tanggal": _hari(10),
        "penandatangan_nama": "H. Ketua Dewan",
        "penandatangan_jabatan": "Ketua DPRD Kabupaten Barito Selatan",
        "surat": unggahan_pdf("persetujuan-dprd.pdf"),
    }
    data.update(ubah)
    return data


def test_p22_2_service_refuses_approval_without_number_and_signatory(menunggu_dprd, pemeran):
    berkas = Berkas.objects.count()
    with pytest.raises(RuleViolation) as exc:
        services.ksdd_catat_persetujuan_dprd(
            ksdd=menunggu_dprd,
            user=pemeran.dprd,
            **_data(nomor="", penandatangan_nama=" ", penandatangan_jabatan=""),
        )
    assert [(p.rule, p.field) for p in exc.value.pelanggaran] == [
        ("P22-2", "nomor"),
        ("P22-2", "penandatangan_nama"),
        ("P22-2", "penandatangan_jabatan"),
    ]
    assert [str(p.detail) for p in exc.value.pelanggaran] == [
        "Sebutkan nomor surat Persetujuan DPRD (Pasal 22 ayat 2).",
        "Sebutkan nama pimpinan DPRD yang menandatangani (Pasal 22 ayat 2).",
        "Sebutkan jabatan penandatangan (mis. Ketua DPRD) (Pasal 22 ayat 2).",
    ]
    assert not PersetujuanDprd.objects.exists() and Berkas.objects.count() == berkas
    menunggu_dprd.refresh_from_db()
    assert menunggu_dprd.status == Status.MENUNGGU_DPRD


def test_p22_2_service_records_number_date_and_signatory(menunggu_dprd, pemeran):
    services.ksdd_catat_persetujuan_dprd(ksdd=menunggu_dprd, user=pemeran.dprd, **_data())
    p = PersetujuanDprd.objects.get(ksdd=menunggu_dprd)
    assert (p.nomor, p.tanggal, p.penandatangan_nama, p.penandatangan_jabatan) == (
        "170/12/DPRD/2026",
        _hari(10),
        "H. Ketua Dewan",
        "Ketua DPRD Kabupaten Barito Selatan",
    )
    row = menunggu_dprd.riwayat.last()
    assert row.rule == "P22-2"
    assert row.alasan == (
        f"Persetujuan DPRD 170/12/DPRD/2026 tanggal {_hari(10):%d-%m-%Y} ditandatangani "
        "H. Ketua Dewan (Ketua DPRD Kabupaten Barito Selatan) dicatat (Pasal 22 ayat 2)."
    )


def test_p22_2_web_form_refuses_a_blank_signatory(client, menunggu_dprd, pemeran):
    client.force_login(pemeran.dprd)
    url = reverse("agreements:langkah", args=[menunggu_dprd.pk, "catat_persetujuan_dprd"])
    resp = client.get(url)
    assert {"nomor", "penandatangan_nama", "penandatangan_jabatan"} <= set(
        resp.context["form"].fields
    )
    data = _data(penandatangan_nama="", penandatangan_jabatan="")
    data["tanggal"] = data["tanggal"].isoformat()
    resp = client.post(url, {"versi": menunggu_dprd.versi, **data})
    assert resp.status_code == 200
    errors = resp.context["form"].errors
    assert "Pasal 22 ayat 2" in errors["penandatangan_nama"][0]
    assert "P22-2" in errors["penandatangan_jabatan"][0]
    assert not PersetujuanDprd.objects.exists()
    data = _data()
    data["tanggal"] = data["tanggal"].isoformat()
    resp = client.post(url, {"versi": menunggu_dprd.versi, **data})
    assert resp.status_code == 302
    p = PersetujuanDprd.objects.get()
    assert (p.penandatangan_nama, p.tanggal) == ("H. Ketua Dewan", _hari(10))


def test_p22_2_api_refuses_missing_number_and_signatory(menunggu_dprd, pemeran):
    api = _api(pemeran.dprd)
    r = api_langkah(
        api,
        menunggu_dprd,
        "catat_persetujuan_dprd",
        {"tanggal": _hari(10), "surat": unggahan_pdf("persetujuan-dprd.pdf")},
    )
    assert r.status_code == 422, r.json()
    body = r.json()
    assert body["rule"] == "P22-2"
    teks = str(body)
    assert "Sebutkan nomor surat Persetujuan DPRD (Pasal 22 ayat 2)." in teks
    assert "Sebutkan nama pimpinan DPRD yang menandatangani (Pasal 22 ayat 2)." in teks
    assert not PersetujuanDprd.objects.exists()
    r = api_langkah(api, menunggu_dprd, "catat_persetujuan_dprd", _data())
    assert r.status_code == 200, r.json()
    assert r.json()["status"] == Status.PENYUSUNAN_PKS
    assert PersetujuanDprd.objects.get().penandatangan_jabatan == (
        "Ketua DPRD Kabupaten Barito Selatan"
    )
