"""Reads of the deadlines room: which clocks a user may see, grouped and counted down.

Query-count discipline lives here: a list of clocks is one query (with its KSDD and
agency joined) plus one for the calendar (``Kalender``), whatever its length.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kersa.agreements.selectors import ksdd_visible_to
from kersa.core.format import tanggal_panjang

from .choices import Akibat, Satuan, StatusTenggat
from .definisi import DEFINISI, JENDELA_TERLEWAT, SEMESTER, Definisi
from .definisi import penanggung_tugas as definisi_penanggung_tugas
from .kalender import Kalender
from .models import Tenggat, Tugas

MINGGU = dt.timedelta(days=7)

# A clock closed (met, deemed, refused, stopped) stays on the Tenggat page this long
# after it was recorded, with the day the law sees and the day it was typed in.
JENDELA_SELESAI = dt.timedelta(days=30)

GRUP = ("terlewat", "hari_ini", "minggu_ini", "berikutnya", "selesai")


def tenggat_terlihat(user) -> QuerySet[Tenggat]:
    """The clocks this user may see: those of the KSDD they may see; clocks without a
    KSDD (meetings, reports) for those who see every KSDD, or their own agency's."""
    qs = Tenggat.objects.all()
    if not user.is_authenticated:
        return qs.none()
    if user.has_perm("agreements.lihat_semua_ksdd"):
        return qs
    cond = Q(ksdd__in=ksdd_visible_to(user))
    if user.has_perm("agreements.view_ksdd") and user.perangkat_daerah_id:
        cond |= Q(ksdd__isnull=True, perangkat_daerah_id=user.perangkat_daerah_id)
    return qs.filter(cond)


def q_terbuka(hari_ini: dt.date) -> Q:
    """Running clocks, and missed ones still in the overdue window."""
    return Q(status=StatusTenggat.BERJALAN) | Q(
        status=StatusTenggat.TERLEWAT, jatuh_tempo__gte=hari_ini - JENDELA_TERLEWAT
    )


def q_selesai_baru() -> Q:
    """Clocks closed otherwise than missed, recorded in the last ``JENDELA_SELESAI``."""
    from django.utils import timezone

    return Q(ditindak_pada__gte=timezone.now() - JENDELA_SELESAI) & ~Q(
        status__in=[StatusTenggat.BERJALAN, StatusTenggat.TERLEWAT]
    )


def selesai_teks(tenggat: Tenggat, bahasa: str | None = None) -> str:
    """How a closed clock ended, on the day the law sees (RULES.md, the calendar
    paragraph): "Terpenuhi pada Jumat, 18 Desember 2025" (the act's date), "Terlewat
    sejak Jumat, 1 Januari 2027 (hari terakhir Kamis, 31 Desember 2026)" (the day
    after the last day), "... berlaku sejak ..." for a deemed approval. Empty while
    the clock runs."""
    if tenggat.status == StatusTenggat.BERJALAN or not tenggat.selesai_pada:
        return ""
    tgl = tanggal_panjang(tenggat.selesai_pada, bahasa)
    if tenggat.status == StatusTenggat.TERLEWAT:
        return _("Terlewat sejak %(tgl)s (hari terakhir %(akhir)s)") % {
            "tgl": tgl,
            "akhir": tanggal_panjang(tenggat.jatuh_tempo, bahasa),
        }
    if tenggat.status == StatusTenggat.DIANGGAP:
        return _("%(status)s sejak %(tgl)s") % {
            "status": tenggat.get_status_display(),
            "tgl": tgl,
        }
    return _("%(status)s pada %(tgl)s") % {"status": tenggat.get_status_display(), "tgl": tgl}


def dicatat_teks(tenggat: Tenggat, bahasa: str | None = None) -> str:
    """The day the close was recorded (typed in, or acted on by the scan), when it is not
    the day the law sees: "2 Desember 2026"; empty otherwise."""
    from django.utils import timezone

    if not tenggat.ditindak_pada or tenggat.status == StatusTenggat.BERJALAN:
        return ""
    hari = timezone.localtime(tenggat.ditindak_pada).date()
    if hari == tenggat.selesai_pada:
        return ""
    return tanggal_panjang(hari, bahasa)


def perkiraan_teks(tenggat: Tenggat) -> str:
    """The mark of a due date counted over a year whose holidays are only an estimate
    (RULES.md, the calendar paragraph); empty when it rests on confirmed years."""
    if not tenggat.tahun_perkiraan:
        return ""
    return _(
        "Perkiraan: hari libur tahun %(tahun)s belum dikonfirmasi dengan SKB Bersama tentang "
        "libur nasional dan cuti bersama."
    ) % {"tahun": tenggat.tahun_perkiraan}


