"""Forms of the KSDD record, its KAK, and one form per step of the workflow.

The forms only collect and shape input. The rules of the regulation live in
``agreements.services``, which the views call with ``form.argumen()``; a refusal
(``RuleViolation``) comes back onto the form through ``tambah_pelanggaran`` as
"<detail> [<rule>]" on the field it names. The one check done here as well is the
content of an uploaded file (``BerkasField``), with the same function the
services use, so that its error lands on the right field.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from django import forms
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kersa.core.errors import RuleViolation
from kersa.core.format import rupiah
from kersa.core.forms import FormPelanggaran, pesan_pelanggaran
from kersa.core.forms import TanggalField as CoreTanggalField
from kersa.core.saring import ID_MAKS, VERSI_MAKS
from kersa.documents.models import Dokumen, VersiDokumen
from kersa.documents.selectors import laporan_disepakati
from kersa.documents.validators import periksa_berkas
from kersa.planning.selectors import butir_rencana_pilihan
from kersa.regions.choices import JenisWilayah
from kersa.regions.models import PerangkatDaerah, Wilayah
from kersa.regions.selectors import (
    kepala_daerah_pada,
    wilayah_daerah,
    wilayah_mitra_list,
    wilayah_tetangga,
)

from . import rules
from .choices import (
    AlasanPenolakan,
    JenisNaskah,
    Kategori,
    KedudukanPenandatangan,
    KelompokUrusan,
    Keputusan,
    KriteriaTelaah,
    Pemrakarsa,
    PengecualianRencana,
    PertimbanganPersetujuan,
    Status,
)
from .models import Bentuk, Kak, Ksdd, PersetujuanDprd, SuratKuasa, Tujuan, Urusan

_KODE_WILAYAH = re.compile(r"\b\d{2}(?:\.\d{2})?\b")
_ID_DATALIST = "wilayah-terdekat"


# --- shared pieces ---------------------------------------------------------------------


class FormKersa(FormPelanggaran):
    """Base of every form here: service refusals become form errors
    (``core.forms.PelanggaranMixin``), fields show in groups.

    ``kelompok_field`` lists (legend, field names) for display; fields not listed
    come last, in a group without a legend.
    """

    kelompok_field: list[tuple[str | None, list[str]]] = []

    def kelompok(self) -> list[tuple[str | None, list[forms.BoundField]]]:
        visible = {bf.name: bf for bf in self.visible_fields()}
        groups = []
        for legend, names in self.kelompok_field:
            fields = [visible.pop(n) for n in names if n in visible]
            if fields:
                groups.append((legend, fields))
        if visible:
            groups.append((None, list(visible.values())))
        return groups


class BerkasField(forms.FileField):
    """An uploaded letter, PDF or DOCX, checked by its content with the very check the
    services apply (``documents.validators.periksa_berkas``). Optional at the form
    level: which files a step needs is the service's rule, cited by its ID."""

    def __init__(self, *, required: bool = False, **kwargs):
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ".pdf,.docx,application/pdf"}))
        super().__init__(required=required, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            isi = upload.read()
            upload.seek(0)
            try:
                periksa_berkas(upload.name, isi, getattr(upload, "size", None))
            except RuleViolation as exc:
                raise forms.ValidationError(
                    [pesan_pelanggaran(p) for p in exc.pelanggaran]
                ) from exc
        return upload


class TanggalField(CoreTanggalField):
    """``core.forms.TanggalField`` (dd-mm-yyyy, starts empty); ``hari_ini=True`` starts a
    field that is not a legal date (a planned start, a filter) at today."""

    def __init__(self, *, hari_ini: bool = False, **kwargs):
        if hari_ini:
            kwargs.setdefault("initial", timezone.localdate)
        super().__init__(**kwargs)


# A KSDD's version and a stored document version's id: the API's bounds
# (``api.fields.versi_field``, the ``*_versi`` fields of the steps).
_VERSI = {"min_value": 1, "max_value": VERSI_MAKS}
_ID = {"min_value": 1, "max_value": ID_MAKS}


class RupiahField(forms.DecimalField):
    """An amount in rupiah as people write it: "Rp 450.000.000" or "450000000,50"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)  # as the API: no amount here is negative
        kwargs.setdefault("max_digits", 16)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"(?i)^\s*rp\.?|\s", "", value)
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
            elif re.fullmatch(r"\d{1,3}(\.\d{3})+", value):
                value = value.replace(".", "")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal) and value == value.to_integral():
            return str(value.quantize(Decimal(1)))
        return super().prepare_value(value)


class WilayahField(forms.CharField):
    """One region typed as its Kemendagri code (a datalist suggests the nearest)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"list": _ID_DATALIST, "size": 10, "placeholder": "62.13"}),
        )
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value.kode if isinstance(value, Wilayah) else value

    def clean(self, value):
        kode = super().clean(value)
        if not kode:
            return None
        found = _KODE_WILAYAH.search(kode)
        wilayah = Wilayah.objects.filter(kode=found.group(0)).first() if found else None
        if wilayah is None:
            raise forms.ValidationError(_("Kode wilayah “%s” tidak dikenal.") % kode)
        return wilayah


