"""Shared helpers of the KSDD services: date and file checks, the register number, the data rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran
from kersa.documents.choices import AsalVersi
from kersa.documents.models import VersiDokumen
from kersa.regions.models import PerangkatDaerah, Wilayah
from kersa.regions.selectors import wilayah_daerah

from .. import rules
from ..choices import (
    Kategori,
    Pemrakarsa,
)
from ..models import (
    Ksdd,
    NomorRegisterTahun,
    RiwayatTahap,
)

# Fields that define what was submitted to TKKSD; fixed once persiapan is over (P13).
_FIELD_IDENTITAS = {"pemrakarsa", "pemrakarsa_mitra", "perangkat_daerah", "kategori", "bentuk"}
FIELD_M2M = {"mitra", "urusan", "tujuan"}
FIELD_KSDD = {
    "judul",
    "pemrakarsa",
    "pemrakarsa_mitra",
    "perangkat_daerah",
    "kategori",
    "bentuk",
    "eksternalitas",
    "pembayar",
    "penerima_pembayaran",
    "dasar_pembayaran",
    "objek_pertukaran",
    "dasar_perda_retribusi",
    "dalam_rencana",
    "butir_rencana",
    "dokumen_rencana",
    "pengecualian_rencana",
    "alasan_pengecualian",
    "lokasi",
    "nilai_anggaran",
    "sumber_dana",
    "dianggarkan_apbd",
    "nomor_dpa",
    "membebani_masyarakat",
    "rencana_mulai",
    "jangka_waktu_bulan",
}


# --- helpers -------------------------------------------------------------------------


def _tanggal_lampau(nilai: dt.date, label: str, field: str) -> list[Pelanggaran]:
    if nilai > timezone.localdate():
        return [
            Pelanggaran(
                "P13",
                _("%(label)s (%(tgl)s) tidak boleh setelah hari ini.")
                % {"label": label, "tgl": nilai.strftime("%d-%m-%Y")},
                field=field,
            )
        ]
    return []


def _urutan_tanggal(awal: dt.date, akhir: dt.date, pesan: str, field: str) -> list[Pelanggaran]:
    return [] if akhir >= awal else [Pelanggaran("P13", pesan, field=field)]


def _surat_diterima(tanggal_surat: dt.date, tanggal_diterima: dt.date, label) -> list[Pelanggaran]:
    """A letter's receipt date (``label`` names it): not in the future, not before the
    letter's own date. The receipt date is what starts a clock (deadlines/pemicu.py)."""
    return _tanggal_lampau(tanggal_diterima, label, "tanggal_diterima") + _urutan_tanggal(
        tanggal_surat,
        tanggal_diterima,
        _("Surat tidak dapat diterima sebelum tanggal suratnya."),
        "tanggal_diterima",
    )


def _wajib_berkas(upload, label: str, rule: str, field: str) -> list[Pelanggaran]:
    if upload:
        return []
    return [Pelanggaran(rule, _("Unggah %s.") % label, field=field)]


def _surat_bertanda(k, *, jenis: str, upload, pilihan, rule: str, label: str, field: str):
    """The letter of a step taken from the record instead of a scan (issue 13): a version
    of the letter KERSA generated for this KSDD (``jenis``) that carries an electronic
    signature whose latest validation holds (the TTE path, ``kersa.tte``: the Bupati
    signs it in KERSA; who may sign it is checked there, P16-3, P22-1a). Returns
    (that version, refusals): (None, []) when nothing is chosen (an upload then, or the
    usual "unggah" refusal). Refused: both a version and an upload; a version of another
    KSDD or letter; one not signed electronically, or whose signature does not hold."""
    if pilihan in (None, ""):
        return None, []
    if upload:
        return None, [
            Pelanggaran(
                rule,
                _(
                    "Pilih salah satu: unggah pindaian %s atau gunakan surat bertanda tangan "
                    "elektronik yang tersimpan, tidak keduanya."
                )
                % label,
                field=field,
            )
        ]
    pk = getattr(pilihan, "pk", pilihan)
    v = (
        VersiDokumen.objects.select_related("berkas")
        .filter(pk=pk, dokumen__ksdd=k, dokumen__jenis=jenis)
        .first()
    )
    if v is None:
        return None, [
            Pelanggaran(
                rule,
                _("Versi dokumen %(id)s bukan %(surat)s KSDD %(nomor)s.")
                % {"id": pk, "surat": label, "nomor": k.nomor_register},
                field=field,
            )
        ]
    validasi = v.validasi_tte.order_by("-divalidasi_pada", "-id").first()
    if v.asal != AsalVersi.DITANDATANGANI or validasi is None or not validasi.sah:
        return None, [
            Pelanggaran(
                rule,
                _(
                    "Versi %(n)d %(surat)s belum bertanda tangan elektronik yang sah; "
                    "tandatangani surat itu secara elektronik, atau unggah pindaian surat "
                    "yang telah ditandatangani."
                )
                % {"n": v.nomor, "surat": label},
                field=field,
            )
        ]
    return v, []


