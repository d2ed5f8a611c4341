"""Writes of the Sekretariat Kerja Sama (Pasal 40–41; P40-2, P40-4, P41), association
memberships (Pasal 43; P43) and guidance activities (Pasal 44; P44).

Funding assistance (Pasal 31; P31-1) is written by ``agreements.services.bantuan_pendanaan_tambah``.
A refusal is a ``RuleViolation`` citing the Pasal; nothing is half-saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements.models import Ksdd
from kersa.core.errors import Pelanggaran, tolak_jika
from kersa.core.format import tanggal_panjang
from kersa.core.roles import pastikan_izin
from kersa.core.status import catat_awal, pindah
from kersa.oversight.izin import PEMBINAAN_KELOLA
from kersa.regions.models import PerangkatDaerah

from ..choices import BentukPembinaan
from ..models import (
    KeanggotaanAsosiasi,
    KegiatanPembinaan,
    SekretariatKerjaSama,
    StatusKeanggotaan,
)
from ..selectors.pembinaan import sekretariat_memenuhi_syarat

__all__ = [
    "IZIN_PEMBINAAN",
    "keanggotaan_akhiri",
    "keanggotaan_tambah",
    "kegiatan_pembinaan_tambah",
    "sekretariat_catat",
]

IZIN_PEMBINAAN = PEMBINAAN_KELOLA


def _izin(user) -> None:
    pastikan_izin(user, IZIN_PEMBINAAN, _("Anda tidak berwenang mengelola pembinaan KSDD."))


# --- Sekretariat Kerja Sama (Pasal 40–41) ----------------------------------------------


def sekretariat_catat(
    *,
    ksdd: Ksdd,
    user,
    terus_menerus: bool,
    nama: str,
    nomor_kesepakatan: str,
    tanggal_kesepakatan: dt.date,
    alamat: str = "",
    hibah_tahunan: Decimal | None = None,
    catatan: str = "",
) -> SekretariatKerjaSama:
    """Record the Sekretariat Kerja Sama of a KSDD, set up by a Kesepakatan Bersama of the
    heads of region (P40-4) and funded by hibah (P41). Refused when the KSDD does not meet
    every condition of Pasal 40 ayat 2 (P40-2), and when it already has one. The clerk's
    confirmation that the cooperation is continuous (huruf a) is stored with who and when."""
    _izin(user)
    with transaction.atomic():
        ksdd = Ksdd.objects.select_for_update().get(pk=ksdd.pk)
        found: list[Pelanggaran] = []
        if SekretariatKerjaSama.objects.filter(ksdd=ksdd).exists():
            found.append(
                Pelanggaran(
                    "P40-4",
                    _(
                        "KSDD ini telah memiliki Sekretariat Kerja Sama; satu sekretariat "
                        "dibentuk dengan satu Kesepakatan Bersama (Pasal 40 ayat 4)."
                    ),
                )
            )
        kurang = [
            s
            for s in sekretariat_memenuhi_syarat(ksdd, terus_menerus=terus_menerus)
            if not s.terpenuhi
        ]
        for s in kurang:
            found.append(
                Pelanggaran(
                    "P40-2",
                    _(
                        "Sekretariat Kerja Sama hanya dibentuk untuk Kerja Sama Wajib yang "
                        "memenuhi Pasal 40 ayat 2; belum terpenuhi: %(syarat)s — %(alasan)s"
                    )
                    % {"syarat": s.label, "alasan": s.alasan},
                    field="terus_menerus" if s.kode == "a" else None,
                )
            )
        if not nomor_kesepakatan.strip():
            found.append(
                Pelanggaran(
                    "P40-4",
                    _(
                        "Pembentukan Sekretariat Kerja Sama diatur dengan Kesepakatan Bersama "
                        "para Kepala Daerah; isi nomornya (Pasal 40 ayat 4)."
                    ),
                    field="nomor_kesepakatan",
                )
            )
        if hibah_tahunan is not None and hibah_tahunan <= 0:
            found.append(
                Pelanggaran(
                    "P41",
                    _("Hibah APBD untuk Sekretariat harus lebih dari nol (Pasal 41 ayat 2)."),
                    field="hibah_tahunan",
                )
            )
        tolak_jika(found)
        return SekretariatKerjaSama.objects.create(
            ksdd=ksdd,
            nama=nama.strip(),
            nomor_kesepakatan=nomor_kesepakatan.strip(),
            tanggal_kesepakatan=tanggal_kesepakatan,
            alamat=alamat,
            hibah_tahunan=hibah_tahunan,
            catatan=catatan,
            terus_menerus=True,
            terus_menerus_oleh=user,
            terus_menerus_pada=timezone.now(),
            dibuat_oleh=user,
        )


# --- Keanggotaan asosiasi (Pasal 43) ---------------------------------------------------


def keanggotaan_tambah(
    *,
    user,
    jenis: str,
    nama: str,
    mulai: dt.date,
    dasar: str = "",
    selesai: dt.date | None = None,
    iuran_tahunan: Decimal | None = None,
    keterangan: str = "",
) -> KeanggotaanAsosiasi:
    """Record a membership of an association or cooperation forum (P43); the first
    history row says who recorded it."""
    _izin(user)
    found: list[Pelanggaran] = []
    if selesai is not None and selesai < mulai:
        found.append(_berakhir_sebelum_mulai())
    if iuran_tahunan is not None and iuran_tahunan < 0:
        found.append(
            Pelanggaran(
                "P43",
                _("Iuran keanggotaan asosiasi tidak boleh negatif (Pasal 43)."),
                field="iuran_tahunan",
            )
        )
    with transaction.atomic():
        tumpang = KeanggotaanAsosiasi.objects.select_for_update().filter(nama__iexact=nama.strip())
        tumpang = tumpang.exclude(selesai__lt=mulai)
        if selesai is not None:
            tumpang = tumpang.filter(mulai__lte=selesai)
        if tumpang.exists():
            found.append(
                Pelanggaran(
                    "P43",
                    _("Daerah telah tercatat sebagai anggota %(nama)s pada periode itu (Pasal 43).")
                    % {"nama": nama.strip()},
                    field="nama",
                )
            )
        tolak_jika(found)
        k = KeanggotaanAsosiasi.objects.create(
            jenis=jenis,
            nama=nama.strip(),
            dasar=dasar,
            mulai=mulai,
            selesai=selesai,
            iuran_tahunan=iuran_tahunan,
            keterangan=keterangan,
        )
        catat_awal(
            k,
            ke=StatusKeanggotaan.BERJALAN,
            tanggal=mulai,
            oleh=user,
            alasan=(
                _("Keanggotaan dicatat; dasar: %(d)s (Pasal 43).") % {"d": dasar.strip()}
                if dasar.strip()
                else _("Keanggotaan dicatat (Pasal 43).")
            ),
        )
    return k


def _berakhir_sebelum_mulai() -> Pelanggaran:
    return Pelanggaran(
        "P43",
        _("Keanggotaan asosiasi tidak dapat berakhir sebelum dimulai (Pasal 43)."),
        field="selesai",
    )


def keanggotaan_akhiri(
    *, keanggotaan: KeanggotaanAsosiasi, user, selesai: dt.date, alasan: str
) -> KeanggotaanAsosiasi:
    """End a membership on ``selesai``; who ended it, when and why is a
    ``RiwayatKeanggotaan`` row (P43)."""
    _izin(user)
    with transaction.atomic():
        k = KeanggotaanAsosiasi.objects.select_for_update().get(pk=keanggotaan.pk)
        found = []
        if k.selesai is not None:
            found.append(
                Pelanggaran(
                    "P43",
                    _("Keanggotaan %(nama)s telah diakhiri pada %(t)s (Pasal 43).")
                    % {"nama": k.nama, "t": tanggal_panjang(k.selesai)},
                )
            )
        if selesai < k.mulai:
            found.append(_berakhir_sebelum_mulai())
        if not alasan.strip():
            found.append(
                Pelanggaran(
                    "P43",
                    _(
                        "Sebutkan alasan atau dasar berakhirnya keanggotaan asosiasi, "
                        "mis. nomor keputusan (Pasal 43)."
                    ),
                    field="alasan",
                )
            )
        tolak_jika(found)
        k.selesai = selesai
        pindah(
            k,
            StatusKeanggotaan.BERAKHIR,
            tanggal=selesai,
            oleh=user,
            alasan=alasan.strip(),
            simpan=["selesai"],
        )
    return k


# --- Kegiatan pembinaan (Pasal 44) -----------------------------------------------------


def kegiatan_pembinaan_tambah(
    *,
    user,
    bentuk: str,
    judul: str,
    tanggal: dt.date,
    peserta: Iterable[PerangkatDaerah],
    tempat: str = "",
    narasumber: str = "",
    ksdd: Iterable[Ksdd] = (),
    ringkasan: str = "",
) -> KegiatanPembinaan:
    """Record a guidance activity of the Bupati for the agencies running KSDD (P44)."""
    _izin(user)
    peserta = list(peserta)
    ksdd = list(ksdd)
    found: list[Pelanggaran] = []
    if bentuk not in BentukPembinaan.values:
        found.append(
            Pelanggaran("P44", _("Pilih bentuk pembinaan menurut Pasal 44 ayat 2."), field="bentuk")
        )
    if not (judul or "").strip():
        found.append(
            Pelanggaran(
                "P44",
                _("Sebutkan nama kegiatan pembinaan (Pasal 44 ayat 2)."),
                field="judul",
            )
        )
    if not peserta:
        found.append(
            Pelanggaran(
                "P44",
                _(
                    "Pembinaan ditujukan kepada Perangkat Daerah yang melaksanakan KSDD; "
                    "pilih paling sedikit satu peserta (Pasal 44 ayat 1)."
                ),
                field="peserta",
            )
        )
    tolak_jika(found)
    with transaction.atomic():
        kegiatan = KegiatanPembinaan.objects.create(
            bentuk=bentuk,
            judul=judul.strip(),
            tanggal=tanggal,
            tempat=tempat,
            narasumber=narasumber,
            ringkasan=ringkasan,
            dibuat_oleh=user,
        )
        kegiatan.peserta.set(peserta)
        kegiatan.ksdd.set(ksdd)
    return kegiatan
