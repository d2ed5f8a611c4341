"""The demo record every uploaded template is rendered with before it is accepted, and
the parts each kind must keep.

``konteks_contoh(jenis)`` is plain data of the same shape as ``konteks.konteks_bangun``
(or ``konteks.surat.konteks_rekaman``) with a recognisable value in every part; an
uploaded template rendered with it must show each value of ``bagian_wajib(jenis)``,
otherwise it is refused naming the missing part. No database access.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .choices import JenisDokumen
from .naskah import BAGIAN_KB, BAGIAN_PKS

__all__ = ["JENIS_NASKAH", "JENIS_SURAT", "bagian_wajib", "konteks_contoh", "templat_bawaan"]

JENIS_NASKAH = frozenset({JenisDokumen.KB, JenisDokumen.PKS, JenisDokumen.ADDENDUM})
# Letters with Nomor, Sifat, Lampiran, Hal and Kepada; the other kinds are titled records.
JENIS_SURAT = frozenset(
    {
        JenisDokumen.SURAT_PENAWARAN,
        JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA,
        JenisDokumen.LAPORAN_GUBERNUR,
        JenisDokumen.SURAT_TANGGAPAN,
        JenisDokumen.PERMOHONAN_DPRD,
        JenisDokumen.UNDANGAN_RAPAT,
        JenisDokumen.LAPORAN_BUPATI,
    }
)


def templat_bawaan(jenis: str) -> str:
    """The file name of the template shipped for ``jenis`` in ``documents/templat/``."""
    return {JenisDokumen.KB: "kb.docx", JenisDokumen.PKS: "pks.docx"}.get(
        jenis, "pks.docx" if jenis == JenisDokumen.ADDENDUM else "surat.docx"
    )


_TTD = {
    "tempat_tanggal": "Buntok, 1 Juli 2026",
    "peran": "",
    "jabatan": "CONTOH JABATAN PENANDA TANGAN,",
    "nama": "CONTOH NAMA PENANDA TANGAN",
    "nip": "NIP. 197001012000031001",
}


def _pihak(urutan: int, sebutan: str) -> dict:
    return {
        "urutan": urutan,
        "romawi": "I" * urutan,
        "sebutan": sebutan,
        "pemerintah": f"Pemerintah Contoh Daerah {urutan}",
        "pemerintah_kapital": f"PEMERINTAH CONTOH DAERAH {urutan}",
        "nomor_naskah": f"100.3/CONTOH-{urutan}/2026",
        "nama": f"Contoh Nama Pihak {urutan}",
        "nama_kapital": f"CONTOH NAMA PIHAK {urutan}",
        "jabatan": f"Contoh Jabatan Pihak {urutan}",
        "jabatan_kapital": f"CONTOH JABATAN PIHAK {urutan}",
        "komparisi": f"Contoh komparisi pihak {urutan}, selanjutnya disebut {sebutan}.",
        "kode": f"00.0{urutan}",
        "meterai": "Meterai",
    }


def konteks_contoh(jenis: str) -> dict:
    """The demo record of ``jenis`` (see the module docstring)."""
    if jenis in JENIS_NASKAH:
        pks = jenis != JenisDokumen.KB
        daftar = BAGIAN_PKS if pks else BAGIAN_KB
        satu, dua = _pihak(1, "PIHAK KESATU"), _pihak(2, "PIHAK KEDUA")
        return {
            "naskah": True,
            "judul": "CONTOH JUDUL NASKAH",
            "sebutan": "Contoh Naskah",
            "baris_judul": ["CONTOH JUDUL NASKAH", "ANTARA", "CONTOH DAERAH 1", "DAN"],
            "pihak": [satu, dua],
            "pembuka": "Pada hari ini, contoh tanggal, kami yang bertandatangan di bawah ini:",
            "para_pihak": "Contoh para pihak selanjutnya disebut PARA PIHAK.",
            "konsideran": ["bahwa contoh konsideran pertama;", "bahwa contoh konsideran kedua;"],
            "sepakat": "Contoh kalimat PARA PIHAK setuju dan sepakat:",
            "pasal": [
                {"nomor": n, "judul": judul.upper(), "baris": [f"Contoh isi pasal {n}."]}
                for n, (_kode, judul) in enumerate(daftar, start=1)
            ],
            "penutup": "Contoh penutup dibuat dalam rangkap 3 (tiga) bermaterai cukup.",
            "jumlah_rangkap": 3,
            "ttd_baris": [{"kiri": dua, "kanan": satu}],
            "lambang_garuda": None,
            "lambang_kanan": None,
            "lambang_kiri": [],
            "rangkap_paraf": "CONTOH JUDUL PARAF HIERARKI",
            "paraf_hierarki": [{"jabatan": "Contoh Jabatan Paraf"}],
        }
    surat = jenis in JENIS_SURAT
    return {
        "naskah": False,
        "bentuk": "surat" if surat else "naskah",
        "kop": {
            "lambang": None,
            "pemerintah": "CONTOH PEMERINTAH",
            "unit": "CONTOH UNIT KOP",
            "alamat": "Contoh alamat kop",
            "kontak": "Contoh kontak kop",
        },
        "nomor": "000/CONTOH/2026",
        "tempat_tanggal": "Buntok, 1 Juli 2026",
        "sifat": "Contoh sifat",
        "lampiran": "Contoh jumlah lampiran",
        "hal": "Contoh hal surat",
        "kepada": ["Yth. Contoh Penerima", "di Contoh Tempat"],
        "judul": "CONTOH JUDUL REKAMAN",
        "subjudul": "CONTOH SUBJUDUL",
        "isi": [
            {"gaya": "judul", "teks": "Contoh judul bagian"},
            {"gaya": "butir", "teks": "1. Contoh butir"},
            {"gaya": "paragraf", "teks": "Contoh isi paragraf penutup."},
        ],
        "ttd": dict(_TTD),
        "ttd_kiri": dict(_TTD, nama="CONTOH NAMA PENANDA TANGAN KIRI"),
        "tembusan": ["Contoh tembusan"],
        "lampiran_judul": ["CONTOH JUDUL LAMPIRAN"],
        "lampiran_isi": [{"gaya": "paragraf", "teks": "Contoh isi lampiran."}],
        "lampiran_ttd": dict(_TTD),
        "lampiran_ttd_kiri": {},
    }


def bagian_wajib(jenis: str) -> list[tuple[str, str]]:
    """(part, text the rendered demo must show) of every part ``jenis`` must keep."""
    if jenis in JENIS_NASKAH:
        pks = jenis != JenisDokumen.KB
        daftar = BAGIAN_PKS if pks else BAGIAN_KB
        return [
            (_("judul naskah"), "CONTOH JUDUL NASKAH"),
            (_("nomor naskah para pihak"), "100.3/CONTOH-2/2026"),
            (_("komparisi (tanggal)"), "Pada hari ini, contoh tanggal"),
            (_("komparisi (para pihak)"), "Contoh komparisi pihak 2"),
            (_("para pihak"), "Contoh para pihak selanjutnya disebut PARA PIHAK"),
            (_("konsideran"), "bahwa contoh konsideran kedua"),
            *[
                (_("Pasal %(n)d %(judul)s") % {"n": n, "judul": judul}, f"Contoh isi pasal {n}.")
                for n, (_kode, judul) in enumerate(daftar, start=1)
            ],
            (_("penutup"), "bermaterai cukup"),
            (_("tanda tangan PIHAK KESATU"), "CONTOH NAMA PIHAK 1"),
            (_("tanda tangan PIHAK KEDUA"), "CONTOH NAMA PIHAK 2"),
            (_("tempat meterai"), "Rp10.000"),
            (_("kotak paraf hierarki (Pasal 20 ayat 4, Pasal 24 ayat 4)"), "Contoh Jabatan Paraf"),
        ]
    bagian = [
        (_("kop surat"), "CONTOH UNIT KOP"),
        (_("alamat kop surat"), "Contoh alamat kop"),
        (_("nomor"), "000/CONTOH/2026"),
        (_("isi"), "Contoh isi paragraf penutup."),
        (_("tanda tangan"), "CONTOH NAMA PENANDA TANGAN"),
        (_("tembusan"), "Contoh tembusan"),
    ]
    if jenis in JENIS_SURAT:
        bagian += [
            (_("tempat dan tanggal surat"), "Buntok, 1 Juli 2026"),
            (_("sifat"), "Contoh sifat"),
            (_("lampiran (jumlah)"), "Contoh jumlah lampiran"),
            (_("hal"), "Contoh hal surat"),
            (_("kepada"), "Yth. Contoh Penerima"),
            (_("lampiran surat"), "Contoh isi lampiran."),
        ]
    else:
        bagian.append((_("judul"), "CONTOH JUDUL REKAMAN"))
    return bagian
