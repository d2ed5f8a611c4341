"""The documents of the reporting room: the contexts of the DOCX records (letterhead
layout of ``documents/templat/surat.docx``) and the XLSX of the Bupati's report."""

from __future__ import annotations

import datetime as dt
import io

from django.conf import settings
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from kersa.core.format import angka_kata, tanggal_surat
from kersa.core.regulasi import PERBUP
from kersa.documents.choices import JenisDokumen
from kersa.documents.konteks.surat import (
    SIFAT_BAWAAN,
    blok,
    di_tempat,
    di_wilayah,
    jumlah_lampiran,
    konteks_rekaman,
    surat_pengantar,
)
from kersa.governance.choices import Kedudukan
from kersa.governance.selectors import keputusan_berlaku, pemangku_pada
from kersa.regions.selectors import kepala_daerah_pada, wilayah_daerah

from .choices import JenisLaporanTkksd, Semester
from .models import LaporanSemester, LaporanTkksd

_HURUF = "abcdefghi"


def _tempat() -> str:
    return settings.KERSA_KEDUDUKAN_DAERAH


def _bupati(tanggal: dt.date) -> dict:
    home = wilayah_daerah()
    kepala = kepala_daerah_pada(home, tanggal)
    if kepala is None:
        return {"jabatan": f"{home.sebutan_kepala} {home.nama},".upper(), "nama": ""}
    return {"jabatan": kepala.jabatan.upper() + ",", "nama": kepala.nama.upper()}


def _bagian(laporan: LaporanSemester, *, tanpa_judul: bool = False) -> list[dict]:
    """Parts a–i of Pasal 27 ayat (3) as a lettered list from "a." (without the title
    when it is the heading above, the others lettered again from "a.")."""
    isi = []
    bagian = laporan.bagian()[1:] if tanpa_judul else laporan.bagian()
    for huruf, (label, teks) in zip(_HURUF, bagian, strict=False):
        nama = str(label).split(". ", 1)[-1]
        isi.append(blok("butir", f"{huruf}. {nama[:1].upper()}{nama[1:]}"))
        for baris in (teks or "-").splitlines() or ["-"]:
            isi.append(blok("paragraf", baris))
    return isi


def _kepada_bupati() -> list[str]:
    home = wilayah_daerah()
    return [f"Yth. {home.sebutan_kepala} {home.nama}", *di_tempat(_tempat())]


def _ketua_tkksd(tanggal: dt.date) -> dict:
    """The name and NIP of who holds the Ketua's seat of TKKSD on ``tanggal`` under the
    Keputusan Bupati then in force (P34-1, P35-1); nothing when none is recorded."""

    kep = keputusan_berlaku(tanggal)
    jab = kep.jabatan.filter(kedudukan=Kedudukan.KETUA).first() if kep else None
    p = pemangku_pada(jab, tanggal) if jab else None
    if p is None:
        return {}
    return {"nama": p.nama.upper(), "nip": f"NIP. {p.nip}" if p.nip else ""}


def _tkksd() -> str:
    return "Ketua Tim Koordinasi Kerja Sama Daerah (TKKSD) Kabupaten Barito Selatan"


def konteks_laporan_semester(laporan: LaporanSemester, *, nomor: str, tanggal: dt.date) -> dict:
    """P27-1, P27-3: the agency's semester report to the Bupati, copied to TKKSD: a cover
    letter on the agency's own letterhead (Tata Naskah Dinas, Permendagri 1/2023) with the
    report, parts a–i of Pasal 27 ayat (3), as its lampiran."""
    ksdd = laporan.ksdd
    pd = ksdd.perangkat_daerah
    jabatan = (pd.kepala_jabatan or f"Kepala {pd.nama}").upper()
    hal = f"Laporan Pelaksanaan Kerja Sama Daerah {laporan.periode_label}"
    lap = konteks_rekaman(
        judul="Laporan Pelaksanaan Kerja Sama Daerah",
        subjudul=f"{laporan.periode_label}",
        nomor=nomor,
        tanggal=tanggal,
        perangkat_daerah=pd,
        isi=[
            blok(
                "paragraf",
                f"{pd.nama} menyampaikan laporan pelaksanaan kerja sama daerah "
                f"{laporan.periode_label} (Nomor Register {ksdd.nomor_register}) sebagai "
                "berikut:",
            ),
            *_bagian(laporan),
        ],
        ttd={
            "jabatan": jabatan + ",",
            "nama": (pd.kepala_nama or "").upper(),
            "nip": f"NIP. {pd.kepala_nip}" if pd.kepala_nip else "",
        },
        tembusan=[_tkksd()],
    )
    return surat_pengantar(
        lap,
        pengirim=jabatan,
        hal=hal,
        kepada=_kepada_bupati(),
        tanggal=tanggal,
        isi=[
            blok(
                "paragraf",
                f"Berdasarkan Pasal 27 ayat (1) {PERBUP}, bersama ini kami sampaikan laporan "
                f"pelaksanaan kerja sama daerah tentang {ksdd.judul} (Nomor Register "
                f"{ksdd.nomor_register}) {laporan.periode_label}, sebagaimana terlampir.",
            ),
            blok(
                "paragraf",
                "Demikian laporan ini disampaikan untuk menjadi bahan pertimbangan, atas "
                "perhatian Bapak diucapkan terima kasih.",
            ),
        ],
    )


