"""The steps on the texts: drafts of the KB and the PKS agreed, their signing, and the
KB's extension (P19-3)."""

from __future__ import annotations

import datetime as dt
import re

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from kersa.core.errors import RuleViolation
from kersa.core.forms import TanggalField, pesan_pelanggaran
from kersa.core.forms import teks as _teks
from kersa.documents.forms import BerkasField
from kersa.documents.isian_ttd import SAAT_TTD
from kersa.documents.pemeriksa import ada_isian
from kersa.documents.selectors import laporan_disepakati
from kersa.regions.models import Wilayah
from kersa.regions.selectors import kepala_daerah_pada, wilayah_daerah

from ..choices import (
    JenisNaskah,
    KedudukanPenandatangan,
)
from ..models import Ksdd, SuratKuasa
from ._dasar import _ID, _isi_nomor, _pilihan_versi
from .langkah import LangkahForm

__all__ = [
    "RancanganNaskahForm",
    "RancanganKbForm",
    "RancanganPksForm",
    "TandatanganiForm",
    "TandatanganiKbForm",
    "TandatanganiPksForm",
    "PerpanjangKbForm",
]


class RancanganNaskahForm(LangkahForm):
    """The draft agreed by the parties after the TKKSD rapat teknis (P19-2, P20-2, P23)."""

    tentang = forms.CharField(max_length=300, label=_("Tentang"))
    tanggal_rapat_teknis = TanggalField(label=_("Tanggal rapat teknis TKKSD"))
    tanggal_disepakati = TanggalField(label=_("Tanggal rancangan disepakati para pihak"))
    tanggal_mulai = TanggalField(label=_("Berlaku mulai"))
    tanggal_berakhir = TanggalField(hari_ini=False, required=False, label=_("Berlaku sampai"))
    rancangan = BerkasField(label=_("Rancangan yang disepakati (DOCX atau PDF)"))
    rancangan_versi = forms.IntegerField(
        required=False,
        **_ID,
        label=_("Atau gunakan versi yang tersimpan"),
        help_text=_(
            "Versi naskah KSDD ini yang sudah tersimpan di KERSA; tidak perlu diunggah lagi."
        ),
        widget=forms.Select,
    )

    jenis = JenisNaskah.KB

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        self.fields["tentang"].initial = ksdd.judul
        if ksdd.rencana_mulai:
            # the planned start, which the draft KERSA generates prints (issue 13 item 5)
            self.fields["tanggal_mulai"].initial = ksdd.rencana_mulai
        _pilihan_versi(self, "rancangan_versi", ksdd, str(self.jenis))
        if ksdd.jangka_waktu_bulan:
            self.fields["tanggal_berakhir"].help_text = _(
                "Kosongkan untuk menghitungnya dari tanggal mulai dan jangka waktu KSDD "
                "(%(n)s bulan)."
            ) % {"n": ksdd.jangka_waktu_bulan}

    def clean(self):
        """Nothing typed twice (issue 13 item 5): a blank end date is the start date plus
        the KSDD's recorded duration (``jangka_waktu_bulan``), the day before."""
        from dateutil.relativedelta import relativedelta

        data = super().clean()
        mulai = data.get("tanggal_mulai")
        if not data.get("tanggal_berakhir") and "tanggal_berakhir" not in self.errors:
            if mulai and self.ksdd.jangka_waktu_bulan:
                data["tanggal_berakhir"] = (
                    mulai + relativedelta(months=self.ksdd.jangka_waktu_bulan)
                ) - dt.timedelta(days=1)
            elif mulai:
                self.add_error(
                    "tanggal_berakhir", self.fields["tanggal_berakhir"].error_messages["required"]
                )
        return data


