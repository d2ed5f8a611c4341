"""Deemed DPRD approvals in bulk: the worker's daily scan (issue 18 item 5).

``ksdd_anggap_persetujuan_dprd`` is one step in ``langkah()``: about forty queries a
KSDD. When many P22-3 / P22-1e clocks fall due on one day, the scan calls
``ksdd_anggap_persetujuan_dprd_himpunan`` instead, which writes **the same rows** as
that step taken once per KSDD — the ``PersetujuanDprd`` (deemed, no letter, no
person), the ``RiwayatTahap`` row (same action, reason, rule and data), the clocks of
the request closed as ``deadlines.pemicu.PEMICU["catat_persetujuan_dprd"]`` says
(the lapsed one DIANGGAP, the other DPRD clocks DIHENTIKAN, each with its history
row pointing at the step), the KSDD's status and version moved with its
``simple_history`` record, and the notification of the people who act next — by a
fixed number of statements (``bulk_create``, one ``UPDATE`` per kind), whatever
their number. The texts and the target status come from the functions the step
itself uses (``dprd.anggap_dasar_alasan``, ``dprd.status_setelah_dprd``).

Only the plain case is taken here: a KSDD in ``menunggu_dprd`` with one due clock,
one request (the clock's subject), not refused, no approval yet; or with no request on
record at all (the step refuses: the clock is stopped with that refusal as its reason,
``dprd.alasan_tidak_dianggap``, as the step path stops it). Everything else — a
refusal on record, a second request, a KSDD locked by a user's step at this moment,
a KSDD no longer waiting for DPRD — is left to the step (``deadlines.pekerja
.tenggat_tindak``), which decides it with its own checks. A clock counted over an
estimated holiday year is held (RULES.md, the calendar paragraph) and nothing is
written, as the step path does. ``kersa/deadlines/tests/test_anggap_himpunan.py``
proves both paths leave the same rows.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Case, DateField, DateTimeField, F, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from kersa.deadlines.choices import Akibat, StatusTenggat
from kersa.deadlines.models import RiwayatTenggat, Tenggat
from kersa.deadlines.pemicu import PEMICU, _langkah_teks

from ..choices import JenisNaskah, Status
from ..models import Ksdd, Naskah, PermohonanDprd, PersetujuanDprd, RiwayatTahap
from ..tasks import kabari_tahap_baru_banyak
from .dprd import alasan_tidak_dianggap, anggap_dasar_alasan, status_setelah_dprd, tanpa_permohonan

logger = logging.getLogger(__name__)

AKSI = "catat_persetujuan_dprd"
# The clock each deemed approval stands for (Pasal 22 ayat 1 huruf f, ayat 3).
ANGGAP: dict[str, str] = {"P22-1e": "P22-1f", "P22-3": "P22-3"}


@dataclass
class HasilHimpunan:
    """The clocks this path decided (the scan leaves the others to the step)."""

    ditangani: set[int] = field(default_factory=set)
    dianggap: int = 0
    ditahan: int = 0


def _pemicu():
    pemicu = PEMICU[AKSI]
    # The bulk path writes what the table's closings write; a step that also starts,
    # moves clocks or closes tasks would need them here too.
    assert not (pemicu.mulai or pemicu.geser or pemicu.tugas), AKSI
    return pemicu


def _biasa(calon: list[dict]) -> tuple[list[dict], dict[int, PermohonanDprd]]:
    """The plain candidates (see the module docstring) and each one's request."""
    per_ksdd = Counter(c["ksdd_id"] for c in calon)
    tipe = ContentType.objects.get_for_model(PermohonanDprd)
    calon = [
        c
        for c in calon
        if per_ksdd[c["ksdd_id"]] == 1
        and c["subjek_tipe_id"] in (tipe.pk, None)
        and c["rule"] in ANGGAP
    ]
    semua: dict[int, list[PermohonanDprd]] = {}
    for p in PermohonanDprd.objects.filter(
        ksdd_id__in=[c["ksdd_id"] for c in calon]
    ).select_related("persetujuan", "penolakan", "tindak_lanjut"):
        semua.setdefault(p.ksdd_id, []).append(p)
    permohonan = {}
    biasa = []
    for c in calon:
        ps = semua.get(c["ksdd_id"], [])
        if not ps and c["subjek_id"] is None:
            biasa.append(c)  # no request on record: the step refuses (P22-1a)
            continue
        if len(ps) != 1 or ps[0].pk != c["subjek_id"]:
            continue
        p = ps[0]
        if hasattr(p, "penolakan") or hasattr(p, "persetujuan"):
            continue
        permohonan[c["ksdd_id"]] = p
        biasa.append(c)
    return biasa, permohonan


