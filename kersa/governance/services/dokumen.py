"""The documents of a TKKSD meeting as DOCX: the invitation letter before it (Pasal 36),
the Berita Acara and the Notulen after it (Pasal 39; P39)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from kersa.agreements.choices import AlasanPenolakan, PertimbanganPersetujuan
from kersa.core.errors import Pelanggaran, tolak_jika
from kersa.core.format import bahasa_dokumen, tanggal_kata, tanggal_panjang, tanggal_surat
from kersa.core.regulasi import PERBUP
from kersa.core.roles import pastikan_izin
from kersa.documents.choices import JenisDokumen
from kersa.documents.konteks.perjanjian import _kedudukan_daerah
from kersa.documents.konteks.surat import (
    SIFAT_BAWAAN,
    blok,
    di_tempat,
    jumlah_lampiran,
    konteks_rekaman,
)
from kersa.documents.services import dokumen_rekaman, rekaman_hasilkan

from ..choices import JenisRapat, Kedudukan, StatusRapat
from ..models import Rapat
from ..selectors import pemangku_pada, rapat_detail


def _kehadiran(rapat: Rapat) -> list[dict]:
    isi = []
    for i, k in enumerate(rapat.kehadiran.all(), 1):
        if k.hadir:
            ket = _("hadir")
        elif k.diwakili_oleh:
            ket = _("diwakili oleh %s") % k.diwakili_oleh
        else:
            ket = _("tidak hadir")
        if k.keterangan:
            ket += f" ({k.keterangan})"
        nama = k.nama or _("(jabatan lowong)")
        isi.append(blok("butir", f"{i}. {nama} — {k.keterangan_jabatan}: {ket}"))
    return isi


def _pimpinan(rapat: Rapat) -> str:
    jab = rapat.pimpinan
    teks = _("Rapat dipimpin oleh %(n)s selaku %(k)s TKKSD") % {
        "n": rapat.pimpinan_nama or "-",
        "k": jab.get_kedudukan_display() if jab else "-",
    }
    if rapat.alasan_pengganti:
        utama = _("Ketua") if rapat.jenis == JenisRapat.PLENO else _("Sekretaris")
        pasal = (
            _("Pasal 37 ayat (4)") if rapat.jenis == JenisRapat.PLENO else _("Pasal 38 ayat (5)")
        )
        teks += _(", karena %(u)s berhalangan: %(a)s (%(p)s)") % {
            "u": utama,
            "a": rapat.alasan_pengganti,
            "p": pasal,
        }
    return teks + "."


def _keputusan(a) -> list[dict]:
    kep = getattr(a, "keputusan", None)
    isi = [blok("butir", f"{a.urutan}. {a.judul}")]
    if a.ksdd_id:
        isi.append(
            blok(
                "paragraf",
                _("KSDD: %(n)s — %(j)s") % {"n": a.ksdd.nomor_register, "j": a.ksdd.judul},
            )
        )
    if kep is None:
        return isi
    if kep.rekomendasi:
        if kep.rekomendasi == "diterima":
            dasar = [str(PertimbanganPersetujuan(c).label) for c in kep.pertimbangan_persetujuan]
            isi.append(
                blok(
                    "paragraf",
                    _(
                        "Rapat Pleno merekomendasikan kepada Bupati untuk MENERIMA penawaran "
                        "kerja sama, dengan pertimbangan Pasal 18 ayat (5): %s."
                    )
                    % "; ".join(dasar),
                )
            )
        else:
            dasar = [str(AlasanPenolakan(c).label) for c in kep.alasan_penolakan]
            isi.append(
                blok(
                    "paragraf",
                    _(
                        "Rapat Pleno merekomendasikan kepada Bupati untuk MENOLAK penawaran "
                        "kerja sama, dengan pertimbangan Pasal 18 ayat (4): %s."
                    )
                    % "; ".join(dasar),
                )
            )
    isi.append(blok("paragraf", _("Keputusan: %s") % kep.uraian))
    if kep.tindak_lanjut:
        isi.append(blok("paragraf", _("Tindak lanjut: %s") % kep.tindak_lanjut))
    return isi


def _ttd(rapat: Rapat) -> tuple[dict, dict | None]:
    tempat_tanggal = f"{_kedudukan_daerah()}, {tanggal_surat(rapat.tanggal)}"
    ketua = {
        "tempat_tanggal": tempat_tanggal,
        "peran": _("Pimpinan Rapat,"),
        "jabatan": f"{rapat.pimpinan.get_kedudukan_display()} TKKSD,".upper()
        if rapat.pimpinan
        else "",
        "nama": rapat.pimpinan_nama.upper(),
        "nip": "",
    }
    kiri = None
    if rapat.jenis == JenisRapat.PLENO:
        kiri = {
            "tempat_tanggal": "",
            "peran": _("Notulis,"),
            "jabatan": _("SEKRETARIS TKKSD,"),
            "nama": rapat.notulis.upper(),
            "nip": "",
        }
    return ketua, kiri


def _nip(rapat: Rapat, kedudukan: str) -> str:
    k = next(
        (k for k in rapat.kehadiran.all() if k.jabatan and k.jabatan.kedudukan == kedudukan), None
    )
    if k and k.jabatan:
        p = pemangku_pada(k.jabatan, rapat.tanggal)
        return f"NIP. {p.nip}" if p and p.nip else ""
    return ""


def berita_acara_konteks(rapat: Rapat) -> dict:
    """Day and date in words, place, chair, attendance, each agenda item with its
    decision (offers: accept or reject and the grounds), and signatures (P39)."""
    pukul = _(" pukul %s WIB") % rapat.waktu_mulai.strftime("%H.%M") if rapat.waktu_mulai else ""
    isi = [
        blok(
            "paragraf",
            _(
                "%(hari)s%(pukul)s, bertempat di %(tempat)s, telah diselenggarakan %(jenis)s "
                "Tim Koordinasi Kerja Sama Daerah (TKKSD) Kabupaten Barito Selatan yang "
                "dibentuk dengan Keputusan Bupati Nomor %(kep)s, sebagaimana dimaksud dalam "
                "Pasal 36 sampai dengan Pasal 39 %(perbup)s."
            )
            % {
                "hari": tanggal_kata(rapat.tanggal).kalimat,
                "pukul": pukul,
                "tempat": rapat.tempat,
                "jenis": rapat.get_jenis_display(),
                "kep": rapat.keputusan.nomor,
                "perbup": PERBUP,
            },
        ),
        blok("paragraf", _pimpinan(rapat)),
        blok("judul", _("Daftar Hadir")),
        *_kehadiran(rapat),
        blok("judul", _("Agenda dan Keputusan Rapat")),
    ]
    for a in rapat.agenda.all():
        isi += _keputusan(a)
    isi.append(
        blok(
            "paragraf",
            _("Demikian Berita Acara ini dibuat untuk dipergunakan sebagaimana mestinya."),
        )
    )
    ttd, kiri = _ttd(rapat)
    ttd["nip"] = _nip(rapat, rapat.pimpinan.kedudukan) if rapat.pimpinan else ""
    if kiri:
        kiri["nip"] = _nip(rapat, Kedudukan.SEKRETARIS)
    return konteks_rekaman(
        judul=_("Berita Acara"),
        subjudul=_("%s TKKSD Kabupaten Barito Selatan") % rapat.get_jenis_display(),
        nomor=rapat.nomor,
        tanggal=rapat.tanggal,
        isi=isi,
        ttd=ttd,
        ttd_kiri=kiri,
    )


def notulen_konteks(rapat: Rapat, nomor: str) -> dict:
    """The discussion of the meeting: its course and each agenda item's discussion (P39)."""
    isi = [
        blok(
            "paragraf",
            _(
                "%(hari)s, bertempat di %(tempat)s, diselenggarakan %(jenis)s TKKSD "
                "(Berita Acara Nomor %(ba)s)."
            )
            % {
                "jenis": rapat.get_jenis_display(),
                "hari": tanggal_kata(rapat.tanggal).kalimat,
                "tempat": rapat.tempat,
                "ba": rapat.nomor,
            },
        ),
        blok("paragraf", _pimpinan(rapat)),
        blok("judul", _("Jalannya Rapat")),
        *[blok("paragraf", p.strip()) for p in rapat.ringkasan.split("\n") if p.strip()],
        blok("judul", _("Pembahasan Agenda")),
    ]
    for a in rapat.agenda.all():
        isi.append(blok("butir", f"{a.urutan}. {a.judul}"))
        for p in (a.pembahasan or "-").split("\n"):
            if p.strip():
                isi.append(blok("paragraf", p.strip()))
        kep = getattr(a, "keputusan", None)
        if kep:
            isi.append(blok("paragraf", _("Kesimpulan: %s") % kep.uraian))
    ttd = {
        "tempat_tanggal": f"{_kedudukan_daerah()}, {tanggal_surat(rapat.tanggal)}",
        "peran": _("Notulis,"),
        "jabatan": "",
        "nama": rapat.notulis.upper(),
        "nip": "",
    }
    return konteks_rekaman(
        judul=_("Notulen"),
        subjudul=_("%s TKKSD Kabupaten Barito Selatan") % rapat.get_jenis_display(),
        nomor=nomor,
        tanggal=rapat.tanggal,
        isi=isi,
        ttd=ttd,
    )