def _ya_tidak(label, ya, tidak, **kwargs) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("1", ya), ("0", tidak)],
        coerce=lambda v: v in ("1", 1, True),
        widget=forms.RadioSelect,
        **kwargs,
    )


def _teks(label, *, required: bool = True, rows: int = 3, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )


def wilayah_terdekat() -> tuple[list, list[tuple[str, str]]]:
    """The partners most KSDD have, as grouped choices: the regions bordering the home
    region, the other regions of its province, and the provinces (a light page; any
    other region is typed as its code). Also the flat list for the datalist, home first."""
    home = wilayah_daerah()
    tetangga = list(wilayah_tetangga(kode=home.kode).order_by("kode"))
    kode_tetangga = {w.kode for w in tetangga}
    lain = list(
        wilayah_mitra_list()
        .filter(Q(provinsi_id=home.provinsi_id) | Q(jenis=JenisWilayah.PROVINSI))
        .exclude(kode__in=kode_tetangga)
        .order_by("kode")
    )
    se_provinsi = [w for w in lain if w.provinsi_id == home.provinsi_id]
    provinsi = [w for w in lain if w.jenis == JenisWilayah.PROVINSI]
    grouped = [
        (_("Berbatasan dengan %s") % home.nama_lengkap, [(w.kode, str(w)) for w in tetangga]),
        (_("Kabupaten/kota lain di provinsi yang sama"), [(w.kode, str(w)) for w in se_provinsi]),
        (_("Provinsi"), [(w.kode, str(w)) for w in provinsi]),
    ]
    flat = [(home.kode, home.nama_lengkap)] + [
        (w.kode, w.nama_lengkap) for w in [*tetangga, *se_provinsi, *provinsi]
    ]
    return [g for g in grouped if g[1]], flat


# --- the KSDD record -------------------------------------------------------------------


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


class KsddForm(FormKersa):
    """The fields ``services.ksdd_create`` and ``ksdd_update`` accept (P3, P5, P6, P7-1, P9)."""

    judul = forms.CharField(max_length=300, **_k("judul"))
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
    eksternalitas = _teks(required=False, **_k("eksternalitas"))
    pembayar = WilayahField(**_k("pembayar"))
    penerima_pembayaran = WilayahField(**_k("penerima_pembayaran"))
    dasar_pembayaran = _teks(required=False, **_k("dasar_pembayaran"))
    objek_pertukaran = _teks(required=False, **_k("objek_pertukaran"))
    dasar_perda_retribusi = forms.CharField(
        max_length=250, required=False, **_k("dasar_perda_retribusi")
    )
    butir_rencana = forms.ModelChoiceField(
        queryset=None, required=False, empty_label=_("— belum/tidak ada —"), **_k("butir_rencana")
    )
    dalam_rencana = forms.BooleanField(required=False, initial=True, **_k("dalam_rencana"))
    dokumen_rencana = forms.CharField(max_length=250, required=False, **_k("dokumen_rencana"))
    pengecualian_rencana = forms.ChoiceField(
        choices=[("", _("— tidak ada —")), *PengecualianRencana.choices],
        required=False,
        **_k("pengecualian_rencana"),
    )
    alasan_pengecualian = _teks(required=False, **_k("alasan_pengecualian"))
    lokasi = forms.CharField(max_length=250, required=False, **_k("lokasi"))
    nilai_anggaran = RupiahField(required=False, **_k("nilai_anggaran"))
    sumber_dana = forms.CharField(max_length=150, required=False, **_k("sumber_dana"))
    dianggarkan_apbd = forms.BooleanField(required=False, **_k("dianggarkan_apbd"))
    nomor_dpa = forms.CharField(max_length=100, required=False, **_k("nomor_dpa"))
    membebani_masyarakat = forms.BooleanField(required=False, **_k("membebani_masyarakat"))
    rencana_mulai = TanggalField(hari_ini=False, required=False, **_k("rencana_mulai"))
    jangka_waktu_bulan = forms.IntegerField(
        min_value=1, max_value=32767, required=False, **_k("jangka_waktu_bulan")
    )
    versi = forms.IntegerField(widget=forms.HiddenInput, required=False, **_VERSI)

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
        data = {f: getattr(ksdd, f) for f in KsddForm.declared_fields if hasattr(ksdd, f)}
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


def nomor_dihasilkan(ksdd: Ksdd, jenis: str, mitra_id=None) -> str:
    """The number KERSA gave the latest document of ``jenis`` it generated for this KSDD
    (for ``mitra_id`` when given): a step form starts with it, editable (issue 13)."""

    q = Dokumen.objects.filter(ksdd=ksdd, jenis=jenis).exclude(nomor="")
    if mitra_id is not None:
        q = q.filter(mitra_id=mitra_id)
    d = q.order_by("-id").first()
    return d.nomor if d else ""