def _nomor_register() -> str:
    """The next register number of this year, ``KSDD/2026/0004``: taken from the year's
    counter row, locked until the caller's transaction ends, so two parallel creates
    never compute the same number (issue 19; PostgreSQL row lock, SQLite's write lock).
    Call inside ``transaction.atomic``. A year's counter starts from the highest
    number already given that year (records made before the counter existed)."""
    year = timezone.localdate().year
    prefix = f"KSDD/{year}/"
    baris = NomorRegisterTahun.objects.select_for_update().filter(tahun=year).first()
    if baris is None:
        ada = Ksdd.objects.filter(nomor_register__startswith=prefix).values_list(
            "nomor_register", flat=True
        )
        awal = max((int(n.rsplit("/", 1)[1]) for n in ada), default=0)
        try:
            with transaction.atomic():  # a parallel first create of the year: wait, reread
                NomorRegisterTahun.objects.create(tahun=year, terakhir=awal)
        except IntegrityError:
            pass
        baris = NomorRegisterTahun.objects.select_for_update().get(tahun=year)
    baris.terakhir += 1
    while Ksdd.objects.filter(nomor_register=f"{prefix}{baris.terakhir:04d}").exists():
        baris.terakhir += 1  # a number given outside the counter (an import) is skipped
    baris.save(update_fields=["terakhir"])
    return f"{prefix}{baris.terakhir:04d}"


def pastikan_perangkat_daerah(user, perangkat_daerah_id: int | None) -> None:
    """An operator writes only for the KSDD of their own agency; roles that see every
    KSDD (secretariat, Bupati) write for any. Services of other rooms that record
    something about one KSDD (its reports, its disputes) call this too."""
    if user.has_perm("agreements.lihat_semua_ksdd"):
        return
    if user.perangkat_daerah_id != perangkat_daerah_id:
        raise PermissionDenied(_("Operator hanya dapat mencatat KSDD Perangkat Daerahnya sendiri."))


def _cek_pd(user, perangkat_daerah: PerangkatDaerah) -> None:
    pastikan_perangkat_daerah(user, perangkat_daerah.pk)


def _aturan_data(data: Mapping, mitra: Sequence[Wilayah]) -> list[Pelanggaran]:
    """Record rules that hold at every save (P7-1, P5-3, home region not a partner)."""
    found = []
    if data["kategori"] not in Kategori.values:
        found.append(
            Pelanggaran(
                "P6",
                _("Kategori KSDD adalah Kerja Sama Wajib atau Kerja Sama Sukarela (Pasal 6)."),
                field="kategori",
            )
        )
    jangka = data.get("jangka_waktu_bulan")
    if jangka is not None and jangka <= 0:
        found.append(
            Pelanggaran(
                "P14-2",
                _("Jangka waktu harus lebih dari 0 bulan."),
                field="jangka_waktu_bulan",
            )
        )
    home = wilayah_daerah()
    if any(m.kode == home.kode for m in mitra):
        found.append(
            Pelanggaran(
                "P1-3",
                _("%s adalah Daerah sendiri, bukan daerah mitra (Pasal 1 angka 3).")
                % home.nama_lengkap,
                field="mitra",
            )
        )
    found += rules.p7_1_wajib_berbatasan(
        kategori=data["kategori"],
        mitra_kodes=[m.kode for m in mitra],
        eksternalitas=data.get("eksternalitas", ""),
    )
    found += rules.p5_3_pengecualian(
        # An object carried by an item of the plan list is in the plan (P5-2).
        dalam_rencana=bool(data.get("butir_rencana")) or data.get("dalam_rencana", True),
        pengecualian=data.get("pengecualian_rencana", ""),
        alasan=data.get("alasan_pengecualian", ""),
    )
    pm = data.get("pemrakarsa_mitra")
    if data.get("pemrakarsa") == Pemrakarsa.MITRA and pm is not None and pm not in mitra:
        found.append(
            Pelanggaran(
                "P17-1",
                _("Daerah pemrakarsa harus termasuk daerah mitra."),
                field="pemrakarsa_mitra",
            )
        )
    return found


def rencana_dari_butir(fields: dict) -> dict:
    """P5-2: a KSDD that carries an item of the plan list (``butir_rencana``) is in the
    plan: ``dalam_rencana`` True, no exception, and ``dokumen_rencana`` taken from the
    item unless given."""
    butir = fields.get("butir_rencana")
    if not butir:
        return fields
    fields = dict(fields, dalam_rencana=True, pengecualian_rencana="", alasan_pengecualian="")
    if not (fields.get("dokumen_rencana") or "").strip():
        ident = butir.identifikasi
        fields["dokumen_rencana"] = butir.dokumen_rencana or _(
            "Daftar rencana KSDD %(k)s tahun %(n)s"
        ) % {"k": ident.get_kategori_display(), "n": ident.tahun_rencana}
    return fields


def _riwayat(ksdd: Ksdd, *, aksi: str, user, alasan: str = "", data=None) -> RiwayatTahap:
    return RiwayatTahap.objects.create(
        ksdd=ksdd,
        aksi=aksi,
        dari=ksdd.status,
        ke=ksdd.status,
        oleh=user,
        alasan=alasan,
        data=data or {},
    )
