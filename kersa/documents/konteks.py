"""What goes into a generated document, read from the KSDD record (a selector).

``konteks_bangun`` returns plain data — strings, lists, emblem images as PNG/JPEG
bytes — for the docxtpl templates of ``templat/``; ``services.hasilkan`` turns the
emblems into images of the document. ``jenis_berlaku`` says which kinds a KSDD at
its present status can generate (the form of ``partials/hasilkan.html``).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from kersa.agreements import rules
from kersa.agreements.choices import JenisNaskah, KedudukanPenandatangan, Pemrakarsa, Status
from kersa.core.format import rangkap, tanggal_kata, tanggal_surat, urutan_pihak
from kersa.regions.models import Wilayah
from kersa.regions.selectors import wilayah_daerah

from .choices import JenisDokumen
from .naskah import Fakta, isian_teks, pasal_naskah

__all__ = [
    "JENIS_PER_MITRA",
    "Pihak",
    "jenis_berlaku",
    "konteks_bangun",
    "lambang_garuda",
    "lambang_placeholder",
    "lambang_wilayah",
    "mitra_pilihan",
]

TEMPLAT = Path(__file__).resolve().parent / "templat"
GARUDA_PLACEHOLDER = TEMPLAT / "lambang-garuda-placeholder.png"
REGULASI = "Peraturan Bupati Barito Selatan Nomor 23 Tahun 2023"

# Letters addressed to one partner region: generated once per partner.
JENIS_PER_MITRA = frozenset(
    {
        JenisDokumen.SURAT_PENAWARAN,
        JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA,
        JenisDokumen.LAPORAN_GUBERNUR,
        JenisDokumen.SURAT_TANGGAPAN,
    }
)

_SETELAH_KB = [
    Status.PENANDATANGANAN_KB,
    Status.PERMOHONAN_DPRD,
    Status.MENUNGGU_DPRD,
    Status.PENYUSUNAN_PKS,
    Status.PENANDATANGANAN_PKS,
    Status.PELAKSANAAN,
]
# The statuses at which each kind can be generated (Pasal 13 stages).
STATUS_JENIS: dict[str, list[str]] = {
    JenisDokumen.KAK: [s for s in Status if s not in (Status.DITOLAK, Status.DIBATALKAN)],
    JenisDokumen.SURAT_PENAWARAN: [Status.MENYIAPKAN_PENAWARAN, Status.MENUNGGU_TANGGAPAN],
    JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA: [Status.MENUNGGU_TANGGAPAN],
    JenisDokumen.LAPORAN_GUBERNUR: [Status.MENUNGGU_TANGGAPAN],
    JenisDokumen.SURAT_TANGGAPAN: [Status.MENYIAPKAN_PENAWARAN, Status.MENUNGGU_TANGGAPAN],
    JenisDokumen.KB: [Status.PENYUSUNAN_KB, *_SETELAH_KB],
    JenisDokumen.PERMOHONAN_DPRD: [Status.PERMOHONAN_DPRD, Status.MENUNGGU_DPRD],
    JenisDokumen.PKS: _SETELAH_KB[1:],
    JenisDokumen.SURAT_KUASA: [Status.PENYUSUNAN_PKS, Status.PENANDATANGANAN_PKS],
    JenisDokumen.ADDENDUM: [Status.PELAKSANAAN],
}
# Who initiates decides the offer letters: ours (P16) or the partner's (P17, P18).
_HANYA_PEMRAKARSA = {
    JenisDokumen.SURAT_PENAWARAN: Pemrakarsa.DAERAH,
    JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA: Pemrakarsa.DAERAH,
    JenisDokumen.LAPORAN_GUBERNUR: Pemrakarsa.DAERAH,
    JenisDokumen.SURAT_TANGGAPAN: Pemrakarsa.MITRA,
}


def jenis_berlaku(ksdd) -> list[str]:
    """The kinds of document this KSDD can generate at its present status, in order."""
    return [
        jenis
        for jenis in JenisDokumen.values
        if ksdd.status in STATUS_JENIS.get(jenis, [])
        and _HANYA_PEMRAKARSA.get(jenis, ksdd.pemrakarsa) == ksdd.pemrakarsa
    ]


def mitra_pilihan(ksdd) -> list[Wilayah]:
    """The partner regions a per-partner letter can be addressed to."""
    mitra = list(ksdd.mitra.order_by("kode"))
    if ksdd.pemrakarsa_mitra_id and all(m.kode != ksdd.pemrakarsa_mitra_id for m in mitra):
        mitra.insert(0, ksdd.pemrakarsa_mitra)
    return mitra


# --- emblems ------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def lambang_placeholder(teks: str) -> bytes:
    """A clean PNG box with ``teks`` (e.g. 'LAMBANG GARUDA PANCASILA') in it: printed
    where no emblem has been uploaded, so the gap is visible and never silent."""
    from PIL import Image, ImageDraw, ImageFont

    ukuran = 300
    gambar = Image.new("RGB", (ukuran, ukuran), "white")
    gambar_draw = ImageDraw.Draw(gambar)
    gambar_draw.rectangle([4, 4, ukuran - 5, ukuran - 5], outline="black", width=6)
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 26)
    except OSError:
        font = ImageFont.load_default(size=26)
    baris, sekarang = [], ""
    for kata in teks.split():
        coba = f"{sekarang} {kata}".strip()
        if gambar_draw.textlength(coba, font=font) > ukuran - 40 and sekarang:
            baris.append(sekarang)
            sekarang = kata
        else:
            sekarang = coba
    baris.append(sekarang)
    tinggi = 34 * len(baris)
    y = (ukuran - tinggi) // 2
    for b in baris:
        lebar = gambar_draw.textlength(b, font=font)
        gambar_draw.text(((ukuran - lebar) / 2, y), b, fill="black", font=font)
        y += 34
    out = io.BytesIO()
    gambar.save(out, format="PNG", optimize=True)
    return out.getvalue()


def lambang_garuda() -> bytes:
    """The Garuda Pancasila for the top of a KB (P11-2): the image of the setting
    ``KERSA_LAMBANG_GARUDA`` (a path), else the shipped placeholder."""
    path = settings.KERSA_LAMBANG_GARUDA
    if path and Path(path).is_file():
        return Path(path).read_bytes()
    if GARUDA_PLACEHOLDER.is_file():
        return GARUDA_PLACEHOLDER.read_bytes()
    return lambang_placeholder("LAMBANG GARUDA PANCASILA")


def lambang_wilayah(wilayah: Wilayah) -> bytes:
    """The uploaded emblem of a region (P12-3, P12-4), or a placeholder naming it."""
    if wilayah.lambang:
        try:
            with wilayah.lambang.open("rb") as f:
                return f.read()
        except (FileNotFoundError, OSError):
            pass
    return lambang_placeholder(f"LAMBANG {wilayah.nama_lengkap.upper()}")


# --- the parties ----------------------------------------------------------------------


@dataclass
class Pihak:
    """One party of a KB or PKS as the Lampiran prints it (P11-3, P12-5)."""

    urutan: int
    wilayah: Wilayah
    nomor_naskah: str
    nama: str
    jabatan: str
    dasar: str
    kedudukan: str
    alamat: str = ""
    perangkat_daerah: str = ""
    pemrakarsa: bool = False
    lambang: bytes = field(default=b"", repr=False)

    @property
    def sebutan(self) -> str:
        return f"PIHAK {urutan_pihak(self.urutan)}"

    @property
    def pemerintah(self) -> str:
        return f"Pemerintah {self.wilayah.nama_lengkap}"

    @property
    def komparisi(self) -> str:
        alamat = f", {self.alamat}" if self.alamat else ""
        return (
            f"{self.nama}, {self.jabatan}, berdasarkan {self.dasar}, berkedudukan di "
            f"{self.kedudukan}{alamat}, dalam hal ini bertindak untuk dan atas nama "
            f"{self.pemerintah}, selanjutnya disebut {self.sebutan}."
        )

    def as_dict(self) -> dict:
        return {
            "urutan": self.urutan,
            "romawi": _ROMAWI[self.urutan - 1] if self.urutan <= len(_ROMAWI) else self.urutan,
            "sebutan": self.sebutan,
            "pemerintah": self.pemerintah,
            "pemerintah_kapital": self.pemerintah.upper(),
            "nomor_naskah": self.nomor_naskah,
            "nama": self.nama,
            "nama_kapital": self.nama.upper() if not self.nama.startswith("[") else self.nama,
            "jabatan": self.jabatan,
            "jabatan_kapital": self.jabatan.upper(),
            "komparisi": self.komparisi,
            "kode": self.wilayah.kode,
        }


_ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_TTD_KOSONG = {
    "sebutan": "",
    "jabatan_kapital": "",
    "nama_kapital": "",
    "ttd": "",
    "nama": "",
    "jabatan": "",
}


def _daftar(kata: list[str]) -> str:
    """['A', 'B', 'C'] → 'A, B dan C'."""
    return kata[0] if len(kata) == 1 else ", ".join(kata[:-1]) + " dan " + kata[-1]


def _kedudukan_daerah() -> str:
    return settings.KERSA_KEDUDUKAN_DAERAH


def _dasar_kepala(wilayah: Wilayah, jabatan: str) -> str:
    pejabat = "Presiden" if wilayah.jenis == "provinsi" else "Menteri Dalam Negeri"
    return (
        f"Keputusan {pejabat} Republik Indonesia Nomor {isian_teks('nomor keputusan')} "
        f"tentang Pengangkatan {jabatan}"
    )


def _dasar_kuasa(sk, home: Wilayah) -> str:
    return (
        f"Surat Kuasa Khusus {home.sebutan_kepala} {home.nama} Nomor {sk.nomor} "
        f"tanggal {tanggal_surat(sk.tanggal)}"
    )


def _pihak_daftar(ksdd, naskah, *, pks: bool, isian: dict, nomor_daerah: str) -> list[Pihak]:
    home = wilayah_daerah()
    pemrakarsa = home.kode if ksdd.pemrakarsa == Pemrakarsa.DAERAH else ksdd.pemrakarsa_mitra_id
    ubah = isian.get("pihak", {})
    hasil: list[Pihak] = []
    tertanda = list(naskah.penandatangan.select_related("wilayah", "surat_kuasa")) if naskah else []
    if tertanda:
        for t in tertanda:
            dasar = (
                _dasar_kuasa(t.surat_kuasa, home)
                if t.kedudukan == KedudukanPenandatangan.PEJABAT_KUASA and t.surat_kuasa
                else _dasar_kepala(t.wilayah, t.jabatan)
            )
            hasil.append(
                Pihak(
                    urutan=t.urutan,
                    wilayah=t.wilayah,
                    nomor_naskah=t.nomor_naskah,
                    nama=t.nama,
                    jabatan=t.jabatan,
                    dasar=dasar,
                    kedudukan=_kedudukan_daerah()
                    if t.wilayah.kode == home.kode
                    else isian_teks("kedudukan"),
                )
            )
    else:
        sk = None
        if pks:
            sk = ksdd.surat_kuasa.filter(dicabut=False).order_by("-tanggal", "-id").first()
        if sk:
            nama, jabatan, dasar = sk.penerima_nama, sk.penerima_jabatan, _dasar_kuasa(sk, home)
        else:
            jabatan = f"{home.sebutan_kepala} {home.nama}"
            nama, dasar = isian_teks("nama tanpa gelar"), _dasar_kepala(home, jabatan)
        hasil.append(
            Pihak(1, home, nomor_daerah, nama, jabatan, dasar, kedudukan=_kedudukan_daerah())
        )
        for i, m in enumerate(ksdd.mitra.order_by("kode"), start=2):
            jabatan = f"{m.sebutan_kepala} {m.nama}"
            hasil.append(
                Pihak(
                    urutan=i,
                    wilayah=m,
                    nomor_naskah=isian_teks("nomor"),
                    nama=isian_teks("nama tanpa gelar"),
                    jabatan=jabatan,
                    dasar=_dasar_kepala(m, jabatan),
                    kedudukan=isian_teks("kedudukan"),
                )
            )
    for p in hasil:
        p.pemrakarsa = p.wilayah.kode == pemrakarsa
        if p.wilayah.kode == home.kode:
            p.perangkat_daerah = ksdd.perangkat_daerah.nama
            p.alamat = ksdd.perangkat_daerah.alamat
            if not p.nomor_naskah:
                p.nomor_naskah = nomor_daerah
        for attr, nilai in ubah.get(p.wilayah.kode, {}).items():
            setattr(p, attr, nilai)
        p.lambang = lambang_wilayah(p.wilayah)
    return hasil


def _baris_judul(judul: str, pihak: list[Pihak], tentang: str) -> list[str]:
    baris = [judul, "ANTARA"]
    for i, p in enumerate(pihak):
        if i and i == len(pihak) - 1:
            baris.append("DAN")
        koma = "," if i < len(pihak) - 2 else ""
        baris.append(p.pemerintah.upper() + koma)
    return [*baris, "TENTANG", tentang.upper()]


def _baris_ttd(pihak: list[Pihak]) -> list[dict]:
    """Signature blocks two by two: PIHAK KEDUA left and PIHAK KESATU right (as in the
    Lampiran), then the further parties."""
    if not pihak:
        return []
    kanan, lain = pihak[0], pihak[1:]
    blok = [p.as_dict() for p in lain]
    baris = [{"kiri": blok[0] if blok else _TTD_KOSONG, "kanan": kanan.as_dict()}]
    sisa = blok[1:]
    for i in range(0, len(sisa), 2):
        pasangan = sisa[i : i + 2] + [_TTD_KOSONG]
        baris.append({"kiri": pasangan[0], "kanan": pasangan[1]})
    return baris


def _fakta(ksdd, naskah, pihak, sebutan: str, kb) -> Fakta:
    kak = getattr(ksdd, "kak", None)
    mulai = naskah.tanggal_mulai if naskah else ksdd.rencana_mulai
    berakhir = naskah.tanggal_berakhir if naskah else None
    return Fakta(
        sebutan=sebutan,
        judul=ksdd.judul,
        pihak=pihak,
        urusan=[u.nama for u in ksdd.urusan.all()],
        maksud_tujuan=kak.maksud_tujuan if kak else "",
        obyek_ruang_lingkup=kak.obyek_ruang_lingkup if kak else "",
        lokasi=ksdd.lokasi,
        perangkat_daerah=ksdd.perangkat_daerah.nama,
        mulai=mulai,
        berakhir=berakhir,
        jangka_waktu_bulan=ksdd.jangka_waktu_bulan,
        nilai_anggaran=ksdd.nilai_anggaran,
        sumber_dana=ksdd.sumber_dana,
        pembiayaan_kak=kak.pembiayaan if kak else "",
        dasar_pembayaran=ksdd.dasar_pembayaran,
        objek_pertukaran=ksdd.objek_pertukaran,
        pembayar=ksdd.pembayar.nama_lengkap if ksdd.pembayar_id else "",
        penerima_pembayaran=ksdd.penerima_pembayaran.nama_lengkap
        if ksdd.penerima_pembayaran_id
        else "",
        kb_nomor=(kb.penandatangan.order_by("urutan").first().nomor_naskah if kb else ""),
        kb_tanggal=kb.tanggal_ditandatangani if kb else None,
    )


def _konsideran(ksdd, pihak: list[Pihak], *, pks: bool, fakta: Fakta) -> list[str]:
    sebutan = _daftar([p.sebutan for p in pihak])
    butir = [
        f"bahwa {sebutan} adalah daerah otonom yang berwenang mengatur dan mengurus urusan "
        "pemerintahan sesuai Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;",
        "bahwa sesuai Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah dan "
        f"{REGULASI} tentang Pedoman Pelaksanaan Kerja Sama Daerah dengan Daerah Lain, "
        "daerah dapat bekerja sama dengan daerah lain untuk meningkatkan kesejahteraan "
        "masyarakat;",
    ]
    if ksdd.eksternalitas.strip():
        teks = ksdd.eksternalitas.strip().rstrip(".")
        butir.append(f"bahwa {teks[:1].lower()}{teks[1:]};")
    if pks:
        if fakta.kb_nomor:
            tanggal = f" tanggal {tanggal_surat(fakta.kb_tanggal)}" if fakta.kb_tanggal else ""
            butir.append(
                f"bahwa PARA PIHAK telah menandatangani Kesepakatan Bersama Nomor "
                f"{fakta.kb_nomor}{tanggal} yang ditindaklanjuti dengan Perjanjian Kerja Sama;"
            )
        else:
            butir.append(
                "bahwa Perjanjian Kerja Sama ini menindaklanjuti Kesepakatan Bersama Nomor "
                f"{isian_teks('nomor Kesepakatan Bersama')};"
            )
    return butir


def _naskah_konteks(ksdd, jenis: str, *, isian: dict, nomor: str, tanggal) -> dict:
    pks = jenis in (JenisDokumen.PKS, JenisDokumen.ADDENDUM)
    jenis_naskah = JenisNaskah.PKS if pks else JenisNaskah.KB
    naskah = (
        ksdd.naskah.filter(jenis=jenis_naskah).prefetch_related("penandatangan__wilayah").first()
    )
    kb = ksdd.naskah.filter(jenis=JenisNaskah.KB).first() if pks else None
    pihak = _pihak_daftar(ksdd, naskah, pks=pks, isian=isian, nomor_daerah=nomor)
    sebutan = "Perjanjian Kerja Sama" if pks else "Kesepakatan Bersama"
    judul = {
        JenisDokumen.KB: "KESEPAKATAN BERSAMA",
        JenisDokumen.PKS: "PERJANJIAN KERJA SAMA",
        JenisDokumen.ADDENDUM: "ADDENDUM PERJANJIAN KERJA SAMA",
    }[jenis]
    tentang = (naskah.tentang if naskah else "") or ksdd.judul
    addendum = jenis == JenisDokumen.ADDENDUM
    if tanggal is None and naskah and naskah.tanggal_ditandatangani and not addendum:
        tanggal = naskah.tanggal_ditandatangani
    fakta = _fakta(ksdd, naskah, pihak, sebutan, kb)
    konsideran = isian.get("konsideran") or _konsideran(ksdd, pihak, pks=pks, fakta=fakta)
    if addendum:
        # The addendum has its own numbers; it amends the signed PKS (P25-3, P25-4).
        pks_nomor = pihak[0].nomor_naskah if naskah and naskah.sudah_ditandatangani else ""
        for p in pihak:
            p.nomor_naskah = nomor if p.wilayah.adalah_daerah else isian_teks("nomor")
        pasal = _pasal_addendum(fakta, isian)
        konsideran = [
            *konsideran[:2],
            "bahwa PARA PIHAK telah menandatangani Perjanjian Kerja Sama Nomor "
            f"{pks_nomor or isian_teks('nomor PKS')}"
            + (f" tanggal {tanggal_surat(naskah.tanggal_ditandatangani)}" if pks_nomor else "")
            + f" tentang {tentang};",
            "bahwa berdasarkan Pasal 25 ayat (3) dan ayat (4) "
            f"{REGULASI}, PARA PIHAK sepakat melakukan perubahan atas materi Perjanjian "
            "Kerja Sama tersebut;",
        ]
    else:
        pasal = pasal_naskah(fakta, pks=pks, isian=isian.get("pasal"))
    jumlah = (naskah.jumlah_rangkap if naskah else None) or rules.jumlah_rangkap(len(pihak))
    tempat = (naskah.tempat_penandatanganan if naskah else "") or isian.get("tempat") or ""
    tempat = tempat or isian_teks("tempat")
    sebutan_pihak = _daftar([p.sebutan for p in pihak])
    kanan = next((p for p in pihak if p.pemrakarsa), pihak[0])
    return {
        "naskah": True,
        "judul": judul,
        "sebutan": sebutan,
        "baris_judul": _baris_judul(judul, pihak, tentang),
        "pihak": [p.as_dict() for p in pihak],
        "pembuka": tanggal_kata(tanggal).kalimat + ", kami yang bertandatangan di bawah ini:",
        "para_pihak": (
            f"{sebutan_pihak} selanjutnya secara bersama-sama dalam {sebutan} ini disebut "
            "PARA PIHAK, dan secara sendiri-sendiri disebut PIHAK."
        ),
        "konsideran": konsideran,
        "sepakat": (
            "Berdasarkan hal-hal tersebut di atas, sesuai dengan kedudukan dan kewenangan "
            f"masing-masing, PARA PIHAK setuju dan sepakat untuk melaksanakan {sebutan}, "
            "dengan ketentuan dan syarat-syarat sebagai berikut:"
        ),
        "pasal": [{"nomor": p.nomor, "judul": p.judul, "baris": p.baris} for p in pasal],
        "penutup": (
            f"Demikian {sebutan} ini dibuat dan ditandatangani di {tempat} pada hari dan "
            f"tanggal tersebut di atas dalam {rangkap(jumlah)} bermaterai cukup, "
            "masing-masing mempunyai kekuatan hukum yang sama."
        ),
        "jumlah_rangkap": jumlah,
        "ttd_baris": _baris_ttd(pihak),
        # emblems as bytes; services.hasilkan makes them images of the document
        "lambang_garuda": lambang_garuda() if jenis == JenisDokumen.KB else None,
        "lambang_kanan": kanan.lambang if pks else None,
        "lambang_kiri": [p.lambang for p in pihak if p is not kanan] if pks else [],
    }


def _pasal_addendum(fakta: Fakta, isian: dict):
    from .naskah import Pasal

    ubah = isian.get("perubahan") or [
        f"Ketentuan Pasal {isian_teks('nomor pasal')} Perjanjian Kerja Sama diubah sehingga "
        f"berbunyi: {isian_teks('bunyi perubahan')}."
    ]
    ubah = [ubah] if isinstance(ubah, str) else list(ubah)
    return [
        Pasal(1, "perubahan", "PERUBAHAN", ubah),
        Pasal(
            2,
            "lain_lain",
            "KETENTUAN LAIN",
            [
                "Ketentuan lain dalam Perjanjian Kerja Sama yang tidak diubah dalam Addendum "
                "ini dinyatakan tetap berlaku.",
                "Addendum ini merupakan bagian yang tidak terpisahkan dari Perjanjian Kerja "
                "Sama dan berlaku sejak tanggal ditandatangani.",
            ],
        ),
    ]


# --- letters --------------------------------------------------------------------------


def _kop(ksdd, *, perangkat_daerah: bool) -> dict:
    home = wilayah_daerah()
    pd = ksdd.perangkat_daerah
    unit = pd.nama if perangkat_daerah else "Sekretariat Daerah"
    alamat = pd.alamat if perangkat_daerah and pd.alamat else ""
    alamat = alamat or settings.KERSA_ALAMAT_KOP or _kedudukan_daerah()
    return {
        "lambang": lambang_wilayah(home),
        "pemerintah": f"PEMERINTAH {home.nama_lengkap.upper()}",
        "unit": unit.upper(),
        "alamat": alamat,
    }


def _kepala(home: Wilayah) -> dict:
    return {
        "jabatan": f"{home.sebutan_kepala.upper()} {home.nama.upper()},",
        "nama": isian_teks(f"nama {home.sebutan_kepala}"),
        "nip": "",
    }


def _blok(gaya: str, teks: str) -> dict:
    return {"gaya": gaya, "teks": teks}


def _surat_dasar(ksdd, *, nomor: str, tanggal: dt.date, isian: dict) -> dict:
    home = wilayah_daerah()
    return {
        "naskah": False,
        "bentuk": "surat",
        "kop": _kop(ksdd, perangkat_daerah=False),
        "nomor": nomor,
        "tempat_tanggal": f"{_kedudukan_daerah()}, {tanggal_surat(tanggal)}",
        "sifat": isian.get("sifat", "Penting"),
        "lampiran": "-",
        "hal": "",
        "kepada": [],
        "judul": "",
        "subjudul": "",
        "isi": [],
        "ttd": _kepala(home) | isian.get("ttd", {}),
        "ttd_kiri": {"jabatan": "", "nama": "", "nip": ""},
        "tembusan": [],
    }


def _penawaran(ksdd, mitra, arah: str):
    return ksdd.penawaran.filter(mitra=mitra, arah=arah).first()


def _surat_penawaran(ksdd, mitra, c: dict) -> None:
    c["hal"] = "Penawaran Kerja Sama Daerah"
    c["lampiran"] = "1 (satu) berkas Kerangka Acuan Kerja"
    c["kepada"] = [f"Yth. {mitra.sebutan_kepala} {mitra.nama}", "di –", "Tempat"]
    c["isi"] = [
        _blok(
            "paragraf",
            f"Dalam rangka meningkatkan kesejahteraan masyarakat dan efisiensi pelayanan "
            f"publik, serta berdasarkan Pasal 16 {REGULASI}, Pemerintah Kabupaten Barito "
            f"Selatan bermaksud menawarkan kerja sama daerah kepada Pemerintah "
            f"{mitra.nama_lengkap} tentang {ksdd.judul}.",
        ),
        _blok(
            "paragraf",
            f"Rencana kerja sama tersebut disiapkan oleh {ksdd.perangkat_daerah.nama} "
            "sebagaimana diuraikan dalam Kerangka Acuan Kerja terlampir.",
        ),
        _blok(
            "paragraf",
            "Sehubungan dengan hal tersebut, kami mengharapkan tanggapan Saudara atas "
            "penawaran ini dalam waktu paling lama 30 (tiga puluh) hari kalender terhitung "
            "sejak surat ini diterima.",
        ),
        _blok(
            "paragraf",
            "Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.",
        ),
    ]
    c["tembusan"] = ["Sekretaris Daerah selaku Ketua TKKSD Kabupaten Barito Selatan"]


def _rujukan_penawaran(ksdd, mitra) -> str:
    from kersa.agreements.models import Penawaran

    p = _penawaran(ksdd, mitra, Penawaran.Arah.KELUAR)
    if p is None:
        return (
            f"surat kami Nomor {isian_teks('nomor')} tanggal {isian_teks('tanggal')} "
            "perihal Penawaran Kerja Sama Daerah"
        )
    return (
        f"surat kami Nomor {p.nomor_surat} tanggal {tanggal_surat(p.tanggal_surat)} perihal "
        f"Penawaran Kerja Sama Daerah, yang diterima pada tanggal "
        f"{tanggal_surat(p.tanggal_diterima)}"
    )


def _tanggapan_kedua(ksdd, mitra, c: dict) -> None:
    c["hal"] = "Permintaan Tanggapan Kedua atas Penawaran Kerja Sama Daerah"
    c["kepada"] = [f"Yth. {mitra.sebutan_kepala} {mitra.nama}", "di –", "Tempat"]
    c["isi"] = [
        _blok(
            "paragraf",
            f"Menindaklanjuti {_rujukan_penawaran(ksdd, mitra)}, tentang {ksdd.judul}, "
            "sampai dengan lewatnya jangka waktu 30 (tiga puluh) hari kalender belum kami "
            "terima tanggapan Saudara.",
        ),
        _blok(
            "paragraf",
            f"Berdasarkan Pasal 16 ayat (5) {REGULASI}, dengan ini kami menyampaikan "
            "permintaan tanggapan kedua dan mengharapkan tanggapan Saudara dalam waktu "
            "paling lama 15 (lima belas) hari kalender sejak surat ini diterima.",
        ),
        _blok("paragraf", "Demikian disampaikan, atas perhatiannya diucapkan terima kasih."),
    ]
    c["tembusan"] = ["Sekretaris Daerah selaku Ketua TKKSD Kabupaten Barito Selatan"]


def _laporan_gubernur(ksdd, mitra, c: dict) -> None:
    home = wilayah_daerah()
    provinsi = home.provinsi.nama if home.provinsi_id else isian_teks("provinsi")
    c["hal"] = "Laporan Penawaran Kerja Sama Daerah yang Tidak Ditanggapi"
    c["kepada"] = [f"Yth. Gubernur {provinsi}", "selaku Wakil Pemerintah Pusat", "di –", "Tempat"]
    c["isi"] = [
        _blok(
            "paragraf",
            f"Dengan hormat, bersama ini kami laporkan bahwa Pemerintah Kabupaten Barito "
            f"Selatan telah menyampaikan penawaran kerja sama daerah tentang {ksdd.judul} "
            f"kepada {mitra.sebutan_kepala} {mitra.nama} melalui "
            f"{_rujukan_penawaran(ksdd, mitra)}.",
        ),
        _blok(
            "paragraf",
            "Sampai dengan lewatnya jangka waktu 15 (lima belas) hari kalender sejak "
            "permintaan tanggapan kedua disampaikan, "
            f"{mitra.sebutan_kepala} {mitra.nama} tetap tidak memberikan tanggapan.",
        ),
        _blok(
            "paragraf",
            f"Sesuai Pasal 16 ayat (6) {REGULASI}, hal tersebut kami laporkan kepada Bapak "
            "selaku Wakil Pemerintah Pusat untuk mendapatkan arahan lebih lanjut.",
        ),
        _blok(
            "paragraf",
            "Demikian laporan ini disampaikan, atas perhatiannya diucapkan terima kasih.",
        ),
    ]
    c["tembusan"] = [
        f"{mitra.sebutan_kepala} {mitra.nama}",
        "Sekretaris Daerah selaku Ketua TKKSD Kabupaten Barito Selatan",
    ]


def _surat_tanggapan(ksdd, mitra, c: dict) -> None:
    from kersa.agreements.models import Penawaran

    p = _penawaran(ksdd, mitra, Penawaran.Arah.MASUK)
    rujukan = (
        f"surat Saudara Nomor {p.nomor_surat} tanggal {tanggal_surat(p.tanggal_surat)} "
        f"yang kami terima pada tanggal {tanggal_surat(p.tanggal_diterima)}"
        if p
        else f"surat Saudara Nomor {isian_teks('nomor')} tanggal {isian_teks('tanggal')}"
    )
    rek = ksdd.rekomendasi_pleno.order_by("-tanggal_rapat", "-id").first()
    if rek and rek.keputusan == "diterima":
        putusan = (
            "menerima penawaran kerja sama tersebut dan selanjutnya akan menyusun "
            "rancangan Kesepakatan Bersama bersama Pemerintah Saudara"
        )
    elif rek:
        putusan = "belum dapat menerima penawaran kerja sama tersebut"
    else:
        putusan = isian_teks("menerima / belum dapat menerima penawaran")
    dasar = (
        f" berdasarkan rekomendasi Rapat Pleno TKKSD tanggal {tanggal_surat(rek.tanggal_rapat)} "
        f"(Berita Acara Nomor {rek.nomor_berita_acara})"
        if rek
        else " berdasarkan rekomendasi TKKSD"
    )
    c["hal"] = "Tanggapan atas Penawaran Kerja Sama Daerah"
    c["kepada"] = [f"Yth. {mitra.sebutan_kepala} {mitra.nama}", "di –", "Tempat"]
    c["isi"] = [
        _blok(
            "paragraf",
            f"Menindaklanjuti {rujukan} perihal penawaran kerja sama daerah tentang "
            f"{ksdd.judul}, dengan ini kami sampaikan bahwa Pemerintah Kabupaten Barito "
            f"Selatan{dasar} {putusan}.",
        ),
        *(
            [_blok("paragraf", f"Adapun pertimbangannya: {rek.uraian.strip()}")]
            if rek and rek.uraian.strip()
            else []
        ),
        _blok(
            "paragraf",
            "Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.",
        ),
    ]
    c["tembusan"] = ["Sekretaris Daerah selaku Ketua TKKSD Kabupaten Barito Selatan"]


def _permohonan_dprd(ksdd, c: dict) -> None:
    kb = ksdd.naskah.filter(jenis=JenisNaskah.KB).first()
    pt = kb.penandatangan.order_by("urutan").first() if kb else None
    kb_teks = (
        f"Kesepakatan Bersama Nomor {pt.nomor_naskah} tanggal "
        f"{tanggal_surat(kb.tanggal_ditandatangani)}"
        if pt and kb.tanggal_ditandatangani
        else f"Kesepakatan Bersama Nomor {isian_teks('nomor')}"
    )
    c["hal"] = "Permohonan Persetujuan DPRD atas Rencana Kerja Sama Daerah"
    c["lampiran"] = "2 (dua) berkas"
    c["kepada"] = [
        "Yth. Pimpinan Dewan Perwakilan Rakyat Daerah",
        "Kabupaten Barito Selatan",
        "di –",
        _kedudukan_daerah(),
    ]
    sebab = []
    if ksdd.membebani_masyarakat:
        sebab.append("membebani masyarakat dan daerah")
    if not ksdd.dianggarkan_apbd:
        sebab.append("pendanaannya belum dianggarkan dalam APBD tahun anggaran berjalan")
    c["isi"] = [
        _blok(
            "paragraf",
            f"Pemerintah Kabupaten Barito Selatan merencanakan kerja sama daerah tentang "
            f"{ksdd.judul} yang " + (" dan ".join(sebab) or isian_teks("alasan")) + ".",
        ),
        _blok(
            "paragraf",
            f"Sesuai Pasal 21 dan Pasal 22 ayat (1) huruf a {REGULASI}, bersama ini kami "
            "mohon Persetujuan DPRD atas rencana kerja sama tersebut, dengan melampirkan:",
        ),
        _blok("butir", f"1. {kb_teks} yang telah ditandatangani; dan"),
        _blok("butir", "2. Rancangan Perjanjian Kerja Sama."),
        _blok(
            "paragraf",
            "Demikian permohonan ini disampaikan, atas perhatian dan "
            "persetujuannya diucapkan terima kasih.",
        ),
    ]
    c["tembusan"] = ["Sekretaris Daerah selaku Ketua TKKSD Kabupaten Barito Selatan"]


def _kak(ksdd, c: dict, tanggal: dt.date) -> None:
    from kersa.agreements.models import Kak

    kak = getattr(ksdd, "kak", None)
    pd = ksdd.perangkat_daerah
    c["bentuk"] = "naskah"
    c["kop"] = _kop(ksdd, perangkat_daerah=True)
    c["judul"] = "KERANGKA ACUAN KERJA"
    c["subjudul"] = f"RENCANA KERJA SAMA DAERAH TENTANG {ksdd.judul.upper()}"
    isi = []
    for kode, label in Kak.BAGIAN:
        huruf, nama = str(label).split(". ", 1)
        isi.append(_blok("judul", f"{huruf.upper()}. {nama.upper()}"))
        teks = getattr(kak, kode, "").strip() if kak else ""
        isi.append(_blok("paragraf", teks or isian_teks(nama)))
    c["isi"] = isi
    c["ttd"] = {
        "tempat_tanggal": f"{_kedudukan_daerah()}, {tanggal_surat(tanggal)}",
        "jabatan": (pd.kepala_jabatan or f"Kepala {pd.nama}").upper() + ",",
        "nama": (pd.kepala_nama or isian_teks("nama")).upper(),
        "nip": f"NIP. {pd.kepala_nip}" if pd.kepala_nip else "",
    }


def _surat_kuasa(ksdd, c: dict, tanggal: dt.date) -> None:
    home = wilayah_daerah()
    pd = ksdd.perangkat_daerah
    sk = ksdd.surat_kuasa.filter(dicabut=False).order_by("-tanggal", "-id").first()
    nama = sk.penerima_nama if sk else (pd.kepala_nama or isian_teks("nama"))
    nip = (sk.penerima_nip if sk else pd.kepala_nip) or isian_teks("NIP")
    jabatan = sk.penerima_jabatan if sk else (pd.kepala_jabatan or f"Kepala {pd.nama}")
    c["bentuk"] = "naskah"
    c["judul"] = "SURAT KUASA KHUSUS"
    c["isi"] = [
        _blok("paragraf", "Yang bertanda tangan di bawah ini:"),
        _blok("butir", f"Nama : {c['ttd']['nama']}"),
        _blok("butir", f"Jabatan : {home.sebutan_kepala} {home.nama}"),
        _blok("paragraf", "selanjutnya disebut PEMBERI KUASA, dengan ini memberi kuasa kepada:"),
        _blok("butir", f"Nama : {nama}"),
        _blok("butir", f"NIP : {nip}"),
        _blok("butir", f"Jabatan : {jabatan}"),
        _blok("paragraf", "selanjutnya disebut PENERIMA KUASA."),
        _blok("judul", "KHUSUS"),
        _blok(
            "paragraf",
            f"Untuk dan atas nama Pemerintah {home.nama_lengkap} menandatangani Perjanjian "
            f"Kerja Sama tentang {ksdd.judul} dengan "
            + ", ".join(f"Pemerintah {m.nama_lengkap}" for m in ksdd.mitra.order_by("kode"))
            + f", sesuai Pasal 24 ayat (2) {REGULASI}.",
        ),
        _blok(
            "paragraf",
            "Surat Kuasa ini berlaku sejak tanggal ditetapkan sampai dengan penandatanganan "
            "Perjanjian Kerja Sama tersebut, dan tidak dapat dilimpahkan kepada pihak lain.",
        ),
    ]
    c["ttd"] = c["ttd"] | {
        "tempat_tanggal": f"{_kedudukan_daerah()}, {tanggal_surat(tanggal)}",
        "peran": "PEMBERI KUASA,",
    }
    c["ttd_kiri"] = {
        "tempat_tanggal": "",
        "peran": "PENERIMA KUASA,",
        "jabatan": jabatan.upper() + ",",
        "nama": nama.upper(),
        "nip": f"NIP. {nip}" if not nip.startswith("[") else "",
    }
    pem = type(pd).objects.filter(membidangi_kerja_sama=True).first()
    c["tembusan"] = [
        (pem.nama if pem else "Perangkat Daerah yang membidangi kerja sama daerah")
        + " (Pasal 24 ayat (3))"
    ]


_SURAT_MITRA = {
    JenisDokumen.SURAT_PENAWARAN: _surat_penawaran,
    JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA: _tanggapan_kedua,
    JenisDokumen.LAPORAN_GUBERNUR: _laporan_gubernur,
    JenisDokumen.SURAT_TANGGAPAN: _surat_tanggapan,
}


def konteks_bangun(
    *,
    ksdd,
    jenis: str,
    mitra: Wilayah | None = None,
    isian: dict | None = None,
    nomor: str = "",
    tanggal: dt.date | None = None,
) -> dict:
    """The data of one document of ``jenis`` for ``ksdd`` (see the module docstring).

    ``isian`` holds what the drafter wrote: ``tanggal``, ``tempat``, ``konsideran``,
    ``pasal`` (``{kode: teks}``), ``pihak`` (``{kode_wilayah: {nama, jabatan, dasar,
    kedudukan, nomor_naskah}}``), ``perubahan`` (addendum), ``ttd``, ``sifat``.
    """
    isian = dict(isian or {})
    tanggal = isian.pop("tanggal", None) or tanggal
    nomor = nomor or isian_teks("nomor")
    if jenis in (JenisDokumen.KB, JenisDokumen.PKS, JenisDokumen.ADDENDUM):
        return _naskah_konteks(ksdd, jenis, isian=isian, nomor=nomor, tanggal=tanggal)
    tanggal = tanggal or timezone.localdate()
    c = _surat_dasar(ksdd, nomor=nomor, tanggal=tanggal, isian=isian)
    if jenis in _SURAT_MITRA:
        _SURAT_MITRA[jenis](ksdd, mitra, c)
    elif jenis == JenisDokumen.PERMOHONAN_DPRD:
        _permohonan_dprd(ksdd, c)
    elif jenis == JenisDokumen.KAK:
        _kak(ksdd, c, tanggal)
    elif jenis == JenisDokumen.SURAT_KUASA:
        _surat_kuasa(ksdd, c, tanggal)
    else:  # pragma: no cover - every JenisDokumen is handled above
        raise ValueError(jenis)
    c["ttd"].setdefault("tempat_tanggal", "")
    c["ttd"].setdefault("peran", "")
    c["ttd_kiri"].setdefault("tempat_tanggal", "")
    c["ttd_kiri"].setdefault("peran", "")
    return c
