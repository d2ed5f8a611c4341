"""Oversight: monitoring and evaluation (Pasal 28), disputes (Pasal 29–30),
and pembinaan: guidance activities (Pasal 44), association memberships (Pasal 43) and
the Sekretariat Kerja Sama (Pasal 40–41), and funding assistance (Pasal 31): the reads
and the input of each write."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kersa.agreements.models import BantuanPendanaan, Ksdd
from kersa.agreements.selectors import ksdd_visible_to
from kersa.oversight.choices import BentukPembinaan, JenisAsosiasi
from kersa.oversight.models import (
    KeanggotaanAsosiasi,
    KegiatanPembinaan,
    MonitoringEvaluasi,
    Perselisihan,
    RapatMusyawarah,
    RiwayatKeanggotaan,
    RiwayatMonev,
    RiwayatPerselisihan,
    SekretariatKerjaSama,
    StatusKeanggotaan,
    StatusMonev,
    StatusPerselisihan,
    StatusTemuan,
    TemuanMonev,
)
from kersa.regions.models import PerangkatDaerah
from kersa.reporting.choices import Semester

from ..fields import BooleanWajib, KodeWilayahField, TanggalField, pilihan_baca, pilihan_masuk
from .dokumen import DokumenSerializer

_OLEH = {"slug_field": "username", "read_only": True, "allow_null": True}

# --- monitoring and evaluation (Pasal 28) -----------------------------------------------


class MonevSerializer(serializers.ModelSerializer):
    """The monitoring of one agency in one semester (P28)."""

    perangkat_daerah_nama = serializers.CharField(source="perangkat_daerah.nama", read_only=True)
    semester = pilihan_baca(Semester, integer=True)
    status = pilihan_baca(StatusMonev)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = MonitoringEvaluasi
        fields = [
            "id",
            "perangkat_daerah",
            "perangkat_daerah_nama",
            "tahun",
            "semester",
            "tanggal_pelaksanaan",
            "status",
            "status_label",
            "tanggal_selesai",
            "dokumen",
        ]
        read_only_fields = fields


class TemuanMonevSerializer(serializers.ModelSerializer):
    """A finding on one KSDD with its recommendation and follow-up."""

    status = pilihan_baca(StatusTemuan)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = TemuanMonev
        fields = [
            "id",
            "ksdd",
            "uraian",
            "rekomendasi",
            "tindak_lanjut",
            "status",
            "status_label",
            "tanggal_tindak_lanjut",
            "dicatat_pada",
        ]
        read_only_fields = fields


class RiwayatMonevSerializer(serializers.ModelSerializer):
    dari = pilihan_baca(StatusMonev)
    ke = pilihan_baca(StatusMonev)
    oleh = serializers.SlugRelatedField(**_OLEH)

    class Meta:
        model = RiwayatMonev
        fields = ["dari", "ke", "oleh", "alasan", "rule", "pada"]
        read_only_fields = fields


class MonevDetailSerializer(MonevSerializer):
    """The monitoring with the KSDD it covered, its findings, report and history."""

    ksdd = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    temuan = TemuanMonevSerializer(many=True, read_only=True)
    riwayat = RiwayatMonevSerializer(many=True, read_only=True)

    class Meta(MonevSerializer.Meta):
        fields = [*MonevSerializer.Meta.fields, "ringkasan", "ksdd", "temuan", "riwayat"]
        read_only_fields = fields


# --- disputes (Pasal 29–30) ---------------------------------------------------------------


class PerselisihanSerializer(serializers.ModelSerializer):
    """A dispute on a KSDD: the regions in dispute (codes), where it stands (P29-1, P30)."""

    ksdd_nomor_register = serializers.CharField(source="ksdd.nomor_register", read_only=True)
    status = pilihan_baca(StatusPerselisihan)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    pihak = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Perselisihan
        fields = [
            "id",
            "ksdd",
            "ksdd_nomor_register",
            "tanggal_timbul",
            "pihak",
            "status",
            "status_label",
            "tanggal_selesai",
            "tanggal_diajukan_provinsi",
            "tanggal_dilaporkan",
        ]
        read_only_fields = fields


class MusyawarahSerializer(serializers.ModelSerializer):
    class Meta:
        model = RapatMusyawarah
        fields = ["id", "tanggal", "tempat", "hasil", "mufakat"]
        read_only_fields = fields


class RiwayatPerselisihanSerializer(serializers.ModelSerializer):
    dari = pilihan_baca(StatusPerselisihan)
    ke = pilihan_baca(StatusPerselisihan)
    oleh = serializers.SlugRelatedField(**_OLEH)

    class Meta:
        model = RiwayatPerselisihan
        fields = ["dari", "ke", "oleh", "alasan", "rule", "pada"]
        read_only_fields = fields


class BerkasPerselisihanSerializer(serializers.Serializer):
    """A document gathered for the musyawarah (P29-2)."""

    id = serializers.IntegerField()
    keterangan = serializers.CharField()
    nama_berkas = serializers.CharField(source="berkas.nama_asli")
    dicatat_pada = serializers.DateTimeField()


class PerselisihanDetailSerializer(PerselisihanSerializer):
    """The dispute with its musyawarah meetings (P29-1), documents (P29-2), berita acara
    (P29-3), report to the Bupati (P29-4) and history."""

    musyawarah = MusyawarahSerializer(many=True, read_only=True)
    berkas = BerkasPerselisihanSerializer(many=True, read_only=True)
    dokumen_berita_acara = DokumenSerializer(source="berita_acara", read_only=True, allow_null=True)
    dokumen_laporan = DokumenSerializer(source="laporan", read_only=True, allow_null=True)
    riwayat = RiwayatPerselisihanSerializer(many=True, read_only=True)

    class Meta(PerselisihanSerializer.Meta):
        fields = [
            *PerselisihanSerializer.Meta.fields,
            "uraian",
            "hasil",
            "musyawarah",
            "berkas",
            "dokumen_berita_acara",
            "dokumen_laporan",
            "riwayat",
        ]
        read_only_fields = fields


# --- pembinaan (Pasal 40–44) --------------------------------------------------------------


class KegiatanPembinaanSerializer(serializers.ModelSerializer):
    """A guidance activity (P44): its form, date, place, the agencies that took part and
    the KSDD discussed."""

    bentuk_label = serializers.CharField(source="get_bentuk_display", read_only=True)
    peserta = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    ksdd = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = KegiatanPembinaan
        fields = [
            "id",
            "bentuk",
            "bentuk_label",
            "judul",
            "tanggal",
            "tempat",
            "narasumber",
            "peserta",
            "ksdd",
            "ringkasan",
        ]
        read_only_fields = fields


class RiwayatKeanggotaanSerializer(serializers.ModelSerializer):
    dari = pilihan_baca(StatusKeanggotaan)
    ke = pilihan_baca(StatusKeanggotaan)
    oleh = serializers.SlugRelatedField(**_OLEH)

    class Meta:
        model = RiwayatKeanggotaan
        fields = ["dari", "ke", "tanggal", "oleh", "alasan", "rule", "pada"]
        read_only_fields = fields


class KeanggotaanAsosiasiSerializer(serializers.ModelSerializer):
    """The region's membership of an association or forum (P43), with its history."""

    jenis = pilihan_baca(JenisAsosiasi)
    jenis_label = serializers.CharField(source="get_jenis_display", read_only=True)
    riwayat = RiwayatKeanggotaanSerializer(many=True, read_only=True)

    class Meta:
        model = KeanggotaanAsosiasi
        fields = [
            "id",
            "jenis",
            "jenis_label",
            "nama",
            "dasar",
            "mulai",
            "selesai",
            "iuran_tahunan",
            "keterangan",
            "riwayat",
        ]
        read_only_fields = fields


