"""Demo TKKSD: the 2025 decrees with their offices and holders, the 2026 work programme
and the Rapat Pleno of 2026 that set it, with its Berita Acara and Notulen. Idempotent."""

from __future__ import annotations

import datetime as dt

from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd
from kersa.documents.services.penomoran import penomoran_muat_default
from kersa.governance.choices import JenisAgenda, JenisKeputusan, JenisRapat, Kedudukan
from kersa.governance.models import AgendaRapat, KeputusanBupati, ProgramKerja, Rapat
from kersa.governance.services import (
    agenda_tambah,
    kegiatan_tambah,
    keputusan_catat,
    pemangku_angkat,
    program_kerja_buat,
    rapat_dokumen_hasilkan,
    rapat_hasil_catat,
    rapat_jadwalkan,
    rapat_undangan_hasilkan,
)

NOMOR_TKKSD = "188.45/112/2025"
NOMOR_TIM_TEKNIS = "188.45/113/2025"
BERLAKU = dt.date(2025, 1, 6)
TANGGAL_PLENO = dt.date(2026, 3, 10)  # a Tuesday

# Holders of the offices of Pasal 35 ayat (1), in the order of JABATAN_TKKSD.
PEJABAT_TKKSD = [
    ("Edy Purwanto, S.Sos., M.Si.", "197003121993031007", "Pembina Utama Madya (IV/d)"),
    ("Drs. Yusuf Riadi, M.AP.", "196808151994031012", "Pembina Utama Muda (IV/c)"),
    ("Nurul Hasanah, S.IP., M.Si.", "198104222005012004", "Pembina (IV/a)"),
    ("Ir. Darmawan Saleh, M.T.", "196911031996031005", "Pembina Utama Muda (IV/c)"),
    ("Ahmad Fauzi, S.E., M.M.", "197505172000031006", "Pembina Tingkat I (IV/b)"),
    ("Hj. Rusmiati, S.E., M.Ak.", "197409261999032003", "Pembina Tingkat I (IV/b)"),
    ("Gusti Hendra Wijaya, S.H., M.H.", "197201141997031004", "Pembina Utama Muda (IV/c)"),
    ("Fitriani Lestari, S.H.", "198307092008012011", "Penata Tingkat I (III/d)"),
]
PEJABAT_TIM_TEKNIS = [
    ("Rizky Maulana, S.STP.", "199002142012061001"),
    ("Desi Anggraini, S.E.", "198812052011012008"),
    ("Yulius Tamba, S.Ak.", "199107302015031002"),
    ("Sri Wahyuni, S.E.", "198906112014022003"),
    ("Andi Pratama, S.H.", "199204182019031005"),
    ("Maria Ulfah, S.Sos.", "199111262018012002"),
]
KEGIATAN_2026 = [
    ("Pemetaan KSDD dan sinergi tahun 2027", "b", 1, "Bagian Pemerintahan"),
    ("Penilaian KAK pemrakarsa dan penawaran daerah mitra", "e", 2, "Tim Teknis TKKSD"),
    ("Penyusunan rancangan KB dan PKS", "f", 2, "Tim Teknis TKKSD"),
    ("Fasilitasi persetujuan DPRD", "i", 3, "Sekretaris TKKSD"),
    ("Laporan semester dan laporan tahunan pelaksanaan KSDD", "j", 4, "Sekretaris TKKSD"),
]


def tkksd_demo(user) -> KeputusanBupati:
    """The TKKSD decree of 2025 with its Tim Teknis, every office filled from BERLAKU."""

    kep = KeputusanBupati.objects.filter(nomor=NOMOR_TKKSD).first()
    if kep is not None:
        return kep
    kep = keputusan_catat(
        jenis=JenisKeputusan.TKKSD,
        nomor=NOMOR_TKKSD,
        tanggal=dt.date(2025, 1, 3),
        tentang="Pembentukan Tim Koordinasi Kerja Sama Daerah Kabupaten Barito Selatan",
        berlaku_mulai=BERLAKU,
        user=user,
    )
    for jabatan, (nama, nip, pangkat) in zip(kep.jabatan.all(), PEJABAT_TKKSD, strict=True):
        pemangku_angkat(
            jabatan=jabatan, nama=nama, nip=nip, pangkat=pangkat, mulai=BERLAKU, user=user
        )
    tt = keputusan_catat(
        jenis=JenisKeputusan.TIM_TEKNIS,
        nomor=NOMOR_TIM_TEKNIS,
        tanggal=dt.date(2025, 1, 3),
        tentang="Pembentukan Tim Teknis TKKSD Kabupaten Barito Selatan",
        berlaku_mulai=BERLAKU,
        user=user,
    )
    for jabatan, (nama, nip) in zip(tt.jabatan.all(), PEJABAT_TIM_TEKNIS, strict=True):
        pemangku_angkat(jabatan=jabatan, nama=nama, nip=nip, mulai=BERLAKU, user=user)
    return kep


