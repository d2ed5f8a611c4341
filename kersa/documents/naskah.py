"""The required parts of a Kesepakatan Bersama and a PKS, and their default text.

``BAGIAN_KB`` (Pasal 11 ayat 1 huruf d; P11-1) and ``BAGIAN_PKS`` (Pasal 12 ayat 1
huruf d; P12-1) list, in order, the articles the *isi* must hold at least, as
``(kode, judul)``. The generator prints one numbered Pasal per entry with the
heading in capitals; the checker of drafts reads the same lists. Keep the
``kode`` values stable: stored overrides (``isian["pasal"][kode]``) refer to them.

``BAGIAN_KERANGKA`` lists the other parts of huruf a–c and e (komparisi, para
pihak, konsideran, penutup) with the phrase of the Lampiran that marks each.

The default body of each article is filled from the KSDD record where the
record knows the content (KAK, funding, dates, agencies); what it cannot know
is left as an ``[...diisi: …]`` placeholder for the drafter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kersa.core.format import angka_kata, rupiah_kata, tanggal_surat

__all__ = [
    "BAGIAN_KB",
    "BAGIAN_KERANGKA",
    "BAGIAN_PKS",
    "ISIAN",
    "Fakta",
    "Pasal",
    "isian_teks",
    "pasal_naskah",
]

ISIAN = "[...diisi...]"


def isian_teks(apa: str = "") -> str:
    """A visible placeholder for what the record does not know: '[...diisi: apa...]'."""
    return f"[...diisi: {apa}...]" if apa else ISIAN


BAGIAN_KB: list[tuple[str, str]] = [
    ("maksud_tujuan", "Maksud dan Tujuan"),
    ("objek", "Objek"),
    ("ruang_lingkup", "Ruang Lingkup"),
    ("pelaksanaan", "Pelaksanaan"),
    ("jangka_waktu", "Jangka Waktu"),
    ("surat_menyurat", "Surat-Menyurat"),
    ("lain_lain", "Lain-Lain"),
]

BAGIAN_PKS: list[tuple[str, str]] = [
    ("maksud_tujuan", "Maksud dan Tujuan"),
    ("objek", "Objek"),
    ("ruang_lingkup", "Ruang Lingkup"),
    ("pelaksanaan", "Pelaksanaan"),
    ("hak_kewajiban", "Hak dan Kewajiban Para Pihak"),
    ("pembiayaan", "Pembiayaan"),
    ("jangka_waktu", "Jangka Waktu"),
    ("penyelesaian_perselisihan", "Penyelesaian Perselisihan"),
    ("keadaan_kahar", "Keadaan Kahar"),
    ("pengakhiran", "Pengakhiran Kerja Sama"),
]

# (kode, judul, the phrase of the Lampiran that marks the part)
BAGIAN_KERANGKA: list[tuple[str, str, str]] = [
    ("komparisi", "Komparisi", "Pada hari ini"),
    ("para_pihak", "Para Pihak", "PARA PIHAK"),
    ("konsideran", "Konsideran", "terlebih dahulu menerangkan hal-hal sebagai berikut"),
    ("penutup", "Penutup", "bermaterai cukup"),
]


@dataclass
class Pasal:
    """One numbered article: 'Pasal 3' / 'RUANG LINGKUP' / its paragraphs."""

    nomor: int
    kode: str
    judul: str
    ayat: list[str]

    @property
    def baris(self) -> list[str]:
        """The paragraphs as printed: numbered '(1) …' when there are several."""
        if len(self.ayat) == 1:
            return list(self.ayat)
        return [f"({i}) {teks}" for i, teks in enumerate(self.ayat, start=1)]


@dataclass
class Fakta:
    """What the KSDD record says that the articles need (built by ``konteks``)."""

    sebutan: str  # 'Kesepakatan Bersama' / 'Perjanjian Kerja Sama'
    judul: str
    pihak: list  # konteks.Pihak, in order
    urusan: list[str] = field(default_factory=list)
    maksud_tujuan: str = ""
    obyek_ruang_lingkup: str = ""
    lokasi: str = ""
    perangkat_daerah: str = ""
    mulai: object = None
    berakhir: object = None
    jangka_waktu_bulan: int | None = None
    nilai_anggaran: object = None
    sumber_dana: str = ""
    pembiayaan_kak: str = ""
    dasar_pembayaran: str = ""
    objek_pertukaran: str = ""
    pembayar: str = ""
    penerima_pembayaran: str = ""
    kb_nomor: str = ""
    kb_tanggal: object = None


def _para(f: Fakta) -> str:
    return f"{f.sebutan} ini"


def _maksud_tujuan(f: Fakta) -> list[str]:
    if f.maksud_tujuan.strip():
        return [f.maksud_tujuan.strip()]
    return [
        f"Maksud {_para(f)} adalah {isian_teks('maksud')}.",
        f"Tujuan {_para(f)} adalah {isian_teks('tujuan')}.",
    ]


def _objek(f: Fakta) -> list[str]:
    urusan = ", ".join(f.urusan) if f.urusan else isian_teks("urusan pemerintahan")
    return [f"Objek {_para(f)} adalah {f.judul}, dalam urusan pemerintahan {urusan}."]


def _ruang_lingkup(f: Fakta) -> list[str]:
    ayat = [
        f"Ruang lingkup {_para(f)} meliputi: "
        + (f.obyek_ruang_lingkup.strip() or isian_teks("ruang lingkup"))
    ]
    if f.lokasi.strip():
        ayat.append(f"Lokasi pelaksanaan {_para(f)} adalah {f.lokasi.strip()}.")
    return ayat


def _pelaksanaan(f: Fakta, *, pks: bool) -> list[str]:
    pelaksana = []
    urusan = ", ".join(f.urusan) if f.urusan else "yang dikerjasamakan"
    for p in f.pihak:
        # a partner's agency is not in our record: named by its function, no blank
        unit = p.perangkat_daerah or (
            f"Perangkat Daerah yang membidangi urusan {urusan} pada {p.pemerintah}"
        )
        pelaksana.append(f"{p.sebutan} oleh {unit}")
    ayat = [f"Pelaksanaan {_para(f)} dilakukan oleh: " + "; ".join(pelaksana) + "."]
    if pks:
        # Nothing here cites the Perbup: it binds Barito Selatan, not the partner.
        ayat.append(
            f"PARA PIHAK bertanggung jawab atas pelaksanaan kerja sama sesuai substansi {_para(f)}."
        )
    else:
        ayat.append(
            f"Pelaksanaan {_para(f)} ditindaklanjuti dengan Perjanjian Kerja Sama yang "
            "disusun oleh Perangkat Daerah pemrakarsa bersama PARA PIHAK."
        )
    return ayat


def _lama(bulan: int) -> str:
    if bulan % 12 == 0:
        tahun = bulan // 12
        return f"{tahun} ({angka_kata(tahun)}) tahun"
    return f"{bulan} ({angka_kata(bulan)}) bulan"


def _bulan_antara(mulai, berakhir) -> int:
    """Whole months from ``mulai`` to ``berakhir``; a period ending the day before an
    anniversary (1 Jan 2026 – 31 Dec 2028) counts as whole (36 months)."""
    bulan = (berakhir.year - mulai.year) * 12 + berakhir.month - mulai.month
    besok = berakhir + dt.timedelta(days=1)
    if besok.day == mulai.day and besok.month != berakhir.month:
        bulan += 1
    return bulan


def _jangka_waktu(f: Fakta) -> list[str]:
    if f.mulai and f.berakhir:
        lama = _lama(max(1, _bulan_antara(f.mulai, f.berakhir)))
        ayat = [
            f"{f.sebutan} ini berlaku untuk jangka waktu {lama}, terhitung sejak tanggal "
            f"{tanggal_surat(f.mulai)} sampai dengan tanggal {tanggal_surat(f.berakhir)}."
        ]
    elif f.jangka_waktu_bulan:
        mulai = (
            f"terhitung sejak tanggal {tanggal_surat(f.mulai)}"
            if f.mulai
            else "terhitung sejak tanggal ditandatangani"
        )
        ayat = [
            f"{f.sebutan} ini berlaku untuk jangka waktu {_lama(f.jangka_waktu_bulan)}, {mulai}."
        ]
    else:
        ayat = [f"{f.sebutan} ini berlaku untuk jangka waktu {isian_teks('jangka waktu')}."]
    ayat.append(
        f"{f.sebutan} ini dapat diperpanjang atas kesepakatan PARA PIHAK yang dituangkan "
        "secara tertulis paling lambat 3 (tiga) bulan sebelum jangka waktu berakhir."
    )
    return ayat


def _alamat(p) -> str:
    """A party's address: the recorded one, else its head's office at its seat."""
    if p.alamat:
        return p.alamat
    kedudukan = p.kedudukan if p.kedudukan and not p.kedudukan.startswith("[") else ""
    kantor = f"Kantor {p.wilayah.sebutan_kepala} {p.wilayah.nama}"
    return f"{kantor}, {kedudukan}" if kedudukan else isian_teks("alamat")


def _surat_menyurat(f: Fakta) -> list[str]:
    alamat = "; ".join(f"{p.sebutan}: {p.pemerintah}, alamat {_alamat(p)}" for p in f.pihak)
    return [
        f"Setiap surat-menyurat yang berkaitan dengan pelaksanaan {_para(f)} ditujukan "
        f"kepada alamat berikut: {alamat}.",
        "Perubahan alamat salah satu PIHAK diberitahukan secara tertulis kepada PIHAK lainnya.",
    ]


def _lain_lain(f: Fakta) -> list[str]:
    return [
        f"Hal-hal yang belum diatur atau belum cukup diatur dalam {_para(f)} akan diatur "
        "kemudian berdasarkan kesepakatan PARA PIHAK, yang dituangkan dalam addendum yang "
        f"merupakan bagian tidak terpisahkan dari {_para(f)}."
    ]


def _huruf(butir: list[str]) -> str:
    """['x', 'y', 'z'] → 'a. x; b. y; dan c. z'."""
    if len(butir) == 1:
        return butir[0]
    bagian = [f"{chr(97 + i)}. {b}" for i, b in enumerate(butir)]
    return "; ".join(bagian[:-1]) + "; dan " + bagian[-1]


def _hak_kewajiban(f: Fakta) -> list[str]:
    """P12-1: each party's rights and duties from the record — the scope of the KAK, who
    pays whom on what basis (Pasal 9 huruf b–d, f), the services exchanged (huruf g), the
    funding — and the duties every party bears (information, reports, the scope). A
    placeholder stays only for a party the record says nothing specific about."""
    lingkup = f.obyek_ruang_lingkup.strip().rstrip(".")
    ayat = []
    for p in f.pihak:
        nama = p.pemerintah
        hak = [
            f"memperoleh manfaat pelaksanaan {_para(f)} sesuai objek dan ruang lingkupnya",
            "memperoleh informasi dan laporan pelaksanaan kerja sama dari PIHAK lainnya",
        ]
        wajib = []
        khusus = False
        if lingkup:
            wajib.append(
                f"melaksanakan bagiannya dalam ruang lingkup {_para(f)}, yaitu {lingkup[:1].lower()}"
                f"{lingkup[1:]}"
            )
            khusus = True
        if f.penerima_pembayaran and nama.endswith(f.penerima_pembayaran):
            hak.append(
                f"menerima pembayaran dari Pemerintah {f.pembayar} atas layanan yang diberikan"
            )
            wajib.append(f"memberikan layanan yang dibayar oleh Pemerintah {f.pembayar}")
            khusus = True
        if f.pembayar and nama.endswith(f.pembayar):
            dasar = (
                f" berdasarkan {f.dasar_pembayaran.strip().rstrip('.')}"
                if f.dasar_pembayaran.strip()
                else ""
            )
            hak.append(f"menerima layanan dari Pemerintah {f.penerima_pembayaran}")
            wajib.append(
                f"membayar kepada Pemerintah {f.penerima_pembayaran} atas layanan yang diterima{dasar}"
            )
            khusus = True
        if f.objek_pertukaran.strip():
            tukar = f.objek_pertukaran.strip().rstrip(".")
            hak.append(f"menerima layanan yang dipertukarkan, yaitu {tukar}")
            wajib.append(
                "memberikan layanan yang menjadi bagiannya dalam pertukaran layanan tersebut"
            )
            khusus = True
        if p.perangkat_daerah and f.nilai_anggaran not in (None, ""):
            wajib.append(
                f"menyediakan pembiayaan sebagaimana diatur dalam Pasal Pembiayaan melalui "
                f"{p.perangkat_daerah}"
            )
        if not khusus:
            wajib.append(isian_teks(f"kewajiban {p.sebutan} sesuai ruang lingkup"))
        wajib.append(
            "menyampaikan informasi dan laporan pelaksanaan kerja sama kepada PIHAK lainnya"
        )
        ayat.append(f"Hak {p.sebutan}: {_huruf(hak)}.")
        ayat.append(f"Kewajiban {p.sebutan}: {_huruf(wajib)}.")
    return ayat


def _pembiayaan(f: Fakta) -> list[str]:
    if f.nilai_anggaran not in (None, ""):
        sumber = f.sumber_dana or isian_teks("sumber dana")
        ayat = [
            f"Biaya pelaksanaan {_para(f)} sebesar {rupiah_kata(f.nilai_anggaran)} "
            f"bersumber dari {sumber}."
        ]
    elif f.pembiayaan_kak.strip():
        # the KAK's own words only when the record holds no amount (else they repeat it)
        ayat = [f.pembiayaan_kak.strip()]
    else:
        ayat = [f"Biaya pelaksanaan {_para(f)} sebesar {isian_teks('nilai dan sumber dana')}."]
    ayat.append(
        "Biaya yang timbul dalam pelaksanaan kerja sama dibebankan kepada anggaran masing-"
        "masing PIHAK sesuai ketentuan peraturan perundang-undangan, kecuali disepakati lain."
    )
    return ayat


def _provinsi(w):
    """The province of a party: itself for a province, its province otherwise."""
    return w if w.jenis == "provinsi" else w.provinsi


def _penyelesaian_perselisihan(f: Fakta) -> list[str]:
    """P30: disputes go by the parties' provinces. In one province: musyawarah, then the
    TKKSD Provinsi (Pasal 30 ayat 1), then the Gubernur as the central government's
    representative; across provinces: musyawarah, then the Menteri (PP 28/2018)."""
    musyawarah = (
        f"Apabila terjadi perselisihan dalam pelaksanaan {_para(f)}, PARA PIHAK sepakat "
        "menyelesaikannya secara musyawarah untuk mufakat."
    )
    provinsi = {_provinsi(p.wilayah) for p in f.pihak}
    if len(provinsi) == 1 and None not in provinsi:
        nama = next(iter(provinsi)).nama
        return [
            musyawarah,
            "Apabila musyawarah sebagaimana dimaksud pada ayat (1) tidak mencapai mufakat, "
            "PARA PIHAK menyampaikan permohonan penyelesaian perselisihan kepada Tim "
            f"Koordinasi Kerja Sama Daerah Provinsi {nama}.",
            "Apabila penyelesaian sebagaimana dimaksud pada ayat (2) tidak mencapai "
            f"kesepakatan, perselisihan diselesaikan oleh Gubernur {nama} sebagai Wakil "
            "Pemerintah Pusat sesuai Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja "
            "Sama Daerah, dan keputusannya bersifat final dan mengikat.",
        ]
    return [
        musyawarah,
        "Apabila musyawarah sebagaimana dimaksud pada ayat (1) tidak mencapai mufakat, "
        "perselisihan diselesaikan oleh Menteri Dalam Negeri sesuai Peraturan Pemerintah "
        "Nomor 28 Tahun 2018 tentang Kerja Sama Daerah, dan keputusannya bersifat final dan "
        "mengikat.",
    ]


def _keadaan_kahar(f: Fakta) -> list[str]:
    return [
        "Keadaan kahar adalah keadaan di luar kemampuan PARA PIHAK yang tidak dapat diduga "
        "sebelumnya, antara lain bencana alam, kebakaran, wabah penyakit, huru-hara, perang, "
        f"dan kebijakan pemerintah yang secara langsung memengaruhi pelaksanaan {_para(f)}.",
        "PIHAK yang mengalami keadaan kahar memberitahukan secara tertulis kepada PIHAK "
        "lainnya paling lambat 14 (empat belas) hari kalender sejak keadaan kahar terjadi.",
        "Keterlambatan atau kegagalan pelaksanaan kewajiban karena keadaan kahar tidak "
        "dianggap sebagai kelalaian PIHAK yang mengalaminya.",
    ]


def _pengakhiran(f: Fakta) -> list[str]:
    return [
        f"{f.sebutan} ini berakhir apabila: a. jangka waktu berakhir; b. PARA PIHAK "
        "sepakat mengakhirinya; atau c. terdapat ketentuan peraturan perundang-undangan "
        "yang mengakibatkan kerja sama tidak dapat dilaksanakan.",
        "PIHAK yang bermaksud mengakhiri kerja sama sebelum jangka waktu berakhir "
        "memberitahukan secara tertulis kepada PIHAK lainnya paling lambat 3 (tiga) bulan "
        "sebelumnya.",
        f"Berakhirnya {_para(f)} tidak menghapus hak dan kewajiban yang belum diselesaikan "
        "PARA PIHAK.",
    ]


_ISI = {
    "maksud_tujuan": _maksud_tujuan,
    "objek": _objek,
    "ruang_lingkup": _ruang_lingkup,
    "jangka_waktu": _jangka_waktu,
    "surat_menyurat": _surat_menyurat,
    "lain_lain": _lain_lain,
    "hak_kewajiban": _hak_kewajiban,
    "pembiayaan": _pembiayaan,
    "penyelesaian_perselisihan": _penyelesaian_perselisihan,
    "keadaan_kahar": _keadaan_kahar,
    "pengakhiran": _pengakhiran,
}


def pasal_naskah(fakta: Fakta, *, pks: bool, isian: dict | None = None) -> list[Pasal]:
    """The numbered articles of a KB (P11-1) or PKS (P12-1): every required part, in
    order, each body from the record or from ``isian[kode]`` (a string or a list of
    paragraphs) when the drafter has written it; then ``isian["tambahan"]``, a list
    of ``(judul, [ayat…])`` for further articles."""
    isian = isian or {}
    daftar = BAGIAN_PKS if pks else BAGIAN_KB
    hasil = []
    for nomor, (kode, judul) in enumerate(daftar, start=1):
        if kode in isian and isian[kode]:
            teks = isian[kode]
            ayat = [teks] if isinstance(teks, str) else list(teks)
        elif kode == "pelaksanaan":
            ayat = _pelaksanaan(fakta, pks=pks)
        else:
            ayat = _ISI[kode](fakta)
        hasil.append(Pasal(nomor=nomor, kode=kode, judul=judul.upper(), ayat=ayat))
    for judul, ayat in isian.get("tambahan", []):
        ayat = [ayat] if isinstance(ayat, str) else list(ayat)
        hasil.append(Pasal(nomor=len(hasil) + 1, kode="tambahan", judul=judul.upper(), ayat=ayat))
    return hasil
