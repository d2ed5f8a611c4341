"""Demo records of the reporting room (idempotent): semester reports of the running
KSDD (one sent, the others drafts), the Bupati's report of the semester and a TKKSD
report draft. Wired into ``muat_demo`` by the lead."""

from __future__ import annotations

from django.utils import timezone

from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd
from kersa.reporting import services
from kersa.reporting.models import LaporanSemester, LaporanTkksd, ProsesLaporan
from kersa.reporting.selectors import periode_dari

_ISIAN = {
    "permasalahan": (
        "Jumlah rujukan pasien dari desa perbatasan melebihi kuota yang disepakati "
        "(rata-rata 46 pasien per bulan dari kuota 40)."
    ),
    "upaya_penyelesaian": (
        "Rapat koordinasi para pihak pada bulan keempat semester menyepakati penambahan "
        "kuota sementara dan jadwal ambulans bergilir."
    ),
    "hal_lainnya": "Para pihak sepakat melakukan evaluasi bersama pada akhir tahun anggaran.",
}


def demo_muat(pemeran) -> dict:
    """Create the demo reports for the running semester; returns what was created."""
    tahun, semester = periode_dari(None)
    dibuat = {"laporan_semester": 0, "laporan_bupati": 0, "laporan_tkksd": 0}
    berjalan = Ksdd.objects.filter(status=Status.PELAKSANAAN).select_related("perangkat_daerah")
    for i, ksdd in enumerate(berjalan.order_by("nomor_register")):
        if LaporanSemester.objects.filter(ksdd=ksdd, tahun=tahun, semester=semester).exists():
            continue
        operator = (
            pemeran.operator
            if ksdd.perangkat_daerah_id == pemeran.operator.perangkat_daerah_id
            else pemeran.sekretariat
        )
        lap = services.laporan_semester_buat(
            ksdd=ksdd, tahun=tahun, semester=semester, user=operator
        )
        dibuat["laporan_semester"] += 1
        if i == 0:
            services.laporan_semester_ubah(laporan=lap, user=operator, **_ISIAN)
            services.laporan_semester_sampaikan(laporan=lap, user=operator)
    if not ProsesLaporan.objects.filter(tahun=tahun, semester=semester).exists():
        proses = ProsesLaporan.objects.create(
            tahun=tahun, semester=semester, dibuat_oleh=pemeran.sekretariat
        )
        services.proses_laporan_bupati_jalankan(proses_id=proses.pk, tanggal=timezone.localdate())
        dibuat["laporan_bupati"] += 1
    if not LaporanTkksd.objects.filter(tahun=tahun, semester=semester).exists():
        services.laporan_tkksd_buat(
            tahun=tahun,
            semester=semester,
            user=pemeran.sekretariat,
            pendahuluan=(
                "Laporan ini disusun berdasarkan Pasal 34 ayat (2) huruf j Peraturan Bupati "
                "Barito Selatan Nomor 23 Tahun 2023 tentang Pedoman Pelaksanaan Kerja Sama "
                "Daerah dengan Daerah Lain."
            ),
            pelaksanaan_tugas="TKKSD menelaah KAK dan mendampingi penyusunan naskah KSDD.",
        )
        dibuat["laporan_tkksd"] += 1
    return dibuat
