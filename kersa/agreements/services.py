"""Writes for KSDD: creation, edits, and one service per step of the workflow.

Views, the API, the admin and (later) the worker call only these. Each step runs
in ``workflow.langkah``: atomic, row-locked, version-checked, logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.core.errors import ConflictError, Pelanggaran, RuleViolation, tolak_jika
from kersa.documents.choices import JenisBerkas
from kersa.documents.services import atomic_dengan_berkas, berkas_unggah
from kersa.regions.models import PerangkatDaerah, Wilayah
from kersa.regions.selectors import wilayah_daerah

from . import rules
from .choices import (
    AlasanPenolakan,
    JenisNaskah,
    Kategori,
    Keputusan,
    KriteriaTelaah,
    Pemrakarsa,
    PertimbanganPersetujuan,
    Status,
)
from .models import (
    BantuanPendanaan,
    Kak,
    Ksdd,
    LaporanGubernur,
    Naskah,
    Penandatangan,
    Penawaran,
    PengajuanKak,
    PermintaanTanggapanKedua,
    PermohonanDprd,
    PersetujuanDprd,
    PetunjukTertulis,
    RekomendasiPleno,
    RiwayatTahap,
    SuratKuasa,
    Tanggapan,
    TelaahanDprd,
    TelaahKak,
    TemuanTelaah,
    TindakLanjutTelaahan,
)
from .selectors import ksdd_dapat_dilihat
from .workflow import langkah

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
    "dalam_rencana",
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


def _wajib_berkas(upload, label: str, rule: str, field: str) -> list[Pelanggaran]:
    if upload:
        return []
    return [Pelanggaran(rule, _("Unggah %s.") % label, field=field)]


def _nomor_register() -> str:
    year = timezone.localdate().year
    prefix = f"KSDD/{year}/"
    last = (
        Ksdd.objects.filter(nomor_register__startswith=prefix)
        .order_by("-nomor_register")
        .values_list("nomor_register", flat=True)
        .first()
    )
    n = int(last.rsplit("/", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:04d}"


def _cek_pd(user, perangkat_daerah: PerangkatDaerah) -> None:
    if user.has_perm("agreements.lihat_semua_ksdd"):
        return
    if user.perangkat_daerah_id != perangkat_daerah.pk:
        raise PermissionDenied(_("Operator hanya dapat mencatat KSDD Perangkat Daerahnya sendiri."))


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
        dalam_rencana=data.get("dalam_rencana", True),
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


# --- the record ------------------------------------------------------------------------


def ksdd_create(
    *,
    user,
    judul: str,
    perangkat_daerah: PerangkatDaerah,
    kategori: str,
    bentuk,
    mitra: Sequence[Wilayah],
    urusan: Iterable = (),
    tujuan: Iterable = (),
    **fields,
) -> Ksdd:
    """Register a new KSDD in persiapan with an empty KAK."""
    if not user.has_perm("agreements.add_ksdd"):
        raise PermissionDenied(_("Anda tidak berwenang mencatat KSDD baru."))
    _cek_pd(user, perangkat_daerah)
    unknown = set(fields) - FIELD_KSDD
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    data = {"kategori": kategori, **fields}
    mitra = list(mitra)
    tolak_jika(_aturan_data(data, mitra))
    for attempt in range(3):
        try:
            with transaction.atomic():
                ksdd = Ksdd.objects.create(
                    nomor_register=_nomor_register(),
                    judul=judul,
                    perangkat_daerah=perangkat_daerah,
                    kategori=kategori,
                    bentuk=bentuk,
                    dibuat_oleh=user,
                    **fields,
                )
                ksdd.mitra.set(mitra)
                ksdd.urusan.set(list(urusan))
                ksdd.tujuan.set(list(tujuan))
                Kak.objects.create(ksdd=ksdd)
                _riwayat(ksdd, aksi="buat", user=user, alasan=_("KSDD dicatat."))
                return ksdd
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def ksdd_update(*, ksdd: Ksdd, user, versi: int | None = None, **changes) -> Ksdd:
    """Edit the record. Identity fields are fixed after persiapan (P13)."""
    unknown = set(changes) - FIELD_KSDD - FIELD_M2M
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    expected = ksdd.versi if versi is None else versi
    with transaction.atomic():
        locked = Ksdd.objects.select_for_update().get(pk=ksdd.pk)
        if not (user.has_perm("agreements.change_ksdd") and ksdd_dapat_dilihat(user, locked)):
            raise PermissionDenied(_("Anda tidak berwenang mengubah KSDD ini."))
        if locked.versi != expected:
            raise ConflictError()
        if locked.sudah_berakhir:
            raise RuleViolation(
                Pelanggaran("P13", _("KSDD yang telah berakhir tidak dapat diubah."))
            )
        changed = {
            k: v
            for k, v in changes.items()
            if k in FIELD_M2M
            and set(getattr(locked, k).all()) != set(v)
            or k not in FIELD_M2M
            and getattr(locked, k) != v
        }
        fixed = (
            set(changed) & (_FIELD_IDENTITAS | {"mitra"})
            if locked.status != Status.PENYUSUNAN_KAK
            else set()
        )
        if fixed:
            raise RuleViolation(
                Pelanggaran(
                    "P13",
                    _(
                        "Pemrakarsa, Perangkat Daerah, kategori, bentuk dan daerah mitra tidak "
                        "dapat diubah setelah KAK diajukan kepada TKKSD (Pasal 13 dan 14)."
                    ),
                    field=sorted(fixed)[0],
                )
            )
        if "perangkat_daerah" in changed:
            _cek_pd(user, changed["perangkat_daerah"])
        for k, v in changed.items():
            if k not in FIELD_M2M:
                setattr(locked, k, v)
        mitra = list(changed.get("mitra", locked.mitra.all()))
        data = {f: getattr(locked, f) for f in FIELD_KSDD}
        data["pemrakarsa_mitra"] = locked.pemrakarsa_mitra
        tolak_jika(_aturan_data(data, mitra))
        if not changed:
            return locked
        locked.versi += 1
        locked.save()
        for k in FIELD_M2M & set(changed):
            getattr(locked, k).set(list(changed[k]))
        _riwayat(
            locked,
            aksi="ubah",
            user=user,
            alasan=_("Data KSDD diubah: %s.") % ", ".join(sorted(changed)),
            data={"field": sorted(changed)},
        )
    ksdd.refresh_from_db()
    return ksdd


def kak_update(*, ksdd: Ksdd, user, versi: int | None = None, **bagian: str) -> Kak:
    """Write the KAK's parts (P14-2) while it is being drafted."""
    allowed = {f for f, _label in Kak.BAGIAN}
    unknown = set(bagian) - allowed
    if unknown:
        raise TypeError(f"unknown KAK parts: {sorted(unknown)}")
    expected = ksdd.versi if versi is None else versi
    with transaction.atomic():
        locked = Ksdd.objects.select_for_update().get(pk=ksdd.pk)
        if not (user.has_perm("agreements.change_ksdd") and ksdd_dapat_dilihat(user, locked)):
            raise PermissionDenied(_("Anda tidak berwenang mengubah KAK ini."))
        if locked.versi != expected:
            raise ConflictError()
        if locked.status != Status.PENYUSUNAN_KAK:
            raise RuleViolation(
                Pelanggaran(
                    "P14-3",
                    _("KAK yang telah diajukan kepada TKKSD tidak dapat diubah (Pasal 14 ayat 3)."),
                )
            )
        kak = locked.kak
        changed = [k for k, v in bagian.items() if getattr(kak, k) != (v or "")]
        for k in changed:
            setattr(kak, k, bagian[k] or "")
        if changed:
            kak.save()
            locked.versi += 1
            locked.save(update_fields=["versi", "diubah_pada"])
            _riwayat(
                locked,
                aksi="ubah_kak",
                user=user,
                alasan=_("KAK diubah."),
                data={"bagian": changed},
            )
    ksdd.versi = locked.versi
    return kak


