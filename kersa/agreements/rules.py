"""The regulation's rules on a KSDD record, each named by its ID in RULES.md.

Each check returns the list of ``Pelanggaran`` it finds (empty when satisfied).
The services call them before a change; the KSDD page calls the same checks to
show what still blocks the next stage before the user tries.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kersa.core.errors import Pelanggaran
from kersa.core.format import tanggal_surat
from kersa.regions.models import Wilayah
from kersa.regions.selectors import pasangan_berbatasan

from .choices import (
    AlasanPenolakan,
    Kategori,
    KedudukanPenandatangan,
    Keputusan,
    Pemrakarsa,
    PertimbanganPersetujuan,
    Status,
)

# The law as data: one place each, named by rule ID (ARCHITECTURE.md).
KB_MAKS_TAHUN = 5  # P19-3
RANGKAP_PARAF_HIERARKI = 1  # P20-4, P24-4
FOTOKOPI_SEKRETARIAT = 1  # P20-4, P24-4


def p7_1_wajib_berbatasan(*, kategori: str, mitra_kodes: Iterable[str], eksternalitas: str):
    """P7-1: a Kerja Sama Wajib is between regions that border each other, with a
    stated cross-region externality. Each partner must border at least one other party."""
    if kategori != Kategori.WAJIB:
        return []
    found = []
    home = settings.KERSA_HOME_REGION
    parties = {home, *mitra_kodes}
    pairs = pasangan_berbatasan(parties)
    bordering = {k for pair in pairs for k in pair}
    lone = sorted(k for k in parties if k not in bordering)
    if lone:
        known = {w.kode: w for w in Wilayah.objects.filter(kode__in=lone)}
        lone = [f"{known[k].nama_lengkap} ({k})" if k in known else k for k in lone]
        found.append(
            Pelanggaran(
                "P7-1",
                _(
                    "Kerja Sama Wajib hanya dapat dilaksanakan oleh daerah yang berbatasan "
                    "(Pasal 7 ayat 1). Tidak berbatasan dengan pihak lain: %s."
                )
                % ", ".join(lone),
                field="mitra",
            )
        )
    if not (eksternalitas or "").strip():
        found.append(
            Pelanggaran(
                "P7-1",
                _(
                    "Kerja Sama Wajib harus menyebutkan eksternalitas lintas daerah "
                    "(Pasal 7 ayat 1)."
                ),
                field="eksternalitas",
            )
        )
    return found


def p5_3_pengecualian(*, dalam_rencana: bool, pengecualian: str, alasan: str):
    """P5-2/P5-3: an object outside the plan needs one of the three exceptions, explained."""
    if dalam_rencana:
        return []
    if not pengecualian:
        return [
            Pelanggaran(
                "P5-3",
                _(
                    "Obyek KSDD belum tercantum dalam perencanaan pembangunan daerah: pilih "
                    "dasar pengecualian (darurat, program strategis nasional, atau tugas "
                    "pembantuan) sesuai Pasal 5 ayat (3)."
                ),
                field="pengecualian_rencana",
            )
        ]
    if not (alasan or "").strip():
        return [
            Pelanggaran(
                "P5-2",
                _(
                    "Jelaskan mengapa obyek di luar perencanaan pembangunan daerah tetap "
                    "dikerjasamakan (Pasal 5 ayat 2 dan 3)."
                ),
                field="alasan_pengecualian",
            )
        ]
    return []


BENTUK_RETRIBUSI = "d"  # P9-d: paid by the public as retribusi


def p9_kompensasi(
    *,
    bentuk,
    pembayar,
    penerima,
    dasar: str,
    objek_pertukaran: str,
    membebani: bool | None = None,
    dasar_perda: str = "",
):
    """P9-b/c/f: who pays whom and on what basis; P9-g: what is exchanged. P9-d: the
    public pays a retribusi for the service: the KSDD burdens the public (P21-1, so
    DPRD approval is needed; ``membebani`` when known) and records its Perda basis."""
    found = []
    if bentuk is None:
        return found
    if bentuk.kode == BENTUK_RETRIBUSI:
        if not (dasar_perda or "").strip():
            found.append(
                Pelanggaran(
                    "P9-d",
                    _(
                        "Kerja sama bentuk “%s” dibayar masyarakat sebagai retribusi: sebutkan "
                        "Peraturan Daerah yang menjadi dasar retribusinya (Pasal 9 huruf d)."
                    )
                    % bentuk.nama,
                    field="dasar_perda_retribusi",
                )
            )
        if membebani is False:
            found.append(
                Pelanggaran(
                    "P21-1",
                    _(
                        "Retribusi atas jasa pelayanan dibayar masyarakat: KSDD bentuk “%s” "
                        "membebani masyarakat dan memerlukan Persetujuan DPRD (Pasal 9 huruf d "
                        "dan Pasal 21 ayat 1)."
                    )
                    % bentuk.nama,
                    field="membebani_masyarakat",
                )
            )
    elif bentuk.wajib_kompensasi:
        if pembayar is None or penerima is None or not (dasar or "").strip():
            found.append(
                Pelanggaran(
                    f"P9-{bentuk.kode}",
                    _(
                        "Bentuk “%(bentuk)s” memuat kewajiban pembayaran: isi daerah "
                        "yang membayar, daerah yang menerima, dan dasar pembayarannya "
                        "(Pasal 9 huruf %(huruf)s)."
                    )
                    % {"bentuk": bentuk.nama, "huruf": bentuk.kode},
                    field="dasar_pembayaran",
                )
            )
        elif pembayar == penerima:
            found.append(
                Pelanggaran(
                    f"P9-{bentuk.kode}",
                    _("Daerah yang membayar dan yang menerima pembayaran tidak boleh sama."),
                    field="penerima_pembayaran",
                )
            )
    if bentuk.pertukaran_layanan and not (objek_pertukaran or "").strip():
        found.append(
            Pelanggaran(
                "P9-g",
                _(
                    "Kerja Sama Pertukaran Layanan harus menyebutkan layanan yang "
                    "dipertukarkan (Pasal 9 huruf g)."
                ),
                field="objek_pertukaran",
            )
        )
    return found


def p31_1_bantuan_hanya_wajib(*, kategori: str):
    """P31-1: funding assistance only for a Kerja Sama Wajib."""
    if kategori == Kategori.WAJIB:
        return []
    return [
        Pelanggaran(
            "P31-1",
            _(
                "Bantuan pendanaan kepada daerah mitra hanya dapat diberikan untuk Kerja Sama "
                "Wajib (Pasal 31 ayat 1)."
            ),
        )
    ]


def p14_2_kak_lengkap(kak) -> list[Pelanggaran]:
    """P14-1/P14-2: a KAK with every part of Pasal 14 ayat (2) before it is submitted."""
    if kak is None:
        return [Pelanggaran("P14-1", _("KAK belum disusun (Pasal 14 ayat 1)."))]
    kosong = kak.bagian_kosong()
    if not kosong:
        return []
    return [
        Pelanggaran(
            "P14-2",
            _("KAK belum lengkap; bagian yang belum diisi: %s (Pasal 14 ayat 2).")
            % "; ".join(label for _f, label in kosong),
            field="kak",
        )
    ]


def data_ksdd(ksdd) -> list[Pelanggaran]:
    """The record-level rules that must hold before the KAK goes to TKKSD."""
    mitra = list(ksdd.mitra.all())
    found = []
    if not mitra:
        found.append(
            Pelanggaran("P1-3", _("Pilih sekurang-kurangnya satu daerah mitra."), field="mitra")
        )
    if not ksdd.urusan.exists():
        found.append(
            Pelanggaran(
                "P5-4",
                _("Pilih sekurang-kurangnya satu urusan pemerintahan (Pasal 5 ayat 4)."),
                field="urusan",
            )
        )
    if not ksdd.tujuan.exists():
        found.append(Pelanggaran("P3", _("Pilih tujuan KSDD menurut Pasal 3."), field="tujuan"))
    if ksdd.pemrakarsa == Pemrakarsa.MITRA and ksdd.pemrakarsa_mitra_id is None:
        found.append(
            Pelanggaran(
                "P17-1",
                _("Sebutkan daerah calon mitra yang memprakarsai (Pasal 17 ayat 1)."),
                field="pemrakarsa_mitra",
            )
        )
    found += p7_1_wajib_berbatasan(
        kategori=ksdd.kategori,
        mitra_kodes=[m.kode for m in mitra],
        eksternalitas=ksdd.eksternalitas,
    )
    found += p5_3_pengecualian(
        dalam_rencana=ksdd.dalam_rencana,
        pengecualian=ksdd.pengecualian_rencana,
        alasan=ksdd.alasan_pengecualian,
    )
    found += p9_kompensasi(
        bentuk=ksdd.bentuk,
        pembayar=ksdd.pembayar_id,
        penerima=ksdd.penerima_pembayaran_id,
        dasar=ksdd.dasar_pembayaran,
        objek_pertukaran=ksdd.objek_pertukaran,
        membebani=ksdd.membebani_masyarakat,
        dasar_perda=ksdd.dasar_perda_retribusi,
    )
    if ksdd.dianggarkan_apbd and not ksdd.nomor_dpa.strip():
        found.append(
            Pelanggaran(
                "P21-1",
                _("Sebutkan nomor DPA bila pendanaan telah dianggarkan dalam APBD."),
                field="nomor_dpa",
            )
        )
    return found


def tambah_tahun(tanggal: dt.date, tahun: int) -> dt.date:
    try:
        return tanggal.replace(year=tanggal.year + tahun)
    except ValueError:  # 29 February
        return tanggal.replace(year=tanggal.year + tahun, day=28)


def p19_3_jangka_kb(*, mulai: dt.date, berakhir: dt.date) -> list[Pelanggaran]:
    """P19-3: a Kesepakatan Bersama runs at most 5 years."""
    # Five years from 1 January ends on 31 December four years later.
    try:
        batas = tambah_tahun(mulai, KB_MAKS_TAHUN) - dt.timedelta(days=1)
    except (ValueError, OverflowError):  # beyond year 9999: nothing can exceed it
        return []
    if berakhir <= batas:
        return []
    return [
        Pelanggaran(
            "P19-3",
            _(
                "Jangka waktu Kesepakatan Bersama paling lama %(n)d tahun (Pasal 19 ayat 3): "
                "mulai %(mulai)s, paling lambat berakhir %(batas)s."
            )
            % {
                "n": KB_MAKS_TAHUN,
                "mulai": mulai.strftime("%d-%m-%Y"),
                "batas": batas.strftime("%d-%m-%Y"),
            },
            field="tanggal_berakhir",
        )
    ]


def p19_3_perpanjangan(
    *, ditandatangani: dt.date, berakhir: dt.date, tanggal: dt.date, berakhir_baru: dt.date
) -> list[Pelanggaran]:
    """P19-3: a KB "dapat diperpanjang sesuai kesepakatan para pihak", each time for at
    most 5 years from the day after its current end. The extension is agreed while the
    KB still runs (after its signing, by its last day: an expired KB is not extended but
    agreed anew) and moves the end later."""
    tgl = "%d-%m-%Y"
    found = []
    if tanggal < ditandatangani or tanggal > berakhir:
        found.append(
            Pelanggaran(
                "P19-3",
                _(
                    "Perpanjangan disepakati selama Kesepakatan Bersama berlaku: setelah "
                    "ditandatangani pada %(ttd)s dan paling lambat pada hari berakhirnya, "
                    "%(akhir)s (Pasal 19 ayat 3)."
                )
                % {"ttd": ditandatangani.strftime(tgl), "akhir": berakhir.strftime(tgl)},
                field="tanggal_kesepakatan",
            )
        )
    if berakhir_baru <= berakhir:
        found.append(
            Pelanggaran(
                "P19-3",
                _(
                    "Perpanjangan harus berakhir setelah %(akhir)s, hari berakhirnya "
                    "Kesepakatan Bersama saat ini (Pasal 19 ayat 3)."
                )
                % {"akhir": berakhir.strftime(tgl)},
                field="tanggal_berakhir",
            )
        )
        return found
    try:
        mulai = berakhir + dt.timedelta(days=1)
        batas = tambah_tahun(mulai, KB_MAKS_TAHUN) - dt.timedelta(days=1)
    except (ValueError, OverflowError):  # beyond year 9999: nothing can exceed it
        return found
    if berakhir_baru > batas:
        found.append(
            Pelanggaran(
                "P19-3",
                _(
                    "Setiap perpanjangan Kesepakatan Bersama paling lama %(n)d tahun (Pasal 19 "
                    "ayat 3): diperpanjang mulai %(mulai)s, paling lambat berakhir %(batas)s."
                )
                % {"n": KB_MAKS_TAHUN, "mulai": mulai.strftime(tgl), "batas": batas.strftime(tgl)},
                field="tanggal_berakhir",
            )
        )
    return found


def p19_3_pks_melampaui_kb(
    *, kb_berakhir: dt.date, pks_berakhir: dt.date, tanggal: dt.date
) -> list[str]:
    """P19-3 (WARN): a PKS carries out its KB (P11-4); one that runs past the KB's end
    (after its extensions), or is signed after the KB expired, is warned. Returns the
    warnings, each citing the Pasal; a reason recorded lets the signing go on."""
    tgl = "%d-%m-%Y"
    teks = []
    if tanggal > kb_berakhir:
        teks.append(
            _(
                "PKS ditandatangani pada %(ttd)s, setelah Kesepakatan Bersama berakhir pada "
                "%(kb)s (Pasal 19 ayat 3)."
            )
            % {"ttd": tanggal.strftime(tgl), "kb": kb_berakhir.strftime(tgl)}
        )
    if pks_berakhir > kb_berakhir:
        teks.append(
            _(
                "PKS berlaku sampai %(pks)s, melewati berakhirnya Kesepakatan Bersama pada "
                "%(kb)s (Pasal 19 ayat 3)."
            )
            % {"pks": pks_berakhir.strftime(tgl), "kb": kb_berakhir.strftime(tgl)}
        )
    return teks


def jumlah_rangkap(jumlah_pihak: int) -> int:
    """P20-4, P24-4: originals = one per party + one carrying the paraf hierarki."""
    return jumlah_pihak + RANGKAP_PARAF_HIERARKI


def p21_1_persetujuan_dprd(ksdd, *, ada_persetujuan: bool) -> list[Pelanggaran]:
    """P21-1: a PKS that needs DPRD approval cannot be signed without it."""
    if not ksdd.memerlukan_persetujuan_dprd or ada_persetujuan:
        return []
    return [
        Pelanggaran(
            "P21-1",
            _(
                "PKS belum dapat ditandatangani: KSDD ini %(sebab)s sehingga memerlukan "
                "Persetujuan DPRD (Pasal 21 ayat 1), dan persetujuan itu belum tercatat."
            )
            % {"sebab": alasan_dprd(ksdd)},
        )
    ]


def alasan_dprd(ksdd) -> str:
    """Why P21-1 does or does not require DPRD approval, in words."""
    if ksdd.membebani_masyarakat and not ksdd.dianggarkan_apbd:
        return _("membebani masyarakat dan daerah, dan pendanaannya belum dianggarkan dalam APBD")
    if ksdd.membebani_masyarakat:
        return _("membebani masyarakat dan daerah")
    if not ksdd.dianggarkan_apbd:
        return _("pendanaannya belum dianggarkan dalam APBD tahun anggaran berjalan")
    return _(
        "tidak membebani masyarakat dan daerah, dan pendanaannya telah dianggarkan dalam "
        "APBD tahun berjalan (DPA %s)"
    ) % (ksdd.nomor_dpa or "-")


def _nama_sama(a: str, b: str) -> bool:
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def kepala_daerah_sah(*, jenis_kb: bool, nama: str, kepala, tanggal: dt.date) -> list:
    """P20-3, P24-1: the home region's signer in the capacity of head of region must be
    the head recorded on the signing date (a Pj./Plt. is recorded with the decree that
    appoints them); the office chosen in a form is never enough by itself."""
    rule, pasal = ("P20-3", "Pasal 20 ayat (3)") if jenis_kb else ("P24-1", "Pasal 24 ayat (1)")
    if kepala is None:
        return [
            Pelanggaran(
                rule,
                _(
                    "Kepala daerah pada tanggal %(tanggal)s belum tercatat; penandatangan "
                    "sebagai Kepala Daerah tidak dapat diperiksa (%(pasal)s). Catat kepala "
                    "daerah (atau Pj./Plt. dengan nomor dan tanggal keputusan pengangkatannya) "
                    "terlebih dahulu."
                )
                % {"tanggal": tanggal.strftime("%d-%m-%Y"), "pasal": pasal},
                field="penandatangan",
            )
        ]
    if not _nama_sama(nama, kepala.nama):
        return [
            Pelanggaran(
                rule,
                _(
                    "%(nama)s bukan kepala daerah yang tercatat pada tanggal %(tanggal)s "
                    "(%(kepala)s, Keputusan Nomor %(nomor)s); naskah ditandatangani oleh "
                    "Bupati (%(pasal)s)%(lain)s."
                )
                % {
                    "nama": nama,
                    "tanggal": tanggal.strftime("%d-%m-%Y"),
                    "kepala": f"{kepala.jabatan}: {kepala.nama}",
                    "nomor": kepala.nomor_keputusan,
                    "pasal": pasal,
                    "lain": ""
                    if jenis_kb
                    else _(
                        " atau oleh Kepala Perangkat Daerah berdasarkan Surat Kuasa "
                        "(Pasal 24 ayat 2)"
                    ),
                },
                field="penandatangan",
            )
        ]
    return []


# P16-3: who an offer letter's signature line names. "a.n. Bupati" (atas nama), "u.b.",
# a Wakil Bupati, a Plh. (Pelaksana Harian) or the Sekretaris Daerah sign for the Bupati;
# Pasal 16 ayat (3) asks for the Bupati's own signature. A Pj./Plt. is the head of region
# in law, but only while one is recorded on the letter's date with the decree.
_BUKAN_BUPATI = (
    (
        re.compile(r"\ba\s*\.\s*n\b|\batas\s+nama\b"),
        gettext_lazy("ditandatangani atas nama (a.n.) Bupati"),
    ),
    (
        re.compile(r"\bu\s*\.\s*b\b|\bun?tuk\s+beliau\b"),
        gettext_lazy("ditandatangani untuk beliau (u.b.)"),
    ),
    (re.compile(r"\bwakil\b"), gettext_lazy("ditandatangani oleh Wakil Bupati")),
    (
        re.compile(r"\bplh\b|\bpelaksana\s+harian\b"),
        gettext_lazy("ditandatangani oleh Pelaksana Harian (Plh.)"),
    ),
    (
        re.compile(r"\bsekretaris\s+daerah\b|\bsekda\b"),
        gettext_lazy("ditandatangani oleh Sekretaris Daerah"),
    ),
)
_PJ_PLT = re.compile(r"\bpj\b|\bpenjabat\b|\bplt\b|\bpelaksana\s+tugas\b")


def p16_3_penandatangan_penawaran(penandatangan: str, *, kepala, tanggal: dt.date) -> list:
    """P16-3: our offer letter is signed by the Bupati himself (or a Pj./Plt. recorded as
    head of region on the letter's date); a letter signed for him is recorded as what it
    is and refused as the offer of Pasal 16 ayat (3)."""
    teks = " ".join((penandatangan or "").split()).casefold()
    for pola, apa in _BUKAN_BUPATI:
        if pola.search(teks):
            return [
                Pelanggaran(
                    "P16-3",
                    _(
                        'Surat penawaran "%(teks)s" %(apa)s, bukan ditandatangani oleh Bupati; '
                        "surat penawaran KSDD ditandatangani oleh Bupati (Pasal 16 ayat 3)."
                    )
                    % {"teks": penandatangan.strip(), "apa": apa},
                    field="penandatangan",
                )
            ]
    if "bupati" not in teks:
        return [
            Pelanggaran(
                "P16-3",
                _("Surat penawaran ditandatangani oleh Bupati (Pasal 16 ayat 3)."),
                field="penandatangan",
            )
        ]
    if _PJ_PLT.search(teks) and (kepala is None or kepala.status == "definitif"):
        return [
            Pelanggaran(
                "P16-3",
                _(
                    'Surat penawaran ditandatangani oleh "%(teks)s", tetapi pada tanggal '
                    "%(tanggal)s tidak tercatat Penjabat atau Pelaksana Tugas Bupati%(kepala)s; "
                    "catat keputusan pengangkatannya lebih dahulu (Pasal 16 ayat 3)."
                )
                % {
                    "teks": penandatangan.strip(),
                    "tanggal": tanggal.strftime("%d-%m-%Y"),
                    "kepala": _(" (yang tercatat: %s)") % kepala if kepala else "",
                },
                field="penandatangan",
            )
        ]
    return []


def p24_2_surat_kuasa_dicatat(
    *,
    penerima_nama: str,
    perangkat_daerah,
    tanggal: dt.date | None,
    tanggal_tembusan=None,
    berlaku_sampai=None,
) -> list[Pelanggaran]:
    """P24-2, P24-3 when a Surat Kuasa is recorded: the Bupati gives it to the Kepala of
    a Perangkat Daerah (the one recorded for that agency), its copy goes to the
    cooperation agency on or after its own date, and it is not valid before it is given."""
    found = []
    if perangkat_daerah is not None:
        kepala = (perangkat_daerah.kepala_nama or "").strip()
        if not kepala:
            found.append(
                Pelanggaran(
                    "P24-2",
                    _(
                        "Kepala %(pd)s belum tercatat; Surat Kuasa penandatanganan PKS hanya "
                        "dapat diberikan kepada Kepala Perangkat Daerah (Pasal 24 ayat 2)."
                    )
                    % {"pd": perangkat_daerah.nama},
                    field="penerima_nama",
                )
            )
        elif (penerima_nama or "").strip() and not _nama_sama(penerima_nama, kepala):
            found.append(
                Pelanggaran(
                    "P24-2",
                    _(
                        "%(nama)s bukan Kepala %(pd)s yang tercatat (%(kepala)s); Surat Kuasa "
                        "penandatanganan PKS hanya dapat diberikan kepada Kepala Perangkat "
                        "Daerah (Pasal 24 ayat 2)."
                    )
                    % {"nama": penerima_nama, "pd": perangkat_daerah.nama, "kepala": kepala},
                    field="penerima_nama",
                )
            )
    if tanggal and tanggal_tembusan and tanggal_tembusan < tanggal:
        found.append(
            Pelanggaran(
                "P24-3",
                _(
                    "Tanggal tembusan (%(tembusan)s) tidak boleh sebelum tanggal Surat Kuasa "
                    "(%(tanggal)s): tembusan disampaikan setelah Surat Kuasa diterbitkan "
                    "(Pasal 24 ayat 3)."
                )
                % {
                    "tembusan": tanggal_tembusan.strftime("%d-%m-%Y"),
                    "tanggal": tanggal.strftime("%d-%m-%Y"),
                },
                field="tanggal_tembusan",
            )
        )
    if tanggal and berlaku_sampai and berlaku_sampai < tanggal:
        found.append(
            Pelanggaran(
                "P24-2",
                _(
                    "Masa berlaku Surat Kuasa (%(sampai)s) tidak boleh berakhir sebelum "
                    "tanggalnya (%(tanggal)s) (Pasal 24 ayat 2)."
                )
                % {
                    "sampai": berlaku_sampai.strftime("%d-%m-%Y"),
                    "tanggal": tanggal.strftime("%d-%m-%Y"),
                },
                field="berlaku_sampai",
            )
        )
    return found


def p24_2_surat_kuasa_dicabut(*, sk, alasan: str, tanggal: dt.date | None) -> list[Pelanggaran]:
    """P24-2 when a Surat Kuasa is revoked: once, with its reason, on a date from its own
    date up to today."""
    found = []
    if sk.dicabut:
        found.append(
            Pelanggaran(
                "P24-2",
                _("Surat Kuasa %(nomor)s telah dicabut pada %(tanggal)s (Pasal 24 ayat 2).")
                % {
                    "nomor": sk.nomor,
                    "tanggal": sk.tanggal_pencabutan.strftime("%d-%m-%Y")
                    if sk.tanggal_pencabutan
                    else "-",
                },
            )
        )
    if not (alasan or "").strip():
        found.append(
            Pelanggaran(
                "P24-2",
                _("Tuliskan alasan pencabutan Surat Kuasa (Pasal 24 ayat 2)."),
                field="alasan",
            )
        )
    if tanggal is None:
        found.append(
            Pelanggaran(
                "P24-2", _("Isi tanggal pencabutan Surat Kuasa (Pasal 24 ayat 2)."), field="tanggal"
            )
        )
    elif tanggal > timezone.localdate():
        found.append(
            Pelanggaran(
                "P24-2",
                _("Tanggal pencabutan (%s) tidak boleh setelah hari ini (Pasal 24 ayat 2).")
                % tanggal.strftime("%d-%m-%Y"),
                field="tanggal",
            )
        )
    elif tanggal < sk.tanggal:
        found.append(
            Pelanggaran(
                "P24-2",
                _(
                    "Tanggal pencabutan (%(cabut)s) tidak boleh sebelum tanggal Surat Kuasa "
                    "(%(tanggal)s) (Pasal 24 ayat 2)."
                )
                % {
                    "cabut": tanggal.strftime("%d-%m-%Y"),
                    "tanggal": sk.tanggal.strftime("%d-%m-%Y"),
                },
                field="tanggal",
            )
        )
    return found


def p24_2_kuasa_mitra(*, penandatangan: dict, tanggal: dt.date) -> list[Pelanggaran]:
    """P24-2 for a partner's signer of a PKS who is not its head of region: they sign
    under the partner's own Surat Kuasa, whose number and date are recorded (and printed
    in the komparisi), dated no later than the signing."""
    if penandatangan["kedudukan"] == KedudukanPenandatangan.KEPALA_DAERAH:
        return []
    wilayah = penandatangan["wilayah"]
    nomor = (penandatangan.get("nomor_surat_kuasa_mitra") or "").strip()
    tgl = penandatangan.get("tanggal_surat_kuasa_mitra")
    if not nomor or tgl is None:
        return [
            Pelanggaran(
                "P24-2",
                _(
                    "Penandatangan %(wilayah)s bukan kepala daerahnya: isi nomor dan tanggal "
                    "Surat Kuasa %(pemberi)s yang menjadi dasar penandatanganan PKS "
                    "(Pasal 24 ayat 2)."
                )
                % {
                    "wilayah": wilayah.nama_lengkap,
                    "pemberi": f"{wilayah.sebutan_kepala} {wilayah.nama}",
                },
                field="nomor_surat_kuasa_mitra",
            )
        ]
    if tgl > tanggal:
        return [
            Pelanggaran(
                "P24-2",
                _(
                    "Surat Kuasa %(nomor)s dari %(wilayah)s bertanggal %(tgl)s, setelah tanggal "
                    "penandatanganan %(tanggal)s (Pasal 24 ayat 2)."
                )
                % {
                    "nomor": nomor,
                    "wilayah": wilayah.nama_lengkap,
                    "tgl": tgl.strftime("%d-%m-%Y"),
                    "tanggal": tanggal.strftime("%d-%m-%Y"),
                },
                field="tanggal_surat_kuasa_mitra",
            )
        ]
    return []


def penandatangan_sah(
    *, jenis_kb: bool, penandatangan: dict, tanggal: dt.date, ksdd, home: str, kepala=None
) -> list[Pelanggaran]:
    """P20-3 for a KB (every party signs by its head of region; the home signer is the
    recorded head); P24-1…3 for a PKS (the home region signs by the recorded head, or by
    the Kepala of a Perangkat Daerah holding a valid Surat Kuasa for this KSDD)."""
    kedudukan = penandatangan["kedudukan"]
    wilayah = penandatangan["wilayah"]
    if wilayah.kode == home and kedudukan == KedudukanPenandatangan.KEPALA_DAERAH:
        return kepala_daerah_sah(
            jenis_kb=jenis_kb, nama=penandatangan["nama"], kepala=kepala, tanggal=tanggal
        )
    if (
        kedudukan == KedudukanPenandatangan.KEPALA_DAERAH
        and kepala is not None
        and not _nama_sama(penandatangan["nama"], kepala.nama)
    ):
        # P20-3, P24-1: a partner's head recorded for the signing date signs under that
        # name; a differing typed name would print a name the record does not hold.
        rule, pasal = ("P20-3", "Pasal 20 ayat (3)") if jenis_kb else ("P24-1", "Pasal 24 ayat (1)")
        return [
            Pelanggaran(
                rule,
                _(
                    "%(nama)s bukan kepala daerah %(wilayah)s yang tercatat pada tanggal "
                    "%(tanggal)s (%(kepala)s); naskah ditandatangani oleh kepala daerah "
                    "(%(pasal)s). Perbaiki nama atau catat kepala daerahnya."
                )
                % {
                    "nama": penandatangan["nama"],
                    "wilayah": wilayah.nama_lengkap,
                    "tanggal": tanggal.strftime("%d-%m-%Y"),
                    "kepala": f"{kepala.jabatan}: {kepala.nama}",
                    "pasal": pasal,
                },
                field="penandatangan",
            )
        ]
    if jenis_kb:
        if kedudukan != KedudukanPenandatangan.KEPALA_DAERAH:
            return [
                Pelanggaran(
                    "P20-3",
                    _(
                        "Kesepakatan Bersama ditandatangani oleh Bupati dan Kepala Daerah mitra "
                        "(Pasal 20 ayat 3); %(wilayah)s tidak ditandatangani kepala daerahnya."
                    )
                    % {"wilayah": wilayah.nama_lengkap},
                )
            ]
        return []
    if wilayah.kode != home:
        return p24_2_kuasa_mitra(penandatangan=penandatangan, tanggal=tanggal)
    if kedudukan == KedudukanPenandatangan.KEPALA_DAERAH:
        return []
    sk = penandatangan.get("surat_kuasa")
    if sk is None:
        return [
            Pelanggaran(
                "P24-2",
                _(
                    "PKS yang tidak ditandatangani Bupati memerlukan Surat Kuasa dari Bupati "
                    "(Pasal 24 ayat 2)."
                ),
                field="surat_kuasa",
            )
        ]
    masalah = []
    if sk.dicabut:
        masalah.append(_("telah dicabut"))
    if sk.tanggal > tanggal:
        masalah.append(_("terbit setelah tanggal penandatanganan"))
    if sk.berlaku_sampai and sk.berlaku_sampai < tanggal:
        masalah.append(_("sudah tidak berlaku pada tanggal penandatanganan"))
    if sk.ksdd_id and sk.ksdd_id != ksdd.pk:
        masalah.append(_("diberikan untuk KSDD lain"))
    if not _nama_sama(sk.penerima_nama, penandatangan["nama"]):
        masalah.append(_("diberikan kepada %s, bukan penandatangan ini") % sk.penerima_nama)
    pd = sk.perangkat_daerah
    if not _nama_sama(pd.kepala_nama, penandatangan["nama"]):
        masalah.append(
            _(
                "%(nama)s bukan Kepala %(pd)s yang tercatat; Surat Kuasa hanya dapat diberikan "
                "kepada Kepala Perangkat Daerah (Pasal 24 ayat 2)"
            )
            % {"nama": penandatangan["nama"], "pd": pd.nama}
        )
    found = []
    if masalah:
        found.append(
            Pelanggaran(
                "P24-2",
                _("Surat Kuasa %(nomor)s tidak sah untuk penandatanganan ini: %(masalah)s.")
                % {"nomor": sk.nomor, "masalah": "; ".join(str(m) for m in masalah)},
                field="surat_kuasa",
            )
        )
    if sk.tanggal <= tanggal and sk.tanggal_tembusan and sk.tanggal_tembusan > tanggal:
        found.append(
            Pelanggaran(
                "P24-3",
                _(
                    "Tembusan Surat Kuasa %(nomor)s baru disampaikan pada %(tembusan)s, setelah "
                    "tanggal penandatanganan %(tanggal)s; tembusan harus disampaikan kepada "
                    "Perangkat Daerah yang membidangi kerja sama daerah paling lambat pada "
                    "tanggal penandatanganan (Pasal 24 ayat 3)."
                )
                % {
                    "nomor": sk.nomor,
                    "tembusan": sk.tanggal_tembusan.strftime("%d-%m-%Y"),
                    "tanggal": tanggal.strftime("%d-%m-%Y"),
                },
                field="surat_kuasa",
            )
        )
    if sk.tanggal_tembusan is None:
        found.append(
            Pelanggaran(
                "P24-3",
                _(
                    "Tembusan Surat Kuasa %s belum disampaikan kepada Perangkat Daerah yang "
                    "membidangi kerja sama daerah (Pasal 24 ayat 3)."
                )
                % sk.nomor,
                field="surat_kuasa",
            )
        )
    return found


# --- P13: the dates keep the order of the stages -----------------------------------------

# Each chain is read left to right: a date may not precede one to its left.
URUTAN_TANGGAL_P13: tuple[tuple[str, ...], ...] = (
    (
        "kb_rapat_teknis",
        "kb_disepakati",
        "kb_ditandatangani",
        "dprd_permohonan",
        "dprd_persetujuan",
        "pks_ditandatangani",
    ),
    ("pks_rapat_teknis", "pks_disepakati", "pks_ditandatangani"),
)


# For each date, the dates it may not precede, in the order of the stages.
_SEBELUM_P13: dict[str, tuple[str, ...]] = {
    kunci: tuple(
        dict.fromkeys(k for r in URUTAN_TANGGAL_P13 if kunci in r for k in r[: r.index(kunci)])
    )
    for kunci in dict.fromkeys(k for r in URUTAN_TANGGAL_P13 for k in r)
}


def _label_tanggal_p13(kunci: str) -> str:
    return {
        "kb_rapat_teknis": _("tanggal rapat teknis Kesepakatan Bersama"),
        "kb_disepakati": _("tanggal Kesepakatan Bersama disepakati"),
        "kb_ditandatangani": _("tanggal penandatanganan Kesepakatan Bersama"),
        "dprd_permohonan": _("tanggal permohonan Persetujuan DPRD"),
        "dprd_persetujuan": _("tanggal Persetujuan DPRD atau tanggal dianggap disetujui"),
        "pks_rapat_teknis": _("tanggal rapat teknis PKS"),
        "pks_disepakati": _("tanggal PKS disepakati"),
        "pks_ditandatangani": _("tanggal penandatanganan PKS"),
    }[kunci]


def p13_urutan_tanggal(
    tanggal: dict[str, dt.date | None], *, baru: dict[str, str | None]
) -> list[Pelanggaran]:
    """P13: rapat teknis ≤ KB agreed ≤ KB signed ≤ DPRD request ≤ DPRD approval (or the
    day it is deemed) ≤ PKS signed; a PKS is agreed no earlier than its rapat teknis.

    ``tanggal`` holds every date known (recorded and about to be recorded; ``None`` or
    missing when not recorded, e.g. stage e skipped); ``baru`` maps the dates this step
    records to the form field they come from. Only pairs touching a new date are judged,
    so an old record never blocks an unrelated step.
    """
    found = []
    for akhir, sebelum in _SEBELUM_P13.items():
        b = tanggal.get(akhir)
        langgar = [
            awal
            for awal in sebelum
            if b is not None
            and tanggal.get(awal) is not None
            and tanggal[awal] > b
            and (awal in baru or akhir in baru)
        ]
        if not langgar:
            continue
        label = _label_tanggal_p13(akhir)
        found.append(
            Pelanggaran(
                "P13",
                _(
                    "%(akhir)s (%(tb)s) tidak boleh sebelum %(awal)s: tahapan KSDD dan "
                    "tanggalnya dilalui secara berurutan (Pasal 13)."
                )
                % {
                    "akhir": label[:1].upper() + label[1:],
                    "tb": tanggal_surat(b),
                    "awal": _(" dan ").join(
                        f"{_label_tanggal_p13(k)} ({tanggal_surat(tanggal[k])})" for k in langgar
                    ),
                },
                field=baru.get(akhir) or next((baru[k] for k in langgar if k in baru), None),
            )
        )
    return found


def tanggal_tercatat_p13(ksdd) -> dict[str, dt.date | None]:
    """The dates of Pasal 13 already recorded on this KSDD (keys of URUTAN_TANGGAL_P13)."""
    tanggal: dict[str, dt.date | None] = {}
    for naskah in ksdd.naskah.all():
        tanggal[f"{naskah.jenis}_rapat_teknis"] = naskah.tanggal_rapat_teknis
        tanggal[f"{naskah.jenis}_disepakati"] = naskah.tanggal_disepakati
        tanggal[f"{naskah.jenis}_ditandatangani"] = naskah.tanggal_ditandatangani
    permohonan = ksdd.permohonan_dprd.order_by("-tanggal_surat", "-id").first()
    if permohonan is not None:
        tanggal["dprd_permohonan"] = permohonan.tanggal_surat
        # The approval of this request, not of an earlier one (a new request after a
        # refusal or a material change starts the chain again, P22-2, P22-3).
        persetujuan = ksdd.persetujuan_dprd.filter(permohonan=permohonan).first()
        if persetujuan is not None:
            tanggal["dprd_persetujuan"] = persetujuan.tanggal
    return tanggal


def p13_tanggal_langkah(ksdd, **baru: tuple[dt.date, str | None]) -> list[Pelanggaran]:
    """P13 for one step: the dates it records (``kunci=(tanggal, field)``) against those
    already recorded on the KSDD."""
    tanggal = tanggal_tercatat_p13(ksdd)
    tanggal.update({k: v for k, (v, _f) in baru.items()})
    return p13_urutan_tanggal(tanggal, baru={k: f for k, (_v, f) in baru.items()})


# --- P21-1: the inputs that decide whether DPRD approval is needed -----------------------

FIELD_DASAR_DPRD = ("membebani_masyarakat", "dianggarkan_apbd", "nomor_dpa")  # P21-1


def p21_1_dasar_dprd_tetap(ksdd, *, diubah: Iterable[str], oleh_sekretariat: bool = False):
    """P21-1: burden on the public, budgeted in the APBD and the DPA number are fixed once
    the KAK is submitted; only the secretariat or the Ketua change them afterwards, with
    a reason and its evidence (``ksdd_ubah_dasar_dprd``)."""
    diubah = sorted(set(diubah) & set(FIELD_DASAR_DPRD))
    if not diubah or ksdd.status == Status.PENYUSUNAN_KAK or oleh_sekretariat:
        return []
    return [
        Pelanggaran(
            "P21-1",
            _(
                "Dasar penentuan Persetujuan DPRD (membebani masyarakat, dianggarkan dalam "
                "APBD, nomor DPA) tidak dapat diubah setelah KAK diajukan; perubahannya hanya "
                "oleh Sekretariat TKKSD atau Ketua TKKSD dengan alasan dan bukti "
                "(Pasal 21 ayat 1)."
            ),
            field=diubah[0],
        )
    ]


def p21_1_tahun_anggaran(
    ksdd, *, tanggal: dt.date, tahun_apbd: int | None, ada_persetujuan: bool
) -> list[Pelanggaran]:
    """P21-1 judged again at PKS signing: funding budgeted in the APBD of one year is not
    budgeted for a PKS signed in another fiscal year, so DPRD approval is then required."""
    if (
        ada_persetujuan
        or ksdd.memerlukan_persetujuan_dprd
        or tahun_apbd is None
        or tahun_apbd >= tanggal.year
    ):
        return []
    return [
        Pelanggaran(
            "P21-1",
            _(
                "PKS belum dapat ditandatangani: pendanaannya dianggarkan dalam APBD tahun "
                "%(apbd)d (DPA %(dpa)s), sedangkan penandatanganan %(tgl)s jatuh pada tahun "
                "anggaran %(tahun)d, sehingga memerlukan Persetujuan DPRD (Pasal 21 ayat 1)."
            )
            % {
                "apbd": tahun_apbd,
                "dpa": ksdd.nomor_dpa or "-",
                "tgl": tanggal_surat(tanggal),
                "tahun": tanggal.year,
            },
            field="tanggal",
        )
    ]


def tahun_apbd(ksdd) -> int | None:
    """The APBD year the P21-1 inputs speak of: the year they were fixed (KAK submitted)
    or last changed by the secretariat or the Ketua (``ubah_dasar_dprd``)."""
    row = (
        ksdd.riwayat.filter(aksi__in=["ajukan_kak", "ubah_dasar_dprd"])
        .order_by("-waktu", "-id")
        .first()
    )
    return timezone.localtime(row.waktu).year if row else None


# --- P18-4 / P18-5: the Rapat Pleno's findings, ground by ground ----------------------


def p18_temuan_pleno(ksdd, keputusan: str, dasar: Iterable[str], temuan: dict) -> list:
    """P18-4 / P18-5: a finding for every ground cited; for an acceptance, a finding the
    record contradicts is refused (budget "available" while the KSDD is not budgeted in
    this year's APBD; "in the planning documents" while its object is not)."""

    dasar = list(dasar)
    if keputusan not in (Keputusan.DITERIMA, Keputusan.DITOLAK):
        return []
    tolak = keputusan == Keputusan.DITOLAK
    pilihan = AlasanPenolakan if tolak else PertimbanganPersetujuan
    ayat = 4 if tolak else 5
    found = []
    kurang = [str(pilihan(k).label) for k in dasar if k in pilihan.values and not temuan.get(k)]
    if kurang:
        found.append(
            Pelanggaran(
                f"P18-{ayat}",
                _(
                    "Rapat Pleno mencatat temuan untuk setiap pertimbangan yang dipilih "
                    "(Pasal 18 ayat %(ayat)s); belum ada temuan untuk: %(k)s."
                )
                % {"ayat": ayat, "k": "; ".join(kurang)},
                field="temuan",
            )
        )
    if tolak:
        return found
    if PertimbanganPersetujuan.ANGGARAN_TERSEDIA in dasar and not ksdd.dianggarkan_apbd:
        found.append(
            Pelanggaran(
                "P18-5",
                _(
                    "Temuan “tersedia anggaran pada tahun anggaran berjalan” bertentangan "
                    "dengan data KSDD: kegiatan ini belum dianggarkan dalam APBD tahun "
                    "berjalan (Pasal 18 ayat 5 huruf b)."
                ),
                field="pertimbangan_persetujuan",
            )
        )
    if PertimbanganPersetujuan.DALAM_PERENCANAAN in dasar and not ksdd.dalam_rencana:
        found.append(
            Pelanggaran(
                "P18-5",
                _(
                    "Temuan “tercantum dalam dokumen perencanaan pembangunan daerah” "
                    "bertentangan dengan data KSDD: obyeknya tidak tercantum dalam "
                    "perencanaan pembangunan daerah (Pasal 18 ayat 5 huruf c)."
                ),
                field="pertimbangan_persetujuan",
            )
        )
    return found


def p18_4_penolakan_bertentangan(ksdd, keputusan: str, dasar: Iterable[str]) -> list:
    """P18-4 (WARN): a ground of rejection the record contradicts (no budget while the
    KSDD is budgeted; not in the planning documents while it is). The pleno may keep
    it only by recording why."""

    if keputusan != Keputusan.DITOLAK:
        return []
    dasar = list(dasar)
    found = []
    if AlasanPenolakan.TIDAK_DALAM_PERENCANAAN in dasar and ksdd.dalam_rencana:
        found.append(
            Pelanggaran(
                "P18-4",
                _(
                    "Pertimbangan “urusan dan obyek belum masuk dokumen perencanaan” "
                    "bertentangan dengan data KSDD: obyeknya tercatat dalam perencanaan "
                    "pembangunan daerah (Pasal 18 ayat 4 huruf a). Tuliskan alasan bila "
                    "penolakan tetap dicatat."
                ),
                field="alasan_peringatan",
            )
        )
    if AlasanPenolakan.ANGGARAN_BELUM_TERSEDIA in dasar and ksdd.dianggarkan_apbd:
        found.append(
            Pelanggaran(
                "P18-4",
                _(
                    "Pertimbangan “belum tersedia anggaran” bertentangan dengan data KSDD: "
                    "kegiatan ini telah dianggarkan dalam APBD tahun berjalan (Pasal 18 "
                    "ayat 4 huruf b). Tuliskan alasan bila penolakan tetap dicatat."
                ),
                field="alasan_peringatan",
            )
        )
    return found
