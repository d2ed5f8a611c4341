"""Demo plan lists: the Kerja Sama Wajib list for 2026 (set with its Berita Acara) and
the Kerja Sama Sukarela list for 2027 still being drafted. Idempotent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from kersa.agreements.choices import Kategori
from kersa.agreements.models import Ksdd, Urusan
from kersa.agreements.services import ksdd_update
from kersa.core.errors import KersaError
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.planning import services
from kersa.planning.choices import ForumProvinsi, Prioritas, StatusIdentifikasi
from kersa.planning.models import Identifikasi
from kersa.regions.models import PerangkatDaerah, Wilayah


def _pd(nama: str, singkatan: str, **extra) -> PerangkatDaerah:
    pd = PerangkatDaerah.objects.filter(nama__iexact=nama).first()
    return pd or PerangkatDaerah.objects.create(nama=nama, singkatan=singkatan, **extra)


def _u(kode: str) -> Urusan:
    return Urusan.objects.get(kode=kode)


def _w(*kodes: str) -> list[Wilayah]:
    return list(Wilayah.objects.filter(kode__in=kodes))


def _daftar_mulai(
    pemeran, bappeda, *, kategori: str, tahun: int, tanggal_mulai: dt.date, butir, **extra
) -> tuple[Identifikasi, bool]:
    """The plan list of ``kategori`` for ``tahun``: the one already there (``False``), or a
    new one started with its items (``True``)."""
    ident = Identifikasi.objects.filter(kategori=kategori, tahun_rencana=tahun).first()
    if ident is not None:
        return ident, False
    user = pemeran.sekretariat
    ident = services.identifikasi_mulai(
        user=user,
        kategori=kategori,
        tahun_rencana=tahun,
        tanggal_mulai=tanggal_mulai,
        perangkat_perencanaan=bappeda,
        perangkat_terlibat=list(PerangkatDaerah.objects.filter(aktif=True)),
        **extra,
    )
    for data in butir():
        services.butir_tambah(identifikasi=ident, user=user, **data)
    return ident, True


def _butir_wajib_2026(pemeran) -> list[dict]:
    dinkes = pemeran.operator.perangkat_daerah
    pupr = pemeran.operator_lain.perangkat_daerah
    return [
        {
            "urusan": _u("a.3"),
            "program": "Program Penyelenggaraan Jalan",
            "kegiatan": "Peningkatan jalan poros perbatasan Buntok–Ampah (ruas Patas–Ampah)",
            "perangkat_daerah": pupr,
            "mitra": _w("62.13"),
            "jangka_waktu_bulan": 36,
            "prioritas": Prioritas.TINGGI,
            "perkiraan_anggaran": Decimal("18500000000"),
            "dokumen_rencana": "RKPD Kabupaten Barito Selatan Tahun 2026",
            "forum_provinsi": ForumProvinsi.MUSRENBANG,
            "tanggal_forum": dt.date(2025, 4, 15),
        },
        {
            "urusan": _u("a.2"),
            "program": "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
            "kegiatan": "Sistem rujukan terpadu RSUD Jaraga Sasameh dan RSUD Muara Teweh",
            "perangkat_daerah": dinkes,
            "mitra": _w("62.05"),
            "jangka_waktu_bulan": 24,
            "prioritas": Prioritas.TINGGI,
            "perkiraan_anggaran": Decimal("2750000000"),
            "dokumen_rencana": "Renstra Dinas Kesehatan 2025–2029",
            "forum_provinsi": ForumProvinsi.RAKORTEK,
            "tanggal_forum": dt.date(2025, 4, 22),
        },
        {
            "urusan": _u("b.5"),
            "program": "Program Pengendalian Pencemaran dan/atau Kerusakan Lingkungan Hidup",
            "kegiatan": "Pemantauan bersama kualitas air Sungai Barito",
            "perangkat_daerah": pupr,
            "mitra": _w("62.05", "62.03"),
            "jangka_waktu_bulan": 12,
            "prioritas": Prioritas.SEDANG,
            "dokumen_rencana": "RKPD Kabupaten Barito Selatan Tahun 2026",
            "forum_provinsi": ForumProvinsi.RAKORTEK,
            "tanggal_forum": dt.date(2025, 4, 22),
        },
    ]


def _butir_sukarela_2027() -> list[dict]:
    return [
        {
            "urusan": _u("c.2"),
            "program": "Program Pemasaran Pariwisata",
            "kegiatan": "Paket wisata susur Sungai Barito bersama Kota Palangka Raya",
            "perangkat_daerah": _pd("Dinas Kebudayaan dan Pariwisata", "Disbudpar"),
            "mitra": _w("62.71"),
            "jangka_waktu_bulan": 24,
            "prioritas": Prioritas.SEDANG,
            "dokumen_rencana": "Rancangan RKPD 2027",
        },
        {
            "urusan": _u("b.10"),
            "program": "Program Aplikasi Informatika",
            "kegiatan": "Berbagi pusat data dan layanan SPBE dengan Kabupaten Tabalong",
            "perangkat_daerah": _pd("Dinas Komunikasi dan Informatika", "Diskominfo"),
            "mitra": _w("63.09"),
            "jangka_waktu_bulan": 36,
            "prioritas": Prioritas.RENDAH,
        },
    ]


def _wajib_2026(pemeran, bappeda) -> Identifikasi:
    ident, baru = _daftar_mulai(
        pemeran,
        bappeda,
        kategori=Kategori.WAJIB,
        tahun=2026,
        tanggal_mulai=dt.date(2025, 2, 3),
        butir=lambda: _butir_wajib_2026(pemeran),
        catatan="Rapat koordinasi identifikasi bersama Bappedalitbang, 3 dan 10 Februari 2025.",
    )
    if baru:
        services.identifikasi_tetapkan(
            identifikasi=ident,
            user=pemeran.sekretariat,
            nomor_berita_acara="000.1.5/12/Pem/2025",
            tanggal_berita_acara=dt.date(2025, 5, 20),
        )
    return ident


def _sukarela_2027(pemeran, bappeda) -> Identifikasi:
    return _daftar_mulai(
        pemeran,
        bappeda,
        kategori=Kategori.SUKARELA,
        tahun=2027,
        tanggal_mulai=dt.date(2026, 1, 12),
        butir=_butir_sukarela_2027,
    )[0]


def _kaitkan_ksdd(pemeran, ident: Identifikasi) -> int:
    """Link a demo Wajib KSDD with Barito Timur to the road item (P5-2), when there is one."""

    if ident.status != StatusIdentifikasi.DITETAPKAN:
        return 0
    butir = ident.butir.filter(mitra__kode="62.13").first()
    if butir is None or butir.ksdd.exists():
        return 0
    ksdd = (
        Ksdd.objects.filter(kategori=Kategori.WAJIB, mitra__kode="62.13", butir_rencana=None)
        .order_by("pk")
        .first()
    )
    if ksdd is None or ksdd.sudah_berakhir:
        return 0
    try:
        ksdd_update(ksdd=ksdd, user=pemeran.sekretariat, butir_rencana=butir)
    except KersaError:
        return 0
    return 1


def demo_muat(pemeran) -> dict:

    penomoran_muat_default()
    bappeda = _pd(
        "Badan Perencanaan Pembangunan Daerah, Penelitian dan Pengembangan",
        "Bappedalitbang",
        kepala_jabatan="Kepala Bappedalitbang",
    )
    wajib = _wajib_2026(pemeran, bappeda)
    sukarela = _sukarela_2027(pemeran, bappeda)
    return {
        "identifikasi": Identifikasi.objects.count(),
        "wajib_2026": wajib.pk,
        "sukarela_2027": sukarela.pk,
        "ksdd_dikaitkan": _kaitkan_ksdd(pemeran, wajib),
    }
