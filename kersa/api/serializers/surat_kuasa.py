"""Surat Kuasa of the Bupati to a Kepala Perangkat Daerah to sign a PKS (Pasal 24 ayat
2–3; P1-13, P4-2, P24-2, P24-3): the record, the input of recording one and of revoking
one. The rules (the recipient is the recorded Kepala, the copy's date, a revocation's
reason) are the services' and come back as 422 with their rule ID."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kersa.agreements.models import SuratKuasa
from kersa.regions.models import PerangkatDaerah

from ..fields import TanggalField


class SuratKuasaSerializer(serializers.ModelSerializer):
    """A recorded Surat Kuasa, and whether, when, why and by whom it was revoked."""

    perangkat_daerah_nama = serializers.CharField(source="perangkat_daerah.nama", read_only=True)
    dicatat_oleh = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    dicabut_oleh = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = SuratKuasa
        fields = [
            "id",
            "nomor",
            "tanggal",
            "pemberi",
            "penerima_nama",
            "penerima_jabatan",
            "perangkat_daerah",
            "perangkat_daerah_nama",
            "ksdd",
            "lingkup",
            "berlaku_sampai",
            "tanggal_tembusan",
            "berkas",
            "dicatat_oleh",
            "dicatat_pada",
            "dicabut",
            "tanggal_pencabutan",
            "alasan_pencabutan",
            "dicabut_oleh",
        ]
        read_only_fields = fields


class SuratKuasaCatatSerializer(serializers.Serializer):
    """Catat Surat Kuasa Bupati untuk KSDD ini (``agreements.services.surat_kuasa_create``;
    P24-2, P24-3): penerima harus Kepala Perangkat Daerah yang tercatat; tanggal tembusan
    tidak sebelum tanggal Surat Kuasa. Multipart bila menyertakan pindaian ``berkas``."""

    nomor = serializers.CharField(max_length=100)
    tanggal = TanggalField()
    pemberi = serializers.CharField(max_length=150)
    penerima_nama = serializers.CharField(max_length=150)
    penerima_nip = serializers.CharField(max_length=18, required=False, allow_blank=True)
    penerima_jabatan = serializers.CharField(max_length=150)
    perangkat_daerah = serializers.PrimaryKeyRelatedField(
        queryset=PerangkatDaerah.objects.filter(aktif=True),
        help_text=_("ID Perangkat Daerah yang Kepalanya menerima kuasa."),
    )
    lingkup = serializers.CharField()
    berlaku_sampai = TanggalField(required=False, allow_null=True)
    tanggal_tembusan = TanggalField(
        required=False,
        allow_null=True,
        help_text=_("Tanggal tembusan kepada Perangkat Daerah yang membidangi kerja sama (P24-3)."),
    )
    berkas = serializers.FileField(
        required=False, allow_null=True, help_text=_("Pindaian Surat Kuasa (PDF).")
    )


class SuratKuasaCabutSerializer(serializers.Serializer):
    """Cabut Surat Kuasa dengan alasan dan tanggalnya (``agreements.services.
    surat_kuasa_cabut``; P24-2). Alasan kosong, tanggal sebelum Surat Kuasa atau setelah
    hari ini, dan Surat Kuasa yang telah dicabut ditolak (422)."""

    tanggal = TanggalField()
    alasan = serializers.CharField(allow_blank=True)
