"""Forms of the TKKSD pages. Refusals of the services come back as form errors."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.agreements.choices import Pemrakarsa, Status
from kersa.agreements.models import Ksdd
from kersa.core.forms import FormKersa, TanggalField

from .choices import (
    KEDUDUKAN_TIM_TEKNIS,
    KEDUDUKAN_TKKSD,
    JenisAgenda,
    JenisKeputusan,
    JenisRapat,
    StatusPemangku,
    TugasTkksd,
)
from .models import ProgramKerja


def _kosong(pilihan):
    return [("", "—"), *pilihan]


class KeputusanForm(FormKersa):
    jenis = forms.ChoiceField(label=_("Jenis"), choices=JenisKeputusan.choices)
    nomor = forms.CharField(label=_("Nomor Keputusan Bupati"), max_length=100)
    tanggal = TanggalField(label=_("Tanggal ditetapkan"))
    tentang = forms.CharField(label=_("Tentang"), max_length=300)
    berlaku_mulai = TanggalField(label=_("Berlaku mulai"))
    berlaku_sampai = TanggalField(label=_("Berlaku sampai"), required=False)
    jabatan_default = forms.BooleanField(
        label=_("Buat jabatan ex-officio menurut Pasal 35 ayat (1)"), required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tt = self.data.get("jenis") == JenisKeputusan.TIM_TEKNIS
        rule, pasal = ("P34-4", _("Pasal 34 ayat 4")) if tt else ("P34-1", _("Pasal 34 ayat 1"))
        self.wajib(
            "jenis",
            "P34-1",
            _("Pilih jenis: Keputusan Bupati tentang TKKSD atau Tim Teknis (Pasal 34)."),
        )
        self.wajib("nomor", rule, _("Isi nomor Keputusan Bupati (%s).") % pasal)
        self.wajib("tanggal", rule, _("Isi tanggal Keputusan Bupati ditetapkan (%s).") % pasal)
        self.wajib("tentang", rule, _("Isi judul (tentang) Keputusan Bupati (%s).") % pasal)
        self.wajib(
            "berlaku_mulai",
            rule,
            _("Isi tanggal mulai berlaku: TKKSD ditetapkan untuk suatu masa (%s).") % pasal,
        )


class JabatanForm(FormKersa):
    kedudukan = forms.ChoiceField(label=_("Kedudukan"))
    nama_jabatan = forms.CharField(label=_("Jabatan ex-officio"), max_length=200)
    anggota_tetap = forms.BooleanField(label=_("Anggota tetap"), required=False, initial=True)

    def __init__(self, *args, keputusan, **kwargs):
        super().__init__(*args, **kwargs)
        boleh = KEDUDUKAN_TKKSD if keputusan.jenis == JenisKeputusan.TKKSD else KEDUDUKAN_TIM_TEKNIS
        self.fields["kedudukan"].choices = [(k.value, k.label) for k in boleh]
        self.wajib(
            "kedudukan",
            "P35-1",
            _("Pilih kedudukan yang ada dalam susunan Keputusan Bupati ini (Pasal 35 ayat 1)."),
        )
        self.wajib(
            "nama_jabatan",
            "P35-1",
            _("Isi jabatan ex-officio: keanggotaan mengikuti jabatan (Pasal 35 ayat 1)."),
        )


class PemangkuForm(FormKersa):
    nama = forms.CharField(label=_("Nama (dengan gelar)"), max_length=150)
    nip = forms.CharField(label=_("NIP"), max_length=21, required=False)
    pangkat = forms.CharField(label=_("Pangkat/golongan"), max_length=100, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=StatusPemangku.choices)
    mulai = TanggalField(label=_("Menjabat sejak"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.wajib("nama", "P35-1", _("Isi nama pemangku jabatan (Pasal 35 ayat 1)."))
        self.wajib(
            "mulai",
            "P35-1",
            _("Isi tanggal mulai menjabat: satu jabatan dipangku satu orang pada satu waktu."),
        )


class RapatForm(FormKersa):
    jenis = forms.ChoiceField(label=_("Jenis rapat"), choices=JenisRapat.choices)
    tanggal = TanggalField(label=_("Tanggal"))
    waktu_mulai = forms.TimeField(
        label=_("Pukul"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    tempat = forms.CharField(label=_("Tempat"), max_length=250)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.wajib(
            "jenis",
            "P36",
            _("Pilih Rapat Pleno atau Rapat Teknis (Pasal 36)."),
        )
        self.wajib(
            "tanggal",
            "P34-1",
            _(
                "Isi tanggal rapat: yang diundang adalah TKKSD menurut Keputusan Bupati yang "
                "berlaku pada tanggal itu (Pasal 34 ayat 1)."
            ),
        )
        self.wajib("tempat", "P36", _("Isi tempat rapat (Pasal 36)."))


class AgendaForm(FormKersa):
    judul = forms.CharField(label=_("Pokok bahasan"), max_length=300)
    jenis = forms.ChoiceField(label=_("Jenis agenda"), choices=JenisAgenda.choices)
    tugas = forms.ChoiceField(
        label=_("Tugas TKKSD (Pasal 34 ayat 2)"),
        choices=_kosong(TugasTkksd.choices),
        required=False,
    )
    ksdd = forms.ModelChoiceField(
        label=_("KSDD (penawaran daerah mitra yang menunggu tanggapan)"),
        queryset=Ksdd.objects.none(),
        required=False,
    )
    program_kerja = forms.ModelChoiceField(
        label=_("Program kerja"), queryset=ProgramKerja.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ksdd"].queryset = Ksdd.objects.filter(
            pemrakarsa=Pemrakarsa.MITRA, status=Status.MENUNGGU_TANGGAPAN
        ).order_by("-pk")
        self.fields["program_kerja"].queryset = ProgramKerja.objects.filter(
            ditetapkan_dalam__isnull=True
        )
        self.wajib("judul", "P39", _("Isi pokok bahasan (Pasal 39)."))
        self.wajib(
            "ksdd",
            "P18-3",
            _(
                "Pilih KSDD yang penawarannya dibahas: hanya penawaran daerah mitra yang "
                "menunggu tanggapan (Pasal 18 ayat 3)."
            ),
            ("invalid_choice",),
        )


class BatalForm(FormKersa):
    alasan = forms.CharField(label=_("Alasan pembatalan"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.wajib(
            "alasan",
            "P36",
            _("Tuliskan alasan pembatalan rapat; alasan disimpan dalam riwayat rapat."),
        )


class ProgramForm(FormKersa):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    catatan = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.wajib(
            "tahun",
            "P37-2",
            _("Isi tahun program kerja, mis. 2027 (Pasal 37 ayat 2)."),
            ("required", "invalid"),
        )


class KegiatanForm(FormKersa):
    uraian = forms.CharField(label=_("Kegiatan"), max_length=300)
    tugas = forms.ChoiceField(label=_("Tugas TKKSD (Pasal 34 ayat 2)"), choices=TugasTkksd.choices)
    triwulan = forms.TypedChoiceField(
        label=_("Triwulan"), coerce=int, choices=[(i, f"Triwulan {i}") for i in (1, 2, 3, 4)]
    )
    penanggung_jawab = forms.CharField(label=_("Penanggung jawab"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.wajib("uraian", "P37-2", _("Isi uraian kegiatan program kerja (Pasal 37 ayat 2)."))
        self.wajib(
            "tugas",
            "P34-2",
            _("Pilih tugas TKKSD yang dijalankan kegiatan ini (Pasal 34 ayat 2)."),
        )
        self.wajib(
            "triwulan",
            "P37-2",
            _("Pilih triwulan 1 sampai 4 (Pasal 37 ayat 2)."),
        )
