"""One input serializer per workflow step, matching its service's keyword arguments.

Files are multipart uploads (checked by content in ``documents``). Lists and objects
(``penandatangan``, ``penerimaan``, ``temuan``…) are JSON; in a multipart request send
them as a JSON string. Every step takes an optional ``versi`` (409 when stale).

These serializers check form: types, dates, lengths, known codes (400). Whether the
regulation allows the step is the service's to say (422 with the rule ID), so text
that a rule requires (e.g. the isi of a petunjuk tertulis, P32-2) may be sent empty
and is refused by the service with that rule.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kersa.agreements.choices import (
    AlasanPenolakan,
    KedudukanPenandatangan,
    Keputusan,
    KriteriaTelaah,
    PertimbanganPersetujuan,
)
from kersa.agreements.models import Kak
from kersa.core.saring import ID_MAKS
from kersa.governance.choices import JenisRapat
from kersa.governance.models import AgendaRapat
from kersa.regions.models import Wilayah

from ..fields import BooleanWajib, JsonDalam, KodeWilayahField, TanggalField, versi_field

_MAKS_PIHAK = 50


class _Langkah(serializers.Serializer):
    versi = versi_field()


class _Surat(_Langkah):
    """A step that records a letter (``agreements.models.surat.Surat``): its number and
    date, the names the model and the service use."""

    nomor = serializers.CharField(max_length=100)
    tanggal_surat = TanggalField()


class _SuratDiterima(_Surat):
    """A letter whose receipt date starts a clock (``SuratDiterima``)."""

    tanggal_diterima = TanggalField()


def _berkas(help_text, *, required: bool = True) -> serializers.FileField:
    return serializers.FileField(required=required, allow_null=not required, help_text=help_text)


def _wilayah(help_text) -> KodeWilayahField:
    return KodeWilayahField(help_text=help_text)


# --- persiapan -----------------------------------------------------------------------


class AjukanKakSerializer(_Surat):
    """Ajukan KAK kepada TKKSD dengan surat permohonan Kepala Perangkat Daerah dan
    lampiran Pasal 32 ayat (1) (P14-1, P14-2, P14-3, P32-1)."""

    surat_permohonan = _berkas(_("Surat permohonan kepada Sekretaris Daerah (PDF/DOCX)."))
    salinan_dpa = _berkas(
        _("Salinan DPA; wajib bila sudah dianggarkan dalam APBD (P32-1c)."), required=False
    )
    izin_dprd = _berkas(
        _("Surat izin DPRD; wajib bila belum dianggarkan dalam APBD (P32-1c)."), required=False
    )
    salinan_penawaran = _berkas(
        _("Salinan surat penawaran mitra; wajib bila mitra yang memprakarsai (P32-1b)."),
        required=False,
    )


class CatatPetunjukTertulisSerializer(_Langkah):
    """Catat petunjuk tertulis yang menjadi dasar TKKSD bertindak (P32-2)."""

    nomor = serializers.CharField(max_length=100, allow_blank=True)
    tanggal = TanggalField()
    pemberi = serializers.CharField(max_length=150, allow_blank=True)
    isi = serializers.CharField(allow_blank=True)


class TemuanSerializer(serializers.Serializer):
    """The finding on one criterion of Pasal 15 ayat (1)."""

    sesuai = serializers.BooleanField()
    uraian = serializers.CharField(allow_blank=True)


class TemuanTelaahSerializer(serializers.Serializer):
    """Findings keyed by criterion a–e of Pasal 15 ayat (1) (P15-1)."""

    a = TemuanSerializer(required=False, help_text=KriteriaTelaah.RPJMD_RENSTRA.label)
    b = TemuanSerializer(required=False, help_text=KriteriaTelaah.RTRW.label)
    c = TemuanSerializer(required=False, help_text=KriteriaTelaah.KETERKAITAN.label)
    d = TemuanSerializer(required=False, help_text=KriteriaTelaah.BIAYA_MANFAAT.label)
    e = TemuanSerializer(required=False, help_text=KriteriaTelaah.DAMPAK.label)

    def to_internal_value(self, data):
        if isinstance(data, dict):
            lain = sorted(str(k) for k in data if k not in KriteriaTelaah.values)
            if lain:
                raise serializers.ValidationError(
                    _("Kriteria tidak dikenal: %s (Pasal 15 ayat 1 huruf a–e).") % ", ".join(lain)
                )
        return super().to_internal_value(data)


class CatatTelaahSerializer(_Langkah):
    """Catat hasil telaah KAK oleh TKKSD atas lima pertimbangan Pasal 15 ayat (1) (P15-1),
    disampaikan kepada Perangkat Daerah (P15-2). ``layak=false`` mengembalikan KAK."""

    tanggal = TanggalField()
    temuan = JsonDalam(
        TemuanTelaahSerializer(),
        help_text=_('JSON {"a": {"sesuai": true, "uraian": "..."}, ..., "e": {...}}'),
    )
    layak = BooleanWajib()
    kesimpulan = serializers.CharField(allow_blank=True)
    tanggal_disampaikan = TanggalField()

    def validate_temuan(self, value):
        return {k: (v["sesuai"], v["uraian"]) for k, v in value.items()}


class CatatTelaahKakMitraSerializer(CatatTelaahSerializer):
    """Catat hasil telaah TKKSD atas KAK daerah mitra yang menyertai penawarannya, dengan
    lima pertimbangan Pasal 15 ayat (1) (P17-2); status KSDD tidak berubah."""


# --- penawaran -----------------------------------------------------------------------


class CatatPenawaranSerializer(_Surat):
    """Catat surat penawaran: penawaran Daerah kepada setiap mitra (P16-1…3) atau penawaran
    mitra kepada Daerah (P17-1), dengan tanggal diterimanya (awal jangka P16-4, P17-4)."""

    penandatangan = serializers.CharField(
        max_length=150, help_text=_("Penanda tangan surat, mis. Bupati Barito Selatan.")
    )
    penerimaan = JsonDalam(
        serializers.DictField(child=TanggalField(), allow_empty=False),
        help_text=_('JSON {"kode wilayah": "YYYY-MM-DD"}: tanggal surat diterima.'),
    )
    surat = _berkas(_("Surat penawaran (PDF/DOCX); atau kirim surat_versi."), required=False)
    surat_versi = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=ID_MAKS,
        help_text=_(
            "Id versi surat penawaran KSDD ini yang dibuat KERSA dan bertanda tangan "
            "elektronik sah (GET .../dokumen/), sebagai ganti unggahan surat; versi lain "
            "ditolak 422 (P16-3)."
        ),
    )
    kak = _berkas(
        _(
            "KAK daerah mitra yang menyertai penawarannya; wajib bila mitra yang memprakarsai (P17-1)."
        ),
        required=False,
    )
    kak_bagian = JsonDalam(
        serializers.DictField(child=serializers.CharField(allow_blank=True)),
        required=False,
        help_text=_(
            'JSON {"latar_belakang": "...", ...}: bagian KAK daerah mitra (Pasal 14 ayat 2) '
            "sejauh yang diisi."
        ),
    )

    def validate_kak_bagian(self, value):

        lain = sorted(set(value) - {f for f, _label in Kak.BAGIAN})
        if lain:
            raise serializers.ValidationError(
                _("Bagian KAK tidak dikenal: %s (Pasal 14 ayat 2).") % ", ".join(lain)
            )
        return value

    def validate_penerimaan(self, value):
        if len(value) > _MAKS_PIHAK:
            raise serializers.ValidationError(_("Terlalu banyak daerah."))
        ada = set(Wilayah.objects.filter(kode__in=list(value)).values_list("kode", flat=True))
        tidak_dikenal = sorted(set(value) - ada)
        if tidak_dikenal:
            raise serializers.ValidationError(
                _("Kode wilayah tidak dikenal: %s.") % ", ".join(tidak_dikenal)
            )
        return value


class CatatRekomendasiPlenoSerializer(_Langkah):
    """Catat rekomendasi TKKSD yang diputuskan dalam Rapat Pleno atas penawaran mitra
    (P18-3), dengan pertimbangan penolakan (P18-4) atau persetujuan (P18-5)."""

    tanggal_rapat = TanggalField()
    nomor_berita_acara = serializers.CharField(max_length=100, allow_blank=True)
    keputusan = serializers.ChoiceField(choices=Keputusan.choices)
    alasan_penolakan = JsonDalam(
        serializers.ListField(child=serializers.ChoiceField(choices=AlasanPenolakan.choices)),
        required=False,
        help_text=_('Huruf Pasal 18 ayat (4), mis. ["a", "b"].'),
    )
    pertimbangan_persetujuan = JsonDalam(
        serializers.ListField(
            child=serializers.ChoiceField(choices=PertimbanganPersetujuan.choices)
        ),
        required=False,
        help_text=_('Huruf Pasal 18 ayat (5), mis. ["c", "d"].'),
    )
    uraian = serializers.CharField(required=False, allow_blank=True)
    temuan = JsonDalam(
        serializers.DictField(child=serializers.CharField(allow_blank=True)),
        required=False,
        help_text=_(
            'JSON {"b": "temuan ..."}: temuan untuk setiap pertimbangan yang dipilih, '
            "menurut hurufnya (P18-4, P18-5)."
        ),
    )
    alasan_peringatan = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text=_(
            "Alasan bila penolakan tetap dicatat meskipun pertimbangannya bertentangan dengan "
            "data KSDD (P18-4)."
        ),
    )
    berita_acara = _berkas(_("Berita Acara Rapat Pleno (PDF/DOCX)."), required=False)
    agenda = serializers.PrimaryKeyRelatedField(
        queryset=AgendaRapat.objects.filter(rapat__jenis=JenisRapat.PLENO),
        required=False,
        allow_null=True,
        help_text=_("ID agenda Rapat Pleno di KERSA tempat rekomendasi diputuskan, bila ada."),
    )


class CatatTanggapanSerializer(_SuratDiterima):
    """Catat tanggapan atas penawaran: dari mitra atas penawaran Daerah (P16-4), atau
    tanggapan Bupati atas penawaran mitra sesuai rekomendasi Rapat Pleno (P18-1, P18-3)."""

    mitra = _wilayah(_("Kode wilayah mitra yang ditanggapi/menanggapi."))
    keputusan = serializers.ChoiceField(choices=Keputusan.choices)
    surat = _berkas(_("Surat tanggapan (PDF/DOCX)."))
    alasan = serializers.CharField(required=False, allow_blank=True)

    def validate_mitra(self, value: Wilayah) -> str:
        return value.kode


class CatatPermintaanKeduaSerializer(_SuratDiterima):
    """Catat permintaan tanggapan kedua: dari Bupati kepada mitra yang belum menanggapi
    30 hari kalender (P16-5; memulai P16-6), atau dari mitra kepada Bupati (P18-2)."""

    mitra = _wilayah(_("Kode wilayah mitra."))
    surat = _berkas(_("Surat permintaan tanggapan kedua (PDF/DOCX)."), required=False)

    def validate_mitra(self, value: Wilayah) -> str:
        return value.kode


class CatatLaporanGubernurSerializer(_Surat):
    """Catat laporan Bupati kepada Gubernur sebagai Wakil Pemerintah Pusat atas mitra yang
    tetap tidak menanggapi 15 hari kalender setelah permintaan kedua (P16-6)."""

    mitra = _wilayah(_("Kode wilayah mitra yang tidak menanggapi."))
    surat = _berkas(_("Surat laporan kepada Gubernur (PDF/DOCX)."), required=False)

    def validate_mitra(self, value: Wilayah) -> str:
        return value.kode


# --- naskah: rancangan ----------------------------------------------------------------


class _RancanganNaskah(_Langkah):
    tentang = serializers.CharField(max_length=300, allow_blank=True)
    tanggal_rapat_teknis = TanggalField()
    tanggal_disepakati = TanggalField()
    tanggal_mulai = TanggalField()
    tanggal_berakhir = TanggalField()
    rancangan = _berkas(
        _("Rancangan naskah yang disepakati (DOCX/PDF); atau kirim rancangan_versi."),
        required=False,
    )
    rancangan_versi = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=ID_MAKS,
        help_text=_(
            "Id versi naskah (KB/PKS) KSDD ini yang sudah tersimpan (GET .../dokumen/), "
            "sebagai ganti unggahan rancangan; versi KSDD lain ditolak 422 (P20-2, P23)."
        ),
    )


class SepakatiRancanganKbSerializer(_RancanganNaskah):
    """Catat rancangan Kesepakatan Bersama yang disepakati setelah penawaran diterima
    (P19-1), dibahas dalam rapat teknis (P19-2), paling lama 5 tahun (P19-3)."""


class SepakatiRancanganPksSerializer(_RancanganNaskah):
    """Catat rancangan PKS yang dibahas dalam rapat teknis TKKSD dan disepakati mitra
    (P23); jangka waktunya sesuai kesepakatan (P12-2)."""


# --- naskah: penandatanganan ----------------------------------------------------------


class PenandatanganSerializer(serializers.Serializer):
    """One party's signature: PIHAK KESATU, KEDUA… (P11-3, P12-5, P20-3, P24-1…3)."""

    wilayah = _wilayah(_("Kode wilayah pihak."))
    nomor_naskah = serializers.CharField(max_length=100, allow_blank=True)
    nama = serializers.CharField(max_length=150, allow_blank=True)
    jabatan = serializers.CharField(max_length=150, allow_blank=True)
    kedudukan = serializers.ChoiceField(choices=KedudukanPenandatangan.choices)
    surat_kuasa = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=2**63 - 1,
        help_text=_("Id Surat Kuasa bila ditandatangani pejabat atas kuasa Bupati (P24-2)."),
    )
    nomor_surat_kuasa_mitra = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        help_text=_(
            "Daerah mitra: nomor Surat Kuasa kepala daerahnya, wajib bila penandatangan "
            "bukan kepala daerah (P24-2); dicetak dalam komparisi PKS."
        ),
    )
    tanggal_surat_kuasa_mitra = TanggalField(
        required=False,
        allow_null=True,
        help_text=_("Daerah mitra: tanggal Surat Kuasa tersebut (P24-2)."),
    )

    def validate_wilayah(self, value: Wilayah) -> str:
        return value.kode


