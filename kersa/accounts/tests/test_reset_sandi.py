"""Issue 19: password reset is rate-limited per account and per client address."""

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db

URL = "/akun/password_reset/"


def test_reset_mails_per_account_are_limited(client, pemeran):
    user = pemeran.bupati
    user.email = "bupati@baritoselatankab.go.id"
    user.save()
    for i in range(6):
        response = client.post(URL, {"email": user.email}, REMOTE_ADDR=f"10.1.0.{i + 1}")
        assert response.status_code == 302
        assert response["Location"] == "/akun/password_reset/done/"
    assert len(mail.outbox) == 3
    assert all(m.to == [user.email] for m in mail.outbox)


def test_reset_requests_per_address_are_limited(client, pemeran):
    for nama in ["bupati", "dprd", "admin", "ketua", "sekretariat", "operator"]:
        u = getattr(pemeran, nama)
        u.email = f"{nama}@baritoselatankab.go.id"
        u.save()
    alamat = [
        f"{n}@baritoselatankab.go.id"
        for n in ["bupati", "dprd", "admin", "ketua", "sekretariat", "operator"]
    ]
    for _ in range(2):
        for a in alamat:
            client.post(URL, {"email": a}, REMOTE_ADDR="10.2.0.1")
    assert len(mail.outbox) == 10
