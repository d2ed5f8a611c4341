"""Writes of dispute settlement (Pasal 29–30; P29-1…4, P30).

MUSYAWARAH → SELESAI (berita acara, P29-3) or DIAJUKAN_PROVINSI (P30 ayat 1, only between
kabupaten/kota of one province) → SELESAI or PERATURAN_LEBIH_TINGGI (P30 ayat 2). Every
move is a ``RiwayatPerselisihan`` row; refusals cite the Pasal.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from kersa.agreements.choices import STATUS_AKHIR
from kersa.agreements.services import pastikan_perangkat_daerah
from kersa.core.errors import Pelanggaran, RuleViolation, tolak_jika
from kersa.core.format import bahasa_dokumen, tanggal_panjang
from kersa.core.regulasi import PERBUP
from kersa.core.roles import pastikan_izin
from kersa.core.status import catat_awal, pindah
from kersa.documents.choices import JenisBerkas, JenisDokumen
from kersa.documents.konteks.surat import blok, di_tempat, jumlah_lampiran, konteks_rekaman
from kersa.documents.services import (
    atomic_dengan_berkas,
    berkas_unggah,
    dokumen_rekaman,
    rekaman_hasilkan,
)
from kersa.regions.choices import JenisWilayah
from kersa.regions.selectors import wilayah_daerah

from ..models import (
    BerkasPerselisihan,
    Perselisihan,
    RapatMusyawarah,
    StatusPerselisihan,
)

__all__ = [
    "p29_1_dalam_penyelenggaraan",
    "hambatan_ajukan_provinsi",
    "hambatan_laporkan",
    "hambatan_perselisihan",
    "hambatan_peraturan_lebih_tinggi",
    "hambatan_selesaikan",
    "perselisihan_ajukan_provinsi",
    "perselisihan_berkas_tambah",
    "perselisihan_catat",
    "perselisihan_laporkan",
    "perselisihan_musyawarah_catat",
    "perselisihan_peraturan_lebih_tinggi",
    "perselisihan_satu_provinsi",
    "perselisihan_selesaikan",
]

S = StatusPerselisihan


def _kunci(p: Perselisihan) -> Perselisihan:
    return (
        Perselisihan.objects.select_for_update()
        .select_related("ksdd__perangkat_daerah")
        .get(pk=p.pk)
    )


def _harus(p: Perselisihan, *status: str, rule: str, pesan: str) -> None:
    if p.status not in status:
        raise RuleViolation(Pelanggaran(rule, pesan))


def _akhir_ksdd(ksdd) -> dt.date | None:
    """The day an ended KSDD (ditolak, dibatalkan, diakhiri) ended: its last step into
    that status, in Asia/Jakarta; None while it runs."""
    from django.utils import timezone

    if ksdd.status not in STATUS_AKHIR:
        return None
    r = ksdd.riwayat.filter(ke=ksdd.status).order_by("-waktu", "-pk").first()
    return timezone.localdate(r.waktu) if r else None


def p29_1_dalam_penyelenggaraan(ksdd, tanggal_timbul: dt.date) -> list[Pelanggaran]:
    """P29-1: a dispute "dalam penyelenggaraan KSDD" may arise in any stage of Pasal 13
    (a persiapan … j pelaporan), not only in pelaksanaan, and after a KSDD has ended on
    the obligations that outlive it (a signed Kesepakatan Bersama or PKS: payments,
    handover of assets, reports still owed). Refused only when nothing of the KSDD can be
    disputed: a dispute arising after the end of a KSDD that ended (rejected, cancelled)
    without any signed KB or PKS, which left no obligation behind. One that arose before
    that end may still be recorded afterwards."""
    akhir = _akhir_ksdd(ksdd)
    if akhir is None or tanggal_timbul <= akhir:
        return []
    if ksdd.naskah.filter(tanggal_ditandatangani__isnull=False).exists():
        return []
    return [
        Pelanggaran(
            "P29-1",
            _(
                "KSDD %(nomor)s berakhir (%(status)s) pada %(akhir)s tanpa Kesepakatan Bersama "
                "atau PKS yang ditandatangani, sehingga tidak ada kewajiban yang tersisa; "
                "perselisihan yang timbul sesudahnya (%(timbul)s) bukan perselisihan dalam "
                "penyelenggaraan KSDD (Pasal 29 ayat 1)."
            )
            % {
                "nomor": ksdd.nomor_register,
                "status": ksdd.get_status_display().lower(),
                "akhir": akhir.strftime("%d-%m-%Y"),
                "timbul": tanggal_timbul.strftime("%d-%m-%Y"),
            },
            field="tanggal_timbul",
        )
    ]


def perselisihan_catat(*, ksdd, tanggal_timbul: dt.date, uraian: str, pihak: list, user):
    """P29-1: record a dispute in running a KSDD, in any stage a–j or on the obligations
    that outlive its end (``p29_1_dalam_penyelenggaraan``); it starts in musyawarah dan
    mufakat."""
    pastikan_izin(
        user,
        "oversight.kelola_perselisihan",
        _("Anda tidak berwenang mengelola perselisihan KSDD."),
    )
    pastikan_perangkat_daerah(user, ksdd.perangkat_daerah_id)
    masalah = list(p29_1_dalam_penyelenggaraan(ksdd, tanggal_timbul))
    if not uraian.strip():
        masalah.append(
            Pelanggaran("P29-1", _("Uraikan perselisihan (Pasal 29 ayat 1)."), field="uraian")
        )
    mitra = set(ksdd.mitra.values_list("pk", flat=True))
    if not pihak:
        masalah.append(
            Pelanggaran(
                "P29-1", _("Pilih daerah mitra yang berselisih (Pasal 29 ayat 1)."), field="pihak"
            )
        )
    elif any(w.pk not in mitra for w in pihak):
        masalah.append(
            Pelanggaran(
                "P29-1",
                _("Pihak yang berselisih harus daerah mitra KSDD ini (Pasal 29 ayat 1)."),
                field="pihak",
            )
        )
    tolak_jika(masalah)
    with transaction.atomic():
        p = Perselisihan.objects.create(
            ksdd=ksdd, tanggal_timbul=tanggal_timbul, uraian=uraian.strip(), dibuat_oleh=user
        )
        p.pihak.set(pihak)
        catat_awal(
            p,
            oleh=user,
            alasan=_("Diupayakan penyelesaian secara musyawarah dan mufakat (Pasal 29 ayat 1)."),
        )
    return p


def perselisihan_berkas_tambah(*, perselisihan: Perselisihan, upload, keterangan: str, user):
    """P29-2: the agency gathers a cooperation document for the musyawarah. The file is
    checked by content; a refused file leaves nothing stored."""
    pastikan_izin(
        user,
        "oversight.kelola_perselisihan",
        _("Anda tidak berwenang mengelola perselisihan KSDD."),
    )
    pastikan_perangkat_daerah(user, perselisihan.ksdd.perangkat_daerah_id)
    with atomic_dengan_berkas():
        p = _kunci(perselisihan)
        if p.berakhir:
            raise RuleViolation(
                Pelanggaran(
                    "P29-2",
                    _(
                        "Perselisihan sudah berakhir; kelengkapan dokumen tidak dapat "
                        "ditambah (Pasal 29 ayat 2)."
                    ),
                )
            )
        if not keterangan.strip():
            raise RuleViolation(
                Pelanggaran(
                    "P29-2",
                    _("Sebutkan dokumen kerja sama yang dilampirkan (Pasal 29 ayat 2)."),
                    field="keterangan",
                )
            )
        berkas = berkas_unggah(ksdd=p.ksdd, jenis=JenisBerkas.LAINNYA, upload=upload, user=user)
        return BerkasPerselisihan.objects.create(
            perselisihan=p, berkas=berkas, keterangan=keterangan.strip(), dicatat_oleh=user
        )


def perselisihan_musyawarah_catat(
    *, perselisihan: Perselisihan, tanggal: dt.date, tempat: str, hasil: str, mufakat: bool, user
) -> RapatMusyawarah:
    """P29-1: a meeting of musyawarah (date, place, what came of it)."""
    pastikan_izin(
        user,
        "oversight.kelola_perselisihan",
        _("Anda tidak berwenang mengelola perselisihan KSDD."),
    )
    pastikan_perangkat_daerah(user, perselisihan.ksdd.perangkat_daerah_id)
    with transaction.atomic():
        p = _kunci(perselisihan)
        _harus(
            p,
            S.MUSYAWARAH,
            rule="P29-1",
            pesan=_("Musyawarah hanya dicatat selama perselisihan dalam musyawarah (Pasal 29)."),
        )
        masalah = []
        if tanggal < p.tanggal_timbul:
            masalah.append(
                Pelanggaran(
                    "P29-1",
                    _(
                        "Musyawarah tidak dapat mendahului timbulnya perselisihan "
                        "(Pasal 29 ayat 1)."
                    ),
                    field="tanggal",
                )
            )
        if not tempat.strip() or not hasil.strip():
            masalah.append(
                Pelanggaran(
                    "P29-1", _("Isi tempat dan hasil musyawarah (Pasal 29 ayat 1)."), field="hasil"
                )
            )
        tolak_jika(masalah)
        return RapatMusyawarah.objects.create(
            perselisihan=p,
            tanggal=tanggal,
            tempat=tempat.strip(),
            hasil=hasil.strip(),
            mufakat=mufakat,
            dicatat_oleh=user,
        )


def perselisihan_satu_provinsi(p: Perselisihan) -> bool:
    """P30: every party is a kabupaten/kota of the home region's province (Kemendagri prefix)."""
    prov = settings.KERSA_HOME_REGION.split(".")[0]
    pihak = list(p.pihak.all())
    return bool(pihak) and all(
        w.jenis in (JenisWilayah.KABUPATEN, JenisWilayah.KOTA) and w.kode.split(".")[0] == prov
        for w in pihak
    )


