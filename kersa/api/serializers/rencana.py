"""Identification and mapping per plan year with its plan list (Pasal 7–8): the reads,
and the input of starting one, adding, editing and removing an item, setting it and
reopening it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kersa.agreements.choices import Kategori
from kersa.agreements.models import Ksdd, Urusan
from kersa.planning.choices import ForumProvinsi, Prioritas, StatusIdentifikasi
from kersa.planning.models import ButirRencana, Identifikasi, RiwayatIdentifikasi
from kersa.planning.selectors import peringatan_p8_5
from kersa.regions.models import PerangkatDaerah

from ..fields import KodeWilayahField, TanggalField, pilihan_baca, pilihan_masuk
from ..schema import PelanggaranSerializer


class _PeringatanMixin(serializers.Serializer):
    peringatan = serializers.SerializerMethodField()

    @extend_schema_field(PelanggaranSerializer(many=True))
    def get_peringatan(self, obj: Identifikasi) -> list[dict]:
        """P8-5 (WARN): a Sukarela list set (or still drafted) after Triwulan I of N−1."""
        return [p.as_dict() for p in peringatan_p8_5(obj)]


class IdentifikasiSerializer(_PeringatanMixin, serializers.ModelSerializer):
    """One Identifikasi dan Pemetaan: category, plan year, status, its Berita Acara
    signed by the Bupati (P7-5, P8-4), the number of plan items, and the P8-5 warning."""

    kategori_label = serializers.CharField(source="get_kategori_display", read_only=True)
    status = pilihan_baca(StatusIdentifikasi)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    jumlah_butir = serializers.IntegerField(read_only=True)

    class Meta:
        model = Identifikasi
        fields = [
            "id",
            "kategori",
            "kategori_label",
            "tahun_rencana",
            "tanggal_mulai",
            "tanggal_selesai",
            "perangkat_perencanaan",
            "status",
            "status_label",
            "nomor_berita_acara",
            "tanggal_berita_acara",
            "berita_acara",
            "jumlah_butir",
            "peringatan",
        ]
        read_only_fields = fields


class KsddRencanaSerializer(serializers.ModelSerializer):
    """A KSDD carrying out the item (P5-2)."""

    status = serializers.CharField(read_only=True, help_text=_("Status KSDD."))

    class Meta:
        model = Ksdd
        fields = ["id", "nomor_register", "judul", "status"]
        read_only_fields = fields


class ButirRencanaSerializer(serializers.ModelSerializer):
    """One item of the plan list (P7-3, P8-3): urusan, programme, activity, agency,
    partner regions (codes), duration, priority; the provincial forum (P7-4)."""

    urusan_nama = serializers.CharField(source="urusan.nama", read_only=True)
    perangkat_daerah_nama = serializers.CharField(source="perangkat_daerah.nama", read_only=True)
    prioritas_label = serializers.CharField(source="get_prioritas_display", read_only=True)
    mitra = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    ksdd = KsddRencanaSerializer(many=True, read_only=True)

    class Meta:
        model = ButirRencana
        fields = [
            "id",
            "urusan",
            "urusan_nama",
            "program",
            "kegiatan",
            "perangkat_daerah",
            "perangkat_daerah_nama",
            "mitra",
            "jangka_waktu_bulan",
            "prioritas",
            "prioritas_label",
            "perkiraan_anggaran",
            "dokumen_rencana",
            "forum_provinsi",
            "tanggal_forum",
            "keterangan",
            "urutan",
            "ksdd",
        ]
        read_only_fields = fields


class RiwayatIdentifikasiSerializer(serializers.ModelSerializer):
    dari = pilihan_baca(StatusIdentifikasi)
    ke = pilihan_baca(StatusIdentifikasi)
    oleh = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = RiwayatIdentifikasi
        fields = ["dari", "ke", "oleh", "alasan", "rule", "pada"]
        read_only_fields = fields


class IdentifikasiDetailSerializer(IdentifikasiSerializer):
    """The identification with the agencies involved (P7-2, P8-2), its plan items in
    the order of Pasal 5 ayat (4) and its history."""

    perangkat_terlibat = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    butir = ButirRencanaSerializer(many=True, read_only=True)
    riwayat = RiwayatIdentifikasiSerializer(many=True, read_only=True)
    jumlah_butir = serializers.SerializerMethodField()

    class Meta(IdentifikasiSerializer.Meta):
        fields = [
            *IdentifikasiSerializer.Meta.fields,
            "perangkat_terlibat",
            "catatan",
            "butir",
            "riwayat",
        ]
        read_only_fields = fields

    def get_jumlah_butir(self, obj: Identifikasi) -> int:
        return len(obj.butir.all())  # prefetched by selectors.identifikasi_detail


# --- writes (planning.services) ---------------------------------------------------------


def _pd_aktif():
    return PerangkatDaerah.objects.filter(aktif=True)


class IdentifikasiMulaiSerializer(serializers.Serializer):
    """Start the Identifikasi dan Pemetaan of a category for a plan year
    (``services.identifikasi_mulai``; P7-2, P8-2): one list per category and year (P7-3,
    P8-3), coordinated with the planning agency."""

    kategori = pilihan_masuk(Kategori)
    tahun_rencana = serializers.IntegerField(min_value=2000, max_value=2100)
    tanggal_mulai = TanggalField()
    perangkat_perencanaan = serializers.PrimaryKeyRelatedField(
        queryset=_pd_aktif(),
        allow_null=True,
        help_text=_("ID Perangkat Daerah yang membidangi perencanaan pembangunan daerah."),
    )
    perangkat_terlibat = serializers.PrimaryKeyRelatedField(
        queryset=_pd_aktif(), many=True, required=False
    )
    catatan = serializers.CharField(required=False, allow_blank=True)


class ButirTambahSerializer(serializers.Serializer):
    """Add an item to a list being drafted (``services.butir_tambah``; P7-3, P8-3): urusan,
    programme, activity, agency, partner regions by code (P7-1: a Kerja Sama Wajib's
    partners border), duration, priority, and the provincial forum (P7-4)."""

    urusan = serializers.PrimaryKeyRelatedField(queryset=Urusan.objects.all())
    program = serializers.CharField(max_length=300, allow_blank=True)
    kegiatan = serializers.CharField(max_length=300, allow_blank=True)
    perangkat_daerah = serializers.PrimaryKeyRelatedField(queryset=_pd_aktif())
    mitra = KodeWilayahField(many=True, required=False, help_text=_("Kode wilayah, mis. 62.13."))
    jangka_waktu_bulan = serializers.IntegerField(min_value=1, max_value=32767)
    prioritas = serializers.ChoiceField(choices=Prioritas.choices, required=False)
    # The model's digits (``ButirRencana.perkiraan_anggaran``, 16): 17 or 18 digits
    # passed here and overflowed PostgreSQL's numeric(16, 2), a 500.
    perkiraan_anggaran = serializers.DecimalField(
        max_digits=16, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    dokumen_rencana = serializers.CharField(max_length=250, required=False, allow_blank=True)
    forum_provinsi = pilihan_masuk(ForumProvinsi, required=False, allow_blank=True)
    tanggal_forum = TanggalField(required=False, allow_null=True)
    keterangan = serializers.CharField(required=False, allow_blank=True)
    urutan = serializers.IntegerField(min_value=1, max_value=32767, required=False, allow_null=True)


class ButirUbahSerializer(ButirTambahSerializer):
    """Edit an item of a list being drafted (``services.butir_ubah``; P7-3, P7-1, P7-4,
    P8-3); send only what changes (PATCH). The item is checked again as a whole; a set
    list is refused (P7-5, P8-4)."""

    urutan = serializers.IntegerField(min_value=1, max_value=32767, required=False)


class IdentifikasiTetapkanSerializer(serializers.Serializer):
    """Set the list down in the Berita Acara signed by the Bupati
    (``services.identifikasi_tetapkan``; P7-5, P8-4); a Sukarela list signed by 31 March
    of the year before meets P8-5. The Berita Acara (DOCX) is generated."""

    nomor_berita_acara = serializers.CharField(max_length=100, allow_blank=True)
    tanggal_berita_acara = TanggalField(allow_null=True)
    tanggal_selesai = TanggalField(required=False, allow_null=True)
    alasan = serializers.CharField(required=False, allow_blank=True)


class IdentifikasiBukaKembaliSerializer(serializers.Serializer):
    """Reopen a set list for a documented correction
    (``services.identifikasi_buka_kembali``; P7-5, P8-4): a written reason."""

    alasan = serializers.CharField(allow_blank=True)
