"""The base of every step form (``LangkahForm``) and the steps of stages a–c (the KAK,
its review, the offer, the pleno and the replies) and the ends of a KSDD."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.core.forms import FormKersa, TanggalField
from kersa.core.forms import teks as _teks
from kersa.core.forms import ya_tidak as _ya_tidak
from kersa.documents.forms import BerkasField
from kersa.regions.selectors import wilayah_daerah

from ..choices import (
    AlasanPenolakan,
    Keputusan,
    KriteriaTelaah,
    Pemrakarsa,
    PertimbanganPersetujuan,
)
from ..models import Kak, Ksdd
from ..surat_dasar import SuratDiterimaForm, SuratForm
from ._dasar import _VERSI, _field_surat_bertanda, _isi_nomor, _surat_bertanda

__all__ = [
    "LangkahForm",
    "AjukanKakForm",
    "PetunjukTertulisForm",
    "TelaahForm",
    "TelaahKakMitraForm",
    "PenawaranForm",
    "RekomendasiPlenoForm",
    "TanggapanForm",
    "AkhiriForm",
    "BatalkanForm",
]


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


class AjukanKakForm(SuratForm, LangkahForm):
    pasal = _("Pasal 14 ayat (1)–(3) dan Pasal 32 ayat (1)")
    label_nomor = _("Nomor surat permohonan")
    label_tanggal = _("Tanggal surat permohonan")

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


class PenawaranForm(SuratForm, LangkahForm):
    """Our offer with the date each partner received it (P16-1…4), or a partner's offer
    with the date we received it (P17-1)."""

    pasal = _("Pasal 16 ayat (1)–(4) atau Pasal 17 ayat (1)")
    label_nomor = _("Nomor surat penawaran")
    label_tanggal = _("Tanggal surat penawaran")

    penandatangan = forms.CharField(max_length=150, label=_("Ditandatangani oleh"))
    surat = BerkasField(label=_("Surat penawaran"))
    surat_versi = _field_surat_bertanda()

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
            _isi_nomor(self, "nomor", "surat_penawaran")
            _surat_bertanda(self, "surat_penawaran")
        if self.ksdd.pemrakarsa == Pemrakarsa.MITRA and "surat_versi" in self.fields:
            del self.fields["surat_versi"]  # the partner's letter comes from outside
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


class TanggapanForm(SuratDiterimaForm, LangkahForm):
    """The reply to one offer (P16-4), or ours on TKKSD's recommendation (P18-1, P18-3)."""

    pasal = _("Pasal 16 ayat (4) dan Pasal 18 ayat (1)–(3)")
    label_nomor = _("Nomor surat tanggapan")
    label_tanggal = _("Tanggal surat tanggapan")
    label_diterima = _("Tanggal surat tanggapan diterima")
    field_order = ["versi", "mitra", "keputusan"]

    mitra = forms.ChoiceField(label=_("Tanggapan atas penawaran kepada/dari"))
    keputusan = forms.ChoiceField(
        choices=Keputusan.choices, widget=forms.RadioSelect, label=_("Keputusan")
    )
    surat = BerkasField(label=_("Surat tanggapan"))
    alasan = _teks(_("Alasan"), required=False, help_text=_("Wajib bila penawaran ditolak."))

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        terbuka = ksdd.penawaran.filter(tanggapan__isnull=True).select_related("mitra")
        self.fields["mitra"].choices = [(p.mitra_id, p.mitra.nama_lengkap) for p in terbuka]
        satu = terbuka[0].mitra_id if len(terbuka) == 1 else None
        _isi_nomor(self, "nomor", "surat_tanggapan", satu)
        rekomendasi = ksdd.rekomendasi_pleno.first()
        if rekomendasi is not None:
            self.fields["keputusan"].initial = rekomendasi.keputusan


class AkhiriForm(LangkahForm):
    pasal = _("Pasal 13")

    alasan = _teks(_("Alasan"))


class BatalkanForm(AkhiriForm):
    pass
