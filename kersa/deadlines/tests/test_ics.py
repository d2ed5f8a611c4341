"""The personal iCalendar feed behind a secret URL."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar

from kersa.deadlines.services import tenggat_mulai
from kersa.notifications.services import preferensi_ambil

D = dt.date


@pytest.fixture
def jam(ksdd):
    return [
        tenggat_mulai(
            rule="P16-4",
            kunci=f"uji-ics:P16-4:{ksdd.pk}",
            tanggal_peristiwa=D(2026, 2, 22),
            peristiwa="Surat penawaran diterima",
            ksdd=ksdd,
        ),
        tenggat_mulai(
            rule="P22-3",
            kunci=f"uji-ics:P22-3:{ksdd.pk}",
            tanggal_peristiwa=D(2026, 1, 1),
            peristiwa="Permohonan persetujuan diterima DPRD",
            ksdd=ksdd,
            jatuh_tempo=D(2026, 3, 30),
        ),
    ]


def _feed(client, user):
    token = preferensi_ambil(user=user).token_kalender
    resp = client.get(reverse("deadlines:ics", args=[token]))
    assert resp.status_code == 200
    assert resp["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(resp.content)


def test_ics_feed_parses_and_holds_the_users_clocks(client, pemeran, jam):
    cal = _feed(client, pemeran.sekretariat)
    events = {str(e["summary"]): e for e in cal.walk("VEVENT")}
    nomor = jam[0].ksdd.nomor_register
    p22 = events[f"[P22-3] Sikap DPRD atas permohonan persetujuan — KSDD {nomor}"]
    assert p22.decoded("dtstart") == D(2026, 3, 30)
    assert p22.decoded("dtend") == D(2026, 3, 31)
    assert "Pasal 22 ayat (3)" in str(p22["description"])
    assert f"/ksdd/{jam[0].ksdd_id}/" in str(p22["description"])
    p16 = next(e for s, e in events.items() if s.startswith("[P16-4]"))
    assert p16.decoded("dtstart") == D(2026, 3, 24)
    alarm = p16.walk("VALARM")[0]
    assert alarm.decoded("trigger") == dt.timedelta(days=-1)
    # The UID is stable: a second fetch updates the same events, never duplicates them.
    lagi = _feed(client, pemeran.sekretariat)
    assert sorted(str(e["uid"]) for e in cal.walk("VEVENT")) == sorted(
        str(e["uid"]) for e in lagi.walk("VEVENT")
    )


def test_ics_feed_only_has_clocks_the_user_is_told_of(client, pemeran, jam):
    op = [str(e["summary"]) for e in _feed(client, pemeran.operator).walk("VEVENT")]
    assert any(s.startswith("[P16-4]") for s in op)
    assert not any(s.startswith("[P22-3]") for s in op)  # DPRD's clock, not the agency's
    lain = _feed(client, pemeran.operator_lain).walk("VEVENT")
    assert lain == []  # another agency's KSDD


def test_ics_bad_token_is_404(client, db):
    assert client.get(reverse("deadlines:ics", args=["bukan-token"])).status_code == 404
