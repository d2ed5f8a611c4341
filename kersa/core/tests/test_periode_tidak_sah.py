"""Issue 19 item 3: ``?periode=`` of the semester-report list and of monitoring fell back
silently to the running semester on a bad value. It is refused with 400 and a message in
Bahasa Indonesia, with the year bounds the API's ``tahun`` filter uses (one validator,
``core.saring``)."""

import pytest
from django.urls import reverse

from kersa.core.saring import TAHUN_MAKS, TAHUN_MIN

pytestmark = pytest.mark.django_db

HALAMAN = ["laporan:daftar", "pembinaan:monev"]


@pytest.mark.parametrize("nama", HALAMAN)
@pytest.mark.parametrize(
    "nilai,pesan",
    [
        ("2026-3", "Periode “2026-3” tidak sah: tulis tahun-semester, mis. 2026-1 atau 2026-2."),
        ("2026", "Periode “2026” tidak sah"),
        ("semester", "Periode “semester” tidak sah"),
        ("9999-1", f"Tahun “9999” tidak sah: isi tahun antara {TAHUN_MIN} dan {TAHUN_MAKS}."),
        ("-1-1", "tidak sah"),
        ("２０２６-1", "tidak sah"),
    ],
)
def test_i19_periode_tidak_sah_ditolak_400(client, pemeran, nama, nilai, pesan):
    client.force_login(pemeran.sekretariat)
    r = client.get(reverse(nama), {"periode": nilai})
    assert r.status_code == 400
    assert pesan in r.content.decode()


@pytest.mark.parametrize("nama", HALAMAN)
def test_i19_periode_sah_dan_kosong_diterima(client, pemeran, nama):
    client.force_login(pemeran.sekretariat)
    assert client.get(reverse(nama), {"periode": "2026-1"}).status_code == 200
    assert client.get(reverse(nama)).status_code == 200


def test_i19_api_menolak_tahun_yang_sama(client, pemeran):
    """The same year is refused by the API's filter: one range for both."""
    client.force_login(pemeran.sekretariat)
    assert client.get("/api/v1/laporan-semester/", {"tahun": "9999"}).status_code == 400
    assert client.get("/api/v1/laporan-semester/", {"tahun": str(TAHUN_MAKS)}).status_code == 200
