"""The KSDD record (``KsddForm``), its KAK (P14-2) and the inputs of the DPRD decision
(P21-1)."""

from __future__ import annotations

from django import forms
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kersa.core.format import rupiah
from kersa.core.forms import FormKersa, ModelFormKersa, RupiahField, TanggalField
from kersa.core.forms import teks as _teks
from kersa.documents.forms import BerkasField
from kersa.planning.selectors import butir_rencana_pilihan
from kersa.regions.forms import KODE_WILAYAH as _KODE_WILAYAH
from kersa.regions.forms import WilayahField, wilayah_terdekat
from kersa.regions.models import PerangkatDaerah, Wilayah
from kersa.regions.selectors import wilayah_daerah

from .. import rules
from ..choices import (
    Kategori,
    KelompokUrusan,
    Pemrakarsa,
    PengecualianRencana,
    Status,
)
from ..models import Bentuk, Kak, Ksdd, Tujuan, Urusan
from ._dasar import _VERSI

__all__ = ["KsddForm", "kak_awal", "KakForm", "DasarDprdForm"]


class _BentukField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Bentuk):
        return format_html(
            '<strong>{}</strong><br><small class="definisi">{}</small>', obj, obj.definisi
        )


class _LabelModel:
    """Labels and help texts taken from the model, so the form says what the record says."""

    def __init__(self, model):
        self.model = model

    def __call__(self, name: str) -> dict:
        f = self.model._meta.get_field(name)
        return {"label": capfirst(f.verbose_name), "help_text": f.help_text}


_k = _LabelModel(Ksdd)


def _label_butir(b) -> str:
    """A plan item as the KSDD form offers it (P5-2): list, urusan, activity."""
    return f"{b.identifikasi} · {b.urusan.nama} · {b.kegiatan}"


_FIELD_TETAP = ("pemrakarsa", "pemrakarsa_mitra", "perangkat_daerah", "kategori", "bentuk")


