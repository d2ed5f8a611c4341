"""Forms of the plan lists (Pasal 7–8). They collect input; ``planning.services`` rules."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kersa.agreements.choices import Kategori
from kersa.agreements.models import Urusan
from kersa.core.forms import FormKersa, RupiahField, TanggalField
from kersa.regions.forms import wilayah_terdekat
from kersa.regions.models import PerangkatDaerah, Wilayah

from .choices import ForumProvinsi, Prioritas
from .models import ButirRencana, Identifikasi


def _k(model, name: str) -> dict:
    f = model._meta.get_field(name)
    return {"label": capfirst(f.verbose_name), "help_text": f.help_text}


def _pd():
    return PerangkatDaerah.objects.filter(aktif=True).order_by("nama")


def _ayat(kategori: str | None, ayat: int) -> tuple[str, str]:
    """(rule ID, "Pasal N ayat M") of a planning rule: Pasal 7 for Wajib, 8 for Sukarela."""
    n = 8 if kategori == Kategori.SUKARELA else 7
    return f"P{n}-{ayat}", (_("Pasal 7 ayat %s") if n == 7 else _("Pasal 8 ayat %s")) % ayat


class IdentifikasiForm(FormKersa):
    """Start an identification (P7-2, P8-2)."""

    kategori = forms.ChoiceField(
        choices=Kategori.choices, widget=forms.RadioSelect, label=_("Kategori")
    )
    tahun_rencana = forms.IntegerField(
        min_value=2000, max_value=2100, **_k(Identifikasi, "tahun_rencana")
    )
    tanggal_mulai = TanggalField(**_k(Identifikasi, "tanggal_mulai"))
    perangkat_perencanaan = forms.ModelChoiceField(
        queryset=_pd(),
        required=False,
        label=_("Perangkat Daerah perencanaan"),
        help_text=_(
            "Perangkat Daerah yang membidangi perencanaan pembangunan daerah, yang "
            "mengoordinasikan bersama (Pasal 7 ayat 2, Pasal 8 ayat 2)."
        ),
    )
    perangkat_terlibat = forms.ModelMultipleChoiceField(
        queryset=_pd(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Perangkat Daerah yang terlibat"),
        help_text=_("Identifikasi melibatkan seluruh Perangkat Daerah."),
    )
    catatan = forms.CharField(
        label=_("Catatan"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun_rencana"].initial = timezone.localdate().year + 1
        self.fields["perangkat_perencanaan"].queryset = _pd()
        self.fields["perangkat_terlibat"].queryset = _pd()
        self.fields["perangkat_terlibat"].initial = list(_pd().values_list("pk", flat=True))
        rule2, pasal2 = _ayat(self.data.get("kategori"), 2)
        rule3, pasal3 = _ayat(self.data.get("kategori"), 3)
        self.wajib(
            "kategori",
            "P6",
            _("Pilih kategori: Kerja Sama Wajib atau Kerja Sama Sukarela (Pasal 6)."),
        )
        self.wajib(
            "tanggal_mulai",
            rule2,
            _("Isi tanggal Identifikasi dan Pemetaan dimulai (%s).") % pasal2,
        )
        self.wajib(
            "tahun_rencana",
            rule3,
            _("Isi tahun rencana: daftar rencana Program dan Kegiatan disusun per tahun (%s).")
            % pasal3,
        )


class ButirForm(FormKersa):
    """One item of the plan list (P7-3, P8-3; P7-1 for Wajib partners; P7-4 forum)."""

    urusan = forms.ModelChoiceField(queryset=Urusan.objects.order_by("urutan"), label=_("Urusan"))
    program = forms.CharField(max_length=300, **_k(ButirRencana, "program"))
    kegiatan = forms.CharField(max_length=300, **_k(ButirRencana, "kegiatan"))
    perangkat_daerah = forms.ModelChoiceField(queryset=_pd(), label=_("Perangkat Daerah pengampu"))
    mitra = forms.MultipleChoiceField(
        required=False,
        label=_("Daerah mitra"),
        help_text=_(
            "Kerja Sama Wajib: daerah yang berbatasan (Pasal 7 ayat 1). Tahan Ctrl untuk "
            "memilih lebih dari satu."
        ),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    jangka_waktu_bulan = forms.IntegerField(
        min_value=1, max_value=32767, **_k(ButirRencana, "jangka_waktu_bulan")
    )
    prioritas = forms.TypedChoiceField(
        choices=Prioritas.choices, coerce=int, initial=Prioritas.SEDANG, label=_("Prioritas")
    )
    perkiraan_anggaran = RupiahField(
        required=False,
        min_value=0,
        error_messages={
            "min_value": _("Perkiraan anggaran tidak boleh negatif."),
            "invalid": _("Tulis perkiraan anggaran dengan angka, mis. Rp 12.500.000.000."),
        },
        **_k(ButirRencana, "perkiraan_anggaran"),
    )
    dokumen_rencana = forms.CharField(
        max_length=250, required=False, **_k(ButirRencana, "dokumen_rencana")
    )
    forum_provinsi = forms.ChoiceField(
        choices=[("", _("— tidak dibahas di provinsi —")), *ForumProvinsi.choices],
        required=False,
        label=_("Forum provinsi (Pasal 7 ayat 4)"),
        help_text=_(
            "Wajib diisi sebelum penetapan untuk Kerja Sama Wajib antar-kabupaten/kota dalam "
            "satu provinsi."
        ),
    )
    tanggal_forum = TanggalField(hari_ini=False, required=False, label=_("Tanggal forum"))
    keterangan = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)

    kelompok_field = [
        (_("Urusan, program dan kegiatan (Pasal 7/8 ayat 3)"), ["urusan", "program", "kegiatan"]),
        (
            _("Pengampu, mitra, jangka waktu, prioritas"),
            ["perangkat_daerah", "mitra", "jangka_waktu_bulan", "prioritas"],
        ),
        (
            _("Perencanaan dan forum provinsi"),
            ["perkiraan_anggaran", "dokumen_rencana", "forum_provinsi", "tanggal_forum"],
        ),
    ]

    def __init__(
        self, *args, butir: ButirRencana | None = None, kategori: str | None = None, **kwargs
    ):
        if butir is not None:
            awal = {
                f: getattr(butir, f)
                for f in (
                    "program",
                    "kegiatan",
                    "jangka_waktu_bulan",
                    "prioritas",
                    "perkiraan_anggaran",
                    "dokumen_rencana",
                    "forum_provinsi",
                    "tanggal_forum",
                    "keterangan",
                )
            }
            awal |= {
                "urusan": butir.urusan_id,
                "perangkat_daerah": butir.perangkat_daerah_id,
                "mitra": [m.kode for m in butir.mitra.all()],
            }
            kwargs["initial"] = awal | (kwargs.get("initial") or {})
        super().__init__(*args, **kwargs)
        grouped, _flat = wilayah_terdekat()
        self.fields["mitra"].choices = grouped
        self.fields["perangkat_daerah"].queryset = _pd()
        self._pesan_wajib(kategori or (butir.identifikasi.kategori if butir else None))

    def _pesan_wajib(self, kategori: str | None) -> None:
        """What an item must say (P7-3/P8-3) is said with its Pasal when left out."""
        rule, pasal = _ayat(kategori, 3)
        for nama, label in (("program", _("Program")), ("kegiatan", _("Kegiatan"))):
            self.wajib(
                nama,
                rule,
                _("%(l)s wajib diisi: daftar rencana memuat Program dan Kegiatan (%(p)s).")
                % {"l": label, "p": pasal},
            )
        self.wajib(
            "jangka_waktu_bulan",
            rule,
            _("Sebutkan jangka waktu kerja sama dalam bulan, sedikitnya 1 (%s huruf a).") % pasal,
            ("required", "invalid", "min_value"),
        )
        self.wajib("prioritas", rule, _("Tentukan skala prioritas (%s huruf b).") % pasal)
        self.wajib("urusan", rule, _("Pilih Urusan pemerintahan butir ini (%s).") % pasal)
        f = self.fields
        f["perangkat_daerah"].error_messages["required"] = _(
            "Pilih Perangkat Daerah pengampu butir ini."
        )

    def clean_mitra(self):
        kodes = self.cleaned_data.get("mitra") or []
        found = {w.kode: w for w in Wilayah.objects.filter(kode__in=kodes)}
        return [found[k] for k in kodes if k in found]

    def argumen(self) -> dict:
        data = dict(self.cleaned_data)
        for nama in ("dokumen_rencana", "forum_provinsi", "keterangan"):
            data[nama] = data.get(nama) or ""
        return data


class TetapkanForm(FormKersa):
    """Set the list with the Berita Acara signed by the Bupati (P7-5, P8-4)."""

    nomor_berita_acara = forms.CharField(
        max_length=100, required=False, label=_("Nomor Berita Acara")
    )
    tanggal_berita_acara = TanggalField(
        required=False, label=_("Tanggal Berita Acara ditandatangani Bupati")
    )
    tanggal_selesai = TanggalField(
        hari_ini=False,
        required=False,
        label=_("Identifikasi selesai"),
        help_text=_("Kosongkan bila sama dengan tanggal Berita Acara."),
    )


class BukaKembaliForm(FormKersa):
    """Reopen a set list for a documented correction."""

    alasan = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label=_("Alasan membuka kembali"),
        help_text=_("Sebutkan apa yang dikoreksi dan atas dasar apa."),
    )