def bantuan_pendanaan_tambah(
    *,
    ksdd: Ksdd,
    user,
    mitra: Wilayah,
    jumlah: Decimal,
    tahun_anggaran: int,
    perangkat_daerah: PerangkatDaerah,
    keterangan: str = "",
) -> BantuanPendanaan:
    """Record funding assistance to a partner: only for a Kerja Sama Wajib (P31-1)."""
    if not (user.has_perm("agreements.change_ksdd") and ksdd_dapat_dilihat(user, ksdd)):
        raise PermissionDenied(_("Anda tidak berwenang mengubah KSDD ini."))
    found = rules.p31_1_bantuan_hanya_wajib(kategori=ksdd.kategori)
    if not ksdd.mitra.filter(pk=mitra.pk).exists():
        found.append(
            Pelanggaran(
                "P31-1", _("Bantuan pendanaan hanya kepada daerah mitra KSDD ini."), field="mitra"
            )
        )
    if jumlah <= 0:
        found.append(
            Pelanggaran("P31-1", _("Jumlah bantuan harus lebih dari nol."), field="jumlah")
        )
    tolak_jika(found)
    with transaction.atomic():
        bantuan = BantuanPendanaan.objects.create(
            ksdd=ksdd,
            mitra=mitra,
            jumlah=jumlah,
            tahun_anggaran=tahun_anggaran,
            perangkat_daerah=perangkat_daerah,
            keterangan=keterangan,
        )
        _riwayat(
            ksdd,
            aksi="bantuan_pendanaan",
            user=user,
            alasan=_("Bantuan pendanaan dicatat (Pasal 31)."),
        )
    return bantuan


def surat_kuasa_create(*, user, berkas=None, **fields) -> SuratKuasa:
    """Record a Surat Kuasa from the Bupati (P1-13, P4-2, P24-2)."""
    if not user.has_perm("agreements.add_suratkuasa"):
        raise PermissionDenied(_("Anda tidak berwenang mencatat Surat Kuasa."))
    with atomic_dengan_berkas():
        sk = SuratKuasa(**fields)
        if berkas:
            sk.berkas = berkas_unggah(
                ksdd=fields.get("ksdd"), jenis=JenisBerkas.SURAT_KUASA, upload=berkas, user=user
            )
        sk.full_clean()
        sk.save()
    return sk


# --- the steps of Pasal 13 ------------------------------------------------------------------


def ksdd_ajukan_kak(
    *,
    ksdd: Ksdd,
    user,
    nomor_surat: str,
    tanggal_surat: dt.date,
    surat_permohonan,
    salinan_dpa=None,
    izin_dprd=None,
    salinan_penawaran=None,
    versi: int | None = None,
) -> Ksdd:
    """Persiapan: the agency submits the complete KAK to TKKSD with its request letter
    and the attachments of Pasal 32 ayat (1) (P14-1, P14-2, P14-3, P32-1)."""
    with langkah(ksdd=ksdd, nama="ajukan_kak", user=user, versi=versi) as step:
        k = step.ksdd
        found = _tanggal_lampau(tanggal_surat, _("Tanggal surat permohonan"), "tanggal_surat")
        found += _wajib_berkas(
            surat_permohonan,
            _(
                "surat permohonan Kepala Perangkat Daerah kepada Sekretaris Daerah selaku Ketua TKKSD (Pasal 32 ayat 1)"
            ),
            "P32-1",
            "surat_permohonan",
        )
        if k.pemrakarsa == Pemrakarsa.MITRA:
            found += _wajib_berkas(
                salinan_penawaran,
                _("salinan surat penawaran dari daerah calon mitra (Pasal 32 ayat 1 huruf b)"),
                "P32-1",
                "salinan_penawaran",
            )
        if k.dianggarkan_apbd:
            found += _wajib_berkas(
                salinan_dpa,
                _("salinan DPA kegiatan yang akan dikerjasamakan (Pasal 32 ayat 1 huruf c)"),
                "P32-1",
                "salinan_dpa",
            )
        else:
            found += _wajib_berkas(
                izin_dprd,
                _(
                    "surat izin DPRD, karena rencana KSDD belum teranggarkan dalam APBD tahun berjalan (Pasal 32 ayat 1 huruf c)"
                ),
                "P32-1",
                "izin_dprd",
            )
        tolak_jika(found)
        surat = berkas_unggah(
            ksdd=k, jenis=JenisBerkas.SURAT_PERMOHONAN, upload=surat_permohonan, user=user
        )
        step.berkas.append(surat)
        for upload, jenis in (
            (salinan_dpa, JenisBerkas.SALINAN_DPA),
            (izin_dprd, JenisBerkas.IZIN_DPRD),
            (salinan_penawaran, JenisBerkas.SALINAN_PENAWARAN),
        ):
            if upload:
                step.berkas.append(berkas_unggah(ksdd=k, jenis=jenis, upload=upload, user=user))
        PengajuanKak.objects.create(
            ksdd=k,
            nomor_surat=nomor_surat,
            tanggal_surat=tanggal_surat,
            berkas_surat=surat,
            diajukan_oleh=user,
        )
        step.data = {"nomor_surat": nomor_surat, "tanggal_surat": tanggal_surat.isoformat()}
        step.pindah(
            Status.KAK_DIAJUKAN,
            alasan=_("KAK diajukan kepada TKKSD dengan surat %s.") % nomor_surat,
            rule="P14-3",
        )
    return ksdd


def ksdd_catat_petunjuk_tertulis(
    *,
    ksdd: Ksdd,
    user,
    nomor: str,
    tanggal: dt.date,
    pemberi: str,
    isi: str,
    versi: int | None = None,
) -> Ksdd:
    """TKKSD acts on the plan only after a written instruction is recorded (P32-2)."""
    with langkah(ksdd=ksdd, nama="catat_petunjuk_tertulis", user=user, versi=versi) as step:
        found = _tanggal_lampau(tanggal, _("Tanggal petunjuk tertulis"), "tanggal")
        if not (nomor.strip() and pemberi.strip() and isi.strip()):
            found.append(
                Pelanggaran(
                    "P32-2",
                    _(
                        "Petunjuk tertulis harus memuat nomor, pemberi dan isinya (Pasal 32 ayat 2)."
                    ),
                )
            )
        tolak_jika(found)
        PetunjukTertulis.objects.create(
            ksdd=step.ksdd,
            nomor=nomor,
            tanggal=tanggal,
            pemberi=pemberi,
            isi=isi,
            dicatat_oleh=user,
        )
        step.data = {"nomor": nomor, "tanggal": tanggal.isoformat()}
        step.pindah(
            Status.TELAAH_TKKSD,
            alasan=_("Petunjuk tertulis %(nomor)s dari %(pemberi)s.")
            % {"nomor": nomor, "pemberi": pemberi},
            rule="P32-2",
        )
    return ksdd


