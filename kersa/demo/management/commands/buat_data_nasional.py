"""``manage.py buat_data_nasional --ksdd N``: a national-scale data set in the current database.

For measuring pages and the clock scan at the size of a province's or the ministry's
register (issue 18): ``N`` KSDD in every status of Pasal 13 with partners among the 552
regions (``muat_data_acuan`` is run first when the regions are missing), the agencies
of ``muat_data_acuan --dengan-perangkat-daerah``, a ``RiwayatTahap`` row for every step
each KSDD took, its ``simple_history`` record, and the statutory clocks (``Tenggat``)
those steps start, open, met or missed, each with its ``RiwayatTenggat`` rows and, for
a missed clock whose ``akibat`` opens a task, that ``Tugas``; the semester reports
(``LaporanSemester``, P27-1/P27-3) of KSDD in pelaksanaan with their status history.

Rows are written with ``bulk_create`` in batches (``--batch``), one transaction per
batch, not through the services (one KSDD through the services costs ~40 queries).
The bulk path keeps these invariants of the services, checked by
``kersa/core/tests/test_buat_data_nasional.py`` with queries:

- **register numbers** unique and in the register's format ``KSDD/<tahun>/<nnnn>``
  (``agreements.services.umum._nomor_register``), the year that of ``dibuat_pada``,
  numbered after the highest number already given that year; ``NomorRegisterTahun``
  is raised to the last number given, so a KSDD created later through the service
  takes the next free number;
- **Pasal 13 order** (P13): every KSDD's history is the walk of the transition table
  (``agreements.workflow.TRANSISI``) from ``buat`` to its current status, ``dari`` of a
  row equal to ``ke`` of the one before, the last ``ke`` the KSDD's ``status``, times
  strictly increasing, the first at ``dibuat_pada``, none in the future; steps are
  dated on working days of the calendar (``deadlines.kalender``, the 2026 holidays
  included);
- **clocks as their rules say** (``deadlines.definisi.DEFINISI``): ``satuan`` and
  ``panjang`` from the definition, ``jatuh_tempo`` computed by the same
  ``Kalender.jatuh_tempo`` (working days skip holidays), ``kunci`` unique; a clock
  is *terpenuhi* when the awaiting step was taken on or before the due date
  (``selesai_pada`` = that step's date), *terlewat* when it was not (``selesai_pada``
  = the day after the due date, with a task for ``BUKA_TUGAS`` clocks), *berjalan*
  while the KSDD still waits and the due date has not passed; P22-3 (deemed approval)
  is only generated open or met, so no KSDD sits in ``menunggu_dprd`` past a deemed
  approval; a semester report clock (P27-1) per semester of ``pelaksanaan``, keyed as
  the worker keys it (``P27-1:ksdd:<id>:<semester>``), met exactly when its report
  was sent that day (``tanggal_disampaikan`` = ``selesai_pada``), one report per KSDD
  and semester;
- **categories and forms** (P5-3, P7-1, P9): objects within the plan, a Kerja Sama
  Wajib carrying its externality, forms b/c/d/f their payer and payee, form g what is
  exchanged; partners never the home region;
- **DPRD** (P21-1): only KSDD that need DPRD approval pass through it.

Not generated (the services' own tests cover them): offer letters, drafts and
signatures of KB/PKS (their clocks carry keys ``<rule>:ksdd:<id>`` instead of the
letter's or text's id), documents and files on disk (reports carry no ``dokumen``),
TKKSD meetings. Steps are recorded by the system (``oleh`` empty). Times are printed as rows per second.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import time
from collections import defaultdict

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from kersa.agreements.choices import Kategori, Pemrakarsa, Status
from kersa.agreements.models import Bentuk, Ksdd, NomorRegisterTahun, RiwayatTahap, Urusan
from kersa.deadlines.choices import Akibat, StatusTenggat
from kersa.deadlines.definisi import DEFINISI, SEMESTER, periode_berjalan
from kersa.deadlines.kalender import Kalender
from kersa.deadlines.models import RiwayatTenggat, Tenggat, Tugas
from kersa.regions.models import PerangkatDaerah, Wilayah
from kersa.reporting.choices import StatusLaporan
from kersa.reporting.models import LaporanSemester, RiwayatLaporanSemester

S = Status

# The main line of Pasal 13 as (aksi, from, to, rule); a KSDD in a status has taken the
# steps up to it. DPRD steps only for KSDD that need approval (P21-1).
JALUR: list[tuple[str, str, str, str]] = [
    ("ajukan_kak", S.PENYUSUNAN_KAK, S.KAK_DIAJUKAN, "P14-2"),
    ("catat_petunjuk_tertulis", S.KAK_DIAJUKAN, S.TELAAH_TKKSD, "P14-3"),
    ("catat_telaah", S.TELAAH_TKKSD, S.MENYIAPKAN_PENAWARAN, "P15-2"),
    ("catat_penawaran", S.MENYIAPKAN_PENAWARAN, S.MENUNGGU_TANGGAPAN, "P16-3"),
    ("catat_tanggapan", S.MENUNGGU_TANGGAPAN, S.PENYUSUNAN_KB, "P16-4"),
    ("sepakati_rancangan_kb", S.PENYUSUNAN_KB, S.PENANDATANGANAN_KB, "P19-1"),
    ("tandatangani_kb", S.PENANDATANGANAN_KB, S.PERMOHONAN_DPRD, "P19-2"),
    ("ajukan_persetujuan_dprd", S.PERMOHONAN_DPRD, S.MENUNGGU_DPRD, "P21-1"),
    ("catat_persetujuan_dprd", S.MENUNGGU_DPRD, S.PENYUSUNAN_PKS, "P22-3"),
    ("sepakati_rancangan_pks", S.PENYUSUNAN_PKS, S.PENANDATANGANAN_PKS, "P12-1"),
    ("tandatangani_pks", S.PENANDATANGANAN_PKS, S.PELAKSANAAN, "P12-2"),
]
URUTAN = [S.PENYUSUNAN_KAK] + [ke for _a, _d, ke, _r in JALUR]
# Share of the data set per final status (a register some years old: most in pelaksanaan).
SEBARAN: dict[str, int] = {
    S.PENYUSUNAN_KAK: 4,
    S.KAK_DIAJUKAN: 2,
    S.TELAAH_TKKSD: 2,
    S.MENYIAPKAN_PENAWARAN: 2,
    S.MENUNGGU_TANGGAPAN: 4,
    S.PENYUSUNAN_KB: 3,
    S.PENANDATANGANAN_KB: 2,
    S.PERMOHONAN_DPRD: 2,
    S.MENUNGGU_DPRD: 3,
    S.PENYUSUNAN_PKS: 3,
    S.PENANDATANGANAN_PKS: 2,
    S.PELAKSANAAN: 50,
    S.DITOLAK: 4,
    S.DIBATALKAN: 5,
    S.DIAKHIRI: 12,
}
# Clocks a step starts, and the step that meets them.
JAM_MULAI = {"catat_penawaran": "P16-4", "ajukan_persetujuan_dprd": "P22-3"}
JAM_PENUH = {"catat_tanggapan": "P16-4", "catat_persetujuan_dprd": "P22-3"}
JAM_TUGAS_AKSI = {"P16-4": "catat_permintaan_kedua"}
OBYEK = [
    "pengelolaan sampah regional",
    "air minum lintas daerah",
    "rujukan layanan kesehatan",
    "jalan poros antar kabupaten",
    "pemasaran hasil pertanian",
    "pengendalian kebakaran hutan dan lahan",
    "angkutan sungai",
    "pendidikan vokasi",
    "pariwisata koridor sungai",
    "pengembangan sumber daya manusia aparatur",
]


@contextlib.contextmanager
def _tanggal_sendiri():
    """Let bulk_create keep the dates we give: auto_now/auto_now_add set them to now."""
    bidang = [
        Ksdd._meta.get_field("dibuat_pada"),
        Ksdd._meta.get_field("diubah_pada"),
        RiwayatTahap._meta.get_field("waktu"),
        Tenggat._meta.get_field("dibuat_pada"),
        RiwayatTenggat._meta.get_field("waktu"),
        Tugas._meta.get_field("dibuka_pada"),
        LaporanSemester._meta.get_field("dibuat_pada"),
        LaporanSemester._meta.get_field("diubah_pada"),
        RiwayatLaporanSemester._meta.get_field("pada"),
    ]
    semula = [(f, f.auto_now, f.auto_now_add) for f in bidang]
    for f in bidang:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, a, b in semula:
            f.auto_now, f.auto_now_add = a, b


class Command(BaseCommand):
    help = "Membangun data set KSDD berskala nasional di basis data ini (bulk, berlapis batch)."

    def add_arguments(self, parser):
        parser.add_argument("--ksdd", type=int, default=1000, help="jumlah KSDD (default 1000)")
        parser.add_argument("--batch", type=int, default=2000, help="KSDD per batch")
        parser.add_argument("--seed", type=int, default=18, help="benih acak (hasil berulang)")
        parser.add_argument("--tahun-awal", type=int, default=2019, help="tahun KSDD tertua")

    def handle(self, *args, **opts):
        mulai = time.monotonic()
        self.rng = random.Random(opts["seed"])
        self._siapkan_acuan()
        self.hari_ini = timezone.localdate()
        self.tz = timezone.get_current_timezone()
        self.kal = Kalender()
        self.tahun_awal = min(opts["tahun_awal"], self.hari_ini.year)
        n, batch = opts["ksdd"], max(1, opts["batch"])
        jumlah: dict[str, int] = defaultdict(int)
        with _tanggal_sendiri():
            for awal in range(0, n, batch):
                with transaction.atomic():
                    for model, k in self._batch(min(batch, n - awal)).items():
                        jumlah[model] += k
                if self.verbosity_ok(opts):
                    self.stdout.write(f"  {min(awal + batch, n)}/{n} KSDD")
        detik = max(time.monotonic() - mulai, 1e-9)
        total = sum(jumlah.values())
        if opts.get("verbosity", 1) < 1:
            return
        for model, k in sorted(jumlah.items()):
            self.stdout.write(f"{model}: {k}")
        self.stdout.write(
            f"{total} baris ({n} KSDD) dalam {detik:.1f} s: {total / detik:,.0f} baris/detik, "
            f"{n / detik:,.0f} KSDD/detik ({connection_vendor()})"
        )

    @staticmethod
    def verbosity_ok(opts) -> bool:
        return opts.get("verbosity", 1) >= 2

    # --- reference data ------------------------------------------------------------

    def _siapkan_acuan(self) -> None:
        if Wilayah.objects.count() < 500 or not PerangkatDaerah.objects.exists():
            call_command("muat_data_acuan", "--dengan-perangkat-daerah", verbosity=0)
        home = settings.KERSA_HOME_REGION
        self.wilayah = list(Wilayah.objects.exclude(kode=home).values_list("kode", flat=True))
        self.pd = list(PerangkatDaerah.objects.filter(aktif=True).values_list("pk", flat=True))
        self.bentuk = list(Bentuk.objects.all())
        self.urusan = list(Urusan.objects.values_list("pk", flat=True))
        self.status_pilih = list(SEBARAN)
        self.bobot = [SEBARAN[s] for s in self.status_pilih]
        self.nomor: dict[int, int] = {}  # last register number given per year

    def _nomor_berikut(self, tahun: int) -> str:
        if tahun not in self.nomor:
            prefix = f"KSDD/{tahun}/"
            ada = Ksdd.objects.filter(nomor_register__startswith=prefix).values_list(
                "nomor_register", flat=True
            )
            baris = NomorRegisterTahun.objects.filter(tahun=tahun).first()
            self.nomor[tahun] = max(
                [int(x.rsplit("/", 1)[1]) for x in ada] + [baris.terakhir if baris else 0]
            )
        self.nomor[tahun] += 1
        return f"KSDD/{tahun}/{self.nomor[tahun]:04d}"

    # --- one batch -------------------------------------------------------------------

    def _waktu(self, tanggal: dt.date, jam: int) -> dt.datetime:
        return dt.datetime.combine(tanggal, dt.time(8 + jam % 8, (jam * 7) % 60), self.tz)

    def _langkah_berikut(self, tanggal: dt.date, lo: int, hi: int) -> dt.date:
        return self.kal.tambah_hari_kerja(tanggal, self.rng.randint(lo, hi))

    def _batch(self, n: int) -> dict[str, int]:
        rng = self.rng
        rencana = []  # (ksdd, [(aksi, dari, ke, rule, tanggal)], [clock specs])
        span = (self.hari_ini - dt.date(self.tahun_awal, 1, 2)).days
        for _ in range(n):
            akhir = rng.choices(self.status_pilih, self.bobot)[0]
            rencana.append(self._satu(akhir, span))
        ksdd_objs = [r[0] for r in rencana]
        Ksdd.objects.bulk_create(ksdd_objs, batch_size=1000)
        if ksdd_objs[0].pk is None:  # a backend that does not return ids
            nomor = [k.nomor_register for k in ksdd_objs]
            ids = dict(
                Ksdd.objects.filter(nomor_register__in=nomor).values_list("nomor_register", "pk")
            )
            for k in ksdd_objs:
                k.pk = k.id = ids[k.nomor_register]
        for tahun, terakhir in self.nomor.items():
            baris, _c = NomorRegisterTahun.objects.get_or_create(tahun=tahun)
            if baris.terakhir < terakhir:
                NomorRegisterTahun.objects.filter(pk=baris.pk).update(terakhir=terakhir)
        Ksdd.history.bulk_history_create(ksdd_objs, batch_size=1000)
        Mitra, UrusanM2M = Ksdd.mitra.through, Ksdd.urusan.through
        mitra = []
        urusan = []
        riwayat = []
        for k, _l, _j in rencana:
            for kode in rng.sample(self.wilayah, rng.choice((1, 1, 1, 2, 3))):
                mitra.append(Mitra(ksdd_id=k.pk, wilayah_id=kode))
            for u in rng.sample(self.urusan, rng.choice((1, 1, 2))):
                urusan.append(UrusanM2M(ksdd_id=k.pk, urusan_id=u))
        Mitra.objects.bulk_create(mitra, batch_size=5000)
        UrusanM2M.objects.bulk_create(urusan, batch_size=5000)
        for k, langkah, _j in rencana:
            for i, (aksi, dari, ke, rule, tanggal) in enumerate(langkah):
                riwayat.append(
                    RiwayatTahap(
                        ksdd_id=k.pk,
                        aksi=aksi,
                        dari=dari,
                        ke=ke,
                        rule=rule,
                        waktu=k.dibuat_pada if i == 0 else self._waktu(tanggal, k.pk + i),
                        alasan="Data set nasional (buat_data_nasional).",
                        dikabarkan_pada=None,
                    )
                )
        RiwayatTahap.objects.bulk_create(riwayat, batch_size=5000)
        tenggat, spesifikasi = [], []
        for k, _l, jam in rencana:
            for spec in jam:
                rule, mulai, selesai, kunci = spec
                d = DEFINISI[rule]
                if d.periode:
                    jt = periode_berjalan(d.periode, mulai).akhir
                else:
                    jt = self.kal.jatuh_tempo(d.satuan, mulai, d.panjang)
                if selesai is not None and selesai <= jt:
                    st, sp = StatusTenggat.TERPENUHI, selesai
                elif selesai is not None or jt < self.hari_ini:
                    st, sp = StatusTenggat.TERLEWAT, jt + dt.timedelta(days=1)
                else:
                    st, sp = StatusTenggat.BERJALAN, None
                tenggat.append(
                    Tenggat(
                        rule=rule,
                        kunci=kunci.format(id=k.pk),
                        ksdd_id=k.pk,
                        perangkat_daerah_id=k.perangkat_daerah_id,
                        peristiwa=str(d.judul)[:300],
                        tanggal_peristiwa=mulai,
                        satuan=d.satuan,
                        panjang=d.panjang,
                        jatuh_tempo=jt,
                        status=st,
                        akibat=d.akibat,
                        selesai_pada=sp,
                        ditindak_pada=self._waktu(sp, k.pk) if sp else None,
                        dibuat_pada=self._waktu(mulai, k.pk),
                    )
                )
                spesifikasi.append(k)
        Tenggat.objects.bulk_create(tenggat, batch_size=5000)
        if tenggat and tenggat[0].pk is None:
            ids = dict(
                Tenggat.objects.filter(kunci__in=[t.kunci for t in tenggat]).values_list(
                    "kunci", "pk"
                )
            )
            for t in tenggat:
                t.pk = t.id = ids[t.kunci]
        rt, tugas = [], []
        for t, k in zip(tenggat, spesifikasi, strict=True):
            rt.append(
                RiwayatTenggat(
                    tenggat_id=t.pk, dari="", ke=StatusTenggat.BERJALAN, waktu=t.dibuat_pada
                )
            )
            if t.status != StatusTenggat.BERJALAN:
                rt.append(
                    RiwayatTenggat(
                        tenggat_id=t.pk,
                        dari=StatusTenggat.BERJALAN,
                        ke=t.status,
                        waktu=t.ditindak_pada,
                    )
                )
            if t.status == StatusTenggat.TERLEWAT and t.akibat == Akibat.BUKA_TUGAS:
                tugas.append(
                    Tugas(
                        judul=f"{DEFINISI[t.rule].pasal}: {k.nomor_register}",
                        rule=t.rule,
                        aksi=JAM_TUGAS_AKSI.get(t.rule, ""),
                        ksdd_id=k.pk,
                        tenggat_id=t.pk,
                        status=Tugas.Status.SELESAI
                        if k.status != S.MENUNGGU_TANGGAPAN
                        else Tugas.Status.TERBUKA,
                        dibuka_pada=t.ditindak_pada,
                        diselesaikan_pada=None
                        if k.status == S.MENUNGGU_TANGGAPAN
                        else self._waktu(t.selesai_pada, k.pk + 3),
                    )
                )
        RiwayatTenggat.objects.bulk_create(rt, batch_size=5000)
        Tugas.objects.bulk_create(tugas, batch_size=5000)
        laporan, riwayat_laporan = self._laporan(tenggat, spesifikasi)
        return {
            "LaporanSemester": len(laporan),
            "RiwayatLaporanSemester": len(riwayat_laporan),
            "Ksdd": len(ksdd_objs),
            "HistoricalKsdd": len(ksdd_objs),
            "mitra": len(mitra),
            "urusan": len(urusan),
            "RiwayatTahap": len(riwayat),
            "Tenggat": len(tenggat),
            "RiwayatTenggat": len(rt),
            "Tugas": len(tugas),
        }

    def _laporan(self, tenggat, ksdd) -> tuple[list, list]:
        """P27-1, P27-3: a report sent for each met semester clock (sent on the day the
        clock was met), a draft for each open one; parts a–f the KSDD's snapshot."""
        laporan = []
        for t, k in zip(tenggat, ksdd, strict=True):
            if t.rule != "P27-1" or t.status == StatusTenggat.TERLEWAT:
                continue
            tahun, semester = (int(x) for x in t.kunci.rsplit(":", 1)[1].split("-"))
            terkirim = t.status == StatusTenggat.TERPENUHI
            dibuat = t.dibuat_pada if not terkirim else self._waktu(t.selesai_pada, k.pk + 1)
            laporan.append(
                LaporanSemester(
                    ksdd_id=k.pk,
                    tahun=tahun,
                    semester=semester,
                    status=StatusLaporan.DISAMPAIKAN if terkirim else StatusLaporan.DRAF,
                    judul=k.judul,
                    bentuk_naskah="Perjanjian Kerja Sama",
                    para_pihak="Pemerintah Kabupaten Barito Selatan dan daerah mitra",
                    maksud_tujuan=f"Meningkatkan {k.judul.lower()}.",
                    objek=k.judul,
                    jangka_waktu=f"{k.jangka_waktu_bulan} bulan",
                    permasalahan="Tidak ada permasalahan berarti." if terkirim else "",
                    tanggal_disampaikan=t.selesai_pada if terkirim else None,
                    dibuat_pada=dibuat,
                    diubah_pada=dibuat,
                )
            )
        LaporanSemester.objects.bulk_create(laporan, batch_size=2000)
        if laporan and laporan[0].pk is None:
            ids = {
                (a, b, c): pk
                for a, b, c, pk in LaporanSemester.objects.filter(
                    ksdd_id__in={x.ksdd_id for x in laporan}
                ).values_list("ksdd_id", "tahun", "semester", "pk")
            }
            for x in laporan:
                x.pk = x.id = ids[(x.ksdd_id, x.tahun, x.semester)]
        riwayat = []
        for x in laporan:
            riwayat.append(
                RiwayatLaporanSemester(
                    laporan_id=x.pk, dari="", ke=StatusLaporan.DRAF, pada=x.dibuat_pada
                )
            )
            if x.status == StatusLaporan.DISAMPAIKAN:
                riwayat.append(
                    RiwayatLaporanSemester(
                        laporan_id=x.pk,
                        dari=StatusLaporan.DRAF,
                        ke=StatusLaporan.DISAMPAIKAN,
                        pada=x.dibuat_pada + dt.timedelta(hours=1),
                    )
                )
        RiwayatLaporanSemester.objects.bulk_create(riwayat, batch_size=5000)
        return laporan, riwayat

    def _satu(self, akhir: str, span: int):
        """One KSDD that ends in ``akhir``: its row, its steps and the clocks they start."""
        rng = self.rng
        perlu_dprd = rng.random() < 0.4
        # Where on the main line it stops, and how it ended (terminal statuses).
        if akhir == S.DITOLAK:
            sampai = S.MENUNGGU_TANGGAPAN
        elif akhir == S.DIBATALKAN:
            sampai = rng.choice(URUTAN[:-1])
        elif akhir == S.DIAKHIRI:
            sampai = S.PELAKSANAAN
        else:
            sampai = akhir
        if sampai in (S.PERMOHONAN_DPRD, S.MENUNGGU_DPRD):
            perlu_dprd = True
        jalur = [j for j in JALUR if perlu_dprd or j[0] not in _LANGKAH_DPRD]
        if not perlu_dprd:
            jalur = [
                (a, d, S.PENYUSUNAN_PKS if a == "tandatangani_kb" else ke, r)
                for a, d, ke, r in jalur
            ]
        langkah_n = next(
            i for i, j in enumerate([(None, None, URUTAN[0], None)] + jalur) if j[2] == sampai
        )
        jalur = jalur[:langkah_n]
        ekstra = 1 if akhir in STATUS_TERMINAL else 0
        # Steps 3–25 working days apart; the wait for a partner or DPRD kept within or past
        # the clock by choice. The walk ends before today: the start is drawn so.
        butuh = 25 * (len(jalur) + ekstra) * 7 // 5 + 60
        hari_awal = rng.randint(0, max(1, span - butuh))
        if akhir in (S.MENUNGGU_DPRD, S.MENUNGGU_TANGGAPAN):  # waiting now: started lately
            hari_awal = max(0, span - len(jalur) * 20 - rng.randint(10, 50))
        tanggal = self.kal.tambah_hari_kerja(
            dt.date(self.tahun_awal, 1, 2) + dt.timedelta(hari_awal), 0
        )
        while not self.kal.hari_kerja(tanggal):
            tanggal += dt.timedelta(days=1)
        dibuat = self._waktu(tanggal, rng.randint(0, 7))
        langkah = [("buat", S.PENYUSUNAN_KAK, S.PENYUSUNAN_KAK, "P14-1", tanggal)]
        jam: list[tuple[str, dt.date, dt.date | None, str]] = []
        buka: dict[str, dt.date] = {}
        for aksi, dari, ke, rule in jalur:
            if aksi in JAM_PENUH:
                d = DEFINISI[JAM_PENUH[aksi]]
                # Most partners answer in time; some late (a missed clock, then the answer).
                # P22-3 is never late here: past it the approval is deemed (the worker's act).
                telat = d.akibat != Akibat.ANGGAP_SETUJU and rng.random() < 0.15
                lama = d.panjang + 5 if telat else d.panjang - rng.randint(2, 10)
                if d.satuan == "hari_kerja":
                    berikut = self.kal.tambah_hari_kerja(tanggal, max(1, lama))
                else:
                    berikut = tanggal + dt.timedelta(days=max(1, lama))
                    while not self.kal.hari_kerja(berikut):
                        berikut += dt.timedelta(days=1)
            else:
                berikut = self._langkah_berikut(tanggal, 3, 25)
            if berikut >= self.hari_ini:
                break  # never a step in the future: the KSDD stops earlier
            tanggal = berikut
            langkah.append((aksi, dari, ke, rule, tanggal))
            if aksi in JAM_PENUH:
                rule_jam = JAM_PENUH[aksi]
                jam.append((rule_jam, buka.pop(rule_jam), tanggal, f"{rule_jam}:ksdd:{{id}}"))
            if aksi in JAM_MULAI:
                buka[JAM_MULAI[aksi]] = tanggal
        if (
            langkah[-1][0] == "ajukan_persetujuan_dprd"
            and self.kal.jatuh_tempo(DEFINISI["P22-3"].satuan, tanggal, DEFINISI["P22-3"].panjang)
            < self.hari_ini
        ):
            # P22-3: past 45 working days the approval is deemed given (the worker's act);
            # the bulk path stops the KSDD before the request instead.
            langkah.pop()
            buka.pop("P22-3")
            tanggal = langkah[-1][4]
        status_kini = langkah[-1][2]
        if ekstra and status_kini == (S.MENUNGGU_TANGGAPAN if akhir == S.DITOLAK else sampai):
            berikut = self._langkah_berikut(tanggal, 3, 25)
            if berikut < self.hari_ini:
                tanggal = berikut
                aksi, rule = {
                    S.DITOLAK: ("catat_tanggapan", "P16-4"),
                    S.DIBATALKAN: ("batalkan", "P13"),
                    S.DIAKHIRI: ("akhiri", "P24"),
                }[akhir]
                langkah.append((aksi, status_kini, akhir, rule, tanggal))
                if akhir == S.DITOLAK:
                    jam.append(("P16-4", buka.pop("P16-4"), tanggal, "P16-4:ksdd:{id}"))
                status_kini = akhir
        # Clocks still open (their KSDD waits), then the P22-3 clock is kept open.
        for rule_jam, mulai in buka.items():
            if status_kini in STATUS_TERMINAL:
                continue
            jam.append((rule_jam, mulai, None, f"{rule_jam}:ksdd:{{id}}"))
        # Semester reports (P27-1) for every semester of pelaksanaan.
        mulai_pelaksanaan = next(
            (t for a, _d, _k, _r, t in langkah if a == "tandatangani_pks"), None
        )
        if mulai_pelaksanaan:
            akhir_pel = langkah[-1][4] if status_kini == S.DIAKHIRI else self.hari_ini
            per = periode_berjalan(SEMESTER, mulai_pelaksanaan)
            while per.mulai <= akhir_pel:
                if per.akhir < self.hari_ini:
                    lapor = self.kal.tambah_hari_kerja(per.akhir, rng.randint(-20, 10))
                    selesai = lapor if lapor < self.hari_ini and rng.random() < 0.9 else None
                else:
                    selesai = None
                jam.append(("P27-1", per.mulai, selesai, f"P27-1:ksdd:{{id}}:{per.kode}"))
                per = periode_berjalan(SEMESTER, per.akhir + dt.timedelta(days=1))
        bentuk = rng.choice(self.bentuk)
        kategori = Kategori.WAJIB if rng.random() < 0.3 else Kategori.SUKARELA
        obyek = rng.choice(OBYEK)
        pembayar = rng.choice(self.wilayah) if bentuk.wajib_kompensasi else None
        ksdd = Ksdd(
            nomor_register=self._nomor_berikut(langkah[0][4].year),
            judul=f"Kerja sama {obyek} ({rng.randint(1, 9999)})",
            pemrakarsa=Pemrakarsa.DAERAH,
            perangkat_daerah_id=rng.choice(self.pd),
            kategori=kategori,
            bentuk_id=bentuk.pk,
            eksternalitas=f"Dampak lintas daerah atas {obyek}."
            if kategori == Kategori.WAJIB
            else "",
            pembayar_id=pembayar,
            penerima_pembayaran_id=settings.KERSA_HOME_REGION if pembayar else None,
            dasar_pembayaran="Biaya layanan per satuan yang disepakati." if pembayar else "",
            objek_pertukaran=f"Layanan {obyek}." if bentuk.pertukaran_layanan else "",
            dalam_rencana=True,
            dokumen_rencana="RPJMD 2025–2029",
            lokasi="Kabupaten Barito Selatan",
            nilai_anggaran=rng.randint(50, 5000) * 1_000_000,
            sumber_dana="APBD",
            dianggarkan_apbd=not perlu_dprd,
            membebani_masyarakat=perlu_dprd and rng.random() < 0.5,
            rencana_mulai=langkah[0][4] + dt.timedelta(days=180),
            jangka_waktu_bulan=rng.choice((12, 24, 36, 60)),
            status=status_kini,
            versi=len(langkah),
            dibuat_pada=dibuat,
            diubah_pada=self._waktu(langkah[-1][4], 9) if len(langkah) > 1 else dibuat,
        )
        return ksdd, langkah, jam


_LANGKAH_DPRD = {"ajukan_persetujuan_dprd", "catat_persetujuan_dprd"}
STATUS_TERMINAL = {S.DITOLAK, S.DIBATALKAN, S.DIAKHIRI}


def connection_vendor() -> str:
    from django.db import connection

    return connection.vendor
