"""The register's filters, shared by the register page and the API (django-filter)."""

import django_filters
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
        """Text search of the register: title, register number, location or a partner's
        name containing ``value``. Written as the union of four single-column searches
        so that on PostgreSQL each is served by its trigram index (migration
        0015_i18s_cari_trigram) instead of a scan of the whole register joined to its
        partners; on SQLite the same query is a plain ``LIKE``."""
        value = value.strip()
        if not value:
            return queryset
        semua = Ksdd.objects.order_by()
        cocok = (
            semua.filter(judul__icontains=value)
            .values("pk")
            .union(
                semua.filter(nomor_register__icontains=value).values("pk"),
                semua.filter(lokasi__icontains=value).values("pk"),
                Ksdd.mitra.through.objects.filter(
                    wilayah__in=Wilayah.objects.filter(nama__icontains=value).values("pk")
                )
                .order_by()
                .values("ksdd_id"),
            )
        )
        return queryset.filter(pk__in=cocok)

    def per_tahap(self, queryset, name, value):
        return queryset.filter(status__in=status_dalam_tahap(value))
