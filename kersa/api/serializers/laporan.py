"""The agency's semester report on each running KSDD (Pasal 27 ayat 1 dan 3): the
report, opening it, writing its parts a–i, and sending it."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kersa.agreements.models import Ksdd
from kersa.agreements.selectors import ksdd_visible_to
from kersa.reporting.choices import Semester, StatusLaporan
from kersa.reporting.models import LaporanSemester, RiwayatLaporanSemester

from ..fields import pilihan_baca
from .dokumen import DokumenSerializer


class LaporanSemesterSerializer(serializers.ModelSerializer):
    """One semester report (P27-1): its KSDD, period, status and the date it was sent."""

    ksdd_nomor_register = serializers.CharField(source="ksdd.nomor_register", read_only=True)
    perangkat_daerah = serializers.IntegerField(source="ksdd.perangkat_daerah_id", read_only=True)
    kode = serializers.CharField(read_only=True, help_text=_("Kode semester, mis. 2026-1"))
    semester = pilihan_baca(Semester, integer=True)
    status = pilihan_baca(StatusLaporan)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = LaporanSemester
        fields = [
            "id",
            "ksdd",
            "ksdd_nomor_register",
            "perangkat_daerah",
            "tahun",
            "semester",
            "kode",
            "status",
            "status_label",
            "judul",
            "tanggal_disampaikan",
            "dokumen",
            "dibuat_pada",
            "diubah_pada",
        ]
        read_only_fields = fields


class RiwayatLaporanSerializer(serializers.ModelSerializer):
    dari = pilihan_baca(StatusLaporan)
    ke = pilihan_baca(StatusLaporan)
    oleh = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = RiwayatLaporanSemester
        fields = ["dari", "ke", "oleh", "alasan", "pada"]
        read_only_fields = fields


class LaporanSemesterDetailSerializer(LaporanSemesterSerializer):
    """The report with its parts a–i of Pasal 27 ayat (3) (P27-3), its DOCX addressed to
    the Bupati (once sent) and its history."""

    dokumen = DokumenSerializer(read_only=True, allow_null=True)
    riwayat = RiwayatLaporanSerializer(many=True, read_only=True)

    class Meta(LaporanSemesterSerializer.Meta):
        fields = [
            *LaporanSemesterSerializer.Meta.fields,
            *(f for f in LaporanSemester.BAGIAN if f != "judul"),
            "riwayat",
        ]
        read_only_fields = fields


class _KsddTerlihatField(serializers.PrimaryKeyRelatedField):
    """A KSDD the requesting user may see (``ksdd_visible_to``); any other id is 400."""

    def get_queryset(self):
        return ksdd_visible_to(self.context["request"].user)


class LaporanSemesterBuatSerializer(serializers.Serializer):
    """Open the semester report of a KSDD in pelaksanaan, parts a–f taken from its record
    (``services.laporan_semester_buat``; P27-1)."""

    ksdd = _KsddTerlihatField(queryset=Ksdd.objects.none())
    tahun = serializers.IntegerField(min_value=2000, max_value=2100)
    semester = serializers.ChoiceField(choices=Semester.choices)


class LaporanSemesterUbahSerializer(serializers.ModelSerializer):
    """Write parts a–i of a draft (``services.laporan_semester_ubah``): send only what
    changes; a–f may be corrected, g–i are the agency's. A sent report is refused (P27-1)."""

    class Meta:
        model = LaporanSemester
        fields = LaporanSemester.BAGIAN
        extra_kwargs = {f: {"required": False, "allow_blank": True} for f in fields}