def _isi_nomor(form, field: str, jenis: str, mitra_id=None) -> None:
    if not form.is_bound and field in form.fields:
        nomor = nomor_dihasilkan(form.ksdd, jenis, mitra_id)
        if nomor:
            form.fields[field].initial = nomor


def _pilihan_versi(form, field: str, ksdd: Ksdd, jenis: str, kosong=None) -> None:
    """Offer the versions of the KSDD's ``jenis`` document already stored instead of an
    upload (issue 13), newest first; no stored version, no field. The service checks the
    id (a version of another KSDD is refused with its message), so the field takes any
    number; the choices are this KSDD's."""

    versi = list(
        VersiDokumen.objects.filter(dokumen__ksdd=ksdd, dokumen__jenis=jenis)
        .select_related("berkas")
        .order_by("-id")
    )
    if not versi:
        del form.fields[field]
        return
    form.fields[field].widget.choices = [
        ("", kosong or _("— unggah berkas —")),
        *[
            (
                v.pk,
                _("Gunakan versi tersimpan v%(n)s (%(berkas)s, %(asal)s)")
                % {"n": v.nomor, "berkas": v.berkas.nama_asli, "asal": v.get_asal_display()},
            )
            for v in versi
        ],
    ]


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


# --- the steps of the workflow ---------------------------------------------------------


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


class LangkahForm(FormKersa):
    """The form of one step (``workflow.TRANSISI``): fields match the service's arguments.

    ``pasal`` names the article the step carries out, shown above the form.
    """

    pasal = ""
    versi = forms.IntegerField(widget=forms.HiddenInput, **_VERSI)

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        self.ksdd = ksdd
        kwargs["initial"] = {"versi": ksdd.versi} | (kwargs.get("initial") or {})
        super().__init__(*args, **kwargs)

    def argumen(self) -> dict:
        """Keyword arguments for the step's service (besides ``ksdd`` and ``user``)."""
        return dict(self.cleaned_data)


class AjukanKakForm(LangkahForm):
    pasal = _("Pasal 14 ayat (1)–(3) dan Pasal 32 ayat (1)")

    nomor_surat = forms.CharField(max_length=100, label=_("Nomor surat permohonan"))
    tanggal_surat = TanggalField(label=_("Tanggal surat permohonan"))
    surat_permohonan = BerkasField(
        label=_("Surat permohonan"),
        help_text=_(
            "Surat Kepala Perangkat Daerah kepada Sekretaris Daerah selaku Ketua TKKSD "
            "(Pasal 32 ayat 1)."
        ),
    )
    salinan_dpa = BerkasField(
        label=_("Salinan DPA kegiatan"), help_text=_("Pasal 32 ayat (1) huruf c.")
    )
    izin_dprd = BerkasField(
        label=_("Surat izin DPRD"),
        help_text=_(
            "Karena rencana KSDD belum teranggarkan dalam APBD tahun berjalan "
            "(Pasal 32 ayat 1 huruf c)."
        ),
    )
    salinan_penawaran = BerkasField(
        label=_("Salinan surat penawaran dari daerah calon mitra"),
        help_text=_("Pasal 32 ayat (1) huruf b."),
    )

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        # Only the attachments this KSDD needs (Pasal 32 ayat 1 huruf b and c).
        del self.fields["izin_dprd" if ksdd.dianggarkan_apbd else "salinan_dpa"]
        if ksdd.pemrakarsa != Pemrakarsa.MITRA:
            del self.fields["salinan_penawaran"]


class PetunjukTertulisForm(LangkahForm):
    pasal = _("Pasal 32 ayat (2)")

    nomor = forms.CharField(max_length=100, label=_("Nomor petunjuk tertulis"))
    tanggal = TanggalField(label=_("Tanggal"))
    pemberi = forms.CharField(
        max_length=150,
        label=_("Diberikan oleh"),
        initial=_("Sekretaris Daerah selaku Ketua TKKSD"),
    )
    isi = _teks(_("Isi petunjuk"))


