"""The parts a–f of a semester report taken from the KSDD record (Pasal 27 ayat 3; P27-3).

Each part is written as text once, when the report is opened: a snapshot, so that a
later change of the record does not rewrite a report already sent.
"""

from __future__ import annotations

from kersa.agreements.choices import JenisNaskah
from kersa.agreements.models import Kak, Ksdd
from kersa.core.format import tanggal_surat
from kersa.regions.selectors import wilayah_daerah


def _naskah(ksdd: Ksdd) -> dict:
    return {n.jenis: n for n in ksdd.naskah.all()}


def _bentuk_naskah(ksdd: Ksdd, naskah: dict) -> str:
    baris = []
    for jenis in (JenisNaskah.PKS, JenisNaskah.KB):
        n = naskah.get(jenis)
        if n is None:
            continue
        teks = f"{JenisNaskah(jenis).label} tentang {n.tentang}"
        nomor = "; ".join(p.nomor_naskah for p in n.penandatangan.all())
        if nomor:
            teks += f", Nomor {nomor}"
        if n.tanggal_ditandatangani:
            teks += f", ditandatangani {tanggal_surat(n.tanggal_ditandatangani)}"
        baris.append(teks + ".")
    baris.append(f"Bentuk kerja sama: {ksdd.bentuk.nama} (Pasal 9 huruf {ksdd.bentuk.kode}).")
    return "\n".join(baris)


def _para_pihak(ksdd: Ksdd, naskah: dict) -> str:
    pks = naskah.get(JenisNaskah.PKS) or naskah.get(JenisNaskah.KB)
    if pks is not None and pks.penandatangan.all():
        return "\n".join(
            f"{p.urutan}. Pemerintah {p.wilayah.nama_lengkap}, diwakili oleh {p.nama} "
            f"({p.jabatan})."
            for p in pks.penandatangan.all()
        )
    pihak = [wilayah_daerah(), *ksdd.mitra.all()]
    return "\n".join(f"{i}. Pemerintah {w.nama_lengkap}." for i, w in enumerate(pihak, 1))


def _kak(ksdd: Ksdd) -> Kak | None:
    try:
        return ksdd.kak
    except Kak.DoesNotExist:
        return None


def _maksud_tujuan(ksdd: Ksdd, kak: Kak | None) -> str:
    baris = [kak.maksud_tujuan.strip()] if kak and kak.maksud_tujuan.strip() else []
    tujuan = [t.uraian for t in ksdd.tujuan.all()]
    if tujuan:
        baris.append("Tujuan (Pasal 3): " + "; ".join(tujuan) + ".")
    return "\n".join(baris) or ksdd.judul


def _objek(ksdd: Ksdd, kak: Kak | None) -> str:
    urusan = ", ".join(u.nama for u in ksdd.urusan.all())
    baris = [f"Urusan pemerintahan: {urusan}."] if urusan else []
    if kak and kak.obyek_ruang_lingkup.strip():
        baris.append(kak.obyek_ruang_lingkup.strip())
    if ksdd.lokasi:
        baris.append(f"Lokasi: {ksdd.lokasi}.")
    return "\n".join(baris) or ksdd.judul


def _jangka_waktu(ksdd: Ksdd, naskah: dict) -> str:
    n = naskah.get(JenisNaskah.PKS) or naskah.get(JenisNaskah.KB)
    if n is not None:
        teks = f"{tanggal_surat(n.tanggal_mulai)} sampai dengan {tanggal_surat(n.tanggal_berakhir)}"
        bulan = (n.tanggal_berakhir.year - n.tanggal_mulai.year) * 12 + (
            n.tanggal_berakhir.month - n.tanggal_mulai.month
        )
        return f"{teks} (± {bulan} bulan; {JenisNaskah(n.jenis).label})."
    if ksdd.jangka_waktu_bulan:
        return f"{ksdd.jangka_waktu_bulan} bulan."
    return "-"


def isian_dari_ksdd(ksdd: Ksdd) -> dict[str, str]:
    """Parts a–f of P27-3 for ``ksdd`` as text."""
    naskah = _naskah(ksdd)
    kak = _kak(ksdd)
    return {
        "judul": ksdd.judul,
        "bentuk_naskah": _bentuk_naskah(ksdd, naskah),
        "para_pihak": _para_pihak(ksdd, naskah),
        "maksud_tujuan": _maksud_tujuan(ksdd, kak),
        "objek": _objek(ksdd, kak),
        "jangka_waktu": _jangka_waktu(ksdd, naskah),
    }
