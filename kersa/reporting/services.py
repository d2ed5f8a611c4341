"""Writes of the reporting room (Pasal 27, Pasal 34 ayat 2 huruf j dan ayat 3).

Every status change is a ``Riwayat…`` row; a refusal is a ``RuleViolation`` naming
its rule; sending a report meets its clock (``deadlines``) in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd
from kersa.agreements.services import pastikan_perangkat_daerah
from kersa.core.errors import Pelanggaran, RuleViolation, tolak_jika
from kersa.core.format import bahasa_dokumen
from kersa.core.roles import pastikan_izin
from kersa.core.status import catat_awal, pindah
from kersa.deadlines.definisi import DEFINISI
from kersa.deadlines.services import tenggat_penuhi
from kersa.documents.choices import JenisDokumen
from kersa.documents.services import dokumen_rekaman, rekaman_hasilkan

from . import dasbor
from . import dokumen as dok
from .choices import JenisLaporanTkksd, StatusLaporan, StatusProses
from .isian import isian_dari_ksdd
from .models import (
    EksporDasbor,
    LaporanSemester,
    LaporanTkksd,
    ProsesLaporan,
)
from .selectors import laporan_disampaikan, ringkasan_tkksd
from .statistik import Saring
from .tasks import susun_ekspor_dasbor, susun_laporan_bupati

logger = logging.getLogger(__name__)

ISIAN_AGENSI = ("permasalahan", "upaya_penyelesaian", "hal_lainnya")


def _semester_sah(tahun: int, semester: int, rule: str) -> None:
    """Reports are per semester (Pasal 27 ayat 1, Pasal 34 ayat 2 huruf j): I or II of a
    year that has begun."""
    if semester not in (1, 2) or not 2000 <= tahun <= timezone.localdate().year:
        raise RuleViolation(
            Pelanggaran(
                rule,
                _("Pilih semester I atau II dari tahun yang sudah berjalan (Pasal 27 dan 34)."),
                field="periode",
            )
        )


# --- P27-1, P27-3: the agency's semester report --------------------------------------


def laporan_semester_buat(*, ksdd: Ksdd, tahun: int, semester: int, user) -> LaporanSemester:
    """Open the semester report of a running KSDD with parts a–f taken from its record."""
    pastikan_izin(
        user,
        "reporting.add_laporansemester",
        _("Anda tidak berwenang menyusun laporan semester KSDD."),
    )
    pastikan_perangkat_daerah(user, ksdd.perangkat_daerah_id)
    tolak_jika(
        [
            Pelanggaran(
                "P27-1",
                _(
                    "Laporan semester hanya disusun untuk KSDD dalam tahap pelaksanaan "
                    "(Pasal 27 ayat 1 jo. Pasal 13 huruf j)."
                ),
                field="ksdd",
            )
        ]
        if ksdd.status != Status.PELAKSANAAN
        else []
    )
    if semester not in (1, 2):
        raise RuleViolation(Pelanggaran("P27-1", _("Semester harus I atau II."), "semester"))
    duplikat = Pelanggaran(
        "P27-1",
        _("Laporan semester KSDD ini untuk semester tersebut sudah ada (Pasal 27 ayat 1)."),
        field="semester",
    )
    if LaporanSemester.objects.filter(ksdd=ksdd, tahun=tahun, semester=semester).exists():
        raise RuleViolation(duplikat)
    try:
        with transaction.atomic():
            laporan = LaporanSemester.objects.create(
                ksdd=ksdd, tahun=tahun, semester=semester, dibuat_oleh=user, **isian_dari_ksdd(ksdd)
            )
            catat_awal(laporan, oleh=user)
    except IntegrityError as exc:  # a second click at the same instant
        raise RuleViolation(duplikat) from exc
    return laporan


def _belum_disampaikan(laporan, rule: str, pasal: str) -> None:
    tolak_jika(_sudah_disampaikan(laporan, rule, pasal))


def laporan_semester_ubah(*, laporan: LaporanSemester, user, **isian) -> LaporanSemester:
    """Write the parts a–i of a draft (a–f may be corrected, g–i are the agency's)."""
    pastikan_izin(
        user,
        "reporting.change_laporansemester",
        _("Anda tidak berwenang menyusun laporan semester KSDD."),
    )
    pastikan_perangkat_daerah(user, laporan.ksdd.perangkat_daerah_id)
    with transaction.atomic():
        laporan = LaporanSemester.objects.select_for_update().get(pk=laporan.pk)
        _belum_disampaikan(laporan, "P27-1", "Pasal 27 ayat 1")
        for f, v in isian.items():
            if f not in LaporanSemester.BAGIAN:
                raise TypeError(f)
            setattr(laporan, f, (v or "").strip())
        laporan.save()
    return laporan


@bahasa_dokumen
def laporan_semester_hasilkan(*, laporan: LaporanSemester, user, tanggal: dt.date):
    """Generate (a new version of) the report's DOCX addressed to the Bupati."""
    if laporan.dokumen_id is None:
        laporan.dokumen = dokumen_rekaman(
            jenis=JenisDokumen.LAPORAN_SEMESTER,
            judul=f"Laporan semester {laporan.kode}: {laporan.judul}",
            user=user,
            tanggal=tanggal,
            ksdd=laporan.ksdd,
        )
        laporan.save(update_fields=["dokumen"])
    konteks = dok.konteks_laporan_semester(laporan, nomor=laporan.dokumen.nomor, tanggal=tanggal)
    return rekaman_hasilkan(
        dokumen=laporan.dokumen,
        konteks=konteks,
        nama_berkas=f"laporan-semester-{laporan.ksdd.nomor_register}-{laporan.kode}.docx".replace(
            "/", "-"
        ),
        user=user,
    )


def _sudah_disampaikan(laporan, rule: str, pasal: str) -> list[Pelanggaran]:
    if laporan.status == StatusLaporan.DRAF:
        return []
    return [Pelanggaran(rule, _("Laporan sudah disampaikan dan tidak dapat diubah (%s).") % pasal)]


def hambatan_sampaikan_semester(laporan: LaporanSemester) -> list[Pelanggaran]:
    """What stops sending a semester report now (P27-1, P27-3): listed on the report's
    page and the very checks ``laporan_semester_sampaikan`` runs (issue 13 item 1)."""
    sudah = _sudah_disampaikan(laporan, "P27-1", "Pasal 27 ayat 1")
    if sudah:
        return sudah
    wajib = LaporanSemester.BAGIAN[:8]  # a–h; i may say "tidak ada"
    return [
        Pelanggaran(
            "P27-3",
            _("Laporan semester paling sedikit memuat %(bagian)s (Pasal 27 ayat 3).")
            % {"bagian": laporan._meta.get_field(f).verbose_name},
            field=f,
        )
        for f in wajib
        if not getattr(laporan, f).strip()
    ]


def hambatan_sampaikan_tkksd(laporan: LaporanTkksd) -> list[Pelanggaran]:
    """What stops sending a TKKSD report now (P34-2j): listed on its page and the very
    check ``laporan_tkksd_sampaikan`` runs (issue 13 item 1)."""
    return _sudah_disampaikan(laporan, "P34-2j", "Pasal 34 ayat 2 huruf j")


def laporan_semester_sampaikan(
    *, laporan: LaporanSemester, user, tanggal: dt.date | None = None
) -> LaporanSemester:
    """P27-1: send the report to the Bupati with a copy to TKKSD; parts a–h must be
    filled (P27-3); generates the DOCX and meets the semester's P27-1 clock."""
    pastikan_izin(
        user,
        "reporting.sampaikan_laporansemester",
        _("Anda tidak berwenang menyampaikan laporan semester KSDD."),
    )
    pastikan_perangkat_daerah(user, laporan.ksdd.perangkat_daerah_id)
    tanggal = tanggal or timezone.localdate()
    with transaction.atomic():
        laporan = (
            LaporanSemester.objects.select_for_update()
            .select_related("ksdd__perangkat_daerah")
            .get(pk=laporan.pk)
        )
        tolak_jika(hambatan_sampaikan_semester(laporan))
        laporan.tanggal_disampaikan = tanggal
        pindah(
            laporan,
            StatusLaporan.DISAMPAIKAN,
            oleh=user,
            alasan=_("Disampaikan kepada Bupati dengan tembusan TKKSD (Pasal 27 ayat 1)."),
        )
        laporan_semester_hasilkan(laporan=laporan, user=user, tanggal=tanggal)
        tenggat_penuhi(
            kunci=DEFINISI["P27-1"].kunci("ksdd", laporan.ksdd_id, laporan.kode),
            alasan=_("Laporan semester %(s)s disampaikan.") % {"s": laporan.kode},
            oleh=user,
            pada=tanggal,
        )
    return laporan


# --- P27-2: the Bupati's consolidated report, built in the background -----------------


# A run building the Bupati's report renews its lease at every step; one whose lease
# is older than this was left by a dead worker (no step takes this long: the DOCX of
# every KSDD of a semester renders in seconds).
LEASE_LAPORAN = dt.timedelta(minutes=15)


def proses_laporan_bupati_mulai(*, tahun: int, semester: int, user) -> ProsesLaporan:
    """Queue the Bupati's report for a semester; the page follows ``ProsesLaporan``.
    One run at a time per semester: a second click while one waits or runs is refused,
    unless that run was abandoned by a dead worker (its lease ran out), which is
    closed as failed so the new one can start (issue 19)."""
    pastikan_izin(
        user,
        "reporting.susun_laporan_bupati",
        _("Anda tidak berwenang menyusun laporan Bupati kepada Gubernur."),
    )
    _semester_sah(tahun, semester, "P27-2")
    berjalan = _proses_berjalan(tahun, semester)
    if berjalan is not None and not _tinggalkan_jika_mati(berjalan):
        raise _sedang_disusun(berjalan)
    try:
        with transaction.atomic():
            proses = ProsesLaporan.objects.create(
                tahun=tahun,
                semester=semester,
                dibuat_oleh=user,
                pesan=_("Menunggu giliran pekerja."),
            )
            # Queued once the row is committed, so a worker never looks for a row it cannot see.
            transaction.on_commit(lambda: susun_laporan_bupati.enqueue(proses.pk))
    except IntegrityError as exc:
        # A parallel click won the race: the database allows one waiting or running run
        # per semester (constraint proses_laporan_satu_berjalan).
        raise _sedang_disusun(_proses_berjalan(tahun, semester)) from exc
    proses.refresh_from_db()
    return proses


def _tinggalkan_jika_mati(proses: ProsesLaporan) -> bool:
    """P27-2: close a run "berjalan" whose lease ran out (its worker died and no worker
    took it over) as failed. True when it was closed (one conditional UPDATE: of two
    requests at once, one closes it and both may then try to create the new run)."""
    if proses.status != StatusProses.BERJALAN:
        return False
    basi = timezone.now() - LEASE_LAPORAN
    # A run left before leases existed has no heartbeat: its age counts instead.
    mati = Q(detak_pada__lt=basi) | Q(detak_pada__isnull=True, dibuat_pada__lt=basi)
    return bool(
        ProsesLaporan.objects.filter(mati, pk=proses.pk, status=StatusProses.BERJALAN).update(
            status=StatusProses.GAGAL,
            pesan=_("Terhenti: pekerja latar belakang berhenti di tengah penyusunan."),
            selesai_pada=timezone.now(),
        )
    )


def _proses_berjalan(tahun: int, semester: int) -> ProsesLaporan | None:
    return (
        ProsesLaporan.objects.filter(
            tahun=tahun,
            semester=semester,
            status__in=[StatusProses.ANTRE, StatusProses.BERJALAN],
        )
        .order_by("-pk")
        .first()
    )


def _sedang_disusun(berjalan: ProsesLaporan | None) -> RuleViolation:
    status = str(berjalan.get_status_display() if berjalan else StatusProses.ANTRE.label).lower()
    return RuleViolation(
        Pelanggaran(
            "P27-2",
            _(
                "Laporan Bupati kepada Gubernur semester ini sedang disusun (%s); "
                "tunggu sampai selesai (Pasal 27 ayat 2)."
            )
            % status,
            field="periode",
        )
    )


def _kemajuan(proses: ProsesLaporan, **kolom) -> None:
    """Write the run's progress and renew its lease, only while it is still running
    (a run closed as abandoned is not brought back by a late worker)."""
    kolom.setdefault("detak_pada", timezone.now())
    diubah = ProsesLaporan.objects.filter(pk=proses.pk, status=StatusProses.BERJALAN).update(
        **kolom
    )
    if not diubah:
        raise ProsesDitinggalkan(proses.pk)
    for k, v in kolom.items():
        setattr(proses, k, v)


class ProsesDitinggalkan(Exception):
    """The run was closed (abandoned, its lease ran out) while this worker built it."""


@bahasa_dokumen
def proses_laporan_bupati_jalankan(*, proses_id: int, tanggal: dt.date | None = None) -> None:
    """Build the DOCX and XLSX of P27-2 from every submitted report of the semester,
    writing the progress as it goes (each step its own short transaction).

    Idempotent and resumable (issue 19): the task runs again after its worker died
    (``kersa.core.pekerja``) and takes the run over where it stood: a run already
    "berjalan" is resumed; the numbered letter (DOCX) is recorded on the run in the
    transaction that numbers it, so a resumed run reuses it and never takes a second
    number; a run finished or failed is left alone."""

    tanggal = tanggal or timezone.localdate()
    diambil = ProsesLaporan.objects.filter(
        pk=proses_id, status__in=[StatusProses.ANTRE, StatusProses.BERJALAN]
    ).update(
        status=StatusProses.BERJALAN,
        detak_pada=timezone.now(),
        percobaan=F("percobaan") + 1,
    )
    if not diambil:
        return
    proses = ProsesLaporan.objects.select_related("dibuat_oleh", "dokumen").get(pk=proses_id)
    try:
        _kemajuan(proses, persen=5, pesan=_("Mengumpulkan laporan."))
        laporan = []
        semua = list(laporan_disampaikan(tahun=proses.tahun, semester=proses.semester))
        for i, lap in enumerate(semua, 1):
            laporan.append(lap)
            if i % 5 == 0 or i == len(semua):
                _kemajuan(
                    proses,
                    persen=5 + 45 * i // len(semua),
                    pesan=_("Membaca laporan %(i)s dari %(n)s.") % {"i": i, "n": len(semua)},
                )
        if proses.dokumen_id is None:
            _kemajuan(proses, persen=55, pesan=_("Menyusun naskah laporan (DOCX)."))
            with transaction.atomic():
                d = dokumen_rekaman(
                    jenis=JenisDokumen.LAPORAN_BUPATI,
                    judul=_("Laporan Bupati kepada Gubernur semester %s") % proses.kode,
                    user=proses.dibuat_oleh,
                    tanggal=tanggal,
                )
                konteks = dok.konteks_laporan_bupati(
                    laporan,
                    tahun=proses.tahun,
                    semester=proses.semester,
                    nomor=d.nomor,
                    tanggal=tanggal,
                )
                rekaman_hasilkan(
                    dokumen=d,
                    konteks=konteks,
                    nama_berkas=f"laporan-bupati-{proses.kode}.docx",
                    user=proses.dibuat_oleh,
                )
                # The letter and its run commit together: a crash after this point
                # finds the letter on the run and does not number another.
                _kemajuan(proses, dokumen=d)
        _kemajuan(proses, persen=85, pesan=_("Menyusun tabel laporan (XLSX)."))
        data = dok.xlsx_laporan_bupati(laporan, tahun=proses.tahun, semester=proses.semester)
        proses.berkas_xlsx.save(f"laporan-bupati-{proses.kode}.xlsx", ContentFile(data), save=False)
        _kemajuan(
            proses,
            berkas_xlsx=proses.berkas_xlsx.name,
            jumlah_laporan=len(laporan),
            status=StatusProses.SELESAI,
            persen=100,
            pesan=_("Selesai: %(n)s laporan KSDD.") % {"n": len(laporan)},
            selesai_pada=timezone.now(),
        )
    except ProsesDitinggalkan:
        logger.warning("Laporan Bupati %s ditutup selagi disusun; pekerja ini berhenti", proses_id)
    except Exception as exc:
        logger.exception("Laporan Bupati %s gagal disusun", proses.pk)
        ProsesLaporan.objects.filter(pk=proses.pk, status=StatusProses.BERJALAN).update(
            status=StatusProses.GAGAL,
            pesan=(_("Gagal disusun: %s") % exc)[:300],
            selesai_pada=timezone.now(),
        )


# --- Issue 18: the dashboard's exports, built by the worker -------------------------------

# A run still waiting or running after this long was left by a dead worker (or a worker
# that never came): the user's next export closes it as failed instead of waiting on it.
BASI_EKSPOR = dt.timedelta(minutes=30)


def ekspor_dasbor_mulai(*, user, saring, format: str) -> tuple[EksporDasbor, bool]:
    """Queue the dashboard's export with the page's filters; answers at once (the
    worker builds the file). One at a time per user: while one waits or runs, it is
    returned (``baru`` False) instead of queuing another."""
    pastikan_izin(user, "agreements.view_ksdd", _("Anda tidak berwenang melihat dasbor."))
    basi = timezone.now() - BASI_EKSPOR
    EksporDasbor.objects.filter(
        dibuat_oleh=user,
        status__in=[StatusProses.ANTRE, StatusProses.BERJALAN],
        dibuat_pada__lt=basi,
    ).update(
        status=StatusProses.GAGAL,
        pesan=_("Terhenti: pekerja latar belakang tidak menyelesaikannya."),
        selesai_pada=timezone.now(),
    )
    try:
        with transaction.atomic():
            ekspor = EksporDasbor.objects.create(
                format=format,
                tahun=saring.tahun,
                kategori=saring.kategori,
                bahasa=get_language() or "",
                dibuat_oleh=user,
                pesan=_("Menunggu giliran pekerja."),
            )
            transaction.on_commit(lambda: susun_ekspor_dasbor.enqueue(ekspor.pk))
    except IntegrityError:
        # One waiting or running per user (constraint ekspor_dasbor_satu_berjalan).
        berjalan = EksporDasbor.objects.filter(
            dibuat_oleh=user, status__in=[StatusProses.ANTRE, StatusProses.BERJALAN]
        ).first()
        if berjalan is None:  # finished between the two queries: try once more
            return ekspor_dasbor_mulai(user=user, saring=saring, format=format)
        return berjalan, False
    return ekspor, True


def ekspor_dasbor_jalankan(*, ekspor_id: int) -> None:
    """Build the export as its user (what they may see) in the language they asked in,
    and store it; a run already finished or failed is left alone. The register is read
    500 KSDD at a time and written row by row (openpyxl write-only): at 100,000 KSDD the
    build's peak Python memory is about 25 MB (``manage.py benchmark_ekspor``)."""
    # "berjalan" too: a worker that died mid-build leaves it so, and the worker that
    # takes the task over (``kersa.core.pekerja``) builds the file again from the start.
    diambil = EksporDasbor.objects.filter(
        pk=ekspor_id, status__in=[StatusProses.ANTRE, StatusProses.BERJALAN]
    ).update(status=StatusProses.BERJALAN, pesan=_("Sedang disusun."))
    if not diambil:
        return
    ekspor = EksporDasbor.objects.select_related("dibuat_oleh").get(pk=ekspor_id)
    saring = Saring(tahun=ekspor.tahun, kategori=ekspor.kategori)
    try:
        with translation.override(ekspor.bahasa or None):
            isi, jumlah = dasbor.isi_berkas(
                user=ekspor.dibuat_oleh, saring=saring, format=ekspor.format
            )
            ekspor.berkas.save(
                dasbor.nama_berkas(saring, ekspor.format), ContentFile(isi), save=False
            )
            EksporDasbor.objects.filter(pk=ekspor.pk, status=StatusProses.BERJALAN).update(
                berkas=ekspor.berkas.name,
                jumlah_ksdd=jumlah,
                status=StatusProses.SELESAI,
                pesan=_("Selesai: %(n)s KSDD.") % {"n": jumlah},
                selesai_pada=timezone.now(),
            )
    except Exception as exc:
        logger.exception("Ekspor dasbor %s gagal disusun", ekspor_id)
        EksporDasbor.objects.filter(pk=ekspor_id, status=StatusProses.BERJALAN).update(
            status=StatusProses.GAGAL,
            pesan=(_("Gagal disusun: %s") % exc)[:300],
            selesai_pada=timezone.now(),
        )


# --- P34-2j, P34-3: TKKSD's report -----------------------------------------------------


def laporan_tkksd_buat(*, tahun: int, semester: int, user, **isian) -> LaporanTkksd:
    """Open TKKSD's report of a semester; semester II is also the annual one (P34-3)."""
    pastikan_izin(
        user, "reporting.add_laporantkksd", _("Anda tidak berwenang menyusun laporan TKKSD.")
    )
    _semester_sah(tahun, semester, "P34-2j")
    if set(isian) - set(LaporanTkksd.BAGIAN):
        raise TypeError(", ".join(sorted(set(isian) - set(LaporanTkksd.BAGIAN))))
    duplikat = Pelanggaran(
        "P34-2j",
        _("Laporan TKKSD untuk semester ini sudah ada (Pasal 34 ayat 2 huruf j)."),
        field="semester",
    )
    if LaporanTkksd.objects.filter(tahun=tahun, semester=semester).exists():
        raise RuleViolation(duplikat)
    jenis = JenisLaporanTkksd.TAHUNAN if semester == 2 else JenisLaporanTkksd.SEMESTER
    try:
        with transaction.atomic():
            laporan = LaporanTkksd.objects.create(
                tahun=tahun, semester=semester, jenis=jenis, dibuat_oleh=user, **isian
            )
            catat_awal(laporan, oleh=user)
    except IntegrityError as exc:
        raise RuleViolation(duplikat) from exc
    return laporan


def laporan_tkksd_ubah(*, laporan: LaporanTkksd, user, **isian) -> LaporanTkksd:
    pastikan_izin(
        user, "reporting.change_laporantkksd", _("Anda tidak berwenang menyusun laporan TKKSD.")
    )
    with transaction.atomic():
        laporan = LaporanTkksd.objects.select_for_update().get(pk=laporan.pk)
        _belum_disampaikan(laporan, "P34-2j", "Pasal 34 ayat 2 huruf j")
        for f, v in isian.items():
            if f not in LaporanTkksd.BAGIAN:
                raise TypeError(f)
            setattr(laporan, f, (v or "").strip())
        laporan.save()
    return laporan


@bahasa_dokumen
def laporan_tkksd_sampaikan(
    *, laporan: LaporanTkksd, user, tanggal: dt.date | None = None
) -> LaporanTkksd:
    """P34-2j/P34-3: generate the report to the Bupati and meet the semester's clock."""
    pastikan_izin(
        user,
        "reporting.sampaikan_laporantkksd",
        _("Anda tidak berwenang menyampaikan laporan TKKSD."),
    )

    tanggal = tanggal or timezone.localdate()
    with transaction.atomic():
        laporan = LaporanTkksd.objects.select_for_update().get(pk=laporan.pk)
        tolak_jika(hambatan_sampaikan_tkksd(laporan))
        if laporan.dokumen_id is None:
            laporan.dokumen = dokumen_rekaman(
                jenis=JenisDokumen.LAPORAN_TKKSD,
                judul=f"{laporan.get_jenis_display()} TKKSD {laporan.kode}",
                user=user,
                tanggal=tanggal,
            )
        laporan.tanggal_disampaikan = tanggal
        pindah(
            laporan,
            StatusLaporan.DISAMPAIKAN,
            oleh=user,
            alasan=_("Disampaikan kepada Bupati (Pasal 34 ayat 2 huruf j)."),
        )
        konteks = dok.konteks_laporan_tkksd(
            laporan,
            ringkasan_tkksd(tahun=laporan.tahun, semester=laporan.semester),
            nomor=laporan.dokumen.nomor,
            tanggal=tanggal,
        )
        rekaman_hasilkan(
            dokumen=laporan.dokumen,
            konteks=konteks,
            nama_berkas=f"laporan-tkksd-{laporan.kode}.docx",
            user=user,
        )
        tenggat_penuhi(
            kunci=DEFINISI["P34-2j"].kunci(laporan.kode),
            alasan=_("Laporan TKKSD %(s)s disampaikan.") % {"s": laporan.kode},
            oleh=user,
            pada=tanggal,
        )
    return laporan
