"""The Notifikasi page, marking read, the unread count and the preferences page."""

import datetime as dt

import pytest
from django.urls import reverse

from kersa.notifications.models import Notifikasi, PreferensiPengingat
from kersa.notifications.services import pengingat_proses

D = dt.date


@pytest.fixture
def notif(jam, pemeran):
    jam("P16-4", D(2026, 2, 22))
    pengingat_proses(hari_ini=D(2026, 3, 17))
    return Notifikasi.objects.get(user=pemeran.operator)


def test_list_shows_notification_and_unread_count_in_nav(client, pemeran, notif):
    client.force_login(pemeran.operator)
    resp = client.get(reverse("notifications:daftar"))
    html = resp.content.decode()
    assert resp.status_code == 200
    assert "[P16-4]" in html
    assert "Pasal 16 ayat (4)" in html
    assert 'aria-label="1 belum dibaca"' in html


def test_mark_read_and_follow_link(client, pemeran, notif):
    client.force_login(pemeran.operator)
    resp = client.post(reverse("notifications:baca", args=[notif.pk]), {"next": notif.tautan})
    assert resp.status_code == 302 and resp["Location"] == notif.tautan
    notif.refresh_from_db()
    assert notif.dibaca_pada is not None
    assert "belum dibaca" not in client.get(reverse("notifications:daftar")).content.decode()


def test_cannot_mark_someone_elses_notification(client, pemeran, notif):
    client.force_login(pemeran.operator_lain)
    client.post(reverse("notifications:baca", args=[notif.pk]))
    notif.refresh_from_db()
    assert notif.dibaca_pada is None


def test_mark_all_read(client, pemeran, notif):
    client.force_login(pemeran.operator)
    client.post(reverse("notifications:baca_semua"))
    assert not Notifikasi.objects.filter(user=pemeran.operator, dibaca_pada=None).exists()


def test_preferences_digest_and_new_calendar_token(client, pemeran):
    client.force_login(pemeran.operator)
    resp = client.get(reverse("notifications:preferensi"))
    pref = PreferensiPengingat.objects.get(user=pemeran.operator)
    assert pref.token_kalender in resp.content.decode()
    assert "/tenggat/kalender-saya/" in resp.content.decode()
    # Every switch is on by default but the digest.
    assert pref.aplikasi_menjelang and pref.aplikasi_terlewat
    assert pref.surel_menjelang and pref.surel_terlewat and not pref.ringkasan_harian
    assert "Lewat surel" in resp.content.decode()
    client.post(
        reverse("notifications:preferensi"),
        {"aplikasi_terlewat": "on", "surel_terlewat": "on", "ringkasan_harian": "on"},
    )
    pref.refresh_from_db()
    assert pref.ringkasan_harian and pref.aplikasi_terlewat and pref.surel_terlewat
    assert not pref.aplikasi_menjelang and not pref.surel_menjelang
    lama = pref.token_kalender
    client.post(reverse("notifications:preferensi"), {"buat_ulang_token": "1"})
    pref.refresh_from_db()
    assert pref.token_kalender != lama
    assert client.get(reverse("deadlines:ics", args=[lama])).status_code == 404
    assert client.get(reverse("deadlines:ics", args=[pref.token_kalender])).status_code == 200