def _konteks_berita_acara(p: Perselisihan, *, nomor: str, tanggal: dt.date) -> dict:
    pd = p.ksdd.perangkat_daerah
    pihak = ", ".join(w.nama_lengkap for w in p.pihak.all())
    isi = [
        blok(
            "paragraf",
            f"Pada hari ini, {tanggal_panjang(tanggal)}, berdasarkan Pasal 29 {PERBUP}, "
            "telah dicapai hasil musyawarah dan mufakat "
            f"atas perselisihan dalam penyelenggaraan kerja sama {p.ksdd.judul} "
            f"({p.ksdd.nomor_register}) antara Pemerintah Kabupaten Barito Selatan dan "
            f"Pemerintah {pihak}.",
        ),
        blok("judul", "A. Pokok perselisihan"),
        blok("paragraf", f"Timbul pada {tanggal_panjang(p.tanggal_timbul)}: {p.uraian}"),
        blok("judul", "B. Musyawarah"),
    ]
    for i, m in enumerate(p.musyawarah.all(), 1):
        hasil = "mufakat" if m.mufakat else "belum mufakat"
        isi.append(
            blok("butir", f"{i}. {tanggal_panjang(m.tanggal)}, {m.tempat}: {m.hasil} ({hasil}).")
        )
    isi.append(blok("judul", "C. Kelengkapan dokumen kerja sama"))
    for i, b in enumerate(p.berkas.all(), 1):
        isi.append(blok("butir", f"{i}. {b.keterangan}"))
    isi.append(blok("judul", "D. Hasil penyelesaian"))
    isi.append(blok("paragraf", p.hasil))
    return konteks_rekaman(
        judul="Berita Acara Hasil Musyawarah dan Mufakat",
        subjudul="Penyelesaian Perselisihan Kerja Sama Daerah",
        nomor=nomor,
        tanggal=tanggal,
        isi=isi,
        perangkat_daerah=pd,
        ttd=_ttd_kepala_pd(pd),
        tembusan=["Bupati Barito Selatan", "Sekretaris Daerah selaku Ketua TKKSD"],
    )


