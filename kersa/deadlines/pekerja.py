"""The worker's daily scan of the clocks (services; ``tasks.pindai_tenggat`` runs it).

1. **Due clocks.** Every running clock whose due date has passed is claimed with a
   conditional ``UPDATE`` on ``ditindak_pada`` (running, not yet claimed) inside the
   transaction that applies its consequence, so two workers, or one run twice, never
   act twice; a failure rolls the claim back and the next scan tries again.
   Consequences (``Tenggat.akibat``):

   - PENGINGAT: the clock is marked missed (TERLEWAT), as of the day after its last
     day whatever day this scan runs (``selesai_pada``; the scan's moment is
     ``ditindak_pada``);
   - BUKA_TUGAS: missed, and a task for the Sekretariat TKKSD is opened (P16-5 after
     P16-4, the report to the Gubernur after P16-6, the Bupati's answer after P18-2
     and after the second request of P17-4);
   - ANGGAP_SETUJU: the DPRD approval is deemed given (P22-1f after P22-1e, P22-3):
     ``agreements.services.ksdd_anggap_persetujuan_dprd`` records it as a step taken
     by the system, stating the due date (the period's last day) and the day after it
     (the day it takes effect), and the KSDD moves on. Never after a recorded DPRD
     refusal of that request (P22-3): the clock closes as DITUTUP_PENOLAKAN instead.

   **Not on an estimated date** (RULES.md, the calendar paragraph): a deemed approval
   whose due date was counted over a year whose holidays are only an estimate
   (``Tenggat.tahun_perkiraan``) is held, not acted on (a DPRD refusal still closes it), until the secretariat confirms
   that year's SKB (``services.skb_konfirmasi``); the scan counts it (``ditahan``) and
   logs it, and the Tenggat page says so (``selectors.ditahan_teks``).

   **When a clock counts as passed.** Pasal 22 gives DPRD "paling lama 15 (45) hari
   kerja": the due date is the last day on which DPRD may still answer, and ayat (3)
   deems the approval given "setelah jangka waktu" — after the period. So the worker
   acts on the first scan *after* the due date (00:05 the next day) and records the
   deemed approval *dated the due date* (the day the period ended, RULES.md P22-1f:
   "on that day"). Acting at 00:05 on the due date itself would take DPRD's last day
   away: an approval signed that afternoon could no longer be recorded. The deemed
   approval takes effect the day after the due date (P22-1f, P22-3). The same
   reading holds for every clock: a clock is missed once its last day has gone by.

2. **Periodic clocks** whose period has begun are started, idempotent by ``kunci``:
   P37-1 per year ("P37-1:2026", due 31 December; met at once when a Rapat Pleno of
   that year is already recorded), P8-5 during the first quarter for next year's
   plans ("P8-5:2027", due 31 March), P34-2j per semester, P28 per semester for each
   agency running a KSDD, P27-1 per semester for each KSDD in pelaksanaan. A period
   already over when the scan first runs is not started (no clock for the past).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import asdict, dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    DateTimeField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, JSONObject, NullIf
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd, PenolakanDprd, RekomendasiPleno
from kersa.agreements.services import alasan_tidak_dianggap, ksdd_anggap_persetujuan_dprd
from kersa.agreements.services.dprd_himpunan import ksdd_anggap_persetujuan_dprd_himpunan
from kersa.core.errors import RuleViolation
from kersa.governance.choices import JenisRapat, StatusRapat
from kersa.governance.models import Rapat
from kersa.notifications.services import pengingat_kb_tanpa_pks, pengingat_proses
from kersa.regions.models import PerangkatDaerah

from . import himpunan
from .choices import Akibat, StatusTenggat
from .definisi import DEFINISI, SEMESTER, TAHUN, TRIWULAN_I, periode_berjalan
from .models import RiwayatTenggat, Tenggat, Tugas
from .pemicu import kunci_tenggat_monev, peristiwa_laporan_semester, peristiwa_monev_semester
from .services import tenggat_akhiri, tenggat_mulai, tugas_buka

logger = logging.getLogger(__name__)

# The deemed approval each clock stands for (Pasal 22 ayat 1 huruf f, ayat 3).
ANGGAP: dict[str, str] = {"P22-1e": "P22-1f", "P22-3": "P22-3"}

# A deemed approval on a due date counted over an estimated holiday year: held until
# the secretariat confirms that year's SKB (RULES.md, the calendar paragraph). A DPRD
# refusal still closes such a clock (P22-3): only the deeming waits.
DITAHAN = "ditahan"


@dataclass
class Hasil:
    """What one scan did (returned by the task, printed by the command)."""

    terlewat: int = 0
    tugas: int = 0
    dianggap: int = 0
    dimulai: int = 0
    gagal: int = 0
    pengingat: int = 0
    ditahan: int = 0  # deemed approvals held: due date on an estimated year

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def pindai_harian(*, hari_ini: dt.date | None = None) -> Hasil:
    """The full daily scan: due clocks, periodic clocks, then the reminders of the day
    (``kersa.notifications``), and the reminder of a KB 90 days without a PKS. The one function both the queued task
    (``tasks.pindai_tenggat``) and ``manage.py pindai_tenggat`` for cron or a systemd
    timer run, so neither form can forget the reminders (issue 19: cron sent none).
    Safe to run twice or on two workers: every consequence and every reminder is
    claimed once."""
    hari_ini = hari_ini or timezone.localdate()
    hasil = tenggat_pindai(hari_ini=hari_ini)
    try:
        hasil.pengingat = _pengingat(hari_ini)
    except Exception:
        logger.exception("Pengingat gagal diproses pada %s", hari_ini)
        hasil.gagal += 1
    try:
        hasil.pengingat += _pengingat_kb_tanpa_pks(hari_ini)
    except Exception:
        logger.exception("Pengingat KB tanpa PKS gagal diproses pada %s", hari_ini)
        hasil.gagal += 1
    return hasil


def _pengingat_kb_tanpa_pks(hari_ini: dt.date) -> int:
    """A KB signed 90 days ago without a PKS (a reminder, not a clock; P10, Pasal 11
    ayat 4): ``notifications.services.pengingat_kb_tanpa_pks``, once per KSDD."""
    from django.apps import apps

    if not apps.is_installed("kersa.notifications"):
        return 0

    return pengingat_kb_tanpa_pks(hari_ini=hari_ini)


def _pengingat(hari_ini: dt.date) -> int:
    """The reminders due on ``hari_ini`` (kersa.notifications; 0 when not installed)."""
    from django.apps import apps

    if not apps.is_installed("kersa.notifications"):
        return 0

    return pengingat_proses(hari_ini=hari_ini)


def tenggat_pindai(*, hari_ini: dt.date | None = None) -> Hasil:
    """One scan as of ``hari_ini`` (default: today in Asia/Jakarta).

    Set-based (issue 18 item 5): the clocks whose consequence is a missed mark or a
    task (PENGINGAT, BUKA_TUGAS: on 1 January every unreported P27-1 clock) are claimed,
    written in history, given their task and closed by a fixed number of statements
    (``_tindak_himpunan``), whatever their number. The deemed DPRD approvals
    (ANGGAP_SETUJU) of the plain case are recorded in bulk too, the same rows as the
    step (``agreements.services.dprd_himpunan``); the others (a refusal on record, a
    second request, a KSDD locked by a user's step) keep the row-by-row path
    (``tenggat_tindak``), as does everything when the bulk statements fail or the
    database is neither PostgreSQL nor SQLite."""
    hari_ini = hari_ini or timezone.localdate()
    hasil = Hasil()
    jatuh = Tenggat.objects.filter(
        status=StatusTenggat.BERJALAN, ditindak_pada__isnull=True, jatuh_tempo__lt=hari_ini
    )
    ditangani: set[int] = set()
    if himpunan.didukung():
        try:
            _tindak_himpunan(jatuh, hasil)
        except Exception:
            logger.exception("Pemindaian himpunan gagal; tenggat ditindak satu per satu")
        else:
            jatuh = jatuh.filter(akibat=Akibat.ANGGAP_SETUJU)
            ditangani = _anggap_himpunan(jatuh, hasil, hari_ini)
    for pk in [pk for pk in jatuh.values_list("pk", flat=True) if pk not in ditangani]:
        try:
            akibat = tenggat_tindak(pk=pk, hari_ini=hari_ini)
        except Exception:
            logger.exception(
                "Tenggat %s: akibat gagal diterapkan; dicoba lagi pada pemindaian berikut", pk
            )
            hasil.gagal += 1
            continue
        _hitung(hasil, akibat, 1)
    hasil.dimulai = tenggat_periodik_mulai(hari_ini=hari_ini)
    return hasil


def _anggap_himpunan(jatuh, hasil: Hasil, hari_ini: dt.date) -> set[int]:
    """The deemed DPRD approvals of the plain due clocks, in bulk
    (``agreements.services.dprd_himpunan``: the same rows as the step, by a fixed number
    of statements); the clocks it returns are done, the others take the step path."""
    try:
        h = ksdd_anggap_persetujuan_dprd_himpunan(tenggat=jatuh, hari_ini=hari_ini)
    except Exception:
        logger.exception("Persetujuan DPRD dianggap (himpunan) gagal; ditindak satu per satu")
        return set()
    hasil.dianggap += h.dianggap
    hasil.ditahan += h.ditahan
    return h.ditangani


def _hitung(hasil: Hasil, akibat: str | None, n: int) -> None:
    if akibat == DITAHAN:
        hasil.ditahan += n
    elif akibat == Akibat.ANGGAP_SETUJU:
        hasil.dianggap += n
    elif akibat == Akibat.BUKA_TUGAS:
        hasil.terlewat += n
        hasil.tugas += n
    elif akibat:
        hasil.terlewat += n


def _alasan_terlewat(rules: list[str]):
    """The history row's reason of each missed clock, as ``tenggat_tindak`` writes it
    ("Jatuh tempo dd-mm-yyyy terlewat: judul (pasal)."), as one SQL expression."""
    tanda = "\x00"
    cabang = []
    for rule in rules:
        definisi = DEFINISI.get(rule)
        pola = _("Jatuh tempo %(tgl)s terlewat: %(judul)s (%(pasal)s).") % {
            "tgl": tanda,
            "judul": definisi.judul if definisi else rule,
            "pasal": definisi.pasal if definisi else rule,
        }
        depan, _tengah, belakang = pola.partition(tanda)
        cabang.append(
            When(
                rule=rule,
                then=Concat(
                    himpunan.teks(depan),
                    himpunan.TanggalDMY("jatuh_tempo"),
                    himpunan.teks(belakang),
                    output_field=CharField(),
                ),
            )
        )
    return Case(*cabang, default=himpunan.teks(""), output_field=CharField())


def _tindak_himpunan(jatuh, hasil: Hasil) -> None:
    """Claim and close every due PENGINGAT/BUKA_TUGAS clock in one transaction: the
    claim is a conditional UPDATE stamping ``ditindak_pada`` with this scan's moment and
    closing the row as missed the day after its last day (on PostgreSQL over rows not
    locked by a step at that moment: those are left to the step, or to the next scan),
    then the history rows and the tasks are inserted from the stamped rows. Two workers never take the same clock: the claim is conditional."""
    sekarang = timezone.now()
    jenis = [Akibat.PENGINGAT, Akibat.BUKA_TUGAS]
    with transaction.atomic():
        calon = jatuh.filter(akibat__in=jenis).order_by()
        if connection.features.has_select_for_update_skip_locked:
            calon = Tenggat.objects.filter(
                pk__in=calon.select_for_update(skip_locked=True).values("pk")
            )
        # Claimed and closed by one UPDATE (one new version of each row, not two):
        # missed the day after its last day, whatever day this scan runs
        # (services.tanggal_selesai); ``ditindak_pada`` keeps the scan's moment.
        if not calon.update(
            ditindak_pada=sekarang,
            status=StatusTenggat.TERLEWAT,
            selesai_pada=himpunan.HariBerikut("jatuh_tempo"),
        ):
            return
        diambil = Tenggat.objects.filter(
            status=StatusTenggat.TERLEWAT, ditindak_pada=sekarang, akibat__in=jenis
        ).order_by()
        per_akibat = dict(
            diambil.values("akibat").annotate(n=Count("pk")).values_list("akibat", "n")
        )
        rules = sorted(set(diambil.values_list("rule", flat=True).distinct()))
        waktu = Value(sekarang, output_field=DateTimeField())
        himpunan.sisipkan_dari(
            RiwayatTenggat,
            ["tenggat", "dari", "ke", "waktu", "alasan"],
            diambil.annotate(
                c0=F("pk"),
                c1=himpunan.teks(StatusTenggat.BERJALAN),
                c2=himpunan.teks(StatusTenggat.TERLEWAT),
                c3=waktu,
                c4=_alasan_terlewat(rules),
            ).values("c0", "c1", "c2", "c3", "c4"),
        )
        dengan_tugas = [r for r in rules if r in DEFINISI and DEFINISI[r].tugas_aksi]
        if dengan_tugas:
            himpunan.sisipkan_dari(
                Tugas,
                ["judul", "rule", "aksi", "ksdd", "tenggat", "status", "dibuka_pada"],
                diambil.filter(akibat=Akibat.BUKA_TUGAS, rule__in=dengan_tugas)
                .annotate(
                    c0=Case(
                        *[
                            When(rule=r, then=himpunan.teks(str(DEFINISI[r].tugas)[:300]))
                            for r in dengan_tugas
                        ],
                        output_field=CharField(),
                    ),
                    c1=F("rule"),
                    c2=Case(
                        *[
                            When(rule=r, then=himpunan.teks(DEFINISI[r].tugas_aksi))
                            for r in dengan_tugas
                        ],
                        output_field=CharField(),
                    ),
                    c3=F("ksdd_id"),
                    c4=F("pk"),
                    c5=himpunan.teks(Tugas.Status.TERBUKA),
                    c6=waktu,
                )
                .values("c0", "c1", "c2", "c3", "c4", "c5", "c6"),
            )
    for akibat, n in per_akibat.items():
        _hitung(hasil, akibat, n)


def tenggat_tindak(*, pk: int, hari_ini: dt.date) -> str | None:
    """Claim one due clock and apply its consequence, once. Returns the consequence
    applied, or None when the clock was no longer there to take (another worker took
    it, or a step met it meanwhile)."""

    with transaction.atomic():
        tenggat = Tenggat.objects.select_related("ksdd").get(pk=pk)
        ksdd = None
        if tenggat.ksdd_id:
            # Lock order as in a step (KSDD, then its clocks): no deadlock with a user
            # recording the awaited letter at the same moment.
            ksdd = Ksdd.objects.select_for_update().get(pk=tenggat.ksdd_id)
        diambil = Tenggat.objects.filter(
            pk=pk,
            status=StatusTenggat.BERJALAN,
            ditindak_pada__isnull=True,
            jatuh_tempo__lt=hari_ini,
        ).update(ditindak_pada=timezone.now())
        if not diambil:
            return None
        tenggat.refresh_from_db()
        definisi = DEFINISI.get(tenggat.rule)
        if tenggat.akibat == Akibat.ANGGAP_SETUJU and ksdd is not None:
            hasil = _anggap(tenggat, ksdd)
            if hasil is False:
                return None  # P22-3: refused by DPRD, nothing deemed
            if hasil == DITAHAN:
                return DITAHAN
        else:
            tenggat_akhiri(
                tenggat=tenggat,
                ke=StatusTenggat.TERLEWAT,
                alasan=_("Jatuh tempo %(tgl)s terlewat: %(judul)s (%(pasal)s).")
                % {
                    "tgl": tenggat.jatuh_tempo.strftime("%d-%m-%Y"),
                    "judul": definisi.judul if definisi else tenggat.rule,
                    "pasal": definisi.pasal if definisi else tenggat.rule,
                },
                # Missed the day after its last day, whatever day this scan runs
                # (services.tanggal_selesai); ``ditindak_pada`` keeps the scan's moment.
            )
            # The task a missed clock opens: its definition's title and closing step.
            if tenggat.akibat == Akibat.BUKA_TUGAS and definisi and definisi.tugas_aksi:
                tugas_buka(tenggat=tenggat, judul=str(definisi.tugas), aksi=definisi.tugas_aksi)
        return tenggat.akibat


def _anggap(tenggat: Tenggat, ksdd) -> bool | str | None:
    """The deemed DPRD approval (the hook of the step closes this clock as DIANGGAP)."""
    # P22-3: no approval is ever deemed after DPRD refused the request this clock
    # counts from (the refusal step closes the clocks; this guards a clock left open).
    penolakan = PenolakanDprd.objects.filter(
        permohonan__ksdd=ksdd, permohonan_id=tenggat.subjek_id
    ).first()
    if penolakan is not None:
        tenggat_akhiri(
            tenggat=tenggat,
            ke=StatusTenggat.DITUTUP_PENOLAKAN,
            alasan=_(
                "DPRD telah menolak permohonan dengan surat %s; persetujuan tidak dianggap "
                "diberikan (Pasal 22 ayat 3)."
            )
            % penolakan.nomor,
            pada=penolakan.tanggal_diterima,  # the refusal's receipt, as typed
        )
        return False
    if tenggat.tahun_perkiraan:
        # RULES.md, the calendar paragraph: not on an estimated due date. The claim is
        # given back (the next scan looks again) and nothing else changes.
        Tenggat.objects.filter(pk=tenggat.pk).update(ditindak_pada=None)
        logger.warning(
            "Tenggat %s (%s): jatuh tempo %s dihitung pada hari libur perkiraan tahun %s; "
            "persetujuan DPRD tidak dianggap diberikan sampai SKB tahun itu dikonfirmasi",
            tenggat.pk,
            tenggat.rule,
            tenggat.jatuh_tempo.isoformat(),
            tenggat.tahun_perkiraan,
        )
        return DITAHAN
    try:
        ksdd_anggap_persetujuan_dprd(
            ksdd=ksdd, rule=ANGGAP.get(tenggat.rule, "P22-3"), tanggal=tenggat.jatuh_tempo
        )
    except RuleViolation as exc:
        # The workflow no longer allows it (e.g. an approval is already recorded):
        # nothing to deem; the clock stops with the reason, and is not retried.
        tenggat_akhiri(
            tenggat=tenggat,
            ke=StatusTenggat.DIHENTIKAN,
            alasan=alasan_tidak_dianggap(exc),
        )


# --- periodic clocks -------------------------------------------------------------------


def _mulai_sekali(**kwargs) -> bool:
    """Start a clock unless its kunci exists; True when it was created now. Two workers
    racing on PostgreSQL: the unique kunci lets one insert win, the other is ignored."""
    if Tenggat.objects.filter(kunci=kwargs["kunci"]).exists():
        return False
    try:
        with transaction.atomic():
            tenggat_mulai(**kwargs)
    except IntegrityError:
        return False
    return True


def _pleno_pertama(tahun: int) -> dt.date | None:
    """The first day of ``tahun`` a Rapat Pleno was held (a recommendation recorded, or
    a meeting of the governance room with its result), or None (P37-1)."""

    hari = [
        RekomendasiPleno.objects.filter(tanggal_rapat__year=tahun)
        .order_by("tanggal_rapat")
        .values_list("tanggal_rapat", flat=True)
        .first(),
        Rapat.objects.filter(
            jenis=JenisRapat.PLENO, status=StatusRapat.SELESAI, tanggal__year=tahun
        )
        .order_by("tanggal")
        .values_list("tanggal", flat=True)
        .first(),
    ]
    hari = [h.date() if isinstance(h, dt.datetime) else h for h in hari if h]
    return min(hari) if hari else None


def tenggat_periodik_mulai(*, hari_ini: dt.date) -> int:
    """Start the clocks of the periods that have begun (see the module docstring)."""

    n = 0
    tahun = periode_berjalan(TAHUN, hari_ini)
    if _mulai_sekali(
        rule="P37-1",
        kunci=DEFINISI["P37-1"].kunci(tahun.kode),
        tanggal_peristiwa=tahun.mulai,
        peristiwa_kode="pleno_tahunan",
        peristiwa_data={"tahun": tahun.kode},
        jatuh_tempo=tahun.akhir,
    ):
        n += 1
        pleno = _pleno_pertama(tahun.mulai.year)
        if pleno is not None:
            tenggat_akhiri(
                tenggat=Tenggat.objects.get(kunci=DEFINISI["P37-1"].kunci(tahun.kode)),
                ke=StatusTenggat.TERPENUHI,
                alasan=_("Rapat Pleno TKKSD tahun ini sudah dicatat."),
                pada=pleno,  # met on the day the meeting was held
            )
    triwulan = periode_berjalan(TRIWULAN_I, hari_ini)
    if hari_ini <= triwulan.akhir:
        berikut = triwulan.mulai.year + 1
        n += _mulai_sekali(
            rule="P8-5",
            kunci=DEFINISI["P8-5"].kunci(berikut),
            tanggal_peristiwa=triwulan.mulai,
            peristiwa_kode="identifikasi",
            peristiwa_data={"t": str(triwulan.mulai.year), "b": str(berikut)},
            jatuh_tempo=triwulan.akhir,
        )
    semester = periode_berjalan(SEMESTER, hari_ini)
    n += _mulai_sekali(
        rule="P34-2j",
        kunci=DEFINISI["P34-2j"].kunci(semester.kode),
        tanggal_peristiwa=semester.mulai,
        peristiwa_kode="laporan_tkksd",
        peristiwa_data={"s": semester.kode},
        jatuh_tempo=semester.akhir,
    )

    # Set-based: the KSDD in pelaksanaan (and their agencies) without this semester's
    # clock are found by one anti-join each, so a quiet day costs a fixed number of
    # queries whatever the number of KSDD (before: one exists() per KSDD). A P27-1 or P28
    # clock of a semester always falls due on its last day
    # (pemicu.peristiwa_laporan_semester), which is what ties a clock to its semester
    # here; the clock's kunci stays the guard against a double start (_mulai_sekali).
    def _tanpa(rule: str, kolom: str):
        return ~Exists(
            Tenggat.objects.filter(rule=rule, jatuh_tempo=semester.akhir, **{kolom: OuterRef("pk")})
        )

    berjalan = Ksdd.objects.filter(status=Status.PELAKSANAAN)
    ksdd_baru = berjalan.filter(_tanpa("P27-1", "ksdd"))
    pd_baru = PerangkatDaerah.objects.filter(
        Exists(berjalan.filter(perangkat_daerah=OuterRef("pk"))),
        _tanpa("P28", "perangkat_daerah"),
    )
    if himpunan.didukung():
        # On 1 January (and 1 July) every KSDD in pelaksanaan gets its clock: two
        # INSERT … SELECT per rule, whatever their number.
        n += _mulai_himpunan_laporan(ksdd_baru, semester)
        n += _mulai_himpunan_monev(pd_baru, semester)
        return n
    for ksdd in ksdd_baru.select_related("perangkat_daerah"):
        p = peristiwa_laporan_semester(ksdd, semester.mulai)
        n += _mulai_sekali(
            rule="P27-1",
            kunci=p.kunci,
            tanggal_peristiwa=p.tanggal,
            peristiwa_kode=p.kode,
            peristiwa_data=p.data,
            ksdd=ksdd,
            jatuh_tempo=p.jatuh_tempo,
        )
    for pd in pd_baru:
        p = peristiwa_monev_semester(pd, semester.mulai)
        n += _mulai_sekali(
            rule="P28",
            kunci=p.kunci,
            tanggal_peristiwa=p.tanggal,
            peristiwa_kode=p.kode,
            peristiwa_data=p.data,
            perangkat_daerah=pd,
            jatuh_tempo=p.jatuh_tempo,
        )
    return n


def _pola(teks: str, tanda: str) -> tuple[str, str]:
    depan, _tengah, belakang = teks.partition(tanda)
    return depan, belakang


def _mulai_himpunan(rule: str, qs, *, kunci, peristiwa, kode, data, ksdd, pd, semester) -> int:
    """Start ``rule``'s clock of ``semester`` for every row of ``qs`` as
    ``services.tenggat_mulai`` does (the clock, then its first history row), by two
    INSERT … SELECT. A clock another worker (or a step) started meanwhile is skipped by
    its unique ``kunci``. Returns the number of clocks started."""

    definisi = DEFINISI[rule]
    sekarang = timezone.now()
    with transaction.atomic():
        n = himpunan.sisipkan_dari(
            Tenggat,
            [
                "rule",
                "kunci",
                "ksdd",
                "perangkat_daerah",
                "peristiwa",
                "tanggal_peristiwa",
                "satuan",
                "panjang",
                "jatuh_tempo",
                "status",
                "akibat",
                "dibuat_pada",
                "peristiwa_kode",
                "peristiwa_data",
            ],
            qs.order_by()
            .annotate(
                c0=himpunan.teks(rule),
                c1=kunci,
                c2=ksdd,
                c3=pd,
                c4=peristiwa,
                c5=Value(semester.mulai, output_field=DateField()),
                c6=himpunan.teks(definisi.satuan),
                c7=Value(definisi.panjang, output_field=IntegerField()),
                c8=Value(semester.akhir, output_field=DateField()),
                c9=himpunan.teks(StatusTenggat.BERJALAN),
                c10=himpunan.teks(definisi.akibat),
                c11=Value(sekarang, output_field=DateTimeField()),
                # The starting event's key and facts, as the row-by-row start stores
                # them (pemicu.peristiwa_*_semester): shown in the reader's language.
                c12=himpunan.teks(kode),
                c13=data,
            )
            .values(
                "c0",
                "c1",
                "c2",
                "c3",
                "c4",
                "c5",
                "c6",
                "c7",
                "c8",
                "c9",
                "c10",
                "c11",
                "c12",
                "c13",
            ),
        )
        if n:
            himpunan.sisipkan_dari(
                RiwayatTenggat,
                ["tenggat", "dari", "ke", "waktu", "alasan"],
                Tenggat.objects.filter(rule=rule, jatuh_tempo=semester.akhir, dibuat_pada=sekarang)
                .filter(~Exists(RiwayatTenggat.objects.filter(tenggat=OuterRef("pk"))))
                .order_by()
                .annotate(
                    c0=F("pk"),
                    c1=himpunan.teks(""),
                    c2=himpunan.teks(StatusTenggat.BERJALAN),
                    c3=Value(sekarang, output_field=DateTimeField()),
                    c4=F("peristiwa"),
                )
                .values("c0", "c1", "c2", "c3", "c4"),
            )
    return max(n, 0)


def _mulai_himpunan_laporan(qs, semester) -> int:
    """P27-1 of ``semester`` for each KSDD of ``qs`` (pemicu.peristiwa_laporan_semester)."""
    tanda = "\x00"
    depan, belakang = _pola(
        _("Pelaksanaan KSDD %(nomor)s pada semester %(s)s") % {"nomor": tanda, "s": semester.kode},
        tanda,
    )
    return _mulai_himpunan(
        "P27-1",
        qs,
        kunci=Concat(
            himpunan.teks("P27-1:ksdd:"),
            Cast("pk", CharField()),
            himpunan.teks(f":{semester.kode}"),
            output_field=CharField(),
        ),
        peristiwa=Concat(
            himpunan.teks(depan),
            F("nomor_register"),
            himpunan.teks(belakang),
            output_field=CharField(),
        ),
        kode="laporan_semester",
        data=JSONObject(nomor=F("nomor_register"), s=himpunan.teks(semester.kode)),
        ksdd=F("pk"),
        pd=F("perangkat_daerah_id"),
        semester=semester,
    )


def _mulai_himpunan_monev(qs, semester) -> int:
    """P28 of ``semester`` for each agency of ``qs`` (pemicu.peristiwa_monev_semester)."""
    tanda = "\x00"
    depan, belakang = _pola(
        _("Semester %(s)s: monitoring dan evaluasi %(pd)s") % {"s": semester.kode, "pd": tanda},
        tanda,
    )
    ke = 1 if semester.mulai.month == 1 else 2
    # str(PerangkatDaerah): its abbreviation, else its name.
    nama = Coalesce(NullIf("singkatan", himpunan.teks("")), "nama", output_field=CharField())
    contoh = kunci_tenggat_monev(0, semester.mulai.year, ke)
    awal, akhir = _pola(contoh, ":0:")
    return _mulai_himpunan(
        "P28",
        qs,
        kunci=Concat(
            himpunan.teks(f"{awal}:"),
            Cast("pk", CharField()),
            himpunan.teks(f":{akhir}"),
            output_field=CharField(),
        ),
        peristiwa=Concat(
            himpunan.teks(depan), nama, himpunan.teks(belakang), output_field=CharField()
        ),
        kode="monev_semester",
        data=JSONObject(s=himpunan.teks(semester.kode), pd=nama),
        ksdd=Value(None, output_field=IntegerField()),
        pd=F("pk"),
        semester=semester,
    )
