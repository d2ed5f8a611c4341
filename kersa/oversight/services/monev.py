"""Writes of the monitoring and evaluation of agencies running KSDD (Pasal 28; P28).

Every status change is a ``RiwayatMonev`` row; a refusal is a ``RuleViolation``
citing Pasal 28; finishing a monitoring meets its semester clock in the same transaction.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements.choices import Status
from kersa.core.errors import Pelanggaran, RuleViolation, tolak_jika
from kersa.core.format import bahasa_dokumen, tanggal_panjang
from kersa.core.regulasi import PERBUP
from kersa.core.roles import pastikan_izin
from kersa.core.status import catat_awal, pindah
from kersa.deadlines.pemicu import kunci_tenggat_monev
from kersa.deadlines.services import tenggat_penuhi
from kersa.documents.choices import JenisDokumen
from kersa.documents.konteks.surat import blok, konteks_rekaman
from kersa.documents.services import dokumen_rekaman, rekaman_hasilkan
from kersa.regions.models import PerangkatDaerah

from ..models import MonitoringEvaluasi, StatusMonev, StatusTemuan, TemuanMonev

__all__ = [
    "kunci_tenggat_monev",
    "monev_hasilkan",
    "monev_catat",
    "monev_selesaikan",
    "temuan_catat",
    "temuan_tindak_lanjut",
]


def _semester_dari(tanggal: dt.date) -> tuple[int, int]:
    return tanggal.year, 1 if tanggal.month <= 6 else 2


def monev_catat(
    *,
    perangkat_daerah,
    tahun: int,
    semester: int,
    tanggal_pelaksanaan: dt.date,
    ksdd: list,
    ringkasan: str = "",
    user,
) -> MonitoringEvaluasi:
    """Record the monitoring of one agency for one semester (Pasal 28 ayat 1): the KSDD
    reviewed must be the agency's KSDD in pelaksanaan; one record per agency per semester."""
    pastikan_izin(
        user,
        "oversight.kelola_monev",
        _("Anda tidak berwenang mengelola monitoring dan evaluasi KSDD."),
    )
    masalah = []
    if semester not in (1, 2):
        masalah.append(
            Pelanggaran(
                "P28",
                _("Semester harus I atau II (Pasal 28 ayat 1: setiap semester)."),
                field="semester",
            )
        )
    elif _semester_dari(tanggal_pelaksanaan) != (tahun, semester):
        masalah.append(
            Pelanggaran(
                "P28",
                _(
                    "Tanggal pelaksanaan harus berada dalam semester yang dimonitor "
                    "(Pasal 28 ayat 1: setiap semester pada tahun berkenaan)."
                ),
                field="tanggal_pelaksanaan",
            )
        )
    if not ksdd:
        masalah.append(
            Pelanggaran(
                "P28",
                _("Pilih paling sedikit satu KSDD yang dimonitor (Pasal 28 ayat 1)."),
                field="ksdd",
            )
        )
    for k in ksdd:
        if k.perangkat_daerah_id != perangkat_daerah.pk or k.status != Status.PELAKSANAAN:
            masalah.append(
                Pelanggaran(
                    "P28",
                    _(
                        "KSDD %(k)s bukan KSDD dalam pelaksanaan pada %(pd)s; monitoring dan "
                        "evaluasi dilakukan terhadap Perangkat Daerah yang melaksanakan KSDD "
                        "(Pasal 28 ayat 1)."
                    )
                    % {"k": k.nomor_register, "pd": perangkat_daerah},
                    field="ksdd",
                )
            )
    tolak_jika(masalah)
    duplikat = Pelanggaran(
        "P28",
        _(
            "Monitoring dan evaluasi %(pd)s untuk semester %(s)s sudah dicatat; satu "
            "monitoring per Perangkat Daerah per semester (Pasal 28 ayat 1)."
        )
        % {"pd": perangkat_daerah, "s": f"{tahun}-{semester}"},
        field="semester",
    )
    if MonitoringEvaluasi.objects.filter(
        perangkat_daerah=perangkat_daerah, tahun=tahun, semester=semester
    ).exists():
        raise RuleViolation(duplikat)
    try:
        with transaction.atomic():
            monev = MonitoringEvaluasi.objects.create(
                perangkat_daerah=perangkat_daerah,
                tahun=tahun,
                semester=semester,
                tanggal_pelaksanaan=tanggal_pelaksanaan,
                ringkasan=ringkasan.strip(),
                dibuat_oleh=user,
            )
            monev.ksdd.set(ksdd)
            catat_awal(
                monev,
                oleh=user,
                alasan=_("Monitoring dan evaluasi dilaksanakan %s.")
                % tanggal_panjang(tanggal_pelaksanaan),
            )
    except IntegrityError as exc:  # two clicks at the same instant
        raise RuleViolation(duplikat) from exc
    return monev


