"""Stage a (persiapan): submitting the KAK, written guidance, the TKKSD review (Pasal 14-15)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, tolak_jika
from kersa.documents.choices import JenisBerkas
from kersa.documents.services import berkas_unggah

from ..choices import (
    KriteriaTelaah,
    Pemrakarsa,
    Status,
)
from ..langkah import langkah
from ..models import (
    Ksdd,
    PengajuanKak,
    PetunjukTertulis,
    TelaahKak,
    TemuanTelaah,
)
from .umum import _tanggal_lampau, _urutan_tanggal, _wajib_berkas

# --- the steps of Pasal 13 ------------------------------------------------------------------


def ksdd_ajukan_kak(
    *,
    ksdd: Ksdd,
    user,
    nomor: str,
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
            nomor=nomor,
            tanggal_surat=tanggal_surat,
            berkas=surat,
            dicatat_oleh=user,
        )
        step.data = {"nomor_surat": nomor, "tanggal_surat": tanggal_surat.isoformat()}
        step.pindah(
            Status.KAK_DIAJUKAN,
            alasan=_("KAK diajukan kepada TKKSD dengan surat %s.") % nomor,
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


def _periksa_telaah(tanggal, temuan, kesimpulan, tanggal_disampaikan) -> list[Pelanggaran]:
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
    return found


def _simpan_telaah(step, *, user, tanggal, temuan, layak, kesimpulan, tanggal_disampaikan):
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
    return telaah


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
        tolak_jika(_periksa_telaah(tanggal, temuan, kesimpulan, tanggal_disampaikan))
        _simpan_telaah(
            step,
            user=user,
            tanggal=tanggal,
            temuan=temuan,
            layak=layak,
            kesimpulan=kesimpulan,
            tanggal_disampaikan=tanggal_disampaikan,
        )
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


def ksdd_catat_telaah_kak_mitra(
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
    """TKKSD's review of the KAK that came with a partner's offer, with the five
    criteria of Pasal 15 (P17-2, P15-1), sent to the agency of that urusan (P17-3). The
    status does not change: the offer's clock runs on; the review is the basis of the
    recommendation (P18-3) and the Bupati's answer."""
    with langkah(ksdd=ksdd, nama="catat_telaah_kak_mitra", user=user, versi=versi) as step:
        found = _periksa_telaah(tanggal, temuan, kesimpulan, tanggal_disampaikan)
        penawaran = step.ksdd.penawaran.order_by("tanggal_diterima").first()
        if penawaran is not None:
            found += _urutan_tanggal(
                penawaran.tanggal_diterima,
                tanggal,
                _("KAK daerah mitra tidak dapat ditelaah sebelum penawarannya diterima."),
                "tanggal",
            )
        tolak_jika(found)
        _simpan_telaah(
            step,
            user=user,
            tanggal=tanggal,
            temuan=temuan,
            layak=layak,
            kesimpulan=kesimpulan,
            tanggal_disampaikan=tanggal_disampaikan,
        )
        step.alasan = (
            _("KAK daerah mitra layak ditindaklanjuti: %s") % kesimpulan
            if layak
            else _("KAK daerah mitra tidak layak ditindaklanjuti: %s") % kesimpulan
        )
        step.rule = "P17-2"
    return ksdd