def ditahan_teks(tenggat: Tenggat, hari_ini: dt.date) -> str:
    """For a deemed approval on an estimated due date: the worker holds it until the
    year's SKB is confirmed (``pekerja.DITAHAN``); empty otherwise."""

    if not (
        tenggat.tahun_perkiraan
        and tenggat.akibat == Akibat.ANGGAP_SETUJU
        and tenggat.status == StatusTenggat.BERJALAN
    ):
        return ""
    if tenggat.jatuh_tempo < hari_ini:
        return _(
            "Persetujuan DPRD belum dianggap diberikan: jatuh tempo ini perkiraan, dan pekerja "
            "menunggu Sekretariat TKKSD mengonfirmasi SKB tahun %(tahun)s pada kalender kerja."
        ) % {"tahun": tenggat.tahun_perkiraan}
    return _(
        "Pekerja tidak menganggap persetujuan DPRD diberikan pada jatuh tempo perkiraan ini "
        "sampai Sekretariat TKKSD mengonfirmasi SKB tahun %(tahun)s pada kalender kerja."
    ) % {"tahun": tenggat.tahun_perkiraan}


@dataclass
class BarisTenggat:
    """One clock as a clerk reads it: rule, Pasal, due date and countdown in words."""

    tenggat: Tenggat
    definisi: Definisi | None
    sisa: int
    hitung_mundur: str
    jatuh_tempo_teks: str
    tanggal_peristiwa_teks: str
    libur: str | None  # a calendar-day period ending on a day off: that day's name
    grup: str
    selesai_teks: str = ""  # a closed clock: how and when (the law's day) it ended
    dicatat_teks: str = ""  # ... and the day that was recorded, when another day
    perkiraan_teks: str = ""  # the due date rests on an estimated holiday year
    ditahan_teks: str = ""  # ... and the worker holds the deemed approval on it

    @property
    def pasal(self) -> str:
        return str(self.definisi.pasal) if self.definisi else ""

    @property
    def judul(self) -> str:
        return str(self.definisi.judul) if self.definisi else self.tenggat.rule

    @property
    def penanggung(self) -> str:
        return str(self.definisi.penanggung) if self.definisi else ""

    @property
    def tautan(self) -> str:
        """Where to make the record that meets this clock, when it is not a KSDD step."""
        if not (self.definisi and self.definisi.tempat):
            return ""
        url = reverse(self.definisi.tempat)
        if self.definisi.periode == SEMESTER:
            url += "?periode=" + self.tenggat.kunci.rsplit(":", 1)[-1]
        return url


def hitung_mundur(satuan: str, hari_ini: dt.date, jatuh_tempo: dt.date, kal: Kalender):
    """(units left, words): "12 hari kerja lagi", "3 hari kalender lagi",
    "jatuh tempo hari ini", "terlambat 2 hari kerja". Months count as calendar days."""
    kerja = satuan == Satuan.HARI_KERJA
    if jatuh_tempo == hari_ini:
        return 0, _("jatuh tempo hari ini")
    n = kal.sisa(satuan, hari_ini, jatuh_tempo)
    if jatuh_tempo > hari_ini:
        n = max(n, 1)
        if kerja:
            teks = ngettext("%(n)d hari kerja lagi", "%(n)d hari kerja lagi", n)
        else:
            teks = ngettext("%(n)d hari kalender lagi", "%(n)d hari kalender lagi", n)
        return n, teks % {"n": n}
    n = min(n, -1)
    if kerja:
        teks = ngettext("terlambat %(n)d hari kerja", "terlambat %(n)d hari kerja", -n)
    else:
        teks = ngettext("terlambat %(n)d hari kalender", "terlambat %(n)d hari kalender", -n)
    return n, teks % {"n": -n}


def grup_tenggat(hari_ini: dt.date, jatuh_tempo: dt.date, status: str) -> str:
    if status not in (StatusTenggat.BERJALAN, StatusTenggat.TERLEWAT):
        return "selesai"
    if status == StatusTenggat.TERLEWAT or jatuh_tempo < hari_ini:
        return "terlewat"
    if jatuh_tempo == hari_ini:
        return "hari_ini"
    if jatuh_tempo <= hari_ini + MINGGU:
        return "minggu_ini"
    return "berikutnya"