@bahasa_dokumen
def rapat_dokumen_hasilkan(*, rapat: Rapat, user):
    """Generate (a new version of) the Berita Acara and the Notulen of a meeting whose
    result is recorded (P39). Returns the two ``VersiDokumen``."""
    pastikan_izin(
        user,
        "governance.kelola_rapat",
        _("Anda tidak berwenang mengelola rapat dan program kerja TKKSD."),
    )

    with transaction.atomic():
        rapat = Rapat.objects.select_for_update().get(pk=rapat.pk)
        tolak_jika(
            []
            if rapat.status == StatusRapat.SELESAI
            else [
                Pelanggaran(
                    "P39",
                    _(
                        "Berita Acara dan Notulen dihasilkan setelah hasil rapat dicatat "
                        "(Pasal 39)."
                    ),
                )
            ]
        )
        if rapat.berita_acara_id is None:
            dok = dokumen_rekaman(
                jenis=JenisDokumen.BERITA_ACARA_RAPAT,
                judul=_("Berita Acara %s") % rapat,
                user=user,
                tanggal=rapat.tanggal,
            )
            rapat.berita_acara, rapat.nomor = dok, dok.nomor
        if rapat.notulen_id is None:
            rapat.notulen = dokumen_rekaman(
                jenis=JenisDokumen.NOTULEN_RAPAT,
                judul=_("Notulen %(j)s TKKSD %(t)s")
                % {"j": rapat.get_jenis_display(), "t": rapat.tanggal.strftime("%d-%m-%Y")},
                user=user,
                tanggal=rapat.tanggal,
            )
        rapat.save(update_fields=["berita_acara", "notulen", "nomor"])
        penuh = rapat_detail(rapat.pk)
        stem = f"{rapat.get_jenis_display().replace(' ', '-')}-{rapat.tanggal:%Y-%m-%d}"
        ba = rekaman_hasilkan(
            dokumen=rapat.berita_acara,
            konteks=berita_acara_konteks(penuh),
            nama_berkas=f"Berita-Acara-{stem}.docx",
            user=user,
        )
        notulen = rekaman_hasilkan(
            dokumen=rapat.notulen,
            konteks=notulen_konteks(penuh, rapat.notulen.nomor),
            nama_berkas=f"Notulen-{stem}.docx",
            user=user,
        )
    return ba, notulen


