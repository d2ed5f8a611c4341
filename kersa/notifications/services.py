"""Writes of the notifications room: give the reminders due today, mark notifications
read, change a user's reminder choices.

``pengingat_proses`` is called once a day by the deadlines worker
(``deadlines.tasks.pindai_tenggat``) and by ``tasks.kirim_pengingat``. Each reminder
is claimed by inserting its ``Pengingat`` row first (unique per clock, user, kind
and due date: a clock moved to a new due date, a KB extended, is reminded again), so it is given once even when two workers run, and running twice sends
nothing new.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kersa.agreements.choices import STATUS_AKHIR, JenisNaskah
from kersa.agreements.models import Ksdd, Naskah
from kersa.agreements.selectors import ksdd_dapat_dilihat
from kersa.beranda.kotak import pekerjaan_saya
from kersa.core.roles import Peran
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.definisi import JENDELA_TERLEWAT, KB_TANPA_PKS_HARI, PERAN_KB_TANPA_PKS
from kersa.deadlines.kalender import Kalender
from kersa.deadlines.models import Tenggat

from . import pesan
from .choices import JenisPengingat
from .jadwal import batas_jatuh_tempo, jenis_hari_ini
from .models import (
    Notifikasi,
    Pengingat,
    PengingatKsdd,
    PreferensiPengingat,
    RingkasanHarian,
    token_baru,
)
from .penerima import kandidat_penerima, penerima

logger = logging.getLogger(__name__)

# A digest lists reminders not yet e-mailed from this many days back at most.
RINGKASAN_MAKS_HARI = 7


def _tenggat_jatuh(hari_ini: dt.date, kal: Kalender) -> list[tuple[Tenggat, str]]:
    """The clocks with a reminder due today and its kind. The window (one indexed query)
    is read as plain tuples of the four columns the schedule reads, each due date's
    reminder days counted once (issue 18: tens of thousands of clocks in the window at
    national scale); only the clocks with a reminder are loaded as objects, with their
    KSDD (a second query)."""
    ringan = Tenggat.objects.filter(
        status__in=[StatusTenggat.BERJALAN, StatusTenggat.TERLEWAT],
        jatuh_tempo__gte=hari_ini - JENDELA_TERLEWAT,
        jatuh_tempo__lte=batas_jatuh_tempo(hari_ini, kal),
    ).values_list("pk", "rule", "status", "jatuh_tempo", "tanggal_peristiwa", named=True)
    kal = _KalenderIngat(kal)
    jenis = {}
    for t in ringan.iterator(chunk_size=5000):
        j = jenis_hari_ini(t, hari_ini, kal)
        if j:
            jenis[t.pk] = j
    if not jenis:
        return []
    return [(t, jenis[t.pk]) for t in Tenggat.objects.filter(pk__in=jenis).select_related("ksdd")]


class _KalenderIngat:
    """A calendar that remembers its working-day sums: the window's clocks share a few
    hundred due dates."""

    def __init__(self, kal: Kalender):
        self._kal = kal
        self._ingat: dict[tuple[dt.date, int], dt.date] = {}

    def tambah_hari_kerja(self, tanggal: dt.date, n: int) -> dt.date:
        kunci = (tanggal, n)
        if kunci not in self._ingat:
            self._ingat[kunci] = self._kal.tambah_hari_kerja(tanggal, n)
        return self._ingat[kunci]

    def __getattr__(self, nama):
        return getattr(self._kal, nama)


def _surel_langsung(user, pref: PreferensiPengingat | None, jenis: str) -> bool:
    if not user.email:
        return False
    return pref is None or (pref.surel(jenis) and not pref.ringkasan_harian)


def _di_aplikasi(pref: PreferensiPengingat | None, jenis: str) -> bool:
    return pref is None or pref.aplikasi(jenis)


def _pengingat_beri(*, tenggat, user, jenis, hari_ini, item, pref) -> bool:
    """Claim one reminder and give it: in KERSA and by e-mail, as the user chose for its
    kind (by e-mail in the digest when the user takes it). False when it was already
    given, or when sending failed (the claim is rolled back and the next run tries
    again)."""
    try:
        with transaction.atomic():
            pengingat = Pengingat.objects.create(
                tenggat=tenggat,
                user=user,
                jenis=jenis,
                jatuh_tempo=tenggat.jatuh_tempo,
                tanggal=hari_ini,
            )
            if _di_aplikasi(pref, jenis):
                Notifikasi.objects.create(
                    user=user,
                    judul=item["judul"][:250],
                    isi=item["isi"],
                    tautan=item["tautan"],
                    tenggat=tenggat,
                )
            if _surel_langsung(user, pref, jenis):
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


def _jenis_surel(pref: PreferensiPengingat) -> list[str]:
    """The reminder kinds this user takes by e-mail."""
    return [j for j in JenisPengingat.values if pref.surel(j)]


def ringkasan_kirim(*, pref: PreferensiPengingat, hari_ini: dt.date, kal: Kalender) -> bool:
    """The user's daily digest: their own work (``beranda.kotak.pekerjaan_saya``, late
    first, with the days left) and every reminder of a kind they take by e-mail not yet
    e-mailed. Claimed by inserting its ``RingkasanHarian`` row (unique per user and
    date) in the same transaction as the send: once a day, even with two workers; a
    failed send rolls the claim back. Nothing is sent when there is nothing to say."""

    user = pref.user
    try:
        with transaction.atomic():
            RingkasanHarian.objects.create(user=user, tanggal=hari_ini)
            belum = list(
                # Lock only the reminder rows: PostgreSQL refuses FOR UPDATE on the
                # nullable side of the outer join to the KSDD.
                Pengingat.objects.select_for_update(of=("self",))
                .filter(
                    user=user,
                    disurelkan_pada__isnull=True,
                    jenis__in=_jenis_surel(pref),
                    tanggal__gte=hari_ini - dt.timedelta(days=RINGKASAN_MAKS_HARI),
                )
                .select_related("tenggat__ksdd")
                .order_by("tenggat__jatuh_tempo", "id")
            )
            kerja = pekerjaan_saya(user, hari_ini)
            if not belum and not kerja:
                raise _TidakAdaIsi
            items = [pesan.item_pengingat(p.tenggat, p.jenis, hari_ini, kal) for p in belum]
            Pengingat.objects.filter(pk__in=[p.pk for p in belum]).update(
                disurelkan_pada=timezone.now()
            )
            RingkasanHarian.objects.filter(user=user, tanggal=hari_ini).update(
                jumlah_pekerjaan=len(kerja), jumlah_pengingat=len(items)
            )
            subjek, badan = pesan.surel_ringkasan(user, hari_ini, items, kerja)
            send_mail(subjek, badan, None, [user.email], fail_silently=False)
    except (IntegrityError, _TidakAdaIsi):
        return False
    return True


class _TidakAdaIsi(Exception):
    """Rolls back the claim of a digest with nothing in it."""


def pengingat_proses(*, hari_ini: dt.date) -> int:
    """Give every reminder due on ``hari_ini`` to the users told of its clock, then
    the daily digests. Returns how many reminders were given."""
    kal = Kalender()
    jatuh = _tenggat_jatuh(hari_ini, kal)
    prefs = {p.user_id: p for p in PreferensiPengingat.objects.select_related("user")}
    n = 0
    with translation.override("id"):
        if jatuh:
            kandidat = kandidat_penerima()
            sudah = set(
                Pengingat.objects.filter(tenggat__in=[t for t, _j in jatuh]).values_list(
                    "tenggat_id", "user_id", "jenis", "jatuh_tempo"
                )
            )
            for t, jenis in jatuh:
                item = None
                for u in penerima(t, kandidat, jenis):
                    # per due date: a clock moved (a KB extended) is reminded again
                    if (t.pk, u.pk, jenis, t.jatuh_tempo) in sudah:
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
            if pref.ringkasan_harian and pref.user.email and pref.user.is_active:
                try:
                    ringkasan_kirim(pref=pref, hari_ini=hari_ini, kal=kal)
                except Exception:
                    logger.exception("Ringkasan harian untuk %s gagal dikirim", pref.user_id)
    return n


def langkah_kabarkan(*, ksdd, status, alasan: str, orang: list[tuple]) -> list:
    """A KSDD reached a status where these people must act (``orang``: (user, labels
    of their steps)): an in-app notification to each who takes it, naming their steps.
    Returns the users to e-mail (an address, and e-mail of steps on). Called by
    ``agreements.tasks.kabari_tahap_baru`` inside its claim."""
    from django.urls import reverse

    prefs = {
        p.user_id: p for p in PreferensiPengingat.objects.filter(user__in=[u for u, _l in orang])
    }
    tautan = reverse("agreements:detail", args=[ksdd.pk])
    surel = []
    for u, langkah in orang:
        pref = prefs.get(u.pk)
        if pref is None or pref.aplikasi_langkah:
            Notifikasi.objects.create(
                user=u,
                judul=(
                    f"{ksdd.nomor_register}: {status} — "
                    + (_("langkah Anda: %(langkah)s") % {"langkah": "; ".join(langkah)})
                )[:250],
                isi=f"{ksdd.judul}\n{alasan}".strip(),
                tautan=tautan,
            )
        if u.email and (pref is None or pref.surel_langkah):
            surel.append(u)
    return surel


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


SAKLAR = (
    "aplikasi_langkah",
    "surel_langkah",
    "aplikasi_menjelang",
    "aplikasi_terlewat",
    "surel_menjelang",
    "surel_terlewat",
    "ringkasan_harian",
)


def preferensi_ubah(*, user, **saklar: bool) -> PreferensiPengingat:
    """Set the user's switches (``SAKLAR``; those not given keep their value)."""
    tidak_dikenal = set(saklar) - set(SAKLAR)
    if tidak_dikenal:
        raise TypeError(f"Saklar tidak dikenal: {sorted(tidak_dikenal)}")
    with transaction.atomic():
        pref = preferensi_ambil(user=user)
        for nama, nilai in saklar.items():
            setattr(pref, nama, bool(nilai))
        pref.save(update_fields=list(saklar) or None)
    return pref