class TelaahForm(LangkahForm):
    """Five findings, one per criterion of Pasal 15 ayat (1), then the conclusion."""

    pasal = _("Pasal 15 (dan Pasal 17 ayat 2–3 untuk penawaran mitra)")

    tanggal = TanggalField(label=_("Tanggal telaah"))
    layak = _ya_tidak(
        _("Hasil telaah"),
        _("KAK layak dilanjutkan ke penawaran"),
        _("KAK dikembalikan kepada Perangkat Daerah untuk diperbaiki"),
    )
    kesimpulan = _teks(_("Kesimpulan"))
    tanggal_disampaikan = TanggalField(
        label=_("Tanggal hasil telaah disampaikan kepada Perangkat Daerah")
    )

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        for kode, _label in KriteriaTelaah.choices:
            self.fields[f"sesuai_{kode}"] = _ya_tidak(
                _("Penilaian"), _("Memenuhi"), _("Tidak memenuhi")
            )
            self.fields[f"uraian_{kode}"] = _teks(_("Temuan"), rows=2)

    def kelompok(self):
        fields = {bf.name: bf for bf in self.visible_fields()}
        groups = [(None, [fields["tanggal"]])]
        groups += [
            (label, [fields[f"sesuai_{kode}"], fields[f"uraian_{kode}"]])
            for kode, label in KriteriaTelaah.choices
        ]
        groups.append(
            (
                _("Kesimpulan (Pasal 15 ayat 2)"),
                [fields["layak"], fields["kesimpulan"], fields["tanggal_disampaikan"]],
            )
        )
        return groups

    def argumen(self) -> dict:
        data = self.cleaned_data
        return {
            "tanggal": data["tanggal"],
            "temuan": {
                kode: (data[f"sesuai_{kode}"], data[f"uraian_{kode}"])
                for kode in KriteriaTelaah.values
            },
            "layak": data["layak"],
            "kesimpulan": data["kesimpulan"],
            "tanggal_disampaikan": data["tanggal_disampaikan"],
            "versi": data["versi"],
        }


class TelaahKakMitraForm(TelaahForm):
    """TKKSD's review of the KAK a partner's offer came with (P17-2): the same five
    findings; the status does not change."""

    pasal = _("Pasal 17 ayat (2)–(3) jo. Pasal 15")

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        self.fields["layak"] = _ya_tidak(
            _("Hasil telaah"),
            _("KAK daerah mitra layak ditindaklanjuti"),
            _("KAK daerah mitra tidak layak ditindaklanjuti"),
        )
        self.fields["tanggal_disampaikan"].label = _(
            "Tanggal hasil telaah disampaikan kepada Perangkat Daerah yang membidangi urusan"
        )


def _nama_field_kode(kode: str) -> str:
    return "diterima_" + kode.replace(".", "_")


class PenawaranForm(LangkahForm):
    """Our offer with the date each partner received it (P16-1…4), or a partner's offer
    with the date we received it (P17-1)."""

    pasal = _("Pasal 16 ayat (1)–(4) atau Pasal 17 ayat (1)")

    nomor_surat = forms.CharField(max_length=100, label=_("Nomor surat penawaran"))
    tanggal_surat = TanggalField(label=_("Tanggal surat penawaran"))
    penandatangan = forms.CharField(max_length=150, label=_("Ditandatangani oleh"))
    surat = BerkasField(label=_("Surat penawaran"))

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        if ksdd.pemrakarsa == Pemrakarsa.MITRA and ksdd.pemrakarsa_mitra_id:
            pm = ksdd.pemrakarsa_mitra
            self.penerima = [pm]
            self.fields["penandatangan"].initial = f"{pm.sebutan_kepala} {pm.nama}"
            label = _("Tanggal surat dari %s diterima Daerah")
        else:
            home = wilayah_daerah()
            self.penerima = list(ksdd.mitra.order_by("kode"))
            self.fields["penandatangan"].initial = f"{home.sebutan_kepala} {home.nama}"
            self.fields["penandatangan"].help_text = _(
                "Surat penawaran ditandatangani oleh Bupati sendiri, atau Pj./Plt. Bupati yang "
                'tercatat (Pasal 16 ayat 3); surat "a.n. Bupati", oleh Wakil Bupati atau Plh. '
                "tidak memenuhi."
            )
            label = _("Tanggal diterima oleh %s")
            _isi_nomor(self, "nomor_surat", "surat_penawaran")
        for w in self.penerima:
            self.fields[_nama_field_kode(w.kode)] = TanggalField(label=label % w.nama_lengkap)
        if len(self.penerima) == 1:
            self.alias_field = {"penerimaan": _nama_field_kode(self.penerima[0].kode)}
        self.mitra_memprakarsai = ksdd.pemrakarsa == Pemrakarsa.MITRA
        if self.mitra_memprakarsai:
            # P17-1: the partner's KAK comes with its letter; its parts as far as known.
            self.fields["kak"] = BerkasField(
                label=_("KAK daerah mitra"),
                help_text=_("KAK yang menyertai surat penawaran daerah mitra (Pasal 17 ayat 1)."),
            )
            for f, label_bagian in Kak.BAGIAN:
                self.fields[f"kak_{f}"] = _teks(
                    label_bagian,
                    required=False,
                    rows=2,
                    initial=getattr(getattr(ksdd, "kak", None), f, ""),
                )

    def kelompok(self):
        fields = {bf.name: bf for bf in self.visible_fields()}
        if not self.mitra_memprakarsai:
            return [(None, list(fields.values()))]
        bagian = [fields[f"kak_{f}"] for f, _label in Kak.BAGIAN]
        utama = [bf for n, bf in fields.items() if not n.startswith("kak_")]
        return [
            (None, utama),
            (_("Bagian KAK daerah mitra (Pasal 14 ayat 2), sejauh yang tersedia"), bagian),
        ]

    def argumen(self) -> dict:
        data = dict(self.cleaned_data)
        data["penerimaan"] = {w.kode: data.pop(_nama_field_kode(w.kode)) for w in self.penerima}
        if self.mitra_memprakarsai:
            data["kak_bagian"] = {f: data.pop(f"kak_{f}") or "" for f, _label in Kak.BAGIAN}
        return data


