"""Stage e: the DPRD approval, its review steps and the deemed approval (Pasal 21-22)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, RuleViolation, tolak_jika
from kersa.deadlines.definisi import DEFINISI
from kersa.documents.choices import AsalVersi, JenisBerkas, JenisDokumen
from kersa.documents.models import VersiDokumen
from kersa.documents.services import berkas_unggah
from kersa.documents.services.versi import dokumen_naskah, versi_dari_berkas

from .. import rules
from ..choices import (
    JenisNaskah,
    Status,
)
from ..langkah import langkah
from ..models import (
    JawabanDprd,
    Ksdd,
    PenolakanDprd,
    PermohonanDprd,
    PersetujuanDprd,
    PersetujuanDprdPerubahan,
    TelaahanDprd,
    TindakLanjutTelaahan,
)
from .penawaran import _tgl
from .surat import _surat_catat
from .umum import (
    _surat_bertanda,
    _surat_diterima,
    _tanggal_lampau,
    _urutan_tanggal,
    _wajib_berkas,
)


def _permohonan_baru_boleh(k: Ksdd, tanggal_diterima: dt.date) -> list[Pelanggaran]:
    """P22-3: after a refusal, a new request restarts the P22 chain, received after the
    refusal. (No new request while one is pending or an approval stands: the table's
    precondition ``prasyarat.permohonan_lalu_selesai``, run by langkah().)"""
    terakhir = k.permohonan_dprd.first()
    penolakan = getattr(terakhir, "penolakan", None) if terakhir else None
    if penolakan and tanggal_diterima and tanggal_diterima < penolakan.tanggal_diterima:
        return [
            Pelanggaran(
                "P22-3",
                _(
                    "Permohonan baru tidak dapat diterima DPRD sebelum penolakan DPRD "
                    "%(n)s diterima pada %(t)s (Pasal 22 ayat 3)."
                )
                % {"n": penolakan.nomor, "t": _tgl(penolakan.tanggal_diterima)},
                field="tanggal_diterima",
            )
        ]
    return []


def _rancangan_tersimpan(
    k: Ksdd, upload, pilihan: VersiDokumen | int | None
) -> tuple[VersiDokumen | None, list[Pelanggaran]]:
    """P22-1a: the stored version of this KSDD's PKS chosen as the draft sent to the
    DPRD, or the refusal: one of another KSDD (or not a PKS), or both a version and an
    upload."""
    if pilihan in (None, ""):
        return None, []
    field = "rancangan_pks_versi"
    if upload:
        return None, [
            Pelanggaran(
                "P22-1a",
                _(
                    "Pilih salah satu: unggah rancangan PKS atau gunakan versi yang tersimpan, "
                    "tidak keduanya (Pasal 22 ayat 1 huruf a)."
                ),
                field=field,
            )
        ]
    pk = pilihan.pk if isinstance(pilihan, VersiDokumen) else pilihan
    v = (
        VersiDokumen.objects.select_related("dokumen", "berkas")
        .filter(pk=pk, dokumen__ksdd=k, dokumen__jenis=JenisDokumen.PKS)
        .first()
    )
    if v is None:
        return None, [
            Pelanggaran(
                "P22-1a",
                _(
                    "Versi dokumen %(id)s bukan versi PKS KSDD %(nomor)s; rancangan PKS yang "
                    "dimohonkan persetujuan DPRD adalah rancangan PKS KSDD ini (Pasal 22 "
                    "ayat 1 huruf a)."
                )
                % {"id": pk, "nomor": k.nomor_register},
                field=field,
            )
        ]
    return v, []


def ksdd_ajukan_persetujuan_dprd(
    *,
    ksdd: Ksdd,
    user,
    nomor: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    surat=None,
    rancangan_pks=None,
    rancangan_pks_versi: VersiDokumen | int | None = None,
    surat_versi: VersiDokumen | int | None = None,
    versi: int | None = None,
) -> Ksdd:
    """The Bupati's request to the DPRD leadership with the signed KB and the draft PKS
    (P22-1a), facilitated by the cooperation agency (P21-2). The letter is its signed
    scan (``surat``) or the request KERSA generated and the Bupati signed electronically
    (``surat_versi``; issue 13).

    The draft PKS is an upload (``rancangan_pks``) or a version of this KSDD's PKS
    already stored (``rancangan_pks_versi``, a ``VersiDokumen`` or its id): nothing is
    uploaded twice (issue 13). A version of another KSDD is refused (P22-1a)."""
    with langkah(ksdd=ksdd, nama="ajukan_persetujuan_dprd", user=user, versi=versi) as step:
        found = _permohonan_baru_boleh(step.ksdd, tanggal_diterima)
        found += _surat_diterima(tanggal_surat, tanggal_diterima, _("Tanggal diterima DPRD"))
        found += rules.p13_tanggal_langkah(
            step.ksdd, dprd_permohonan=(tanggal_surat, "tanggal_surat")
        )
        bertanda, salah = _surat_bertanda(
            step.ksdd,
            jenis="permohonan_dprd",
            upload=surat,
            pilihan=surat_versi,
            rule="P22-1a",
            label=_("surat permohonan Persetujuan DPRD"),
            field="surat_versi",
        )
        found += salah
        if bertanda is None and not salah:
            found += _wajib_berkas(surat, _("surat permohonan Persetujuan DPRD"), "P22-1a", "surat")
        tersimpan, salah = _rancangan_tersimpan(step.ksdd, rancangan_pks, rancangan_pks_versi)
        found += salah
        if tersimpan is None and not salah:
            found += _wajib_berkas(
                rancangan_pks,
                _("rancangan PKS (Pasal 22 ayat 1 huruf a)"),
                "P22-1a",
                "rancangan_pks",
            )
        tolak_jika(found)
        k = step.ksdd
        if bertanda is not None:
            s = bertanda.berkas  # the electronically signed request itself
        else:
            s = berkas_unggah(ksdd=k, jenis=JenisBerkas.PERMOHONAN_DPRD, upload=surat, user=user)
        if tersimpan is not None:
            r = tersimpan.berkas
        else:
            r = berkas_unggah(
                ksdd=k, jenis=JenisBerkas.RANCANGAN_PKS, upload=rancangan_pks, user=user
            )
        step.berkas += [s, r]
        # P22-2: the draft DPRD is asked to approve is kept as a version of the PKS
        # document, the text the signed PKS is later set against.
        versi_dari_berkas(
            dokumen=dokumen_naskah(ksdd=k, jenis=JenisNaskah.PKS, user=user),
            berkas=r,
            asal=AsalVersi.RANCANGAN_DPRD,
            user=user,
            catatan=_(
                "Rancangan PKS yang dimohonkan persetujuan DPRD dengan surat %(n)s, diterima "
                "DPRD %(t)s (Pasal 22 ayat 1 huruf a)."
            )
            % {"n": nomor, "t": _tgl(tanggal_diterima)},
        )
        PermohonanDprd.objects.create(
            ksdd=k,
            nomor=nomor,
            tanggal_surat=tanggal_surat,
            tanggal_diterima=tanggal_diterima,
            berkas=s,
            berkas_rancangan_pks=r,
            dicatat_oleh=user,
        )
        step.data = {"nomor_surat": nomor, "tanggal_diterima": tanggal_diterima.isoformat()}
        step.pindah(
            Status.MENUNGGU_DPRD,
            alasan=_("Permohonan Persetujuan DPRD %(n)s diterima DPRD %(t)s.")
            % {"n": nomor, "t": tanggal_diterima.strftime("%d-%m-%Y")},
            rule="P22-1a",
        )
    return ksdd


def ksdd_catat_persetujuan_dprd(
    *,
    ksdd: Ksdd,
    user,
    nomor: str = "",
    tanggal: dt.date,
    penandatangan_nama: str = "",
    penandatangan_jabatan: str = "",
    surat=None,
    versi: int | None = None,
) -> Ksdd:
    """DPRD's approval signed by its leadership (P22-2), recorded with its number, date
    and signatory (name and jabatan, e.g. Ketua DPRD), not as a bare file; on to
    penyusunan PKS. It approves the draft PKS sent with the request (kept as a version
    of the PKS, ``AsalVersi.RANCANGAN_DPRD``)."""
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
        found += _wajib_teks(
            (
                (nomor, _("nomor surat Persetujuan DPRD"), "nomor"),
                (
                    penandatangan_nama,
                    _("nama pimpinan DPRD yang menandatangani"),
                    "penandatangan_nama",
                ),
                (
                    penandatangan_jabatan,
                    _("jabatan penandatangan (mis. Ketua DPRD)"),
                    "penandatangan_jabatan",
                ),
            ),
            "P22-2",
            _("Pasal 22 ayat 2"),
        )
        tolak_jika(found)
        berkas = berkas_unggah(ksdd=k, jenis=JenisBerkas.PERSETUJUAN_DPRD, upload=surat, user=user)
        step.berkas.append(berkas)
        PersetujuanDprd.objects.create(
            ksdd=k,
            permohonan=permohonan,
            nomor=nomor.strip(),
            tanggal=tanggal,
            penandatangan_nama=penandatangan_nama.strip(),
            penandatangan_jabatan=penandatangan_jabatan.strip(),
            berkas=berkas,
            dicatat_oleh=user,
        )
        step.data = {
            "nomor": nomor.strip(),
            "tanggal": tanggal.isoformat(),
            "penandatangan": f"{penandatangan_nama.strip()}, {penandatangan_jabatan.strip()}",
        }
        ke = (
            Status.PENANDATANGANAN_PKS
            if k.naskah.filter(jenis=JenisNaskah.PKS).exists()
            else Status.PENYUSUNAN_PKS
        )
        step.pindah(
            ke,
            alasan=_(
                "Persetujuan DPRD %(n)s tanggal %(t)s ditandatangani %(nama)s (%(jabatan)s) "
                "dicatat (Pasal 22 ayat 2)."
            )
            % {
                "n": nomor.strip(),
                "t": _tgl(tanggal),
                "nama": penandatangan_nama.strip(),
                "jabatan": penandatangan_jabatan.strip(),
            },
            rule="P22-2",
        )
    return ksdd


def _wajib_teks(isian, rule: str, pasal) -> list[Pelanggaran]:
    """Each (value, label, field) left blank is refused, citing ``pasal``."""
    return [
        Pelanggaran(
            rule,
            _("Sebutkan %(label)s (%(pasal)s).") % {"label": label, "pasal": pasal},
            field=field,
        )
        for nilai, label, field in isian
        if not (nilai or "").strip()
    ]


# --- the clocks of DPRD: P22-1b…f, P22-3 (deadlines/pemicu.py) ---------------------------


def _permohonan_terbuka(k: Ksdd, rule: str) -> PermohonanDprd:
    permohonan = k.permohonan_dprd.first()
    if permohonan is None:
        raise tanpa_permohonan(rule)
    return permohonan


def tanpa_permohonan(rule: str) -> RuleViolation:
    """The refusal of a DPRD step on a KSDD with no request on record (P22-1a)."""
    return RuleViolation(
        Pelanggaran(rule, _("Permohonan Persetujuan DPRD belum dicatat (Pasal 22 ayat 1)."))
    )


def alasan_tidak_dianggap(exc: RuleViolation) -> str:
    """The reason a due P22-3 / P22-1e clock is stopped when the workflow no longer
    allows the deemed approval (the worker's step path and its bulk path)."""
    return _("Persetujuan DPRD tidak dapat dianggap diberikan: %s") % exc


def _belum_ditolak(permohonan: PermohonanDprd, rule: str) -> list[Pelanggaran]:
    penolakan = getattr(permohonan, "penolakan", None)
    if penolakan is None:
        return []
    return [
        Pelanggaran(
            rule,
            _(
                "DPRD telah menolak permohonan %(n)s dengan surat %(s)s; tidak ada lagi "
                "jangka waktu Pasal 22 yang berjalan atas permohonan ini (Pasal 22 ayat 3)."
            )
            % {"n": permohonan.nomor, "s": penolakan.nomor},
        )
    ]


def ksdd_catat_jawaban_dprd(
    *,
    ksdd: Ksdd,
    user,
    nomor: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    surat=None,
    versi: int | None = None,
) -> Ksdd:
    """The DPRD leadership's answer to the request, received by the Bupati (P22-1b): a
    letter of its own that meets the P22-1b clock and nothing else (the review of
    P22-1c is ``catat_telaahan_dprd``). Status unchanged."""
    with langkah(ksdd=ksdd, nama="catat_jawaban_dprd", user=user, versi=versi) as step:
        # Request open and not refused, no answer yet (P22-1b): the table's preconditions.
        permohonan = _permohonan_terbuka(step.ksdd, "P22-1b")
        _surat_catat(
            step,
            JawabanDprd,
            permohonan=permohonan,
            user=user,
            nomor=nomor,
            tanggal_surat=tanggal_surat,
            tanggal_diterima=tanggal_diterima,
            surat=surat,
            label_diterima=_("Tanggal diterima Bupati"),
            periksa=_urutan_tanggal(
                permohonan.tanggal_diterima,
                tanggal_surat,
                _("Jawaban pimpinan DPRD tidak dapat bertanggal sebelum permohonan diterima DPRD."),
                "tanggal_surat",
            ),
        )
        step.alasan = _(
            "Jawaban pimpinan DPRD (%(n)s) atas permohonan Persetujuan DPRD diterima Bupati "
            "pada %(t)s (Pasal 22 ayat 1 huruf b)."
        ) % {"n": nomor, "t": _tgl(tanggal_diterima)}
        step.rule = "P22-1b"
    return ksdd


LANJUTAN_PENOLAKAN = ("revisi", "berakhir")


def ksdd_catat_penolakan_dprd(
    *,
    ksdd: Ksdd,
    user,
    nomor: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    penandatangan: str,
    alasan: str,
    surat,
    lanjutan: str = "revisi",
    versi: int | None = None,
) -> Ksdd:
    """DPRD refuses the request (P22-3): a recorded position that closes every open P22
    clock of the request (DITUTUP_PENOLAKAN) so that no approval is ever deemed after it.
    ``lanjutan`` "revisi": back to preparing the request (a new request restarts the P22
    chain); "berakhir": the KSDD ends as refused (DITOLAK)."""
    with langkah(ksdd=ksdd, nama="catat_penolakan_dprd", user=user, versi=versi) as step:
        k = step.ksdd
        # Request open, not refused, not approved (P22-3): the table's preconditions.
        permohonan = _permohonan_terbuka(k, "P22-3")
        found = []
        if lanjutan not in LANJUTAN_PENOLAKAN:
            found.append(
                Pelanggaran(
                    "P22-3",
                    _("Pilih tindak lanjut penolakan: revisi atau berakhir (Pasal 22 ayat 3)."),
                    field="lanjutan",
                )
            )
        found += _surat_diterima(tanggal_surat, tanggal_diterima, _("Tanggal diterima Bupati"))
        found += _urutan_tanggal(
            permohonan.tanggal_diterima,
            tanggal_surat,
            _("Surat penolakan DPRD tidak dapat bertanggal sebelum permohonan diterima DPRD."),
            "tanggal_surat",
        )
        for nilai, label, field in (
            (nomor, _("nomor surat penolakan"), "nomor"),
            (penandatangan, _("penandatangan surat penolakan"), "penandatangan"),
            (alasan, _("alasan penolakan DPRD"), "alasan"),
        ):
            if not (nilai or "").strip():
                found.append(
                    Pelanggaran(
                        "P22-3",
                        _("Sebutkan %s (Pasal 22 ayat 3).") % label,
                        field=field,
                    )
                )
        found += _wajib_berkas(surat, _("pindaian surat penolakan DPRD"), "P22-3", "surat")
        tolak_jika(found)
        berkas = berkas_unggah(ksdd=k, jenis=JenisBerkas.LAINNYA, upload=surat, user=user)
        step.berkas.append(berkas)
        PenolakanDprd.objects.create(
            permohonan=permohonan,
            nomor=nomor,
            tanggal_surat=tanggal_surat,
            tanggal_diterima=tanggal_diterima,
            penandatangan=penandatangan.strip(),
            alasan=alasan.strip(),
            berkas=berkas,
            dicatat_oleh=user,
        )
        step.data = {
            "nomor_surat": nomor,
            "tanggal_diterima": tanggal_diterima.isoformat(),
            "lanjutan": lanjutan,
        }
        ke = Status.PERMOHONAN_DPRD if lanjutan == "revisi" else Status.DITOLAK
        step.pindah(
            ke,
            alasan=_(
                "DPRD menolak permohonan Persetujuan DPRD %(p)s dengan surat %(n)s yang "
                "diterima Bupati pada %(t)s; seluruh jangka waktu Pasal 22 ditutup dan "
                "persetujuan tidak dapat dianggap diberikan (Pasal 22 ayat 3)."
            )
            % {"p": permohonan.nomor, "n": nomor, "t": _tgl(tanggal_diterima)},
            rule="P22-3",
        )
    return ksdd


def ksdd_catat_telaahan_dprd(
    *,
    ksdd: Ksdd,
    user,
    nomor: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    surat=None,
    versi: int | None = None,
) -> Ksdd:
    """DPRD's review of the draft PKS, received by the Bupati (P22-1c), a letter separate
    from the answer of P22-1b (``ksdd_catat_jawaban_dprd``): DPRD has taken a position
    (P22-3 is met) and the Bupati follows it up within 15 working days (starts P22-1d).
    Status unchanged."""
    with langkah(ksdd=ksdd, nama="catat_telaahan_dprd", user=user, versi=versi) as step:
        # Request open and not refused, no review yet (P22-1c): the table's preconditions.
        permohonan = _permohonan_terbuka(step.ksdd, "P22-1c")
        _surat_catat(
            step,
            TelaahanDprd,
            permohonan=permohonan,
            user=user,
            nomor=nomor,
            tanggal_surat=tanggal_surat,
            tanggal_diterima=tanggal_diterima,
            surat=surat,
            label_diterima=_("Tanggal diterima Bupati"),
            periksa=_urutan_tanggal(
                permohonan.tanggal_diterima,
                tanggal_surat,
                _("Telaahan DPRD tidak dapat bertanggal sebelum permohonan diterima DPRD."),
                "tanggal_surat",
            ),
        )
        step.alasan = _(
            "Telaahan DPRD atas rancangan PKS (%(n)s) diterima Bupati pada %(t)s; Bupati "
            "menindaklanjuti paling lama %(jangka)s (Pasal 22 ayat 1 huruf c dan d)."
        ) % {"n": nomor, "t": _tgl(tanggal_diterima), "jangka": DEFINISI["P22-1d"].jangka}
        step.rule = "P22-1c"
    return ksdd


def ksdd_catat_tindak_lanjut_telaahan(
    *,
    ksdd: Ksdd,
    user,
    nomor: str,
    tanggal_surat: dt.date,
    tanggal_diterima: dt.date,
    surat=None,
    versi: int | None = None,
) -> Ksdd:
    """The Bupati's follow-up of DPRD's review, sent back and received by DPRD (P22-1d):
    DPRD approves within 15 working days of receipt (starts P22-1e), or the approval is
    deemed given (P22-1f). Status unchanged."""
    with langkah(ksdd=ksdd, nama="catat_tindak_lanjut_telaahan", user=user, versi=versi) as step:
        # Request open and not refused, review recorded, no follow-up yet (P22-1d): the
        # table's preconditions.
        permohonan = _permohonan_terbuka(step.ksdd, "P22-1d")
        _surat_catat(
            step,
            TindakLanjutTelaahan,
            permohonan=permohonan,
            user=user,
            nomor=nomor,
            tanggal_surat=tanggal_surat,
            tanggal_diterima=tanggal_diterima,
            surat=surat,
            label_diterima=_("Tanggal diterima DPRD"),
            periksa=_urutan_tanggal(
                permohonan.telaahan.tanggal_diterima,
                tanggal_surat,
                _("Tindak lanjut tidak dapat bertanggal sebelum telaahan DPRD diterima."),
                "tanggal_surat",
            ),
        )
        step.alasan = _(
            "Tindak lanjut Bupati atas telaahan DPRD (%(n)s) diterima DPRD pada %(t)s; pimpinan "
            "DPRD memberikan persetujuan paling lama %(jangka)s (Pasal 22 ayat 1 huruf e)."
        ) % {"n": nomor, "t": _tgl(tanggal_diterima), "jangka": DEFINISI["P22-1e"].jangka}
        step.rule = "P22-1d"
    return ksdd


def _status_setelah_dprd(k: Ksdd) -> str:
    return status_setelah_dprd(ada_pks=k.naskah.filter(jenis=JenisNaskah.PKS).exists())


def status_setelah_dprd(*, ada_pks: bool) -> str:
    """Where a KSDD goes once DPRD approved (or is deemed to have approved): to the
    PKS signing when its PKS text exists, else to drafting it."""
    return Status.PENANDATANGANAN_PKS if ada_pks else Status.PENYUSUNAN_PKS


def anggap_dasar_alasan(*, permohonan, rule: str, tanggal: dt.date, berlaku: dt.date):
    """The basis, the history's reason and data of a deemed DPRD approval (P22-3, P22-1f), one
    text for the step (``ksdd_anggap_persetujuan_dprd``) and the worker's bulk path
    (``dprd_himpunan``). ``permohonan.tindak_lanjut`` is read for P22-1f."""
    if rule == "P22-3":
        dasar = _("Pasal 22 ayat (3)")
        alasan = _(
            "Persetujuan DPRD dianggap telah diberikan karena DPRD tidak menetapkan sikap "
            "dalam %(jangka)s sejak permohonan %(n)s diterima pada %(t)s; jangka waktu "
            "berakhir %(j)s dan persetujuan berlaku sejak %(b)s (Pasal 22 ayat 3)."
        ) % {
            "jangka": DEFINISI["P22-3"].jangka,
            "n": permohonan.nomor,
            "t": _tgl(permohonan.tanggal_diterima),
            "j": _tgl(tanggal),
            "b": _tgl(berlaku),
        }
    else:
        dasar = _("Pasal 22 ayat (1) huruf f")
        tindak_lanjut = getattr(permohonan, "tindak_lanjut", None)
        diterima = tindak_lanjut.tanggal_diterima if tindak_lanjut else tanggal
        alasan = _(
            "Persetujuan DPRD dianggap telah diberikan karena pimpinan DPRD tidak memberikan "
            "persetujuan dalam %(jangka)s sejak tindak lanjut Bupati %(n)s diterima pada "
            "%(t)s; jangka waktu berakhir %(j)s dan persetujuan berlaku sejak %(b)s "
            "(Pasal 22 ayat 1 huruf e dan f)."
        ) % {
            "jangka": DEFINISI["P22-1e"].jangka,
            "n": tindak_lanjut.nomor if tindak_lanjut else "-",
            "t": _tgl(diterima),
            "j": _tgl(tanggal),
            "b": _tgl(berlaku),
        }
    data = {
        "dianggap": True,
        "dasar": str(dasar),
        "hari_terakhir": tanggal.isoformat(),
        "tanggal": berlaku.isoformat(),
    }
    return dasar, alasan, data


def ksdd_anggap_persetujuan_dprd(*, ksdd: Ksdd, rule: str, tanggal: dt.date) -> Ksdd:
    """The approval deemed given when DPRD has not answered in time, recorded by the
    system (the worker, ``kersa.deadlines.tasks``), not by a person: the same step as a
    signed approval (``catat_persetujuan_dprd``), without a letter, citing its Pasal.
    ``tanggal`` is the period's last day (the clock's due date); the approval takes
    effect the day after it (P22-1f, P22-3), and the record states both. ``rule`` is
    "P22-3" (no position in 45 working days of the request) or "P22-1f" (no approval
    in 15 working days of the Bupati's follow-up). Refused once DPRD has refused the
    request (P22-3): no approval is ever deemed after a refusal."""
    if rule not in ("P22-3", "P22-1f"):
        raise ValueError(rule)
    berlaku = tanggal + dt.timedelta(days=1)
    with langkah(ksdd=ksdd, nama="catat_persetujuan_dprd", user=None) as step:
        k = step.ksdd
        permohonan = _permohonan_terbuka(k, rule)
        tolak_jika(_belum_ditolak(permohonan, rule))
        if hasattr(permohonan, "persetujuan"):
            raise RuleViolation(Pelanggaran(rule, _("Persetujuan DPRD sudah dicatat.")))
        dasar, alasan, step.data = anggap_dasar_alasan(
            permohonan=permohonan, rule=rule, tanggal=tanggal, berlaku=berlaku
        )
        PersetujuanDprd.objects.create(
            ksdd=k,
            permohonan=permohonan,
            nomor="",
            tanggal=berlaku,
            hari_terakhir=tanggal,
            dianggap=True,
            dasar=dasar,
            berkas=None,
            dicatat_oleh=None,
        )
        step.pindah(_status_setelah_dprd(k), alasan=alasan, rule=rule)
    return ksdd


# --- P25-7: DPRD's approval of an amendment that adds a burden ---------------------------


def ksdd_catat_persetujuan_dprd_perubahan(
    *,
    ksdd: Ksdd,
    user,
    perihal: str = "",
    nomor_usulan: str = "",
    tanggal_usulan: dt.date,
    nomor: str = "",
    tanggal: dt.date,
    penandatangan_nama: str = "",
    penandatangan_jabatan: str = "",
    surat=None,
    versi: int | None = None,
) -> Ksdd:
    """DPRD's approval of an amendment of the PKS that adds a burden to the public or the
    budget (P25-7), a record of its own: number, date, signatory and scan, dated on or
    after the day the amendment was proposed to DPRD, itself not before the PKS was
    signed (amendments come during pelaksanaan, P25-3). The amendment version that adds
    the burden (``documents.services.versi_tambah``) is accepted once such a record
    exists, and points to it. Status unchanged."""
    with langkah(
        ksdd=ksdd, nama="catat_persetujuan_dprd_perubahan", user=user, versi=versi
    ) as step:
        k = step.ksdd
        pasal = _("Pasal 25 ayat 7")
        found = _wajib_teks(
            (
                (perihal, _("perihal perubahan PKS yang disetujui"), "perihal"),
                (nomor_usulan, _("nomor surat usulan perubahan kepada DPRD"), "nomor_usulan"),
                (nomor, _("nomor surat Persetujuan DPRD atas perubahan"), "nomor"),
                (
                    penandatangan_nama,
                    _("nama pimpinan DPRD yang menandatangani"),
                    "penandatangan_nama",
                ),
                (
                    penandatangan_jabatan,
                    _("jabatan penandatangan (mis. Ketua DPRD)"),
                    "penandatangan_jabatan",
                ),
            ),
            "P25-7",
            pasal,
        )
        found += _tanggal_lampau(tanggal_usulan, _("Tanggal usulan perubahan"), "tanggal_usulan")
        found += _tanggal_lampau(tanggal, _("Tanggal persetujuan"), "tanggal")
        pks = k.naskah.filter(jenis=JenisNaskah.PKS).first()
        ttd = pks.tanggal_ditandatangani if pks else None
        if ttd is not None and tanggal_usulan < ttd:
            found.append(
                Pelanggaran(
                    "P25-3",
                    _(
                        "Perubahan PKS diusulkan pada %(u)s, sebelum PKS ditandatangani pada "
                        "%(t)s; perubahan hanya dilakukan dalam tahap pelaksanaan (Pasal 25 "
                        "ayat 3)."
                    )
                    % {"u": _tgl(tanggal_usulan), "t": _tgl(ttd)},
                    field="tanggal_usulan",
                )
            )
        if tanggal < tanggal_usulan:
            found.append(
                Pelanggaran(
                    "P25-7",
                    _(
                        "Persetujuan DPRD bertanggal %(t)s, sebelum perubahan diusulkan kepada "
                        "DPRD pada %(u)s; persetujuan atas perubahan yang menambah beban "
                        "diberikan atas usulan itu, tidak sebelumnya (Pasal 25 ayat 7)."
                    )
                    % {"t": _tgl(tanggal), "u": _tgl(tanggal_usulan)},
                    field="tanggal",
                )
            )
        found += _wajib_berkas(
            surat,
            _("pindaian surat Persetujuan DPRD atas perubahan PKS (Pasal 25 ayat 7)"),
            "P25-7",
            "surat",
        )
        tolak_jika(found)
        berkas = berkas_unggah(ksdd=k, jenis=JenisBerkas.PERSETUJUAN_DPRD, upload=surat, user=user)
        step.berkas.append(berkas)
        PersetujuanDprdPerubahan.objects.create(
            ksdd=k,
            perihal=perihal.strip(),
            nomor_usulan=nomor_usulan.strip(),
            tanggal_usulan=tanggal_usulan,
            nomor=nomor.strip(),
            tanggal=tanggal,
            penandatangan_nama=penandatangan_nama.strip(),
            penandatangan_jabatan=penandatangan_jabatan.strip(),
            berkas=berkas,
            dicatat_oleh=user,
        )
        step.data = {
            "nomor": nomor.strip(),
            "tanggal": tanggal.isoformat(),
            "tanggal_usulan": tanggal_usulan.isoformat(),
        }
        step.alasan = _(
            "Persetujuan DPRD %(n)s tanggal %(t)s atas perubahan PKS “%(p)s” yang "
            "diusulkan pada %(u)s, ditandatangani %(nama)s (%(jabatan)s), dicatat (Pasal 25 "
            "ayat 7)."
        ) % {
            "n": nomor.strip(),
            "t": _tgl(tanggal),
            "p": perihal.strip(),
            "u": _tgl(tanggal_usulan),
            "nama": penandatangan_nama.strip(),
            "jabatan": penandatangan_jabatan.strip(),
        }
        step.rule = "P25-7"
    return ksdd