def _ttd_kepala_pd(pd) -> dict:
    return {
        "jabatan": (pd.kepala_jabatan or f"Kepala {pd.nama}").upper() + ",",
        "nama": pd.kepala_nama.upper(),
        "nip": f"NIP. {pd.kepala_nip}" if pd.kepala_nip else "",
    }


@bahasa_dokumen
def hambatan_selesaikan(p: Perselisihan) -> list[Pelanggaran]:
    """What stops the settlement whatever is typed (P29-1…3): the dispute page lists it and
    ``perselisihan_selesaikan`` refuses with the very same list (issue 13 item 1)."""
    if p.status not in (S.MUSYAWARAH, S.DIAJUKAN_PROVINSI):
        return [Pelanggaran("P29-3", _("Perselisihan ini sudah berakhir (Pasal 29–30)."))]
    masalah = []
    if p.status == S.MUSYAWARAH:
        if not p.musyawarah.filter(mufakat=True).exists():
            masalah.append(
                Pelanggaran(
                    "P29-1",
                    _(
                        "Belum ada musyawarah yang mencapai mufakat; perselisihan "
                        "diselesaikan secara musyawarah dan mufakat (Pasal 29 ayat 1)."
                    ),
                )
            )
        if not p.berkas.exists():
            masalah.append(
                Pelanggaran(
                    "P29-2",
                    _(
                        "Perangkat Daerah belum menyiapkan kelengkapan dokumen kerja sama "
                        "(Pasal 29 ayat 2)."
                    ),
                )
            )
    pd = p.ksdd.perangkat_daerah
    if not (pd.kepala_nama and pd.kepala_jabatan):
        masalah.append(
            Pelanggaran(
                "P29-3",
                _(
                    "Nama dan jabatan Kepala %(pd)s belum dicatat; berita acara "
                    "ditandatangani oleh Kepala Perangkat Daerah (Pasal 29 ayat 3)."
                )
                % {"pd": pd.nama},
            )
        )
    return masalah