def ksdd_catat_telaah(
    *,
    ksdd: Ksdd,
    user,
    tanggal: dt.date,
    temuan: Mapping[str, tuple[bool, str]],
    layak: bool,
    kesimpulan: str,
    tanggal_disampaikan: dt.date,
    versi: int | None = None,
) -> Ksdd:
    """TKKSD's review against the five criteria (P15-1), returned to the agency (P15-2).
    Layak: on to penawaran. Tidak layak: back to the agency to revise the KAK."""
    with langkah(ksdd=ksdd, nama="catat_telaah", user=user, versi=versi) as step:
        found = _tanggal_lampau(
            tanggal_disampaikan, _("Tanggal hasil telaah disampaikan"), "tanggal_disampaikan"
        )
        found += _urutan_tanggal(
            tanggal,
            tanggal_disampaikan,
            _("Hasil telaah disampaikan sebelum tanggal telaah."),
            "tanggal_disampaikan",
        )
        kurang = [
            str(label)
            for kode, label in KriteriaTelaah.choices
            if kode not in temuan or not (temuan[kode][1] or "").strip()
        ]
        if kurang:
            found.append(
                Pelanggaran(
                    "P15-1",
                    _(
                        "Telaah KAK harus memuat temuan untuk setiap pertimbangan Pasal 15 ayat (1); belum ada: %s."
                    )
                    % "; ".join(kurang),
                    field="temuan",
                )
            )
        if not kesimpulan.strip():
            found.append(
                Pelanggaran(
                    "P15-2",
                    _(
                        "Tuliskan kesimpulan telaah yang disampaikan kepada Perangkat Daerah (Pasal 15 ayat 2)."
                    ),
                    field="kesimpulan",
                )
            )
        tolak_jika(found)
        telaah = TelaahKak.objects.create(
            ksdd=step.ksdd,
            tanggal=tanggal,
            layak=layak,
            kesimpulan=kesimpulan,
            tanggal_disampaikan=tanggal_disampaikan,
            dicatat_oleh=user,
        )
        TemuanTelaah.objects.bulk_create(
            TemuanTelaah(telaah=telaah, kriteria=k, sesuai=bool(temuan[k][0]), uraian=temuan[k][1])
            for k in KriteriaTelaah.values
        )
        step.data = {"layak": layak}
        if layak:
            step.pindah(
                Status.MENYIAPKAN_PENAWARAN, alasan=_("KAK layak: %s") % kesimpulan, rule="P15-2"
            )
        else:
            step.pindah(
                Status.PENYUSUNAN_KAK,
                alasan=_("KAK dikembalikan untuk diperbaiki: %s") % kesimpulan,
                rule="P15-2",
            )
    return ksdd


def ksdd_catat_penawaran(
    *,
    ksdd: Ksdd,
    user,
    nomor_surat: str,
    tanggal_surat: dt.date,
    penandatangan: str,
    penerimaan: Mapping[str, dt.date],
    surat,
    versi: int | None = None,
) -> Ksdd:
    """Penawaran. Ours: signed by the Bupati, sent with the KAK to each partner's head,
    with the date each received it (P16-1…3). A partner's: the letter and the date we
    received it (P17-1…3). The reply period runs from those dates (P16-4, P17-4)."""
    with langkah(ksdd=ksdd, nama="catat_penawaran", user=user, versi=versi) as step:
        k = step.ksdd
        keluar = k.pemrakarsa == Pemrakarsa.DAERAH
        expected = (
            {m.kode: m for m in k.mitra.all()}
            if keluar
            else {k.pemrakarsa_mitra.kode: k.pemrakarsa_mitra}
        )
        found = _tanggal_lampau(tanggal_surat, _("Tanggal surat penawaran"), "tanggal_surat")
        found += _wajib_berkas(surat, _("surat penawaran"), "P16-3" if keluar else "P17-1", "surat")
        missing = sorted(set(expected) - set(penerimaan))
        if missing:
            found.append(
                Pelanggaran(
                    "P16-4" if keluar else "P17-4",
                    _("Isi tanggal surat penawaran diterima oleh: %s.")
                    % ", ".join(expected[c].nama_lengkap for c in missing),
                    field="penerimaan",
                )
            )
        extra = sorted(set(penerimaan) - set(expected))
        if extra:
            found.append(
                Pelanggaran(
                    "P16-3",
                    _("Bukan daerah mitra KSDD ini: %s.") % ", ".join(extra),
                    field="penerimaan",
                )
            )
        if keluar and "bupati" not in penandatangan.casefold():
            found.append(
                Pelanggaran(
                    "P16-3",
                    _("Surat penawaran ditandatangani oleh Bupati (Pasal 16 ayat 3)."),
                    field="penandatangan",
                )
            )
        for kode, tgl in penerimaan.items():
            if kode in expected:
                found += _tanggal_lampau(tgl, _("Tanggal diterima"), "penerimaan")
                found += _urutan_tanggal(
                    tanggal_surat,
                    tgl,
                    _("Surat penawaran tidak dapat diterima sebelum tanggal suratnya."),
                    "penerimaan",
                )
        tolak_jika(found)
        berkas = berkas_unggah(ksdd=k, jenis=JenisBerkas.SURAT_PENAWARAN, upload=surat, user=user)
        step.berkas.append(berkas)
        for kode, tgl in sorted(penerimaan.items()):
            Penawaran.objects.create(
                ksdd=k,
                mitra=expected[kode],
                arah=Penawaran.Arah.KELUAR if keluar else Penawaran.Arah.MASUK,
                nomor_surat=nomor_surat,
                tanggal_surat=tanggal_surat,
                penandatangan=penandatangan,
                tanggal_diterima=tgl,
                berkas=berkas,
                dicatat_oleh=user,
            )
        step.data = {
            "nomor_surat": nomor_surat,
            "diterima": {c: d.isoformat() for c, d in penerimaan.items()},
        }
        step.pindah(
            Status.MENUNGGU_TANGGAPAN,
            alasan=_("Surat penawaran %s dicatat.") % nomor_surat,
            rule="P16-3" if keluar else "P17-1",
        )
    return ksdd


def ksdd_catat_rekomendasi_pleno(
    *,
    ksdd: Ksdd,
    user,
    tanggal_rapat: dt.date,
    nomor_berita_acara: str,
    keputusan: str,
    alasan_penolakan: Sequence[str] = (),
    pertimbangan_persetujuan: Sequence[str] = (),
    uraian: str = "",
    berita_acara=None,
    versi: int | None = None,
) -> Ksdd:
    """TKKSD's recommendation on a partner's offer, decided in a Rapat Pleno (P18-3),
    rejecting on the grounds of P18-4 or accepting on those of P18-5."""
    with langkah(ksdd=ksdd, nama="catat_rekomendasi_pleno", user=user, versi=versi) as step:
        found = _tanggal_lampau(tanggal_rapat, _("Tanggal Rapat Pleno"), "tanggal_rapat")
        alasan_penolakan = list(dict.fromkeys(alasan_penolakan))
        pertimbangan_persetujuan = list(dict.fromkeys(pertimbangan_persetujuan))
        if keputusan == Keputusan.DITOLAK:
            bad = set(alasan_penolakan) - set(AlasanPenolakan.values)
            if not alasan_penolakan or bad:
                found.append(
                    Pelanggaran(
                        "P18-4",
                        _(
                            "Penolakan harus didasarkan pada pertimbangan Pasal 18 ayat (4) huruf a, b, dan/atau c."
                        ),
                        field="alasan_penolakan",
                    )
                )
            pertimbangan_persetujuan = []
        elif keputusan == Keputusan.DITERIMA:
            bad = set(pertimbangan_persetujuan) - set(PertimbanganPersetujuan.values)
            if not pertimbangan_persetujuan or bad:
                found.append(
                    Pelanggaran(
                        "P18-5",
                        _(
                            "Persetujuan harus didasarkan pada pertimbangan Pasal 18 ayat (5) huruf a sampai d."
                        ),
                        field="pertimbangan_persetujuan",
                    )
                )
            alasan_penolakan = []
        else:
            found.append(
                Pelanggaran(
                    "P18-3",
                    _("Keputusan Rapat Pleno harus menerima atau menolak."),
                    field="keputusan",
                )
            )
        if not nomor_berita_acara.strip():
            found.append(
                Pelanggaran(
                    "P18-3",
                    _("Sebutkan nomor Berita Acara Rapat Pleno."),
                    field="nomor_berita_acara",
                )
            )
        tolak_jika(found)
        ba = None
        if berita_acara:
            ba = berkas_unggah(
                ksdd=step.ksdd, jenis=JenisBerkas.BERITA_ACARA_PLENO, upload=berita_acara, user=user
            )
            step.berkas.append(ba)
        RekomendasiPleno.objects.create(
            ksdd=step.ksdd,
            tanggal_rapat=tanggal_rapat,
            nomor_berita_acara=nomor_berita_acara,
            keputusan=keputusan,
            alasan_penolakan=alasan_penolakan,
            pertimbangan_persetujuan=pertimbangan_persetujuan,
            uraian=uraian,
            berkas=ba,
            dicatat_oleh=user,
        )
        step.data = {
            "keputusan": keputusan,
            "alasan_penolakan": alasan_penolakan,
            "pertimbangan_persetujuan": pertimbangan_persetujuan,
        }
        step.alasan = _("Rapat Pleno TKKSD %(tgl)s merekomendasikan: %(k)s.") % {
            "tgl": tanggal_rapat.strftime("%d-%m-%Y"),
            "k": Keputusan(keputusan).label,
        }
        step.rule = "P18-3"
    return ksdd