def konteks_laporan_bupati(
    laporan: list[LaporanSemester], *, tahun: int, semester: int, nomor: str, tanggal: dt.date
) -> dict:
    """P27-2: the Bupati's report to the Gubernur: a cover letter (Nomor, Sifat, Lampiran,
    Hal, Kepada the Gubernur at the province's seat) with the report, a section per KSDD,
    as its lampiran."""
    home = wilayah_daerah()
    provinsi = home.provinsi
    label = f"{Semester(semester).label} {tahun}"
    hal = f"Laporan Pelaksanaan Kerja Sama Daerah {label}"
    isi = [
        blok(
            "paragraf",
            f"Berdasarkan Pasal 27 ayat (2) {PERBUP}, bersama ini kami sampaikan laporan "
            f"pelaksanaan kerja sama daerah {home.nama_lengkap} {label}, meliputi "
            f"{len(laporan)} ({angka_kata(len(laporan))}) kerja sama daerah, sebagaimana "
            "terlampir, sebagai bahan evaluasi.",
        ),
        blok(
            "paragraf",
            "Demikian disampaikan, atas perhatian Bapak diucapkan terima kasih.",
        ),
    ]
    lampiran = []
    for i, lap in enumerate(laporan, 1):
        lampiran.append(blok("judul", f"{i}. {lap.judul} ({lap.ksdd.nomor_register})"))
        lampiran.append(blok("paragraf", f"Perangkat Daerah: {lap.ksdd.perangkat_daerah.nama}."))
        lampiran.extend(_bagian(lap, tanpa_judul=True))
    if not laporan:
        lampiran.append(blok("paragraf", "Tidak ada laporan semester yang disampaikan."))
    ttd = {"tempat_tanggal": "", "peran": "", "nip": ""} | _bupati(tanggal)
    c = konteks_rekaman(
        judul="",
        nomor=nomor,
        tanggal=tanggal,
        isi=isi,
        penanda="kepala",
        ttd=ttd,
        tembusan=["Ketua Tim Koordinasi Kerja Sama Daerah (TKKSD) Kabupaten Barito Selatan"],
    )
    c.update(
        bentuk="surat",
        sifat=SIFAT_BAWAAN[JenisDokumen.LAPORAN_BUPATI],
        lampiran=jumlah_lampiran(1, "berkas"),
        hal=hal,
        kepada=[
            f"Yth. Gubernur {provinsi.nama if provinsi else ''}".strip(),
            "selaku Wakil Pemerintah Pusat",
            *(di_wilayah(provinsi) if provinsi else di_tempat("")),
        ],
        lampiran_judul=[
            f"LAMPIRAN SURAT {home.sebutan_kepala.upper()} {home.nama.upper()}",
            f"NOMOR : {nomor}",
            f"TANGGAL : {tanggal_surat(tanggal)}",
            f"HAL : {hal}",
        ],
        lampiran_isi=[
            blok("judul", f"LAPORAN PELAKSANAAN KERJA SAMA DAERAH {label.upper()}"),
            *lampiran,
        ],
        lampiran_ttd=ttd,
    )
    return c


KOLOM_XLSX = [
    ("No.", 6),
    ("Nomor Register", 18),
    ("Perangkat Daerah", 28),
    ("a. Judul KSDD", 40),
    ("b. Bentuk Naskah", 40),
    ("c. Para Pihak", 40),
    ("d. Maksud dan Tujuan", 40),
    ("e. Objek", 36),
    ("f. Jangka Waktu", 30),
    ("g. Permasalahan", 40),
    ("h. Upaya Penyelesaian", 40),
    ("i. Hal Lainnya yang Disepakati", 40),
    ("Tanggal Disampaikan", 16),
]