def ksdd_anggap_persetujuan_dprd_himpunan(*, tenggat, hari_ini: dt.date) -> HasilHimpunan:
    """Deem the DPRD approval of every plain due clock of ``tenggat`` (a queryset of
    running, unclaimed, due clocks) in one transaction. Each clock is claimed by the
    conditional UPDATE the step path uses, over KSDD locked here (on PostgreSQL those
    a user's step holds are skipped and left to the step path)."""
    hasil = HasilHimpunan()
    pemicu = _pemicu()
    sekarang = timezone.now()
    with transaction.atomic():
        calon = list(
            tenggat.filter(akibat=Akibat.ANGGAP_SETUJU, ksdd__isnull=False)
            .order_by("pk")
            .values("pk", "ksdd_id", "rule", "subjek_tipe_id", "subjek_id", "jatuh_tempo")
            .annotate(perkiraan=F("tahun_perkiraan"))
        )
        if not calon:
            return hasil
        calon, permohonan = _biasa(calon)
        ditahan = [c for c in calon if c["perkiraan"]]
        for c in ditahan:
            # Not on an estimated date: held, nothing written (pekerja._anggap).
            logger.warning(
                "Tenggat %s (%s): jatuh tempo %s dihitung pada hari libur perkiraan tahun %s; "
                "persetujuan DPRD tidak dianggap diberikan sampai SKB tahun itu dikonfirmasi",
                c["pk"],
                c["rule"],
                c["jatuh_tempo"].isoformat(),
                c["perkiraan"],
            )
        hasil.ditangani |= {c["pk"] for c in ditahan}
        hasil.ditahan = len(ditahan)
        calon = [c for c in calon if not c["perkiraan"]]
        if not calon:
            return hasil
        kunci = Ksdd.objects.filter(
            pk__in=[c["ksdd_id"] for c in calon], status=Status.MENUNGGU_DPRD
        ).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            kunci = kunci.select_for_update(skip_locked=True, of=("self",))
        else:
            kunci = kunci.select_for_update()
        ksdd = {k.pk: k for k in kunci}
        calon = [c for c in calon if c["ksdd_id"] in ksdd]
        if not calon:
            return hasil
        Tenggat.objects.filter(
            pk__in=[c["pk"] for c in calon],
            status=StatusTenggat.BERJALAN,
            ditindak_pada__isnull=True,
            jatuh_tempo__lt=hari_ini,
        ).update(ditindak_pada=sekarang)
        diambil = set(
            Tenggat.objects.filter(
                pk__in=[c["pk"] for c in calon], ditindak_pada=sekarang
            ).values_list("pk", flat=True)
        )
        calon = [c for c in calon if c["pk"] in diambil]
        tanpa = [c for c in calon if c["ksdd_id"] not in permohonan]
        _hentikan(tanpa, sekarang)
        hasil.ditangani |= {c["pk"] for c in tanpa}
        # Counted as the step path counts a clock it stopped (``tenggat_tindak``).
        hasil.dianggap += len(tanpa)
        calon = [c for c in calon if c["ksdd_id"] in permohonan]
        if not calon:
            return hasil
        ada_pks = set(
            Naskah.objects.filter(
                ksdd_id__in=[c["ksdd_id"] for c in calon], jenis=JenisNaskah.PKS
            ).values_list("ksdd_id", flat=True)
        )
        persetujuan, riwayat = [], []
        for c in calon:
            k, p = ksdd[c["ksdd_id"]], permohonan[c["ksdd_id"]]
            rule, tanggal = ANGGAP[c["rule"]], c["jatuh_tempo"]
            berlaku = tanggal + dt.timedelta(days=1)
            dasar, alasan, data = anggap_dasar_alasan(
                permohonan=p, rule=rule, tanggal=tanggal, berlaku=berlaku
            )
            persetujuan.append(
                PersetujuanDprd(
                    ksdd=k,
                    permohonan=p,
                    nomor="",
                    tanggal=berlaku,
                    hari_terakhir=tanggal,
                    dianggap=True,
                    dasar=dasar,
                    berkas=None,
                    dicatat_oleh=None,
                )
            )
            riwayat.append(
                RiwayatTahap(
                    ksdd=k,
                    aksi=AKSI,
                    dari=k.status,
                    ke=status_setelah_dprd(ada_pks=k.pk in ada_pks),
                    oleh=None,
                    alasan=alasan,
                    rule=rule,
                    data=data,
                )
            )
        PersetujuanDprd.objects.bulk_create(persetujuan)
        RiwayatTahap.objects.bulk_create(riwayat)
        _tutup_tenggat(pemicu, calon, riwayat, permohonan, sekarang)
        _pindah_ksdd(ksdd, riwayat, sekarang)
        ids = [r.pk for r in riwayat]
        transaction.on_commit(lambda: kabari_tahap_baru_banyak.enqueue(ids))
    hasil.ditangani |= {c["pk"] for c in calon}
    hasil.dianggap += len(calon)
    return hasil