def _masih_dicatat(monev: MonitoringEvaluasi) -> None:
    if monev.status != StatusMonev.DICATAT:
        raise RuleViolation(
            Pelanggaran(
                "P28",
                _("Monitoring dan evaluasi ini sudah selesai dan tidak dapat diubah (Pasal 28)."),
            )
        )


def temuan_catat(
    *, monev: MonitoringEvaluasi, ksdd, uraian: str, rekomendasi: str, user
) -> TemuanMonev:
    """Add a finding with its recommendation on one of the KSDD reviewed."""
    pastikan_izin(
        user,
        "oversight.kelola_monev",
        _("Anda tidak berwenang mengelola monitoring dan evaluasi KSDD."),
    )
    with transaction.atomic():
        monev = MonitoringEvaluasi.objects.select_for_update().get(pk=monev.pk)
        _masih_dicatat(monev)
        tolak_jika(
            [
                Pelanggaran(
                    "P28",
                    _("Temuan harus mengenai KSDD yang dimonitor (Pasal 28 ayat 1)."),
                    field="ksdd",
                )
            ]
            if not monev.ksdd.filter(pk=ksdd.pk).exists()
            else []
        )
        return TemuanMonev.objects.create(
            monev=monev, ksdd=ksdd, uraian=uraian.strip(), rekomendasi=rekomendasi.strip()
        )


def temuan_tindak_lanjut(
    *, temuan: TemuanMonev, tindak_lanjut: str, tanggal: dt.date, user
) -> TemuanMonev:
    """Record the follow-up of a finding (later, even after the monitoring is finished)."""
    pastikan_izin(
        user,
        "oversight.kelola_monev",
        _("Anda tidak berwenang mengelola monitoring dan evaluasi KSDD."),
    )
    with transaction.atomic():
        temuan = TemuanMonev.objects.select_for_update().select_related("monev").get(pk=temuan.pk)
        masalah = []
        if temuan.status == StatusTemuan.DITINDAKLANJUTI:
            masalah.append(
                Pelanggaran(
                    "P28",
                    _(
                        "Tindak lanjut temuan ini sudah dicatat pada %s (Pasal 28); "
                        "muat ulang halaman untuk melihatnya."
                    )
                    % tanggal_panjang(temuan.tanggal_tindak_lanjut),
                    field="tindak_lanjut",
                )
            )
        if not tindak_lanjut.strip():
            masalah.append(
                Pelanggaran(
                    "P28",
                    _("Uraikan tindak lanjut temuan monitoring dan evaluasi (Pasal 28)."),
                    field="tindak_lanjut",
                )
            )
        if tanggal < temuan.monev.tanggal_pelaksanaan:
            masalah.append(
                Pelanggaran(
                    "P28",
                    _("Tindak lanjut tidak dapat mendahului monitoring dan evaluasi (Pasal 28)."),
                    field="tanggal",
                )
            )
        tolak_jika(masalah)
        temuan.tindak_lanjut = tindak_lanjut.strip()
        temuan.tanggal_tindak_lanjut = tanggal
        temuan.status = StatusTemuan.DITINDAKLANJUTI
        temuan.tindak_lanjut_oleh = user
        temuan.tindak_lanjut_dicatat_pada = timezone.now()
        temuan.save()
    return temuan