def baris_tenggat(
    tenggat: Tenggat, hari_ini: dt.date, kal: Kalender, bahasa: str | None = None
) -> BarisTenggat:
    """The display row of one clock (no query beyond the calendar's)."""
    sisa, teks = hitung_mundur(tenggat.satuan, hari_ini, tenggat.jatuh_tempo, kal)
    libur = None
    if tenggat.satuan != Satuan.HARI_KERJA:
        libur = kal.nama_libur(tenggat.jatuh_tempo)
    return BarisTenggat(
        tenggat=tenggat,
        definisi=DEFINISI.get(tenggat.rule),
        sisa=sisa,
        hitung_mundur=teks,
        jatuh_tempo_teks=tanggal_panjang(tenggat.jatuh_tempo, bahasa),
        tanggal_peristiwa_teks=tanggal_panjang(tenggat.tanggal_peristiwa, bahasa),
        libur=libur,
        grup=grup_tenggat(hari_ini, tenggat.jatuh_tempo, tenggat.status),
        selesai_teks=selesai_teks(tenggat, bahasa),
        dicatat_teks=dicatat_teks(tenggat, bahasa),
        perkiraan_teks=perkiraan_teks(tenggat),
        ditahan_teks=ditahan_teks(tenggat, hari_ini),
    )


def tenggat_terbuka(*, user, hari_ini: dt.date, perangkat_daerah_id: int | None = None):
    """The open clocks this user may see, optionally of one agency (one query)."""
    qs = (
        tenggat_terlihat(user)
        .filter(q_terbuka(hari_ini))
        .select_related("ksdd", "perangkat_daerah")
        .order_by("jatuh_tempo", "id")
    )
    if perangkat_daerah_id:
        qs = qs.filter(perangkat_daerah_id=perangkat_daerah_id)
    return qs


def q_grup(grup: str, hari_ini: dt.date) -> Q:
    """The rows of one group of the Tenggat page (``grup_tenggat`` as a condition): the
    open clocks overdue, due today, this week, later; ``selesai`` those closed in the last
    ``JENDELA_SELESAI``. The API's ``?grup=`` reads the page through this."""
    if grup == "selesai":
        return q_selesai_baru()
    berjalan = Q(status=StatusTenggat.BERJALAN)
    return (
        q_terbuka(hari_ini)
        & {
            "terlewat": Q(status=StatusTenggat.TERLEWAT) | Q(jatuh_tempo__lt=hari_ini),
            "hari_ini": berjalan & Q(jatuh_tempo=hari_ini),
            "minggu_ini": berjalan
            & Q(jatuh_tempo__gt=hari_ini, jatuh_tempo__lte=hari_ini + MINGGU),
            "berikutnya": berjalan & Q(jatuh_tempo__gt=hari_ini + MINGGU),
        }[grup]
    )


def tenggat_halaman(*, user, hari_ini: dt.date, perangkat_daerah_id: int | None = None):
    """The clocks the Tenggat page lists for this user: open ones and those closed in the
    last ``JENDELA_SELESAI``, of one agency when given, soonest due first (one query)."""
    qs = (
        tenggat_terlihat(user)
        .filter(q_terbuka(hari_ini) | q_selesai_baru())
        .select_related("ksdd", "perangkat_daerah")
        .order_by("jatuh_tempo", "id")
    )
    if perangkat_daerah_id:
        qs = qs.filter(perangkat_daerah_id=perangkat_daerah_id)
    return qs


# The Tenggat page's views (``?tampil=``): what needs action soon (default: missed, and
# open clocks due within ``?hari=`` days), one group of ``GRUP``, or everything.
TAMPIL = ("segera", *GRUP, "semua")
HARI_SEGERA = (7, 14, 30, 90)
HARI_SEGERA_BAWAAN = 14
PER_HALAMAN = 50


def q_tampil(tampil: str, hari_ini: dt.date, hari: int = HARI_SEGERA_BAWAAN) -> Q:
    """The rows of one view of the Tenggat page. Every view but ``berikutnya`` and
    ``semua`` is a bounded range of the ``(status, jatuh_tempo)`` index."""
    if tampil == "segera":
        return q_terbuka(hari_ini) & (
            Q(status=StatusTenggat.TERLEWAT)
            | Q(jatuh_tempo__lte=hari_ini + dt.timedelta(days=hari))
        )
    if tampil == "semua":
        return q_terbuka(hari_ini) | q_selesai_baru()
    return q_grup(tampil, hari_ini)