class KsddForm(ModelFormKersa):
    """The fields ``services.ksdd_create`` and ``ksdd_update`` accept (P3, P5, P6, P7-1, P9).

    A ``ModelForm`` on ``Ksdd``: a field the record holds as it is typed takes its label,
    help text, length and required-ness from the model (``Meta``); the fields declared
    here are those the form shapes differently (choices, regions typed as codes, the
    partners, the version).
    """

    perangkat_daerah = forms.ModelChoiceField(
        queryset=PerangkatDaerah.objects.filter(aktif=True), **_k("perangkat_daerah")
    )
    pemrakarsa = forms.ChoiceField(
        choices=Pemrakarsa.choices,
        initial=Pemrakarsa.DAERAH,
        widget=forms.RadioSelect,
        label=_("Pemrakarsa"),
        help_text=_("Penawaran oleh Daerah (Pasal 16) atau oleh daerah calon mitra (Pasal 17)."),
    )
    pemrakarsa_mitra = WilayahField(
        label=_("Daerah calon mitra yang memprakarsai"),
        help_text=_(
            "Diisi bila daerah calon mitra yang memprakarsai (Pasal 17 ayat 1); kode "
            "Kemendagri, mis. 62.13. Daerah ini harus termasuk daerah mitra."
        ),
    )
    mitra = forms.MultipleChoiceField(
        required=False,
        label=_("Daerah mitra"),
        help_text=_("Tahan Ctrl (atau Cmd) untuk memilih lebih dari satu daerah."),
        widget=forms.SelectMultiple(attrs={"size": 10}),
    )
    mitra_lain = forms.CharField(
        required=False,
        label=_("Daerah mitra lainnya (kode Kemendagri)"),
        help_text=_(
            "Untuk daerah yang tidak ada dalam daftar di atas: kode Kemendagri, dipisahkan "
            "koma, mis. 63.71, 64.72."
        ),
    )
    kategori = forms.ChoiceField(
        choices=Kategori.choices,
        widget=forms.RadioSelect,
        label=_("Kategori"),
        help_text=_(
            "Kerja Sama Wajib hanya antardaerah yang berbatasan dan harus menyebutkan "
            "eksternalitas lintas daerah (Pasal 6 dan 7)."
        ),
    )
    bentuk = _BentukField(
        queryset=Bentuk.objects.all(),
        empty_label=None,
        widget=forms.RadioSelect,
        label=_("Bentuk"),
        help_text=_("Bentuk KSDD menurut Pasal 9, dengan definisinya."),
    )
    urusan = forms.ModelMultipleChoiceField(
        queryset=Urusan.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Urusan pemerintahan"),
        help_text=_("Obyek KSDD menurut Pasal 5 ayat (4)."),
    )
    tujuan = forms.ModelMultipleChoiceField(
        queryset=Tujuan.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Tujuan"),
        help_text=_("Tujuan KSDD menurut Pasal 3."),
    )
    pembayar = WilayahField(**_k("pembayar"))
    penerima_pembayaran = WilayahField(**_k("penerima_pembayaran"))
    butir_rencana = forms.ModelChoiceField(
        queryset=None, required=False, empty_label=_("— belum/tidak ada —"), **_k("butir_rencana")
    )
    pengecualian_rencana = forms.ChoiceField(
        choices=[("", _("— tidak ada —")), *PengecualianRencana.choices],
        required=False,
        **_k("pengecualian_rencana"),
    )
    jangka_waktu_bulan = forms.IntegerField(
        min_value=1, max_value=32767, required=False, **_k("jangka_waktu_bulan")
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False, **_VERSI)

    class Meta:
        model = Ksdd
        # In the order the form shows them; the names that are not the model's
        # (``mitra_lain``, ``versi``) are declared above.
        fields = [
            "judul",
            "perangkat_daerah",
            "pemrakarsa",
            "pemrakarsa_mitra",
            "mitra",
            "mitra_lain",
            "kategori",
            "bentuk",
            "urusan",
            "tujuan",
            "eksternalitas",
            "pembayar",
            "penerima_pembayaran",
            "dasar_pembayaran",
            "objek_pertukaran",
            "dasar_perda_retribusi",
            "butir_rencana",
            "dalam_rencana",
            "dokumen_rencana",
            "pengecualian_rencana",
            "alasan_pengecualian",
            "lokasi",
            "nilai_anggaran",
            "sumber_dana",
            "dianggarkan_apbd",
            "nomor_dpa",
            "membebani_masyarakat",
            "rencana_mulai",
            "jangka_waktu_bulan",
            "versi",
        ]
        widgets = {
            "eksternalitas": forms.Textarea(attrs={"rows": 3}),
            "dasar_pembayaran": forms.Textarea(attrs={"rows": 3}),
            "objek_pertukaran": forms.Textarea(attrs={"rows": 3}),
            "alasan_pengecualian": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"nilai_anggaran": RupiahField, "rencana_mulai": TanggalField}

    kelompok_field = [
        (_("Identitas dan para pihak"), ["judul", "perangkat_daerah", "pemrakarsa"]),
        (None, ["pemrakarsa_mitra", "mitra", "mitra_lain"]),
        (_("Kategori, bentuk dan obyek"), ["kategori", "eksternalitas", "bentuk"]),
        (
            _("Pembayaran atau kompensasi (bentuk b, c, d dan f) — Pasal 9"),
            ["pembayar", "penerima_pembayaran", "dasar_pembayaran"],
        ),
        (_("Pertukaran layanan (bentuk g) — Pasal 9"), ["objek_pertukaran"]),
        (_("Retribusi (bentuk d) — Pasal 9 dan Pasal 21"), ["dasar_perda_retribusi"]),
        (_("Urusan dan tujuan"), ["urusan", "tujuan"]),
        (
            _("Perencanaan pembangunan daerah — Pasal 5 ayat (2) dan (3)"),
            [
                "butir_rencana",
                "dalam_rencana",
                "dokumen_rencana",
                "pengecualian_rencana",
                "alasan_pengecualian",
            ],
        ),
        (
            _("Lokasi, pendanaan dan jadwal"),
            [
                "lokasi",
                "nilai_anggaran",
                "sumber_dana",
                "dianggarkan_apbd",
                "nomor_dpa",
                "membebani_masyarakat",
                "rencana_mulai",
                "jangka_waktu_bulan",
            ],
        ),
    ]

    def __init__(self, *args, user, ksdd: Ksdd | None = None, wilayah=None, **kwargs):
        """``wilayah``: ``wilayah_terdekat()`` already read (a spreadsheet import binds
        this form once per row)."""
        self.ksdd = ksdd
        grouped, self.daftar_wilayah = wilayah or wilayah_terdekat()
        if ksdd is not None:
            awal = self._awal(ksdd, {k for k, _n in self.daftar_wilayah})
            kwargs["initial"] = awal | (kwargs.get("initial") or {})
        super().__init__(*args, **kwargs)
        self.fields["mitra"].choices = grouped
        self.fields["urusan"].choices = self._urusan_berkelompok()
        self.fields["butir_rencana"].queryset = butir_rencana_pilihan(
            tetap=ksdd.butir_rencana_id if ksdd is not None else None
        )
        self.fields["butir_rencana"].label_from_instance = _label_butir
        pd = self.fields["perangkat_daerah"]
        if not user.has_perm("agreements.lihat_semua_ksdd"):
            # An operator records KSDD of their own agency only.
            pd.queryset = PerangkatDaerah.objects.filter(pk=user.perangkat_daerah_id)
            pd.initial = user.perangkat_daerah_id
            pd.disabled = True
            pd.empty_label = None
        if ksdd is None:
            del self.fields["versi"]
            return
        self.fields["versi"].required = True  # the version the user loaded
        if ksdd.status != Status.PENYUSUNAN_KAK:
            for nama in (*_FIELD_TETAP, "mitra", "mitra_lain"):
                self.fields[nama].disabled = True
                self.fields[nama].help_text = _(
                    "Tidak dapat diubah setelah KAK diajukan kepada TKKSD (Pasal 13 dan 14)."
                )

    @staticmethod
    def _awal(ksdd: Ksdd, terdaftar: set[str]) -> dict:
        data = {f: getattr(ksdd, f) for f in KsddForm.base_fields if hasattr(ksdd, f)}
        data["perangkat_daerah"] = ksdd.perangkat_daerah_id
        data["bentuk"] = ksdd.bentuk_id
        data["butir_rencana"] = ksdd.butir_rencana_id
        data["urusan"] = [u.pk for u in ksdd.urusan.all()]
        data["tujuan"] = [t.pk for t in ksdd.tujuan.all()]
        kodes = [m.kode for m in ksdd.mitra.all()]
        data["mitra"] = [k for k in kodes if k in terdaftar]
        data["mitra_lain"] = ", ".join(k for k in kodes if k not in terdaftar)
        data["versi"] = ksdd.versi
        return data

    @staticmethod
    def _urusan_berkelompok() -> list:
        urusan = list(Urusan.objects.order_by("urutan"))
        return [
            (label, [(u.pk, u.nama) for u in urusan if u.kelompok == kelompok])
            for kelompok, label in KelompokUrusan.choices
        ]

    def clean_mitra_lain(self) -> list[Wilayah]:
        teks = self.cleaned_data.get("mitra_lain") or ""
        kodes = list(dict.fromkeys(_KODE_WILAYAH.findall(teks)))
        found = {w.kode: w for w in Wilayah.objects.filter(kode__in=kodes)}
        unknown = [k for k in kodes if k not in found]
        sisa = _KODE_WILAYAH.sub("", teks).strip(" ,;\n\t")
        if unknown or sisa:
            raise forms.ValidationError(
                _("Kode wilayah tidak dikenal: %s. Tulis kode Kemendagri, mis. 63.71.")
                % ", ".join(unknown or [sisa])
            )
        return [found[k] for k in kodes]

    def clean(self):
        data = super().clean()
        kodes = list(data.get("mitra") or [])
        pilihan = {w.kode: w for w in Wilayah.objects.filter(kode__in=kodes)}
        mitra = [pilihan[k] for k in kodes if k in pilihan]
        for w in data.get("mitra_lain") or []:
            if w not in mitra:
                mitra.append(w)
        data["mitra"] = mitra
        return data

    def argumen(self) -> dict:
        """Keyword arguments for ``ksdd_create`` / ``ksdd_update``."""
        data = dict(self.cleaned_data)
        data.pop("mitra_lain", None)
        if data.get("pemrakarsa") != Pemrakarsa.MITRA:
            data["pemrakarsa_mitra"] = None
        if self.ksdd is None:
            data.pop("versi", None)
        for nama in ("nomor_dpa", "dokumen_rencana", "lokasi", "sumber_dana"):
            data[nama] = data.get(nama) or ""
        return data