def _penandatangan():
    return JsonDalam(
        PenandatanganSerializer(many=True, max_length=_MAKS_PIHAK),
        help_text=_(
            "JSON, satu baris per pihak: "
            '[{"wilayah": "62.04", "nomor_naskah": "...", "nama": "...", "jabatan": "...", '
            '"kedudukan": "kepala_daerah", "surat_kuasa": null}, ...]'
        ),
    )


class _Tandatangani(_Langkah):
    tanggal = TanggalField()
    tempat = serializers.CharField(max_length=100, allow_blank=True)
    penandatangan = _penandatangan()
    naskah = _berkas(_("Pindaian naskah yang telah ditandatangani (PDF)."))


class TandatanganiKbSerializer(_Tandatangani):
    """Catat penandatanganan Kesepakatan Bersama oleh Bupati dan kepala daerah mitra
    (P20-3); jumlah rangkap dihitung (P20-4). Lalu Persetujuan DPRD bila P21-1 mensyaratkan."""


class TandatanganiPksSerializer(_Tandatangani):
    """Catat penandatanganan PKS oleh Bupati atau pejabat dengan Surat Kuasa (P24-1…3),
    tidak sebelum Persetujuan DPRD bila disyaratkan (P21-1). Bila PKS berbeda secara
    materiil dari rancangan yang dimohonkan persetujuan DPRD, ``alasan_perbedaan`` wajib
    (P22-2; tanpa alasan 422)."""

    alasan_perbedaan = serializers.CharField(
        allow_blank=True,
        required=False,
        default="",
        help_text=_(
            "Alasan perbedaan PKS dari rancangan yang disetujui DPRD (P22-2); wajib bila "
            "berbeda secara materiil."
        ),
    )
    alasan_melampaui_kb = serializers.CharField(
        allow_blank=True,
        required=False,
        default="",
        help_text=_(
            "Alasan PKS tetap ditandatangani walaupun berlaku melewati, atau ditandatangani "
            "setelah, berakhirnya Kesepakatan Bersama (P19-3); wajib dalam hal itu."
        ),
    )


