"""Demo records of monitoring and evaluation (Pasal 28) and disputes (Pasal 29–30),
idempotent: the running semester's monitoring of the first agency running KSDD (finished,
one finding followed up) and one dispute settled by musyawarah and reported to the
Bupati. Wired into ``muat_demo`` by the lead."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from kersa.agreements.choices import Status
from kersa.agreements.models import Ksdd
from kersa.documents.contoh import unggahan_pdf
from kersa.oversight import services
from kersa.oversight.models import MonitoringEvaluasi, Perselisihan


def demo_muat(pemeran) -> dict:
    """Create the demo records when a KSDD is in pelaksanaan; returns what was created."""
    dibuat = {"monev": 0, "perselisihan": 0}
    hari = timezone.localdate()
    tahun, semester = hari.year, 1 if hari.month <= 6 else 2
    ksdd = (
        Ksdd.objects.filter(status=Status.PELAKSANAAN)
        .select_related("perangkat_daerah")
        .order_by("nomor_register")
        .first()
    )
    if ksdd is None:
        return dibuat
    pd = ksdd.perangkat_daerah
    awal = dt.date(tahun, 1 if semester == 1 else 7, 1)
    if not MonitoringEvaluasi.objects.filter(
        perangkat_daerah=pd, tahun=tahun, semester=semester
    ).exists():
        m = services.monev_catat(
            perangkat_daerah=pd,
            tahun=tahun,
            semester=semester,
            tanggal_pelaksanaan=max(awal, hari - dt.timedelta(days=3)),
            ksdd=list(Ksdd.objects.filter(perangkat_daerah=pd, status=Status.PELAKSANAAN)),
            user=pemeran.sekretariat,
        )
        t = services.temuan_catat(
            monev=m,
            ksdd=ksdd,
            uraian="Rujukan pasien dari desa perbatasan melebihi kuota 40 pasien per bulan.",
            rekomendasi="Tinjau kuota rujukan bersama daerah mitra melalui rapat koordinasi.",
            user=pemeran.sekretariat,
        )
        services.monev_selesaikan(
            monev=m,
            user=pemeran.sekretariat,
            tanggal=hari,
            ringkasan="KSDD berjalan sesuai PKS; satu temuan tentang kuota rujukan.",
        )
        services.temuan_tindak_lanjut(
            temuan=t,
            tindak_lanjut="Kuota sementara dinaikkan menjadi 50 pasien per bulan.",
            tanggal=hari,
            user=pemeran.sekretariat,
        )
        dibuat["monev"] += 1
    if not Perselisihan.objects.filter(ksdd=ksdd).exists():
        user = (
            pemeran.operator
            if pd.pk == pemeran.operator.perangkat_daerah_id
            else pemeran.sekretariat
        )
        timbul = max(awal, hari - dt.timedelta(days=10))
        p = services.perselisihan_catat(
            ksdd=ksdd,
            tanggal_timbul=timbul,
            uraian="Daerah mitra menunda pembayaran kompensasi layanan rujukan triwulan berjalan.",
            pihak=list(ksdd.mitra.all()),
            user=user,
        )
        services.perselisihan_berkas_tambah(
            perselisihan=p,
            upload=unggahan_pdf("salinan-pks.pdf", "Salinan Perjanjian Kerja Sama"),
            keterangan="Salinan Perjanjian Kerja Sama dan bukti tagihan",
            user=user,
        )
        services.perselisihan_musyawarah_catat(
            perselisihan=p,
            tanggal=max(timbul, hari - dt.timedelta(days=2)),
            tempat=f"Aula {pd.nama}, Buntok",
            hasil="Daerah mitra melunasi kompensasi paling lambat akhir bulan berikutnya.",
            mufakat=True,
            user=user,
        )
        if pd.kepala_nama and pd.kepala_jabatan:
            p = services.perselisihan_selesaikan(
                perselisihan=p,
                tanggal=hari,
                hasil="Kompensasi dilunasi paling lambat akhir bulan berikutnya.",
                user=user,
            )
            services.perselisihan_laporkan(perselisihan=p, tanggal=hari, user=user)
        dibuat["perselisihan"] += 1
    return dibuat
