"""Clocks in the API: a KSDD's detail carries its clocks, ``/api/v1/tenggat/`` lists them
with the Tenggat page's filters, for the KSDD the user may see, with a token too."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from rest_framework.test import APIClient

from kersa.core.testing import hari_ini_tetap
from kersa.deadlines.selectors import tenggat_per_grup
from kersa.deadlines.tests.test_p22_3_penolakan_dprd import _permohonan_2_maret
from kersa.tte.tests.conftest import kode_otp_uji

# Counted from "today": a fixed Monday inside 2026, the decreed holiday year.
_hari_ini = hari_ini_tetap(dt.date(2026, 10, 5))

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
# Tue 10 Mar 2026: the request reached DPRD on Mon 2 Mar; 45 working days (2026 decree,
# Nyepi 19 Mar, Idul Fitri and cuti bersama 20-24 Mar, Good Friday 3 Apr, 1 May) end on
# Wed 13 May 2026.
HARI = dt.datetime(2026, 3, 10, 9, tzinfo=WIB)


def _p22_3(rows):
    return next(r for r in rows if r["rule"] == "P22-3")


def test_ksdd_detail_carries_its_clocks_with_due_date_and_who_acts(pemeran, klien):
    ksdd = _permohonan_2_maret(pemeran)
    with time_machine.travel(HARI, tick=False):
        r = klien(pemeran.sekretariat).get(f"/api/v1/ksdd/{ksdd.pk}/")
    assert r.status_code == 200, r.json()
    jam = _p22_3(r.json()["tenggat"])
    assert jam["jatuh_tempo"] == "2026-05-13"
    assert jam["tanggal_peristiwa"] == "2026-03-02"
    assert (jam["status"], jam["satuan"], jam["panjang"]) == ("berjalan", "hari_kerja", 45)
    assert jam["pasal"] and jam["yang_bertindak"] and jam["selesai_pada"] is None
    assert jam["grup"] == "berikutnya"
    assert jam["sisa"] > 0 and jam["hitung_mundur"] == f"{jam['sisa']} hari kerja lagi"
    assert jam["ksdd_nomor"] == ksdd.nomor_register


def test_tenggat_list_is_the_tenggat_page_with_its_filters(pemeran, klien):
    ksdd = _permohonan_2_maret(pemeran)
    user = pemeran.sekretariat
    with time_machine.travel(HARI, tick=False):
        halaman = tenggat_per_grup(user=user, hari_ini=HARI.date())
        di_halaman = sorted(
            b.tenggat.pk for g, baris in halaman.items() if g != "selesai" for b in baris
        )
        r = klien(user).get("/api/v1/tenggat/", {"terbuka": "true", "page_size": 100})
        assert r.status_code == 200, r.json()
        assert sorted(t["id"] for t in r.json()["results"]) == di_halaman
        r = klien(user).get("/api/v1/tenggat/", {"rule": "P22-3", "ksdd": ksdd.pk})
        (jam,) = r.json()["results"]
        assert jam["jatuh_tempo"] == "2026-05-13"
        r = klien(user).get("/api/v1/tenggat/", {"grup": "terlewat", "rule": "P22-3"})
        assert r.json()["results"] == []
        r = klien(user).get(
            "/api/v1/tenggat/", {"jatuh_tempo_sampai": "2026-05-12", "rule": "P22-3"}
        )
        assert r.json()["results"] == []
        r = klien(user).get(f"/api/v1/tenggat/{jam['id']}/")
        assert r.json()["rule"] == "P22-3"


def test_tenggat_of_another_agency_is_invisible(pemeran, klien):
    ksdd = _permohonan_2_maret(pemeran)
    lain = klien(pemeran.operator_lain)
    with time_machine.travel(HARI, tick=False):
        r = lain.get("/api/v1/tenggat/", {"ksdd": ksdd.pk})
        assert r.status_code == 200 and r.json()["results"] == []
        jam = ksdd.tenggat.get(rule="P22-3")
        assert lain.get(f"/api/v1/tenggat/{jam.pk}/").status_code == 404
        assert klien().get("/api/v1/tenggat/").status_code in (401, 403)


def test_tenggat_list_with_a_token_and_a_bounded_number_of_queries(
    pemeran, django_assert_max_num_queries
):
    _permohonan_2_maret(pemeran)
    client = APIClient()
    r = client.post(
        reverse("api:token"),
        {
            "username": pemeran.sekretariat.username,
            "password": "rahasia-uji-123",
            "kode_otp": kode_otp_uji(pemeran.sekretariat),  # issue 19: a signer's token
        },
        format="json",
    )
    client.credentials(HTTP_AUTHORIZATION=f"Token {r.json()['token']}")
    with time_machine.travel(HARI, tick=False), django_assert_max_num_queries(6):
        r = client.get("/api/v1/tenggat/", {"terbuka": "true"})
    assert r.status_code == 200
    assert any(t["rule"] == "P22-3" for t in r.json()["results"])


@pytest.mark.slow
def test_tenggat_groups_are_the_tenggat_page_over_the_demo(acuan):
    """``?grup=`` and ``?terbuka=`` list exactly the clocks of the Tenggat page's groups
    (the same selectors: ``tenggat_halaman``, ``q_grup``), for the secretariat and an
    agency operator, on the demo data, today and on later days as clocks fall due."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from kersa.deadlines.selectors import GRUP

    call_command("muat_demo", verbosity=0)
    pengguna = [
        u
        for u in get_user_model().objects.filter(is_active=True).order_by("username")
        if u.has_perm("agreements.view_ksdd")
    ]
    assert len(pengguna) >= 3
    terisi = set()
    for geser in (0, 10, 40, 200):
        hari = timezone.localtime() + dt.timedelta(days=geser)
        with time_machine.travel(hari, tick=False):
            for user in pengguna:
                client = APIClient()
                client.force_login(user)
                halaman = tenggat_per_grup(user=user, hari_ini=hari.date())
                for g in GRUP:
                    r = client.get("/api/v1/tenggat/", {"grup": g, "page_size": 500})
                    assert r.status_code == 200, r.json()
                    api = [t["id"] for t in r.json()["results"]]
                    assert sorted(api) == sorted(b.tenggat.pk for b in halaman[g]), (user, g)
                    terisi |= {g} if api else set()
                r = client.get("/api/v1/tenggat/", {"terbuka": "true", "page_size": 500})
                terbuka = [b.tenggat.pk for g in GRUP if g != "selesai" for b in halaman[g]]
                assert sorted(t["id"] for t in r.json()["results"]) == sorted(terbuka)
    assert {"terlewat", "minggu_ini", "berikutnya", "selesai"} <= terisi, terisi
