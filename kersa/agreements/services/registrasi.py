"""P26: registering an agreement an office already has (signed before the register
existed) at the stage it is in, with its dates, parties, signatories and scans.

The steps before that stage (persiapan, penawaran, drafting, signing) happened on
paper: they are not replayed; one history row says so. From then on the KSDD is
reported (P27) and monitored (P28) like any other, and its clocks run (the end of its
KB and PKS, the semester report of the semester it is registered in).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, tolak_jika
from kersa.deadlines.pemicu import tenggat_setelah_langkah
from kersa.documents.choices import JenisBerkas
from kersa.documents.services import atomic_dengan_berkas, berkas_unggah
from kersa.regions.models import PerangkatDaerah, Wilayah
from kersa.regions.selectors import wilayah_daerah

from .. import rules
from ..choices import JenisNaskah, KedudukanPenandatangan, Status, Tahap, TahapTerdaftar
from ..models import Kak, Ksdd, Naskah, Penandatangan, RiwayatTahap
from .naskah import pks_melampaui_kb
from .umum import FIELD_KSDD, _aturan_data, _cek_pd, _nomor_register, rencana_dari_butir

AKSI = "daftarkan"  # the history row's ``aksi`` (deadlines.pemicu.PEMICU reads it)

# The Pasal 13 stages an agreement registered at each stage skipped (on paper).
_DILEWATI = {
    TahapTerdaftar.KB: [Tahap.PERSIAPAN, Tahap.PENAWARAN, Tahap.PENYUSUNAN_KB],
    TahapTerdaftar.PELAKSANAAN: [
        Tahap.PERSIAPAN,
        Tahap.PENAWARAN,
        Tahap.PENYUSUNAN_KB,
        Tahap.PENANDATANGANAN_KB,
        Tahap.PERSETUJUAN_DPRD,
        Tahap.PENYUSUNAN_PKS,
    ],
}
_DILEWATI[TahapTerdaftar.BERAKHIR] = _DILEWATI[TahapTerdaftar.PELAKSANAAN]


def dapat_mendaftarkan(user) -> bool:
    """P26: the register is kept by TKKSD's secretariat: who may record a KSDD and the
    signing of a PKS (the secretariat, an administrator)."""
    return user.has_perm("agreements.add_ksdd") and user.has_perm("agreements.tandatangani_pks")


def _naskah_periksa(
    jenis: str, n: Mapping, parties: dict[str, Wilayah], hari_ini: dt.date
) -> list[Pelanggaran]:
    """One signed document: title, signing date (not after today), start before end,
    at most 5 years for a KB (P19-3), one signatory per party with the party's document
    number, name and office (P11-3, P12-5, P20-3, P24-1). Fields are named as the
    registration form names them (``kb_berakhir``, ``pks_penandatangan_mitra``…)."""
    kb = jenis == JenisNaskah.KB
    label = _("Kesepakatan Bersama") if kb else _("PKS")
    rule = "P20-3" if kb else "P24-1"
    found = []
    if not (n.get("tentang") or "").strip():
        found.append(
            Pelanggaran("P26", _("Isi judul (tentang) %s.") % label, field=f"{jenis}_tentang")
        )
    for kunci, teks in (
        ("tanggal", _("tanggal penandatanganan")),
        ("mulai", _("tanggal berlaku mulai")),
        ("berakhir", _("tanggal berlaku sampai")),
    ):
        if n.get(kunci) is None:
            found.append(
                Pelanggaran(
                    "P26",
                    _("Isi %(t)s %(n)s (Pasal 26).") % {"t": teks, "n": label},
                    field=f"{jenis}_{kunci}",
                )
            )
    tanggal, mulai, berakhir = n.get("tanggal"), n.get("mulai"), n.get("berakhir")
    if tanggal and tanggal > hari_ini:
        found.append(
            Pelanggaran(
                "P26",
                _(
                    "Tanggal penandatanganan %(n)s (%(t)s) setelah hari ini: yang didaftarkan "
                    "hanya naskah yang telah ditandatangani (Pasal 26)."
                )
                % {"n": label, "t": tanggal.strftime("%d-%m-%Y")},
                field=f"{jenis}_tanggal",
            )
        )
    if mulai and berakhir:
        if berakhir <= mulai:
            found.append(
                Pelanggaran(
                    "P20-2" if kb else "P23",
                    _("Tanggal berakhir %(n)s (%(b)s) harus setelah tanggal mulai (%(m)s).")
                    % {
                        "n": label,
                        "b": berakhir.strftime("%d-%m-%Y"),
                        "m": mulai.strftime("%d-%m-%Y"),
                    },
                    field=f"{jenis}_berakhir",
                )
            )
        elif kb:
            found += [
                Pelanggaran(p.rule, p.detail, field="kb_berakhir")
                for p in rules.p19_3_jangka_kb(mulai=mulai, berakhir=berakhir)
            ]
    given = {p["wilayah"]: p for p in n.get("penandatangan") or []}
    missing = [w.nama_lengkap for k, w in parties.items() if k not in given]
    if missing:
        found.append(
            Pelanggaran(
                rule,
                _("Setiap pihak menandatangani %(n)s; belum ada penandatangan untuk: %(p)s.")
                % {"n": label, "p": ", ".join(missing)},
                field=f"{jenis}_penandatangan_mitra",
            )
        )
    for kode, p in given.items():
        if kode not in parties:
            continue
        if not all((p.get(f) or "").strip() for f in ("nomor_naskah", "nama", "jabatan")):
            found.append(
                Pelanggaran(
                    "P11-3" if kb else "P12-5",
                    _("Isi nomor naskah, nama dan jabatan penandatangan %(w)s pada %(n)s.")
                    % {"w": parties[kode].nama_lengkap, "n": label},
                    field=f"{jenis}_penandatangan_"
                    + ("daerah" if kode == next(iter(parties)) else "mitra"),
                )
            )
    return found


def registrasi_periksa(
    *,
    tahap: str,
    data: Mapping,
    mitra: Sequence[Wilayah],
    urusan: Iterable,
    kb: Mapping | None,
    pks: Mapping | None,
    dprd: Mapping | None,
    berakhir: Mapping | None,
    pindaian_wajib: bool,
    alasan_melampaui_kb: str = "",
) -> list[Pelanggaran]:
    """Every rule a registration must satisfy, without writing anything: the record's
    rules of a new KSDD (P1-3, P5-3, P5-4, P6, P7-1, P9, P21-1), the signed documents
    (P19-3, P20-3, P24-1, P11-3, P12-5), their order (P13), the DPRD approval a PKS
    needed (P21-1), a PKS past its KB without a reason (P19-3, the signing's check:
    ``_melampaui_kb``) and, for an ended KSDD, its end (P26)."""
    hari_ini = timezone.localdate()
    found: list[Pelanggaran] = []
    if tahap not in TahapTerdaftar.values:
        return [
            Pelanggaran(
                "P26",
                _(
                    "Pilih tahap KSDD yang didaftarkan: Kesepakatan Bersama ditandatangani, "
                    "dalam pelaksanaan, atau telah berakhir (Pasal 26)."
                ),
                field="tahap",
            )
        ]
    if not mitra:
        found.append(
            Pelanggaran("P1-3", _("Pilih sekurang-kurangnya satu daerah mitra."), field="mitra")
        )
    if not list(urusan):
        found.append(
            Pelanggaran(
                "P5-4",
                _("Pilih sekurang-kurangnya satu urusan pemerintahan (Pasal 5 ayat 4)."),
                field="urusan",
            )
        )
    found += _aturan_data(data, mitra)
    found += rules.p9_kompensasi(
        bentuk=data.get("bentuk"),
        pembayar=data.get("pembayar"),
        penerima=data.get("penerima_pembayaran"),
        dasar=data.get("dasar_pembayaran", ""),
        objek_pertukaran=data.get("objek_pertukaran", ""),
        membebani=bool(data.get("membebani_masyarakat")),
        dasar_perda=data.get("dasar_perda_retribusi", ""),
    )
    if data.get("dianggarkan_apbd") and not (data.get("nomor_dpa") or "").strip():
        found.append(
            Pelanggaran(
                "P21-1",
                _("Sebutkan nomor DPA bila pendanaan telah dianggarkan dalam APBD."),
                field="nomor_dpa",
            )
        )
    home = wilayah_daerah()
    parties = {home.kode: home, **{m.kode: m for m in mitra}}
    perlu_pks = tahap != TahapTerdaftar.KB
    for jenis, n, perlu in ((JenisNaskah.KB, kb, not perlu_pks), (JenisNaskah.PKS, pks, perlu_pks)):
        if n is None:
            if perlu:
                found.append(
                    Pelanggaran(
                        "P26",
                        _("Isi data %s yang telah ditandatangani (Pasal 26).")
                        % JenisNaskah(jenis).label,
                        field=f"{jenis}_tanggal",
                    )
                )
            continue
        found += _naskah_periksa(jenis, n, parties, hari_ini)
        if pindaian_wajib and not n.get("pindaian"):
            found.append(
                Pelanggaran(
                    "P26",
                    _("Unggah pindaian %s yang telah ditandatangani (Pasal 26).")
                    % JenisNaskah(jenis).label,
                    field=f"{jenis}_pindaian",
                )
            )
    membebani = bool(data.get("membebani_masyarakat"))
    perlu_dprd = membebani or not data.get("dianggarkan_apbd")
    ada_dprd = bool(dprd and dprd.get("tanggal"))
    if dprd and (dprd.get("tanggal") is None) != (not (dprd.get("nomor") or "").strip()):
        found.append(
            Pelanggaran(
                "P22-2",
                _("Isi nomor dan tanggal Persetujuan DPRD, keduanya."),
                field="dprd_nomor" if dprd.get("tanggal") else "dprd_tanggal",
            )
        )
    if pks is not None and perlu_dprd and not ada_dprd:
        found.append(
            Pelanggaran(
                "P21-1",
                _(
                    "PKS KSDD yang %s memerlukan Persetujuan DPRD (Pasal 21 ayat 1): isi nomor "
                    "dan tanggal persetujuan itu."
                )
                % (
                    _("membebani masyarakat dan daerah")
                    if membebani
                    else _("pendanaannya belum dianggarkan dalam APBD")
                ),
                field="dprd_tanggal",
            )
        )
    tanggal = {
        "kb_ditandatangani": kb.get("tanggal") if kb else None,
        "dprd_persetujuan": dprd.get("tanggal") if dprd else None,
        "pks_ditandatangani": pks.get("tanggal") if pks else None,
    }
    found += rules.p13_urutan_tanggal(
        tanggal,
        baru={
            "kb_ditandatangani": "kb_tanggal",
            "dprd_persetujuan": "dprd_tanggal",
            "pks_ditandatangani": "pks_tanggal",
        },
    )
    found += _melampaui_kb(kb, pks, alasan_melampaui_kb)[0]
    if tahap == TahapTerdaftar.BERAKHIR:
        akhir = berakhir or {}
        if akhir.get("tanggal") is None or not (akhir.get("alasan") or "").strip():
            found.append(
                Pelanggaran(
                    "P26",
                    _("Isi tanggal dan alasan berakhirnya kerja sama (Pasal 26)."),
                    field="tanggal_berakhir_ksdd",
                )
            )
        elif akhir["tanggal"] > hari_ini or (
            pks and pks.get("tanggal") and akhir["tanggal"] < pks["tanggal"]
        ):
            found.append(
                Pelanggaran(
                    "P26",
                    _(
                        "Tanggal berakhirnya kerja sama (%s) harus di antara penandatanganan "
                        "PKS dan hari ini."
                    )
                    % akhir["tanggal"].strftime("%d-%m-%Y"),
                    field="tanggal_berakhir_ksdd",
                )
            )
    return found


def _melampaui_kb(kb: Mapping | None, pks: Mapping | None, alasan: str):
    """P19-3 (WARN) for a registered PKS against its registered KB: the very check of
    the signing (``naskah.pks_melampaui_kb``), refused without a reason, kept with one."""
    if not (kb and pks and kb.get("berakhir") and pks.get("berakhir") and pks.get("tanggal")):
        return [], None
    return pks_melampaui_kb(
        kb_berakhir=kb["berakhir"],
        pks_berakhir=pks["berakhir"],
        tanggal=pks["tanggal"],
        alasan=alasan or "",
    )


def _status_terdaftar(tahap: str, data: Mapping, dprd: Mapping | None) -> str:
    if tahap == TahapTerdaftar.BERAKHIR:
        return Status.DIAKHIRI
    if tahap == TahapTerdaftar.PELAKSANAAN:
        return Status.PELAKSANAAN
    # P21-1: a signed KB goes to DPRD approval when required and not yet given.
    perlu = data.get("membebani_masyarakat") or not data.get("dianggarkan_apbd")
    return (
        Status.PERMOHONAN_DPRD
        if perlu and not (dprd and dprd.get("tanggal"))
        else (Status.PENYUSUNAN_PKS)
    )


def _naskah_simpan(
    ksdd: Ksdd, jenis: str, n: Mapping, order: list[Wilayah], user, berkas: list
) -> Naskah:
    scan = None
    if n.get("pindaian"):
        scan = berkas_unggah(
            ksdd=ksdd,
            upload=n["pindaian"],
            user=user,
            jenis=JenisBerkas.KB_DITANDATANGANI
            if jenis == JenisNaskah.KB
            else JenisBerkas.PKS_DITANDATANGANI,
        )
        berkas.append(scan)
    naskah = Naskah.objects.create(
        ksdd=ksdd,
        jenis=jenis,
        tentang=n["tentang"].strip(),
        tanggal_mulai=n["mulai"],
        tanggal_berakhir=n["berakhir"],
        tanggal_ditandatangani=n["tanggal"],
        tempat_penandatanganan=(n.get("tempat") or "").strip(),
        jumlah_rangkap=rules.jumlah_rangkap(len(order)),
        berkas_ditandatangani=scan,
    )
    given = {p["wilayah"]: p for p in n["penandatangan"]}
    Penandatangan.objects.bulk_create(
        Penandatangan(
            naskah=naskah,
            urutan=i + 1,
            wilayah=w,
            nomor_naskah=given[w.kode]["nomor_naskah"].strip(),
            nama=given[w.kode]["nama"].strip(),
            jabatan=given[w.kode]["jabatan"].strip(),
            kedudukan=given[w.kode].get("kedudukan") or KedudukanPenandatangan.KEPALA_DAERAH,
        )
        for i, w in enumerate(order)
    )
    return naskah


def ksdd_daftarkan(
    *,
    user,
    tahap: str,
    judul: str,
    perangkat_daerah: PerangkatDaerah,
    kategori: str,
    bentuk,
    mitra: Sequence[Wilayah],
    urusan: Iterable = (),
    tujuan: Iterable = (),
    kb: Mapping | None = None,
    pks: Mapping | None = None,
    dprd: Mapping | None = None,
    berakhir: Mapping | None = None,
    alasan_melampaui_kb: str = "",
    pindaian_wajib: bool = True,
    hanya_periksa: bool = False,
    **fields,
) -> Ksdd | None:
    """P26: register an agreement signed before the register existed, at ``tahap``
    (``TahapTerdaftar``): a signed KB (then PKS drafting, or DPRD approval when P21-1
    requires it), a signed PKS in pelaksanaan, or an ended KSDD. ``kb``/``pks``: the
    signed document (``tentang``, ``tanggal`` signed, ``tempat``, ``mulai``,
    ``berakhir``, ``penandatangan`` [{``wilayah`` code, ``nomor_naskah``, ``nama``,
    ``jabatan``}], ``pindaian`` the scan); ``dprd``: {``nomor``, ``tanggal``} of the
    DPRD approval; ``berakhir``: {``tanggal``, ``alasan``} for an ended KSDD;
    ``alasan_melampaui_kb``: why a PKS that runs past its KB, or was signed after it
    ended, was signed all the same (P19-3, as at signing).

    The scans are required (``pindaian_wajib``) except from a spreadsheet, which cannot
    carry them: the history then says they follow. One history row from persiapan to
    the stage registered says which stages happened on paper; the clocks start as
    after a signing (deadlines.pemicu, ``daftarkan``). Nothing is saved when any rule
    is not met: every refusal is listed at once. ``hanya_periksa``: check only, save
    nothing, return None (a spreadsheet already refused goes on to list every error).
    """
    if not dapat_mendaftarkan(user):
        raise PermissionDenied(
            _(
                "Pendaftaran KSDD yang telah ditandatangani dilakukan oleh Sekretariat TKKSD "
                "(Pasal 26)."
            )
        )
    _cek_pd(user, perangkat_daerah)
    unknown = set(fields) - FIELD_KSDD
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    fields = rencana_dari_butir(fields)
    mitra, urusan, tujuan = list(mitra), list(urusan), list(tujuan)
    data = {"kategori": kategori, "bentuk": bentuk, **fields}
    tolak_jika(
        registrasi_periksa(
            tahap=tahap,
            data=data,
            mitra=mitra,
            urusan=urusan,
            kb=kb,
            pks=pks if tahap != TahapTerdaftar.KB else None,
            dprd=dprd,
            berakhir=berakhir,
            pindaian_wajib=pindaian_wajib,
            alasan_melampaui_kb=alasan_melampaui_kb,
        )
    )
    if hanya_periksa:
        return None
    if tahap == TahapTerdaftar.KB:
        pks = None
    home = wilayah_daerah()
    order = [home, *sorted(mitra, key=lambda w: w.kode)]
    ke = _status_terdaftar(tahap, data, dprd)
    with atomic_dengan_berkas():
        ksdd = Ksdd.objects.create(
            nomor_register=_nomor_register(),
            judul=judul,
            perangkat_daerah=perangkat_daerah,
            kategori=kategori,
            bentuk=bentuk,
            dibuat_oleh=user,
            status=ke,
            **fields,
        )
        ksdd.mitra.set(mitra)
        ksdd.urusan.set(urusan)
        ksdd.tujuan.set(tujuan)
        Kak.objects.create(ksdd=ksdd)
        berkas: list = []
        ringkas: dict = {"terdaftar": True, "tahap": tahap}
        for jenis, n in ((JenisNaskah.KB, kb), (JenisNaskah.PKS, pks)):
            if n is not None:
                _naskah_simpan(ksdd, jenis, n, order, user, berkas)
                ringkas[jenis] = {
                    "tanggal": n["tanggal"].isoformat(),
                    "mulai": n["mulai"].isoformat(),
                    "berakhir": n["berakhir"].isoformat(),
                }
        _kb_found, kb_peringatan = _melampaui_kb(kb, pks, alasan_melampaui_kb)
        if kb_peringatan:
            ksdd.naskah.filter(jenis=JenisNaskah.PKS).update(
                alasan_melampaui_kb=kb_peringatan["alasan"]
            )
            ringkas["melampaui_kb"] = kb_peringatan
        if dprd and dprd.get("tanggal"):
            ringkas["dprd"] = {
                "nomor": dprd["nomor"].strip(),
                "tanggal": dprd["tanggal"].isoformat(),
            }
        dilewati = [str(t.label) for t in _DILEWATI[tahap]]
        alasan = _(
            "KSDD yang telah ditandatangani sebelum register KERSA didaftarkan pada status "
            "“%(status)s”. Tahapan %(tahap)s berlangsung di atas kertas sebelum register ini "
            "ada dan tidak dicatat ulang (Pasal 26)."
        ) % {"status": Status(ke).label, "tahap": ", ".join(dilewati)}
        if ringkas.get("dprd"):
            alasan += " " + _("Persetujuan DPRD %(n)s tanggal %(t)s.") % {
                "n": ringkas["dprd"]["nomor"],
                "t": dprd["tanggal"].strftime("%d-%m-%Y"),
            }
        if tahap == TahapTerdaftar.BERAKHIR:
            ringkas["berakhir_pada"] = berakhir["tanggal"].isoformat()
            alasan += " " + _("Kerja sama berakhir pada %(t)s: %(a)s") % {
                "t": berakhir["tanggal"].strftime("%d-%m-%Y"),
                "a": berakhir["alasan"].strip(),
            }
        if kb_peringatan:
            alasan += " " + _("Peringatan: %(p)s Alasan: %(a)s") % {
                "p": " ".join(kb_peringatan["peringatan"]),
                "a": kb_peringatan["alasan"],
            }
        if not berkas:
            alasan += " " + _("Pindaian naskah menyusul.")
        ringkas["dilewati"] = [t.value for t in _DILEWATI[tahap]]
        riwayat = RiwayatTahap.objects.create(
            ksdd=ksdd,
            aksi=AKSI,
            dari=Status.PENYUSUNAN_KAK,
            ke=ke,
            oleh=user,
            alasan=alasan,
            rule="P26",
            data=ringkas,
        )
        if berkas:
            riwayat.berkas.set(berkas)
        tenggat_setelah_langkah(ksdd=ksdd, riwayat=riwayat)
    return ksdd