class PerpanjangKbSerializer(_Langkah):
    """Catat perpanjangan Kesepakatan Bersama yang disepakati para pihak (P19-3): nomor dan
    tanggal kesepakatan, tanggal berakhir yang baru (paling lama 5 tahun setiap kali,
    disepakati selama KB berlaku) dan pindaiannya. Tenggat P19-3 mengikuti tanggal baru."""

    nomor = serializers.CharField(max_length=100, allow_blank=True)
    tanggal_kesepakatan = TanggalField()
    tanggal_berakhir = TanggalField()
    naskah = _berkas(_("Pindaian kesepakatan perpanjangan (PDF/DOCX)."))


# --- persetujuan DPRD -----------------------------------------------------------------


class AjukanPersetujuanDprdSerializer(_SuratDiterima):
    """Catat permohonan Persetujuan DPRD oleh Bupati dengan Kesepakatan Bersama yang telah
    ditandatangani dan rancangan PKS (P22-1a), difasilitasi bagian kerja sama (P21-2)."""

    surat = _berkas(
        _("Surat permohonan Persetujuan DPRD (PDF/DOCX); atau kirim surat_versi."),
        required=False,
    )
    surat_versi = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=ID_MAKS,
        help_text=_(
            "Id versi surat permohonan KSDD ini yang dibuat KERSA dan bertanda tangan "
            "elektronik sah (GET .../dokumen/), sebagai ganti unggahan surat; versi lain "
            "ditolak 422 (P22-1a)."
        ),
    )
    rancangan_pks = _berkas(
        _("Rancangan PKS (DOCX/PDF); atau kirim rancangan_pks_versi."), required=False
    )
    rancangan_pks_versi = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=1,
        max_value=ID_MAKS,
        help_text=_(
            "Id versi dokumen PKS KSDD ini yang sudah tersimpan (GET .../dokumen/), "
            "sebagai ganti unggahan rancangan_pks; versi KSDD lain ditolak 422 (P22-1a)."
        ),
    )