def hambatan_ajukan_provinsi(p: Perselisihan) -> list[Pelanggaran]:
    """P30 ayat 1: what stops submitting the dispute to the provincial TKKSD; listed on
    the dispute page, refused with by ``perselisihan_ajukan_provinsi``."""
    if p.status != S.MUSYAWARAH:
        return [
            Pelanggaran(
                "P30",
                _("Hanya perselisihan yang masih dalam musyawarah dapat diajukan (Pasal 30)."),
            )
        ]
    masalah = []
    if not p.musyawarah.exists() or p.musyawarah.filter(mufakat=True).exists():
        masalah.append(
            Pelanggaran(
                "P30",
                _(
                    "Diajukan kepada TKKSD Provinsi hanya bila musyawarah telah dilakukan "
                    "dan tidak terjadi kesepakatan (Pasal 30 ayat 1)."
                ),
            )
        )
    if not perselisihan_satu_provinsi(p):
        masalah.append(
            Pelanggaran(
                "P30",
                _(
                    "Para pihak bukan Kabupaten/Kota dalam satu Provinsi; perselisihan "
                    "diselesaikan sesuai ketentuan peraturan perundang-undangan yang "
                    "mengatur Kerja Sama Daerah, bukan melalui TKKSD Provinsi (Pasal 30)."
                ),
            )
        )
    return masalah


def hambatan_peraturan_lebih_tinggi(p: Perselisihan) -> list[Pelanggaran]:
    """P30 ayat 2: what stops settling under the higher regulation; listed on the page,
    refused with by ``perselisihan_peraturan_lebih_tinggi``."""
    if p.status == S.MUSYAWARAH:
        if perselisihan_satu_provinsi(p):
            return [
                Pelanggaran(
                    "P30",
                    _(
                        "Perselisihan antar Kabupaten/Kota dalam satu Provinsi lebih dahulu "
                        "diajukan kepada TKKSD Provinsi (Pasal 30 ayat 1)."
                    ),
                )
            ]
        if not p.musyawarah.exists() or p.musyawarah.filter(mufakat=True).exists():
            return [
                Pelanggaran(
                    "P29-1",
                    _(
                        "Upayakan lebih dahulu penyelesaian secara musyawarah dan mufakat "
                        "(Pasal 29 ayat 1)."
                    ),
                )
            ]
        return []
    if p.status != S.DIAJUKAN_PROVINSI:
        return [Pelanggaran("P30", _("Perselisihan ini sudah berakhir (Pasal 30)."))]
    return []


def hambatan_laporkan(p: Perselisihan) -> list[Pelanggaran]:
    """P29-4: what stops reporting the settlement to the Bupati (the date aside); listed
    on the page, refused with by ``perselisihan_laporkan``."""
    if p.status != S.SELESAI or p.berita_acara_id is None:
        return [
            Pelanggaran(
                "P29-4",
                _(
                    "Yang dilaporkan kepada Bupati adalah hasil penyelesaian yang telah "
                    "dituangkan dalam berita acara (Pasal 29 ayat 3 dan 4)."
                ),
            )
        ]
    if p.tanggal_dilaporkan:
        return [
            Pelanggaran(
                "P29-4",
                _("Hasil penyelesaian sudah dilaporkan kepada Bupati pada %s (Pasal 29 ayat 4).")
                % tanggal_panjang(p.tanggal_dilaporkan),
            )
        ]
    return []