def tenggat_halaman_kunci(
    *,
    user,
    hari_ini: dt.date,
    tampil: str = "segera",
    hari: int = HARI_SEGERA_BAWAAN,
    perangkat_daerah_id: int | None = None,
    setelah: tuple[dt.date, int] | None = None,
    per_halaman: int = PER_HALAMAN,
) -> tuple[list[BarisTenggat], tuple[dt.date, int] | None]:
    """One page of the Tenggat page's view ``tampil``, soonest due first, read by keyset
    on ``(jatuh_tempo, id)`` after ``setelah`` (no COUNT, no OFFSET: the hundredth page
    costs what the first does). Returns the display rows and the key of the next page
    (None on the last). Two queries (the rows, the calendar)."""
    qs = (
        tenggat_terlihat(user)
        .filter(q_tampil(tampil, hari_ini, hari))
        .select_related("ksdd", "perangkat_daerah")
        .order_by("jatuh_tempo", "id")
    )
    if perangkat_daerah_id:
        qs = qs.filter(perangkat_daerah_id=perangkat_daerah_id)
    if setelah is not None:
        tgl, pk = setelah
        qs = qs.filter(Q(jatuh_tempo__gt=tgl) | Q(jatuh_tempo=tgl, id__gt=pk))
    daftar = list(qs[: per_halaman + 1])
    berikut = None
    if len(daftar) > per_halaman:
        daftar = daftar[:per_halaman]
        berikut = (daftar[-1].jatuh_tempo, daftar[-1].pk)
    if not daftar:
        return [], None
    kal = Kalender()
    return [baris_tenggat(t, hari_ini, kal) for t in daftar], berikut


def tenggat_hitung_segera(
    *, user, hari_ini: dt.date, hari: int = HARI_SEGERA_BAWAAN, perangkat_daerah_id=None
) -> dict[str, int]:
    """Counts of the near views (missed, today, this week, within ``hari`` days): one
    aggregate over a bounded range of the ``(status, jatuh_tempo)`` index, whatever the
    size of the register (the later and closed views carry no count)."""
    qs = tenggat_terlihat(user).filter(q_tampil("segera", hari_ini, max(hari, MINGGU.days)))
    if perangkat_daerah_id:
        qs = qs.filter(perangkat_daerah_id=perangkat_daerah_id)
    berjalan = Q(status=StatusTenggat.BERJALAN)
    hasil = qs.aggregate(
        terlewat=Count("id", filter=Q(status=StatusTenggat.TERLEWAT) | Q(jatuh_tempo__lt=hari_ini)),
        hari_ini=Count("id", filter=berjalan & Q(jatuh_tempo=hari_ini)),
        minggu_ini=Count(
            "id", filter=berjalan & Q(jatuh_tempo__gt=hari_ini, jatuh_tempo__lte=hari_ini + MINGGU)
        ),
        segera=Count(
            "id",
            filter=Q(status=StatusTenggat.TERLEWAT)
            | Q(jatuh_tempo__lte=hari_ini + dt.timedelta(days=hari)),
        ),
    )
    return {k: v or 0 for k, v in hasil.items()}


def tenggat_per_grup(
    *, user, hari_ini: dt.date, perangkat_daerah_id: int | None = None
) -> dict[str, list[BarisTenggat]]:
    """The Tenggat page: open clocks in the groups of ``GRUP``, and those closed in the
    last ``JENDELA_SELESAI`` ("selesai", with the law's day and the day recorded).
    Two queries."""
    daftar = list(
        tenggat_halaman(user=user, hari_ini=hari_ini, perangkat_daerah_id=perangkat_daerah_id)
    )
    grup: dict[str, list[BarisTenggat]] = {g: [] for g in GRUP}
    if not daftar:
        return grup
    kal = Kalender()
    for t in daftar:
        baris = baris_tenggat(t, hari_ini, kal)
        grup[baris.grup].append(baris)
    return grup


def tenggat_hitung(*, user, hari_ini: dt.date) -> dict[str, int]:
    """Counts for the home page: overdue, due today, due in the next 7 days (one query)."""
    lewat = Q(status=StatusTenggat.TERLEWAT) | Q(jatuh_tempo__lt=hari_ini)
    hasil = (
        tenggat_terlihat(user)
        .filter(q_terbuka(hari_ini))
        .aggregate(
            terlewat=Count("id", filter=lewat),
            hari_ini=Count("id", filter=Q(status=StatusTenggat.BERJALAN, jatuh_tempo=hari_ini)),
            minggu_ini=Count(
                "id",
                filter=Q(
                    status=StatusTenggat.BERJALAN,
                    jatuh_tempo__gt=hari_ini,
                    jatuh_tempo__lte=hari_ini + MINGGU,
                ),
            ),
        )
    )
    return {k: v or 0 for k, v in hasil.items()}


def penanggung_tugas(tugas) -> str:
    """Who must act on an open task: as its clock's definition says
    (``Definisi.penanggung_tugas``: the Bupati, through the Sekretariat TKKSD, for the
    second request of P16-5 and the report of P16-6; the Bupati for P18-2)."""
    return definisi_penanggung_tugas(tugas.rule)