class CatatPersetujuanDprdSerializer(_Langkah):
    """Catat Persetujuan DPRD yang ditandatangani pimpinan DPRD (P22-2): nomor, tanggal
    dan penandatangan (nama dan jabatan) wajib; yang kosong ditolak dengan 422 (P22-2)."""

    nomor = serializers.CharField(max_length=100, allow_blank=True, required=False, default="")
    tanggal = TanggalField()
    penandatangan_nama = serializers.CharField(
        max_length=150,
        allow_blank=True,
        required=False,
        default="",
        help_text=_("Nama pimpinan DPRD yang menandatangani (P22-2)."),
    )
    penandatangan_jabatan = serializers.CharField(
        max_length=150,
        allow_blank=True,
        required=False,
        default="",
        help_text=_("Jabatan penandatangan, mis. Ketua DPRD (P22-2)."),
    )
    surat = _berkas(_("Surat Persetujuan DPRD (PDF)."), required=False)


class CatatJawabanDprdSerializer(_SuratDiterima):
    """Catat jawaban pimpinan DPRD atas permohonan, diterima Bupati (P22-1b; hanya
    memenuhi jangka waktu P22-1b)."""

    surat = _berkas(_("Surat jawaban pimpinan DPRD (PDF/DOCX)."), required=False)


