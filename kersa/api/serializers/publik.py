"""The public register: signed agreements only, the fields of the public page
(``reporting.views.publik``). No drafts, no internal letters, no person's name: of the
signatories only their office (jabatan)."""

from __future__ import annotations

from rest_framework import serializers


class KsddPublikSerializer(serializers.Serializer):
    """One signed agreement as the public page shows it (one row of
    ``reporting.statistik.baris_publik``)."""

    nomor_register = serializers.CharField(source="ksdd.nomor_register")
    judul = serializers.CharField(source="ksdd.judul")
    para_pihak = serializers.SerializerMethodField()
    urusan = serializers.ListField(child=serializers.CharField())
    kategori = serializers.CharField(source="ksdd.kategori")
    kategori_label = serializers.CharField(source="ksdd.get_kategori_display")
    bentuk = serializers.CharField(source="ksdd.bentuk.nama")
    tanggal_kb = serializers.DateField(source="kb.tanggal_ditandatangani", allow_null=True)
    tanggal_pks = serializers.DateField(source="pks.tanggal_ditandatangani", allow_null=True)
    berlaku_mulai = serializers.DateField(source="mulai", allow_null=True)
    berlaku_sampai = serializers.DateField(source="berakhir", allow_null=True)
    penandatangan = serializers.ListField(
        child=serializers.CharField(), help_text="Jabatan para penanda tangan."
    )
    keadaan = serializers.CharField()

    def get_para_pihak(self, obj: dict) -> list[str]:
        return [obj["daerah"], *obj["mitra"]]