def tenggat_ksdd(*, ksdd, hari_ini: dt.date) -> dict[str, list]:
    """The clocks of one KSDD for its page, what is late first:

    - ``terlambat``: clocks missed (status terlewat, or running past their due date) and
      the open tasks (Tugas) of this KSDD, each with who must act and since when (a
      clock: the day after its last day; a task: the day it was opened). A missed clock
      whose task is open is shown once, as its task; one whose task is done is closed.
    - ``berjalan``: running clocks with their countdown;
    - ``selesai``: the closed ones (met, deemed, stopped, missed and dealt with).

    Two queries (clocks, tasks), plus the calendar's when a clock is running."""
    from django.utils import timezone

    semua = list(Tenggat.objects.filter(ksdd=ksdd).order_by("jatuh_tempo", "id"))
    tugas = {t.tenggat_id: t for t in Tugas.objects.filter(ksdd=ksdd)}
    berjalan = [t for t in semua if t.status == StatusTenggat.BERJALAN]
    kal = Kalender() if berjalan else None
    terlambat, jalan, selesai = [], [], []
    for t in semua:
        definisi = DEFINISI.get(t.rule)
        tg = tugas.get(t.id)
        lewat = t.status == StatusTenggat.TERLEWAT or (
            t.status == StatusTenggat.BERJALAN and t.jatuh_tempo < hari_ini
        )
        if tg is not None and tg.status == Tugas.Status.TERBUKA:
            terlambat.append(
                {
                    "jenis": "tugas",
                    "rule": t.rule,
                    "judul": tg.judul,
                    "pasal": str(definisi.pasal) if definisi else "",
                    "penanggung": penanggung_tugas(tg),
                    "sejak": timezone.localtime(tg.dibuka_pada).date(),
                    "sejak_teks": tanggal_panjang(timezone.localtime(tg.dibuka_pada).date()),
                    "tenggat": t,
                }
            )
        elif lewat and not (tg is not None and tg.status == Tugas.Status.SELESAI):
            sejak = t.jatuh_tempo + dt.timedelta(days=1)
            terlambat.append(
                {
                    "jenis": "tenggat",
                    "rule": t.rule,
                    "judul": str(definisi.judul) if definisi else t.rule,
                    "pasal": str(definisi.pasal) if definisi else "",
                    "penanggung": str(definisi.penanggung) if definisi else "",
                    "sejak": sejak,
                    "sejak_teks": tanggal_panjang(sejak),
                    "tenggat": t,
                    # Marked missed by the scan: the law's day and the day it was recorded.
                    "selesai_teks": selesai_teks(t) if t.status != StatusTenggat.BERJALAN else "",
                    "dicatat_teks": dicatat_teks(t) if t.status != StatusTenggat.BERJALAN else "",
                    "perkiraan_teks": perkiraan_teks(t),
                    "ditahan_teks": ditahan_teks(t, hari_ini),
                }
            )
        elif t.status == StatusTenggat.BERJALAN:
            jalan.append(baris_tenggat(t, hari_ini, kal))
        else:
            selesai.append(
                {
                    "tenggat": t,
                    "definisi": definisi,
                    "selesai_teks": selesai_teks(t),
                    "dicatat_teks": dicatat_teks(t),
                }
            )
    # Open tasks without a clock of this KSDD (none today; kept for completeness).
    dicatat = {t.id for t in semua}
    for tg in tugas.values():
        if tg.status == Tugas.Status.TERBUKA and tg.tenggat_id not in dicatat:
            sejak = timezone.localtime(tg.dibuka_pada).date()
            terlambat.append(
                {
                    "jenis": "tugas",
                    "rule": tg.rule,
                    "judul": tg.judul,
                    "pasal": "",
                    "penanggung": penanggung_tugas(tg),
                    "sejak": sejak,
                    "sejak_teks": tanggal_panjang(sejak),
                    "tenggat": None,
                }
            )
    terlambat.sort(key=lambda r: r["sejak"])
    return {"terlambat": terlambat, "berjalan": jalan, "selesai": selesai}


def tugas_terbuka(*, user) -> QuerySet:
    """Open tasks the worker opened for the Sekretariat TKKSD (P16-5, P16-6, P18-2), of
    the KSDD this user may see, oldest first, with their KSDD and clock joined."""

    return (
        Tugas.objects.filter(status=Tugas.Status.TERBUKA, ksdd__in=ksdd_visible_to(user))
        .select_related("ksdd", "tenggat")
        .order_by("dibuka_pada", "id")
    )
