"""Writes of the identification and the yearly plan list (Pasal 7 ayat 2–5, Pasal 8 ayat 2–5).

A list is drafted (PENYUSUNAN): items are added, edited and removed. It is set
(DITETAPKAN) with the Berita Acara signed by the Bupati (P7-5, P8-4); from then on
it is read-only. A correction is either the next plan year's list, or a documented
reopening by the secretariat with a reason (``identifikasi_buka_kembali``), after
which the list is set again with a new Berita Acara. Every status change is a
``RiwayatIdentifikasi`` row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements import rules as rules_ksdd
from kersa.agreements.choices import Kategori
from kersa.core.errors import Pelanggaran, RuleViolation, tolak_jika
from kersa.regions.choices import JenisWilayah
from kersa.regions.models import PerangkatDaerah, Wilayah

from .choices import ForumProvinsi, Prioritas, StatusIdentifikasi
from .models import ButirRencana, Identifikasi, RiwayatIdentifikasi
from .selectors import batas_p8_5

__all__ = [
    "butir_hapus",
    "butir_tambah",
    "butir_ubah",
    "identifikasi_berita_acara_hasilkan",
    "identifikasi_buka_kembali",
    "identifikasi_mulai",
    "identifikasi_tetapkan",
]

FIELD_BUTIR = {
    "urusan",
    "program",
    "kegiatan",
    "perangkat_daerah",
    "mitra",
    "jangka_waktu_bulan",
    "prioritas",
    "perkiraan_anggaran",
    "dokumen_rencana",
    "forum_provinsi",
    "tanggal_forum",
    "keterangan",
    "urutan",
}


def _pasal(kategori: str, ayat: int) -> str:
    """ "Pasal 7 ayat N" for Wajib, "Pasal 8 ayat N" for Sukarela (same wording)."""
    return (_("Pasal 7 ayat %s") if kategori == Kategori.WAJIB else _("Pasal 8 ayat %s")) % ayat


def _rule(kategori: str, ayat: int) -> str:
    return f"P{7 if kategori == Kategori.WAJIB else 8}-{ayat}"


def _cek_izin(user) -> None:
    if not user.has_perm("planning.kelola_rencana"):
        raise PermissionDenied(_("Anda tidak berwenang mengelola daftar rencana KSDD."))


def _riwayat(identifikasi, *, dari: str, ke: str, user, alasan: str, rule: str):
    return RiwayatIdentifikasi.objects.create(
        identifikasi=identifikasi, dari=dari, ke=ke, oleh=user, alasan=alasan, rule=rule
    )


def _masih_disusun(identifikasi: Identifikasi) -> None:
    if identifikasi.status != StatusIdentifikasi.PENYUSUNAN:
        raise RuleViolation(
            Pelanggaran(
                _rule(identifikasi.kategori, 5 if identifikasi.kategori == Kategori.WAJIB else 4),
                _(
                    "Daftar rencana %(d)s telah ditetapkan dalam Berita Acara (%(p)s) dan tidak "
                    "dapat diubah. Perbaikan dilakukan dengan membuka kembali daftar oleh "
                    "Sekretariat TKKSD dengan alasan tertulis."
                )
                % {
                    "d": identifikasi,
                    "p": _pasal(
                        identifikasi.kategori, 5 if identifikasi.kategori == Kategori.WAJIB else 4
                    ),
                },
            )
        )


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
            _riwayat(
                ident,
                dari="",
                ke=StatusIdentifikasi.PENYUSUNAN,
                user=user,
                alasan=_("Identifikasi dan Pemetaan dimulai."),
                rule=rule,
            )
    except IntegrityError as exc:  # two clerks at once: the unique constraint decides
        raise RuleViolation(
            Pelanggaran(
                _rule(kategori, 3),
                _("Daftar rencana untuk kategori dan tahun ini sudah ada."),
                field="tahun_rencana",
            )
        ) from exc
    return ident


# --- items ---------------------------------------------------------------------------


def _aturan_butir(kategori: str, data: dict, mitra: list[Wilayah]) -> list[Pelanggaran]:
    """P7-3/P8-3 (what an item says), P7-1 (Wajib partners border), P7-4 (forum dated)."""
    rule = _rule(kategori, 3)
    found = []
    for nama, label in (("program", _("Program")), ("kegiatan", _("Kegiatan"))):
        if not (data.get(nama) or "").strip():
            found.append(
                Pelanggaran(
                    rule,
                    _("%(l)s wajib diisi: daftar rencana memuat Program dan Kegiatan (%(p)s).")
                    % {"l": label, "p": _pasal(kategori, 3)},
                    field=nama,
                )
            )
    jangka = data.get("jangka_waktu_bulan")
    if not jangka or jangka <= 0:
        found.append(
            Pelanggaran(
                rule,
                _("Sebutkan jangka waktu kerja sama dalam bulan (%s huruf a).")
                % _pasal(kategori, 3),
                field="jangka_waktu_bulan",
            )
        )
    if data.get("prioritas") not in Prioritas.values:
        found.append(
            Pelanggaran(
                rule,
                _("Tentukan skala prioritas (%s huruf b).") % _pasal(kategori, 3),
                field="prioritas",
            )
        )
    if any(m.kode == settings.KERSA_HOME_REGION for m in mitra):
        found.append(
            Pelanggaran(
                "P1-3", _("Daerah sendiri bukan daerah mitra (Pasal 1 angka 3)."), field="mitra"
            )
        )
    if kategori == Kategori.WAJIB:
        if not mitra:
            found.append(
                Pelanggaran(
                    "P7-1",
                    _(
                        "Kerja Sama Wajib dilaksanakan bersama daerah yang berbatasan (Pasal 7 "
                        "ayat 1): sebutkan daerah mitranya."
                    ),
                    field="mitra",
                )
            )
        else:
            found += [
                p
                for p in rules_ksdd.p7_1_wajib_berbatasan(
                    kategori=kategori, mitra_kodes=[m.kode for m in mitra], eksternalitas="-"
                )
                if p.field != "eksternalitas"
            ]
    forum, tanggal = data.get("forum_provinsi") or "", data.get("tanggal_forum")
    if forum and forum not in ForumProvinsi.values:
        found.append(Pelanggaran("P7-4", _("Forum provinsi tidak dikenal."), "forum_provinsi"))
    if forum and tanggal is None:
        found.append(
            Pelanggaran(
                "P7-4",
                _("Sebutkan tanggal forum provinsi (Pasal 7 ayat 4)."),
                field="tanggal_forum",
            )
        )
    if tanggal is not None and not forum:
        found.append(
            Pelanggaran(
                "P7-4",
                _("Pilih forum provinsi yang membahas daftar ini (Pasal 7 ayat 4)."),
                field="forum_provinsi",
            )
        )
    if tanggal is not None and tanggal > timezone.localdate():
        found.append(
            Pelanggaran(
                "P7-4",
                _("Tanggal forum provinsi tidak boleh setelah hari ini."),
                field="tanggal_forum",
            )
        )
    return found


def perlu_forum_provinsi(kategori: str, mitra: Iterable[Wilayah]) -> bool:
    """P7-4: a Wajib item whose parties are all kabupaten/kota of one province (by the
    Kemendagri code prefix, e.g. 62.xx) is discussed in the provincial forum."""
    if kategori != Kategori.WAJIB:
        return False
    mitra = list(mitra)
    if not mitra:
        return False
    home = settings.KERSA_HOME_REGION
    prov = home.split(".")[0]
    return all(
        m.jenis in (JenisWilayah.KABUPATEN, JenisWilayah.KOTA) and m.kode.split(".")[0] == prov
        for m in mitra
    )


def _bersih(data: dict) -> dict:
    for nama in ("program", "kegiatan", "dokumen_rencana", "keterangan", "forum_provinsi"):
        if nama in data:
            data[nama] = (data[nama] or "").strip()
    return data


def butir_tambah(
    *,
    identifikasi: Identifikasi,
    user,
    urusan,
    program: str,
    kegiatan: str,
    perangkat_daerah: PerangkatDaerah,
    mitra: Iterable[Wilayah] = (),
    jangka_waktu_bulan: int,
    prioritas: int = Prioritas.SEDANG,
    perkiraan_anggaran: Decimal | None = None,
    dokumen_rencana: str = "",
    forum_provinsi: str = "",
    tanggal_forum: dt.date | None = None,
    keterangan: str = "",
    urutan: int | None = None,
) -> ButirRencana:
    """Add an item to a list being drafted (P7-3, P8-3)."""
    _cek_izin(user)
    mitra = list(mitra)
    data = _bersih(
        {
            "urusan": urusan,
            "program": program,
            "kegiatan": kegiatan,
            "perangkat_daerah": perangkat_daerah,
            "jangka_waktu_bulan": jangka_waktu_bulan,
            "prioritas": int(prioritas) if prioritas is not None else None,
            "perkiraan_anggaran": perkiraan_anggaran,
            "dokumen_rencana": dokumen_rencana,
            "forum_provinsi": forum_provinsi,
            "tanggal_forum": tanggal_forum,
            "keterangan": keterangan,
        }
    )
    with transaction.atomic():
        ident = Identifikasi.objects.select_for_update().get(pk=identifikasi.pk)
        _masih_disusun(ident)
        tolak_jika(_aturan_butir(ident.kategori, data, mitra))
        if urutan is None:
            urutan = ident.butir.count() + 1
        butir = ButirRencana.objects.create(identifikasi=ident, urutan=urutan, **data)
        butir.mitra.set(mitra)
    return butir


def butir_ubah(*, butir: ButirRencana, user, **changes) -> ButirRencana:
    """Edit an item while its list is being drafted."""
    _cek_izin(user)
    unknown = set(changes) - FIELD_BUTIR
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    with transaction.atomic():
        ident = Identifikasi.objects.select_for_update().get(pk=butir.identifikasi_id)
        _masih_disusun(ident)
        locked = ButirRencana.objects.select_for_update().get(pk=butir.pk)
        mitra = list(changes.pop("mitra", locked.mitra.all()))
        for k, v in _bersih(dict(changes)).items():
            setattr(locked, k, v)
        data = {f: getattr(locked, f) for f in FIELD_BUTIR - {"mitra"}}
        data["prioritas"] = int(data["prioritas"]) if data["prioritas"] is not None else None
        tolak_jika(_aturan_butir(ident.kategori, data, mitra))
        locked.save()
        locked.mitra.set(mitra)
    return locked


def butir_hapus(*, butir: ButirRencana, user) -> None:
    """Remove an item while its list is being drafted and no KSDD carries it."""
    _cek_izin(user)
    with transaction.atomic():
        ident = Identifikasi.objects.select_for_update().get(pk=butir.identifikasi_id)
        _masih_disusun(ident)
        if butir.ksdd.exists():
            raise RuleViolation(
                Pelanggaran(
                    "P5-2",
                    _("Butir ini dilaksanakan oleh KSDD tercatat dan tidak dapat dihapus."),
                )
            )
        butir.delete()


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
                        "Butir \u201c%(b)s\u201d adalah Kerja Sama Wajib antar-kabupaten/kota dalam "
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
    from kersa.deadlines.services import tenggat_penuhi

    return tenggat_penuhi(
        kunci=f"P8-5:{ident.tahun_rencana}",
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
        ident.status = StatusIdentifikasi.DITETAPKAN
        ident.nomor_berita_acara = nomor
        ident.tanggal_berita_acara = tanggal_berita_acara
        ident.tanggal_selesai = selesai
        ident.save()
        _riwayat(
            ident,
            dari=StatusIdentifikasi.PENYUSUNAN,
            ke=StatusIdentifikasi.DITETAPKAN,
            user=user,
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
        ident.status = StatusIdentifikasi.PENYUSUNAN
        ident.save(update_fields=["status"])
        _riwayat(
            ident,
            dari=StatusIdentifikasi.DITETAPKAN,
            ke=StatusIdentifikasi.PENYUSUNAN,
            user=user,
            alasan=alasan.strip(),
            rule=rule_ba,
        )
    identifikasi.refresh_from_db()
    return identifikasi


def identifikasi_berita_acara_hasilkan(*, identifikasi: Identifikasi, user):
    """Generate (a new version of) the Berita Acara of a set list (P7-5, P8-4)."""
    from kersa.documents.choices import JenisDokumen
    from kersa.documents.services import dokumen_rekaman, rekaman_hasilkan

    from .berita_acara import berita_acara_docx

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