class RancanganKbForm(RancanganNaskahForm):
    pasal = _("Pasal 19 dan Pasal 20 ayat (1)–(2)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kosong = self.fields["tanggal_berakhir"].help_text
        self.fields["tanggal_berakhir"].help_text = " ".join(
            [
                str(_("Jangka waktu Kesepakatan Bersama paling lama 5 tahun (Pasal 19 ayat 3).")),
                str(kosong or ""),
            ]
        ).strip()


class RancanganPksForm(RancanganNaskahForm):
    pasal = _("Pasal 23 (jangka waktu sesuai kesepakatan, Pasal 12 ayat 2)")
    jenis = JenisNaskah.PKS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kb = self._kb()
        if kb is not None and kb.tanggal_berakhir:
            self.fields["tanggal_berakhir"].help_text = _(
                "Kosongkan bila PKS berlaku sampai berakhirnya Kesepakatan Bersama (%(t)s)."
            ) % {"t": kb.tanggal_berakhir.strftime("%d-%m-%Y")}

    def _kb(self):
        return self.ksdd.naskah.filter(jenis=JenisNaskah.KB).first()

    def clean(self):
        """A blank end date: the PKS runs until its KB ends (the KB it carries out,
        P12-2), else as the KSDD's recorded duration."""
        data = super().clean()
        if not self.data.get(self.add_prefix("tanggal_berakhir")):
            kb = self._kb()
            if kb is not None and kb.tanggal_berakhir:
                data["tanggal_berakhir"] = kb.tanggal_berakhir
                self._errors.pop("tanggal_berakhir", None)
        return data


_URUTAN_PIHAK = [
    _("PIHAK KESATU"),
    _("PIHAK KEDUA"),
    _("PIHAK KETIGA"),
    _("PIHAK KEEMPAT"),
    _("PIHAK KELIMA"),
    _("PIHAK KEENAM"),
    _("PIHAK KETUJUH"),
    _("PIHAK KEDELAPAN"),
    _("PIHAK KESEMBILAN"),
    _("PIHAK KESEPULUH"),
]


class TandatanganiForm(LangkahForm):
    """The signing of a KB or PKS: one fixed row per party, the home region first then
    the partners (the order of the document, P11-3, P12-5), and the signed scan."""

    jenis = JenisNaskah.KB
    kolom_pihak = ("nomor_naskah", "nama", "jabatan", "kedudukan")
    kolom_kuasa = ("surat_kuasa", "nomor_surat_kuasa_mitra", "tanggal_surat_kuasa_mitra")
    alias_field = {"surat_kuasa": "pihak0_surat_kuasa"}

    tanggal = TanggalField(
        label=_("Tanggal penandatanganan"),
        # P11, P12: compared with the komparisi of the agreed draft by the service
        help_text=_(
            "Sama dengan hari dan tanggal pada komparisi naskah yang disepakati "
            "(“Pada hari ini, …”); bila berbeda, penandatanganan ditolak "
            "(Pasal 11 ayat 3 dan Pasal 12 ayat 5)."
        ),
    )
    tempat = forms.CharField(max_length=100, label=_("Tempat penandatanganan"))
    naskah = BerkasField(label=_("Pindaian naskah yang telah ditandatangani"))

    def _dari_naskah(self, ksdd):
        """The agreed text's reading (``documents.selectors.laporan_disepakati``), or
        None; a prefill never breaks the page."""
        try:
            _berkas, laporan, _alasan = laporan_disepakati(ksdd, self.jenis)
        except Exception:  # noqa: BLE001 - a prefill never breaks the page
            return None
        return laporan

    def _isi_awal(self, ksdd) -> None:
        """Nothing typed twice (issue 13 item 5), every value editable:
        - P11, P12: the signing date is the day the agreed text's komparisi says (the
          service refuses any other), when readable and not in the future;
        - P11-3, P12-5: each party's number is the one the agreed text's title block
          carries ("NOMOR: …", in the parties' order), else the home number KERSA gave;
        - P20-3, P24-1: each signer is the head the region record names on that day,
          the place the home region's seat."""
        if self.is_bound:
            return
        laporan = self._dari_naskah(ksdd)
        tanggal = laporan.tanggal_komparisi if laporan else None
        if tanggal and tanggal <= timezone.localdate():
            self.fields["tanggal"].initial = tanggal
        home = self.pihak[0]
        if home.ibu_kota:
            self.fields["tempat"].initial = home.ibu_kota
        nomor = [
            re.sub(r"(?i)^\s*nomor\s*:?\s*", "", n).strip()
            for n in (laporan.nomor if laporan else [])
        ]
        for i, w in enumerate(self.pihak):
            if i < len(nomor) and nomor[i] and not ada_isian(nomor[i]) and SAAT_TTD not in nomor[i]:
                self.fields[f"pihak{i}_nomor_naskah"].initial = nomor[i]
            elif i == 0:
                _isi_nomor(self, "pihak0_nomor_naskah", str(self.jenis))
            kepala = kepala_daerah_pada(w, tanggal or timezone.localdate())
            if kepala is not None:
                self.fields[f"pihak{i}_nama"].initial = kepala.nama
                self.fields[f"pihak{i}_jabatan"].initial = kepala.jabatan

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        self.pihak = [wilayah_daerah(), *ksdd.mitra.order_by("kode")]
        for i, w in enumerate(self.pihak):
            self.fields[f"pihak{i}_nomor_naskah"] = forms.CharField(
                max_length=100, label=_("Nomor naskah pihak ini")
            )
            self.fields[f"pihak{i}_nama"] = forms.CharField(
                max_length=150, label=_("Nama penandatangan (tanpa gelar)")
            )
            self.fields[f"pihak{i}_jabatan"] = forms.CharField(
                max_length=150, label=_("Jabatan"), initial=f"{w.sebutan_kepala} {w.nama}"
            )
            self.fields[f"pihak{i}_kedudukan"] = forms.ChoiceField(
                choices=KedudukanPenandatangan.choices,
                # No default for the home signer of a PKS: a Kepala Dinas must not be
                # recorded as Kepala Daerah by leaving the default (P24-1); the service
                # checks the choice against the record anyway.
                initial=None
                if i == 0 and self.jenis == JenisNaskah.PKS
                else KedudukanPenandatangan.KEPALA_DAERAH,
                label=_("Kedudukan"),
            )
            if i and self.jenis == JenisNaskah.PKS:
                # P24-2: a partner's official who is not its head signs under the
                # partner's own Surat Kuasa (printed in the komparisi).
                pemberi = f"{w.sebutan_kepala} {w.nama}"
                self.fields[f"pihak{i}_nomor_surat_kuasa_mitra"] = forms.CharField(
                    max_length=100,
                    required=False,
                    label=_("Nomor Surat Kuasa %s") % pemberi,
                    help_text=_(
                        "Wajib bila penandatangan pihak ini bukan kepala daerahnya "
                        "(Pasal 24 ayat 2)."
                    ),
                )
                self.fields[f"pihak{i}_tanggal_surat_kuasa_mitra"] = TanggalField(
                    hari_ini=False, required=False, label=_("Tanggal Surat Kuasa %s") % pemberi
                )
        if self.jenis == JenisNaskah.PKS:
            self.fields["pihak0_surat_kuasa"] = forms.ModelChoiceField(
                queryset=SuratKuasa.objects.filter(dicabut=False)
                .filter(Q(ksdd__isnull=True) | Q(ksdd=ksdd))
                .order_by("-tanggal"),
                required=False,
                empty_label=_("— tidak ada (ditandatangani Bupati) —"),
                label=_("Surat Kuasa"),
                help_text=format_html(
                    '{} <a href="{}" id="tautan-catat-surat-kuasa">{}</a>',
                    _(
                        "Bila PKS tidak ditandatangani Bupati sendiri, pilih Surat Kuasa "
                        "penandatangan (Pasal 24 ayat 2)."
                    ),
                    reverse("agreements:surat_kuasa_catat", args=[ksdd.pk]),
                    _("Catat Surat Kuasa baru"),
                ),
            )
        self._isi_awal(ksdd)

    def tambah_pelanggaran(self, exc: RuleViolation) -> None:
        """A partner's own Surat Kuasa (P24-2) is refused on that partner's field: the
        message names the region."""
        lain = []
        for p in exc.pelanggaran:
            nama = None
            if p.field in ("nomor_surat_kuasa_mitra", "tanggal_surat_kuasa_mitra"):
                nama = next(
                    (
                        f"pihak{i}_{p.field}"
                        for i, w in enumerate(self.pihak)
                        if i and w.nama_lengkap in str(p.detail)
                    ),
                    None,
                )
            if nama in self.fields:
                self.add_error(nama, pesan_pelanggaran(p))
            else:
                lain.append(p)
        if lain:
            super().tambah_pelanggaran(RuleViolation(lain))

    def _label_pihak(self, i: int, w: Wilayah) -> str:
        urutan = _URUTAN_PIHAK[i] if i < len(_URUTAN_PIHAK) else _("PIHAK %d") % (i + 1)
        return f"{urutan} — {w.nama_lengkap}"

    def kelompok(self):
        fields = {bf.name: bf for bf in self.visible_fields()}
        groups = [(None, [fields["tanggal"], fields["tempat"]])]
        for i, w in enumerate(self.pihak):
            names = [f"pihak{i}_{k}" for k in (*self.kolom_pihak, *self.kolom_kuasa)]
            groups.append((self._label_pihak(i, w), [fields[n] for n in names if n in fields]))
        groups.append((None, [fields["naskah"]]))
        return groups

    def argumen(self) -> dict:
        data = self.cleaned_data
        rows = []
        for i, w in enumerate(self.pihak):
            row = {"wilayah": w.kode, **{k: data[f"pihak{i}_{k}"] for k in self.kolom_pihak}}
            sk = data.get(f"pihak{i}_surat_kuasa")
            if i == 0 and self.jenis == JenisNaskah.PKS:
                row["surat_kuasa"] = sk.pk if sk else None
            elif self.jenis == JenisNaskah.PKS:
                for k in ("nomor_surat_kuasa_mitra", "tanggal_surat_kuasa_mitra"):
                    row[k] = data.get(f"pihak{i}_{k}")
            rows.append(row)
        return {
            "tanggal": data["tanggal"],
            "tempat": data["tempat"],
            "penandatangan": rows,
            "naskah": data["naskah"],
            "versi": data["versi"],
        }


class TandatanganiKbForm(TandatanganiForm):
    pasal = _("Pasal 20 ayat (3)–(4)")


class TandatanganiPksForm(TandatanganiForm):
    """The PKS signing; with ``alasan_perbedaan`` when the PKS differs materially from
    the draft DPRD approved (P22-2; the page shows the difference)."""

    pasal = _("Pasal 24 (dan Pasal 22 ayat 2 bila dengan Persetujuan DPRD)")
    jenis = JenisNaskah.PKS

    alasan_perbedaan = _teks(
        _("Alasan perbedaan dari rancangan yang disetujui DPRD"),
        required=False,
        help_text=_(
            "Wajib bila PKS berbeda secara materiil dari rancangan PKS yang dimohonkan "
            "persetujuan DPRD (Pasal 22 ayat 2)."
        ),
    )

    alasan_melampaui_kb = _teks(
        _("Alasan PKS tetap ditandatangani melewati Kesepakatan Bersama"),
        required=False,
        help_text=_(
            "Wajib bila PKS berlaku melewati, atau ditandatangani setelah, berakhirnya "
            "Kesepakatan Bersama (Pasal 19 ayat 3)."
        ),
    )

    def kelompok(self):
        groups = super().kelompok()
        bf = self["alasan_perbedaan"]
        kb = self["alasan_melampaui_kb"]
        lain = {bf.name, kb.name}
        return [
            (legend, [f for f in fields if f.name not in lain]) for legend, fields in groups
        ] + [
            (_("Rancangan yang disetujui DPRD (Pasal 22 ayat 2)"), [bf]),
            (_("Jangka waktu Kesepakatan Bersama (Pasal 19 ayat 3)"), [kb]),
        ]

    def argumen(self) -> dict:
        return super().argumen() | {
            "alasan_perbedaan": self.cleaned_data["alasan_perbedaan"],
            "alasan_melampaui_kb": self.cleaned_data["alasan_melampaui_kb"],
        }


class PerpanjangKbForm(LangkahForm):
    """An extension of the signed KB agreed by the parties (P19-3): at most 5 years each
    time, agreed while the KB runs; its P19-3 clock follows the new end date."""

    pasal = _("Pasal 19 ayat (3)")

    nomor = forms.CharField(max_length=100, label=_("Nomor kesepakatan perpanjangan"))
    tanggal_kesepakatan = TanggalField(label=_("Tanggal kesepakatan perpanjangan"))
    tanggal_berakhir = TanggalField(
        label=_("Berlaku sampai (setelah perpanjangan)"),
        help_text=_("Paling lama 5 tahun sejak hari setelah berakhirnya Kesepakatan Bersama."),
    )
    naskah = BerkasField(label=_("Pindaian kesepakatan perpanjangan"))

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        kb = ksdd.naskah.filter(jenis=JenisNaskah.KB).first()
        if kb is not None:
            self.fields["tanggal_berakhir"].help_text = _(
                "Kesepakatan Bersama kini berlaku sampai %(akhir)s; perpanjangan paling lama "
                "5 tahun sejak hari berikutnya (Pasal 19 ayat 3)."
            ) % {"akhir": kb.tanggal_berakhir.strftime("%d-%m-%Y")}