def kak_awal(ksdd: Ksdd) -> dict[str, str]:
    """The text the KSDD record already gives a KAK part (P14-2 huruf a, b, c, d, e, h):
    the parties, the aims, the location, the object, the duration and the financing.
    Dates are not filled in."""
    home = wilayah_daerah()
    mitra = [m.nama_lengkap for m in ksdd.mitra.order_by("kode")]
    awal: dict[str, str] = {}
    if mitra:
        awal["latar_belakang"] = _("Kerja sama %(judul)s antara %(daerah)s dan %(mitra)s.") % {
            "judul": ksdd.judul,
            "daerah": home.nama_lengkap,
            "mitra": ", ".join(mitra),
        }
    tujuan = [str(t) for t in ksdd.tujuan.all()]
    if tujuan:
        awal["maksud_tujuan"] = "\n".join(f"- {t}" for t in tujuan)
    if ksdd.lokasi:
        awal["lokasi"] = ksdd.lokasi
    obyek = [ksdd.judul]
    urusan = [str(u) for u in ksdd.urusan.all()]
    if urusan:
        obyek.append(_("Urusan: %s.") % "; ".join(urusan))
    if ksdd.objek_pertukaran:
        obyek.append(ksdd.objek_pertukaran)
    awal["obyek_ruang_lingkup"] = "\n".join(obyek)
    if ksdd.jangka_waktu_bulan:
        awal["jangka_waktu"] = _("%(n)s bulan.") % {"n": ksdd.jangka_waktu_bulan}
    biaya = []
    if ksdd.nilai_anggaran:
        biaya.append(_("Perkiraan biaya %s.") % rupiah(ksdd.nilai_anggaran))
    if ksdd.sumber_dana:
        biaya.append(_("Sumber dana: %s.") % ksdd.sumber_dana)
    if ksdd.nomor_dpa:
        biaya.append(_("DPA nomor %s.") % ksdd.nomor_dpa)
    if biaya:
        awal["pembiayaan"] = " ".join(biaya)
    return awal


