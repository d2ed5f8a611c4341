"""The KSDD record: register rows, the detail, the create/edit input, KAK, history."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from kersa.agreements import services
from kersa.agreements.models import Kak, Ksdd, Naskah, PerpanjanganKb, RiwayatTahap
from kersa.agreements.selectors import transisi_tersedia
from kersa.deadlines.models import Tenggat

from ..fields import KodeWilayahField, TanggalField, versi_field
from ..schema import PelanggaranSerializer
from .tenggat import TenggatSerializer, konteks_tenggat


class KsddRingkasSerializer(serializers.ModelSerializer):
    """One row of the register (uses only what ``selectors.ksdd_list`` loads)."""

    status_label = serializers.CharField(source="get_status_display", read_only=True)
    tahap = serializers.CharField(read_only=True, allow_null=True)
    tahap_label = serializers.CharField(read_only=True)
    mitra = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    urusan = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Ksdd
        fields = [
            "id",
            "nomor_register",
            "judul",
            "status",
            "status_label",
            "tahap",
            "tahap_label",
            "versi",
            "kategori",
            "pemrakarsa",
            "pemrakarsa_mitra",
            "perangkat_daerah",
            "bentuk",
            "mitra",
            "urusan",
            "dibuat_pada",
            "diubah_pada",
        ]
        read_only_fields = fields


class KakSerializer(serializers.ModelSerializer):
    """The KAK's parts (Pasal 14 ayat 2; P14-2), the parts still empty, and the KSDD's
    version (send it back with the next write)."""

    bagian_kosong = serializers.SerializerMethodField()
    versi = serializers.IntegerField(source="ksdd.versi", read_only=True)

    class Meta:
        model = Kak
        fields = [*(f for f, _label in Kak.BAGIAN), "bagian_kosong", "versi"]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_bagian_kosong(self, obj: Kak) -> list[str]:
        return [f for f, _label in obj.bagian_kosong()]


class KakUbahSerializer(serializers.ModelSerializer):
    """Write the KAK while it is drafted (status penyusunan KAK). Parts left out stay
    as they are; an empty string clears a part."""

    versi = versi_field()

    class Meta:
        model = Kak
        fields = [*(f for f, _label in Kak.BAGIAN), "versi"]
        extra_kwargs = {f: {"required": False, "allow_blank": True} for f, _label in Kak.BAGIAN}


class TransisiTersediaSerializer(serializers.Serializer):
    """A step the requesting user may take now, with the rules that still block it."""

    nama = serializers.CharField()
    label = serializers.CharField()
    url = serializers.URLField()
    hambatan = PelanggaranSerializer(many=True)


class PerpanjanganKbSerializer(serializers.ModelSerializer):
    """An extension of the Kesepakatan Bersama (P19-3)."""

    class Meta:
        model = PerpanjanganKb
        fields = [
            "id",
            "nomor",
            "tanggal_kesepakatan",
            "berakhir_sebelumnya",
            "berakhir_baru",
            "berkas",
            "dicatat_pada",
        ]
        read_only_fields = fields


class NaskahSerializer(serializers.ModelSerializer):
    """The KB or PKS of a KSDD: its validity (the KB's end after its latest extension),
    its extensions (P19-3) and, for a PKS, the reason kept for running past its KB."""

    jenis = serializers.CharField(read_only=True, help_text=_("kb atau pks"))
    perpanjangan = PerpanjanganKbSerializer(many=True, read_only=True)

    class Meta:
        model = Naskah
        fields = [
            "jenis",
            "tentang",
            "tanggal_mulai",
            "tanggal_berakhir",
            "tanggal_ditandatangani",
            "alasan_melampaui_kb",
            "perpanjangan",
        ]
        read_only_fields = fields


class KsddDetailSerializer(KsddRingkasSerializer):
    """The whole record, its KAK and the steps open to the requesting user."""

    perangkat_daerah_nama = serializers.CharField(source="perangkat_daerah.nama", read_only=True)
    tujuan = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    dibuat_oleh = serializers.SlugRelatedField(slug_field="username", read_only=True)
    memerlukan_persetujuan_dprd = serializers.BooleanField(read_only=True)
    kak = KakSerializer(read_only=True, allow_null=True)
    naskah = NaskahSerializer(many=True, read_only=True)
    transisi = serializers.SerializerMethodField()
    tenggat = serializers.SerializerMethodField(
        help_text=_("Tenggat KSDD ini, yang paling dahulu jatuh tempo lebih dahulu.")
    )

    class Meta(KsddRingkasSerializer.Meta):
        fields = [
            *KsddRingkasSerializer.Meta.fields,
            "perangkat_daerah_nama",
            "tujuan",
            "eksternalitas",
            "pembayar",
            "penerima_pembayaran",
            "dasar_pembayaran",
            "objek_pertukaran",
            "dalam_rencana",
            "butir_rencana",
            "dokumen_rencana",
            "pengecualian_rencana",
            "alasan_pengecualian",
            "lokasi",
            "nilai_anggaran",
            "sumber_dana",
            "dianggarkan_apbd",
            "nomor_dpa",
            "membebani_masyarakat",
            "memerlukan_persetujuan_dprd",
            "rencana_mulai",
            "jangka_waktu_bulan",
            "dibuat_oleh",
            "kak",
            "naskah",
            "transisi",
            "tenggat",
        ]
        read_only_fields = fields

    @extend_schema_field(TenggatSerializer(many=True))
    def get_tenggat(self, obj: Ksdd) -> list[dict]:
        rows = Tenggat.objects.filter(ksdd=obj).order_by("jatuh_tempo", "id")
        return TenggatSerializer(rows, many=True, context=konteks_tenggat(self.context)).data

    @extend_schema_field(TransisiTersediaSerializer(many=True))
    def get_transisi(self, obj: Ksdd) -> list[dict]:
        request = self.context["request"]
        return [
            {
                "nama": t.nama,
                "label": str(t.label),
                "url": reverse(f"api:ksdd-{t.nama}", kwargs={"pk": obj.pk}, request=request),
                "hambatan": [p.as_dict() for p in t.hambatan(obj)],
            }
            for t in transisi_tersedia(obj, request.user)
        ]


# Fields of ``services.ksdd_create`` / ``ksdd_update`` (and nothing else): taken from the
# service so the two lists cannot drift apart.
_FIELD_TULIS = sorted(services.FIELD_KSDD | services.FIELD_M2M)


class KsddTulisSerializer(serializers.ModelSerializer):
    """Register a new KSDD (``services.ksdd_create``). Regions are given by Kemendagri
    code (``"62.13"``); agency, bentuk, urusan and tujuan by id (see the reference
    endpoints). ``perangkat_daerah`` defaults to the user's own agency."""

    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateField: TanggalField,
    }
    mitra = KodeWilayahField(
        many=True, allow_empty=False, help_text=_("Kode wilayah daerah mitra.")
    )
    pemrakarsa_mitra = KodeWilayahField(required=False, allow_null=True)
    pembayar = KodeWilayahField(required=False, allow_null=True)
    penerima_pembayaran = KodeWilayahField(required=False, allow_null=True)

    class Meta:
        model = Ksdd
        fields = _FIELD_TULIS
        extra_kwargs = {
            "perangkat_daerah": {"required": False},
            "urusan": {"required": False, "allow_empty": True},
            "tujuan": {"required": False, "allow_empty": True},
            # The column is a smallint with a CHECK (> 0): refuse what the database would.
            "jangka_waktu_bulan": {"min_value": 1, "max_value": 32767},
            "nilai_anggaran": {"min_value": 0},
        }

    def validate(self, attrs):
        if not self.partial and "perangkat_daerah" not in attrs:
            pd = getattr(self.context["request"].user, "perangkat_daerah", None)
            if pd is None:
                raise serializers.ValidationError(
                    {"perangkat_daerah": _("Pilih Perangkat Daerah pemrakarsa.")}
                )
            attrs["perangkat_daerah"] = pd
        return attrs


