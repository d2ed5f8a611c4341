"""Writes of the notifications room: give the reminders due today, mark notifications
read, change a user's reminder choices.

``pengingat_proses`` is called once a day by the deadlines worker
(``deadlines.tasks.pindai_tenggat``) and by ``tasks.kirim_pengingat``. Each reminder
is claimed by inserting its ``Pengingat`` row first (unique per clock, user and
kind), so it is given once even when two workers run, and running twice sends
nothing new.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation

from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.kalender import Kalender
from kersa.deadlines.models import Tenggat

from . import pesan
from .jadwal import JENDELA_TERLEWAT, batas_jatuh_tempo, jenis_hari_ini
from .models import Notifikasi, Pengingat, PreferensiPengingat, token_baru
from .penerima import kandidat_penerima, penerima

logger = logging.getLogger(__name__)

# A digest lists reminders not yet e-mailed from this many days back at most.
RINGKASAN_MAKS_HARI = 7


def _tenggat_calon(hari_ini: dt.date, kal: Kalender) -> list[Tenggat]:
    """Clocks that may have a reminder due today (one indexed query)."""
    return list(
        Tenggat.objects.filter(
            status__in=[StatusTenggat.BERJALAN, StatusTenggat.TERLEWAT],
            jatuh_tempo__gte=hari_ini - JENDELA_TERLEWAT,
            jatuh_tempo__lte=batas_jatuh_tempo(hari_ini, kal),
        ).select_related("ksdd")
    )


def _surel_langsung(user, pref: PreferensiPengingat | None) -> bool:
    if not user.email:
        return False
    return pref is None or (pref.surel_aktif and not pref.ringkasan_harian)


def _pengingat_beri(*, tenggat, user, jenis, hari_ini, item, pref) -> bool:
    """Claim one reminder and give it (in-app, and by e-mail unless the user takes the
    digest). False when it was already given, or when sending failed (the claim is
    rolled back and the next run tries again)."""
    try:
        with transaction.atomic():
            pengingat = Pengingat.objects.create(
                tenggat=tenggat, user=user, jenis=jenis, tanggal=hari_ini
            )
            Notifikasi.objects.create(
                user=user,
                judul=item["judul"][:250],
                isi=item["isi"],
                tautan=item["tautan"],
                tenggat=tenggat,
            )
            if _surel_langsung(user, pref):
                subjek, badan = pesan.surel_satu(user, item)
                send_mail(subjek, badan, None, [user.email], fail_silently=False)
                pengingat.disurelkan_pada = timezone.now()
                pengingat.save(update_fields=["disurelkan_pada"])
    except IntegrityError:
        return False
    except Exception:  # an SMTP failure must not stop the other reminders
        logger.exception("Pengingat %s/%s/%s gagal dikirim", tenggat.pk, user.pk, jenis)
        return False
    return True


def _ringkasan_kirim(*, pref: PreferensiPengingat, hari_ini: dt.date, kal: Kalender) -> bool:
    """One digest e-mail per user per day with every reminder not yet e-mailed."""
    user = pref.user
    with transaction.atomic():
        belum = list(
            # Lock only the reminder rows: PostgreSQL refuses FOR UPDATE on the
            # nullable side of the outer join to the KSDD.
            Pengingat.objects.select_for_update(of=("self",))
            .filter(
                user=user,
                disurelkan_pada__isnull=True,
                tanggal__gte=hari_ini - dt.timedelta(days=RINGKASAN_MAKS_HARI),
            )
            .select_related("tenggat__ksdd")
            .order_by("tenggat__jatuh_tempo", "id")
        )
        if not belum:
            return False
        # Claim the day with a conditional UPDATE: one digest a day, even with two workers.
        diklaim = (
            PreferensiPengingat.objects.filter(pk=pref.pk)
            .filter(Q(ringkasan_terakhir__isnull=True) | Q(ringkasan_terakhir__lt=hari_ini))
            .update(ringkasan_terakhir=hari_ini)
        )
        if not diklaim:
            return False
        items = [pesan.item_pengingat(p.tenggat, p.jenis, hari_ini, kal) for p in belum]
        Pengingat.objects.filter(pk__in=[p.pk for p in belum]).update(
            disurelkan_pada=timezone.now()
        )
        subjek, badan = pesan.surel_ringkasan(user, hari_ini, items)
        send_mail(subjek, badan, None, [user.email], fail_silently=False)
    return True


def pengingat_proses(*, hari_ini: dt.date) -> int:
    """Give every reminder due on ``hari_ini`` to the users told of its clock, then
    the daily digests. Returns how many reminders were given."""
    kal = Kalender()
    jatuh = []
    for t in _tenggat_calon(hari_ini, kal):
        jenis = jenis_hari_ini(t, hari_ini, kal)
        if jenis:
            jatuh.append((t, jenis))
    prefs = {p.user_id: p for p in PreferensiPengingat.objects.select_related("user")}
    n = 0
    with translation.override("id"):
        if jatuh:
            kandidat = kandidat_penerima()
            sudah = set(
                Pengingat.objects.filter(tenggat__in=[t for t, _j in jatuh]).values_list(
                    "tenggat_id", "user_id", "jenis"
                )
            )
            for t, jenis in jatuh:
                item = None
                for u in penerima(t, kandidat, jenis):
                    if (t.pk, u.pk, jenis) in sudah:
                        continue
                    item = item or pesan.item_pengingat(t, jenis, hari_ini, kal)
                    n += _pengingat_beri(
                        tenggat=t,
                        user=u,
                        jenis=jenis,
                        hari_ini=hari_ini,
                        item=item,
                        pref=prefs.get(u.pk),
                    )
        for pref in prefs.values():
            if pref.ringkasan_harian and pref.surel_aktif and pref.user.email:
                try:
                    _ringkasan_kirim(pref=pref, hari_ini=hari_ini, kal=kal)
                except Exception:
                    logger.exception("Ringkasan harian untuk %s gagal dikirim", pref.user_id)
    return n


# --- In-app notifications and preferences ------------------------------------------


def notifikasi_tandai_dibaca(*, user, notifikasi_id: int | None = None) -> int:
    """Mark one of the user's notifications read, or all of them (id None)."""
    qs = Notifikasi.objects.filter(user=user, dibaca_pada__isnull=True)
    if notifikasi_id is not None:
        qs = qs.filter(pk=notifikasi_id)
    return qs.update(dibaca_pada=timezone.now())


def preferensi_ambil(*, user) -> PreferensiPengingat:
    """The user's choices, created with the defaults on first use."""
    pref, _dibuat = PreferensiPengingat.objects.get_or_create(user=user)
    return pref


def preferensi_ubah(*, user, surel_aktif: bool, ringkasan_harian: bool) -> PreferensiPengingat:
    with transaction.atomic():
        pref = preferensi_ambil(user=user)
        pref.surel_aktif = surel_aktif
        pref.ringkasan_harian = ringkasan_harian
        pref.save(update_fields=["surel_aktif", "ringkasan_harian"])
    return pref


def preferensi_token_baru(*, user) -> PreferensiPengingat:
    """A new secret for the calendar feed: the old URL stops working at once."""
    with transaction.atomic():
        pref = preferensi_ambil(user=user)
        pref.token_kalender = token_baru()
        pref.save(update_fields=["token_kalender"])
    return pref