def ksdd_catat_tanggapan(
    *,
    ksdd: Ksdd,
    user,
    mitra: str,
    keputusan: str,
    nomor_surat: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    surat,
    alasan: str = "",
    versi: int | None = None,
) -> Ksdd:
    """The reply to an offer. A partner's reply to ours (P16-4); or our reply to a
    partner's offer, only as TKKSD's Rapat Pleno recommended (P18-1, P18-3).
    Accepted by every partner: on to penyusunan KB. Rejected: the KSDD ends."""
    with langkah(ksdd=ksdd, nama="catat_tanggapan", user=user, versi=versi) as step:
        k = step.ksdd
        penawaran = k.penawaran.select_related("mitra").filter(mitra_id=mitra).first()
        found = []
        if penawaran is None:
            raise RuleViolation(
                Pelanggaran(
                    "P16-4",
                    _("Tidak ada penawaran kepada/dari %s pada KSDD ini.") % mitra,
                    field="mitra",
                )
            )
        if hasattr(penawaran, "tanggapan"):
            found.append(
                Pelanggaran(
                    "P16-4",
                    _("Tanggapan %s sudah dicatat.") % penawaran.mitra.nama_lengkap,
                    field="mitra",
                )
            )
        if keputusan not in Keputusan.values:
            found.append(
                Pelanggaran("P16-4", _("Tanggapan harus menerima atau menolak."), field="keputusan")
            )
        found += _tanggal_lampau(
            tanggal_diterima, _("Tanggal tanggapan diterima"), "tanggal_diterima"
        )
        found += _urutan_tanggal(
            tanggal_surat,
            tanggal_diterima,
            _("Surat tanggapan tidak dapat diterima sebelum tanggal suratnya."),
            "tanggal_diterima",
        )
        found += _urutan_tanggal(
            penawaran.tanggal_diterima,
            tanggal_surat,
            _("Tanggapan tidak dapat bertanggal sebelum penawaran diterima."),
            "tanggal_surat",
        )
        found += _wajib_berkas(surat, _("surat tanggapan"), "P16-4", "surat")
        rekomendasi = None
        if k.pemrakarsa == Pemrakarsa.MITRA:
            rekomendasi = k.rekomendasi_pleno.first()
            if rekomendasi and rekomendasi.keputusan != keputusan:
                found.append(
                    Pelanggaran(
                        "P18-3",
                        _(
                            "Tanggapan Bupati diberikan atas rekomendasi TKKSD (Pasal 18 ayat 1 dan 3): Rapat Pleno %(tgl)s merekomendasikan \u201c%(k)s\u201d."
                        )
                        % {
                            "tgl": rekomendasi.tanggal_rapat.strftime("%d-%m-%Y"),
                            "k": Keputusan(rekomendasi.keputusan).label,
                        },
                        field="keputusan",
                    )
                )
        if keputusan == Keputusan.DITOLAK and not alasan.strip() and rekomendasi is None:
            found.append(Pelanggaran("P16-4", _("Tuliskan alasan penolakan."), field="alasan"))
        tolak_jika(found)
        berkas = berkas_unggah(ksdd=k, jenis=JenisBerkas.SURAT_TANGGAPAN, upload=surat, user=user)
        step.berkas.append(berkas)
        Tanggapan.objects.create(
            penawaran=penawaran,
            keputusan=keputusan,
            nomor_surat=nomor_surat,
            tanggal_surat=tanggal_surat,
            tanggal_diterima=tanggal_diterima,
            alasan=alasan,
            rekomendasi=rekomendasi,
            berkas=berkas,
            dicatat_oleh=user,
        )
        step.data = {"mitra": mitra, "keputusan": keputusan}
        nama = penawaran.mitra.nama_lengkap
        if keputusan == Keputusan.DITOLAK:
            step.pindah(
                Status.DITOLAK,
                alasan=_("Penawaran ditolak (%(m)s): %(a)s")
                % {"m": nama, "a": alasan or rekomendasi.uraian},
                rule="P18-4" if rekomendasi else "P16-4",
            )
        elif not k.penawaran.filter(tanggapan__isnull=True).exclude(pk=penawaran.pk).exists():
            step.pindah(
                Status.PENYUSUNAN_KB, alasan=_("Penawaran diterima (%s).") % nama, rule="P19-1"
            )
        else:
            step.alasan = _("Tanggapan %s dicatat: diterima; menunggu tanggapan mitra lain.") % nama
    return ksdd


# --- the clocks of the offer stage: P16-5, P16-6, P18-2 (deadlines/pemicu.py) --------------


def _tgl(d: dt.date) -> str:
    return d.strftime("%d-%m-%Y")


def _penawaran_mitra(k: Ksdd, mitra: str, rule: str) -> Penawaran:
    penawaran = k.penawaran.select_related("mitra").filter(mitra_id=mitra).first()
    if penawaran is None:
        raise RuleViolation(
            Pelanggaran(
                rule, _("Tidak ada penawaran kepada/dari %s pada KSDD ini.") % mitra, field="mitra"
            )
        )
    return penawaran


def _batas_hari_kalender(rule: str, mulai: dt.date) -> dt.date:
    from kersa.deadlines.definisi import DEFINISI
    from kersa.deadlines.kalender import Kalender

    d = DEFINISI[rule]
    return Kalender({}).jatuh_tempo(d.satuan, mulai, d.panjang)


def _surat_opsional(step, upload, user):
    if not upload:
        return None
    berkas = berkas_unggah(ksdd=step.ksdd, jenis=JenisBerkas.LAINNYA, upload=upload, user=user)
    step.berkas.append(berkas)
    return berkas