class KsddUbahSerializer(KsddTulisSerializer):
    """Edit the record (``services.ksdd_update``): send only what changes. Identity fields
    (pemrakarsa, Perangkat Daerah, kategori, bentuk, mitra) are fixed once the KAK has
    been submitted (P13)."""

    versi = versi_field()

    class Meta(KsddTulisSerializer.Meta):
        fields = [*_FIELD_TULIS, "versi"]


class RiwayatSerializer(serializers.ModelSerializer):
    """One row of the KSDD's history (P13): who (null: the system), when, from which
    status to which, why, under which rule, and the files it rests on."""

    # Plain strings: the same values as ``status`` (StatusEnum) of the KSDD.
    dari = serializers.CharField(read_only=True, help_text=_("Status sebelum (lihat status KSDD)."))
    ke = serializers.CharField(read_only=True, help_text=_("Status sesudah (lihat status KSDD)."))
    oleh = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    berkas = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = RiwayatTahap
        fields = ["id", "aksi", "dari", "ke", "oleh", "waktu", "alasan", "rule", "data", "berkas"]
        read_only_fields = fields


class UbahDasarDprdSerializer(serializers.Serializer):
    """Change the inputs of the DPRD decision after the KAK is submitted (P21-1): the
    secretariat or the Ketua, with a reason and the evidence file; send only the inputs
    that change. The change is a history row (``aksi`` ``ubah_dasar_dprd``) with the old
    and the new values."""

    membebani_masyarakat = serializers.BooleanField(required=False)
    dianggarkan_apbd = serializers.BooleanField(required=False)
    nomor_dpa = serializers.CharField(required=False, allow_blank=True, max_length=100)
    alasan = serializers.CharField(
        required=False, allow_blank=True, help_text=_("Alasan perubahan (wajib).")
    )
    bukti = serializers.FileField(
        required=False,
        allow_null=True,
        help_text=_("Bukti perubahan, PDF atau DOCX (wajib): DPA/DPPA baru atau nota dinas."),
    )
    versi = versi_field()
