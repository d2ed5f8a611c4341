"""Forms of funding assistance (Pasal 31), the Sekretariat Kerja Sama (Pasal 40–41),
association memberships (Pasal 43) and guidance activities (Pasal 44)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.agreements.models import Ksdd
from kersa.core.forms import FormPelanggaran, TanggalField
from kersa.regions.models import PerangkatDaerah, Wilayah

from ..choices import BentukPembinaan, JenisAsosiasi

RUPIAH = {"max_digits": 16, "decimal_places": 2}


class BantuanPendanaanForm(FormPelanggaran):
    """P31-1: amount, budget year, the agency of the urusan, the receiving partner."""

    pesan_wajib = {
        "mitra": (
            "P31-1",
            _("Pilih daerah mitra KSDD ini yang menerima bantuan (Pasal 31 ayat 1)."),
        ),
        "perangkat_daerah": (
            "P31-1",
            _("Pilih Perangkat Daerah sesuai urusan yang dikerjasamakan (Pasal 31 ayat 1)."),
        ),
    }

    mitra = forms.ModelChoiceField(
        label=_("Daerah mitra penerima"), queryset=Wilayah.objects.none()
    )
    jumlah = forms.DecimalField(
        label=_("Jumlah bantuan (Rp)"),
        min_value=0,
        error_messages={
            "min_value": _("Jumlah bantuan tidak boleh negatif."),
            "invalid": _("Tulis jumlah bantuan dengan angka, mis. 250000000."),
        },
        **RUPIAH,
    )
    tahun_anggaran = forms.IntegerField(label=_("Tahun anggaran"), min_value=2000, max_value=2100)
    perangkat_daerah = forms.ModelChoiceField(
        label=_("Melalui APBD pada Perangkat Daerah"),
        queryset=PerangkatDaerah.objects.filter(aktif=True).order_by("nama"),
        help_text=_("Perangkat Daerah sesuai urusan pemerintahan yang dikerjasamakan (Pasal 31)."),
    )
    keterangan = forms.CharField(
        label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mitra"].queryset = ksdd.mitra.order_by("kode")
        self.fields["mitra"].label_from_instance = lambda w: w.nama_lengkap


class SekretariatForm(FormPelanggaran):
    """P40-2, P40-4, P41: the Sekretariat of a qualifying Kerja Sama Wajib."""

    pesan_wajib = {
        "nomor_kesepakatan": (
            "P40-4",
            _("Isi nomor Kesepakatan Bersama pembentukan sekretariat (Pasal 40 ayat 4)."),
        ),
        "tanggal_kesepakatan": (
            "P40-4",
            _("Isi tanggal Kesepakatan Bersama pembentukan sekretariat (Pasal 40 ayat 4)."),
        ),
    }

    terus_menerus = forms.BooleanField(
        label=_("Kerja sama dilakukan secara terus-menerus (Pasal 40 ayat 2 huruf a)"),
        required=False,
        help_text=_(
            "Centang bila layanan/kegiatan kerja sama berlangsung terus, bukan sekali jadi."
        ),
    )
    nama = forms.CharField(label=_("Nama sekretariat"), max_length=200)
    nomor_kesepakatan = forms.CharField(
        label=_("Nomor Kesepakatan Bersama pembentukan (Pasal 40 ayat 4)"), max_length=100
    )
    tanggal_kesepakatan = TanggalField(label=_("Tanggal Kesepakatan Bersama"))
    alamat = forms.CharField(label=_("Kedudukan/alamat"), max_length=250, required=False)
    hibah_tahunan = forms.DecimalField(
        label=_("Hibah APBD Daerah per tahun (Rp) (Pasal 41 ayat 2)"),
        required=False,
        min_value=0,
        error_messages={"min_value": _("Hibah tidak boleh negatif.")},
        **RUPIAH,
    )
    catatan = forms.CharField(
        label=_("Catatan tugas dan laporan (Pasal 41 ayat 1)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class KeanggotaanForm(FormPelanggaran):
    """P43: a membership of an association or cooperation forum."""

    pesan_wajib = {
        "jenis": (
            "P43",
            _("Pilih jenis wadah: kerja sama wajib, sukarela, atau asosiasi (Pasal 43 ayat 2)."),
        ),
    }

    jenis = forms.ChoiceField(label=_("Jenis (Pasal 43 ayat 2)"), choices=JenisAsosiasi.choices)
    nama = forms.CharField(label=_("Nama asosiasi/wadah"), max_length=200)
    dasar = forms.CharField(
        label=_("Dasar keanggotaan"),
        max_length=250,
        required=False,
        help_text=_("mis. nomor keputusan"),
    )
    mulai = TanggalField(label=_("Anggota sejak"))
    selesai = TanggalField(label=_("Berakhir"), required=False)
    iuran_tahunan = forms.DecimalField(
        label=_("Iuran per tahun (Rp)"),
        required=False,
        min_value=0,
        error_messages={"min_value": _("Iuran tidak boleh negatif.")},
        **RUPIAH,
    )
    keterangan = forms.CharField(
        label=_("Keterangan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AkhiriKeanggotaanForm(FormPelanggaran):
    """P43: end a membership; the reason goes into its history."""

    pesan_wajib = {
        "alasan": ("P43", _("Tuliskan alasan atau dasar berakhirnya keanggotaan (Pasal 43).")),
    }

    selesai = TanggalField(label=_("Berakhir pada"))
    alasan = forms.CharField(
        label=_("Alasan/dasar"),
        max_length=250,
        help_text=_("mis. nomor keputusan Bupati tentang berakhirnya keanggotaan"),
    )


class NomorRegisterField(forms.CharField):
    """KSDD chosen by their register numbers, typed; cleaned to the KSDD of ``queryset``
    (those the user may see) in one query, an unknown number refused by name."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 2}))
        super().__init__(*args, **kwargs)
        self.queryset = Ksdd.objects.none()

    def clean(self, value) -> list[Ksdd]:
        teks = super().clean(value)
        nomor = list(dict.fromkeys(n for n in re.split(r"[\s,;]+", teks or "") if n))
        if not nomor:
            return []
        ada = {k.nomor_register: k for k in self.queryset.filter(nomor_register__in=nomor)}
        if hilang := [n for n in nomor if n not in ada]:
            raise forms.ValidationError(
                _("KSDD dengan nomor register %(nomor)s tidak ada atau tidak dapat Anda lihat."),
                params={"nomor": ", ".join(hilang)},
            )
        return [ada[n] for n in nomor]


