"""TKKSD and its Tim Teknis: decrees, ex-officio offices and their holders
(Pasal 34 ayat 1, 4, 5; Pasal 35 ayat 1–2)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, tolak_jika
from kersa.core.roles import pastikan_izin

from ..choices import (
    KEDUDUKAN_TIM_TEKNIS,
    KEDUDUKAN_TKKSD,
    JenisKeputusan,
    Kedudukan,
    StatusPemangku,
    StatusRapat,
)
from ..models import Jabatan, Kehadiran, KeputusanBupati, PemangkuJabatan

SATU_HARI = dt.timedelta(days=1)
PIMPINAN = (
    Kedudukan.KETUA,
    Kedudukan.WAKIL_KETUA,
    Kedudukan.SEKRETARIS,
    Kedudukan.KOORDINATOR_TIM_TEKNIS,
)

# Pasal 35 ayat (1): the offices that sit in TKKSD ex officio, in order.
JABATAN_TKKSD = (
    (Kedudukan.KETUA, "Sekretaris Daerah"),
    (Kedudukan.WAKIL_KETUA, "Asisten yang membidangi kerja sama"),
    (Kedudukan.SEKRETARIS, "Kepala Bagian yang membidangi kerja sama"),
    (Kedudukan.ANGGOTA, "Asisten Sekretaris Daerah"),
    (Kedudukan.ANGGOTA, "Kepala Perangkat Daerah yang membidangi perencanaan (Bappeda)"),
    (Kedudukan.ANGGOTA, "Kepala Perangkat Daerah yang membidangi keuangan (BPKPAD)"),
    (Kedudukan.ANGGOTA, "Kepala Perangkat Daerah yang membidangi pengawasan (Inspektur)"),
    (Kedudukan.ANGGOTA, "Kepala Bagian Hukum"),
)
JABATAN_TIM_TEKNIS = (
    (Kedudukan.KOORDINATOR_TIM_TEKNIS, "Kepala Subbagian yang membidangi kerja sama"),
    (Kedudukan.ANGGOTA_TIM_TEKNIS, "Unsur Perangkat Daerah yang membidangi perencanaan"),
    (Kedudukan.ANGGOTA_TIM_TEKNIS, "Unsur Badan Pengelola Keuangan dan Aset Daerah"),
    (Kedudukan.ANGGOTA_TIM_TEKNIS, "Unsur Perangkat Daerah yang membidangi keuangan"),
    (Kedudukan.ANGGOTA_TIM_TEKNIS, "Unsur Bagian Hukum"),
    (Kedudukan.ANGGOTA_TIM_TEKNIS, "Unsur Bagian Tata Pemerintahan"),
)


def keputusan_catat(
    *,
    jenis: str,
    nomor: str,
    tanggal: dt.date,
    tentang: str,
    berlaku_mulai: dt.date,
    berlaku_sampai: dt.date | None = None,
    user,
    jabatan_default: bool = True,
) -> KeputusanBupati:
    """Record the Keputusan Bupati that sets TKKSD (P34-1) or its Tim Teknis (P34-4,
    P34-5) and, by default, its ex-officio offices of Pasal 35 ayat (1). An open-ended
    decree of the same kind ends the day before the new one takes effect."""
    pastikan_izin(
        user, "governance.kelola_tkksd", _("Anda tidak berwenang mengelola keanggotaan TKKSD.")
    )
    rule = "P34-1" if jenis == JenisKeputusan.TKKSD else "P34-4"
    found = []
    if jenis not in JenisKeputusan.values:
        found.append(Pelanggaran("P34-1", _("Jenis Keputusan Bupati tidak dikenal."), "jenis"))
    if not nomor.strip():
        found.append(Pelanggaran(rule, _("Isi nomor Keputusan Bupati (Pasal 34)."), "nomor"))
    elif KeputusanBupati.objects.filter(nomor=nomor.strip()).exists():
        found.append(Pelanggaran(rule, _("Nomor Keputusan Bupati ini sudah dicatat."), "nomor"))
    if berlaku_sampai and berlaku_sampai < berlaku_mulai:
        found.append(
            Pelanggaran(rule, _("Masa berlaku berakhir sebelum dimulai."), "berlaku_sampai")
        )
    tolak_jika(found)
    with transaction.atomic():
        lama = KeputusanBupati.objects.select_for_update().filter(jenis=jenis)
        bentrok = (
            lama.filter(berlaku_mulai__gte=berlaku_mulai).first()
            or lama.filter(
                berlaku_sampai__gte=berlaku_mulai, berlaku_mulai__lt=berlaku_mulai
            ).first()
        )
        if bentrok:
            tolak_jika(
                [
                    Pelanggaran(
                        rule,
                        _(
                            "Masa berlaku bertumpang tindih dengan Keputusan Bupati %(n)s "
                            "(berlaku sejak %(t)s)."
                        )
                        % {"n": bentrok.nomor, "t": bentrok.berlaku_mulai.strftime("%d-%m-%Y")},
                        "berlaku_mulai",
                    )
                ]
            )
        lama.filter(berlaku_sampai__isnull=True, berlaku_mulai__lt=berlaku_mulai).update(
            berlaku_sampai=berlaku_mulai - SATU_HARI
        )
        kep = KeputusanBupati.objects.create(
            jenis=jenis,
            nomor=nomor.strip(),
            tanggal=tanggal,
            tentang=tentang,
            berlaku_mulai=berlaku_mulai,
            berlaku_sampai=berlaku_sampai,
            dicatat_oleh=user,
        )
        if jabatan_default:
            jabatan_default_buat(keputusan=kep)
    return kep


def jabatan_default_buat(*, keputusan: KeputusanBupati) -> list[Jabatan]:
    """The ex-officio offices of Pasal 35 ayat (1) for a decree (P35-1); Ketua, Wakil
    Ketua and Sekretaris vote (P35-2). Idempotent: nothing is added twice."""
    daftar = JABATAN_TKKSD if keputusan.jenis == JenisKeputusan.TKKSD else JABATAN_TIM_TEKNIS
    ada = set(keputusan.jabatan.values_list("kedudukan", "nama_jabatan"))
    hasil = []
    for urutan, (kedudukan, nama) in enumerate(daftar, 1):
        if (kedudukan, nama) in ada:
            continue
        hasil.append(
            Jabatan.objects.create(
                keputusan=keputusan,
                kedudukan=kedudukan,
                nama_jabatan=nama,
                hak_suara=kedudukan in KEDUDUKAN_TKKSD,
                anggota_tetap=kedudukan in KEDUDUKAN_TKKSD,
                urutan=urutan,
            )
        )
    return hasil


def jabatan_tambah(
    *,
    keputusan: KeputusanBupati,
    kedudukan: str,
    nama_jabatan: str,
    user,
    perangkat_daerah=None,
    anggota_tetap: bool = True,
) -> Jabatan:
    """Add an office to a decree (P35-1). The seat must belong to the body the decree
    sets; Ketua, Wakil Ketua, Sekretaris and Koordinator are one each; the leaders of
    TKKSD vote (P35-2)."""
    pastikan_izin(
        user, "governance.kelola_tkksd", _("Anda tidak berwenang mengelola keanggotaan TKKSD.")
    )
    tkksd = keputusan.jenis == JenisKeputusan.TKKSD
    found = []
    if kedudukan not in (KEDUDUKAN_TKKSD if tkksd else KEDUDUKAN_TIM_TEKNIS):
        found.append(
            Pelanggaran(
                "P35-1",
                _("Kedudukan %s tidak ada dalam susunan yang ditetapkan Keputusan Bupati ini.")
                % Kedudukan(kedudukan).label
                if kedudukan in Kedudukan.values
                else _("Kedudukan tidak dikenal."),
                "kedudukan",
            )
        )
    elif kedudukan in PIMPINAN and keputusan.jabatan.filter(kedudukan=kedudukan).exists():
        found.append(
            Pelanggaran(
                "P35-1",
                _("%s sudah ada dalam Keputusan Bupati ini (Pasal 35 ayat 1).")
                % Kedudukan(kedudukan).label,
                "kedudukan",
            )
        )
    if not nama_jabatan.strip():
        found.append(Pelanggaran("P35-1", _("Isi jabatan ex-officio."), "nama_jabatan"))
    tolak_jika(found)
    urutan = keputusan.jabatan.count() + 1
    return Jabatan.objects.create(
        keputusan=keputusan,
        kedudukan=kedudukan,
        nama_jabatan=nama_jabatan.strip(),
        perangkat_daerah=perangkat_daerah,
        hak_suara=tkksd,
        anggota_tetap=anggota_tetap and tkksd,
        urutan=urutan,
    )


def pemangku_angkat(
    *,
    jabatan: Jabatan,
    nama: str,
    mulai: dt.date,
    user,
    nip: str = "",
    pangkat: str = "",
    status: str = StatusPemangku.DEFINITIF,
    akun=None,
) -> PemangkuJabatan:
    """A person holds ``jabatan`` from ``mulai`` (P35-1: membership follows the office).
    The previous open-ended holder leaves the day before; a period that would overlap
    another holder's is refused. Invitations of meetings scheduled from that day on
    name the new holder."""
    pastikan_izin(
        user, "governance.kelola_tkksd", _("Anda tidak berwenang mengelola keanggotaan TKKSD.")
    )
    found = []
    if not nama.strip():
        found.append(Pelanggaran("P35-1", _("Isi nama pemangku jabatan."), "nama"))
    nip = nip.replace(" ", "")
    if nip and (not nip.isdigit() or len(nip) != 18):
        found.append(Pelanggaran("P35-1", _("NIP terdiri atas 18 angka."), "nip"))
    tolak_jika(found)
    with transaction.atomic():
        Jabatan.objects.select_for_update().get(pk=jabatan.pk)
        pemangku = jabatan.pemangku.all()
        bentrok = (
            pemangku.filter(mulai__gte=mulai).first()
            or pemangku.filter(selesai__isnull=False, selesai__gte=mulai).first()
        )
        if bentrok:
            tolak_jika(
                [
                    Pelanggaran(
                        "P35-1",
                        _(
                            "Masa jabatan bertumpang tindih dengan %(nama)s (sejak %(t)s); "
                            "satu jabatan dipangku satu orang pada satu waktu."
                        )
                        % {"nama": bentrok.nama, "t": bentrok.mulai.strftime("%d-%m-%Y")},
                        "mulai",
                    )
                ]
            )
        pemangku.filter(selesai__isnull=True, mulai__lt=mulai).update(selesai=mulai - SATU_HARI)
        baru = PemangkuJabatan.objects.create(
            jabatan=jabatan,
            nama=nama.strip(),
            nip=nip,
            pangkat=pangkat,
            status=status,
            user=akun,
            mulai=mulai,
        )
        # Meetings not yet held from that day on invite the new holder.
        Kehadiran.objects.filter(
            jabatan=jabatan, rapat__status=StatusRapat.TERJADWAL, rapat__tanggal__gte=mulai
        ).update(nama=baru.nama)
    return baru