def ksdd_catat_permintaan_kedua(
    *,
    ksdd: Ksdd,
    user,
    mitra: str,
    nomor_surat: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    surat=None,
    versi: int | None = None,
) -> Ksdd:
    """A second request for an answer to an offer. Ours, signed by the Bupati, to a
    partner that has not answered within 30 calendar days of receiving the offer (P16-5),
    with the date the partner received it (starts P16-6); or a partner's to us, with the
    date we received it (starts P18-2: the Bupati answers within 15 working days).
    The status does not change."""
    with langkah(ksdd=ksdd, nama="catat_permintaan_kedua", user=user, versi=versi) as step:
        k = step.ksdd
        keluar = k.pemrakarsa == Pemrakarsa.DAERAH
        rule = "P16-5" if keluar else "P18-2"
        penawaran = _penawaran_mitra(k, mitra, rule)
        nama = penawaran.mitra.nama_lengkap
        found = []
        if hasattr(penawaran, "tanggapan"):
            found.append(
                Pelanggaran(
                    rule,
                    _("Penawaran %s sudah ditanggapi; permintaan tanggapan kedua tidak diperlukan.")
                    % nama,
                    field="mitra",
                )
            )
        if hasattr(penawaran, "permintaan_kedua"):
            found.append(
                Pelanggaran(
                    rule,
                    _("Permintaan tanggapan kedua untuk %s sudah dicatat.") % nama,
                    field="mitra",
                )
            )
        found += _tanggal_lampau(tanggal_diterima, _("Tanggal surat diterima"), "tanggal_diterima")
        found += _urutan_tanggal(
            tanggal_surat,
            tanggal_diterima,
            _("Surat tidak dapat diterima sebelum tanggal suratnya."),
            "tanggal_diterima",
        )
        if keluar:
            batas = _batas_hari_kalender("P16-4", penawaran.tanggal_diterima)
            if tanggal_surat <= batas:
                found.append(
                    Pelanggaran(
                        "P16-5",
                        _(
                            "Permintaan tanggapan kedua disampaikan Bupati bila dalam 30 hari "
                            "kalender sejak surat penawaran diterima (%(diterima)s) tidak ada "
                            "tanggapan, yaitu setelah %(batas)s (Pasal 16 ayat 5)."
                        )
                        % {"diterima": _tgl(penawaran.tanggal_diterima), "batas": _tgl(batas)},
                        field="tanggal_surat",
                    )
                )
        else:
            found += _urutan_tanggal(
                penawaran.tanggal_diterima,
                tanggal_surat,
                _("Permintaan tanggapan kedua tidak dapat bertanggal sebelum penawaran diterima."),
                "tanggal_surat",
            )
        tolak_jika(found)
        PermintaanTanggapanKedua.objects.create(
            penawaran=penawaran,
            nomor_surat=nomor_surat,
            tanggal_surat=tanggal_surat,
            tanggal_diterima=tanggal_diterima,
            berkas=_surat_opsional(step, surat, user),
            dicatat_oleh=user,
        )
        step.data = {
            "mitra": penawaran.mitra_id,
            "penawaran": penawaran.pk,
            "tanggal_diterima": tanggal_diterima.isoformat(),
        }
        if keluar:
            step.alasan = _(
                "Permintaan tanggapan kedua %(n)s diterima %(m)s pada %(t)s; tanggapan "
                "ditunggu 15 hari kalender (Pasal 16 ayat 5 dan 6)."
            ) % {"n": nomor_surat, "m": nama, "t": _tgl(tanggal_diterima)}
        else:
            step.alasan = _(
                "Permintaan tanggapan kedua %(n)s dari %(m)s diterima pada %(t)s; Bupati "
                "menanggapi paling lama 15 hari kerja (Pasal 18 ayat 2)."
            ) % {"n": nomor_surat, "m": nama, "t": _tgl(tanggal_diterima)}
        step.rule = rule
    return ksdd


def ksdd_catat_laporan_gubernur(
    *,
    ksdd: Ksdd,
    user,
    mitra: str,
    nomor_surat: str,
    tanggal_surat: dt.date,
    surat=None,
    versi: int | None = None,
) -> Ksdd:
    """The Bupati's report to the Gubernur as Wakil Pemerintah Pusat: a partner has still
    not answered 15 calendar days after receiving the second request (P16-6). The
    status does not change; the KSDD may then be cancelled or still answered."""
    with langkah(ksdd=ksdd, nama="catat_laporan_gubernur", user=user, versi=versi) as step:
        k = step.ksdd
        penawaran = _penawaran_mitra(k, mitra, "P16-6")
        nama = penawaran.mitra.nama_lengkap
        kedua = getattr(penawaran, "permintaan_kedua", None)
        found = _tanggal_lampau(tanggal_surat, _("Tanggal surat laporan"), "tanggal_surat")
        if hasattr(penawaran, "tanggapan"):
            found.append(
                Pelanggaran(
                    "P16-6",
                    _("Penawaran %s sudah ditanggapi; laporan kepada Gubernur tidak diperlukan.")
                    % nama,
                    field="mitra",
                )
            )
        if hasattr(penawaran, "laporan_gubernur"):
            found.append(
                Pelanggaran(
                    "P16-6",
                    _("Laporan kepada Gubernur tentang %s sudah dicatat.") % nama,
                    field="mitra",
                )
            )
        if kedua is None:
            found.append(
                Pelanggaran(
                    "P16-6",
                    _(
                        "Bupati melapor kepada Gubernur bila mitra tetap tidak menanggapi 15 hari "
                        "kalender sejak permintaan tanggapan kedua (Pasal 16 ayat 6); permintaan "
                        "tanggapan kedua kepada %s belum dicatat."
                    )
                    % nama,
                    field="mitra",
                )
            )
        else:
            batas = _batas_hari_kalender("P16-6", kedua.tanggal_diterima)
            if tanggal_surat <= batas:
                found.append(
                    Pelanggaran(
                        "P16-6",
                        _(
                            "Laporan kepada Gubernur disampaikan bila dalam 15 hari kalender sejak "
                            "permintaan tanggapan kedua diterima (%(diterima)s) mitra tetap tidak "
                            "menanggapi, yaitu setelah %(batas)s (Pasal 16 ayat 6)."
                        )
                        % {"diterima": _tgl(kedua.tanggal_diterima), "batas": _tgl(batas)},
                        field="tanggal_surat",
                    )
                )
        tolak_jika(found)
        LaporanGubernur.objects.create(
            penawaran=penawaran,
            nomor_surat=nomor_surat,
            tanggal_surat=tanggal_surat,
            berkas=_surat_opsional(step, surat, user),
            dicatat_oleh=user,
        )
        step.data = {"mitra": penawaran.mitra_id, "penawaran": penawaran.pk}
        step.alasan = _(
            "Laporan Bupati kepada Gubernur sebagai Wakil Pemerintah Pusat %(n)s: %(m)s tidak "
            "menanggapi penawaran (Pasal 16 ayat 6)."
        ) % {"n": nomor_surat, "m": nama}
        step.rule = "P16-6"
    return ksdd


def _naskah_rancangan(
    step,
    *,
    jenis: str,
    user,
    tentang: str,
    tanggal_rapat_teknis: dt.date,
    tanggal_disepakati: dt.date,
    tanggal_mulai: dt.date,
    tanggal_berakhir: dt.date,
    rancangan,
    found: list[Pelanggaran],
) -> Naskah:
    rule = "P20-2" if jenis == JenisNaskah.KB else "P23"
    found += _tanggal_lampau(
        tanggal_disepakati, _("Tanggal rancangan disepakati"), "tanggal_disepakati"
    )
    found += _urutan_tanggal(
        tanggal_rapat_teknis,
        tanggal_disepakati,
        _("Rancangan disepakati para pihak setelah dibahas dalam rapat teknis TKKSD."),
        "tanggal_disepakati",
    )
    if tanggal_berakhir <= tanggal_mulai:
        found.append(
            Pelanggaran(
                rule, _("Tanggal berakhir harus setelah tanggal mulai."), field="tanggal_berakhir"
            )
        )
    if not tentang.strip():
        found.append(Pelanggaran(rule, _("Isi judul naskah (tentang)."), field="tentang"))
    found += _wajib_berkas(rancangan, _("rancangan naskah yang disepakati"), rule, "rancangan")
    tolak_jika(found)
    berkas = berkas_unggah(
        ksdd=step.ksdd,
        upload=rancangan,
        user=user,
        jenis=JenisBerkas.RANCANGAN_KB if jenis == JenisNaskah.KB else JenisBerkas.RANCANGAN_PKS,
    )
    step.berkas.append(berkas)
    naskah, _created = Naskah.objects.update_or_create(
        ksdd=step.ksdd,
        jenis=jenis,
        defaults={
            "tentang": tentang,
            "tanggal_rapat_teknis": tanggal_rapat_teknis,
            "tanggal_disepakati": tanggal_disepakati,
            "tanggal_mulai": tanggal_mulai,
            "tanggal_berakhir": tanggal_berakhir,
            "berkas_rancangan": berkas,
        },
    )
    # The agreed draft is also a version of the KSDD's KB/PKS document (P26), the one
    # the compliance check reads before signing (P11, P12).
    from kersa.documents.choices import AsalVersi
    from kersa.documents.services.versi import dokumen_naskah, versi_dari_berkas

    versi_dari_berkas(
        dokumen=dokumen_naskah(ksdd=step.ksdd, jenis=jenis, user=user),
        berkas=berkas,
        asal=AsalVersi.DISEPAKATI,
        user=user,
    )
    step.data = {
        "tanggal_mulai": tanggal_mulai.isoformat(),
        "tanggal_berakhir": tanggal_berakhir.isoformat(),
    }
    return naskah