class KegiatanPembinaanForm(FormPelanggaran):
    """P44: a guidance activity for the agencies running KSDD."""

    pesan_wajib = {
        "bentuk": ("P44", _("Pilih bentuk pembinaan menurut Pasal 44 ayat 2.")),
    }

    bentuk = forms.ChoiceField(label=_("Bentuk (Pasal 44 ayat 2)"), choices=BentukPembinaan.choices)
    judul = forms.CharField(label=_("Kegiatan"), max_length=250)
    tanggal = TanggalField(label=_("Tanggal"))
    tempat = forms.CharField(label=_("Tempat"), max_length=200, required=False)
    narasumber = forms.CharField(label=_("Narasumber/pelaksana"), max_length=200, required=False)
    peserta = forms.ModelMultipleChoiceField(
        label=_("Perangkat Daerah peserta"),
        queryset=PerangkatDaerah.objects.filter(aktif=True).order_by("nama"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    # Typed register numbers, not one checkbox per KSDD: a national register has 100,000
    # of them (issue 18: the page weighed 18 MB and took 10 s at 100k).
    ksdd = NomorRegisterField(
        label=_("KSDD yang dibahas"),
        help_text=_("Nomor register, dipisah koma atau baris baru, mis. KSDD/2026/0001."),
        required=False,
    )
    ringkasan = forms.CharField(
        label=_("Ringkasan hasil"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, ksdd_qs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ksdd"].queryset = ksdd_qs