class SekretariatKerjaSamaSerializer(serializers.ModelSerializer):
    """A Sekretariat Kerja Sama of a Kerja Sama Wajib (P40-2, P40-4, P41) and the clerk's
    confirmation that the cooperation is continuous (Pasal 40 ayat 2 huruf a)."""

    ksdd_nomor_register = serializers.CharField(source="ksdd.nomor_register", read_only=True)
    terus_menerus_oleh = serializers.SlugRelatedField(**_OLEH)

    class Meta:
        model = SekretariatKerjaSama
        fields = [
            "id",
            "ksdd",
            "ksdd_nomor_register",
            "nama",
            "nomor_kesepakatan",
            "tanggal_kesepakatan",
            "alamat",
            "hibah_tahunan",
            "catatan",
            "terus_menerus",
            "terus_menerus_oleh",
            "terus_menerus_pada",
        ]
        read_only_fields = fields


# --- writes (oversight.services) ----------------------------------------------------------


class _KsddTerlihatField(serializers.PrimaryKeyRelatedField):
    """A KSDD the requesting user may see (``ksdd_visible_to``); any other id is 400."""

    def get_queryset(self):
        return ksdd_visible_to(self.context["request"].user)


class MonevCatatSerializer(serializers.Serializer):
    """Record the monitoring of one agency for one semester (``services.monev_catat``;
    P28): the KSDD reviewed are the agency's KSDD in pelaksanaan, one per semester."""

    perangkat_daerah = serializers.PrimaryKeyRelatedField(queryset=PerangkatDaerah.objects.all())
    tahun = serializers.IntegerField(min_value=2000, max_value=2100)
    semester = serializers.ChoiceField(choices=Semester.choices)
    tanggal_pelaksanaan = TanggalField()
    ksdd = _KsddTerlihatField(queryset=Ksdd.objects.none(), many=True)
    ringkasan = serializers.CharField(required=False, allow_blank=True)