def hambatan_perselisihan(p: Perselisihan) -> dict[str, list[Pelanggaran]]:
    """Every action of the dispute page with what blocks it now (issue 13 item 1)."""
    return {
        "selesaikan": hambatan_selesaikan(p),
        "ajukan_provinsi": hambatan_ajukan_provinsi(p),
        "peraturan_lebih_tinggi": hambatan_peraturan_lebih_tinggi(p),
        "laporkan": hambatan_laporkan(p),
    }


def perselisihan_selesaikan(*, perselisihan: Perselisihan, tanggal: dt.date, hasil: str, user):
    """P29-3: the settlement as a berita acara signed by the Kepala Perangkat Daerah
    running the KSDD. From musyawarah it needs a meeting that reached mufakat and the
    gathered documents (P29-2); from the provincial TKKSD only the result."""
    pastikan_izin(
        user,
        "oversight.kelola_perselisihan",
        _("Anda tidak berwenang mengelola perselisihan KSDD."),
    )
    pastikan_perangkat_daerah(user, perselisihan.ksdd.perangkat_daerah_id)
    with transaction.atomic():
        p = _kunci(perselisihan)
        masalah = hambatan_selesaikan(p)
        if p.status not in (S.MUSYAWARAH, S.DIAJUKAN_PROVINSI):
            tolak_jika(masalah)
        if not hasil.strip():
            masalah.insert(
                0,
                Pelanggaran(
                    "P29-3",
                    _("Tuliskan hasil penyelesaian perselisihan (Pasal 29 ayat 3)."),
                    field="hasil",
                ),
            )
        if tanggal < p.tanggal_timbul:
            masalah.append(
                Pelanggaran(
                    "P29-3",
                    _(
                        "Tanggal berita acara tidak dapat mendahului timbulnya perselisihan "
                        "(Pasal 29 ayat 3)."
                    ),
                    field="tanggal",
                )
            )
        tolak_jika(masalah)
        p.hasil = hasil.strip()
        p.tanggal_selesai = tanggal
        pindah(
            p,
            S.SELESAI,
            oleh=user,
            alasan=_("Hasil dituangkan dalam berita acara (Pasal 29 ayat 3)."),
        )
        p.berita_acara = dokumen_rekaman(
            jenis=JenisDokumen.BERITA_ACARA_PERSELISIHAN,
            judul=f"Berita acara penyelesaian perselisihan {p.ksdd.nomor_register}",
            user=user,
            tanggal=tanggal,
            ksdd=p.ksdd,
        )
        p.save(update_fields=["berita_acara"])
        rekaman_hasilkan(
            dokumen=p.berita_acara,
            konteks=_konteks_berita_acara(p, nomor=p.berita_acara.nomor, tanggal=tanggal),
            nama_berkas=f"berita-acara-perselisihan-{p.pk}.docx",
            user=user,
        )
    return p


def perselisihan_ajukan_provinsi(
    *, perselisihan: Perselisihan, tanggal: dt.date, alasan: str, user
):
    """P30 ayat 1: no agreement between kabupaten/kota of one province — TKKSD submits
    the dispute to the provincial TKKSD."""
    pastikan_izin(
        user,
        "oversight.ajukan_perselisihan_provinsi",
        _("Anda tidak berwenang mengajukan perselisihan kepada TKKSD Provinsi."),
    )
    with transaction.atomic():
        p = _kunci(perselisihan)
        masalah = hambatan_ajukan_provinsi(p)
        tolak_jika(masalah)
        p.tanggal_diajukan_provinsi = tanggal
        pindah(
            p,
            S.DIAJUKAN_PROVINSI,
            oleh=user,
            alasan=alasan.strip()
            or _("Permohonan penyelesaian disampaikan kepada TKKSD Provinsi (Pasal 30 ayat 1)."),
        )
    return p


def perselisihan_peraturan_lebih_tinggi(*, perselisihan: Perselisihan, alasan: str, user):
    """P30 ayat 2: no agreement at the provincial TKKSD (or parties not of one province)
    — settled per the higher regulation on Kerja Sama Daerah."""
    pastikan_izin(
        user,
        "oversight.ajukan_perselisihan_provinsi",
        _("Anda tidak berwenang mengajukan perselisihan kepada TKKSD Provinsi."),
    )
    with transaction.atomic():
        p = _kunci(perselisihan)
        tolak_jika(hambatan_peraturan_lebih_tinggi(p))
        pindah(
            p,
            S.PERATURAN_LEBIH_TINGGI,
            oleh=user,
            alasan=alasan.strip()
            or _(
                "Diselesaikan sesuai ketentuan peraturan perundang-undangan yang mengatur "
                "Kerja Sama Daerah (Pasal 30 ayat 2)."
            ),
        )
    return p


