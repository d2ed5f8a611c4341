"""Who may see and do what through the API (ROLE rules; selectors.ksdd_visible_to)."""

import pytest
from django.urls import reverse

from kersa.agreements.choices import Status
from kersa.demo.skenario import ke_status, ksdd_baru

from .bantuan import data_ajukan_kak, data_petunjuk, langkah, url_ksdd

pytestmark = pytest.mark.django_db


def test_anonymous_gets_401(ksdd, klien):
    client = klien()
    for url in (url_ksdd(), url_ksdd(ksdd), url_ksdd(ksdd, "riwayat")):
        r = client.get(url)
        assert r.status_code == 401
        assert r["WWW-Authenticate"] == "Token"
    assert langkah(client, ksdd, "batalkan", {"alasan": "x"}).status_code == 401


def test_user_without_role_gets_403_on_ksdd(ksdd, pemeran, klien):
    client = klien(pemeran.publik)
    assert client.get(url_ksdd()).status_code == 403
    assert client.get(url_ksdd(ksdd)).status_code == 403
    assert client.get(url_ksdd(ksdd, "kak")).status_code == 403
    assert client.patch(url_ksdd(ksdd), {"judul": "x"}, format="json").status_code == 403
    assert langkah(client, ksdd, "batalkan", {"alasan": "x"}).status_code == 403
    r = client.post(url_ksdd(), {"judul": "x"}, format="json")
    assert r.status_code == 403
    assert r.json()["detail"]
    # Reference data stays open to any logged-in user.
    assert client.get(reverse("api:urusan-list")).status_code == 200


def test_operator_of_another_agency_cannot_see_or_act(ksdd, pemeran, klien):
    client = klien(pemeran.operator_lain)
    assert client.get(url_ksdd()).json()["count"] == 0
    assert client.get(url_ksdd(ksdd)).status_code == 404
    assert client.get(url_ksdd(ksdd, "kak")).status_code == 404
    assert client.put(url_ksdd(ksdd, "kak"), {"manfaat": "x"}, format="json").status_code == 404
    assert client.get(url_ksdd(ksdd, "riwayat")).status_code == 404
    assert client.patch(url_ksdd(ksdd), {"judul": "x"}, format="json").status_code == 404
    r = langkah(client, ksdd, "ajukan_kak", data_ajukan_kak(ksdd))
    assert r.status_code == 404
    ksdd.refresh_from_db()
    assert ksdd.status == Status.PENYUSUNAN_KAK


def test_p32_2_operator_sees_own_ksdd_but_cannot_record_petunjuk_403(ksdd, pemeran, klien):
    ke_status(ksdd, Status.KAK_DIAJUKAN, pemeran)
    client = klien(pemeran.operator)
    body = client.get(url_ksdd(ksdd)).json()
    assert "catat_petunjuk_tertulis" not in {t["nama"] for t in body["transisi"]}
    r = langkah(client, ksdd, "catat_petunjuk_tertulis", data_petunjuk())
    assert r.status_code == 403
    assert r.json()["detail"]


def test_tkkd_member_sees_everything_but_acts_on_nothing(ksdd, pemeran, klien):
    client = klien(pemeran.anggota)
    assert client.get(url_ksdd(ksdd)).status_code == 200
    assert langkah(client, ksdd, "ajukan_kak", data_ajukan_kak(ksdd)).status_code == 403
    assert client.patch(url_ksdd(ksdd), {"judul": "x"}, format="json").status_code == 403


def test_p21_2_dprd_sees_only_ksdd_brought_to_dprd(pemeran, klien):
    dibawa = ksdd_baru(pemeran, dianggarkan_apbd=False, nomor_dpa="")
    ke_status(dibawa, Status.MENUNGGU_DPRD, pemeran)
    tidak = ksdd_baru(pemeran)
    ke_status(tidak, Status.PENYUSUNAN_KB, pemeran)
    client = klien(pemeran.dprd)
    assert [row["id"] for row in client.get(url_ksdd()).json()["results"]] == [dibawa.pk]
    assert client.get(url_ksdd(tidak)).status_code == 404
    body = client.get(url_ksdd(dibawa)).json()
    assert [t["nama"] for t in body["transisi"]] == ["catat_persetujuan_dprd"]
    assert langkah(client, tidak, "batalkan", {"alasan": "x"}).status_code == 404
    assert langkah(client, dibawa, "batalkan", {"alasan": "x"}).status_code == 403


def test_token_endpoint_and_token_authentication(pemeran, klien):
    client = klien()
    r = client.post(
        reverse("api:token"),
        {"username": pemeran.operator.username, "password": "rahasia-uji-123"},
        format="json",
    )
    assert r.status_code == 200, r.json()
    assert set(r.json()) == {"token", "expiry"}  # issue 19: tokens expire
    token = r.json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get(url_ksdd()).status_code == 200


def test_token_endpoint_wrong_password_is_400(pemeran, klien):
    r = klien().post(
        reverse("api:token"),
        {"username": pemeran.operator.username, "password": "salah"},
        format="json",
    )
    assert r.status_code == 400
    assert "token" not in r.json()


def test_bad_token_is_401(acuan, klien):
    client = klien()
    client.credentials(HTTP_AUTHORIZATION="Token tidak-ada")
    assert client.get(url_ksdd()).status_code == 401


def test_a_user_who_may_not_act_gets_403_before_validation(ksdd, pemeran, klien):
    r = langkah(klien(pemeran.anggota), ksdd, "ajukan_kak", {"tanggal_surat": "rusak"})
    assert r.status_code == 403
