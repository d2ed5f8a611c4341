"""P26: importing the agreements an office already has from its spreadsheet (XLSX/CSV).

The file is read with tablib (its columns are named in the first row; the template
``templat_impor`` gives them). Every row is bound to ``RegistrasiForm`` and handed to
``services.ksdd_daftarkan``: the very checks of the registration page, no parallel
rules. Each row runs in its own savepoint; the refusals are collected per row and
column. ``simpan_sebagian=False`` (the default): one bad row refuses the whole file
and nothing is saved. ``simpan_sebagian=True``: the good rows are saved, and the
rejected ones come back as a file with their reasons, to correct and import again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import tablib
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kersa.core.errors import RuleViolation
from kersa.regions.forms import wilayah_terdekat
from kersa.regions.models import PerangkatDaerah
from kersa.regions.selectors import wilayah_daerah_sekali

from .forms import RegistrasiForm
from .models import Bentuk, Ksdd, Tujuan, Urusan
from .services import ksdd_daftarkan

# The template's columns, in order: (column, form field, what to write). The form
# field is the one ``RegistrasiForm`` checks; a column of codes is turned into the
# form's value (``_nilai_form``) and an unknown code is refused by the form itself.
KOLOM: list[tuple[str, str, object]] = [
    ("tahap", "tahap", gettext_lazy("kb, pelaksanaan atau berakhir")),
    ("judul", "judul", gettext_lazy("judul KSDD")),
    ("perangkat_daerah", "perangkat_daerah", gettext_lazy("nama atau singkatan Perangkat Daerah")),
    ("kategori", "kategori", gettext_lazy("wajib atau sukarela")),
    ("bentuk", "bentuk", gettext_lazy("huruf bentuk Pasal 9 (a–i)")),
    ("mitra", "mitra_lain", gettext_lazy("kode Kemendagri daerah mitra, dipisahkan ;")),
    ("urusan", "urusan", gettext_lazy("kode urusan, dipisahkan ; (mis. a.2)")),
    ("tujuan", "tujuan", gettext_lazy("huruf tujuan Pasal 3, dipisahkan ;")),
    ("eksternalitas", "eksternalitas", gettext_lazy("wajib untuk Kerja Sama Wajib")),
    ("pembayar", "pembayar", gettext_lazy("kode daerah yang membayar (bentuk b, c, d, f)")),
    ("penerima_pembayaran", "penerima_pembayaran", gettext_lazy("kode daerah penerima")),
    ("dasar_pembayaran", "dasar_pembayaran", gettext_lazy("dasar pembayaran/kompensasi")),
    ("objek_pertukaran", "objek_pertukaran", gettext_lazy("layanan dipertukarkan (bentuk g)")),
    ("dasar_perda_retribusi", "dasar_perda_retribusi", gettext_lazy("Perda retribusi (bentuk d)")),
    ("dalam_rencana", "dalam_rencana", gettext_lazy("ya/tidak")),
    ("dokumen_rencana", "dokumen_rencana", gettext_lazy("mis. RPJMD 2021–2026")),
    (
        "pengecualian_rencana",
        "pengecualian_rencana",
        gettext_lazy("darurat, psn, tugas_pembantuan"),
    ),
    ("alasan_pengecualian", "alasan_pengecualian", gettext_lazy("penjelasan pengecualian")),
    ("lokasi", "lokasi", gettext_lazy("lokasi")),
    ("nilai_anggaran", "nilai_anggaran", gettext_lazy("rupiah")),
    ("sumber_dana", "sumber_dana", gettext_lazy("sumber dana")),
    ("dianggarkan_apbd", "dianggarkan_apbd", gettext_lazy("ya/tidak")),
    ("nomor_dpa", "nomor_dpa", gettext_lazy("wajib bila dianggarkan")),
    ("membebani_masyarakat", "membebani_masyarakat", gettext_lazy("ya/tidak")),
]
for _j in ("kb", "pks"):
    KOLOM += [
        (f"{_j}_{k}", f"{_j}_{k}", d)
        for k, d in (
            ("tentang", gettext_lazy("judul naskah")),
            ("tanggal", gettext_lazy("tanggal penandatanganan, hh-bb-tttt")),
            ("tempat", gettext_lazy("tempat penandatanganan")),
            ("mulai", gettext_lazy("berlaku mulai, hh-bb-tttt")),
            ("berakhir", gettext_lazy("berlaku sampai, hh-bb-tttt")),
            ("nomor_daerah", gettext_lazy("nomor naskah Daerah")),
            ("penandatangan_daerah", gettext_lazy("nama penandatangan Daerah")),
            ("jabatan_daerah", gettext_lazy("jabatan penandatangan Daerah")),
            ("nomor_mitra", gettext_lazy("nomor naskah mitra, ; menurut urutan kode")),
            ("penandatangan_mitra", gettext_lazy("nama penandatangan mitra, ;")),
            ("jabatan_mitra", gettext_lazy("jabatan penandatangan mitra, ;")),
        )
    ]
    if _j == "kb":
        KOLOM += [
            ("dprd_nomor", "dprd_nomor", gettext_lazy("nomor Persetujuan DPRD")),
            ("dprd_tanggal", "dprd_tanggal", gettext_lazy("tanggal Persetujuan DPRD")),
        ]
KOLOM += [
    (
        "alasan_melampaui_kb",
        "alasan_melampaui_kb",
        gettext_lazy("bila PKS melewati berakhirnya KB (Pasal 19 ayat 3)"),
    ),
    ("tanggal_berakhir_ksdd", "tanggal_berakhir_ksdd", gettext_lazy("bila tahap berakhir")),
    ("alasan_berakhir", "alasan_berakhir", gettext_lazy("bila tahap berakhir")),
]
KOLOM_FIELD = {f: k for k, f, _d in KOLOM}
KOLOM_KESALAHAN = "kesalahan"
_BOOLEAN = {"dalam_rencana", "dianggarkan_apbd", "membebani_masyarakat"}
_YA = {"ya", "y", "1", "true", "benar", "x"}


@dataclass(frozen=True)
class Kesalahan:
    """One refusal of a row: its row number in the file (the header is row 1), the
    column, and the reason as the page shows it."""

    baris: int
    kolom: str
    pesan: str

    def __str__(self) -> str:
        return _("Baris %(b)d, kolom %(k)s: %(p)s") % {
            "b": self.baris,
            "k": self.kolom or "-",
            "p": self.pesan,
        }


@dataclass
class HasilImpor:
    jumlah_baris: int = 0
    tersimpan: list[Ksdd] = field(default_factory=list)
    kesalahan: list[Kesalahan] = field(default_factory=list)
    ditolak: tablib.Dataset | None = None  # the rejected rows, with their reasons

    @property
    def ditolak_seluruhnya(self) -> bool:
        return bool(self.kesalahan) and not self.tersimpan


def templat_impor() -> tablib.Databook:
    """The template: an empty sheet with the columns, and a sheet saying what each holds."""
    isi = tablib.Dataset(headers=[k for k, _f, _d in KOLOM], title="KSDD")
    petunjuk = tablib.Dataset(headers=[_("kolom"), _("isi")], title=_("Petunjuk"))
    for k, _f, d in KOLOM:
        petunjuk.append([k, str(d)])
    return tablib.Databook([isi, petunjuk])


def baca_berkas(isi: bytes, nama: str) -> tablib.Dataset:
    """The first sheet of an XLSX, or a CSV (UTF-8, comma or semicolon)."""
    if nama.lower().endswith(".xlsx"):
        return tablib.Dataset().load(isi, format="xlsx")
    teks = isi.decode("utf-8-sig")
    judul = teks.split("\n", 1)[0]
    pemisah = ";" if judul.count(";") > judul.count(",") else ","
    return tablib.Dataset().load(teks, format="csv", delimiter=pemisah)


def _teks(v) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        v = v.date()
    if isinstance(v, dt.date):
        return v.strftime("%d-%m-%Y")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


class _Acuan:
    """The codes a row names, read once per file (not once per row)."""

    def __init__(self):
        self.bentuk = dict(Bentuk.objects.values_list("kode", "pk"))
        self.urusan = dict(Urusan.objects.values_list("kode", "pk"))
        self.tujuan = dict(Tujuan.objects.values_list("kode", "pk"))
        self.wilayah = wilayah_terdekat()
        self.pd = {}
        for pk, nama, singkatan in PerangkatDaerah.objects.values_list("pk", "nama", "singkatan"):
            self.pd[nama.casefold()] = pk
            if singkatan:
                self.pd.setdefault(singkatan.casefold(), pk)


def _nilai_form(baris: dict[str, str], acuan: _Acuan) -> dict:
    """A row as the form's POST data: codes to the form's values; a code not known is
    passed on as written, so the form refuses it with its own message."""
    data: dict = {}
    for kolom, f, _d in KOLOM:
        v = baris.get(kolom, "")
        if f in _BOOLEAN:
            if v:
                data[f] = "on" if v.casefold() in _YA else ""
            elif f == "dalam_rencana":
                data[f] = "on"
        elif f == "bentuk":
            data[f] = acuan.bentuk.get(v.lower(), v)
        elif f in ("urusan", "tujuan"):
            kamus = getattr(acuan, f)
            data[f] = [kamus.get(b.strip(), b.strip()) for b in v.split(";") if b.strip()]
        elif f == "perangkat_daerah":
            data[f] = acuan.pd.get(v.casefold(), v)
        elif f in ("kategori", "tahap"):
            data[f] = v.lower()
        else:
            data[f] = v
    data["pemrakarsa"] = "daerah"
    return data


def _kesalahan_form(nomor: int, form) -> list[Kesalahan]:
    out = []
    for f, errs in form.errors.items():
        kolom = KOLOM_FIELD.get(f, "" if f == "__all__" else f)
        out += [Kesalahan(nomor, kolom, str(e)) for e in errs]
    return out


class _Batal(Exception):
    """Rolls the whole file back when one row is refused (all-or-nothing)."""


def impor_ksdd(*, user, dataset: tablib.Dataset, simpan_sebagian: bool = False) -> HasilImpor:
    """Register every row of ``dataset`` (P26); see the module's docstring."""
    hasil = HasilImpor(jumlah_baris=len(dataset))
    headers = [(_teks(h) or "").lower() for h in (dataset.headers or [])]
    kurang = [k for k in ("tahap", "judul", "perangkat_daerah", "mitra") if k not in headers]
    if kurang:
        hasil.kesalahan.append(
            Kesalahan(
                1,
                ", ".join(kurang),
                _("Kolom tidak ada pada baris judul; gunakan templat impor (Pasal 26)."),
            )
        )
        return hasil
    acuan = _Acuan()
    ditolak = tablib.Dataset(headers=[*headers, KOLOM_KESALAHAN])
    try:
        with wilayah_daerah_sekali(), transaction.atomic():
            for i, row in enumerate(dataset, start=2):
                baris = {h: _teks(v) for h, v in zip(headers, row, strict=False)}
                # All or nothing, once a row is refused: the rest is only checked.
                periksa = bool(hasil.kesalahan) and not simpan_sebagian
                salah = _impor_baris(user, i, baris, acuan, hasil, periksa)
                if salah:
                    hasil.kesalahan += salah
                    ditolak.append([*row, "; ".join(f"{s.kolom}: {s.pesan}" for s in salah)])
            if hasil.kesalahan and not simpan_sebagian:
                raise _Batal
    except _Batal:
        hasil.tersimpan = []
    if hasil.kesalahan:
        hasil.ditolak = ditolak
    return hasil


def _impor_baris(
    user, nomor: int, baris: dict, acuan: _Acuan, hasil: HasilImpor, hanya_periksa: bool
):
    if not any(baris.values()):
        return []
    form = RegistrasiForm(data=_nilai_form(baris, acuan), user=user, wilayah=acuan.wilayah)
    if not form.is_valid():
        return _kesalahan_form(nomor, form)
    argumen = form.argumen()
    if form.errors:
        return _kesalahan_form(nomor, form)
    try:
        with transaction.atomic():
            ksdd = ksdd_daftarkan(
                user=user, pindaian_wajib=False, hanya_periksa=hanya_periksa, **argumen
            )
        if ksdd is not None:
            hasil.tersimpan.append(ksdd)
    except RuleViolation as exc:
        form.tambah_pelanggaran(exc)
        return _kesalahan_form(nomor, form)
    return []


__all__ = [
    "KOLOM",
    "HasilImpor",
    "Kesalahan",
    "baca_berkas",
    "impor_ksdd",
    "templat_impor",
]