def _pengundang(rapat: Rapat) -> tuple[str, str]:
    """Who signs the invitation: the Ketua for a Rapat Pleno (P37-3), the Sekretaris for
    a Rapat Teknis (P38-4), as held on the meeting day. (office, kedudukan)."""
    kedudukan = Kedudukan.KETUA if rapat.jenis == JenisRapat.PLENO else Kedudukan.SEKRETARIS
    return kedudukan, str(Kedudukan(kedudukan).label)


def undangan_konteks(rapat: Rapat, nomor: str, tanggal) -> dict:
    """The invitation letter of a scheduled meeting: day, date, time, place, the agenda,
    the invited offices with their holders, signed by the Ketua (pleno) or the Sekretaris
    (teknis) of TKKSD."""
    kedudukan, label = _pengundang(rapat)
    penanda = next(
        (k for k in rapat.kehadiran.all() if k.jabatan and k.jabatan.kedudukan == kedudukan),
        None,
    )
    pukul = rapat.waktu_mulai.strftime("%H.%M") + " WIB" if rapat.waktu_mulai else _("menyusul")
    isi = [
        blok(
            "paragraf",
            _(
                "Dalam rangka pelaksanaan tugas Tim Koordinasi Kerja Sama Daerah (TKKSD) "
                "Kabupaten Barito Selatan sebagaimana dimaksud dalam Pasal 34 dan Pasal 36 "
                "%(perbup)s, dengan hormat kami mengundang Bapak/Ibu untuk menghadiri "
                "%(jenis)s TKKSD yang akan dilaksanakan pada:"
            )
            % {"perbup": PERBUP, "jenis": rapat.get_jenis_display()},
        ),
        blok("butir", _("hari/tanggal : %s") % tanggal_panjang(rapat.tanggal)),
        blok("butir", _("pukul : %s") % pukul),
        blok("butir", _("tempat : %s") % rapat.tempat),
        blok("judul", _("Acara")),
    ]
    agenda = list(rapat.agenda.all())
    for a in agenda:
        teks = f"{a.urutan}. {a.judul}"
        if a.ksdd_id:
            teks += f" ({a.ksdd.nomor_register})"
        isi.append(blok("butir", teks))
    if not agenda:
        isi.append(blok("butir", _("Acara menyusul.")))
    isi.append(
        blok(
            "paragraf",
            _(
                "Mengingat pentingnya acara tersebut, kami mengharapkan kehadiran Bapak/Ibu "
                "tepat pada waktunya. Bila berhalangan, mohon menugaskan pejabat yang "
                "mewakili. Demikian, atas perhatian dan kehadirannya diucapkan terima kasih."
            ),
        )
    )
    ttd = {
        "tempat_tanggal": "",
        "peran": "",
        "jabatan": _("%s TKKSD KABUPATEN BARITO SELATAN,") % label.upper(),
        "nama": (penanda.nama if penanda else "").upper(),
        "nip": _nip(rapat, kedudukan),
    }
    c = konteks_rekaman(judul=_("Undangan"), nomor=nomor, tanggal=tanggal, isi=isi, ttd=ttd)
    # The invited offices are the letter's lampiran ("daftar terlampir"), counted in
    # the Lampiran line (Tata Naskah Dinas, Permendagri 1/2023).
    undangan = list(rapat.kehadiran.all())
    c.update(
        bentuk="surat",
        sifat=SIFAT_BAWAAN[JenisDokumen.UNDANGAN_RAPAT],
        lampiran=jumlah_lampiran(1, _("lembar")) if undangan else "-",
        hal=_("Undangan %s TKKSD") % rapat.get_jenis_display(),
        kepada=[
            _("Yth. Bapak/Ibu Anggota TKKSD Kabupaten Barito Selatan"),
            _("(daftar terlampir)") if undangan else "",
            *di_tempat(""),
        ],
        lampiran_judul=[
            _("LAMPIRAN SURAT %s TKKSD KABUPATEN BARITO SELATAN") % label.upper(),
            _("NOMOR : %s") % nomor,
            _("TANGGAL : %s") % tanggal_surat(tanggal),
        ],
        lampiran_isi=[
            blok("judul", _("Daftar Undangan")),
            *[
                blok("butir", f"{i}. {k.keterangan_jabatan}" + (f" ({k.nama})" if k.nama else ""))
                for i, k in enumerate(undangan, 1)
            ],
        ],
        lampiran_ttd=ttd,
    )
    c["kepada"] = [k for k in c["kepada"] if k]
    return c


