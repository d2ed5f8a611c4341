"""Demo records of pembinaan (Pasal 31, 40–44), idempotent: the APKASI membership since
2019 and a Barito regional forum, a sosialisasi in February 2026 for Dinas Kesehatan and
Dinas PUPR and an asistensi on a running KSDD, funding assistance for the first Wajib
KSDD in pelaksanaan, and a Sekretariat Kerja Sama when a demo KSDD qualifies (P40-2).
Wired into ``muat_demo`` by the lead."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from kersa.agreements.choices import Kategori, Status
from kersa.agreements.models import BantuanPendanaan, Ksdd
from kersa.agreements.services import bantuan_pendanaan_tambah
from kersa.oversight import services
from kersa.oversight.choices import BentukPembinaan, JenisAsosiasi
from kersa.oversight.models import KeanggotaanAsosiasi, KegiatanPembinaan
from kersa.oversight.selectors.pembinaan import sekretariat_layak, sekretariat_memenuhi_syarat

ASOSIASI = [
    {
        "jenis": JenisAsosiasi.APKASI,
        "nama": "Asosiasi Pemerintah Kabupaten Seluruh Indonesia (APKASI)",
        "dasar": "Keputusan Bupati Barito Selatan tentang Keanggotaan APKASI",
        "mulai": dt.date(2019, 1, 1),
        "iuran_tahunan": Decimal("50000000"),
    },
    {
        "jenis": JenisAsosiasi.WADAH_WAJIB,
        "nama": "Forum Kerja Sama Daerah Kawasan Barito",
        "dasar": "Kesepakatan Bersama Bupati Barito Selatan, Barito Timur dan Barito Utara",
        "mulai": dt.date(2024, 8, 12),
        "iuran_tahunan": None,
        "keterangan": "Wadah koordinasi pelayanan kesehatan rujukan dan jalan poros antarkabupaten.",
    },
]


def demo_muat(pemeran) -> dict:
    """Create what is missing; returns how many of each were created."""
    dibuat = {"asosiasi": 0, "kegiatan": 0, "bantuan": 0, "sekretariat": 0}
    user = pemeran.sekretariat
    for a in ASOSIASI:
        if not KeanggotaanAsosiasi.objects.filter(nama=a["nama"]).exists():
            services.keanggotaan_tambah(user=user, **a)
            dibuat["asosiasi"] += 1

    dinkes = pemeran.operator.perangkat_daerah
    pupr = pemeran.operator_lain.perangkat_daerah
    berjalan = list(
        Ksdd.objects.filter(status=Status.PELAKSANAAN, kategori=Kategori.WAJIB).order_by(
            "nomor_register"
        )
    )
    kegiatan = [
        {
            "bentuk": BentukPembinaan.SOSIALISASI,
            "judul": "Sosialisasi Peraturan Bupati Barito Selatan Nomor 23 Tahun 2023 "
            "tentang Pedoman Pelaksanaan Kerja Sama Daerah dengan Daerah Lain",
            "tanggal": dt.date(2026, 2, 11),
            "tempat": "Aula Bappedalitbang Kabupaten Barito Selatan, Buntok",
            "narasumber": "Bagian Pemerintahan Sekretariat Daerah",
            "peserta": [pd for pd in (dinkes, pupr) if pd],
            "ksdd": [],
            "ringkasan": "Tahapan KSDD (Pasal 13), penyusunan KAK (Pasal 14) dan laporan "
            "semester pelaksanaan (Pasal 27).",
        },
        {
            "bentuk": BentukPembinaan.ASISTENSI,
            "judul": "Asistensi penyusunan laporan semester KSDD pelayanan kesehatan rujukan",
            "tanggal": dt.date(2026, 7, 8),
            "tempat": "Dinas Kesehatan Kabupaten Barito Selatan",
            "narasumber": "Sekretariat TKKSD",
            "peserta": [pd for pd in (dinkes,) if pd],
            "ksdd": berjalan[:1],
            "ringkasan": "Data rujukan pasien per bulan dipisahkan menurut desa asal.",
        },
    ]
    for k in kegiatan:
        if k["tanggal"] > timezone.localdate() or not k["peserta"]:
            continue
        if not KegiatanPembinaan.objects.filter(judul=k["judul"], tanggal=k["tanggal"]).exists():
            services.kegiatan_pembinaan_tambah(user=user, **k)
            dibuat["kegiatan"] += 1

    if berjalan and not BantuanPendanaan.objects.filter(ksdd=berjalan[0]).exists():
        k = berjalan[0]
        mitra = k.mitra.order_by("kode").first()
        if mitra is not None:
            bantuan_pendanaan_tambah(
                ksdd=k,
                user=user,
                mitra=mitra,
                jumlah=Decimal("125000000"),
                tahun_anggaran=timezone.localdate().year,
                perangkat_daerah=k.perangkat_daerah,
                keterangan="Bantuan operasional ambulans rujukan di desa perbatasan.",
            )
            dibuat["bantuan"] += 1

    for k in Ksdd.objects.filter(kategori=Kategori.WAJIB, sekretariat_kerja_sama__isnull=True):
        if sekretariat_layak(sekretariat_memenuhi_syarat(k, terus_menerus=True)):
            services.sekretariat_catat(
                ksdd=k,
                user=user,
                terus_menerus=True,
                nama=f"Sekretariat Kerja Sama {k.judul[:150]}",
                nomor_kesepakatan=f"100.3.7/{k.pk}/KB/BS/{timezone.localdate().year}",
                tanggal_kesepakatan=timezone.localdate(),
                hibah_tahunan=Decimal("150000000"),
            )
            dibuat["sekretariat"] += 1
            break
    return dibuat
