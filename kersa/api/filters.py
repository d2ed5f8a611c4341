"""Query filters of the API. The KSDD register's filters are the web register's
(``agreements.filters.KsddFilter``)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kersa.agreements.choices import KelompokUrusan
from kersa.agreements.filters import KsddFilter
from kersa.agreements.models import Urusan
from kersa.regions.choices import JenisWilayah
from kersa.regions.models import PerangkatDaerah, Wilayah


class KsddApiFilter(KsddFilter):
    """The register's filters, with ``tahun`` bounded: an unbounded year (``?tahun=0``)
    makes the ``__year`` lookup raise ValueError (a 500) instead of a 400."""

    tahun = django_filters.NumberFilter(
        label=_("Tahun"), field_name="dibuat_pada__year", min_value=1900, max_value=2100
    )


class WilayahFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari nama atau kode"), method="cari")
    jenis = django_filters.ChoiceFilter(label=_("Jenis"), choices=JenisWilayah.choices)
    provinsi = django_filters.ModelChoiceFilter(
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
