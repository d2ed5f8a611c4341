"""The steps that record a letter: to and from DPRD (Pasal 21–22), the second request
and the report to the Governor about a partner's offer (P16-5, P16-6)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kersa.core.forms import TanggalField
from kersa.core.forms import teks as _teks
from kersa.documents.forms import BerkasField

from ..models import Ksdd, PersetujuanDprd
from ..surat_dasar import SuratDiterimaForm
from ._dasar import _ID, _field_surat_bertanda, _isi_nomor, _pilihan_versi, _surat_bertanda
from .langkah import LangkahForm

__all__ = [
    "PermohonanDprdForm",
    "PersetujuanDprdForm",
    "PermintaanKeduaForm",
    "LaporanGubernurForm",
    "JawabanDprdForm",
    "TelaahanDprdForm",
    "PenolakanDprdForm",
    "TindakLanjutTelaahanForm",
    "PersetujuanDprdPerubahanForm",
]


class PermohonanDprdForm(SuratDiterimaForm, LangkahForm):
    pasal = _("Pasal 21 dan Pasal 22 ayat (1) huruf a")
    label_nomor = _("Nomor surat permohonan")
    label_diterima = _("Tanggal diterima DPRD")

    surat = BerkasField(label=_("Surat permohonan Persetujuan DPRD"))
    surat_versi = _field_surat_bertanda()
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
        _isi_nomor(self, "nomor", "permohonan_dprd")
        _surat_bertanda(self, "permohonan_dprd")
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


class _SuratMitraForm(SuratDiterimaForm, LangkahForm):
    """A letter about one partner's offer that has no answer yet."""

    jenis_dokumen = ""  # the JenisDokumen KERSA generates for this letter
    field_order = ["versi", "mitra"]
    mitra = forms.ChoiceField(label=_("Penawaran kepada/dari"))

    def __init__(self, *args, ksdd: Ksdd, **kwargs):
        super().__init__(*args, ksdd=ksdd, **kwargs)
        terbuka = ksdd.penawaran.filter(tanggapan__isnull=True).select_related("mitra")
        self.fields["mitra"].choices = [(p.mitra_id, p.mitra.nama_lengkap) for p in terbuka]
        if self.jenis_dokumen:
            satu = terbuka[0].mitra_id if len(terbuka) == 1 else None
            _isi_nomor(self, "nomor", self.jenis_dokumen, satu)


class PermintaanKeduaForm(_SuratMitraForm):
    """Ours after 30 calendar days without an answer (P16-5), or a partner's (P18-2)."""

    jenis_dokumen = "tanggapan_kedua"

    pasal = _("Pasal 16 ayat (5) atau Pasal 18 ayat (2)")

    surat = BerkasField(label=_("Surat permintaan tanggapan kedua"))


class LaporanGubernurForm(_SuratMitraForm):
    pasal = _("Pasal 16 ayat (6)")
    jenis_dokumen = "laporan_gubernur"

    tanggal_diterima = None
    surat = BerkasField(label=_("Surat laporan kepada Gubernur"))


class JawabanDprdForm(SuratDiterimaForm, LangkahForm):
    pasal = _("Pasal 22 ayat (1) huruf b")
    label_nomor = _("Nomor surat pimpinan DPRD")
    label_diterima = _("Tanggal diterima Bupati")

    surat = BerkasField(label=_("Surat jawaban pimpinan DPRD"), required=False)


class TelaahanDprdForm(SuratDiterimaForm, LangkahForm):
    pasal = _("Pasal 22 ayat (1) huruf c")
    label_nomor = _("Nomor surat telaahan DPRD")
    label_diterima = _("Tanggal diterima Bupati")

    surat = BerkasField(label=_("Surat dan hasil kajian rancangan PKS"))


class PenolakanDprdForm(SuratDiterimaForm, LangkahForm):
    """P22-3: DPRD refuses the request; every P22 clock closes, nothing is deemed."""

    pasal = _("Pasal 22 ayat (3)")
    label_nomor = _("Nomor surat penolakan DPRD")
    label_diterima = _("Tanggal diterima Bupati")

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


class TindakLanjutTelaahanForm(SuratDiterimaForm, LangkahForm):
    pasal = _("Pasal 22 ayat (1) huruf d dan e")
    label_nomor = _("Nomor surat Bupati")
    label_diterima = _("Tanggal diterima DPRD")

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