class TemuanCatatSerializer(serializers.Serializer):
    """Add a finding with its recommendation on one of the KSDD reviewed
    (``services.temuan_catat``; P28)."""

    ksdd = _KsddTerlihatField(queryset=Ksdd.objects.none())
    uraian = serializers.CharField(allow_blank=True)
    rekomendasi = serializers.CharField(allow_blank=True)


class _TemuanMonevIniField(serializers.PrimaryKeyRelatedField):
    """A finding of the monitoring in the URL; any other id is 400."""

    def get_queryset(self):
        return TemuanMonev.objects.filter(monev=self.context["monev"])


class TemuanTindakLanjutSerializer(serializers.Serializer):
    """Record the follow-up of a finding (``services.temuan_tindak_lanjut``; P28), also
    after the monitoring is finished."""

    temuan = _TemuanMonevIniField(
        queryset=TemuanMonev.objects.none(), help_text=_("ID temuan monitoring ini.")
    )
    tindak_lanjut = serializers.CharField(allow_blank=True)
    tanggal = TanggalField()


class MonevSelesaikanSerializer(serializers.Serializer):
    """Finish the monitoring (``services.monev_selesaikan``; P28): its summary is
    required, the report DOCX is generated and the semester's clock met."""

    tanggal = TanggalField()
    ringkasan = serializers.CharField(required=False, allow_blank=True, allow_null=True)


class PerselisihanCatatSerializer(serializers.Serializer):
    """Record a dispute in running a KSDD the user may see
    (``services.perselisihan_catat``; P29-1): the partner regions in dispute by code."""

    ksdd = _KsddTerlihatField(queryset=Ksdd.objects.none())
    tanggal_timbul = TanggalField()
    uraian = serializers.CharField(allow_blank=True)
    pihak = KodeWilayahField(many=True, help_text=_("Kode wilayah mitra, mis. 62.13."))


class PerselisihanBerkasSerializer(serializers.Serializer):
    """Gather a cooperation document for the musyawarah
    (``services.perselisihan_berkas_tambah``; P29-2); PDF or DOCX, checked by content."""

    upload = serializers.FileField(help_text=_("Berkas PDF atau DOCX."))
    keterangan = serializers.CharField(max_length=250, allow_blank=True)


class MusyawarahCatatSerializer(serializers.Serializer):
    """A meeting of musyawarah (``services.perselisihan_musyawarah_catat``; P29-1)."""

    tanggal = TanggalField()
    tempat = serializers.CharField(max_length=200, allow_blank=True)
    hasil = serializers.CharField(allow_blank=True)
    mufakat = BooleanWajib()


class PerselisihanSelesaikanSerializer(serializers.Serializer):
    """The settlement as a berita acara (``services.perselisihan_selesaikan``; P29-3)."""

    tanggal = TanggalField()
    hasil = serializers.CharField(allow_blank=True)


class AjukanProvinsiSerializer(serializers.Serializer):
    """Submit the dispute to the provincial TKKSD (``services.perselisihan_ajukan_provinsi``;
    P30 ayat 1)."""

    tanggal = TanggalField()
    alasan = serializers.CharField(allow_blank=True)


class PeraturanLebihTinggiSerializer(serializers.Serializer):
    """Settle per the higher regulation on Kerja Sama Daerah
    (``services.perselisihan_peraturan_lebih_tinggi``; P30 ayat 2)."""

    alasan = serializers.CharField(allow_blank=True)


class PerselisihanLaporkanSerializer(serializers.Serializer):
    """Report the settlement to the Bupati (``services.perselisihan_laporkan``; P29-4)."""

    tanggal = TanggalField()


# --- pembinaan writes (oversight.services.pembinaan) --------------------------------------


def _pd_aktif():
    return PerangkatDaerah.objects.filter(aktif=True)


class KegiatanPembinaanTambahSerializer(serializers.Serializer):
    """Record a guidance activity of the Bupati (``services.kegiatan_pembinaan_tambah``;
    P44): its form (Pasal 44 ayat 2), the agencies that took part — at least one, or the
    service refuses with P44 — and the KSDD discussed."""

    bentuk = pilihan_masuk(BentukPembinaan)
    judul = serializers.CharField(max_length=250)
    tanggal = TanggalField()
    peserta = serializers.PrimaryKeyRelatedField(
        queryset=_pd_aktif(), many=True, help_text=_("ID Perangkat Daerah peserta.")
    )
    tempat = serializers.CharField(max_length=200, required=False, allow_blank=True)
    narasumber = serializers.CharField(max_length=200, required=False, allow_blank=True)
    ksdd = _KsddTerlihatField(queryset=Ksdd.objects.none(), many=True, required=False)
    ringkasan = serializers.CharField(required=False, allow_blank=True)