class KakForm(FormKersa):
    """The eight parts of the KAK of Pasal 14 ayat (2) (P14-2), each labelled by its letter."""

    versi = forms.IntegerField(widget=forms.HiddenInput, **_VERSI)

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        self.ksdd = ksdd
        kak = ksdd.kak
        # Nothing typed twice (issue 13): a part still empty starts from what the KSDD
        # record already holds; the user edits it. A part written is never overwritten.
        awal = kak_awal(ksdd)
        initial = {f: getattr(kak, f) or awal.get(f, "") for f, _label in Kak.BAGIAN}
        initial["versi"] = ksdd.versi
        kwargs["initial"] = initial | (kwargs.get("initial") or {})
        super().__init__(*args, **kwargs)
        for f, label in Kak.BAGIAN:
            self.fields[f] = _teks(label=capfirst(label), required=False, rows=5)

    def argumen(self) -> dict:
        """Keyword arguments for ``kak_update``."""
        return dict(self.cleaned_data)


class DasarDprdForm(FormKersa):
    """P21-1: the secretariat or the Ketua change the inputs of the DPRD decision after
    the KAK is submitted, with a reason and the evidence (``services.ksdd_ubah_dasar_dprd``)."""

    pasal = _("Pasal 21 ayat (1)")

    versi = forms.IntegerField(widget=forms.HiddenInput, **_VERSI)
    membebani_masyarakat = forms.BooleanField(required=False, **_k("membebani_masyarakat"))
    dianggarkan_apbd = forms.BooleanField(required=False, **_k("dianggarkan_apbd"))
    nomor_dpa = forms.CharField(max_length=100, required=False, **_k("nomor_dpa"))
    alasan = _teks(_("Alasan perubahan"))
    bukti = BerkasField(
        label=_("Bukti perubahan"),
        help_text=_("Misalnya DPA atau DPPA yang baru, atau nota dinas yang menjadi dasarnya."),
    )

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        self.ksdd = ksdd
        awal = {f: getattr(ksdd, f) for f in rules.FIELD_DASAR_DPRD}
        kwargs["initial"] = {"versi": ksdd.versi, **awal} | (kwargs.get("initial") or {})
        super().__init__(*args, **kwargs)

    def argumen(self) -> dict:
        data = dict(self.cleaned_data)
        data["nomor_dpa"] = (data.get("nomor_dpa") or "").strip()
        return data