def xlsx_laporan_bupati(laporan: list[LaporanSemester], *, tahun: int, semester: int) -> bytes:
    """P27-2, P27-3: one row per KSDD with the parts a–i, a frozen header row."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"Semester {'I' * semester} {tahun}"
    ws.append([k for k, _ in KOLOM_XLSX])
    for i, (_k, lebar) in enumerate(KOLOM_XLSX, 1):
        sel = ws.cell(row=1, column=i)
        sel.font = Font(bold=True, color="FFFFFF")
        sel.fill = PatternFill("solid", fgColor="1F4E79")
        sel.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[sel.column_letter].width = lebar
    for n, lap in enumerate(laporan, 1):
        ws.append(
            [n, lap.ksdd.nomor_register, lap.ksdd.perangkat_daerah.nama]
            + [getattr(lap, f) for f in LaporanSemester.BAGIAN]
            + [lap.tanggal_disampaikan]
        )
        for sel in ws[n + 1]:
            sel.alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(row=n + 1, column=len(KOLOM_XLSX)).number_format = "DD-MM-YYYY"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def konteks_laporan_tkksd(
    laporan: LaporanTkksd, ringkasan: dict, *, nomor: str, tanggal: dt.date
) -> dict:
    """P34-2j (and P34-3 for semester II): TKKSD's report to the Bupati on all KSDD: a
    cover letter from the Ketua TKKSD with the report, parts A–F, as its lampiran."""
    tahunan = laporan.jenis == JenisLaporanTkksd.TAHUNAN
    isi = [
        blok("judul", "A. Pendahuluan"),
        blok("paragraf", laporan.pendahuluan or "-"),
        blok("judul", "B. Keadaan Kerja Sama Daerah"),
        blok("paragraf", f"Jumlah KSDD yang tercatat: {ringkasan['jumlah']}."),
    ]
    for label, n in ringkasan["per_tahap"]:
        isi.append(blok("butir", f"{label}: {n}"))
    isi.append(
        blok(
            "paragraf",
            f"Laporan semester Perangkat Daerah (Pasal 27 ayat 1): {ringkasan['diterima']} "
            f"diterima dari {ringkasan['wajib']} KSDD dalam pelaksanaan.",
        )
    )
    for teks in ringkasan["belum"]:
        isi.append(blok("butir", f"Belum menyampaikan: {teks}"))
    for huruf, (judul, teks) in zip(
        "CDEF",
        [
            ("Pelaksanaan Tugas TKKSD", laporan.pelaksanaan_tugas),
            ("Rapat yang Diselenggarakan", laporan.rapat),
            ("Permasalahan", laporan.permasalahan),
            ("Saran dan Rekomendasi", laporan.rekomendasi),
        ],
        strict=True,
    ):
        isi.append(blok("judul", f"{huruf}. {judul}"))
        for baris in (teks or "-").splitlines() or ["-"]:
            isi.append(blok("paragraf", baris))
    jabatan = "KETUA TKKSD KABUPATEN BARITO SELATAN"
    periode = laporan.periode_label + (" dan Laporan Tahunan" if tahunan else "")
    lap = konteks_rekaman(
        judul="Laporan Tim Koordinasi Kerja Sama Daerah",
        subjudul=periode,
        nomor=nomor,
        tanggal=tanggal,
        isi=isi,
        ttd={"jabatan": jabatan + ",", **_ketua_tkksd(tanggal)},
    )
    return surat_pengantar(
        lap,
        pengirim=jabatan,
        hal=f"Laporan Tim Koordinasi Kerja Sama Daerah {periode}",
        kepada=_kepada_bupati(),
        tanggal=tanggal,
        isi=[
            blok(
                "paragraf",
                "Berdasarkan Pasal 34 ayat (2) huruf j"
                + (" dan ayat (3)" if tahunan else "")
                + f" {PERBUP}, bersama ini Tim Koordinasi Kerja Sama Daerah menyampaikan "
                f"laporan {laporan.periode_label}"
                + (" sekaligus laporan tahunan" if tahunan else "")
                + " sebagaimana terlampir.",
            ),
            blok(
                "paragraf",
                "Demikian laporan ini disampaikan, atas perhatian Bapak diucapkan terima kasih.",
            ),
        ],
    )
