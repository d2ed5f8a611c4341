"""Issue 19: an API token does not survive its user's password change."""

import pytest
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db


def test_password_change_revokes_the_api_token(client, pemeran):
    user = pemeran.operator
    token = Token.objects.create(user=user)
    auth = {"authorization": f"Token {token.key}"}
    assert client.get("/api/v1/ksdd/", headers=auth).status_code == 200

    user.set_password("Sandi-baru-Buntok-2026")
    user.save()

    assert not Token.objects.filter(user=user).exists()
    assert client.get("/api/v1/ksdd/", headers=auth).status_code == 401


def test_other_saves_keep_the_token(pemeran):
    user = pemeran.operator
    Token.objects.create(user=user)
    user.first_name = "Rahmat"
    user.save()
    assert Token.objects.filter(user=user).exists()