def preferensi_token_baru(*, user) -> PreferensiPengingat:
    """A new secret for the calendar feed: the old URL stops working at once."""
    with transaction.atomic():
        pref = preferensi_ambil(user=user)
        pref.token_kalender = token_baru()
        pref.save(update_fields=["token_kalender"])
    return pref


# --- Reminders that are not clocks ---------------------------------------------------

# A reminder that is not a clock is given as the user chose for reminders ahead of a due
# date (not for a missed one): ``PreferensiPengingat.aplikasi_menjelang/surel_menjelang``.
JENIS_KB_TANPA_PKS = JenisPengingat.MULAI


def pengingat_kb_tanpa_pks(*, hari_ini: dt.date) -> int:
    """A KB signed ``KB_TANPA_PKS_HARI`` (90) days ago or more, of a KSDD not ended,
    still without a signed PKS (Pasal 11 ayat 4; P10): told to those who draft the PKS
    (``definisi.PERAN_KB_TANPA_PKS``: the agency's operators, the secretariat), once per
    KSDD, claimed by its ``PengingatKsdd`` row. Each as they chose for reminders ahead of
    a due date (``PreferensiPengingat``, ``JENIS_KB_TANPA_PKS``): in KERSA, and by
    e-mail unless they take the daily digest; the e-mails go after the claim is
    committed, a failed one logged without undoing the others. Not a statutory clock:
    no due date, nothing happens after it. Returns how many users were told."""
    from django.db.models import Exists, OuterRef
    from django.urls import reverse

    jenis = PengingatKsdd.Jenis.KB_TANPA_PKS
    batas = hari_ini - dt.timedelta(days=KB_TANPA_PKS_HARI)
    kb = Naskah.objects.filter(
        ksdd=OuterRef("pk"), jenis=JenisNaskah.KB, tanggal_ditandatangani__lte=batas
    )
    pks = Naskah.objects.filter(
        ksdd=OuterRef("pk"), jenis=JenisNaskah.PKS, tanggal_ditandatangani__isnull=False
    )
    sudah = PengingatKsdd.objects.filter(ksdd=OuterRef("pk"), jenis=jenis)
    calon = list(
        Ksdd.objects.exclude(status__in=STATUS_AKHIR)
        .filter(Exists(kb), ~Exists(pks), ~Exists(sudah))
        .prefetch_related("naskah")
        .order_by("pk")
    )
    if not calon:
        return 0
    kandidat = [u for u in kandidat_penerima() if u._peran_kersa & set(PERAN_KB_TANPA_PKS)]
    prefs = {
        p.user_id: p for p in PreferensiPengingat.objects.filter(user__in=[u.pk for u in kandidat])
    }
    n = 0
    with translation.override("id"):
        for k in calon:
            ttd = next(x for x in k.naskah.all() if x.jenis == JenisNaskah.KB)
            orang = [
                u
                for u in kandidat
                if (
                    u._peran_kersa - {Peran.OPERATOR_PD}
                    or u.perangkat_daerah_id == k.perangkat_daerah_id
                )
                and ksdd_dapat_dilihat(u, k)
            ]
            hari = (hari_ini - ttd.tanggal_ditandatangani).days
            item = {
                "judul": (
                    _("%(nomor)s: Kesepakatan Bersama %(hari)d hari tanpa PKS")
                    % {"nomor": k.nomor_register, "hari": hari}
                )[:250],
                "isi": _(
                    "%(judul)s\nKesepakatan Bersama ditandatangani pada %(ttd)s "
                    "dan belum ditindaklanjuti dengan Perjanjian Kerja Sama (Pasal "
                    "11 ayat 4). Ini pengingat, bukan tenggat peraturan."
                )
                % {"judul": k.judul, "ttd": ttd.tanggal_ditandatangani.strftime("%d-%m-%Y")},
                "tautan": reverse("agreements:detail", args=[k.pk]),
            }
            try:
                with transaction.atomic():
                    PengingatKsdd.objects.create(ksdd=k, jenis=jenis, tanggal=hari_ini)
                    Notifikasi.objects.bulk_create(
                        Notifikasi(user=u, **item)
                        for u in orang
                        if _di_aplikasi(prefs.get(u.pk), JENIS_KB_TANPA_PKS)
                    )
            except IntegrityError:
                continue  # another worker gave it
            for u in orang:
                if _surel_langsung(u, prefs.get(u.pk), JENIS_KB_TANPA_PKS):
                    try:
                        subjek, badan = pesan.surel_satu(u, item)
                        send_mail(subjek, badan, None, [u.email], fail_silently=False)
                    except Exception:  # one failed e-mail must not stop the others
                        logger.exception("Surel KB tanpa PKS %s untuk %s gagal", k.pk, u.pk)
            n += len(orang)
    return n
