"""Forms of the TKKSD pages. Refusals of the services come back as form errors."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.agreements.choices import Pemrakarsa, Status
from kersa.agreements.forms import FormKersa, TanggalField
from kersa.agreements.models import Ksdd

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


class JabatanForm(FormKersa):
    kedudukan = forms.ChoiceField(label=_("Kedudukan"))
    nama_jabatan = forms.CharField(label=_("Jabatan ex-officio"), max_length=200)
    anggota_tetap = forms.BooleanField(label=_("Anggota tetap"), required=False, initial=True)

    def __init__(self, *args, keputusan, **kwargs):
        super().__init__(*args, **kwargs)
        boleh = KEDUDUKAN_TKKSD if keputusan.jenis == JenisKeputusan.TKKSD else KEDUDUKAN_TIM_TEKNIS
        self.fields["kedudukan"].choices = [(k.value, k.label) for k in boleh]


class PemangkuForm(FormKersa):
    nama = forms.CharField(label=_("Nama (dengan gelar)"), max_length=150)
    nip = forms.CharField(label=_("NIP"), max_length=21, required=False)
    pangkat = forms.CharField(label=_("Pangkat/golongan"), max_length=100, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=StatusPemangku.choices)
    mulai = TanggalField(label=_("Menjabat sejak"))


class RapatForm(FormKersa):
    jenis = forms.ChoiceField(label=_("Jenis rapat"), choices=JenisRapat.choices)
    tanggal = TanggalField(label=_("Tanggal"))
    waktu_mulai = forms.TimeField(
        label=_("Pukul"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    tempat = forms.CharField(label=_("Tempat"), max_length=250)


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


class BatalForm(FormKersa):
    alasan = forms.CharField(label=_("Alasan pembatalan"), widget=forms.Textarea(attrs={"rows": 2}))


class ProgramForm(FormKersa):
    tahun = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)
    catatan = forms.CharField(
        label=_("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class KegiatanForm(FormKersa):
    uraian = forms.CharField(label=_("Kegiatan"), max_length=300)
    tugas = forms.ChoiceField(label=_("Tugas TKKSD (Pasal 34 ayat 2)"), choices=TugasTkksd.choices)
    triwulan = forms.TypedChoiceField(
        label=_("Triwulan"), coerce=int, choices=[(i, f"Triwulan {i}") for i in (1, 2, 3, 4)]
    )
    penanggung_jawab = forms.CharField(label=_("Penanggung jawab"), max_length=200, required=False)
