"""Query filters of the API. The KSDD register's filters are the web register's
(``agreements.filters.KsddFilter``); the other rooms filter as their web pages do."""

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

from kersa.agreements.choices import Kategori, KelompokUrusan
from kersa.agreements.filters import KsddFilter
from kersa.agreements.models import Bentuk, Ksdd, Urusan
from kersa.core.saring import ID_MAKS, TAHUN_MAKS, TAHUN_MIN
from kersa.deadlines.choices import StatusTenggat
from kersa.deadlines.models import Tenggat
from kersa.deadlines.selectors import GRUP, q_grup, q_terbuka
from kersa.governance.choices import JenisKeputusan, JenisRapat, StatusRapat
from kersa.governance.models import KeputusanBupati, ProgramKerja, Rapat
from kersa.oversight.choices import BentukPembinaan
from kersa.oversight.models import (
    KeanggotaanAsosiasi,
    KegiatanPembinaan,
    MonitoringEvaluasi,
    Perselisihan,
    StatusPerselisihan,
)
from kersa.oversight.selectors import keanggotaan_daftar
from kersa.planning.models import Identifikasi
from kersa.regions.choices import JenisWilayah
from kersa.regions.models import PerangkatDaerah, Wilayah
from kersa.reporting.choices import Semester, StatusLaporan
from kersa.reporting.models import LaporanSemester
from kersa.reporting.statistik import ksdd_publik

# One range of years, web and API alike (``kersa.core.saring``).
_TAHUN = {"min_value": TAHUN_MIN, "max_value": TAHUN_MAKS}
_ID = {"min_value": 1, "max_value": ID_MAKS}


_TAK_ADA = object()  # a well-formed reference to a row that does not exist


class _AcuanField(ModelChoiceField):
    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as e:
            if e.code != "invalid_choice":
                raise
            meta = self.queryset.model._meta
            kolom = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
            # A malformed key (``?urusan=abc``, ``10**30``, 0, an overlong code) stays a 400.
            kunci = kolom.clean(value, None)
            if isinstance(kunci, int) and not 1 <= kunci <= ID_MAKS:
                raise
            return _TAK_ADA


class AcuanFilter(django_filters.ModelChoiceFilter):
    """A filter by a reference (an id or a region code). A well-formed key that matches no
    row selects nothing (200 with an empty list), as it would if the row had no KSDD: the
    schema cannot list the rows, so schemathesis sends keys the schema allows (issue 19,
    ``positive_data_acceptance``). A malformed key is still refused with 400."""

    field_class = _AcuanField

    def filter(self, qs, value):
        if value is _TAK_ADA:
            return qs.none()
        return super().filter(qs, value)


class KsddApiFilter(KsddFilter):
    """The register's filters, with ``tahun`` bounded: an unbounded year (``?tahun=0``)
    makes the ``__year`` lookup raise ValueError (a 500) instead of a 400; and references
    that match nothing select nothing (``AcuanFilter``)."""

    tahun = django_filters.NumberFilter(label=_("Tahun"), field_name="dibuat_pada__year", **_TAHUN)
    bentuk = AcuanFilter(label=_("Bentuk"), queryset=Bentuk.objects.all())
    urusan = AcuanFilter(label=_("Urusan"), queryset=Urusan.objects.all())
    mitra = AcuanFilter(
        label=_("Daerah mitra"), queryset=Wilayah.objects.all(), to_field_name="kode"
    )
    perangkat_daerah = AcuanFilter(
        label=_("Perangkat Daerah"), queryset=PerangkatDaerah.objects.all()
    )


class WilayahFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari nama atau kode"), method="cari")
    jenis = django_filters.ChoiceFilter(label=_("Jenis"), choices=JenisWilayah.choices)
    provinsi = AcuanFilter(
        label=_("Provinsi (kode)"), queryset=Wilayah.objects.filter(jenis=JenisWilayah.PROVINSI)
    )

    class Meta:
        model = Wilayah
        fields = ["q", "jenis", "provinsi"]

    def cari(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(nama__icontains=value) | Q(kode__startswith=value))


class UrusanFilter(django_filters.FilterSet):
    kelompok = django_filters.ChoiceFilter(label=_("Kelompok"), choices=KelompokUrusan.choices)

    class Meta:
        model = Urusan
        fields = ["kelompok"]


class PerangkatDaerahFilter(django_filters.FilterSet):
    aktif = django_filters.BooleanFilter(label=_("Aktif"))

    class Meta:
        model = PerangkatDaerah
        fields = ["aktif"]


# --- the rooms of TKKSD, planning, reporting and oversight ------------------------------


class RapatFilter(django_filters.FilterSet):
    tahun = django_filters.NumberFilter(label=_("Tahun"), field_name="tanggal__year", **_TAHUN)
    jenis = django_filters.ChoiceFilter(label=_("Jenis rapat"), choices=JenisRapat.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusRapat.choices)

    class Meta:
        model = Rapat
        fields = ["tahun", "jenis", "status"]


class KeputusanBupatiFilter(django_filters.FilterSet):
    jenis = django_filters.ChoiceFilter(label=_("Jenis"), choices=JenisKeputusan.choices)

    class Meta:
        model = KeputusanBupati
        fields = ["jenis"]