class RekomendasiPlenoForm(LangkahForm):
    pasal = _("Pasal 18 ayat (3)–(5)")

    tanggal_rapat = TanggalField(label=_("Tanggal Rapat Pleno"))
    nomor_berita_acara = forms.CharField(max_length=100, label=_("Nomor Berita Acara"))
    keputusan = forms.ChoiceField(
        choices=Keputusan.choices, widget=forms.RadioSelect, label=_("Rekomendasi")
    )
    pertimbangan_persetujuan = forms.MultipleChoiceField(
        choices=PertimbanganPersetujuan.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Pertimbangan bila diterima (Pasal 18 ayat 5)"),
    )
    alasan_penolakan = forms.MultipleChoiceField(
        choices=AlasanPenolakan.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Pertimbangan bila ditolak (Pasal 18 ayat 4)"),
    )
    uraian = _teks(_("Uraian pertimbangan"), required=False)
    alasan_peringatan = _teks(
        _("Alasan bila penolakan tetap dicatat"),
        required=False,
        help_text=_(
            "Diisi bila pertimbangan penolakan bertentangan dengan data KSDD (Pasal 18 ayat 4)."
        ),
    )
    berita_acara = BerkasField(label=_("Berita Acara Rapat Pleno"))

    # P18-4 / P18-5: one finding per ground, keyed by decision and huruf.
    _DASAR = (("tolak", AlasanPenolakan), ("setuju", PertimbanganPersetujuan))

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        for awalan, pilihan in self._DASAR:
            for kode, label in pilihan.choices:
                self.fields[f"temuan_{awalan}_{kode}"] = _teks(
                    _("Temuan atas %s") % label, required=False, rows=2
                )

    def kelompok(self):
        fields = {bf.name: bf for bf in self.visible_fields()}
        umum = [
            fields[n]
            for n in ("tanggal_rapat", "nomor_berita_acara", "keputusan", "uraian")
            if n in fields
        ]
        setuju = [fields["pertimbangan_persetujuan"]] + [
            fields[f"temuan_setuju_{k}"] for k in PertimbanganPersetujuan.values
        ]
        tolak = [fields["alasan_penolakan"]] + [
            fields[f"temuan_tolak_{k}"] for k in AlasanPenolakan.values
        ]
        return [
            (None, umum),
            (_("Bila diterima: pertimbangan dan temuannya (Pasal 18 ayat 5)"), setuju),
            (
                _("Bila ditolak: pertimbangan dan temuannya (Pasal 18 ayat 4)"),
                tolak + [fields["alasan_peringatan"]],
            ),
            (None, [fields["berita_acara"]]),
        ]

    def argumen(self) -> dict:
        data = dict(self.cleaned_data)
        awalan = "tolak" if data.get("keputusan") == Keputusan.DITOLAK else "setuju"
        temuan = {}
        for a, pilihan in self._DASAR:
            for kode in pilihan.values:
                teks = (data.pop(f"temuan_{a}_{kode}", "") or "").strip()
                if a == awalan and teks:
                    temuan[kode] = teks
        data["temuan"] = temuan
        return data


class TanggapanForm(LangkahForm):
    """The reply to one offer (P16-4), or ours on TKKSD's recommendation (P18-1, P18-3)."""

    pasal = _("Pasal 16 ayat (4) dan Pasal 18 ayat (1)–(3)")

    mitra = forms.ChoiceField(label=_("Tanggapan atas penawaran kepada/dari"))
    keputusan = forms.ChoiceField(
        choices=Keputusan.choices, widget=forms.RadioSelect, label=_("Keputusan")
    )
    nomor_surat = forms.CharField(max_length=100, label=_("Nomor surat tanggapan"))
    tanggal_surat = TanggalField(label=_("Tanggal surat tanggapan"))
    tanggal_diterima = TanggalField(label=_("Tanggal surat tanggapan diterima"))
    surat = BerkasField(label=_("Surat tanggapan"))
    alasan = _teks(_("Alasan"), required=False, help_text=_("Wajib bila penawaran ditolak."))

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        terbuka = ksdd.penawaran.filter(tanggapan__isnull=True).select_related("mitra")
        self.fields["mitra"].choices = [(p.mitra_id, p.mitra.nama_lengkap) for p in terbuka]
        satu = terbuka[0].mitra_id if len(terbuka) == 1 else None
        _isi_nomor(self, "nomor_surat", "surat_tanggapan", satu)
        rekomendasi = ksdd.rekomendasi_pleno.first()
        if rekomendasi is not None:
            self.fields["keputusan"].initial = rekomendasi.keputusan


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
            if i < len(nomor) and nomor[i]:
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


