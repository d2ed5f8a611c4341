"""TKKSD meetings: scheduling with invitations, the agenda, the result with its chair
and decisions, and cancelling (Pasal 36–39, Pasal 18 ayat 3–5)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements.choices import Pemrakarsa, Status
from kersa.agreements.services import ksdd_catat_rekomendasi_pleno
from kersa.agreements.workflow import TRANSISI
from kersa.core.errors import Pelanggaran, RuleViolation, tolak_jika
from kersa.core.format import tanggal_panjang
from kersa.core.roles import pastikan_izin
from kersa.core.status import catat_awal, pindah
from kersa.deadlines.definisi import DEFINISI
from kersa.deadlines.services import tenggat_penuhi
from kersa.documents.choices import JenisDokumen
from kersa.documents.services import dokumen_rekaman

from ..choices import (
    AGENDA_KHUSUS_PLENO,
    KEDUDUKAN_TKKSD,
    JenisAgenda,
    JenisKeputusan,
    JenisRapat,
    Kedudukan,
    StatusRapat,
    TugasTkksd,
)
from ..models import AgendaRapat, Jabatan, Kehadiran, KeputusanRapat, Rapat
from ..selectors import keputusan_berlaku, susunan


def _tgl(d: dt.date) -> str:
    return d.strftime("%d-%m-%Y")


def _kunci(rapat: Rapat) -> Rapat:
    return Rapat.objects.select_for_update().get(pk=rapat.pk)


def _harus_terjadwal(rapat: Rapat, rule: str = "P36") -> list[Pelanggaran]:
    if rapat.status != StatusRapat.TERJADWAL:
        return [
            Pelanggaran(
                rule,
                _("Rapat ini sudah %s; tidak dapat diubah.") % rapat.get_status_display().lower(),
            )
        ]
    return []


def _rapat_sama(jenis: str, tanggal: dt.date, waktu_mulai: dt.time | None) -> Rapat | None:
    """The meeting of this kind already on the books at this date and time, cancelled
    ones aside: scheduling it again is a double click, not a second meeting."""
    return (
        Rapat.objects.filter(jenis=jenis, tanggal=tanggal, waktu_mulai=waktu_mulai)
        .exclude(status=StatusRapat.BATAL)
        .order_by("pk")
        .first()
    )


def _pelanggaran_ganda(rapat: Rapat) -> Pelanggaran:

    pukul = _(" pukul %s") % rapat.waktu_mulai.strftime("%H.%M") if rapat.waktu_mulai else ""
    return Pelanggaran(
        "P36",
        _(
            "%(j)s pada %(t)s%(p)s sudah dijadwalkan di %(tempat)s; rapat yang sama tidak "
            "dijadwalkan dua kali. Ubah agendanya, atau batalkan rapat itu lebih dahulu bila "
            "jadwalnya berubah (Pasal 36)."
        )
        % {
            "j": rapat.get_jenis_display(),
            "t": tanggal_panjang(rapat.tanggal, bahasa=None),
            "p": pukul,
            "tempat": rapat.tempat,
        },
        "tanggal",
    )


def _rapat_buat(*, jenis, keputusan, tanggal, waktu_mulai, tempat, user, kursi) -> Rapat:
    rapat = Rapat.objects.create(
        jenis=jenis,
        keputusan=keputusan,
        tanggal=tanggal,
        waktu_mulai=waktu_mulai,
        tempat=tempat,
        dibuat_oleh=user,
    )
    Kehadiran.objects.bulk_create(
        Kehadiran(
            rapat=rapat,
            jabatan=k.jabatan,
            nama=k.pemangku.nama if k.pemangku else "",
            keterangan_jabatan=f"{k.jabatan.get_kedudukan_display()} — {k.jabatan.nama_jabatan}",
        )
        for k in kursi
    )
    catat_awal(
        rapat,
        oleh=user,
        alasan=_("%(j)s dijadwalkan pada %(t)s di %(p)s.")
        % {"j": rapat.get_jenis_display(), "t": _tgl(tanggal), "p": rapat.tempat},
        rule="P37-1" if jenis == JenisRapat.PLENO else "P38-4",
    )
    return rapat


def rapat_jadwalkan(
    *,
    jenis: str,
    tanggal: dt.date,
    tempat: str,
    user,
    waktu_mulai: dt.time | None = None,
) -> Rapat:
    """Schedule a Rapat Pleno (Pasal 37) or Rapat Teknis (Pasal 38) of the TKKSD in force
    on ``tanggal`` (P34-1). Every office of that decree is invited, with its holder on
    that day (P35-1); a Rapat Teknis also invites the Tim Teknis, all members (P38-4)."""
    pastikan_izin(
        user,
        "governance.kelola_rapat",
        _("Anda tidak berwenang mengelola rapat dan program kerja TKKSD."),
    )
    found = []
    if jenis not in JenisRapat.values:
        found.append(Pelanggaran("P36", _("Pilih Rapat Pleno atau Rapat Teknis."), "jenis"))
    if not tempat.strip():
        found.append(Pelanggaran("P36", _("Isi tempat rapat."), "tempat"))
    keputusan = keputusan_berlaku(tanggal)
    if keputusan is None:
        found.append(
            Pelanggaran(
                "P34-1",
                _(
                    "Belum ada Keputusan Bupati tentang TKKSD yang berlaku pada %s "
                    "(Pasal 34 ayat 1)."
                )
                % _tgl(tanggal),
                "tanggal",
            )
        )
    tolak_jika(found)
    ganda = _rapat_sama(jenis, tanggal, waktu_mulai)
    if ganda is not None:
        raise RuleViolation(_pelanggaran_ganda(ganda))
    kursi = susunan(keputusan, tanggal)
    if jenis == JenisRapat.TEKNIS:
        kursi += susunan(keputusan_berlaku(tanggal, JenisKeputusan.TIM_TEKNIS), tanggal)
    try:
        with transaction.atomic():
            rapat = _rapat_buat(
                jenis=jenis,
                keputusan=keputusan,
                tanggal=tanggal,
                waktu_mulai=waktu_mulai,
                tempat=tempat.strip(),
                user=user,
                kursi=kursi,
            )
    except IntegrityError as exc:
        # A parallel identical request won the race (constraints rapat_satu_jadwal_*):
        # nothing of this one is saved.
        ganda = _rapat_sama(jenis, tanggal, waktu_mulai)
        if ganda is None:
            raise
        raise RuleViolation(_pelanggaran_ganda(ganda)) from exc
    return rapat


def agenda_tambah(
    *,
    rapat: Rapat,
    judul: str,
    user,
    jenis: str = JenisAgenda.LAINNYA,
    tugas: str = "",
    ksdd=None,
    program_kerja=None,
) -> AgendaRapat:
    """Put an item on the agenda, filed under a duty of Pasal 34 ayat (2) (P34-2),
    optionally about a KSDD. Policy, the work programme and recommendations are
    decided by the pleno, not a Rapat Teknis (P37-2); a recommendation on an offer
    names its KSDD (P18-3); setting the programme names the programme (P37-2)."""
    pastikan_izin(
        user,
        "governance.kelola_rapat",
        _("Anda tidak berwenang mengelola rapat dan program kerja TKKSD."),
    )

    with transaction.atomic():
        rapat = _kunci(rapat)
        found = _harus_terjadwal(rapat)
        if not judul.strip():
            found.append(Pelanggaran("P39", _("Isi pokok bahasan."), "judul"))
        elif rapat.agenda.filter(
            judul__iexact=judul.strip(),
            jenis=jenis,
            ksdd=ksdd,
            program_kerja=program_kerja if jenis == JenisAgenda.PROGRAM_KERJA else None,
        ).exists():
            # The meeting row is locked (_kunci): two identical clicks queue, the second
            # finds the first's item.
            found.append(
                Pelanggaran(
                    "P34-2",
                    _(
                        'Agenda "%s" sudah ada dalam rapat ini; pokok bahasan yang sama '
                        "tidak dicatat dua kali (Pasal 34 ayat 2)."
                    )
                    % judul.strip(),
                    "judul",
                )
            )
        if jenis not in JenisAgenda.values:
            found.append(Pelanggaran("P37-2", _("Jenis agenda tidak dikenal."), "jenis"))
        if tugas and tugas not in TugasTkksd.values:
            found.append(Pelanggaran("P34-2", _("Tugas TKKSD tidak dikenal."), "tugas"))
        if rapat.jenis == JenisRapat.TEKNIS and jenis in AGENDA_KHUSUS_PLENO:
            found.append(
                Pelanggaran(
                    "P37-2",
                    _(
                        "%s diputuskan dalam Rapat Pleno (Pasal 37 ayat 2); Rapat Teknis "
                        "hanya membahas dan menyusun rancangannya (Pasal 38 ayat 3)."
                    )
                    % JenisAgenda(jenis).label,
                    "jenis",
                )
            )
        if jenis == JenisAgenda.REKOMENDASI_PENAWARAN:
            if ksdd is None:
                found.append(
                    Pelanggaran(
                        "P18-3",
                        _("Pilih KSDD yang penawarannya dibahas (Pasal 18 ayat 3)."),
                        "ksdd",
                    )
                )
            elif ksdd.pemrakarsa != Pemrakarsa.MITRA or ksdd.status != Status.MENUNGGU_TANGGAPAN:
                found.append(
                    Pelanggaran(
                        "P18-3",
                        _(
                            "KSDD %s bukan penawaran daerah mitra yang menunggu tanggapan; "
                            "rekomendasi Rapat Pleno hanya untuk penawaran tersebut "
                            "(Pasal 18 ayat 3)."
                        )
                        % ksdd.nomor_register,
                        "ksdd",
                    )
                )
        if jenis == JenisAgenda.PROGRAM_KERJA:
            if program_kerja is None:
                found.append(
                    Pelanggaran(
                        "P37-2", _("Pilih program kerja yang akan ditetapkan."), "program_kerja"
                    )
                )
            elif program_kerja.ditetapkan_dalam_id:
                found.append(
                    Pelanggaran(
                        "P37-2",
                        _("Program kerja %s sudah ditetapkan.") % program_kerja.tahun,
                        "program_kerja",
                    )
                )
        tolak_jika(found)
        return AgendaRapat.objects.create(
            rapat=rapat,
            urutan=rapat.agenda.count() + 1,
            judul=judul.strip(),
            jenis=jenis,
            tugas=tugas or ("g" if jenis == JenisAgenda.REKOMENDASI_PENAWARAN else ""),
            ksdd=ksdd,
            program_kerja=program_kerja if jenis == JenisAgenda.PROGRAM_KERJA else None,
        )


def agenda_hapus(*, agenda: AgendaRapat, user) -> None:
    pastikan_izin(
        user,
        "governance.kelola_rapat",
        _("Anda tidak berwenang mengelola rapat dan program kerja TKKSD."),
    )
    with transaction.atomic():
        tolak_jika(_harus_terjadwal(_kunci(agenda.rapat)))
        agenda.delete()


def _cek_pimpinan(rapat: Rapat, pimpinan: Jabatan | None, hadir: dict, alasan: str):
    """P37-3/P37-4 (pleno) and P38-4/P38-5 (teknis)."""
    pleno = rapat.jenis == JenisRapat.PLENO
    utama = Kedudukan.KETUA if pleno else Kedudukan.SEKRETARIS
    rule_utama, rule_ganti = ("P37-3", "P37-4") if pleno else ("P38-4", "P38-5")
    if pleno:
        umum = _("Rapat Pleno dipimpin oleh Ketua TKKSD, atau Wakil Ketua bila Ketua berhalangan")
        pasal = _("(Pasal 37 ayat 3 dan 4).")
    else:
        umum = _(
            "Rapat Teknis dipimpin oleh Sekretaris TKKSD, atau anggota tetap bila Sekretaris "
            "berhalangan"
        )
        pasal = _("(Pasal 38 ayat 4 dan 5).")
    if pimpinan is None or pimpinan.keputusan_id != rapat.keputusan_id:
        return [Pelanggaran(rule_utama, f"{umum} {pasal}", "pimpinan")]
    utama_hadir = [h for j, h in hadir.items() if j.kedudukan == utama]
    utama_hadir = bool(utama_hadir and utama_hadir[0])
    if pimpinan.kedudukan == utama:
        if not hadir.get(pimpinan, False):
            return [
                Pelanggaran(
                    rule_utama,
                    _("%(j)s tercatat tidak hadir sehingga tidak dapat memimpin rapat %(p)s")
                    % {"j": pimpinan.get_kedudukan_display(), "p": pasal},
                    "pimpinan",
                )
            ]
        return []
    pengganti = (
        pimpinan.kedudukan == Kedudukan.WAKIL_KETUA
        if pleno
        else pimpinan.anggota_tetap and pimpinan.kedudukan in KEDUDUKAN_TKKSD
    )
    if not pengganti:
        return [Pelanggaran(rule_utama, f"{umum} {pasal}", "pimpinan")]
    found = []
    if utama_hadir:
        found.append(
            Pelanggaran(
                rule_ganti,
                _("%(u)s hadir; pengganti memimpin hanya bila %(u)s berhalangan %(p)s")
                % {"u": Kedudukan(utama).label, "p": pasal},
                "pimpinan",
            )
        )
    if not hadir.get(pimpinan, False):
        found.append(
            Pelanggaran(
                rule_ganti,
                _("Pimpinan rapat pengganti tercatat tidak hadir."),
                "pimpinan",
            )
        )
    if not alasan.strip():
        found.append(
            Pelanggaran(
                rule_ganti,
                _("Tuliskan alasan %(u)s berhalangan %(p)s")
                % {"u": Kedudukan(utama).label, "p": pasal},
                "alasan_pengganti",
            )
        )
    return found


def hambatan_hasil_rapat(rapat: Rapat, agenda=None) -> list[Pelanggaran]:
    """What stops recording this meeting's result, whatever is typed in the form (P39,
    P37-2): the meeting page lists these and ``rapat_hasil_catat`` refuses with the very
    same list (issue 13 item 1: no blocker listed ⇔ the result can be recorded with the
    attendance, chair and decisions filled in)."""
    found = _harus_terjadwal(rapat, "P39")
    if found:
        return found
    if rapat.tanggal > timezone.localdate():
        found.append(
            Pelanggaran(
                "P39",
                _("Hasil rapat dicatat setelah rapat diadakan (%s).") % _tgl(rapat.tanggal),
            )
        )
    if agenda is None:
        agenda = list(rapat.agenda.all())
    if not agenda:
        found.append(Pelanggaran("P39", _("Rapat belum memiliki agenda."), "keputusan"))
    for a in agenda:
        if rapat.jenis == JenisRapat.TEKNIS and a.jenis in AGENDA_KHUSUS_PLENO:
            found.append(
                Pelanggaran(
                    "P37-2",
                    _("%s diputuskan dalam Rapat Pleno (Pasal 37 ayat 2).") % a.get_jenis_display(),
                    "keputusan",
                )
            )
        elif a.jenis == JenisAgenda.REKOMENDASI_PENAWARAN and a.ksdd_id:
            # P18-3: the recommendation is the KSDD's own step; what blocks that step
            # (its status, its preconditions) blocks the result too.

            for p in TRANSISI["catat_rekomendasi_pleno"].hambatan_penuh(a.ksdd):
                found.append(
                    Pelanggaran(
                        p.rule,
                        _("Agenda %(n)s (%(r)s): %(d)s")
                        % {"n": a.urutan, "r": a.ksdd.nomor_register, "d": p.detail},
                        "keputusan",
                    )
                )
    return found


def rapat_hasil_catat(
    *,
    rapat: Rapat,
    user,
    kehadiran: Mapping[int, Mapping],
    pimpinan: Jabatan | None,
    ringkasan: str,
    keputusan: Mapping[int, Mapping],
    alasan_pengganti: str = "",
    notulis: str = "",
    nomor: str = "",
) -> Rapat:
    """Record a meeting that was held: attendance (by ``Kehadiran`` pk: hadir,
    diwakili_oleh, keterangan), the chair (P37-3/P37-4, P38-4/P38-5), the notulen and a
    decision per agenda item (by ``AgendaRapat`` pk: uraian, pembahasan, rekomendasi,
    alasan_penolakan, pertimbangan_persetujuan, tindak_lanjut). The meeting becomes
    SELESAI with its Berita Acara number (P39). A recommendation on a partner's offer is
    written to the KSDD through the workflow (P18-3, P18-4, P18-5); setting the work
    programme links it to the meeting (P37-2); a pleno meets the year's clock (P37-1).
    Nothing is saved when anything is refused."""
    pastikan_izin(
        user,
        "governance.kelola_rapat",
        _("Anda tidak berwenang mengelola rapat dan program kerja TKKSD."),
    )

    with transaction.atomic():
        rapat = _kunci(rapat)
        agenda = list(rapat.agenda.select_related("ksdd", "program_kerja"))
        # What the record itself blocks (the meeting page lists the same, issue 13).
        found = hambatan_hasil_rapat(rapat, agenda)
        if not ringkasan.strip():
            found.append(
                Pelanggaran(
                    "P39", _("Tuliskan jalannya rapat untuk notulen (Pasal 39)."), "ringkasan"
                )
            )
        baris = list(rapat.kehadiran.select_related("jabatan"))
        for k in baris:
            isi = kehadiran.get(k.pk, {})
            k.hadir = bool(isi.get("hadir"))
            k.diwakili_oleh = (isi.get("diwakili_oleh") or "").strip()
            k.keterangan = (isi.get("keterangan") or "").strip()
            if k.hadir:
                k.diwakili_oleh = ""
        if not any(k.hadir or k.diwakili_oleh for k in baris):
            found.append(Pelanggaran("P38-4", _("Catat kehadiran peserta rapat."), "kehadiran"))
        hadir = {k.jabatan: k.hadir for k in baris if k.jabatan_id}
        found += _cek_pimpinan(rapat, pimpinan, hadir, alasan_pengganti)
        for a in agenda:
            isi = keputusan.get(a.pk, {})
            if not (isi.get("uraian") or "").strip():
                found.append(
                    Pelanggaran(
                        "P39",
                        _("Tuliskan keputusan/kesimpulan agenda %(n)s: %(j)s.")
                        % {"n": a.urutan, "j": a.judul},
                        "keputusan",
                    )
                )
            if a.jenis == JenisAgenda.REKOMENDASI_PENAWARAN and isi.get("rekomendasi") not in (
                "diterima",
                "ditolak",
            ):
                found.append(
                    Pelanggaran(
                        "P18-3",
                        _("Agenda %s: Rapat Pleno merekomendasikan menerima atau menolak.")
                        % a.urutan,
                        "keputusan",
                    )
                )
        tolak_jika(found)

        for k in baris:
            k.save(update_fields=["hadir", "diwakili_oleh", "keterangan"])
        pemangku = next((k for k in baris if k.jabatan_id == pimpinan.pk), None)
        rapat.pimpinan = pimpinan
        rapat.pimpinan_nama = pemangku.nama if pemangku else ""
        rapat.alasan_pengganti = (
            alasan_pengganti.strip()
            if pimpinan.kedudukan not in (Kedudukan.KETUA, Kedudukan.SEKRETARIS)
            else ""
        )
        if not notulis.strip():
            sek = next((k for k in baris if k.jabatan.kedudukan == Kedudukan.SEKRETARIS), None)
            notulis = sek.nama if sek else ""
        rapat.notulis = notulis.strip()
        rapat.ringkasan = ringkasan.strip()
        if rapat.berita_acara_id is None:
            judul = _("Berita Acara %(j)s TKKSD %(t)s") % {
                "j": rapat.get_jenis_display(),
                "t": _tgl(rapat.tanggal),
            }
            dok = dokumen_rekaman(
                jenis=JenisDokumen.BERITA_ACARA_RAPAT,
                judul=judul,
                user=user,
                tanggal=rapat.tanggal,
                bernomor=not nomor.strip(),
            )
            if nomor.strip():
                dok.nomor = nomor.strip()
                dok.save(update_fields=["nomor"])
            rapat.berita_acara = dok
            rapat.nomor = dok.nomor
        for a in agenda:
            isi = keputusan[a.pk]
            a.pembahasan = (isi.get("pembahasan") or "").strip()
            a.save(update_fields=["pembahasan"])
            rek = isi.get("rekomendasi") if a.jenis == JenisAgenda.REKOMENDASI_PENAWARAN else ""
            tolak = list(isi.get("alasan_penolakan") or ()) if rek == "ditolak" else []
            setuju = list(isi.get("pertimbangan_persetujuan") or ()) if rek == "diterima" else []
            KeputusanRapat.objects.create(
                agenda=a,
                uraian=isi["uraian"].strip(),
                rekomendasi=rek or "",
                alasan_penolakan=tolak,
                pertimbangan_persetujuan=setuju,
                tindak_lanjut=(isi.get("tindak_lanjut") or "").strip(),
                dicatat_oleh=user,
            )
            if rek and a.ksdd_id:
                # The one path of P18-3/4/5: the workflow checks the grounds and the KSDD.
                ksdd_catat_rekomendasi_pleno(
                    ksdd=a.ksdd,
                    user=user,
                    tanggal_rapat=rapat.tanggal,
                    nomor_berita_acara=rapat.nomor,
                    keputusan=rek,
                    alasan_penolakan=tolak,
                    pertimbangan_persetujuan=setuju,
                    uraian=isi["uraian"].strip(),
                    # P18-4 / P18-5: a finding per ground; the meeting's page gives one
                    # text for the agenda item, which then stands for each ground.
                    temuan=isi.get("temuan")
                    or {d: isi["uraian"].strip() for d in (tolak or setuju)},
                    alasan_peringatan=(isi.get("alasan_peringatan") or ""),
                    agenda=a,
                )
            if a.jenis == JenisAgenda.PROGRAM_KERJA and a.program_kerja_id:
                program = a.program_kerja
                program.ditetapkan_dalam = rapat
                program.save(update_fields=["ditetapkan_dalam"])
        rapat.versi += 1
        pindah(
            rapat,
            StatusRapat.SELESAI,
            oleh=user,
            alasan=_("Hasil rapat dicatat; Berita Acara %s.") % rapat.nomor,
        )
        if rapat.jenis == JenisRapat.PLENO:
            _p37_1_penuhi(rapat, user)
    return rapat


def _p37_1_penuhi(rapat: Rapat, user) -> None:

    tenggat_penuhi(
        kunci=DEFINISI["P37-1"].kunci(rapat.tanggal.year),
        alasan=_("Rapat Pleno TKKSD diadakan pada %(t)s (Berita Acara %(n)s).")
        % {"t": _tgl(rapat.tanggal), "n": rapat.nomor},
        oleh=user,
        pada=rapat.tanggal,
    )


def rapat_batalkan(*, rapat: Rapat, user, alasan: str) -> Rapat:
    """Cancel a scheduled meeting, with the reason kept in its history."""
    pastikan_izin(
        user,
        "governance.kelola_rapat",
        _("Anda tidak berwenang mengelola rapat dan program kerja TKKSD."),
    )
    with transaction.atomic():
        rapat = _kunci(rapat)
        found = _harus_terjadwal(rapat)
        if not alasan.strip():
            found.append(Pelanggaran("P36", _("Tuliskan alasan pembatalan rapat."), "alasan"))
        tolak_jika(found)
        rapat.versi += 1
        pindah(rapat, StatusRapat.BATAL, oleh=user, alasan=alasan.strip(), simpan=["versi"])
    return rapat