def ksdd_sepakati_rancangan_kb(
    *,
    ksdd: Ksdd,
    user,
    tentang: str,
    tanggal_rapat_teknis: dt.date,
    tanggal_disepakati: dt.date,
    tanggal_mulai: dt.date,
    tanggal_berakhir: dt.date,
    rancangan,
    versi: int | None = None,
) -> Ksdd:
    """Penyusunan KB: drafted after acceptance (P19-1), discussed in a rapat teknis (P19-2),
    agreed with the partner (P20-1, P20-2), for at most 5 years (P19-3)."""
    with langkah(ksdd=ksdd, nama="sepakati_rancangan_kb", user=user, versi=versi) as step:
        found = rules.p19_3_jangka_kb(mulai=tanggal_mulai, berakhir=tanggal_berakhir)
        _naskah_rancangan(
            step,
            jenis=JenisNaskah.KB,
            user=user,
            tentang=tentang,
            tanggal_rapat_teknis=tanggal_rapat_teknis,
            tanggal_disepakati=tanggal_disepakati,
            tanggal_mulai=tanggal_mulai,
            tanggal_berakhir=tanggal_berakhir,
            rancangan=rancangan,
            found=found,
        )
        step.pindah(
            Status.PENANDATANGANAN_KB,
            alasan=_("Rancangan Kesepakatan Bersama disepakati para pihak."),
            rule="P20-2",
        )
    return ksdd


def ksdd_sepakati_rancangan_pks(
    *,
    ksdd: Ksdd,
    user,
    tentang: str,
    tanggal_rapat_teknis: dt.date,
    tanggal_disepakati: dt.date,
    tanggal_mulai: dt.date,
    tanggal_berakhir: dt.date,
    rancangan,
    versi: int | None = None,
) -> Ksdd:
    """Penyusunan PKS: drafted by the agency, discussed in a rapat teknis and agreed with
    the partner (P23); its duration is what the parties agree (P12-2)."""
    with langkah(ksdd=ksdd, nama="sepakati_rancangan_pks", user=user, versi=versi) as step:
        _naskah_rancangan(
            step,
            jenis=JenisNaskah.PKS,
            user=user,
            tentang=tentang,
            tanggal_rapat_teknis=tanggal_rapat_teknis,
            tanggal_disepakati=tanggal_disepakati,
            tanggal_mulai=tanggal_mulai,
            tanggal_berakhir=tanggal_berakhir,
            rancangan=rancangan,
            found=[],
        )
        step.pindah(
            Status.PENANDATANGANAN_PKS, alasan=_("Rancangan PKS disepakati para pihak."), rule="P23"
        )
    return ksdd


def _tandatangani(
    step,
    *,
    jenis: str,
    user,
    tanggal: dt.date,
    tempat: str,
    penandatangan: Sequence[Mapping],
    naskah_file,
) -> Naskah:
    k = step.ksdd
    naskah = k.naskah.filter(jenis=jenis).first()
    home = wilayah_daerah()
    parties = {home.kode: home, **{m.kode: m for m in k.mitra.all()}}
    kb = jenis == JenisNaskah.KB
    found = _tanggal_lampau(tanggal, _("Tanggal penandatanganan"), "tanggal")
    found += _wajib_berkas(
        naskah_file,
        _("pindaian naskah yang telah ditandatangani"),
        "P20-3" if kb else "P24-1",
        "naskah",
    )
    if naskah is None:
        raise RuleViolation(Pelanggaran("P13", _("Rancangan naskah belum disepakati.")))
    given = {p["wilayah"]: p for p in penandatangan}
    missing = [parties[c].nama_lengkap for c in parties if c not in given]
    if missing or set(given) - set(parties):
        found.append(
            Pelanggaran(
                "P20-3" if kb else "P24-1",
                _("Setiap pihak harus menandatangani naskah; belum ada penandatangan untuk: %s.")
                % ", ".join(missing)
                if missing
                else _("Penandatangan bukan pihak KSDD ini."),
                field="penandatangan",
            )
        )
    sk_map = {}
    for p in penandatangan:
        if p["wilayah"] not in parties:
            continue
        if not (
            p.get("nama", "").strip()
            and p.get("nomor_naskah", "").strip()
            and p.get("jabatan", "").strip()
        ):
            found.append(
                Pelanggaran(
                    "P12-5" if not kb else "P11-3",
                    _("Isi nomor naskah, nama dan jabatan penandatangan %s.")
                    % parties[p["wilayah"]].nama_lengkap,
                    field="penandatangan",
                )
            )
            continue
        sk = None
        if p.get("surat_kuasa"):
            sk = SuratKuasa.objects.filter(pk=p["surat_kuasa"]).first()
            if sk is None:
                found.append(
                    Pelanggaran("P24-2", _("Surat Kuasa tidak ditemukan."), field="surat_kuasa")
                )
                continue
        sk_map[p["wilayah"]] = sk
        found += rules.penandatangan_sah(
            jenis_kb=kb,
            tanggal=tanggal,
            ksdd=k,
            home=home.kode,
            penandatangan={**p, "wilayah": parties[p["wilayah"]], "surat_kuasa": sk},
        )
    tolak_jika(found)
    berkas = berkas_unggah(
        ksdd=k,
        upload=naskah_file,
        user=user,
        jenis=JenisBerkas.KB_DITANDATANGANI if kb else JenisBerkas.PKS_DITANDATANGANI,
    )
    step.berkas.append(berkas)
    order = [home.kode] + sorted(c for c in parties if c != home.kode)
    Penandatangan.objects.bulk_create(
        Penandatangan(
            naskah=naskah,
            urutan=i + 1,
            wilayah=parties[c],
            nomor_naskah=given[c]["nomor_naskah"],
            nama=given[c]["nama"],
            jabatan=given[c]["jabatan"],
            kedudukan=given[c]["kedudukan"],
            surat_kuasa=sk_map.get(c),
        )
        for i, c in enumerate(order)
    )
    naskah.tanggal_ditandatangani = tanggal
    naskah.tempat_penandatanganan = tempat
    naskah.jumlah_rangkap = rules.jumlah_rangkap(len(parties))
    naskah.berkas_ditandatangani = berkas
    naskah.save()
    step.data = {"tanggal": tanggal.isoformat(), "jumlah_rangkap": naskah.jumlah_rangkap}
    return naskah


def _rangkap_teks(naskah: Naskah) -> str:
    return _(
        "dibuat %(n)d rangkap asli (satu untuk setiap pihak dan satu berisi paraf hierarki) "
        "ditambah %(f)d eksemplar fotokopi untuk Sekretariat TKKSD"
    ) % {"n": naskah.jumlah_rangkap, "f": rules.FOTOKOPI_SEKRETARIAT}


