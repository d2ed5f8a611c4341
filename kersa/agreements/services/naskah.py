"""Stages c, d, f, g: agreeing and signing the Kesepakatan Bersama and the PKS (Pasal 19-20, 23-24)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from django.utils.translation import gettext as _

from kersa.core.errors import Pelanggaran, RuleViolation, tolak_jika
from kersa.documents.choices import AsalVersi, JenisBerkas
from kersa.documents.models import VersiDokumen
from kersa.documents.selectors import hambatan_naskah
from kersa.documents.services import berkas_unggah
from kersa.documents.services.versi import dokumen_naskah, versi_dari_berkas
from kersa.regions.selectors import kepala_daerah_pada, wilayah_daerah

from .. import rules
from ..choices import (
    JenisNaskah,
    KedudukanPenandatangan,
    Status,
)
from ..langkah import langkah
from ..models import (
    Ksdd,
    Naskah,
    Penandatangan,
    PerpanjanganKb,
    SuratKuasa,
)
from ..selectors import beda_rancangan_dprd
from .umum import _tanggal_lampau, _wajib_berkas

_TGL = "%d-%m-%Y"


def _versi_tersimpan(k: Ksdd, jenis: str, upload, pilihan, rule: str):
    """The stored version of this KSDD's KB/PKS chosen as the agreed draft (nothing
    uploaded twice, issue 13), or the refusal: a version of another KSDD or of another
    document, or both a version and an upload (P20-2 for the KB, P23 for the PKS)."""

    if pilihan in (None, ""):
        return None, []
    field = "rancangan_versi"
    if upload:
        return None, [
            Pelanggaran(
                rule,
                _(
                    "Pilih salah satu: unggah rancangan yang disepakati atau gunakan versi "
                    "yang tersimpan, tidak keduanya."
                ),
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
                _("Versi dokumen %(id)s bukan versi %(naskah)s %(nomor)s.")
                % {
                    "id": pk,
                    "naskah": JenisNaskah(jenis).label,
                    "nomor": k.nomor_register,
                },
                field=field,
            )
        ]
    return v, []


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
    rancangan_versi=None,
) -> Naskah:
    rule = "P20-2" if jenis == JenisNaskah.KB else "P23"
    tersimpan, salah = _versi_tersimpan(step.ksdd, jenis, rancangan, rancangan_versi, rule)
    found += salah
    found += _tanggal_lampau(
        tanggal_disepakati, _("Tanggal rancangan disepakati"), "tanggal_disepakati"
    )
    found += rules.p13_tanggal_langkah(
        step.ksdd,
        **{
            f"{jenis}_rapat_teknis": (tanggal_rapat_teknis, "tanggal_rapat_teknis"),
            f"{jenis}_disepakati": (tanggal_disepakati, "tanggal_disepakati"),
        },
    )
    if tanggal_berakhir <= tanggal_mulai:
        found.append(
            Pelanggaran(
                rule, _("Tanggal berakhir harus setelah tanggal mulai."), field="tanggal_berakhir"
            )
        )
    if not tentang.strip():
        found.append(Pelanggaran(rule, _("Isi judul naskah (tentang)."), field="tentang"))
    if tersimpan is None and not salah:
        found += _wajib_berkas(rancangan, _("rancangan naskah yang disepakati"), rule, "rancangan")
    tolak_jika(found)
    if tersimpan is not None:
        berkas = tersimpan.berkas
    else:
        berkas = berkas_unggah(
            ksdd=step.ksdd,
            upload=rancangan,
            user=user,
            jenis=JenisBerkas.RANCANGAN_KB
            if jenis == JenisNaskah.KB
            else JenisBerkas.RANCANGAN_PKS,
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
    rancangan=None,
    rancangan_versi=None,
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
            rancangan_versi=rancangan_versi,
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
    rancangan=None,
    rancangan_versi=None,
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
            rancangan_versi=rancangan_versi,
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
            kepala=kepala_daerah_pada(parties[p["wilayah"]], tanggal),
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
            # P24-2: a partner's own Surat Kuasa, only when its signer is not its head.
            **(
                {
                    "nomor_surat_kuasa_mitra": given[c]["nomor_surat_kuasa_mitra"].strip(),
                    "tanggal_surat_kuasa_mitra": given[c]["tanggal_surat_kuasa_mitra"],
                }
                if not kb
                and c != home.kode
                and given[c]["kedudukan"] != KedudukanPenandatangan.KEPALA_DAERAH
                else {}
            ),
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


def _nomor_urut(penandatangan: Sequence[Mapping]) -> list[str]:
    """The numbers entered at signing in the parties' order of the text (the home region
    first, then the partners by code; P11-3, P12-5): the k-th fills the k-th title-block
    blank of a draft KERSA generated (``documents.isian_ttd``)."""
    home = wilayah_daerah().kode
    urut = sorted(penandatangan, key=lambda p: (p.get("wilayah") != home, p.get("wilayah") or ""))
    return [p.get("nomor_naskah", "") for p in urut]


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
        # P11: the komparisi's day and date are the signing date entered here.
        tolak_jika(
            rules.p13_tanggal_langkah(step.ksdd, kb_ditandatangani=(tanggal, "tanggal"))
            + hambatan_naskah(
                step.ksdd,
                JenisNaskah.KB,
                tanggal=tanggal,
                nomor=_nomor_urut(penandatangan),
                tempat=tempat,
            )
        )
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


def _beda_rancangan_dprd(k: Ksdd, alasan: str) -> tuple[list[Pelanggaran], dict | None]:
    """P22-2: the PKS signed is set against the draft DPRD approved (the one sent with the
    request, ``selectors.beda_rancangan_dprd``). A material change, or one that cannot be
    ruled out (a PDF), needs a reason: without it the signing is refused; with it the
    signing goes on and the reason is recorded as a warning (the project's rules have no
    warn severity: a refusal until the reason is given, then a recorded note). A new
    DPRD request is the other way out only after a refusal (P22-3)."""

    beda = beda_rancangan_dprd(k)
    if beda is None or not beda.perlu_alasan:
        return [], None
    n = len(beda.materiil)
    if not alasan.strip():
        if beda.perbandingan is None:
            pesan = _(
                "Perbedaan PKS dari rancangan PKS yang dimohonkan persetujuan DPRD dengan "
                "surat %(p)s tidak dapat diperiksa (%(sebab)s); sebutkan alasan bila PKS "
                "berbeda dari rancangan yang disetujui DPRD, atau bahwa keduanya sama "
                "(Pasal 22 ayat 2)."
            ) % {"p": beda.persetujuan.permohonan.nomor, "sebab": beda.pesan}
        else:
            pesan = _(
                "PKS berbeda secara materiil dari rancangan PKS yang dimohonkan persetujuan "
                "DPRD dengan surat %(p)s (%(n)d bagian paragraf diubah, ditambah atau "
                "dihapus); sebutkan alasan perbedaan itu, atau sesuaikan PKS dengan rancangan "
                "yang disetujui DPRD (Pasal 22 ayat 2)."
            ) % {"p": beda.persetujuan.permohonan.nomor, "n": n}
        return [Pelanggaran("P22-2", pesan, field="alasan_perbedaan")], None
    return [], {
        "permohonan": beda.persetujuan.permohonan.nomor,
        "perubahan_materiil": n,
        "dapat_dibandingkan": beda.perbandingan is not None,
        "alasan": alasan.strip(),
    }


def ksdd_tandatangani_pks(
    *,
    ksdd: Ksdd,
    user,
    tanggal: dt.date,
    tempat: str,
    penandatangan: Sequence[Mapping],
    naskah,
    alasan_perbedaan: str = "",
    alasan_melampaui_kb: str = "",
    versi: int | None = None,
) -> Ksdd:
    """Penandatanganan PKS by the Bupati or an official under a valid Surat Kuasa
    (P24-1…3), never while DPRD approval is required and missing (P21-1); originals
    computed (P24-4). When DPRD approved the KSDD, the PKS is set against the draft it
    approved (P22-2): a material difference needs ``alasan_perbedaan``, stored on the
    PKS (``Naskah.alasan_beda_rancangan_dprd``) and in the step's record. A PKS that runs
    past its KB or is signed after the KB expired (P19-3, warned) needs
    ``alasan_melampaui_kb``, kept the same way. Then pelaksanaan."""
    with langkah(ksdd=ksdd, nama="tandatangani_pks", user=user, versi=versi) as step:
        beda_found, beda = _beda_rancangan_dprd(step.ksdd, alasan_perbedaan or "")
        kb_found, kb_peringatan = _pks_melampaui_kb(step.ksdd, tanggal, alasan_melampaui_kb or "")
        tolak_jika(
            rules.p13_tanggal_langkah(step.ksdd, pks_ditandatangani=(tanggal, "tanggal"))
            + rules.p21_1_tahun_anggaran(
                step.ksdd,
                tanggal=tanggal,
                tahun_apbd=rules.tahun_apbd(step.ksdd),
                ada_persetujuan=step.ksdd.persetujuan_dprd.exists(),
            )
            + beda_found
            + kb_found
            # P12: the komparisi's day and date are the signing date entered here.
            + hambatan_naskah(
                step.ksdd,
                JenisNaskah.PKS,
                tanggal=tanggal,
                nomor=_nomor_urut(penandatangan),
                tempat=tempat,
            )
        )
        pks = _tandatangani(
            step,
            jenis=JenisNaskah.PKS,
            user=user,
            tanggal=tanggal,
            tempat=tempat,
            penandatangan=penandatangan,
            naskah_file=naskah,
        )
        alasan = _("PKS ditandatangani, %s. KSDD memasuki pelaksanaan.") % _rangkap_teks(pks)
        if beda is not None:
            pks.alasan_beda_rancangan_dprd = beda["alasan"]
            pks.save(update_fields=["alasan_beda_rancangan_dprd"])
            step.data["perbedaan_rancangan_dprd"] = beda
            alasan += " " + _(
                "Peringatan (Pasal 22 ayat 2): PKS berbeda dari rancangan yang dimohonkan "
                "persetujuan DPRD dengan surat %(p)s; alasan: %(a)s"
            ) % {"p": beda["permohonan"], "a": beda["alasan"]}
        if kb_peringatan is not None:
            pks.alasan_melampaui_kb = kb_peringatan["alasan"]
            pks.save(update_fields=["alasan_melampaui_kb"])
            step.data["melampaui_kb"] = kb_peringatan
            alasan += " " + _("Peringatan: %(p)s Alasan: %(a)s") % {
                "p": " ".join(kb_peringatan["peringatan"]),
                "a": kb_peringatan["alasan"],
            }
        step.pindah(Status.PELAKSANAAN, alasan=alasan, rule="P24-4")
    return ksdd


def _pks_melampaui_kb(k: Ksdd, tanggal: dt.date, alasan: str) -> tuple[list, dict | None]:
    """P19-3 (WARN): the PKS about to be signed set against its KB (its end after the
    latest extension). Warned without a reason: refused naming the Pasal; with one, the
    signing goes on and the reason is kept (as P22-2 does)."""
    kb = k.naskah.filter(jenis=JenisNaskah.KB, tanggal_ditandatangani__isnull=False).first()
    pks = k.naskah.filter(jenis=JenisNaskah.PKS).first()
    if kb is None or pks is None:
        return [], None
    return pks_melampaui_kb(
        kb_berakhir=kb.tanggal_berakhir,
        pks_berakhir=pks.tanggal_berakhir,
        tanggal=tanggal,
        alasan=alasan,
    )


def pks_melampaui_kb(
    *, kb_berakhir: dt.date, pks_berakhir: dt.date, tanggal: dt.date, alasan: str
) -> tuple[list, dict | None]:
    """P19-3 (WARN) on the dates themselves: the signing of a PKS (above) and the
    registration of one signed on paper (``registrasi``, P26) give the same warning, and
    both go on only with a reason, which is kept with the step."""
    peringatan = rules.p19_3_pks_melampaui_kb(
        kb_berakhir=kb_berakhir, pks_berakhir=pks_berakhir, tanggal=tanggal
    )
    if not peringatan:
        return [], None
    if not alasan.strip():
        pesan = (
            " ".join(peringatan)
            + " "
            + _(
                "Catat perpanjangan Kesepakatan Bersama, atau sebutkan alasan PKS tetap "
                "ditandatangani (Pasal 19 ayat 3)."
            )
        )
        return [Pelanggaran("P19-3", pesan, field="alasan_melampaui_kb")], None
    return [], {
        "peringatan": [str(t) for t in peringatan],
        "kb_berakhir": kb_berakhir.isoformat(),
        "alasan": alasan.strip(),
    }


def ksdd_perpanjang_kb(
    *,
    ksdd: Ksdd,
    user,
    nomor: str,
    tanggal_kesepakatan: dt.date,
    tanggal_berakhir: dt.date,
    naskah,
    versi: int | None = None,
) -> Ksdd:
    """Record an extension of the signed Kesepakatan Bersama agreed by the parties
    (Pasal 19 ayat 3; P19-3): the letter of agreement (addendum) and its date, the new
    end date (at most 5 years from the day after the current end), the scan. The KB's
    end moves to the new date and its P19-3 clock follows (its due date changes, with a
    history row: deadlines/pemicu.py ``Geser``). The status does not change."""
    with langkah(ksdd=ksdd, nama="perpanjang_kb", user=user, versi=versi) as step:
        k = step.ksdd
        kb = Naskah.objects.select_for_update().get(ksdd=k, jenis=JenisNaskah.KB)
        sebelumnya = kb.tanggal_berakhir
        found = _tanggal_lampau(
            tanggal_kesepakatan, _("Tanggal kesepakatan perpanjangan"), "tanggal_kesepakatan"
        )
        if not (nomor or "").strip():
            found.append(
                Pelanggaran(
                    "P19-3",
                    _("Isi nomor kesepakatan perpanjangan (Pasal 19 ayat 3)."),
                    field="nomor",
                )
            )
        found += rules.p19_3_perpanjangan(
            ditandatangani=kb.tanggal_ditandatangani,
            berakhir=sebelumnya,
            tanggal=tanggal_kesepakatan,
            berakhir_baru=tanggal_berakhir,
        )
        found += _wajib_berkas(naskah, _("pindaian kesepakatan perpanjangan"), "P19-3", "naskah")
        tolak_jika(found)
        berkas = berkas_unggah(ksdd=k, upload=naskah, user=user, jenis=JenisBerkas.PERPANJANGAN_KB)
        step.berkas.append(berkas)
        perpanjangan = PerpanjanganKb.objects.create(
            naskah=kb,
            nomor=nomor.strip(),
            tanggal_kesepakatan=tanggal_kesepakatan,
            berakhir_sebelumnya=sebelumnya,
            berakhir_baru=tanggal_berakhir,
            berkas=berkas,
            dicatat_oleh=user,
        )
        kb.tanggal_berakhir = tanggal_berakhir
        kb.save(update_fields=["tanggal_berakhir"])
        step.data = {
            "naskah": kb.pk,
            "perpanjangan": perpanjangan.pk,
            "nomor_surat": nomor.strip(),
            "tanggal_kesepakatan": tanggal_kesepakatan.isoformat(),
            "berakhir_sebelumnya": sebelumnya.isoformat(),
            "berakhir_baru": tanggal_berakhir.isoformat(),
        }
        step.pindah(
            k.status,
            alasan=_(
                "Kesepakatan Bersama diperpanjang dengan kesepakatan %(n)s tanggal %(t)s: "
                "berlaku sampai %(baru)s (sebelumnya %(lama)s) (Pasal 19 ayat 3)."
            )
            % {
                "n": nomor.strip(),
                "t": tanggal_kesepakatan.strftime(_TGL),
                "baru": tanggal_berakhir.strftime(_TGL),
                "lama": sebelumnya.strftime(_TGL),
            },
            rule="P19-3",
        )
    return ksdd