class ProgramKerjaFilter(django_filters.FilterSet):
    tahun = django_filters.NumberFilter(label=_("Tahun"), **_TAHUN)

    class Meta:
        model = ProgramKerja
        fields = ["tahun"]


class IdentifikasiFilter(django_filters.FilterSet):
    """The web page's filters (``planning.views.rencana.daftar``): plan year and category."""

    tahun = django_filters.NumberFilter(
        label=_("Rencana untuk tahun"), field_name="tahun_rencana", **_TAHUN
    )
    kategori = django_filters.ChoiceFilter(label=_("Kategori"), choices=Kategori.choices)

    class Meta:
        model = Identifikasi
        fields = ["tahun", "kategori"]


class LaporanSemesterFilter(django_filters.FilterSet):
    tahun = django_filters.NumberFilter(label=_("Tahun"), **_TAHUN)
    semester = django_filters.ChoiceFilter(label=_("Semester"), choices=Semester.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusLaporan.choices)
    ksdd = django_filters.NumberFilter(label=_("ID KSDD"), **_ID)

    class Meta:
        model = LaporanSemester
        fields = ["tahun", "semester", "status", "ksdd"]


class MonevFilter(django_filters.FilterSet):
    tahun = django_filters.NumberFilter(label=_("Tahun"), **_TAHUN)
    semester = django_filters.ChoiceFilter(label=_("Semester"), choices=Semester.choices)
    perangkat_daerah = django_filters.NumberFilter(label=_("ID Perangkat Daerah"), **_ID)

    class Meta:
        model = MonitoringEvaluasi
        fields = ["tahun", "semester", "perangkat_daerah"]


class PerselisihanFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusPerselisihan.choices)

    class Meta:
        model = Perselisihan
        fields = ["status"]


class KegiatanPembinaanFilter(django_filters.FilterSet):
    tahun = django_filters.NumberFilter(label=_("Tahun"), field_name="tanggal__year", **_TAHUN)
    bentuk = django_filters.ChoiceFilter(label=_("Bentuk"), choices=BentukPembinaan.choices)

    class Meta:
        model = KegiatanPembinaan
        fields = ["tahun", "bentuk"]


class KeanggotaanFilter(django_filters.FilterSet):
    aktif = django_filters.BooleanFilter(
        label=_("Aktif (belum berakhir hari ini)"), method="saring_aktif"
    )

    class Meta:
        model = KeanggotaanAsosiasi
        fields = ["aktif"]

    def saring_aktif(self, queryset, name, value):
        # "Active" as the web page reads it (selectors.keanggotaan_daftar).
        return queryset.filter(pk__in=keanggotaan_daftar(aktif=value).values("pk"))


class PublikFilter(django_filters.FilterSet):
    """The public register's search (``reporting.views.publik``): words in the title,
    partner, urusan or number, and the year of signing."""

    q = django_filters.CharFilter(label=_("Cari judul, daerah, urusan atau nomor"), max_length=100)
    tahun = django_filters.NumberFilter(
        label=_("Tahun penandatanganan"), min_value=1991, max_value=2199
    )

    class Meta:
        model = Ksdd
        fields = ["q", "tahun"]

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        return ksdd_publik(q=data.get("q") or "", tahun=data.get("tahun"))


class TenggatFilter(django_filters.FilterSet):
    """The Tenggat page's filters (agency, its open list and groups) and a few more."""

    pd = django_filters.NumberFilter(
        label=_("Perangkat Daerah (id)"), field_name="perangkat_daerah", **_ID
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StatusTenggat.choices)
    rule = django_filters.CharFilter(label=_("Aturan (mis. P22-3)"), field_name="rule")
    ksdd = django_filters.NumberFilter(label=_("KSDD (id)"), field_name="ksdd", **_ID)
    jatuh_tempo_dari = django_filters.DateFilter(
        label=_("Jatuh tempo sejak"), field_name="jatuh_tempo", lookup_expr="gte"
    )
    jatuh_tempo_sampai = django_filters.DateFilter(
        label=_("Jatuh tempo sampai"), field_name="jatuh_tempo", lookup_expr="lte"
    )
    terbuka = django_filters.BooleanFilter(
        label=_("Hanya yang masih terbuka (berjalan, atau terlewat dalam 30 hari terakhir)"),
        method="saring_terbuka",
    )
    grup = django_filters.ChoiceFilter(
        label=_("Kelompok halaman Tenggat"),
        choices=[(g, g) for g in GRUP],
        method="saring_grup",
    )

    class Meta:
        model = Tenggat
        fields = ["pd", "status", "rule", "ksdd"]

    def _hari_ini(self):
        from django.utils import timezone

        return timezone.localdate()

    def _q_terbuka(self):
        return q_terbuka(self._hari_ini())

    def saring_terbuka(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(self._q_terbuka()) if value else queryset.exclude(self._q_terbuka())

    def saring_grup(self, queryset, name, value):
        """One group of the Tenggat page: ``deadlines.selectors.q_grup``, the page's own."""
        return queryset.filter(q_grup(value, self._hari_ini()))
