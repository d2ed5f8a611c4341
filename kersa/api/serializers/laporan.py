"""The agency's semester report on each running KSDD (Pasal 27 ayat 1 dan 3): the
report, opening it, writing its parts a–i, and sending it; TKKSD's semester and annual
report (Pasal 34 ayat 2 huruf j dan ayat 3); the Bupati's report run (Pasal 27 ayat 2)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from kersa.agreements.models import Ksdd
from kersa.agreements.selectors import ksdd_visible_to
from kersa.reporting.choices import JenisLaporanTkksd, Semester, StatusLaporan, StatusProses
from kersa.reporting.models import (
    LaporanSemester,
    LaporanTkksd,
    ProsesLaporan,
    RiwayatLaporanSemester,
    RiwayatLaporanTkksd,
)

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
        fields = ["dari", "ke", "oleh", "alasan", "rule", "pada"]
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


# --- TKKSD's semester and annual report (Pasal 34 ayat 2 huruf j dan ayat 3) ---------------

BAGIAN_TKKSD = ["pendahuluan", "pelaksanaan_tugas", "rapat", "permasalahan", "rekomendasi"]


class LaporanTkksdSerializer(serializers.ModelSerializer):
    """TKKSD's report to the Bupati for a semester (P34-2j); semester II is also the
    annual report (P34-3)."""

    kode = serializers.CharField(read_only=True, help_text=_("Kode semester, mis. 2026-1"))
    semester = pilihan_baca(Semester, integer=True)
    jenis = pilihan_baca(JenisLaporanTkksd)
    jenis_label = serializers.CharField(source="get_jenis_display", read_only=True)
    status = pilihan_baca(StatusLaporan)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = LaporanTkksd
        fields = [
            "id",
            "tahun",
            "semester",
            "kode",
            "jenis",
            "jenis_label",
            "status",
            "status_label",
            "tanggal_disampaikan",
            "dokumen",
            "dibuat_pada",
        ]
        read_only_fields = fields


class RiwayatLaporanTkksdSerializer(serializers.ModelSerializer):
    dari = pilihan_baca(StatusLaporan)
    ke = pilihan_baca(StatusLaporan)
    oleh = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = RiwayatLaporanTkksd
        fields = ["dari", "ke", "oleh", "alasan", "rule", "pada"]
        read_only_fields = fields


class LaporanTkksdDetailSerializer(LaporanTkksdSerializer):
    """The report with its narrative parts, its DOCX (once sent) and its history."""

    dokumen = DokumenSerializer(read_only=True, allow_null=True)
    riwayat = RiwayatLaporanTkksdSerializer(many=True, read_only=True)

    class Meta(LaporanTkksdSerializer.Meta):
        fields = [*LaporanTkksdSerializer.Meta.fields, *BAGIAN_TKKSD, "riwayat"]
        read_only_fields = fields


class LaporanTkksdBuatSerializer(serializers.Serializer):
    """Open TKKSD's report of a semester (``services.laporan_tkksd_buat``; P34-2j, P34-3):
    one per semester."""

    tahun = serializers.IntegerField(min_value=2000, max_value=2100)
    semester = serializers.ChoiceField(choices=Semester.choices)


class LaporanTkksdUbahSerializer(serializers.ModelSerializer):
    """Write the narrative parts of a draft (``services.laporan_tkksd_ubah``): send only
    what changes. A sent report is refused (P34-2j)."""

    class Meta:
        model = LaporanTkksd
        fields = BAGIAN_TKKSD
        extra_kwargs = {f: {"required": False, "allow_blank": True} for f in fields}


# --- the Bupati's report to the Gubernur (Pasal 27 ayat 2) ----------------------------------


class ProsesLaporanMulaiSerializer(serializers.Serializer):
    """Start the Bupati's consolidated report of a semester
    (``services.proses_laporan_bupati_mulai``; P27-2); the worker builds it."""

    tahun = serializers.IntegerField(min_value=2000, max_value=2100)
    semester = serializers.ChoiceField(choices=Semester.choices)


class ProsesLaporanSerializer(serializers.ModelSerializer):
    """One run of the Bupati's report (P27-2): its progress (``status``, ``persen``,
    ``pesan``; poll ``url`` while ``berjalan``) and, once done, its DOCX (``dokumen`` id,
    with versions and download URLs in ``dokumen_docx``) and its XLSX (``xlsx`` URL)."""

    kode = serializers.CharField(read_only=True, help_text=_("Kode semester, mis. 2026-1"))
    semester = pilihan_baca(Semester, integer=True)
    status = pilihan_baca(StatusProses)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    berjalan = serializers.BooleanField(read_only=True)
    dokumen_docx = DokumenSerializer(source="dokumen", read_only=True, allow_null=True)
    xlsx = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()

    class Meta:
        model = ProsesLaporan
        fields = [
            "id",
            "url",
            "tahun",
            "semester",
            "kode",
            "status",
            "status_label",
            "berjalan",
            "persen",
            "pesan",
            "jumlah_laporan",
            "dokumen",
            "dokumen_docx",
            "xlsx",
            "dibuat_pada",
            "selesai_pada",
        ]
        read_only_fields = fields

    def _mutlak(self, url: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url

    def get_url(self, obj) -> str:
        """Where to poll the run's progress."""
        return self._mutlak(reverse("api:laporan-bupati-detail", args=[obj.pk]))

    def get_xlsx(self, obj) -> str | None:
        if not obj.berkas_xlsx:
            return None
        return self._mutlak(reverse("api:laporan-bupati-xlsx", args=[obj.pk]))
