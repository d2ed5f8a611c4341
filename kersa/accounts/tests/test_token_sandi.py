"""Issue 19: API tokens expire, are revoked by their owner (API and the Token API page)
and by a password change; nobody revokes another user's token."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from kersa.accounts.models import TokenApi
from kersa.accounts.services import token_api_buat, token_api_cabut

pytestmark = pytest.mark.django_db

SANDI = "rahasia-uji-123"


def _minta(user, **data) -> dict:
    r = APIClient().post(
        reverse("api:token"), {"username": user.username, "password": SANDI, **data}, format="json"
    )
    assert r.status_code == 200, r.content
    return r.json()


def _dengan(kunci: str) -> APIClient:
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION=f"Token {kunci}")
    return c


def test_token_has_an_expiry_and_is_stored_as_a_digest(pemeran, settings):
    with time_machine.travel("2026-03-02 09:00 +07:00", tick=False):
        body = _minta(pemeran.operator, nama="skrip laporan")
        assert body["expiry"] == "2026-03-02T19:00:00+07:00"  # KERSA_TOKEN_JAM = 10
    token = TokenApi.objects.get(user=pemeran.operator)
    assert token.nama == "skrip laporan"
    assert body["token"] not in (token.digest, token.token_key)
    assert token.digest != body["token"] and len(token.digest) == 128


def test_expired_token_is_refused(pemeran):
    with time_machine.travel("2026-03-02 09:00 +07:00", tick=False):
        kunci = _minta(pemeran.operator)["token"]
    with time_machine.travel("2026-03-02 18:59 +07:00", tick=False):
        assert _dengan(kunci).get("/api/v1/ksdd/").status_code == 200
    with time_machine.travel("2026-03-02 19:01 +07:00", tick=False):
        assert _dengan(kunci).get("/api/v1/ksdd/").status_code == 401
    assert not TokenApi.objects.filter(user=pemeran.operator).exists()


def test_logout_revokes_only_this_token(pemeran):
    satu = _minta(pemeran.operator)["token"]
    dua = _minta(pemeran.operator)["token"]
    r = _dengan(satu).post(reverse("api:token-logout"))
    assert r.status_code == 204
    assert _dengan(satu).get("/api/v1/ksdd/").status_code == 401
    assert _dengan(dua).get("/api/v1/ksdd/").status_code == 200


def test_logout_semua_revokes_every_token_of_mine_only(pemeran):
    satu = _minta(pemeran.operator)["token"]
    dua = _minta(pemeran.operator)["token"]
    lain = _minta(pemeran.operator_lain)["token"]
    assert _dengan(satu).post(reverse("api:token-logout-semua")).status_code == 204
    assert _dengan(satu).get("/api/v1/ksdd/").status_code == 401
    assert _dengan(dua).get("/api/v1/ksdd/").status_code == 401
    assert _dengan(lain).get("/api/v1/ksdd/").status_code == 200


def test_logout_needs_a_token(pemeran):
    assert APIClient().post(reverse("api:token-logout")).status_code == 401


def test_owner_sees_and_revokes_a_token_on_the_page(client, pemeran):
    kunci = _minta(pemeran.operator, nama="skrip laporan")["token"]
    _minta(pemeran.operator_lain, nama="milik orang lain")
    token = TokenApi.objects.get(user=pemeran.operator)
    client.force_login(pemeran.operator)
    halaman = client.get(reverse("accounts:token"))
    assert halaman.status_code == 200
    isi = halaman.content.decode()
    assert "skrip laporan" in isi and "milik orang lain" not in isi
    assert kunci not in isi and token.token_key not in isi and token.digest not in isi

    r = client.post(reverse("accounts:token_cabut", args=[token.nomor]))
    assert r.status_code == 302 and r["Location"] == reverse("accounts:token")
    assert not TokenApi.objects.filter(user=pemeran.operator).exists()
    assert _dengan(kunci).get("/api/v1/ksdd/").status_code == 401


def test_another_users_token_cannot_be_revoked_by_me(client, pemeran):
    kunci = _minta(pemeran.operator_lain)["token"]
    token = TokenApi.objects.get(user=pemeran.operator_lain)
    client.force_login(pemeran.operator)
    assert client.post(reverse("accounts:token_cabut", args=[token.nomor])).status_code == 404
    assert client.post(reverse("accounts:token_cabut_semua")).status_code == 302
    assert not token_api_cabut(user=pemeran.operator, nomor=token.nomor)
    assert TokenApi.objects.filter(pk=token.pk).exists()
    assert _dengan(kunci).get("/api/v1/ksdd/").status_code == 200


def test_page_lists_no_expired_token(client, pemeran):
    with time_machine.travel(timezone.now() - timedelta(hours=11)):
        token_api_buat(user=pemeran.operator, nama="kemarin")
    token_api_buat(user=pemeran.operator, nama="hari ini")
    client.force_login(pemeran.operator)
    isi = client.get(reverse("accounts:token")).content.decode()
    assert "hari ini" in isi and "kemarin" not in isi


def test_password_change_revokes_the_api_tokens(client, pemeran):
    user = pemeran.operator
    kunci = _minta(user)["token"]
    _minta(user)
    auth = {"authorization": f"Token {kunci}"}
    assert client.get("/api/v1/ksdd/", headers=auth).status_code == 200

    user.set_password("Sandi-baru-Buntok-2026")
    user.save()

    assert not TokenApi.objects.filter(user=user).exists()
    assert client.get("/api/v1/ksdd/", headers=auth).status_code == 401


def test_password_change_on_the_web_form_revokes_the_api_tokens(client, pemeran):
    user = pemeran.operator
    kunci = _minta(user)["token"]
    client.force_login(user)
    r = client.post(
        reverse("password_change"),
        {
            "old_password": SANDI,
            "new_password1": "Sandi-baru-Buntok-2026",
            "new_password2": "Sandi-baru-Buntok-2026",
        },
    )
    assert r.status_code == 302
    assert _dengan(kunci).get("/api/v1/ksdd/").status_code == 401


def test_other_saves_keep_the_token(pemeran):
    user = pemeran.operator
    token_api_buat(user=user)
    user.first_name = "Rahmat"
    user.save()
    assert TokenApi.objects.filter(user=user).exists()


def test_a_key_that_is_not_text_is_401(pemeran):
    c = APIClient()
    c.credentials(HTTP_AUTHORIZATION="Token \xff\xfe")
    assert c.get("/api/v1/ksdd/").status_code == 401


def test_expired_tokens_are_removed_when_a_new_one_is_issued(pemeran):
    with time_machine.travel(timezone.now() - timedelta(hours=11)):
        lama, _kunci = token_api_buat(user=pemeran.operator)
        milik_lain, _kunci = token_api_buat(user=pemeran.operator_lain)
    baru, _kunci = token_api_buat(user=pemeran.operator)
    assert list(TokenApi.objects.filter(user=pemeran.operator)) == [baru]
    assert TokenApi.objects.filter(pk=milik_lain.pk).exists()  # another user's is not touched


def test_admin_lists_tokens_without_their_key(client, pemeran):
    token, kunci = token_api_buat(user=pemeran.operator, nama="skrip laporan")
    client.force_login(pemeran.admin)
    r = client.get("/admin/accounts/tokenapi/")
    assert r.status_code == 200
    assert "skrip laporan" in r.content.decode() and kunci not in r.content.decode()
    r = client.get(f"/admin/accounts/tokenapi/{token.pk}/change/")
    assert r.status_code == 200 and kunci not in r.content.decode()
