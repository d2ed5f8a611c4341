"""Documents of a KSDD with their immutable versions (P26), and the compliance report
of its agreed KB or PKS (P11, P12)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kersa.documents.models import Dokumen, VersiDokumen

from ..schema import PelanggaranSerializer


class VersiSerializer(serializers.ModelSerializer):
    """One version: number, source, who, when, file name, size, SHA-256, download URL."""

    asal = serializers.CharField(help_text=_("Asal versi, mis. dihasilkan, disepakati"))
    asal_label = serializers.CharField(source="get_asal_display")
    dibuat_oleh = serializers.SerializerMethodField()
    nama_berkas = serializers.CharField(source="berkas.nama_asli")
    content_type = serializers.CharField(source="berkas.content_type")
    ukuran = serializers.IntegerField(source="berkas.ukuran")
    sha256 = serializers.CharField(source="berkas.sha256")
    unduh = serializers.SerializerMethodField(
        help_text=_("Unduh berkas versi ini (token atau sesi).")
    )
    pdf = serializers.SerializerMethodField(help_text=_("Versi ini sebagai PDF (token atau sesi)."))

    class Meta:
        model = VersiDokumen
        fields = [
            "nomor",
            "asal",
            "asal_label",
            "catatan",
            "dibuat_oleh",
            "dibuat_pada",
            "nama_berkas",
            "content_type",
            "ukuran",
            "sha256",
            "unduh",
            "pdf",
        ]

    def get_dibuat_oleh(self, obj) -> str | None:
        return obj.dibuat_oleh.nama_tampil if obj.dibuat_oleh else None

    def _url(self, name: str, pk: int) -> str:
        url = reverse(name, args=[pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url

    def get_unduh(self, obj) -> str:
        """Under /api/v1/, so a token holder can download it (the web URL needs a session)."""
        return self._url("api:berkas-unduh", obj.berkas_id)

    def get_pdf(self, obj) -> str:
        return self._url("api:versi-pdf", obj.pk)


class DokumenSerializer(serializers.ModelSerializer):
    jenis = serializers.CharField(help_text=_("Jenis dokumen, mis. kb, pks, surat_penawaran"))
    jenis_label = serializers.CharField(source="get_jenis_display")
    versi = VersiSerializer(many=True, read_only=True)

    class Meta:
        model = Dokumen
        fields = ["id", "jenis", "jenis_label", "judul", "nomor", "dibuat_pada", "versi"]


class HasilBagianSerializer(serializers.Serializer):
    kode = serializers.CharField()
    judul = serializers.CharField()
    ada = serializers.BooleanField()
    ditemukan_sebagai = serializers.CharField(allow_blank=True)
    keterangan = serializers.CharField(
        allow_blank=True,
        help_text=_(
            "Mengapa bagian yang tampak ada dihitung belum ada: hanya berisi isian kosong, "
            "dengan kutipan teks yang dibaca (P11, P12)."
        ),
    )


class HasilDataSerializer(serializers.Serializer):
    kode = serializers.CharField()
    judul = serializers.CharField()
    lulus = serializers.BooleanField(allow_null=True)
    keterangan = serializers.CharField(allow_blank=True)
    rule = serializers.CharField()


class PemeriksaanSerializer(serializers.Serializer):
    """The compliance report: each required part found or not, the record checks, and
    what blocks signing (``hambatan``; empty when ``lulus``)."""

    jenis = serializers.CharField(help_text=_("kb atau pks"))
    lulus = serializers.BooleanField()
    versi_diperiksa = serializers.DictField(allow_null=True)
    alasan = serializers.CharField(allow_blank=True)
    bagian = HasilBagianSerializer(many=True)
    data = HasilDataSerializer(many=True)
    pelanggaran = PelanggaranSerializer(many=True)
    hambatan = PelanggaranSerializer(many=True)
