"""Letters and records with the region's letterhead: KAK, offers, replies, the report
to the Gubernur, the DPRD request, the Surat Kuasa (P14-2, P16, P18, P22-1a, P24-2)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from kersa.agreements.choices import JenisNaskah
from kersa.agreements.models import Kak, Penawaran
from kersa.core.format import angka_kata, tanggal_surat
from kersa.regions.models import Wilayah
from kersa.regions.selectors import kepala_daerah_pada, wilayah_daerah

from ..choices import JenisDokumen
from ..models import KopSurat
from ..naskah import isian_teks
from .lambang import lambang_wilayah
from .perjanjian import REGULASI, _kedudukan_daerah

# --- letters --------------------------------------------------------------------------


def kop_surat(*, penanda: str = "setda", perangkat_daerah=None) -> dict:
    """The letterhead of the signer (Tata Naskah Dinas, Permendagri 1/2023): "kepala" —
    the head of region's own (the region's emblem, "BUPATI BARITO SELATAN"); "setda" —
    the Sekretariat Daerah's; "pd" — the agency's (``perangkat_daerah``), each under
    "PEMERINTAH KABUPATEN …"; the address and contact lines from ``KopSurat`` (the
    letterhead settings page), else the setting ``KERSA_ALAMAT_KOP`` or the seat."""

    home = wilayah_daerah()
    kop = KopSurat.objects.filter(penanda="kepala" if penanda == "kepala" else "setda").first()
    alamat = (kop and kop.baris_alamat) or settings.KERSA_ALAMAT_KOP or _kedudukan_daerah()
    kontak = kop.baris_kontak if kop else ""
    if penanda == "kepala":
        unit, pemerintah = f"{home.sebutan_kepala} {home.nama}", ""
    elif penanda == "pd" and perangkat_daerah is not None:
        # the agency's own address and contacts, never the Sekretariat Daerah's; its
        # seat alone while the agency has no address recorded
        unit, pemerintah = perangkat_daerah.nama, f"PEMERINTAH {home.nama_lengkap.upper()}"
        alamat = perangkat_daerah.alamat or _kedudukan_daerah()
        kontak = perangkat_daerah.baris_kontak
    else:
        unit, pemerintah = "Sekretariat Daerah", f"PEMERINTAH {home.nama_lengkap.upper()}"
    return {
        "lambang": lambang_wilayah(home),
        "pemerintah": pemerintah,
        "unit": unit.upper(),
        "alamat": alamat,
        "kontak": kontak,
    }


def _kop(ksdd, *, perangkat_daerah: bool) -> dict:
    if perangkat_daerah:
        return kop_surat(penanda="pd", perangkat_daerah=ksdd.perangkat_daerah)
    return kop_surat(penanda="kepala")


def _kepala(home: Wilayah, tanggal: dt.date) -> dict:
    """The head of region who signs a letter dated ``tanggal`` (regions.KepalaDaerah)."""
    kepala = kepala_daerah_pada(home, tanggal)
    if kepala is None:
        jabatan, nama = (
            f"{home.sebutan_kepala} {home.nama}",
            isian_teks(f"nama {home.sebutan_kepala}"),
        )
    else:
        jabatan, nama = kepala.jabatan, kepala.nama.upper()
    return {"jabatan": f"{jabatan.upper()},", "nama": nama, "nip": ""}


# Tata Naskah Dinas (Permendagri 1/2023): the Sifat of each letter by default; the
# drafter's ``isian["sifat"]`` replaces it.
SIFAT_BAWAAN = {
    JenisDokumen.SURAT_PENAWARAN: "Biasa",
    JenisDokumen.PERMINTAAN_TANGGAPAN_KEDUA: "Segera",
    JenisDokumen.LAPORAN_GUBERNUR: "Biasa",
    JenisDokumen.SURAT_TANGGAPAN: "Biasa",
    JenisDokumen.PERMOHONAN_DPRD: "Segera",
    JenisDokumen.UNDANGAN_RAPAT: "Biasa",
    JenisDokumen.LAPORAN_BUPATI: "Biasa",
}


def di_tempat(tempat: str) -> list[str]:
    """The addressee's place under "Kepada": "di Tamiang Layang" for an addressee out of
    town (the region record's seat), "di –" / "Tempat" in the signer's own town."""
    if not tempat or tempat == _kedudukan_daerah():
        return ["di –", "Tempat"]
    return [f"di {tempat}"]


def di_wilayah(wilayah: Wilayah) -> list[str]:
    """``di_tempat`` of the seat of ``wilayah`` (``Wilayah.ibu_kota``); "di – Tempat"
    while the region record has no seat (an administrator fills ``ibu_kota``)."""
    return di_tempat(wilayah.ibu_kota)


def jumlah_lampiran(n: int, satuan: str = "berkas") -> str:
    """'1 (satu) berkas'; '-' for none."""
    return f"{n} ({angka_kata(n)}) {satuan}" if n else "-"


# A letter's lampiran, printed on a new page after the letter (the invitation's list of
# invitees, the Bupati's report under its cover letter): heading lines, blocks, signer.
_TANPA_LAMPIRAN = {
    "lampiran_judul": [],
    "lampiran_isi": [],
    "lampiran_ttd": {},
    "lampiran_ttd_kiri": {},
}


def _blok(gaya: str, teks: str) -> dict:
    return {"gaya": gaya, "teks": teks}


def _surat_dasar(ksdd, *, nomor: str, tanggal: dt.date, isian: dict, jenis: str = "") -> dict:
    home = wilayah_daerah()
    return {
        "naskah": False,
        "bentuk": "surat",
        "kop": _kop(ksdd, perangkat_daerah=False),
        "nomor": nomor,
        "tempat_tanggal": f"{_kedudukan_daerah()}, {tanggal_surat(tanggal)}",
        "sifat": isian.get("sifat") or SIFAT_BAWAAN.get(jenis, "Biasa"),
        "lampiran": "-",
        "hal": "",
        "kepada": [],
        "judul": "",
        "subjudul": "",
        "isi": [],
        "ttd": _kepala(home, tanggal) | isian.get("ttd", {}),
        "ttd_kiri": {"jabatan": "", "nama": "", "nip": ""},
        "tembusan": [],
        **_TANPA_LAMPIRAN,
    }


def _penawaran(ksdd, mitra, arah: str):
    return ksdd.penawaran.filter(mitra=mitra, arah=arah).first()


def _surat_penawaran(ksdd, mitra, c: dict) -> None:
    c["hal"] = "Penawaran Kerja Sama Daerah"
    c["lampiran"] = "1 (satu) berkas Kerangka Acuan Kerja"
    c["kepada"] = [f"Yth. {mitra.sebutan_kepala} {mitra.nama}", *di_wilayah(mitra)]
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

    p = _penawaran(ksdd, mitra, Penawaran.Arah.KELUAR)
    if p is None:
        return (
            f"surat kami Nomor {isian_teks('nomor')} tanggal {isian_teks('tanggal')} "
            "perihal Penawaran Kerja Sama Daerah"
        )
    return (
        f"surat kami Nomor {p.nomor} tanggal {tanggal_surat(p.tanggal_surat)} perihal "
        f"Penawaran Kerja Sama Daerah, yang diterima pada tanggal "
        f"{tanggal_surat(p.tanggal_diterima)}"
    )


def _tanggapan_kedua(ksdd, mitra, c: dict) -> None:
    c["hal"] = "Permintaan Tanggapan Kedua atas Penawaran Kerja Sama Daerah"
    c["kepada"] = [f"Yth. {mitra.sebutan_kepala} {mitra.nama}", *di_wilayah(mitra)]
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
    c["kepada"] = [
        f"Yth. Gubernur {provinsi}",
        "selaku Wakil Pemerintah Pusat",
        *(di_wilayah(home.provinsi) if home.provinsi_id else di_tempat("")),
    ]
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

    p = _penawaran(ksdd, mitra, Penawaran.Arah.MASUK)
    rujukan = (
        f"surat Saudara Nomor {p.nomor} tanggal {tanggal_surat(p.tanggal_surat)} "
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
    c["kepada"] = [f"Yth. {mitra.sebutan_kepala} {mitra.nama}", *di_wilayah(mitra)]
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
        *di_tempat(_kedudukan_daerah()),
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


# --- records not built from one KSDD (TKKSD, planning, reporting) ------------------------


def konteks_rekaman(
    *,
    judul: str,
    nomor: str,
    tanggal: dt.date,
    isi: list[dict],
    subjudul: str = "",
    unit: str = "Sekretariat Daerah",
    penanda: str = "setda",
    perangkat_daerah=None,
    ttd: dict | None = None,
    ttd_kiri: dict | None = None,
    tembusan: list[str] | None = None,
) -> dict:
    """The context of a titled record on the region's letterhead (``surat.docx`` with
    ``bentuk`` "rekaman"): a Berita Acara, a Notulen, a report. ``isi`` is a list of
    ``blok(gaya, teks)`` with gaya "judul", "butir" or "paragraf"; ``ttd`` and
    ``ttd_kiri`` are {"tempat_tanggal", "peran", "jabatan", "nama", "nip"}; ``penanda``
    picks the letterhead of the signer (``kop_surat``): a record the head of an agency
    signs passes ``perangkat_daerah`` and prints that agency's own letterhead and
    address."""
    kosong = {"tempat_tanggal": "", "peran": "", "jabatan": "", "nama": "", "nip": ""}
    if perangkat_daerah is not None:
        kop = kop_surat(penanda="pd", perangkat_daerah=perangkat_daerah)
    else:
        kop = kop_surat(penanda=penanda) | ({"unit": unit.upper()} if penanda == "setda" else {})
    return {
        "naskah": False,
        "bentuk": "rekaman",
        "kop": kop,
        "nomor": nomor,
        "tempat_tanggal": f"{_kedudukan_daerah()}, {tanggal_surat(tanggal)}",
        "sifat": "",
        "lampiran": "",
        "hal": "",
        "kepada": [],
        "judul": judul.upper(),
        "subjudul": subjudul.upper(),
        "isi": isi,
        "ttd": kosong | (ttd or {}),
        "ttd_kiri": kosong | (ttd_kiri or {}),
        "tembusan": tembusan or [],
        **_TANPA_LAMPIRAN,
    }


blok = _blok


def surat_pengantar(
    laporan: dict,
    *,
    pengirim: str,
    hal: str,
    kepada: list[str],
    isi: list[dict],
    sifat: str = "Biasa",
    tanggal: dt.date,
) -> dict:
    """A report as Tata Naskah Dinas sends it (Permendagri 1/2023): a cover letter
    (Nomor, Sifat, Lampiran "1 (satu) berkas", Hal, Kepada, ``isi``) signed by the
    report's signer, with the report itself — its title, sections and signature — as
    the letter's lampiran. ``laporan`` is a ``konteks_rekaman``; ``pengirim`` the signer's
    office as the lampiran heading names it ("KEPALA DINAS …")."""
    c = dict(laporan)
    ttd = dict(laporan["ttd"], tempat_tanggal="", peran="")
    judul = [j for j in (laporan["judul"], laporan["subjudul"]) if j]
    c.update(
        bentuk="surat",
        sifat=sifat,
        lampiran=jumlah_lampiran(1, "berkas"),
        hal=hal,
        kepada=kepada,
        judul="",
        subjudul="",
        isi=isi,
        ttd=ttd,
        ttd_kiri={"tempat_tanggal": "", "peran": "", "jabatan": "", "nama": "", "nip": ""},
        lampiran_judul=[
            f"LAMPIRAN SURAT {pengirim.upper().rstrip(',')}",
            f"NOMOR : {laporan['nomor']}",
            f"TANGGAL : {tanggal_surat(tanggal)}",
            f"HAL : {hal}",
        ],
        lampiran_isi=[*(_blok("judul", j) for j in judul), *laporan["isi"]],
        lampiran_ttd=ttd,
        lampiran_ttd_kiri={},
    )
    return c
