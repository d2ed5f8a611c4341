"""Every clock of the regulation, as data: one place per rule ID.

Another region's Perbup should differ here by configuration, not by code. The
services (``services.py``) start, meet and stop clocks by these IDs; the worker
acts on ``akibat`` when a clock falls due.

Two kinds of clock:

- **counted** from a dated event (a letter received): ``satuan`` and ``panjang``
  give the due date (``kalender.Kalender.jatuh_tempo``);
- **to a fixed date**: the end of a KB or PKS (P19-3, P12-2; due date given when
  the clock starts, ``panjang`` = its length in months, for display), or the end
  of a **period** of the year (``periode``): P27-1, P28 and P34-2j run to the end
  of each semester (30 June, 31 December), P37-1 to 31 December, P8-5 to 31 March
  (the first quarter, for next year's plans). ``periode_berjalan()`` gives the
  period containing a date; ``satuan``/``panjang`` then only describe its length.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kersa.core.roles import Peran

from .choices import Akibat, Satuan

P = Peran


@dataclass(frozen=True)
class Definisi:
    rule: str
    pasal: Promise  # where the period is written, as shown to clerks
    judul: Promise  # what must happen before the due date
    satuan: str
    panjang: int
    akibat: str = Akibat.PENGINGAT
    penanggung: Promise = _("Sekretariat TKKSD")  # who must act (shown on the Tenggat page)
    periode: str = ""  # "" (counted from an event), SEMESTER, TAHUN or TRIWULAN_I
    # The page where the record that meets a clock without a KSDD step is made (a URL
    # name); the Tenggat page links it, with ``?periode=`` for a semester's clock.
    tempat: str = ""
    # Who acts, as roles (kersa.core.roles.Peran): the one mapping the notifications
    # (``notifications.penerima``) and each person's work list (``beranda.kotak``) read.
    # ``peran``: the roles that must act before the due date (empty: the partner region
    # acts, outside KERSA); ``peran_tahu``: roles also told (they wait on it or act on
    # what follows); ``peran_tugas``: who acts on the task opened when it is missed
    # (``akibat`` BUKA_TUGAS), with ``penanggung_tugas`` as shown.
    peran: tuple[str, ...] = (P.SEKRETARIAT_TKKSD,)
    peran_tahu: tuple[str, ...] = ()
    peran_tugas: tuple[str, ...] = ()
    penanggung_tugas: Promise | str = ""
    # The task opened when the clock is missed (``akibat`` BUKA_TUGAS): its title and
    # the step (a transition of ``agreements.workflow.TRANSISI``) that closes it.
    tugas: Promise | str = ""
    tugas_aksi: str = ""
    # When reminders are given: kinds of ``notifications.choices.JenisPengingat`` (their
    # values); empty: the default schedule (``notifications.jadwal.JADWAL_BAWAAN``).
    jadwal: tuple[str, ...] = ()

    @property
    def jangka(self) -> str:
        """The period in words, e.g. "45 hari kerja": the messages that state a clock's
        period read its number and unit here, not from a copy typed beside them."""
        return jangka_teks(self.satuan, self.panjang)

    def kunci(self, *bagian) -> str:
        """The key of one clock of this rule (``Tenggat.kunci``): the rule and the parts
        that name its event, e.g. ``DEFINISI["P28"].kunci("pd", 4, "2026-1")`` is
        ``"P28:pd:4:2026-1"``."""
        return ":".join([self.rule, *(str(b) for b in bagian)])


def jangka_teks(satuan: str, panjang: int) -> str:
    """A period in words in the active language: "15 hari kerja", "30 hari kalender"."""
    if satuan == Satuan.HARI_KERJA:
        return ngettext("%(n)d hari kerja", "%(n)d hari kerja", panjang) % {"n": panjang}
    if satuan == Satuan.HARI_KALENDER:
        return ngettext("%(n)d hari kalender", "%(n)d hari kalender", panjang) % {"n": panjang}
    return ngettext("%(n)d bulan", "%(n)d bulan", panjang) % {"n": panjang}


# Roles told of every clock, whatever its rule: the secretariat keeps the register.
PERAN_SELALU: tuple[str, ...] = (P.SEKRETARIAT_TKKSD,)

# A clock marked missed stays in the "overdue" group of the Tenggat page, and is
# reminded of, this long after its due date (so that starting KERSA on old data does not
# send a flood of stale messages); after that it is shown only on its KSDD's page.
JENDELA_TERLEWAT = dt.timedelta(days=30)

# The reminder schedule of the clocks that run to the end of a KB or PKS: months before
# it, so that a renewal can be prepared (values of notifications' JenisPengingat).
JADWAL_BULAN: tuple[str, ...] = ("b-6", "b-3", "b-1", "hari_h")

# A reminder that is not a clock (no due date, no consequence; notifications.services
# ``pengingat_kb_tanpa_pks``, run by the daily scan): a KB signed this many days ago
# with no PKS signed yet (Pasal 11 ayat 4: a KB is followed by a PKS; P10). Told to
# those who draft the PKS: the agency's operators and the secretariat.
KB_TANPA_PKS_HARI = 90
PERAN_KB_TANPA_PKS: tuple[str, ...] = (P.OPERATOR_PD, P.SEKRETARIAT_TKKSD)


SEMESTER, TAHUN, TRIWULAN_I = "semester", "tahun", "triwulan_i"


@dataclass(frozen=True)
class Periode:
    """One period of a periodic clock: its key in ``Tenggat.kunci``, first and last day."""

    kode: str  # "2026-1" (semester), "2026" (year, first quarter)
    mulai: dt.date
    akhir: dt.date  # the due date


def semester_ke(tahun: int, semester: int) -> Periode:
    """Semester 1 or 2 of ``tahun`` (its P27-1 and P28 clocks fall due on its last day)."""
    return periode_berjalan(SEMESTER, dt.date(tahun, 6 * semester, 1))


def periode_berjalan(periode: str, tanggal: dt.date) -> Periode:
    """The period of kind ``periode`` that contains ``tanggal``."""
    y = tanggal.year
    if periode == SEMESTER:
        if tanggal.month <= 6:
            return Periode(f"{y}-1", dt.date(y, 1, 1), dt.date(y, 6, 30))
        return Periode(f"{y}-2", dt.date(y, 7, 1), dt.date(y, 12, 31))
    if periode == TAHUN:
        return Periode(f"{y}", dt.date(y, 1, 1), dt.date(y, 12, 31))
    if periode == TRIWULAN_I:
        return Periode(f"{y}", dt.date(y, 1, 1), dt.date(y, 3, 31))
    raise ValueError(periode)


DEFINISI: dict[str, Definisi] = {
    d.rule: d
    for d in [
        Definisi(
            "P16-4",
            _("Pasal 16 ayat (4)"),
            _("Tanggapan daerah mitra atas surat penawaran"),
            Satuan.HARI_KALENDER,
            30,
            Akibat.BUKA_TUGAS,
            _("Daerah mitra"),
            peran=(),
            peran_tahu=(P.OPERATOR_PD,),
            # P16-5: the Bupati sends the second request (the secretariat prepares it).
            peran_tugas=(P.BUPATI, P.SEKRETARIAT_TKKSD),
            penanggung_tugas=_("Bupati, melalui Sekretariat TKKSD"),
            tugas=_("Kirim permintaan tanggapan kedua (Pasal 16 ayat 5)"),
            tugas_aksi="catat_permintaan_kedua",
        ),
        Definisi(
            "P16-6",
            _("Pasal 16 ayat (6)"),
            _("Tanggapan daerah mitra atas permintaan tanggapan kedua"),
            Satuan.HARI_KALENDER,
            15,
            Akibat.BUKA_TUGAS,
            _("Daerah mitra"),
            peran=(),
            peran_tahu=(P.OPERATOR_PD,),
            # P16-6: the Bupati reports to the Gubernur.
            peran_tugas=(P.BUPATI, P.SEKRETARIAT_TKKSD),
            penanggung_tugas=_("Bupati, melalui Sekretariat TKKSD"),
            tugas=_("Susun laporan kepada Gubernur (Pasal 16 ayat 6)"),
            tugas_aksi="catat_laporan_gubernur",
        ),
        Definisi(
            "P17-4",
            _("Pasal 17 ayat (4) jo. Pasal 16 ayat (4)–(6)"),
            _(
                "Tanggapan Bupati atas penawaran daerah mitra yang tercantum dalam rencana KSDD "
                "(30 hari kalender; 15 hari kalender sejak permintaan tanggapan kedua)"
            ),
            Satuan.HARI_KALENDER,
            30,
            penanggung=_("Bupati, atas rekomendasi TKKSD"),
            peran=(P.BUPATI,),
            peran_tahu=(P.OPERATOR_PD, P.KETUA_TKKSD),
            # Only the second request's 15 days, missed, open this task: that clock is
            # started with akibat BUKA_TUGAS (pemicu._permintaan_kedua); the first 30
            # days only remind.
            peran_tugas=(P.BUPATI, P.SEKRETARIAT_TKKSD),
            penanggung_tugas=_("Bupati, atas rekomendasi TKKSD"),
            tugas=_(
                "Siapkan tanggapan Bupati atas permintaan tanggapan kedua "
                "(Pasal 17 ayat 4 jo. Pasal 16 ayat 6)"
            ),
            tugas_aksi="catat_tanggapan",
        ),
        Definisi(
            "P18-1",
            _("Pasal 18 ayat (1)"),
            _("Tanggapan Bupati atas penawaran daerah mitra di luar rencana KSDD tahun berjalan"),
            Satuan.HARI_KERJA,
            30,
            penanggung=_("Bupati, atas rekomendasi TKKSD"),
            peran=(P.BUPATI,),
            peran_tahu=(P.OPERATOR_PD, P.KETUA_TKKSD),
        ),
        Definisi(
            "P18-2",
            _("Pasal 18 ayat (2)"),
            _(
                "Tanggapan Bupati atas permintaan tanggapan kedua dari daerah mitra "
                "(penawaran di luar rencana KSDD tahun berjalan)"
            ),
            Satuan.HARI_KERJA,
            15,
            Akibat.BUKA_TUGAS,
            _("Bupati, atas rekomendasi TKKSD"),
            peran=(P.BUPATI,),
            peran_tahu=(P.OPERATOR_PD, P.KETUA_TKKSD),
            peran_tugas=(P.BUPATI, P.SEKRETARIAT_TKKSD),
            penanggung_tugas=_("Bupati, atas rekomendasi TKKSD"),
            tugas=_("Siapkan tanggapan Bupati atas permintaan tanggapan kedua (Pasal 18 ayat 2)"),
            tugas_aksi="catat_tanggapan",
        ),
        Definisi(
            "P22-1b",
            _("Pasal 22 ayat (1) huruf b"),
            _("Jawaban pimpinan DPRD atas permohonan persetujuan (telaahan rancangan PKS)"),
            Satuan.HARI_KERJA,
            15,
            penanggung=_("Pimpinan DPRD"),
            peran=(P.DPRD,),
            peran_tahu=(P.BUPATI,),
        ),
        Definisi(
            "P22-1d",
            _("Pasal 22 ayat (1) huruf d"),
            _("Tindak lanjut Bupati atas telaahan DPRD, dikirim kembali kepada DPRD"),
            Satuan.HARI_KERJA,
            15,
            penanggung=_("Bupati, melalui Sekretariat TKKSD"),
            peran=(P.BUPATI,),
        ),
        Definisi(
            "P22-1e",
            _("Pasal 22 ayat (1) huruf e dan f"),
            _("Persetujuan DPRD atas rancangan PKS yang telah ditindaklanjuti"),
            Satuan.HARI_KERJA,
            15,
            Akibat.ANGGAP_SETUJU,
            _("Pimpinan DPRD"),
            peran=(P.DPRD,),
            peran_tahu=(P.BUPATI,),
        ),
        Definisi(
            "P22-3",
            _("Pasal 22 ayat (3)"),
            _("Sikap DPRD atas permohonan persetujuan"),
            Satuan.HARI_KERJA,
            45,
            Akibat.ANGGAP_SETUJU,
            _("Pimpinan DPRD"),
            peran=(P.DPRD,),
            peran_tahu=(P.BUPATI,),
        ),
        Definisi(
            "P19-3",
            _("Pasal 19 ayat (3)"),
            _("Berakhirnya Kesepakatan Bersama (perpanjangan atas kesepakatan para pihak)"),
            Satuan.BULAN,
            0,
            penanggung=_("Perangkat Daerah pemrakarsa"),
            jadwal=JADWAL_BULAN,  # a KB ends: prepare the extension (perpanjangan)
            peran=(P.OPERATOR_PD,),
            peran_tahu=(P.BUPATI,),
        ),
        Definisi(
            "P12-2",
            _("Pasal 12 ayat (2)"),
            _("Berakhirnya jangka waktu PKS"),
            Satuan.BULAN,
            0,
            penanggung=_("Perangkat Daerah pemrakarsa"),
            jadwal=JADWAL_BULAN,  # a PKS ends
            peran=(P.OPERATOR_PD,),
        ),
        Definisi(
            "P27-1",
            _("Pasal 27 ayat (1)"),
            _("Laporan semester pelaksanaan KSDD kepada Bupati, tembusan TKKSD"),
            Satuan.BULAN,
            6,
            penanggung=_("Perangkat Daerah pemrakarsa"),
            periode=SEMESTER,
            tempat="laporan:daftar",
            peran=(P.OPERATOR_PD,),
        ),
        Definisi(
            "P28",
            _("Pasal 28"),
            _("Pemantauan dan evaluasi semester atas Perangkat Daerah pelaksana KSDD"),
            Satuan.BULAN,
            6,
            penanggung=_("Perangkat Daerah yang membidangi kerja sama"),
            periode=SEMESTER,
            tempat="pembinaan:monev",
        ),
        Definisi(
            "P34-2j",
            _("Pasal 34 ayat (2) huruf j"),
            _("Laporan TKKSD kepada Bupati (semester dan tahunan)"),
            Satuan.BULAN,
            6,
            penanggung=_("Sekretariat TKKSD"),
            periode=SEMESTER,
            tempat="laporan:tkksd",
            peran_tahu=(P.KETUA_TKKSD,),
        ),
        Definisi(
            "P37-1",
            _("Pasal 37 ayat (1)"),
            _("Rapat Pleno TKKSD paling sedikit sekali setahun"),
            Satuan.BULAN,
            12,
            penanggung=_("Ketua TKKSD"),
            periode=TAHUN,
            tempat="tkksd:daftar",
            peran=(P.KETUA_TKKSD,),
        ),
        Definisi(
            "P8-5",
            _("Pasal 8 ayat (5)"),
            _("Identifikasi KSDD sukarela pada triwulan I tahun sebelumnya"),
            Satuan.BULAN,
            3,
            penanggung=_("Perangkat Daerah yang membidangi kerja sama"),
            periode=TRIWULAN_I,
            tempat="rencana:daftar",
        ),
    ]
}


# --- Who acts: the one mapping (roles per rule) -----------------------------------


def peran_bertindak(rule: str) -> tuple[str, ...]:
    """The roles that must act on the clock ``rule`` before its due date."""
    d = DEFINISI.get(rule)
    return d.peran if d else ()


def peran_diberi_tahu(rule: str, *, terlewat: bool = True) -> frozenset[str]:
    """Every role told of the clock ``rule``: the secretariat always, those who act on
    it and those who wait on it; those who act on the task it opens once it is missed
    (``terlewat``: not of the reminders before, when nothing is theirs to do yet)."""
    d = DEFINISI.get(rule)
    if d is None:
        return frozenset(PERAN_SELALU)
    tugas = d.peran_tugas if terlewat else ()
    return frozenset((*PERAN_SELALU, *d.peran, *d.peran_tahu, *tugas))


def aturan_bertindak(peran: str) -> tuple[str, ...]:
    """The rules whose clock this role must act on (its work list)."""
    return tuple(r for r, d in DEFINISI.items() if peran in d.peran)


def aturan_tugas(peran: str) -> tuple[str, ...]:
    """The rules whose task (opened when the clock is missed) this role acts on."""
    return tuple(r for r, d in DEFINISI.items() if peran in d.peran_tugas)


def aturan_diberi_tahu(peran: str) -> tuple[str, ...]:
    """The rules whose clocks this role is told of."""
    return tuple(r for r in DEFINISI if peran in peran_diberi_tahu(r))


def penanggung_tugas(rule: str) -> str:
    """Who acts on the task the clock ``rule`` opens, as shown (the secretariat when the
    definition says nothing else)."""
    d = DEFINISI.get(rule)
    if d and d.penanggung_tugas:
        return str(d.penanggung_tugas)
    return str(_("Sekretariat TKKSD"))
