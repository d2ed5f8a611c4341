"""The register's filters, shared by the register page and the API (django-filter)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kersa.core.saring import TAHUN_MAKS, TAHUN_MIN
from kersa.regions.models import PerangkatDaerah, Wilayah

from .choices import Kategori, Status, Tahap, status_dalam_tahap
from .models import Bentuk, Ksdd, Urusan


class KsddFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Cari"), method="cari")
    tahap = django_filters.ChoiceFilter(label=_("Tahap"), choices=Tahap.choices, method="per_tahap")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    kategori = django_filters.ChoiceFilter(label=_("Kategori"), choices=Kategori.choices)
    bentuk = django_filters.ModelChoiceFilter(label=_("Bentuk"), queryset=Bentuk.objects.all())
    urusan = django_filters.ModelChoiceFilter(label=_("Urusan"), queryset=Urusan.objects.all())
    mitra = django_filters.ModelChoiceFilter(
        label=_("Daerah mitra"),
        queryset=Wilayah.objects.all(),
        to_field_name="kode",
    )
    tahun = django_filters.NumberFilter(
        label=_("Tahun"), field_name="dibuat_pada__year", min_value=TAHUN_MIN, max_value=TAHUN_MAKS
    )
    perangkat_daerah = django_filters.ModelChoiceFilter(
        label=_("Perangkat Daerah"), queryset=PerangkatDaerah.objects.all()
    )

    class Meta:
        model = Ksdd
        fields = [
            "q",
            "tahap",
            "status",
            "kategori",
            "bentuk",
            "urusan",
            "mitra",
            "tahun",
            "perangkat_daerah",
        ]

    def cari(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(judul__icontains=value)
            | Q(nomor_register__icontains=value)
            | Q(lokasi__icontains=value)
            | Q(mitra__nama__icontains=value)
        ).distinct()

    def per_tahap(self, queryset, name, value):
        return queryset.filter(status__in=status_dalam_tahap(value))