def ksdd_tandatangani_kb(
    *,
    ksdd: Ksdd,
    user,
    tanggal: dt.date,
    tempat: str,
    penandatangan: Sequence[Mapping],
    naskah,
    versi: int | None = None,
) -> Ksdd:
    """Penandatanganan KB by the Bupati and each partner's head (P20-3), originals computed
    (P20-4). Then persetujuan DPRD when P21-1 requires it, otherwise it is skipped."""
    with langkah(ksdd=ksdd, nama="tandatangani_kb", user=user, versi=versi) as step:
        kb = _tandatangani(
            step,
            jenis=JenisNaskah.KB,
            user=user,
            tanggal=tanggal,
            tempat=tempat,
            penandatangan=penandatangan,
            naskah_file=naskah,
        )
        k = step.ksdd
        teks = _("Kesepakatan Bersama ditandatangani, %s.") % _rangkap_teks(kb)
        if k.memerlukan_persetujuan_dprd:
            step.pindah(
                Status.PERMOHONAN_DPRD,
                alasan=teks
                + " "
                + _("Memerlukan Persetujuan DPRD karena %s (Pasal 21 ayat 1).")
                % rules.alasan_dprd(k),
                rule="P21-1",
            )
        else:
            step.pindah(
                Status.PENYUSUNAN_PKS,
                alasan=teks
                + " "
                + _("Tahap persetujuan DPRD dilewati: KSDD %s (Pasal 21 ayat 1).")
                % rules.alasan_dprd(k),
                rule="P21-1",
            )
            step.data["dprd_dilewati"] = True
    return ksdd


def ksdd_ajukan_persetujuan_dprd(
    *,
    ksdd: Ksdd,
    user,
    nomor_surat: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    surat,
    rancangan_pks,
    versi: int | None = None,
) -> Ksdd:
    """The Bupati's request to the DPRD leadership with the signed KB and the draft PKS
    (P22-1a), facilitated by the cooperation agency (P21-2)."""
    with langkah(ksdd=ksdd, nama="ajukan_persetujuan_dprd", user=user, versi=versi) as step:
        found = _tanggal_lampau(tanggal_diterima, _("Tanggal diterima DPRD"), "tanggal_diterima")
        found += _urutan_tanggal(
            tanggal_surat,
            tanggal_diterima,
            _("Surat tidak dapat diterima sebelum tanggal suratnya."),
            "tanggal_diterima",
        )
        found += _wajib_berkas(surat, _("surat permohonan Persetujuan DPRD"), "P22-1a", "surat")
        found += _wajib_berkas(
            rancangan_pks, _("rancangan PKS (Pasal 22 ayat 1 huruf a)"), "P22-1a", "rancangan_pks"
        )
        tolak_jika(found)
        k = step.ksdd
        s = berkas_unggah(ksdd=k, jenis=JenisBerkas.PERMOHONAN_DPRD, upload=surat, user=user)
        r = berkas_unggah(ksdd=k, jenis=JenisBerkas.RANCANGAN_PKS, upload=rancangan_pks, user=user)
        step.berkas += [s, r]
        PermohonanDprd.objects.create(
            ksdd=k,
            nomor_surat=nomor_surat,
            tanggal_surat=tanggal_surat,
            tanggal_diterima=tanggal_diterima,
            berkas_surat=s,
            berkas_rancangan_pks=r,
            dicatat_oleh=user,
        )
        step.data = {"nomor_surat": nomor_surat, "tanggal_diterima": tanggal_diterima.isoformat()}
        step.pindah(
            Status.MENUNGGU_DPRD,
            alasan=_("Permohonan Persetujuan DPRD %(n)s diterima DPRD %(t)s.")
            % {"n": nomor_surat, "t": tanggal_diterima.strftime("%d-%m-%Y")},
            rule="P22-1a",
        )
    return ksdd


def ksdd_catat_persetujuan_dprd(
    *,
    ksdd: Ksdd,
    user,
    nomor: str,
    tanggal: dt.date,
    surat,
    versi: int | None = None,
) -> Ksdd:
    """DPRD's approval signed by its leadership (P22-2); on to penyusunan PKS."""
    with langkah(ksdd=ksdd, nama="catat_persetujuan_dprd", user=user, versi=versi) as step:
        k = step.ksdd
        permohonan = k.permohonan_dprd.first()
        found = _tanggal_lampau(tanggal, _("Tanggal persetujuan"), "tanggal")
        found += _urutan_tanggal(
            permohonan.tanggal_diterima,
            tanggal,
            _("Persetujuan tidak dapat bertanggal sebelum permohonan diterima DPRD."),
            "tanggal",
        )
        found += _wajib_berkas(
            surat,
            _("surat Persetujuan DPRD yang ditandatangani pimpinan DPRD (Pasal 22 ayat 2)"),
            "P22-2",
            "surat",
        )
        if not nomor.strip():
            found.append(
                Pelanggaran("P22-2", _("Sebutkan nomor surat Persetujuan DPRD."), field="nomor")
            )
        tolak_jika(found)
        berkas = berkas_unggah(ksdd=k, jenis=JenisBerkas.PERSETUJUAN_DPRD, upload=surat, user=user)
        step.berkas.append(berkas)
        PersetujuanDprd.objects.create(
            ksdd=k,
            permohonan=permohonan,
            nomor=nomor,
            tanggal=tanggal,
            berkas=berkas,
            dicatat_oleh=user,
        )
        step.data = {"nomor": nomor, "tanggal": tanggal.isoformat()}
        ke = (
            Status.PENANDATANGANAN_PKS
            if k.naskah.filter(jenis=JenisNaskah.PKS).exists()
            else Status.PENYUSUNAN_PKS
        )
        step.pindah(ke, alasan=_("Persetujuan DPRD %s dicatat.") % nomor, rule="P22-2")
    return ksdd


# --- the clocks of DPRD: P22-1b…f, P22-3 (deadlines/pemicu.py) ---------------------------


def _permohonan_terbuka(k: Ksdd, rule: str) -> PermohonanDprd:
    permohonan = k.permohonan_dprd.first()
    if permohonan is None:
        raise RuleViolation(
            Pelanggaran(rule, _("Permohonan Persetujuan DPRD belum dicatat (Pasal 22 ayat 1)."))
        )
    return permohonan


def ksdd_catat_telaahan_dprd(
    *,
    ksdd: Ksdd,
    user,
    nomor_surat: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    surat=None,
    versi: int | None = None,
) -> Ksdd:
    """The DPRD leadership's answer with its commission's review of the draft PKS, received
    by the Bupati (P22-1b, P22-1c): DPRD has taken a position (P22-3 is met) and the
    Bupati follows it up within 15 working days (starts P22-1d). Status unchanged."""
    with langkah(ksdd=ksdd, nama="catat_telaahan_dprd", user=user, versi=versi) as step:
        permohonan = _permohonan_terbuka(step.ksdd, "P22-1c")
        found = []
        if hasattr(permohonan, "telaahan"):
            found.append(
                Pelanggaran("P22-1c", _("Telaahan DPRD atas permohonan ini sudah dicatat."))
            )
        found += _tanggal_lampau(tanggal_diterima, _("Tanggal diterima Bupati"), "tanggal_diterima")
        found += _urutan_tanggal(
            permohonan.tanggal_diterima,
            tanggal_surat,
            _("Surat pimpinan DPRD tidak dapat bertanggal sebelum permohonan diterima DPRD."),
            "tanggal_surat",
        )
        found += _urutan_tanggal(
            tanggal_surat,
            tanggal_diterima,
            _("Surat tidak dapat diterima sebelum tanggal suratnya."),
            "tanggal_diterima",
        )
        tolak_jika(found)
        TelaahanDprd.objects.create(
            permohonan=permohonan,
            nomor_surat=nomor_surat,
            tanggal_surat=tanggal_surat,
            tanggal_diterima=tanggal_diterima,
            berkas=_surat_opsional(step, surat, user),
            dicatat_oleh=user,
        )
        step.data = {"nomor_surat": nomor_surat, "tanggal_diterima": tanggal_diterima.isoformat()}
        step.alasan = _(
            "Telaahan DPRD atas rancangan PKS (%(n)s) diterima Bupati pada %(t)s; Bupati "
            "menindaklanjuti paling lama 15 hari kerja (Pasal 22 ayat 1 huruf c dan d)."
        ) % {"n": nomor_surat, "t": _tgl(tanggal_diterima)}
        step.rule = "P22-1c"
    return ksdd


