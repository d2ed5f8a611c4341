"""The items of a plan list: urusan, programme/kegiatan, partners, duration, priority
(P7-2, P7-3, P7-4, P8-2, P8-3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kersa.agreements import rules as rules_ksdd
from kersa.agreements.choices import Kategori
from kersa.core.errors import Pelanggaran, RuleViolation, tolak_jika
from kersa.regions.choices import JenisWilayah
from kersa.regions.models import PerangkatDaerah, Wilayah

from ..choices import ForumProvinsi, Prioritas
from ..models import ButirRencana, Identifikasi
from ._umum import _cek_izin, _masih_disusun, _pasal, _rule

__all__ = ["butir_hapus", "butir_tambah", "butir_ubah", "perlu_forum_provinsi"]

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
    if not (data.get("urusan") or data.get("urusan_id")):
        found.append(
            Pelanggaran(
                rule,
                _("Pilih Urusan pemerintahan butir ini (%s).") % _pasal(kategori, 3),
                field="urusan",
            )
        )
    if not (data.get("perangkat_daerah") or data.get("perangkat_daerah_id")):
        found.append(
            Pelanggaran(
                rule,
                _(
                    "Pilih Perangkat Daerah pengampu butir ini: daftar rencana disusun per "
                    "urusan dan Perangkat Daerah (%s)."
                )
                % _pasal(kategori, 3),
                field="perangkat_daerah",
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
    # Only a Wajib list needs bordering partners; a Sukarela one may name any region (P8-1).
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
        if changes.get("urutan", 0) is None:  # no number given: the item keeps its place
            del changes["urutan"]
        mitra = list(changes.pop("mitra", locked.mitra.all()))
        for k, v in _bersih(dict(changes)).items():
            setattr(locked, k, v)
        # getattr with a default: a required relation set to None raises, not returns None
        data = {f: getattr(locked, f, None) for f in FIELD_BUTIR - {"mitra"}}
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