@bahasa_dokumen
def rapat_undangan_hasilkan(*, rapat: Rapat, user, tanggal=None):
    """Generate (a new version of) the invitation letter of a scheduled meeting; the
    number is issued once, the content follows the agenda and the invited offices as
    they stand. Refused once the meeting is held or cancelled (P36)."""
    from django.utils import timezone

    pastikan_izin(
        user,
        "governance.kelola_rapat",
        _("Anda tidak berwenang mengelola rapat dan program kerja TKKSD."),
    )
    tanggal = tanggal or timezone.localdate()
    with transaction.atomic():
        rapat = Rapat.objects.select_for_update().get(pk=rapat.pk)
        tolak_jika(
            []
            if rapat.status == StatusRapat.TERJADWAL
            else [
                Pelanggaran(
                    "P36",
                    _(
                        "Surat undangan dibuat untuk rapat yang masih terjadwal; rapat ini "
                        "%s (Pasal 36)."
                    )
                    % rapat.get_status_display().lower(),
                )
            ]
        )
        if rapat.undangan_id is None:
            rapat.undangan = dokumen_rekaman(
                jenis=JenisDokumen.UNDANGAN_RAPAT,
                judul=_("Undangan %s") % rapat,
                user=user,
                tanggal=tanggal,
            )
            rapat.save(update_fields=["undangan"])
        penuh = rapat_detail(rapat.pk)
        stem = f"{rapat.get_jenis_display().replace(' ', '-')}-{rapat.tanggal:%Y-%m-%d}"
        return rekaman_hasilkan(
            dokumen=rapat.undangan,
            konteks=undangan_konteks(penuh, rapat.undangan.nomor, tanggal),
            nama_berkas=f"Undangan-{stem}.docx",
            user=user,
        )