def _konteks_laporan(p: Perselisihan, *, nomor: str, tanggal: dt.date) -> dict:
    """P29-4: the agency head's report of the settlement to the Bupati: a letter on the
    agency's letterhead (Tata Naskah Dinas, Permendagri 1/2023) with the Berita Acara
    of the musyawarah as its lampiran."""
    pd = p.ksdd.perangkat_daerah
    home = wilayah_daerah()
    isi = [
        blok(
            "paragraf",
            f"Berdasarkan Pasal 29 ayat (4) {PERBUP}, bersama ini kami laporkan hasil "
            "penyelesaian perselisihan dalam "
            f"penyelenggaraan kerja sama {p.ksdd.judul} ({p.ksdd.nomor_register}), sebagai "
            "berikut:",
        ),
        blok("butir", f"1. Pokok perselisihan: {p.uraian}"),
        blok("butir", f"2. Timbul pada: {tanggal_panjang(p.tanggal_timbul)}"),
        blok("butir", f"3. Diselesaikan pada: {tanggal_panjang(p.tanggal_selesai)}"),
        blok("butir", f"4. Hasil penyelesaian: {p.hasil}"),
        blok(
            "butir",
            f"5. Berita acara hasil musyawarah dan mufakat Nomor {p.berita_acara.nomor} "
            "(terlampir).",
        ),
        blok(
            "paragraf",
            "Demikian laporan ini disampaikan, atas perhatian Bapak diucapkan terima kasih.",
        ),
    ]
    c = konteks_rekaman(
        judul="",
        nomor=nomor,
        tanggal=tanggal,
        isi=isi,
        perangkat_daerah=pd,
        ttd=_ttd_kepala_pd(pd),
        tembusan=["Sekretaris Daerah selaku Ketua TKKSD"],
    )
    c.update(
        bentuk="surat",
        sifat="Biasa",
        lampiran=jumlah_lampiran(1, "berkas"),
        hal="Laporan Hasil Penyelesaian Perselisihan Kerja Sama Daerah",
        kepada=[f"Yth. {home.sebutan_kepala} {home.nama}", *di_tempat("")],
    )
    return c


@bahasa_dokumen
def perselisihan_laporkan(*, perselisihan: Perselisihan, tanggal: dt.date, user):
    """P29-4: report the settlement to the Bupati (DOCX) and record the date reported."""
    pastikan_izin(
        user,
        "oversight.kelola_perselisihan",
        _("Anda tidak berwenang mengelola perselisihan KSDD."),
    )
    pastikan_perangkat_daerah(user, perselisihan.ksdd.perangkat_daerah_id)
    with transaction.atomic():
        p = _kunci(perselisihan)
        masalah = hambatan_laporkan(p)
        if not masalah and tanggal < p.tanggal_selesai:
            masalah.append(
                Pelanggaran(
                    "P29-4",
                    _(
                        "Laporan kepada Bupati tidak dapat mendahului berita acara "
                        "(Pasal 29 ayat 4)."
                    ),
                    field="tanggal",
                )
            )
        tolak_jika(masalah)
        p.tanggal_dilaporkan = tanggal
        p.laporan = dokumen_rekaman(
            jenis=JenisDokumen.LAPORAN_PERSELISIHAN,
            judul=f"Laporan penyelesaian perselisihan {p.ksdd.nomor_register}",
            user=user,
            tanggal=tanggal,
            ksdd=p.ksdd,
        )
        pindah(
            p,
            S.SELESAI,
            oleh=user,
            alasan=_("Dilaporkan kepada Bupati (Pasal 29 ayat 4)."),
            simpan=["tanggal_dilaporkan", "laporan"],
        )
        rekaman_hasilkan(
            dokumen=p.laporan,
            konteks=_konteks_laporan(p, nomor=p.laporan.nomor, tanggal=tanggal),
            nama_berkas=f"laporan-perselisihan-{p.pk}.docx",
            user=user,
        )
    return p
