"""P26: the form that registers an agreement an office already has.

It is the KSDD form (``KsddForm``: the same fields and checks as a new KSDD) plus the
stage and the signed documents. The spreadsheet import (``impor.py``) binds every row
to this very form, so a row is checked exactly as the page checks what is typed.
Kept apart from ``forms.py`` (already long) as its own family.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.core.forms import TanggalField
from kersa.core.forms import teks as _teks
from kersa.documents.forms import BerkasField
from kersa.regions.selectors import wilayah_daerah

from ..choices import JenisNaskah, TahapTerdaftar
from .ksdd import KsddForm

__all__ = ["PEMISAH", "RegistrasiForm"]

PEMISAH = ";"  # several partners' values in one cell: in the order of their codes


def _daftar(teks: str) -> list[str]:
    return [b.strip() for b in (teks or "").split(PEMISAH)] if (teks or "").strip() else []


def _field_naskah(jenis: str) -> dict[str, forms.Field]:
    nama = JenisNaskah(jenis).label
    urutan = _("dipisahkan titik koma (;), menurut urutan kode daerah mitra")
    return {
        f"{jenis}_tentang": forms.CharField(
            label=_("%s: tentang") % nama, max_length=300, required=False
        ),
        f"{jenis}_tanggal": TanggalField(
            label=_("%s: tanggal penandatanganan") % nama, required=False
        ),
        f"{jenis}_tempat": forms.CharField(
            label=_("%s: tempat penandatanganan") % nama, max_length=100, required=False
        ),
        f"{jenis}_mulai": TanggalField(label=_("%s: berlaku mulai") % nama, required=False),
        f"{jenis}_berakhir": TanggalField(label=_("%s: berlaku sampai") % nama, required=False),
        f"{jenis}_nomor_daerah": forms.CharField(
            label=_("%s: nomor naskah Daerah") % nama, max_length=100, required=False
        ),
        f"{jenis}_penandatangan_daerah": forms.CharField(
            label=_("%s: nama penandatangan Daerah") % nama, max_length=150, required=False
        ),
        f"{jenis}_jabatan_daerah": forms.CharField(
            label=_("%s: jabatan penandatangan Daerah") % nama, max_length=150, required=False
        ),
        f"{jenis}_nomor_mitra": forms.CharField(
            label=_("%s: nomor naskah daerah mitra") % nama, required=False, help_text=urutan
        ),
        f"{jenis}_penandatangan_mitra": forms.CharField(
            label=_("%s: nama penandatangan daerah mitra") % nama,
            required=False,
            help_text=urutan,
        ),
        f"{jenis}_jabatan_mitra": forms.CharField(
            label=_("%s: jabatan penandatangan daerah mitra") % nama,
            required=False,
            help_text=urutan,
        ),
        f"{jenis}_pindaian": BerkasField(
            label=_("%s: pindaian naskah yang ditandatangani (PDF)") % nama
        ),
    }


class RegistrasiForm(KsddForm):
    """The KSDD form plus the stage registered and its signed KB and PKS (P26)."""

    tahap = forms.ChoiceField(
        choices=TahapTerdaftar.choices,
        widget=forms.RadioSelect,
        label=_("Tahap saat didaftarkan"),
        help_text=_(
            "Tahapan sebelumnya telah berlangsung di atas kertas dan tidak dicatat ulang "
            "(Pasal 26)."
        ),
    )
    locals().update(_field_naskah(JenisNaskah.KB))
    locals().update(_field_naskah(JenisNaskah.PKS))
    dprd_nomor = forms.CharField(
        label=_("Nomor surat Persetujuan DPRD"), max_length=100, required=False
    )
    dprd_tanggal = TanggalField(label=_("Tanggal Persetujuan DPRD"), required=False)
    alasan_melampaui_kb = _teks(
        _("Alasan PKS tetap ditandatangani melewati Kesepakatan Bersama"),
        required=False,
        rows=2,
        help_text=_(
            "Wajib bila PKS berlaku melewati, atau ditandatangani setelah, berakhirnya "
            "Kesepakatan Bersama (Pasal 19 ayat 3)."
        ),
    )
    tanggal_berakhir_ksdd = TanggalField(label=_("Tanggal kerja sama berakhir"), required=False)
    alasan_berakhir = _teks(_("Alasan kerja sama berakhir"), required=False, rows=2)

    kelompok_field = [
        (_("Tahap"), ["tahap"]),
        *KsddForm.kelompok_field,
        (
            _("Kesepakatan Bersama yang telah ditandatangani"),
            list(_field_naskah(JenisNaskah.KB)),
        ),
        (_("Persetujuan DPRD (Pasal 21 dan 22)"), ["dprd_nomor", "dprd_tanggal"]),
        (
            _("PKS yang telah ditandatangani"),
            [*_field_naskah(JenisNaskah.PKS), "alasan_melampaui_kb"],
        ),
        (_("Berakhirnya kerja sama"), ["tanggal_berakhir_ksdd", "alasan_berakhir"]),
    ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        for nama in ("butir_rencana", "rencana_mulai", "jangka_waktu_bulan"):
            del self.fields[nama]

    def _naskah(self, jenis: str, mitra: list) -> dict | None:
        """The signed document as ``ksdd_daftarkan`` takes it, or None when left empty.
        Several partners' numbers, names and offices are one cell each, in the order of
        the partners' codes."""
        d = self.cleaned_data
        nilai = [d.get(k) for k in _field_naskah(jenis)]
        if not any(nilai):
            return None
        kodes = sorted(w.kode for w in mitra)
        daftar = {}
        for kunci, field in (
            ("nomor_naskah", f"{jenis}_nomor_mitra"),
            ("nama", f"{jenis}_penandatangan_mitra"),
            ("jabatan", f"{jenis}_jabatan_mitra"),
        ):
            daftar[kunci] = _daftar(d.get(field))
            if daftar[kunci] and len(daftar[kunci]) != len(kodes):
                self.add_error(
                    field,
                    _(
                        "Isi %(n)d nilai dipisahkan titik koma, satu untuk setiap daerah mitra "
                        "menurut urutan kodenya (%(k)s)."
                    )
                    % {"n": len(kodes), "k": ", ".join(kodes)},
                )
        penandatangan = [
            {
                "wilayah": wilayah_daerah().kode,
                "nomor_naskah": d.get(f"{jenis}_nomor_daerah") or "",
                "nama": d.get(f"{jenis}_penandatangan_daerah") or "",
                "jabatan": d.get(f"{jenis}_jabatan_daerah") or "",
            }
        ]
        for i, kode in enumerate(kodes):
            penandatangan.append(
                {"wilayah": kode} | {k: (v[i] if i < len(v) else "") for k, v in daftar.items()}
            )
        return {
            "tentang": d.get(f"{jenis}_tentang") or "",
            "tanggal": d.get(f"{jenis}_tanggal"),
            "tempat": d.get(f"{jenis}_tempat") or "",
            "mulai": d.get(f"{jenis}_mulai"),
            "berakhir": d.get(f"{jenis}_berakhir"),
            "penandatangan": penandatangan,
            "pindaian": d.get(f"{jenis}_pindaian"),
        }

    def argumen(self) -> dict:
        """Keyword arguments for ``services.ksdd_daftarkan`` (call after ``is_valid()``;
        a partner list of the wrong length becomes a form error here)."""
        data = super().argumen()
        sendiri = set(RegistrasiForm.base_fields) - set(KsddForm.base_fields)
        out = {k: v for k, v in data.items() if k not in sendiri}
        mitra = data.get("mitra") or []
        out["tahap"] = data["tahap"]
        out["kb"] = self._naskah(JenisNaskah.KB, mitra)
        out["pks"] = self._naskah(JenisNaskah.PKS, mitra)
        out["alasan_melampaui_kb"] = data.get("alasan_melampaui_kb") or ""
        if data.get("dprd_nomor") or data.get("dprd_tanggal"):
            out["dprd"] = {
                "nomor": data.get("dprd_nomor") or "",
                "tanggal": data.get("dprd_tanggal"),
            }
        if data.get("tanggal_berakhir_ksdd") or data.get("alasan_berakhir"):
            out["berakhir"] = {
                "tanggal": data.get("tanggal_berakhir_ksdd"),
                "alasan": data.get("alasan_berakhir") or "",
            }
        return out