def _konteks_laporan(monev: MonitoringEvaluasi, *, nomor: str, tanggal: dt.date) -> dict:

    pd = monev.perangkat_daerah
    isi = [
        blok(
            "paragraf",
            f"Berdasarkan Pasal 28 {PERBUP}, "
            f"pada tanggal {tanggal_panjang(monev.tanggal_pelaksanaan)} telah dilaksanakan "
            f"monitoring dan evaluasi {monev.periode_label} terhadap {pd.nama} selaku "
            "Perangkat Daerah yang melaksanakan Kerja Sama Daerah.",
        ),
        blok("judul", "A. KSDD yang dimonitor"),
    ]
    for i, k in enumerate(monev.ksdd.order_by("nomor_register"), 1):
        isi.append(blok("butir", f"{i}. {k.nomor_register} – {k.judul}"))
    isi.append(blok("judul", "B. Ringkasan hasil"))
    isi.append(blok("paragraf", monev.ringkasan or "-"))
    isi.append(blok("judul", "C. Temuan, rekomendasi dan tindak lanjut"))
    temuan = list(monev.temuan.select_related("ksdd"))
    if not temuan:
        isi.append(blok("paragraf", "Tidak terdapat temuan."))
    for i, t in enumerate(temuan, 1):
        isi.append(blok("butir", f"{i}. {t.ksdd.nomor_register}: {t.uraian}"))
        isi.append(blok("paragraf", f"Rekomendasi: {t.rekomendasi}"))
        isi.append(
            blok(
                "paragraf",
                f"Tindak lanjut: {t.tindak_lanjut} ({tanggal_panjang(t.tanggal_tindak_lanjut)})"
                if t.tindak_lanjut
                else "Tindak lanjut: belum ada.",
            )
        )
    bagian = PerangkatDaerah.objects.filter(membidangi_kerja_sama=True).first()
    return konteks_rekaman(
        judul="Laporan Monitoring dan Evaluasi Kerja Sama Daerah",
        subjudul=f"{pd.nama} – {monev.periode_label}",
        nomor=nomor,
        tanggal=tanggal,
        isi=isi,
        ttd={
            "jabatan": (bagian.kepala_jabatan if bagian else "") or "Kepala Bagian Pemerintahan",
            "nama": (bagian.kepala_nama if bagian else "").upper(),
            "nip": bagian.kepala_nip if bagian else "",
        },
        tembusan=["Bupati Barito Selatan", "Sekretaris Daerah selaku Ketua TKKSD", pd.nama],
    )


@bahasa_dokumen
def monev_hasilkan(*, monev: MonitoringEvaluasi, user, tanggal: dt.date):
    """Generate (a new version of) the monitoring report DOCX (JenisDokumen.LAPORAN_MONEV)."""
    with transaction.atomic():
        if monev.dokumen_id is None:
            monev.dokumen = dokumen_rekaman(
                jenis=JenisDokumen.LAPORAN_MONEV,
                judul=f"Laporan monitoring dan evaluasi {monev.perangkat_daerah} {monev.kode}",
                user=user,
                tanggal=tanggal,
            )
            monev.save(update_fields=["dokumen"])
        konteks = _konteks_laporan(monev, nomor=monev.dokumen.nomor, tanggal=tanggal)
        return rekaman_hasilkan(
            dokumen=monev.dokumen,
            konteks=konteks,
            nama_berkas=f"laporan-monev-{monev.perangkat_daerah_id}-{monev.kode}.docx",
            user=user,
        )


def monev_selesaikan(
    *, monev: MonitoringEvaluasi, user, tanggal: dt.date, ringkasan: str | None = None
) -> MonitoringEvaluasi:
    """Finish the monitoring: a summary is required; the report DOCX is generated and
    the semester's P28 clock of the agency is met."""
    pastikan_izin(
        user,
        "oversight.kelola_monev",
        _("Anda tidak berwenang mengelola monitoring dan evaluasi KSDD."),
    )
    with transaction.atomic():
        monev = (
            MonitoringEvaluasi.objects.select_for_update()
            .select_related("perangkat_daerah")
            .get(pk=monev.pk)
        )
        _masih_dicatat(monev)
        if ringkasan is not None:
            monev.ringkasan = ringkasan.strip()
        masalah = []
        if not monev.ringkasan:
            masalah.append(
                Pelanggaran(
                    "P28",
                    _("Isi ringkasan hasil monitoring dan evaluasi (Pasal 28)."),
                    field="ringkasan",
                )
            )
        if tanggal < monev.tanggal_pelaksanaan:
            masalah.append(
                Pelanggaran(
                    "P28",
                    _(
                        "Tanggal selesai tidak dapat mendahului tanggal pelaksanaan monitoring "
                        "dan evaluasi (Pasal 28)."
                    ),
                    field="tanggal",
                )
            )
        tolak_jika(masalah)
        monev.tanggal_selesai = tanggal
        pindah(
            monev,
            StatusMonev.SELESAI,
            oleh=user,
            alasan=_("Monitoring dan evaluasi selesai; laporan dihasilkan (Pasal 28)."),
        )
        monev_hasilkan(monev=monev, user=user, tanggal=tanggal)
        tenggat_penuhi(
            kunci=kunci_tenggat_monev(monev.perangkat_daerah_id, monev.tahun, monev.semester),
            alasan=_("Monitoring dan evaluasi %(s)s selesai.") % {"s": monev.kode},
            oleh=user,
            pada=tanggal,
        )
    return monev
