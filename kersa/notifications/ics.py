"""The personal calendar feed (iCalendar, RFC 5545): one all-day event on the due date
per running clock the user is told of, with an alarm the day before, so officials see
the deadlines of the regulation in their phone's calendar. A clock closed lately keeps
its event (same UID), without alarm, saying how it ended on the day the law sees
("Terpenuhi pada ...", "Terlewat sejak ...") and the day that was recorded."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, Event

from kersa.deadlines.definisi import DEFINISI
from kersa.deadlines.selectors import dicatat_teks, perkiraan_teks, selesai_teks

from .pesan import tautan, url_penuh


def _uid(tenggat) -> str:
    host = urlsplit(settings.KERSA_BASE_URL).hostname or "kersa"
    return f"tenggat-{tenggat.pk}@{host}"


def kalender_ics(*, user, daftar) -> bytes:
    """The feed of ``daftar`` (clocks) for ``user`` as bytes."""
    with translation.override("id"):
        cal = Calendar()
        cal.add("prodid", "-//KERSA//Tenggat KSDD//ID")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", _("Tenggat KERSA — %(nama)s") % {"nama": user.nama_tampil})
        cal.add("x-wr-timezone", settings.TIME_ZONE)
        sekarang = timezone.now()
        for t in daftar:
            d = DEFINISI.get(t.rule)
            judul = str(d.judul) if d else t.rule
            ringkas = f"[{t.rule}] {judul}"
            if t.ksdd_id:
                ringkas += f" — KSDD {t.ksdd.nomor_register}"
            url = url_penuh(tautan(t))
            keterangan = [ringkas]
            if d:
                keterangan.append(str(d.pasal))
            if t.ksdd_id:
                keterangan.append(t.ksdd.judul)
            keterangan.append(
                _("Peristiwa awal: %(peristiwa)s (%(tanggal)s)")
                % {"peristiwa": t.peristiwa_teks, "tanggal": f"{t.tanggal_peristiwa:%d-%m-%Y}"}
            )
            perkiraan = perkiraan_teks(t)
            if perkiraan:  # RULES.md, the calendar paragraph: an estimated due date
                ringkas += " " + _("(perkiraan)")
                keterangan.insert(1, perkiraan)
            selesai = selesai_teks(t, "id")
            if selesai:
                # Closed: the day the law sees, and the day it was typed in.
                ringkas += f" — {selesai}"
                keterangan.insert(1, selesai)
                dicatat = dicatat_teks(t, "id")
                if dicatat:
                    keterangan.insert(2, _("Dicatat pada %(tanggal)s") % {"tanggal": dicatat})
            keterangan.append(url)
            ev = Event()
            ev.add("uid", _uid(t))
            ev.add("dtstamp", sekarang)
            ev.add("summary", ringkas)
            ev.add("dtstart", t.jatuh_tempo)
            ev.add("dtend", t.jatuh_tempo + dt.timedelta(days=1))
            ev.add("description", "\n".join(keterangan))
            ev.add("url", url)
            ev.add("transp", "TRANSPARENT")
            if not selesai:  # no reminder for a clock already closed
                alarm = Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", ringkas)
                alarm.add("trigger", dt.timedelta(days=-1))
                ev.add_component(alarm)
            cal.add_component(ev)
    return cal.to_ical()
