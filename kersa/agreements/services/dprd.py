"""Stage e: the DPRD approval, its review steps and the deemed approval (Pasal 21-22)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, RuleViolation, tolak_jika
from kersa.documents.choices import JenisBerkas
from kersa.documents.services import berkas_unggah

from .. import rules
from ..choices import (
    JenisNaskah,
    Status,
)
from ..models import (
    Ksdd,
    PermohonanDprd,
    PersetujuanDprd,
    TelaahanDprd,
    TindakLanjutTelaahan,
)
from ..workflow import langkah
from .penawaran import _surat_opsional, _tgl
from .umum import _surat_diterima, _tanggal_lampau, _urutan_tanggal, _wajib_berkas


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
        found = _surat_diterima(tanggal_surat, tanggal_diterima, _("Tanggal diterima DPRD"))
        found += rules.p13_tanggal_langkah(
            step.ksdd, dprd_permohonan=(tanggal_surat, "tanggal_surat")
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
        found += rules.p13_tanggal_langkah(step.ksdd, dprd_persetujuan=(tanggal, "tanggal"))
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
        found += _surat_diterima(tanggal_surat, tanggal_diterima, _("Tanggal diterima Bupati"))
        found += _urutan_tanggal(
            permohonan.tanggal_diterima,
            tanggal_surat,
            _("Surat pimpinan DPRD tidak dapat bertanggal sebelum permohonan diterima DPRD."),
            "tanggal_surat",
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
        found += _surat_diterima(tanggal_surat, tanggal_diterima, _("Tanggal diterima DPRD"))
        if telaahan is not None:
            found += _urutan_tanggal(
                telaahan.tanggal_diterima,
                tanggal_surat,
                _("Tindak lanjut tidak dapat bertanggal sebelum telaahan DPRD diterima."),
                "tanggal_surat",
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