def demo_muat(pemeran) -> dict:

    user = pemeran.sekretariat
    penomoran_muat_default()
    dibuat = {"keputusan": 0, "rapat": 0}
    if not KeputusanBupati.objects.filter(nomor=NOMOR_TKKSD).exists():
        dibuat["keputusan"] = 2
    tkksd_demo(user)
    program = ProgramKerja.objects.filter(tahun=2026).first()
    if program is None:
        program = program_kerja_buat(tahun=2026, user=user, catatan="Disusun dalam Rapat Teknis.")
        for uraian, tugas, tw, pj in KEGIATAN_2026:
            kegiatan_tambah(
                program=program,
                uraian=uraian,
                tugas=tugas,
                triwulan=tw,
                penanggung_jawab=pj,
                user=user,
            )
    if not Rapat.objects.filter(jenis=JenisRapat.PLENO, tanggal=TANGGAL_PLENO).exists():
        rapat = rapat_jadwalkan(
            jenis=JenisRapat.PLENO,
            tanggal=TANGGAL_PLENO,
            waktu_mulai=dt.time(9, 0),
            tempat="Aula Sekretariat Daerah Kabupaten Barito Selatan, Buntok",
            user=user,
        )
        a = agenda_tambah(
            rapat=rapat,
            judul="Penetapan Program Kerja TKKSD Tahun 2026",
            jenis=JenisAgenda.PROGRAM_KERJA,
            tugas="a",
            program_kerja=program,
            user=user,
        )
        kehadiran = {
            k.pk: {"hadir": True}
            for k in rapat.kehadiran.select_related("jabatan")
            if k.jabatan.nama_jabatan != "Kepala Bagian Hukum"
        }
        ketua = rapat.keputusan.jabatan.get(kedudukan=Kedudukan.KETUA)
        rapat_hasil_catat(
            rapat=rapat,
            user=user,
            kehadiran=kehadiran,
            pimpinan=ketua,
            ringkasan=(
                "Rapat dibuka oleh Ketua TKKSD pukul 09.00 WIB.\n"
                "Sekretaris TKKSD memaparkan rancangan program kerja hasil Rapat Teknis.\n"
                "Peserta menyepakati program kerja dengan penambahan kegiatan pemetaan."
            ),
            keputusan={
                a.pk: {
                    "uraian": "Program Kerja TKKSD Tahun 2026 ditetapkan sebagaimana terlampir.",
                    "pembahasan": "Kepala Bappeda meminta pemetaan KSDD selaras dengan RKPD 2027.",
                    "tindak_lanjut": "Sekretariat TKKSD menyampaikan program kerja kepada Bupati.",
                }
            },
        )
        rapat_dokumen_hasilkan(rapat=rapat, user=user)
        dibuat["rapat"] = 1
    dibuat["rapat"] += _rapat_teknis_mendatang(user)
    return dibuat


JUDUL_TEKNIS = "Penilaian KAK Angkutan Sungai Terpadu Buntok – Marabahan"


def _rapat_teknis_mendatang(user) -> int:
    """A Rapat Teknis a few working days ahead on the KAK waiting for TKKSD (Pasal 38
    ayat 3), so the demo has a meeting still to be held and recorded."""
    from django.utils import timezone

    if AgendaRapat.objects.filter(judul=JUDUL_TEKNIS).exists():
        return 0
    ksdd = Ksdd.objects.filter(status=Status.KAK_DIAJUKAN).order_by("pk").first()
    tanggal = timezone.localdate() + dt.timedelta(days=5)
    while tanggal.weekday() >= 5:
        tanggal += dt.timedelta(days=1)
    rapat = rapat_jadwalkan(
        jenis=JenisRapat.TEKNIS,
        tanggal=tanggal,
        waktu_mulai=dt.time(9, 0),
        tempat="Ruang Rapat Bagian Pemerintahan Setda Kabupaten Barito Selatan",
        user=user,
    )
    agenda_tambah(
        rapat=rapat,
        judul=JUDUL_TEKNIS,
        jenis=JenisAgenda.LAINNYA,
        tugas="e",
        ksdd=ksdd,
        user=user,
    )
    rapat_undangan_hasilkan(rapat=rapat, user=user)
    return 1
