"""An identification and its list: started, set with the Bupati's Berita Acara
(P7-5, P8-4, P8-5), reopened with a reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements.choices import Kategori
from kersa.core.errors import Pelanggaran, RuleViolation, tolak_jika
from kersa.core.format import bahasa_dokumen
from kersa.core.status import catat_awal, pindah
from kersa.deadlines.definisi import DEFINISI
from kersa.deadlines.services import tenggat_penuhi
from kersa.documents.choices import JenisDokumen
from kersa.documents.services import dokumen_rekaman, rekaman_hasilkan
from kersa.regions.models import PerangkatDaerah

from ..berita_acara import berita_acara_docx
from ..choices import StatusIdentifikasi
from ..models import Identifikasi
from ..selectors import batas_p8_5
from ._umum import _cek_izin, _masih_disusun, _pasal, _rule
from .butir import perlu_forum_provinsi

__all__ = [
    "identifikasi_berita_acara_hasilkan",
    "identifikasi_buka_kembali",
    "identifikasi_mulai",
    "identifikasi_tetapkan",
]

# --- identification ------------------------------------------------------------------


def identifikasi_mulai(
    *,
    user,
    kategori: str,
    tahun_rencana: int,
    tanggal_mulai: dt.date,
    perangkat_perencanaan: PerangkatDaerah | None,
    perangkat_terlibat: Iterable[PerangkatDaerah] = (),
    catatan: str = "",
) -> Identifikasi:
    """Start the Identifikasi dan Pemetaan of a category for a plan year, coordinated
    with the planning agency and involving the agencies (P7-2, P8-2)."""
    _cek_izin(user)
    found = []
    if kategori not in Kategori.values:
        found.append(
            Pelanggaran(
                "P6", _("Kategori adalah Kerja Sama Wajib atau Sukarela (Pasal 6)."), "kategori"
            )
        )
        tolak_jika(found)
    rule = _rule(kategori, 2)
    if perangkat_perencanaan is None:
        found.append(
            Pelanggaran(
                rule,
                _(
                    "Identifikasi dan Pemetaan dikoordinasikan bersama Perangkat Daerah yang "
                    "membidangi perencanaan pembangunan daerah (%s): pilih Perangkat Daerahnya."
                )
                % _pasal(kategori, 2),
                field="perangkat_perencanaan",
            )
        )
    if not 2000 <= tahun_rencana <= 2100:
        found.append(Pelanggaran(rule, _("Tahun rencana tidak wajar."), field="tahun_rencana"))
    elif tanggal_mulai.year > tahun_rencana:
        found.append(
            Pelanggaran(
                rule,
                _("Identifikasi untuk tahun %(n)s tidak dapat dimulai pada tahun %(t)s.")
                % {"n": tahun_rencana, "t": tanggal_mulai.year},
                field="tanggal_mulai",
            )
        )
    if Identifikasi.objects.filter(kategori=kategori, tahun_rencana=tahun_rencana).exists():
        found.append(
            Pelanggaran(
                _rule(kategori, 3),
                _("Daftar rencana %(k)s tahun %(n)s sudah ada (satu daftar per tahun, %(p)s).")
                % {
                    "k": Kategori(kategori).label,
                    "n": tahun_rencana,
                    "p": _pasal(kategori, 3),
                },
                field="tahun_rencana",
            )
        )
    tolak_jika(found)
    terlibat = list(perangkat_terlibat)
    try:
        with transaction.atomic():
            ident = Identifikasi.objects.create(
                kategori=kategori,
                tahun_rencana=tahun_rencana,
                tanggal_mulai=tanggal_mulai,
                perangkat_perencanaan=perangkat_perencanaan,
                catatan=catatan,
                dibuat_oleh=user,
            )
            ident.perangkat_terlibat.set(terlibat)
            catat_awal(ident, oleh=user, alasan=_("Identifikasi dan Pemetaan dimulai."), rule=rule)
    except IntegrityError as exc:  # two clerks at once: the unique constraint decides
        raise RuleViolation(
            Pelanggaran(
                _rule(kategori, 3),
                _("Daftar rencana untuk kategori dan tahun ini sudah ada."),
                field="tahun_rencana",
            )
        ) from exc
    return ident


# --- setting the list ----------------------------------------------------------------


def _aturan_tetapkan(
    ident: Identifikasi, nomor: str, tanggal: dt.date | None, selesai: dt.date
) -> list[Pelanggaran]:
    k = ident.kategori
    rule_ba = _rule(k, 5 if k == Kategori.WAJIB else 4)
    pasal_ba = _pasal(k, 5 if k == Kategori.WAJIB else 4)
    found = []
    if ident.perangkat_perencanaan_id is None:
        found.append(
            Pelanggaran(
                _rule(k, 2),
                _(
                    "Sebutkan Perangkat Daerah perencanaan yang mengoordinasikan Identifikasi dan "
                    "Pemetaan (%s)."
                )
                % _pasal(k, 2),
                field="perangkat_perencanaan",
            )
        )
    butir = list(ident.butir.select_related("urusan").prefetch_related("mitra"))
    if not butir:
        found.append(
            Pelanggaran(
                _rule(k, 3),
                _("Daftar rencana belum memuat satu pun Program dan Kegiatan (%s).") % _pasal(k, 3),
            )
        )
    for b in butir:
        if perlu_forum_provinsi(k, b.mitra.all()) and not (b.forum_provinsi and b.tanggal_forum):
            found.append(
                Pelanggaran(
                    "P7-4",
                    _(
                        "Butir “%(b)s” adalah Kerja Sama Wajib antar-kabupaten/kota dalam "
                        "satu provinsi: daftar rencananya dibahas dalam Musrenbang Provinsi atau "
                        "rapat koordinasi teknis di Provinsi. Catat forum dan tanggalnya sebelum "
                        "daftar ditetapkan (Pasal 7 ayat 4)."
                    )
                    % {"b": b},
                    field="butir",
                )
            )
    if not (nomor or "").strip():
        found.append(
            Pelanggaran(
                rule_ba,
                _("Sebutkan nomor Berita Acara daftar rencana (%s).") % pasal_ba,
                field="nomor_berita_acara",
            )
        )
    if tanggal is None:
        found.append(
            Pelanggaran(
                rule_ba,
                _("Sebutkan tanggal Berita Acara ditandatangani Bupati (%s).") % pasal_ba,
                field="tanggal_berita_acara",
            )
        )
    else:
        if tanggal > timezone.localdate():
            found.append(
                Pelanggaran(
                    rule_ba,
                    _("Tanggal penandatanganan Berita Acara tidak boleh setelah hari ini."),
                    field="tanggal_berita_acara",
                )
            )
        if tanggal < ident.tanggal_mulai:
            found.append(
                Pelanggaran(
                    rule_ba,
                    _("Berita Acara tidak dapat ditandatangani sebelum identifikasi dimulai."),
                    field="tanggal_berita_acara",
                )
            )
        if selesai > tanggal or selesai < ident.tanggal_mulai:
            found.append(
                Pelanggaran(
                    rule_ba,
                    _(
                        "Identifikasi selesai antara tanggal mulai dan tanggal Berita Acara "
                        "ditandatangani."
                    ),
                    field="tanggal_selesai",
                )
            )
    return found


def _tutup_p8_5(ident: Identifikasi, user) -> bool:
    """P8-5: a Sukarela list signed by 31 March of N−1 meets the clock ``P8-5:{N}``.
    A later one meets nothing: the clock stays as the worker leaves it (missed)."""
    if ident.kategori != Kategori.SUKARELA:
        return False
    if ident.tanggal_berita_acara > batas_p8_5(ident.tahun_rencana):
        return False

    return tenggat_penuhi(
        kunci=DEFINISI["P8-5"].kunci(ident.tahun_rencana),
        alasan=_("Daftar rencana KSDD sukarela tahun %(n)s ditetapkan, Berita Acara %(ba)s.")
        % {"n": ident.tahun_rencana, "ba": ident.nomor_berita_acara},
        oleh=user,
        pada=ident.tanggal_berita_acara,
    )


def identifikasi_tetapkan(
    *,
    identifikasi: Identifikasi,
    user,
    nomor_berita_acara: str,
    tanggal_berita_acara: dt.date | None,
    tanggal_selesai: dt.date | None = None,
    alasan: str = "",
) -> Identifikasi:
    """Set the list down in the Berita Acara signed by the Bupati (P7-5, P8-4): checks
    P7-2/P8-2, P7-3/P8-3 and P7-4, records the status change, meets the P8-5 clock of a
    Sukarela list signed in time, and generates the Berita Acara (DOCX)."""
    _cek_izin(user)
    nomor = (nomor_berita_acara or "").strip()
    with transaction.atomic():
        ident = Identifikasi.objects.select_for_update().get(pk=identifikasi.pk)
        _masih_disusun(ident)
        selesai = tanggal_selesai or tanggal_berita_acara
        tolak_jika(_aturan_tetapkan(ident, nomor, tanggal_berita_acara, selesai))
        rule_ba = _rule(ident.kategori, 5 if ident.kategori == Kategori.WAJIB else 4)
        ident.nomor_berita_acara = nomor
        ident.tanggal_berita_acara = tanggal_berita_acara
        ident.tanggal_selesai = selesai
        pindah(
            ident,
            StatusIdentifikasi.DITETAPKAN,
            oleh=user,
            alasan=alasan
            or _("Ditetapkan dengan Berita Acara %(n)s yang ditandatangani Bupati pada %(t)s.")
            % {"n": nomor, "t": tanggal_berita_acara.strftime("%d-%m-%Y")},
            rule=rule_ba,
        )
        _tutup_p8_5(ident, user)
        identifikasi_berita_acara_hasilkan(identifikasi=ident, user=user)
    identifikasi.refresh_from_db()
    return identifikasi


def identifikasi_buka_kembali(*, identifikasi: Identifikasi, user, alasan: str) -> Identifikasi:
    """Reopen a set list for a documented correction (secretariat, with a reason). It
    is then set again with a new Berita Acara; the earlier one stays as a version."""
    _cek_izin(user)
    with transaction.atomic():
        ident = Identifikasi.objects.select_for_update().get(pk=identifikasi.pk)
        rule_ba = _rule(ident.kategori, 5 if ident.kategori == Kategori.WAJIB else 4)
        if ident.status != StatusIdentifikasi.DITETAPKAN:
            raise RuleViolation(Pelanggaran(rule_ba, _("Daftar rencana ini belum ditetapkan.")))
        if len((alasan or "").strip()) < 10:
            raise RuleViolation(
                Pelanggaran(
                    rule_ba,
                    _(
                        "Daftar rencana yang telah ditetapkan Bupati hanya dapat dibuka kembali "
                        "dengan alasan tertulis (%s)."
                    )
                    % _pasal(ident.kategori, 5 if ident.kategori == Kategori.WAJIB else 4),
                    field="alasan",
                )
            )
        pindah(
            ident,
            StatusIdentifikasi.PENYUSUNAN,
            oleh=user,
            alasan=alasan.strip(),
            rule=rule_ba,
            simpan=[],
        )
    identifikasi.refresh_from_db()
    return identifikasi


@bahasa_dokumen
def identifikasi_berita_acara_hasilkan(*, identifikasi: Identifikasi, user):
    """Generate (a new version of) the Berita Acara of a set list (P7-5, P8-4)."""

    ident = identifikasi
    if ident.status != StatusIdentifikasi.DITETAPKAN:
        raise RuleViolation(
            Pelanggaran(
                _rule(ident.kategori, 5 if ident.kategori == Kategori.WAJIB else 4),
                _("Berita Acara dibuat setelah daftar rencana ditetapkan."),
            )
        )
    with transaction.atomic():
        dok = ident.berita_acara
        judul = _("Berita Acara Identifikasi dan Pemetaan KSDD %(k)s Tahun %(n)s") % {
            "k": Kategori(ident.kategori).label,
            "n": ident.tahun_rencana,
        }
        if dok is None:
            dok = dokumen_rekaman(
                jenis=JenisDokumen.BERITA_ACARA_RENCANA,
                judul=judul,
                user=user,
                tanggal=ident.tanggal_berita_acara,
                bernomor=False,
            )
            ident.berita_acara = dok
            ident.save(update_fields=["berita_acara"])
        if dok.nomor != ident.nomor_berita_acara:
            dok.nomor = ident.nomor_berita_acara
            dok.save(update_fields=["nomor"])
        versi = rekaman_hasilkan(
            dokumen=dok,
            konteks={},
            data=berita_acara_docx(ident),
            nama_berkas=f"berita-acara-rencana-{ident.kategori}-{ident.tahun_rencana}.docx",
            user=user,
        )
    return versi
