"""Input fields shared by the API's serializers."""

from __future__ import annotations

import json

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.fields import empty
from rest_framework.utils import html

from kersa.core.format import TANGGAL_MAKS, TANGGAL_MIN  # one range, web and API
from kersa.core.saring import VERSI_MAKS
from kersa.regions.models import Wilayah


class TanggalField(serializers.DateField):
    """A date between 1900 and 2100.

    Letters and agreements never fall outside that range, and the rules compute on
    dates (a KB's end is its start + 5 years, P19-3): year 9999 would overflow there.
    """

    default_error_messages = {
        "rentang": _("Tanggal harus di antara %(min)s dan %(maks)s."),
    }

    def to_internal_value(self, value):
        tanggal = super().to_internal_value(value)
        if not TANGGAL_MIN <= tanggal <= TANGGAL_MAKS:
            self.fail(
                "rentang",
                min=TANGGAL_MIN.strftime("%d-%m-%Y"),
                maks=TANGGAL_MAKS.strftime("%d-%m-%Y"),
            )
        return tanggal


class BooleanWajib(serializers.BooleanField):
    """A required boolean that is required in multipart forms too.

    DRF reads a boolean missing from an HTML form as ``False`` (an unticked checkbox);
    for a decision such as ``layak`` a missing value must be an error, not a "no".
    """

    default_empty_html = empty


class JsonDalam(serializers.JSONField):
    """A structured value (list or object) checked by ``isi``, a field or serializer.

    A JSON body carries it as JSON; a multipart form as a JSON string (the string is
    parsed in JSON bodies too). A list of plain values may also come as repeated
    form keys (``alasan_penolakan=a&alasan_penolakan=b``).
    """

    default_error_messages = {
        "invalid": _("Nilai harus berupa JSON yang sah."),
        # Issue 19: a NUL inside the JSON string of a multipart form (a signer's
        # ``wilayah``, a ``penerimaan`` key) reached PostgreSQL, which cannot hold it: 500.
        "nul": _("Permintaan memuat karakter NUL (\\x00) yang tidak sah."),
    }

    def __init__(self, isi: serializers.Field, **kwargs):
        self.isi = isi
        super().__init__(**kwargs)

    def get_value(self, dictionary):
        if html.is_html_input(dictionary):
            if self.field_name not in dictionary:
                return empty
            values = dictionary.getlist(self.field_name)
            return values if len(values) > 1 else values[0]
        return dictionary.get(self.field_name, empty)

    def to_internal_value(self, data):
        if isinstance(data, str | bytes):
            try:
                data = json.loads(data)
            except (ValueError, RecursionError):
                self.fail("invalid")
        if _ada_nul(data):
            self.fail("nul")
        return self.isi.run_validation(data)

    def to_representation(self, value):
        return self.isi.to_representation(value)


def _ada_nul(data, kedalaman: int = 0) -> bool:
    """A NUL character in any string, key or value, of a parsed JSON value."""
    if isinstance(data, str):
        return "\x00" in data
    if kedalaman > 50:  # deeper than any of KERSA's values; the field refuses it itself
        return False
    if isinstance(data, dict):
        return any(_ada_nul(k) or _ada_nul(v, kedalaman + 1) for k, v in data.items())
    if isinstance(data, list):
        return any(_ada_nul(v, kedalaman + 1) for v in data)
    return False


class KodeWilayahField(serializers.PrimaryKeyRelatedField):
    """A region by its Kemendagri code, always a string (``"62.13"``, never ``62.13``);
    a code with a NUL character is refused before the database sees it (issue 19)."""

    default_error_messages = {"nul": _("Permintaan memuat karakter NUL (\\x00) yang tidak sah.")}

    def __init__(self, **kwargs):
        if not kwargs.get("read_only"):
            kwargs.setdefault("queryset", Wilayah.objects.all())
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("incorrect_type", data_type=type(data).__name__)
        if "\x00" in data:
            self.fail("nul")
        return super().to_internal_value(data)


def versi_field() -> serializers.IntegerField:
    """The optional ``versi`` every write accepts: the KSDD's version the client loaded.
    When it no longer matches, the write is refused with 409."""
    return serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=VERSI_MAKS,
        help_text=_(
            "Versi KSDD yang dimuat klien. Bila KSDD telah diubah sejak itu, permintaan "
            "ditolak dengan 409."
        ),
    )


def pilihan_baca(choices, *, integer: bool = False, **kwargs) -> serializers.Field:
    """A read-only choice value shown as a plain string (or integer) with its values in
    the help text, as ``RiwayatSerializer.dari`` is: many models share field names
    (``status``, ``semester``, ``dari``, ``ke``) over different choice sets, and named
    enums for each would collide in the schema."""
    nilai = ", ".join(str(v) for v in choices.values)
    cls = serializers.IntegerField if integer else serializers.CharField
    return cls(read_only=True, help_text=_("Salah satu dari: %s.") % nilai, **kwargs)


class _PilihanPolos(serializers.ChoiceField):
    """Shown as a string whose ``pattern`` lists the values (``kersa.api.schema``): a
    client or schemathesis knows the values the field accepts, without a named enum."""


def pilihan_masuk(choices, **kwargs) -> serializers.ChoiceField:
    """A ``ChoiceField`` shown in the schema as a string with its values in the help text:
    input fields named alike (``jenis`` of a region, a meeting, an agenda item) carry
    different choice sets, and named enums for each would collide."""
    nilai = ", ".join(str(v) for v in choices.values)
    kwargs.setdefault("help_text", _("Salah satu dari: %s.") % nilai)
    return _PilihanPolos(choices=choices.choices, **kwargs)