class PermohonanDprdForm(LangkahForm):
    pasal = _("Pasal 21 dan Pasal 22 ayat (1) huruf a")

    nomor_surat = forms.CharField(max_length=100, label=_("Nomor surat permohonan"))
    tanggal_surat = TanggalField(label=_("Tanggal surat"))
    tanggal_diterima = TanggalField(label=_("Tanggal diterima DPRD"))
    surat = BerkasField(label=_("Surat permohonan Persetujuan DPRD"))
    rancangan_pks = BerkasField(label=_("Rancangan PKS"))
    rancangan_pks_versi = forms.IntegerField(
        required=False,
        **_ID,
        label=_("Atau gunakan versi PKS yang tersimpan"),
        help_text=_(
            "Rancangan PKS KSDD ini yang sudah tersimpan di KERSA; tidak perlu diunggah lagi "
            "(Pasal 22 ayat 1 huruf a)."
        ),
        widget=forms.Select,
    )

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        _isi_nomor(self, "nomor_surat", "permohonan_dprd")
        _pilihan_versi(
            self, "rancangan_pks_versi", ksdd, "pks", kosong=_("— unggah rancangan PKS —")
        )


class PersetujuanDprdForm(LangkahForm):
    """P22-2: the approval letter with its number, date and signatory. The text fields
    are optional here so that a blank one is refused by the service, citing Pasal 22."""

    pasal = _("Pasal 22 ayat (2)")

    nomor = forms.CharField(max_length=100, required=False, label=_("Nomor surat persetujuan"))
    tanggal = TanggalField(label=_("Tanggal persetujuan"))
    penandatangan_nama = forms.CharField(
        max_length=150, required=False, label=_("Nama penandatangan (pimpinan DPRD)")
    )
    penandatangan_jabatan = forms.CharField(
        max_length=150,
        required=False,
        label=_("Jabatan penandatangan"),
        initial=_("Ketua DPRD Kabupaten Barito Selatan"),
    )
    surat = BerkasField(
        label=_("Surat Persetujuan DPRD"),
        help_text=_("Ditandatangani pimpinan DPRD (Pasal 22 ayat 2)."),
    )

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        # Nothing typed twice (issue 13 item 5): the DPRD's signatory as the latest
        # approval letter recorded names them (editable).

        lalu = PersetujuanDprd.objects.exclude(penandatangan_nama="").order_by("-id").first()
        if lalu is not None and not self.is_bound:
            self.fields["penandatangan_nama"].initial = lalu.penandatangan_nama
            if lalu.penandatangan_jabatan:
                self.fields["penandatangan_jabatan"].initial = lalu.penandatangan_jabatan


class _SuratMitraForm(LangkahForm):
    """A letter about one partner's offer that has no answer yet."""

    jenis_dokumen = ""  # the JenisDokumen KERSA generates for this letter
    mitra = forms.ChoiceField(label=_("Penawaran kepada/dari"))
    nomor_surat = forms.CharField(max_length=100, label=_("Nomor surat"))
    tanggal_surat = TanggalField(label=_("Tanggal surat"))

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        terbuka = ksdd.penawaran.filter(tanggapan__isnull=True).select_related("mitra")
        self.fields["mitra"].choices = [(p.mitra_id, p.mitra.nama_lengkap) for p in terbuka]
        if self.jenis_dokumen:
            satu = terbuka[0].mitra_id if len(terbuka) == 1 else None
            _isi_nomor(self, "nomor_surat", self.jenis_dokumen, satu)


class PermintaanKeduaForm(_SuratMitraForm):
    """Ours after 30 calendar days without an answer (P16-5), or a partner's (P18-2)."""

    jenis_dokumen = "tanggapan_kedua"

    pasal = _("Pasal 16 ayat (5) atau Pasal 18 ayat (2)")

    tanggal_diterima = TanggalField(label=_("Tanggal surat diterima"))
    surat = BerkasField(label=_("Surat permintaan tanggapan kedua"))


class LaporanGubernurForm(_SuratMitraForm):
    pasal = _("Pasal 16 ayat (6)")
    jenis_dokumen = "laporan_gubernur"

    surat = BerkasField(label=_("Surat laporan kepada Gubernur"))