def _hentikan(tanpa: list[dict], sekarang) -> None:
    """Stop the due clocks of KSDD with no request on record, as the step path does when
    the step refuses (``pekerja._anggap``: DIHENTIKAN today, the refusal as reason)."""
    if not tanpa:
        return
    Tenggat.objects.filter(pk__in=[c["pk"] for c in tanpa], status=StatusTenggat.BERJALAN).update(
        status=StatusTenggat.DIHENTIKAN,
        selesai_pada=timezone.localdate(),
        ditindak_pada=Coalesce(F("ditindak_pada"), Value(sekarang, output_field=DateTimeField())),
    )
    RiwayatTenggat.objects.bulk_create(
        RiwayatTenggat(
            tenggat_id=c["pk"],
            dari=StatusTenggat.BERJALAN,
            ke=StatusTenggat.DIHENTIKAN,
            oleh=None,
            alasan=alasan_tidak_dianggap(tanpa_permohonan(ANGGAP[c["rule"]])),
            riwayat_tahap=None,
        )
        for c in tanpa
    )


def _tutup_tenggat(pemicu, calon, riwayat, permohonan, sekarang) -> None:
    """Close the running clocks of each request as the step's table closes them
    (``pemicu.tenggat_setelah_langkah``: each ``Akhiri`` in order, on the day the
    deemed approval takes effect), one UPDATE per closing state, one INSERT of history."""
    tipe = ContentType.objects.get_for_model(PermohonanDprd)
    rules = {r for a in pemicu.akhiri for r in a.rules}
    berjalan: dict[int, list[Tenggat]] = {}
    for t in Tenggat.objects.filter(
        status=StatusTenggat.BERJALAN,
        rule__in=rules,
        ksdd_id__in=[c["ksdd_id"] for c in calon],
        subjek_tipe=tipe,
        subjek_id__in=[p.pk for p in permohonan.values()],
    ):
        if t.subjek_id == permohonan[t.ksdd_id].pk:
            berjalan.setdefault(t.ksdd_id, []).append(t)
    per_ke: dict[str, dict[dt.date, list[int]]] = {}
    baris = []
    for r in riwayat:
        pada = dt.date.fromisoformat(r.data["tanggal"])  # the act's date (pemicu.tanggal)
        teks = _langkah_teks(r)
        sisa = berjalan.get(r.ksdd_id, [])
        for a in pemicu.akhiri:
            if not a.bila(r):
                continue
            kena = [t for t in sisa if t.rule in a.rules]
            sisa = [t for t in sisa if t.rule not in a.rules]
            for t in kena:
                per_ke.setdefault(a.ke, {}).setdefault(pada, []).append(t.pk)
                baris.append(
                    RiwayatTenggat(
                        tenggat=t,
                        dari=StatusTenggat.BERJALAN,
                        ke=a.ke,
                        oleh=None,
                        alasan=teks,
                        riwayat_tahap=r,
                    )
                )
    for ke, per_tanggal in per_ke.items():
        assert ke not in (StatusTenggat.TERPENUHI, StatusTenggat.TERLEWAT), ke
        Tenggat.objects.filter(
            pk__in=[pk for pks in per_tanggal.values() for pk in pks],
            status=StatusTenggat.BERJALAN,
        ).update(
            status=ke,
            selesai_pada=Case(
                *[
                    When(pk__in=pks, then=Value(pada, output_field=DateField()))
                    for pada, pks in per_tanggal.items()
                ],
                output_field=DateField(),
            ),
            ditindak_pada=Coalesce(
                F("ditindak_pada"), Value(sekarang, output_field=DateTimeField())
            ),
        )
    RiwayatTenggat.objects.bulk_create(baris)


def _pindah_ksdd(ksdd: dict[int, Ksdd], riwayat, sekarang) -> None:
    """The KSDD's status and version as ``langkah()`` saves them, one UPDATE per
    target status, and their ``simple_history`` records in one INSERT."""
    per_ke: dict[str, list[int]] = {}
    objs = []
    for r in riwayat:
        per_ke.setdefault(r.ke, []).append(r.ksdd_id)
        k = ksdd[r.ksdd_id]
        k.status, k.versi, k.diubah_pada = r.ke, k.versi + 1, sekarang
        objs.append(k)
    for ke, pks in per_ke.items():
        Ksdd.objects.filter(pk__in=pks).update(
            status=ke, versi=F("versi") + 1, diubah_pada=sekarang
        )
    Ksdd.history.bulk_history_create(objs, update=True, default_change_reason=None)