def ksdd_catat_tindak_lanjut_telaahan(
    *,
    ksdd: Ksdd,
    user,
    nomor_surat: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    surat=None,
    versi: int | None = None,
) -> Ksdd:
    """The Bupati's follow-up of DPRD's review, sent back and received by DPRD (P22-1d):
    DPRD approves within 15 working days of receipt (starts P22-1e), or the approval is
    deemed given (P22-1f). Status unchanged."""
    with langkah(ksdd=ksdd, nama="catat_tindak_lanjut_telaahan", user=user, versi=versi) as step:
        permohonan = _permohonan_terbuka(step.ksdd, "P22-1d")
        telaahan = getattr(permohonan, "telaahan", None)
        found = []
        if telaahan is None:
            found.append(
                Pelanggaran(
                    "P22-1d",
                    _(
                        "Bupati menindaklanjuti hasil kajian DPRD atas rancangan PKS (Pasal 22 "
                        "ayat 1 huruf d); telaahan DPRD belum dicatat."
                    ),
                )
            )
        if hasattr(permohonan, "tindak_lanjut"):
            found.append(
                Pelanggaran("P22-1d", _("Tindak lanjut atas telaahan DPRD sudah dicatat."))
            )
        found += _tanggal_lampau(tanggal_diterima, _("Tanggal diterima DPRD"), "tanggal_diterima")
        if telaahan is not None:
            found += _urutan_tanggal(
                telaahan.tanggal_diterima,
                tanggal_surat,
                _("Tindak lanjut tidak dapat bertanggal sebelum telaahan DPRD diterima."),
                "tanggal_surat",
            )
        found += _urutan_tanggal(
            tanggal_surat,
            tanggal_diterima,
            _("Surat tidak dapat diterima sebelum tanggal suratnya."),
            "tanggal_diterima",
        )
        tolak_jika(found)
        TindakLanjutTelaahan.objects.create(
            permohonan=permohonan,
            nomor_surat=nomor_surat,
            tanggal_surat=tanggal_surat,
            tanggal_diterima=tanggal_diterima,
            berkas=_surat_opsional(step, surat, user),
            dicatat_oleh=user,
        )
        step.data = {"nomor_surat": nomor_surat, "tanggal_diterima": tanggal_diterima.isoformat()}
        step.alasan = _(
            "Tindak lanjut Bupati atas telaahan DPRD (%(n)s) diterima DPRD pada %(t)s; pimpinan "
            "DPRD memberikan persetujuan paling lama 15 hari kerja (Pasal 22 ayat 1 huruf e)."
        ) % {"n": nomor_surat, "t": _tgl(tanggal_diterima)}
        step.rule = "P22-1d"
    return ksdd


def _status_setelah_dprd(k: Ksdd) -> str:
    if k.naskah.filter(jenis=JenisNaskah.PKS).exists():
        return Status.PENANDATANGANAN_PKS
    return Status.PENYUSUNAN_PKS


def ksdd_anggap_persetujuan_dprd(*, ksdd: Ksdd, rule: str, tanggal: dt.date) -> Ksdd:
    """The approval deemed given when DPRD has not answered in time, recorded by the
    system (the worker, ``kersa.deadlines.tasks``), not by a person: the same step as a
    signed approval (``catat_persetujuan_dprd``), without a letter, dated the last day
    of the period (``tanggal``), citing its Pasal. ``rule`` is "P22-3" (no position in
    45 working days of the request) or "P22-1f" (no approval in 15 working days of the
    Bupati's follow-up). The KSDD moves on exactly as for a signed approval."""
    if rule not in ("P22-3", "P22-1f"):
        raise ValueError(rule)
    with langkah(ksdd=ksdd, nama="catat_persetujuan_dprd", user=None) as step:
        k = step.ksdd
        permohonan = _permohonan_terbuka(k, rule)
        if hasattr(permohonan, "persetujuan"):
            raise RuleViolation(Pelanggaran(rule, _("Persetujuan DPRD sudah dicatat.")))
        if rule == "P22-3":
            dasar = _("Pasal 22 ayat (3)")
            alasan = _(
                "Persetujuan DPRD dianggap telah diberikan karena DPRD tidak menetapkan sikap "
                "dalam 45 hari kerja sejak permohonan %(n)s diterima pada %(t)s; jangka waktu "
                "berakhir %(j)s (Pasal 22 ayat 3)."
            ) % {
                "n": permohonan.nomor_surat,
                "t": _tgl(permohonan.tanggal_diterima),
                "j": _tgl(tanggal),
            }
        else:
            dasar = _("Pasal 22 ayat (1) huruf f")
            tindak_lanjut = getattr(permohonan, "tindak_lanjut", None)
            diterima = tindak_lanjut.tanggal_diterima if tindak_lanjut else tanggal
            alasan = _(
                "Persetujuan DPRD dianggap telah diberikan karena pimpinan DPRD tidak memberikan "
                "persetujuan dalam 15 hari kerja sejak tindak lanjut Bupati diterima pada %(t)s; "
                "jangka waktu berakhir %(j)s (Pasal 22 ayat 1 huruf e dan f)."
            ) % {"t": _tgl(diterima), "j": _tgl(tanggal)}
        PersetujuanDprd.objects.create(
            ksdd=k,
            permohonan=permohonan,
            nomor="",
            tanggal=tanggal,
            dianggap=True,
            dasar=dasar,
            berkas=None,
            dicatat_oleh=None,
        )
        step.data = {"dianggap": True, "dasar": str(dasar), "tanggal": tanggal.isoformat()}
        step.pindah(_status_setelah_dprd(k), alasan=alasan, rule=rule)
    return ksdd


def ksdd_tandatangani_pks(
    *,
    ksdd: Ksdd,
    user,
    tanggal: dt.date,
    tempat: str,
    penandatangan: Sequence[Mapping],
    naskah,
    versi: int | None = None,
) -> Ksdd:
    """Penandatanganan PKS by the Bupati or an official under a valid Surat Kuasa
    (P24-1…3), never while DPRD approval is required and missing (P21-1); originals
    computed (P24-4). Then pelaksanaan."""
    with langkah(ksdd=ksdd, nama="tandatangani_pks", user=user, versi=versi) as step:
        pks = _tandatangani(
            step,
            jenis=JenisNaskah.PKS,
            user=user,
            tanggal=tanggal,
            tempat=tempat,
            penandatangan=penandatangan,
            naskah_file=naskah,
        )
        step.pindah(
            Status.PELAKSANAAN,
            alasan=_("PKS ditandatangani, %s. KSDD memasuki pelaksanaan.") % _rangkap_teks(pks),
            rule="P24-4",
        )
    return ksdd


def ksdd_akhiri(*, ksdd: Ksdd, user, alasan: str, versi: int | None = None) -> Ksdd:
    """Terminate a running KSDD (pengakhiran), with its reason."""
    return _akhir(
        ksdd=ksdd, user=user, alasan=alasan, versi=versi, nama="akhiri", ke=Status.DIAKHIRI
    )


def ksdd_batalkan(*, ksdd: Ksdd, user, alasan: str, versi: int | None = None) -> Ksdd:
    """Cancel a KSDD before pelaksanaan, with its reason."""
    return _akhir(
        ksdd=ksdd, user=user, alasan=alasan, versi=versi, nama="batalkan", ke=Status.DIBATALKAN
    )


def _akhir(*, ksdd, user, alasan, versi, nama, ke) -> Ksdd:
    with langkah(ksdd=ksdd, nama=nama, user=user, versi=versi) as step:
        if not (alasan or "").strip():
            raise RuleViolation(Pelanggaran("P13", _("Tuliskan alasannya."), field="alasan"))
        step.pindah(ke, alasan=alasan.strip(), rule="P13")
    return ksdd