class JawabanDprdForm(LangkahForm):
    pasal = _("Pasal 22 ayat (1) huruf b")

    nomor_surat = forms.CharField(max_length=100, label=_("Nomor surat pimpinan DPRD"))
    tanggal_surat = TanggalField(label=_("Tanggal surat"))
    tanggal_diterima = TanggalField(label=_("Tanggal diterima Bupati"))
    surat = BerkasField(label=_("Surat jawaban pimpinan DPRD"), required=False)


class TelaahanDprdForm(LangkahForm):
    pasal = _("Pasal 22 ayat (1) huruf c")

    nomor_surat = forms.CharField(max_length=100, label=_("Nomor surat telaahan DPRD"))
    tanggal_surat = TanggalField(label=_("Tanggal surat"))
    tanggal_diterima = TanggalField(label=_("Tanggal diterima Bupati"))
    surat = BerkasField(label=_("Surat dan hasil kajian rancangan PKS"))


class PenolakanDprdForm(LangkahForm):
    """P22-3: DPRD refuses the request; every P22 clock closes, nothing is deemed."""

    pasal = _("Pasal 22 ayat (3)")

    nomor_surat = forms.CharField(max_length=100, label=_("Nomor surat penolakan DPRD"))
    tanggal_surat = TanggalField(label=_("Tanggal surat"))
    tanggal_diterima = TanggalField(label=_("Tanggal diterima Bupati"))
    penandatangan = forms.CharField(max_length=200, label=_("Penandatangan"))
    alasan = _teks(_("Alasan penolakan"))
    surat = BerkasField(label=_("Pindaian surat penolakan"))
    lanjutan = forms.ChoiceField(
        label=_("Tindak lanjut"),
        choices=[
            ("revisi", _("Kembali ke revisi (permohonan baru memulai lagi jangka waktu Pasal 22)")),
            ("berakhir", _("KSDD berakhir karena ditolak")),
        ],
        initial="revisi",
    )


class TindakLanjutTelaahanForm(LangkahForm):
    pasal = _("Pasal 22 ayat (1) huruf d dan e")

    nomor_surat = forms.CharField(max_length=100, label=_("Nomor surat Bupati"))
    tanggal_surat = TanggalField(label=_("Tanggal surat"))
    tanggal_diterima = TanggalField(label=_("Tanggal diterima DPRD"))
    surat = BerkasField(label=_("Surat tindak lanjut"))


class PersetujuanDprdPerubahanForm(LangkahForm):
    """P25-7: DPRD's approval of an amendment of the PKS that adds a burden. The text
    fields are optional here so that a blank one is refused by the service, citing
    Pasal 25 ayat (7)."""

    pasal = _("Pasal 25 ayat (7)")

    perihal = forms.CharField(
        max_length=300,
        required=False,
        label=_("Perihal perubahan PKS"),
        help_text=_("Mis. Addendum I: penambahan retribusi layanan."),
    )
    nomor_usulan = forms.CharField(
        max_length=100, required=False, label=_("Nomor surat usulan perubahan kepada DPRD")
    )
    tanggal_usulan = TanggalField(label=_("Tanggal perubahan diusulkan kepada DPRD"))
    nomor = forms.CharField(max_length=100, required=False, label=_("Nomor surat persetujuan"))
    tanggal = TanggalField(label=_("Tanggal persetujuan"))
    penandatangan_nama = forms.CharField(
        max_length=150, required=False, label=_("Nama penandatangan (pimpinan DPRD)")
    )
    penandatangan_jabatan = forms.CharField(
        max_length=150,
        required=False,
        label=_("Jabatan penandatangan"),
        initial=_("Ketua DPRD Kabupaten Barito Selatan"),
    )
    surat = BerkasField(label=_("Pindaian surat Persetujuan DPRD atas perubahan"))


class AkhiriForm(LangkahForm):
    pasal = _("Pasal 13")

    alasan = _teks(_("Alasan"))


class BatalkanForm(AkhiriForm):
    pass


class PerpanjangKbForm(LangkahForm):
    """An extension of the signed KB agreed by the parties (P19-3): at most 5 years each
    time, agreed while the KB runs; its P19-3 clock follows the new end date."""

    pasal = _("Pasal 19 ayat (3)")

    nomor_surat = forms.CharField(max_length=100, label=_("Nomor kesepakatan perpanjangan"))
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