class CatatPenolakanDprdSerializer(_SuratDiterima):
    """Catat penolakan DPRD atas permohonan (P22-3): menutup seluruh jangka waktu Pasal
    22; persetujuan tidak pernah dianggap diberikan sesudahnya. ``lanjutan``: "revisi"
    (kembali menyiapkan permohonan) atau "berakhir" (KSDD ditolak)."""

    nomor = serializers.CharField(max_length=100, allow_blank=True)
    penandatangan = serializers.CharField(max_length=200, allow_blank=True)
    alasan = serializers.CharField(allow_blank=True)
    surat = _berkas(_("Pindaian surat penolakan DPRD (PDF)."))
    lanjutan = serializers.ChoiceField(choices=["revisi", "berakhir"], default="revisi")


class CatatTelaahanDprdSerializer(_SuratDiterima):
    """Catat telaahan DPRD atas rancangan PKS, diterima Bupati (P22-1c; surat tersendiri
    dari jawaban P22-1b; memenuhi P22-3 dan memulai P22-1d)."""

    surat = _berkas(_("Surat pimpinan DPRD dan hasil kajian (PDF/DOCX)."), required=False)


class CatatTindakLanjutTelaahanSerializer(_SuratDiterima):
    """Catat tindak lanjut Bupati atas telaahan DPRD, diterima DPRD (P22-1d; memulai
    P22-1e, yang bila lewat berakibat persetujuan dianggap diberikan, P22-1f)."""

    surat = _berkas(_("Surat tindak lanjut Bupati (PDF/DOCX)."), required=False)


class CatatPersetujuanDprdPerubahanSerializer(_Langkah):
    """Catat Persetujuan DPRD atas perubahan PKS yang menambah beban kepada masyarakat
    (P25-7): nomor, tanggal, penandatangan dan pindaian, bertanggal pada atau setelah
    perubahan diusulkan kepada DPRD. Status KSDD tidak berubah; versi perubahan PKS yang
    menambah beban diterima setelah persetujuan ini dicatat."""

    perihal = serializers.CharField(max_length=300, allow_blank=True, required=False, default="")
    nomor_usulan = serializers.CharField(
        max_length=100, allow_blank=True, required=False, default=""
    )
    tanggal_usulan = TanggalField()
    nomor = serializers.CharField(max_length=100, allow_blank=True, required=False, default="")
    tanggal = TanggalField()
    penandatangan_nama = serializers.CharField(
        max_length=150, allow_blank=True, required=False, default=""
    )
    penandatangan_jabatan = serializers.CharField(
        max_length=150, allow_blank=True, required=False, default=""
    )
    surat = _berkas(_("Pindaian surat Persetujuan DPRD atas perubahan (PDF)."), required=False)


# --- akhir -------------------------------------------------------------------------------


class AkhiriSerializer(_Langkah):
    """Akhiri KSDD yang sedang dilaksanakan (pengakhiran), dengan alasannya (P13)."""

    alasan = serializers.CharField(allow_blank=True)


class BatalkanSerializer(_Langkah):
    """Batalkan KSDD sebelum pelaksanaan, dengan alasannya (P13)."""

    alasan = serializers.CharField(allow_blank=True)