class KeanggotaanTambahSerializer(serializers.Serializer):
    """Record a membership of an association or cooperation forum
    (``services.keanggotaan_tambah``; P43); its first history row says who recorded it."""

    jenis = pilihan_masuk(JenisAsosiasi)
    nama = serializers.CharField(max_length=200)
    mulai = TanggalField()
    dasar = serializers.CharField(
        max_length=250, required=False, allow_blank=True, help_text=_("mis. nomor keputusan")
    )
    selesai = TanggalField(required=False, allow_null=True)
    iuran_tahunan = serializers.DecimalField(
        max_digits=16, decimal_places=2, required=False, allow_null=True
    )
    keterangan = serializers.CharField(required=False, allow_blank=True)


class KeanggotaanAkhiriSerializer(serializers.Serializer):
    """End a membership (``services.keanggotaan_akhiri``; P43): the date and a written
    reason or basis, kept in its history."""

    selesai = TanggalField()
    alasan = serializers.CharField(
        max_length=250,
        allow_blank=True,
        help_text=_("mis. nomor keputusan Bupati tentang berakhirnya keanggotaan"),
    )


class SekretariatCatatSerializer(serializers.Serializer):
    """Record the Sekretariat Kerja Sama of a KSDD (``services.sekretariat_catat``):
    only for a Kerja Sama Wajib meeting every condition of Pasal 40 ayat 2 (P40-2), with
    the clerk's confirmation that the cooperation is continuous (huruf a), set up by a
    Kesepakatan Bersama (P40-4), funded by hibah (P41)."""

    ksdd = _KsddTerlihatField(queryset=Ksdd.objects.none())
    terus_menerus = BooleanWajib(
        help_text=_("Kerja sama dilakukan secara terus-menerus (Pasal 40 ayat 2 huruf a).")
    )
    nama = serializers.CharField(max_length=200)
    nomor_kesepakatan = serializers.CharField(max_length=100, allow_blank=True)
    tanggal_kesepakatan = TanggalField()
    alamat = serializers.CharField(max_length=250, required=False, allow_blank=True)
    hibah_tahunan = serializers.DecimalField(
        max_digits=16, decimal_places=2, required=False, allow_null=True
    )
    catatan = serializers.CharField(required=False, allow_blank=True)


class SyaratSekretariatSerializer(serializers.Serializer):
    """One condition of Pasal 40 ayat 2 (P40-2), met or not, and why."""

    kode = serializers.CharField(help_text=_("wajib, a, b atau c"))
    label = serializers.CharField()
    terpenuhi = serializers.BooleanField()
    alasan = serializers.CharField()


class SekretariatSyaratSerializer(serializers.Serializer):
    """Whether a KSDD qualifies for a Sekretariat Kerja Sama (P40-2), as the web page
    shows before recording one; once recorded, huruf a reads the stored confirmation."""

    ksdd = serializers.IntegerField()
    layak = serializers.BooleanField()
    syarat = SyaratSekretariatSerializer(many=True)
    sekretariat = serializers.IntegerField(allow_null=True, help_text=_("ID bila sudah ada."))


# --- funding assistance (Pasal 31; agreements.services.bantuan_pendanaan_tambah) ---------


class BantuanPendanaanSerializer(serializers.ModelSerializer):
    """Funding assistance to a partner of a Kerja Sama Wajib (P31-1)."""

    mitra = KodeWilayahField(read_only=True)
    mitra_nama = serializers.CharField(source="mitra.nama_lengkap", read_only=True)
    perangkat_daerah_nama = serializers.CharField(source="perangkat_daerah.nama", read_only=True)

    class Meta:
        model = BantuanPendanaan
        fields = [
            "id",
            "ksdd",
            "mitra",
            "mitra_nama",
            "jumlah",
            "tahun_anggaran",
            "perangkat_daerah",
            "perangkat_daerah_nama",
            "keterangan",
            "dicatat_pada",
        ]
        read_only_fields = fields


class BantuanPendanaanTambahSerializer(serializers.Serializer):
    """Record funding assistance (``agreements.services.bantuan_pendanaan_tambah``;
    P31-1): only for a Kerja Sama Wajib, to one of its partners, more than zero, through
    the APBD of the agency of the urusan."""

    mitra = KodeWilayahField(help_text=_("Kode wilayah daerah mitra penerima, mis. 62.13."))
    jumlah = serializers.DecimalField(max_digits=16, decimal_places=2)
    tahun_anggaran = serializers.IntegerField(min_value=2000, max_value=2100)
    perangkat_daerah = serializers.PrimaryKeyRelatedField(
        queryset=_pd_aktif(),
        help_text=_("Perangkat Daerah sesuai urusan pemerintahan yang dikerjasamakan."),
    )
    keterangan = serializers.CharField(required=False, allow_blank=True)