FORM_LANGKAH: dict[str, type[LangkahForm]] = {
    "ajukan_kak": AjukanKakForm,
    "catat_petunjuk_tertulis": PetunjukTertulisForm,
    "catat_telaah": TelaahForm,
    "catat_telaah_kak_mitra": TelaahKakMitraForm,
    "catat_penawaran": PenawaranForm,
    "catat_rekomendasi_pleno": RekomendasiPlenoForm,
    "catat_tanggapan": TanggapanForm,
    "sepakati_rancangan_kb": RancanganKbForm,
    "tandatangani_kb": TandatanganiKbForm,
    "ajukan_persetujuan_dprd": PermohonanDprdForm,
    "catat_persetujuan_dprd": PersetujuanDprdForm,
    "catat_permintaan_kedua": PermintaanKeduaForm,
    "catat_laporan_gubernur": LaporanGubernurForm,
    "catat_jawaban_dprd": JawabanDprdForm,
    "catat_telaahan_dprd": TelaahanDprdForm,
    "catat_penolakan_dprd": PenolakanDprdForm,
    "catat_tindak_lanjut_telaahan": TindakLanjutTelaahanForm,
    "sepakati_rancangan_pks": RancanganPksForm,
    "tandatangani_pks": TandatanganiPksForm,
    "catat_persetujuan_dprd_perubahan": PersetujuanDprdPerubahanForm,
    "perpanjang_kb": PerpanjangKbForm,
    "akhiri": AkhiriForm,
    "batalkan": BatalkanForm,
}


# --- Surat Kuasa (Pasal 24 ayat 2–3) -----------------------------------------------------


class SuratKuasaForm(FormKersa):
    """Record a Surat Kuasa of the Bupati for this KSDD (``services.surat_kuasa_create``;
    P1-13, P4-2, P24-2, P24-3). The recipient is the Kepala of the Perangkat Daerah as
    recorded; the service refuses anyone else."""

    pasal = _("Pasal 24 ayat (2) dan (3)")
    kelompok_field = [
        (_("Surat Kuasa"), ["nomor", "tanggal", "pemberi", "lingkup", "berlaku_sampai"]),
        (
            _("Penerima kuasa (Kepala Perangkat Daerah)"),
            ["perangkat_daerah", "penerima_nama", "penerima_nip", "penerima_jabatan"],
        ),
        (None, ["tanggal_tembusan", "berkas"]),
    ]

    nomor = forms.CharField(max_length=100, label=_("Nomor Surat Kuasa"))
    tanggal = TanggalField(label=_("Tanggal Surat Kuasa"))
    pemberi = forms.CharField(max_length=150, label=_("Pemberi kuasa (Bupati)"))
    lingkup = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Lingkup kuasa"),
        help_text=_("Misalnya: menandatangani PKS tentang … dengan …"),
    )
    berlaku_sampai = TanggalField(hari_ini=False, required=False, label=_("Berlaku sampai"))
    perangkat_daerah = forms.ModelChoiceField(
        queryset=PerangkatDaerah.objects.filter(aktif=True).order_by("nama"),
        label=_("Perangkat Daerah"),
    )
    penerima_nama = forms.CharField(
        max_length=150,
        label=_("Nama penerima kuasa (tanpa gelar)"),
        help_text=_(
            "Kepala Perangkat Daerah yang tercatat; kuasa hanya dapat diberikan kepada "
            "Kepala Perangkat Daerah (Pasal 24 ayat 2)."
        ),
    )
    penerima_nip = forms.CharField(max_length=18, required=False, label=_("NIP penerima kuasa"))
    penerima_jabatan = forms.CharField(max_length=150, label=_("Jabatan penerima kuasa"))
    tanggal_tembusan = TanggalField(
        hari_ini=False,
        required=False,
        label=_("Tanggal tembusan kepada Perangkat Daerah yang membidangi kerja sama daerah"),
        help_text=_(
            "Pasal 24 ayat (3); paling lambat pada tanggal penandatanganan PKS, tidak "
            "sebelum tanggal Surat Kuasa."
        ),
    )
    berkas = BerkasField(label=_("Pindaian Surat Kuasa"))

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        self.ksdd = ksdd
        pd = ksdd.perangkat_daerah
        home = wilayah_daerah()
        kwargs["initial"] = {
            "pemberi": f"{home.sebutan_kepala} {home.nama}",
            "perangkat_daerah": pd.pk,
            "penerima_nama": pd.kepala_nama,
            "penerima_jabatan": pd.kepala_jabatan,
            "lingkup": _("Menandatangani Perjanjian Kerja Sama tentang %s.") % ksdd.judul,
        } | (kwargs.get("initial") or {})
        super().__init__(*args, **kwargs)

    def clean_nomor(self):
        nomor = self.cleaned_data["nomor"].strip()
        if SuratKuasa.objects.filter(nomor__iexact=nomor).exists():
            raise forms.ValidationError(_("Surat Kuasa dengan nomor ini telah dicatat."))
        return nomor

    def argumen(self) -> dict:
        return {**self.cleaned_data, "ksdd": self.ksdd}


class SuratKuasaCabutForm(FormKersa):
    """Revoke a Surat Kuasa with its reason and date (``services.surat_kuasa_cabut``;
    P24-2). An empty reason is refused by the service, citing the Pasal."""

    pasal = _("Pasal 24 ayat (2)")

    tanggal = TanggalField(label=_("Tanggal pencabutan"))
    alasan = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label=_("Alasan pencabutan"),
    )

    def argumen(self) -> dict:
        return dict(self.cleaned_data)
