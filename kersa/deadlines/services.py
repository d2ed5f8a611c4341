"""Writes of the deadlines room: start, meet and stop clocks; the worker's claims.

Every change of a clock's state writes a ``RiwayatTenggat`` row. Starting a clock
is idempotent by its ``kunci``: a clock is never created twice.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from kersa.core.errors import Pelanggaran, RuleViolation

from .choices import JenisHari, Satuan, StatusTenggat
from .definisi import DEFINISI
from .kalender import Kalender, _nasional, perkiraan_paket
from .models import HariLibur, KonfirmasiSkb, RiwayatTenggat, Tenggat, Tugas
from .peristiwa import uraian_id


def tenggat_mulai(
    *,
    rule: str,
    kunci: str,
    tanggal_peristiwa: dt.date,
    peristiwa: str = "",
    peristiwa_kode: str = "",
    peristiwa_data: dict | None = None,
    ksdd=None,
    subjek=None,
    perangkat_daerah=None,
    jatuh_tempo: dt.date | None = None,
    panjang: int | None = None,
    akibat: str | None = None,
    oleh=None,
    riwayat_tahap=None,
    kalender: Kalender | None = None,
) -> Tenggat:
    """Start the clock of ``rule`` from a dated event. ``jatuh_tempo`` is given only
    for clocks that run to a fixed date (the end of a KB); otherwise it is counted
    from the definition; ``akibat`` overrides the definition's consequence (P17-4's
    second request opens a task). Returns the existing clock when ``kunci`` is known.

    The starting event is ``peristiwa_kode`` with its facts ``peristiwa_data`` (shown in
    the reader's language, ``deadlines.peristiwa``; its Indonesian sentence is stored in
    ``peristiwa``), or free text in ``peristiwa``."""

    definisi = DEFINISI[rule]
    if peristiwa_kode:
        peristiwa = uraian_id(peristiwa_kode, peristiwa_data or {})
    with transaction.atomic():
        ada = Tenggat.objects.select_for_update().filter(kunci=kunci).first()
        if ada:
            return ada
        panjang = definisi.panjang if panjang is None else panjang
        tahun_perkiraan = None
        if jatuh_tempo is None:
            kal = kalender or Kalender()
            jatuh_tempo = kal.jatuh_tempo(definisi.satuan, tanggal_peristiwa, panjang)
            if definisi.satuan == Satuan.HARI_KERJA:
                # RULES.md, the calendar paragraph: counted over an estimated year.
                tahun_perkiraan = kal.perkiraan_antara(tanggal_peristiwa, jatuh_tempo)
        if perangkat_daerah is None and ksdd is not None:
            perangkat_daerah = ksdd.perangkat_daerah
        tenggat = Tenggat.objects.create(
            rule=rule,
            kunci=kunci,
            ksdd=ksdd,
            subjek=subjek,
            perangkat_daerah=perangkat_daerah,
            peristiwa=peristiwa[:300],
            peristiwa_kode=peristiwa_kode,
            peristiwa_data=peristiwa_data or {},
            tanggal_peristiwa=tanggal_peristiwa,
            satuan=definisi.satuan,
            panjang=panjang,
            jatuh_tempo=jatuh_tempo,
            tahun_perkiraan=tahun_perkiraan,
            akibat=akibat or definisi.akibat,
        )
        RiwayatTenggat.objects.create(
            tenggat=tenggat,
            dari="",
            ke=StatusTenggat.BERJALAN,
            oleh=oleh,
            alasan=peristiwa[:300],
            riwayat_tahap=riwayat_tahap,
        )
    return tenggat


def tenggat_geser(
    *, kunci: str, jatuh_tempo: dt.date, alasan: str, oleh=None, riwayat_tahap=None
) -> Tenggat | None:
    """Move the due date of the running clock ``kunci`` (a clock to a fixed date: the
    end of a KB extended, P19-3), with a history row saying from which date to which.
    None when no such clock runs (never started, or already closed)."""
    from dateutil.relativedelta import relativedelta
    from django.utils.translation import gettext as _

    with transaction.atomic():
        tenggat = (
            Tenggat.objects.select_for_update()
            .filter(kunci=kunci, status=StatusTenggat.BERJALAN)
            .first()
        )
        if tenggat is None or tenggat.jatuh_tempo == jatuh_tempo:
            return tenggat
        lama = tenggat.jatuh_tempo
        r = relativedelta(jatuh_tempo, tenggat.tanggal_peristiwa)
        tenggat.jatuh_tempo = jatuh_tempo
        tenggat.panjang = max(0, r.years * 12 + r.months)
        tenggat.save(update_fields=["jatuh_tempo", "panjang"])
        RiwayatTenggat.objects.create(
            tenggat=tenggat,
            dari=StatusTenggat.BERJALAN,
            ke=StatusTenggat.BERJALAN,
            oleh=oleh,
            alasan=(
                f"{alasan} — "
                + _("jatuh tempo %(lama)s menjadi %(baru)s")
                % {"lama": lama.strftime("%d-%m-%Y"), "baru": jatuh_tempo.strftime("%d-%m-%Y")}
            )[:1000],
            riwayat_tahap=riwayat_tahap,
        )
    return tenggat


def tanggal_selesai(tenggat: Tenggat, ke: str, pada: dt.date | None = None) -> dt.date:
    """The day the law sees a clock close (RULES.md, the calendar paragraph): a missed
    clock (TERLEWAT) is missed the day after its last day, whatever day the scan or a
    step noticed it; any other close happens on the date of the act that closed it
    (``pada``: a letter's receipt, a signing), or today when the act is the recording
    itself (a KSDD cancelled)."""
    if ke == StatusTenggat.TERLEWAT:
        return tenggat.jatuh_tempo + dt.timedelta(days=1)
    return pada or timezone.localdate()


def tanggal_tindakan_periksa(tenggat: Tenggat, ke: str, pada: dt.date, field: str | None):
    """A clock is met (or closed by a refusal) by a KSDD step only through an act that
    has happened: an act dated in the future is refused, citing the Pasal of the clock
    (``deadlines.pemicu``; each step also refuses its own future dates, rule P13)."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    if ke not in (StatusTenggat.TERPENUHI, StatusTenggat.DITUTUP_PENOLAKAN):
        return
    if pada <= timezone.localdate():
        return
    definisi = DEFINISI.get(tenggat.rule)
    raise RuleViolation(
        Pelanggaran(
            tenggat.rule,
            _(
                "Tanggal tindakan %(tgl)s belum tiba: tenggat “%(judul)s” dipenuhi "
                "pada tanggal tindakan yang telah terjadi (surat diterima atau ditandatangani), "
                "bukan pada tanggal yang akan datang (%(pasal)s)."
            )
            % {
                "tgl": date_format(pada, "j F Y"),
                "judul": definisi.judul if definisi else tenggat.rule,
                "pasal": definisi.pasal if definisi else tenggat.rule,
            },
            field=field,
        )
    )


def tenggat_akhiri(
    *,
    tenggat: Tenggat,
    ke: str,
    alasan: str = "",
    oleh=None,
    riwayat_tahap=None,
    pada: dt.date | None = None,
) -> bool:
    """Close a running clock (met, missed, deemed or stopped). Returns False when it
    was no longer running: the conditional UPDATE makes closing happen once.

    ``selesai_pada`` is the day the law sees (``tanggal_selesai``): the act's date
    ``pada`` for a met, deemed, refused or stopped clock, the day after the last day
    for a missed one. The moment of recording is kept apart: ``ditindak_pada`` (the
    worker's claim, or now) and the history row's ``waktu``."""
    from django.db.models import DateTimeField, F, Value
    from django.db.models.functions import Coalesce

    assert ke != StatusTenggat.BERJALAN
    pada = tanggal_selesai(tenggat, ke, pada)
    sekarang = timezone.now()
    with transaction.atomic():
        n = Tenggat.objects.filter(pk=tenggat.pk, status=StatusTenggat.BERJALAN).update(
            status=ke,
            selesai_pada=pada,
            ditindak_pada=Coalesce(
                F("ditindak_pada"), Value(sekarang, output_field=DateTimeField())
            ),
        )
        if not n:
            return False
        RiwayatTenggat.objects.create(
            tenggat=tenggat,
            dari=StatusTenggat.BERJALAN,
            ke=ke,
            oleh=oleh,
            alasan=alasan,
            riwayat_tahap=riwayat_tahap,
        )
    tenggat.status, tenggat.selesai_pada = ke, pada
    tenggat.ditindak_pada = tenggat.ditindak_pada or sekarang
    return True


def tenggat_terpenuhi_susulan(
    *, tenggat: Tenggat, pada: dt.date, alasan: str = "", oleh=None, riwayat_tahap=None
) -> bool:
    """A clock marked missed (TERLEWAT) whose awaited act happened on or before its last
    day, typed in only later: it was met, on ``pada`` (RULES.md, the calendar paragraph).
    Conditional UPDATE (TERLEWAT, due on or after ``pada``): corrected once; a history
    row says so. Returns False when there was nothing to correct."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    tanggal_tindakan_periksa(tenggat, StatusTenggat.TERPENUHI, pada, None)
    with transaction.atomic():
        n = Tenggat.objects.filter(
            pk=tenggat.pk, status=StatusTenggat.TERLEWAT, jatuh_tempo__gte=pada
        ).update(status=StatusTenggat.TERPENUHI, selesai_pada=pada, ditindak_pada=timezone.now())
        if not n:
            return False
        catatan = _(
            "Tindakan yang ditunggu terjadi pada %(tgl)s, paling lambat pada jatuh tempo "
            "%(jt)s, tetapi baru dicatat kemudian: tenggat terpenuhi, bukan terlewat."
        ) % {
            "tgl": date_format(pada, "j F Y"),
            "jt": date_format(tenggat.jatuh_tempo, "j F Y"),
        }
        RiwayatTenggat.objects.create(
            tenggat=tenggat,
            dari=StatusTenggat.TERLEWAT,
            ke=StatusTenggat.TERPENUHI,
            oleh=oleh,
            alasan=f"{alasan} — {catatan}"[:1000] if alasan else catatan,
            riwayat_tahap=riwayat_tahap,
        )
    tenggat.status, tenggat.selesai_pada = StatusTenggat.TERPENUHI, pada
    return True


def tenggat_penuhi(*, kunci: str, alasan: str, oleh=None, pada: dt.date | None = None) -> bool:
    """Meet the running clock with this key, when there is one: the record that the
    regulation asks for (a plan, a pleno, a report, a monitoring) has been made.
    Returns False when no such clock is running (not started yet, or already closed)."""
    tenggat = Tenggat.objects.filter(kunci=kunci, status=StatusTenggat.BERJALAN).first()
    if tenggat is None:
        return False
    return tenggat_akhiri(
        tenggat=tenggat, ke=StatusTenggat.TERPENUHI, alasan=alasan, oleh=oleh, pada=pada
    )


def tugas_buka(*, tenggat: Tenggat, judul: str, aksi: str):
    """Open the secretariat's task that follows a clock fallen due (P16-5, P16-6, P18-2).
    Idempotent: one task per clock (``Tugas.tenggat`` is unique)."""

    tugas, _dibuat = Tugas.objects.get_or_create(
        tenggat=tenggat,
        defaults={"judul": judul[:300], "rule": tenggat.rule, "aksi": aksi, "ksdd": tenggat.ksdd},
    )
    return tugas


def tugas_selesaikan(*, tugas_qs, riwayat_tahap) -> int:
    """Close the open tasks of ``tugas_qs``: the step they asked for is recorded in
    ``riwayat_tahap`` (or the KSDD has ended). Conditional UPDATE: closed once."""

    return tugas_qs.filter(status=Tugas.Status.TERBUKA).update(
        status=Tugas.Status.SELESAI,
        diselesaikan_pada=timezone.now(),
        selesai_oleh=riwayat_tahap,
    )


# --- The editable working-day calendar (HariLibur) ---------------------------------
#
# Refusals cite rule "HK" (hari kerja): the working-day count that Pasal 18 ayat (1)
# and (2) and Pasal 22 ayat (1) huruf b, d, e and ayat (3) rest on is Monday to Friday
# less the libur nasional and cuti bersama of the SKB 3 Menteri (RULES.md, the
# paragraph above the tables). The secretariat's table may only add a day that is not
# already off, or mark as worked a day that is off; anything else would not change
# the count and would only confuse it. An entry is configuration, not a record of a
# KSDD: it may be removed. Adding and removing are written to Django's admin log
# (LogEntry), so the admin's history shows who changed the calendar and when.
# Running working-day clocks whose due date was counted with the old calendar are
# counted again with the new one.


def _hk(pesan, field: str = "tanggal"):

    return RuleViolation(Pelanggaran("HK", pesan, field=field))


def _catat_log(*, user, hari, flag: int, pesan: str) -> None:
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    LogEntry.objects.create(
        user_id=user.pk,
        content_type=ContentType.objects.get_for_model(hari),
        object_id=str(hari.pk),
        object_repr=str(hari)[:200],
        action_flag=flag,
        change_message=pesan,
    )


def _tenggat_hitung_ulang(*, tanggal: dt.date, lama: Kalender, user) -> int:
    """Count again the running working-day clocks whose period covers ``tanggal`` and
    whose stored due date is the one the old calendar gives (a due date given by
    hand is left alone). Returns how many moved."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    baru = Kalender()
    n = 0
    berjalan = Tenggat.objects.select_for_update().filter(
        status=StatusTenggat.BERJALAN,
        satuan=Satuan.HARI_KERJA,
        tanggal_peristiwa__lt=tanggal,
        jatuh_tempo__gte=tanggal,
    )
    for tenggat in berjalan:
        if lama.jatuh_tempo(tenggat.satuan, tenggat.tanggal_peristiwa, tenggat.panjang) != (
            tenggat.jatuh_tempo
        ):
            continue
        jt = baru.jatuh_tempo(tenggat.satuan, tenggat.tanggal_peristiwa, tenggat.panjang)
        if jt == tenggat.jatuh_tempo:
            continue
        RiwayatTenggat.objects.create(
            tenggat=tenggat,
            dari=StatusTenggat.BERJALAN,
            ke=StatusTenggat.BERJALAN,
            oleh=user,
            alasan=_(
                "Jatuh tempo dihitung ulang dari %(lama)s menjadi %(baru)s karena kalender "
                "kerja diubah pada tanggal %(tanggal)s."
            )
            % {
                "lama": date_format(tenggat.jatuh_tempo, "j F Y"),
                "baru": date_format(jt, "j F Y"),
                "tanggal": date_format(tanggal, "j F Y"),
            },
        )
        Tenggat.objects.filter(pk=tenggat.pk).update(
            jatuh_tempo=jt, tahun_perkiraan=baru.perkiraan_antara(tenggat.tanggal_peristiwa, jt)
        )
        n += 1
    return n


def hari_libur_periksa(*, tanggal: dt.date, jenis: str, nama: str) -> None:
    """Raise RuleViolation (rule "HK") when the entry may not be added: the date has
    an entry already, a LIBUR day is already a listed day off or a weekend, or a
    MASUK day is neither a listed day off nor a weekend. Also used by the admin form."""
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    if jenis not in JenisHari.values:
        raise _hk(_("Jenis entri kalender kerja tidak dikenal."), field="jenis")
    if not (nama or "").strip():
        raise _hk(_("Keterangan hari wajib diisi."), field="nama")
    hari_str = date_format(tanggal, "l, j F Y")
    if HariLibur.objects.filter(tanggal=tanggal).exists():
        raise _hk(
            _("Tanggal %(tanggal)s sudah ada dalam kalender kerja daerah; hapus dulu entrinya.")
            % {"tanggal": hari_str}
        )
    nasional = _nasional(tanggal.year).get(tanggal)
    akhir_pekan = tanggal.weekday() >= 5
    if jenis == JenisHari.LIBUR and nasional:
        raise _hk(
            _(
                "%(tanggal)s sudah libur nasional atau cuti bersama menurut SKB 3 Menteri "
                "(%(nama)s); hari itu sudah tidak dihitung sebagai hari kerja "
                "(Pasal 18 dan Pasal 22)."
            )
            % {"tanggal": hari_str, "nama": nasional}
        )
    if jenis == JenisHari.LIBUR and akhir_pekan:
        raise _hk(
            _(
                "%(tanggal)s adalah hari Sabtu atau Minggu; hari itu sudah tidak dihitung "
                "sebagai hari kerja (Pasal 18 dan Pasal 22)."
            )
            % {"tanggal": hari_str}
        )
    if jenis == JenisHari.MASUK and not (nasional or akhir_pekan):
        raise _hk(
            _(
                "%(tanggal)s sudah hari kerja: hanya libur nasional, cuti bersama, atau hari "
                "Sabtu/Minggu yang dapat ditetapkan sebagai hari kerja (Pasal 18 dan Pasal 22)."
            )
            % {"tanggal": hari_str}
        )


def hari_libur_catat(*, tanggal: dt.date, jenis: str, nama: str, dasar: str = "", user):
    """Add an entry to the working-day calendar: a day off decided later or locally
    (LIBUR), or a listed day off (or a Saturday/Sunday) that is worked (MASUK).

    Needs ``deadlines.add_harilibur`` (Sekretariat TKKSD, Admin); the checks are
    those of ``hari_libur_periksa`` (rule "HK")."""
    from django.contrib.admin.models import ADDITION
    from django.core.exceptions import PermissionDenied
    from django.db import IntegrityError
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    if not user.has_perm("deadlines.add_harilibur"):
        raise PermissionDenied(_("Anda tidak berwenang mengubah kalender kerja."))
    nama, dasar = (nama or "").strip(), (dasar or "").strip()
    hari_libur_periksa(tanggal=tanggal, jenis=jenis, nama=nama)
    with transaction.atomic():
        lama = Kalender()
        try:
            with transaction.atomic():
                hari = HariLibur.objects.create(
                    tanggal=tanggal, jenis=jenis, nama=nama, dasar=dasar, dicatat_oleh=user
                )
        except IntegrityError as e:  # two clerks at once: the unique date decides
            raise _hk(
                _("Tanggal %(tanggal)s sudah ada dalam kalender kerja daerah.")
                % {"tanggal": date_format(tanggal, "l, j F Y")}
            ) from e
        _catat_log(user=user, hari=hari, flag=ADDITION, pesan=str(hari.get_jenis_display()))
        _tenggat_hitung_ulang(tanggal=tanggal, lama=lama, user=user)
    return hari


def hari_libur_hapus(*, hari, user) -> None:
    """Remove an entry of the working-day calendar (configuration, not a record):
    the day falls back to the national list. Needs ``deadlines.delete_harilibur``;
    written to the admin log; running working-day clocks are counted again."""
    from django.contrib.admin.models import DELETION
    from django.core.exceptions import PermissionDenied
    from django.utils.translation import gettext as _

    if not user.has_perm("deadlines.delete_harilibur"):
        raise PermissionDenied(_("Anda tidak berwenang mengubah kalender kerja."))
    with transaction.atomic():
        lama = Kalender()
        tanggal = hari.tanggal
        _catat_log(user=user, hari=hari, flag=DELETION, pesan=_("Entri kalender kerja dihapus"))
        hari.delete()
        _tenggat_hitung_ulang(tanggal=tanggal, lama=lama, user=user)


# --- Confirming a year's SKB (estimated holiday years) --------------------------------
#
# RULES.md, the calendar paragraph: a year whose holidays come from an estimate (the
# package's data holds an estimated date, or no cuti bersama) marks every working-day
# due date counted on it as an estimate until the secretariat confirms that year's SKB
# Bersama on libur nasional and cuti bersama. Confirming is a record (year, SKB number
# and date, who, when); every clock whose due date rested on that year loses its mark,
# with a history row, and the deemed-approval worker acts on it again (``pekerja``).
# Days where the SKB differs from the estimate are entered first as calendar entries
# (``hari_libur_catat``), which count the clocks again.


def skb_konfirmasi(
    *, tahun: int, nomor: str, tanggal: dt.date | None = None, catatan: str = "", user
):
    """Confirm that the holidays of ``tahun`` are those of its SKB (rule "HK"). Needs
    ``deadlines.add_harilibur`` (who keeps the working-day calendar). Refused when the
    year is already confirmed or is not an estimate; nothing half-saved."""
    from django.contrib.admin.models import ADDITION
    from django.core.exceptions import PermissionDenied
    from django.db import IntegrityError
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    if not user.has_perm("deadlines.add_harilibur"):
        raise PermissionDenied(_("Anda tidak berwenang mengubah kalender kerja."))
    nomor, catatan = (nomor or "").strip(), (catatan or "").strip()
    if not nomor:
        raise _hk(
            _("Nomor SKB Bersama tentang libur nasional dan cuti bersama wajib diisi."),
            field="nomor",
        )
    ada = KonfirmasiSkb.objects.filter(tahun=tahun).select_related("dicatat_oleh").first()
    if ada is not None:
        raise _hk(
            _(
                "Hari libur tahun %(tahun)s sudah dikonfirmasi dengan SKB %(nomor)s oleh "
                "%(oleh)s pada %(pada)s."
            )
            % {
                "tahun": tahun,
                "nomor": ada.nomor,
                "oleh": ada.dicatat_oleh.nama_tampil,
                "pada": date_format(timezone.localtime(ada.dicatat_pada), "j F Y"),
            },
            field="nomor",
        )
    if not perkiraan_paket(tahun):
        raise _hk(
            _(
                "Hari libur tahun %(tahun)s sudah mengikuti SKB Bersama tentang libur nasional "
                "dan cuti bersama tahun itu; tidak ada perkiraan yang perlu dikonfirmasi."
            )
            % {"tahun": tahun},
            field="nomor",
        )
    if tanggal and tanggal > timezone.localdate():
        raise _hk(_("Tanggal SKB belum tiba."), field="tanggal")
    with transaction.atomic():
        try:
            with transaction.atomic():
                konfirmasi = KonfirmasiSkb.objects.create(
                    tahun=tahun, nomor=nomor, tanggal=tanggal, catatan=catatan, dicatat_oleh=user
                )
        except IntegrityError as e:  # two clerks at once: the unique year decides
            raise _hk(
                _("Hari libur tahun %(tahun)s sudah dikonfirmasi.") % {"tahun": tahun},
                field="nomor",
            ) from e
        _catat_log(
            user=user,
            hari=konfirmasi,
            flag=ADDITION,
            pesan=_("SKB tahun %(tahun)s dikonfirmasi: %(nomor)s")
            % {"tahun": tahun, "nomor": nomor},
        )
        kal = Kalender()
        for tenggat in Tenggat.objects.select_for_update().filter(tahun_perkiraan=tahun):
            sisa = kal.perkiraan_antara(tenggat.tanggal_peristiwa, tenggat.jatuh_tempo)
            Tenggat.objects.filter(pk=tenggat.pk).update(tahun_perkiraan=sisa)
            RiwayatTenggat.objects.create(
                tenggat=tenggat,
                dari=tenggat.status,
                ke=tenggat.status,
                oleh=user,
                alasan=(
                    _(
                        "Hari libur tahun %(tahun)s dikonfirmasi dengan SKB %(nomor)s: jatuh "
                        "tempo %(jt)s bukan lagi perkiraan."
                    )
                    if sisa is None
                    else _(
                        "Hari libur tahun %(tahun)s dikonfirmasi dengan SKB %(nomor)s; jatuh "
                        "tempo %(jt)s masih perkiraan karena hari libur tahun %(sisa)s."
                    )
                )
                % {
                    "tahun": tahun,
                    "nomor": nomor,
                    "jt": date_format(tenggat.jatuh_tempo, "j F Y"),
                    "sisa": sisa,
                },
            )
    return konfirmasi
