"""Which KSDD steps start, meet and stop which clocks (called by ``langkah()``).

The table ``PEMICU`` is the law's triggers as data, by transition name of
``agreements.workflow.TRANSISI``: what a step starts (``Mulai``: a rule and the dated
events that start it, read from the records the step wrote), and which running
clocks it closes (``Akhiri``: to which state, which rules, in which scope: the offer
answered, the DPRD request, the whole KSDD). A clock with no event to start it does
not exist: every ``Mulai`` reads a date the user entered (a letter received, a
document signed).

A clock closes on the day the law sees (RULES.md, the calendar paragraph; P16-5,
P16-6, P18-2, P22-1b…P22-3): ``Pemicu.tanggal`` reads the date of the act the step
recorded (a letter's receipt, a Rapat Pleno, an approval's date), and a clock met,
refused or stopped by the step closes on it, never on the day the clerk typed it in
(that moment is kept in ``Tenggat.ditindak_pada``); a clock missed closes on the day
after its last day. An act dated after today is refused citing the clock's Pasal. A
clock the scan marked missed whose awaited letter was received by its last day, typed
in only later, is corrected to met on that day (``services.tenggat_terpenuhi_susulan``).

Besides the table, one rule holds for every step: a KSDD that ends (ditolak,
dibatalkan, diakhiri) stops its running clocks (DIHENTIKAN) and closes its tasks.

Everything runs inside the step's transaction: a refused step leaves no clock behind.
Starting is idempotent by ``Tenggat.kunci``; closing is a conditional UPDATE.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from kersa.agreements.choices import STATUS_AKHIR, Status
from kersa.agreements.workflow import TRANSISI
from kersa.planning.selectors import dalam_rencana_tahun

from .choices import Akibat, StatusTenggat
from .definisi import DEFINISI, SEMESTER, periode_berjalan
from .models import Tenggat, Tugas
from .peristiwa import uraian_id
from .services import (
    tanggal_tindakan_periksa,
    tenggat_akhiri,
    tenggat_geser,
    tenggat_mulai,
    tenggat_terpenuhi_susulan,
    tugas_selesaikan,
)


@dataclass(frozen=True)
class Peristiwa:
    """One dated event that starts a clock."""

    kunci: str
    tanggal: dt.date
    kode: str  # the sentence (deadlines.peristiwa.URAIAN), shown in the reader's language
    data: dict  # its facts
    subjek: object = None
    jatuh_tempo: dt.date | None = None  # clocks to a fixed date (end of a KB, a semester)
    panjang: int | None = None
    akibat: str | None = None  # when not the definition's (P17-4's second request)

    @property
    def uraian(self) -> str:
        """The sentence in Indonesian (as stored in ``Tenggat.peristiwa``)."""
        return uraian_id(self.kode, self.data)


@dataclass(frozen=True)
class Mulai:
    """Start ``rule`` for each event ``peristiwa(ksdd, riwayat)`` returns."""

    rule: str
    peristiwa: Callable[..., list[Peristiwa]]


def _seluruh_ksdd(ksdd, riwayat) -> dict:
    return {"ksdd": ksdd}


@dataclass(frozen=True)
class Akhiri:
    """Close the running clocks of ``rules`` within ``lingkup`` (filter arguments of
    ``Tenggat``) as ``ke``, when ``bila(riwayat)`` holds."""

    ke: str
    rules: tuple[str, ...]
    lingkup: Callable[..., dict] = _seluruh_ksdd
    bila: Callable[..., bool] = lambda riwayat: True


@dataclass(frozen=True)
class Geser:
    """Move the due date of the running clock ``kunci(ksdd, riwayat)`` to
    ``jatuh_tempo(ksdd, riwayat)`` (a KB extended: its P19-3 clock follows the new end
    date), with a history row."""

    kunci: Callable[..., str]
    jatuh_tempo: Callable[..., dt.date]


@dataclass(frozen=True)
class Pemicu:
    mulai: tuple[Mulai, ...] = ()
    akhiri: tuple[Akhiri, ...] = ()
    geser: tuple[Geser, ...] = ()
    # Open tasks (deadlines.Tugas) this step closes: their ``aksi``, in the scope of
    # ``lingkup_tugas`` (filter arguments of the task's clock).
    tugas: tuple[str, ...] = ()
    lingkup_tugas: Callable[..., dict] = _seluruh_ksdd
    # The date of the act the step records, and the form field it was typed in:
    # ``tanggal(ksdd, riwayat) -> (date, field)``. A clock the step meets, refuses or
    # stops closes on that day (the law's day), not on the day it was typed in.
    tanggal: Callable[..., tuple[dt.date, str]] | None = None


# --- where the dates come from ----------------------------------------------------------


def _subjek(obj) -> dict:
    from django.contrib.contenttypes.models import ContentType

    return {"subjek_tipe": ContentType.objects.get_for_model(obj), "subjek_id": obj.pk}


def _penawaran_langkah(ksdd, riwayat):
    """The offer a step was about (``data["mitra"]`` of catat_tanggapan and the steps
    of the second request)."""
    return ksdd.penawaran.select_related("mitra").get(mitra_id=riwayat.data["mitra"])


def _lingkup_penawaran(ksdd, riwayat) -> dict:
    return {"ksdd": ksdd, **_subjek(_penawaran_langkah(ksdd, riwayat))}


def _permohonan(ksdd):
    return ksdd.permohonan_dprd.order_by("-pk").first()


def _lingkup_permohonan(ksdd, riwayat) -> dict:
    return {"ksdd": ksdd, **_subjek(_permohonan(ksdd))}


def _tgl(d: dt.date) -> str:
    return d.strftime("%d-%m-%Y")


def _penawaran(rule: str, arah: str, dalam_rencana: bool | None = None):
    """P16-4 (our offer, from each partner's receipt), P17-4 / P18-1 (a partner's offer,
    from our receipt; 30 calendar days when in this year's plan, 30 working days when
    not: RULES.md "Known flaws", P17-4 read with P18)."""

    def peristiwa(ksdd, riwayat) -> list[Peristiwa]:

        kode = "penawaran_keluar" if arah == "keluar" else "penawaran_masuk"
        # In this year's plan: the KSDD's plan item is on the list set for the year the
        # offer was received (planning.selectors.dalam_rencana_tahun).
        return [
            Peristiwa(
                kunci=DEFINISI[rule].kunci("penawaran", p.pk),
                tanggal=p.tanggal_diterima,
                kode=kode,
                data={"n": p.nomor, "m": p.mitra.nama_lengkap, "t": _tgl(p.tanggal_diterima)},
                subjek=p,
            )
            for p in ksdd.penawaran.select_related("mitra").filter(arah=arah)
            if dalam_rencana is None
            or dalam_rencana_tahun(ksdd, p.tanggal_diterima.year) == dalam_rencana
        ]

    return peristiwa


def _permintaan_kedua(rule: str, arah: str, dalam_rencana: bool | None = None):
    """P16-6 (our second request, 15 calendar days from the partner's receipt); a
    partner's second request to us, from our receipt: P18-2 (15 working days) for an
    offer outside the KSDD plan of the year it was received, and, for an offer in the
    plan, the mirror of P16-6 that P17-4 reads into it: 15 calendar days, kept as a
    P17-4 clock of its own (RULES.md P17-4, "Known flaws": P17-4 read with P18)."""

    def peristiwa(ksdd, riwayat) -> list[Peristiwa]:

        p = _penawaran_langkah(ksdd, riwayat)
        if p.arah != arah:
            return []
        if (
            dalam_rencana is not None
            and dalam_rencana_tahun(ksdd, p.tanggal_diterima.year) != dalam_rencana
        ):
            return []
        kedua = p.permintaan_kedua
        kunci = DEFINISI[rule].kunci("kedua" if rule == "P17-4" else "penawaran", p.pk)
        return [
            Peristiwa(
                kunci=kunci,
                tanggal=kedua.tanggal_diterima,
                kode="permintaan_kedua",
                data={
                    "n": kedua.nomor,
                    "m": p.mitra.nama_lengkap,
                    "t": _tgl(kedua.tanggal_diterima),
                },
                subjek=p,
                # P17-4: the second request in the plan gets 15 calendar days, not 30,
                # and, missed, opens the task of the Bupati's answer, as P18-2 does
                # (its Definisi.tugas); the first 30 days only remind.
                panjang=15 if rule == "P17-4" else None,
                akibat=Akibat.BUKA_TUGAS if rule == "P17-4" else None,
            )
        ]

    return peristiwa


def _dprd(rule: str, sumber: str):
    """DPRD clocks: from the request received by DPRD, DPRD's review received by the
    Bupati, or the Bupati's follow-up received by DPRD."""

    def peristiwa(ksdd, riwayat) -> list[Peristiwa]:
        permohonan = _permohonan(ksdd)
        surat = permohonan if sumber == "permohonan" else getattr(permohonan, sumber)
        return [
            Peristiwa(
                kunci=DEFINISI[rule].kunci("permohonan", permohonan.pk),
                tanggal=surat.tanggal_diterima,
                kode=f"dprd_{sumber}",
                data={"n": surat.nomor, "t": _tgl(surat.tanggal_diterima)},
                subjek=permohonan,
            )
        ]

    return peristiwa


def _bulan_antara(mulai: dt.date, akhir: dt.date) -> int:
    r = relativedelta(akhir, mulai)
    return max(0, r.years * 12 + r.months)


def _naskah_berakhir(rule: str, jenis: str):
    """P19-3 / P12-2: from the signing to the document's end date (renewal reminders
    ``Definisi.jadwal``, months before it)."""

    def peristiwa(ksdd, riwayat) -> list[Peristiwa]:
        n = ksdd.naskah.get(jenis=jenis)
        return [
            Peristiwa(
                kunci=DEFINISI[rule].kunci("naskah", n.pk),
                tanggal=n.tanggal_ditandatangani,
                kode="naskah",
                data={
                    "naskah": n.jenis,
                    "t": _tgl(n.tanggal_ditandatangani),
                    "s": _tgl(n.tanggal_berakhir),
                },
                subjek=n,
                jatuh_tempo=n.tanggal_berakhir,
                panjang=_bulan_antara(n.tanggal_ditandatangani, n.tanggal_berakhir),
            )
        ]

    return peristiwa


def peristiwa_laporan_semester(ksdd, tanggal: dt.date) -> Peristiwa:
    """P27-1 for the semester containing ``tanggal``: due at its end (30 June or 31
    December). Used at the PKS signing and by the worker for each later semester."""
    per = periode_berjalan(SEMESTER, tanggal)
    return Peristiwa(
        kunci=DEFINISI["P27-1"].kunci("ksdd", ksdd.pk, per.kode),
        tanggal=tanggal,
        kode="laporan_semester",
        data={"nomor": ksdd.nomor_register, "s": per.kode},
        jatuh_tempo=per.akhir,
    )


def kunci_tenggat_monev(pd_pk: int, tahun: int, semester: int) -> str:
    """The key of an agency's P28 clock of one semester, started by the worker
    (pekerja.tenggat_periodik_mulai) and met by oversight's monev_selesaikan."""
    return DEFINISI["P28"].kunci("pd", pd_pk, f"{tahun}-{semester}")


def peristiwa_monev_semester(pd, tanggal: dt.date) -> Peristiwa:
    """P28 for an agency with a KSDD in pelaksanaan in the semester containing
    ``tanggal``: its monitoring and evaluation, due at the semester's end."""
    per = periode_berjalan(SEMESTER, tanggal)
    return Peristiwa(
        kunci=kunci_tenggat_monev(pd.pk, per.mulai.year, 1 if per.mulai.month == 1 else 2),
        tanggal=per.mulai,
        kode="monev_semester",
        data={"s": per.kode, "pd": str(pd)},
        jatuh_tempo=per.akhir,
    )


def _laporan_pertama(ksdd, riwayat) -> list[Peristiwa]:
    pks = ksdd.naskah.get(jenis="pks")
    return [peristiwa_laporan_semester(ksdd, pks.tanggal_ditandatangani)]


def _terdaftar(mulai: Callable[..., list[Peristiwa]], jenis: str | None = None):
    """P26: the clocks of an agreement registered at its stage (``daftarkan``), as after
    its signing: the end of its KB and PKS still running on the day it is registered,
    and the semester report of the semester it is registered in (a semester already
    past is not demanded). Nothing for a KSDD registered as ended."""

    def peristiwa(ksdd, riwayat) -> list[Peristiwa]:

        if riwayat.ke in STATUS_AKHIR:
            return []
        hari_ini = timezone.localdate(riwayat.waktu)
        if jenis is None:
            if riwayat.ke != Status.PELAKSANAAN:
                return []
            return [peristiwa_laporan_semester(ksdd, hari_ini)]
        n = ksdd.naskah.filter(jenis=jenis).first()
        if n is None or n.tanggal_berakhir < hari_ini:
            return []
        return mulai(ksdd, riwayat)

    return peristiwa


def _pleno_tahun(ksdd, riwayat) -> dict:
    rapat = ksdd.rekomendasi_pleno.order_by("-pk").first()
    return {"kunci": f"P37-1:{rapat.tanggal_rapat.year}"}


def _tanggal_tanggapan(ksdd, riwayat):
    return _penawaran_langkah(ksdd, riwayat).tanggapan.tanggal_diterima, "tanggal_diterima"


def _tanggal_pleno(ksdd, riwayat):
    return ksdd.rekomendasi_pleno.order_by("-pk").first().tanggal_rapat, "tanggal_rapat"


def _tanggal_surat_dprd(surat: str, field: str = "tanggal_diterima"):
    """The act date of a DPRD step: the receipt of its letter (the answer, the review,
    the follow-up, the refusal), or the date of the approval (signed, or the day a
    deemed approval takes effect)."""

    def tanggal(ksdd, riwayat):
        return getattr(getattr(_permohonan(ksdd), surat), field), field

    return tanggal


def _dianggap(rule: str):
    return lambda r: bool(r.data.get("dianggap")) and r.rule == rule


_PENAWARAN = ("P16-4", "P16-6", "P17-4", "P18-1", "P18-2")
_DPRD = ("P22-1b", "P22-1d", "P22-1e", "P22-3")

PEMICU: dict[str, Pemicu] = {
    "catat_penawaran": Pemicu(
        mulai=(
            Mulai("P16-4", _penawaran("P16-4", "keluar")),
            Mulai("P17-4", _penawaran("P17-4", "masuk", dalam_rencana=True)),
            Mulai("P18-1", _penawaran("P18-1", "masuk", dalam_rencana=False)),
        )
    ),
    "catat_rekomendasi_pleno": Pemicu(
        akhiri=(Akhiri(StatusTenggat.TERPENUHI, ("P37-1",), _pleno_tahun),),
        tanggal=_tanggal_pleno,
    ),
    "catat_tanggapan": Pemicu(
        akhiri=(Akhiri(StatusTenggat.TERPENUHI, _PENAWARAN, _lingkup_penawaran),),
        tugas=("catat_permintaan_kedua", "catat_laporan_gubernur", "catat_tanggapan"),
        lingkup_tugas=_lingkup_penawaran,
        tanggal=_tanggal_tanggapan,
    ),
    "catat_permintaan_kedua": Pemicu(
        # P16-5: the second request is sent because P16-4 has lapsed.
        akhiri=(Akhiri(StatusTenggat.TERLEWAT, ("P16-4",), _lingkup_penawaran),),
        mulai=(
            Mulai("P16-6", _permintaan_kedua("P16-6", "keluar")),
            # P17-4 / P18-2: in this year's plan 15 calendar days, outside it 15 working.
            Mulai("P17-4", _permintaan_kedua("P17-4", "masuk", dalam_rencana=True)),
            Mulai("P18-2", _permintaan_kedua("P18-2", "masuk", dalam_rencana=False)),
        ),
        tugas=("catat_permintaan_kedua",),
        lingkup_tugas=_lingkup_penawaran,
    ),
    "catat_laporan_gubernur": Pemicu(
        akhiri=(Akhiri(StatusTenggat.TERLEWAT, ("P16-6",), _lingkup_penawaran),),
        tugas=("catat_laporan_gubernur",),
        lingkup_tugas=_lingkup_penawaran,
    ),
    "sepakati_rancangan_kb": Pemicu(),
    "tandatangani_kb": Pemicu(mulai=(Mulai("P19-3", _naskah_berakhir("P19-3", "kb")),)),
    # P19-3: the KB extended; its clock runs on to the new end date.
    "perpanjang_kb": Pemicu(
        geser=(
            Geser(
                kunci=lambda ksdd, r: f"P19-3:naskah:{r.data['naskah']}",
                jatuh_tempo=lambda ksdd, r: dt.date.fromisoformat(r.data["berakhir_baru"]),
            ),
        )
    ),
    "ajukan_persetujuan_dprd": Pemicu(
        mulai=(
            Mulai("P22-1b", _dprd("P22-1b", "permohonan")),
            Mulai("P22-3", _dprd("P22-3", "permohonan")),
        )
    ),
    "catat_jawaban_dprd": Pemicu(
        # The answer of the DPRD leadership meets P22-1b and nothing else.
        akhiri=(Akhiri(StatusTenggat.TERPENUHI, ("P22-1b",), _lingkup_permohonan),),
        tanggal=_tanggal_surat_dprd("jawaban"),
    ),
    "catat_telaahan_dprd": Pemicu(
        # P22-1c: DPRD's review is its first position on the substance (meets P22-3).
        akhiri=(Akhiri(StatusTenggat.TERPENUHI, ("P22-3",), _lingkup_permohonan),),
        mulai=(Mulai("P22-1d", _dprd("P22-1d", "telaahan")),),
        tanggal=_tanggal_surat_dprd("telaahan"),
    ),
    "catat_tindak_lanjut_telaahan": Pemicu(
        akhiri=(Akhiri(StatusTenggat.TERPENUHI, ("P22-1d",), _lingkup_permohonan),),
        mulai=(Mulai("P22-1e", _dprd("P22-1e", "tindak_lanjut")),),
        tanggal=_tanggal_surat_dprd("tindak_lanjut"),
    ),
    "catat_penolakan_dprd": Pemicu(
        # P22-3: a refusal closes every open P22 clock of the request; nothing is deemed.
        # Closed on the day the refusal letter was received, as typed (the act date).
        akhiri=(Akhiri(StatusTenggat.DITUTUP_PENOLAKAN, _DPRD, _lingkup_permohonan),),
        tanggal=_tanggal_surat_dprd("penolakan"),
    ),
    "catat_persetujuan_dprd": Pemicu(
        akhiri=(
            # Deemed (by the worker): the lapsed clock takes effect, the others stop.
            Akhiri(StatusTenggat.DIANGGAP, ("P22-3",), _lingkup_permohonan, _dianggap("P22-3")),
            Akhiri(StatusTenggat.DIANGGAP, ("P22-1e",), _lingkup_permohonan, _dianggap("P22-1f")),
            Akhiri(
                StatusTenggat.DIHENTIKAN,
                _DPRD,
                _lingkup_permohonan,
                lambda r: bool(r.data.get("dianggap")),
            ),
            # Signed by the DPRD leadership (P22-2): every DPRD clock is met.
            Akhiri(StatusTenggat.TERPENUHI, _DPRD, _lingkup_permohonan),
        ),
        # Signed: the approval's date; deemed: the day it takes effect (the day after
        # the last day, P22-1f, P22-3).
        tanggal=_tanggal_surat_dprd("persetujuan", "tanggal"),
    ),
    "tandatangani_pks": Pemicu(
        mulai=(
            Mulai("P12-2", _naskah_berakhir("P12-2", "pks")),
            Mulai("P27-1", _laporan_pertama),
        )
    ),
    # P26: an agreement registered at the stage it is in (agreements.services.registrasi).
    "daftarkan": Pemicu(
        mulai=(
            Mulai("P19-3", _terdaftar(_naskah_berakhir("P19-3", "kb"), "kb")),
            Mulai("P12-2", _terdaftar(_naskah_berakhir("P12-2", "pks"), "pks")),
            Mulai("P27-1", _terdaftar(_laporan_pertama)),
        )
    ),
}


def tenggat_setelah_langkah(*, ksdd, riwayat) -> None:
    """Start, meet or stop the clocks of ``ksdd`` after the step logged in ``riwayat``."""

    pemicu = PEMICU.get(riwayat.aksi, Pemicu())
    alasan = _langkah_teks(riwayat)
    # The act's date (RULES.md, the calendar paragraph): a met clock closes on it; a
    # missed one on the day after its last day (services.tanggal_selesai).
    pada, field = pemicu.tanggal(ksdd, riwayat) if pemicu.tanggal else (None, None)
    for a in pemicu.akhiri:
        if not a.bila(riwayat):
            continue
        lingkup = a.lingkup(ksdd, riwayat)
        berjalan = Tenggat.objects.filter(
            status=StatusTenggat.BERJALAN, rule__in=a.rules, **lingkup
        )
        for tenggat in berjalan:
            if pada is not None:
                tanggal_tindakan_periksa(tenggat, a.ke, pada, field)
            tenggat_akhiri(
                tenggat=tenggat,
                ke=a.ke,
                alasan=alasan,
                oleh=riwayat.oleh,
                riwayat_tahap=riwayat,
                pada=pada,
            )
        if (
            a.ke == StatusTenggat.TERPENUHI
            and pada is not None
            and not riwayat.data.get("dianggap")
        ):
            # A letter received in time but typed in after the scan marked its clock
            # missed: the clock was met, on the day the letter was received (never by
            # a deemed approval: that meets nothing).
            terlewat = Tenggat.objects.filter(
                status=StatusTenggat.TERLEWAT, rule__in=a.rules, jatuh_tempo__gte=pada, **lingkup
            )
            for tenggat in terlewat:
                tenggat_terpenuhi_susulan(
                    tenggat=tenggat,
                    pada=pada,
                    alasan=alasan,
                    oleh=riwayat.oleh,
                    riwayat_tahap=riwayat,
                )
    for g in pemicu.geser:
        tenggat_geser(
            kunci=g.kunci(ksdd, riwayat),
            jatuh_tempo=g.jatuh_tempo(ksdd, riwayat),
            alasan=alasan,
            oleh=riwayat.oleh,
            riwayat_tahap=riwayat,
        )
    for m in pemicu.mulai:
        for p in m.peristiwa(ksdd, riwayat):
            tenggat_mulai(
                rule=m.rule,
                kunci=p.kunci,
                tanggal_peristiwa=p.tanggal,
                peristiwa_kode=p.kode,
                peristiwa_data=p.data,
                ksdd=ksdd,
                subjek=p.subjek,
                jatuh_tempo=p.jatuh_tempo,
                panjang=p.panjang,
                akibat=p.akibat,
                oleh=riwayat.oleh,
                riwayat_tahap=riwayat,
            )
    if pemicu.tugas:
        lingkup = {f"tenggat__{k}": v for k, v in pemicu.lingkup_tugas(ksdd, riwayat).items()}
        tugas_selesaikan(
            tugas_qs=Tugas.objects.filter(aksi__in=pemicu.tugas, **lingkup),
            riwayat_tahap=riwayat,
        )
    if riwayat.ke in STATUS_AKHIR:
        for tenggat in Tenggat.objects.filter(ksdd=ksdd, status=StatusTenggat.BERJALAN):
            tenggat_akhiri(
                tenggat=tenggat,
                ke=StatusTenggat.DIHENTIKAN,
                alasan=alasan,
                oleh=riwayat.oleh,
                riwayat_tahap=riwayat,
                pada=pada,
            )
        tugas_selesaikan(tugas_qs=Tugas.objects.filter(ksdd=ksdd), riwayat_tahap=riwayat)


def _langkah_teks(riwayat) -> str:

    t = TRANSISI.get(riwayat.aksi)
    label = str(t.label) if t else riwayat.aksi
    return (f"{label}: {riwayat.alasan}" if riwayat.alasan else label)[:1000]


__all__ = [
    "PEMICU",
    "Pemicu",
    "Mulai",
    "Akhiri",
    "Geser",
    "Peristiwa",
    "tenggat_setelah_langkah",
]
