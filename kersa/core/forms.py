"""What every form of KERSA does with the regulation's refusals, and the form kit.

A service refuses with a ``RuleViolation``; the form shows each ``Pelanggaran`` on
the field it names as "<detail> [<rule>]", so the clerk reads what is wrong, which
Pasal requires it, and keeps what was typed. A field the law requires says the same
when it is left empty: ``pesan_wajib`` (or ``wajib()`` for a message that depends on
the data) replaces Django's generic "Kolom ini harus diisi." with the rule's own words.

The kit every room's forms build on: ``FormKersa`` (refusals on their fields, fields in
groups; ``ModelFormKersa`` the same on a model's fields), ``TanggalField`` (dd-mm-yyyy), ``RupiahField`` (amounts as people write them),
``ya_tidak`` and ``teks``. Two pieces live with the room that owns what they check:
``documents.forms.BerkasField`` (an upload checked by content) and
``regions.forms.WilayahField`` (a region by its Kemendagri code); ``core`` imports no app.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext_lazy

from .errors import Pelanggaran, RuleViolation
from .format import TANGGAL_MAKS, TANGGAL_MIN

# The error keys that mean "the required value is missing or not one of the choices".
KUNCI_WAJIB = ("required", "invalid_choice", "invalid_pk_value")


def pesan_pelanggaran(p: Pelanggaran) -> str:
    """How a refusal reads on a form: the message, then the rule ID."""
    return f"{p.detail} [{p.rule}]"


class PelanggaranMixin:
    """Mix into a ``Form`` or ``ModelForm``.

    ``alias_field`` maps a field named by a service (``Pelanggaran.field``) to the form
    field that carries it; a field the form does not have becomes a non-field error.
    ``pesan_wajib`` maps a field the law requires to (rule ID, message citing the Pasal).
    """

    alias_field: dict[str, str] = {}
    pesan_wajib: dict[str, tuple[str, str]] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for nama, (rule, pesan) in self.pesan_wajib.items():
            self.wajib(nama, rule, pesan)

    def wajib(self, nama: str, rule: str, pesan, kunci=KUNCI_WAJIB) -> None:
        """Field ``nama``, left out (or, for the ``kunci`` given, malformed), says
        ``pesan`` as a refusal of ``rule`` reads."""
        teks = pesan_pelanggaran(Pelanggaran(rule, pesan))
        for k in kunci:
            self.fields[nama].error_messages[k] = teks

    def tambah_pelanggaran(self, exc: RuleViolation) -> None:
        for p in exc.pelanggaran:
            nama = self.alias_field.get(p.field or "", p.field)
            self.add_error(nama if nama in self.fields else None, pesan_pelanggaran(p))


class FormPelanggaran(PelanggaranMixin, forms.Form):
    """A plain form that shows the regulation's refusals (see ``PelanggaranMixin``)."""


class KelompokMixin:
    """Fields shown in groups: ``kelompok_field`` lists (legend, field names) for display;
    fields not listed come last, in a group without a legend."""

    kelompok_field: list[tuple[str | None, list[str]]] = []

    def kelompok(self) -> list[tuple[str | None, list[forms.BoundField]]]:
        visible = {bf.name: bf for bf in self.visible_fields()}  # type: ignore[attr-defined]
        groups = []
        for legend, names in self.kelompok_field:
            fields = [visible.pop(n) for n in names if n in visible]
            if fields:
                groups.append((legend, fields))
        if visible:
            groups.append((None, list(visible.values())))
        return groups


class FormKersa(KelompokMixin, FormPelanggaran):
    """A form whose service refusals become form errors (``PelanggaranMixin``) and whose
    fields show in groups (``KelompokMixin``)."""


class ModelFormKersa(PelanggaranMixin, KelompokMixin, forms.ModelForm):
    """``FormKersa`` on a model's fields (labels, help texts, lengths and required-ness
    from the model). The form only collects input for a service, which holds the rules
    and writes the record: it is never ``save()``d, and the model's own validation is
    left to that service (``_post_clean`` does nothing), so every refusal comes with its
    rule ID, once. Its initial values are those the caller gives and the model's
    defaults, as a plain form's: not those of a blank record."""

    def __init__(self, *args, **kwargs):
        initial = dict(kwargs.get("initial") or {})
        super().__init__(*args, **kwargs)
        self.initial = initial

    def _post_clean(self):
        pass


def kabarkan_penolakan(request, exc: RuleViolation) -> None:
    """A refusal of an action that has no form on its page (a button, a list's select):
    each ``Pelanggaran`` becomes an error message shown after the redirect."""
    for p in exc.pelanggaran:
        messages.error(request, pesan_pelanggaran(p))


# --- dates: dd-mm-yyyy whatever the browser's locale -------------------------------------

# Written as Indonesian letters write them; ISO (what an <input type=date> or a script
# sends) is accepted too. Never the month first: "02/12/2026" is 2 December.
FORMAT_TANGGAL = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d")


class TanggalInput(forms.DateInput):
    """A date typed as dd-mm-yyyy. Not ``type=date``: the browser shows that in its own
    locale (an English browser showed 2 December 2026 as 12/02/2026)."""

    def __init__(self, attrs=None):
        base = {
            "placeholder": "hh-bb-tttt",
            "inputmode": "numeric",
            "autocomplete": "off",
            "pattern": r"\d{1,2}[\-/.]\d{1,2}[\-/.]\d{4}|\d{4}-\d{2}-\d{2}",
            "class": "tanggal",
        }
        super().__init__(attrs={**base, **(attrs or {})}, format="%d-%m-%Y")


class TanggalField(forms.DateField):
    """A date of a letter, a receipt or an act: starts empty (a statutory clock may start
    from it, so no day is chosen for the clerk) and reads dd-mm-yyyy in every language.
    ``hari_ini=True`` starts a field that is not a legal date (a planned start, a
    filter) at today."""

    widget = TanggalInput
    input_formats = FORMAT_TANGGAL
    default_error_messages = {
        "rentang": gettext_lazy("Tanggal harus di antara %(min)s dan %(maks)s."),
    }

    def __init__(self, *, hari_ini: bool = False, **kwargs):
        if hari_ini:
            kwargs.setdefault("initial", timezone.localdate)
        kwargs.setdefault("help_text", gettext_lazy("Format hh-bb-tttt, misalnya 02-03-2026."))
        super().__init__(**kwargs)

    def validate(self, value):
        """The API's range (``core.format.TANGGAL_MIN``…``TANGGAL_MAKS``): year 0001 or
        9999 is refused on the web as it is in the API."""
        super().validate(value)
        if value and not TANGGAL_MIN <= value <= TANGGAL_MAKS:
            raise forms.ValidationError(
                self.error_messages["rentang"],
                code="rentang",
                params={
                    "min": TANGGAL_MIN.strftime("%d-%m-%Y"),
                    "maks": TANGGAL_MAKS.strftime("%d-%m-%Y"),
                },
            )


# --- amounts, yes/no, text -------------------------------------------------------------


class RupiahField(forms.DecimalField):
    """An amount in rupiah as people write it: "Rp 450.000.000" or "450000000,50"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 0)  # as the API: no amount here is negative
        kwargs.setdefault("max_digits", 16)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"(?i)^\s*rp\.?|\s", "", value)
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
            elif re.fullmatch(r"\d{1,3}(\.\d{3})+", value):
                value = value.replace(".", "")
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal) and value == value.to_integral():
            return str(value.quantize(Decimal(1)))
        return super().prepare_value(value)


def ya_tidak(label, ya, tidak, **kwargs) -> forms.TypedChoiceField:
    """A yes/no question answered with two radio buttons labelled ``ya`` and ``tidak``."""
    return forms.TypedChoiceField(
        label=label,
        choices=[("1", ya), ("0", tidak)],
        coerce=lambda v: v in ("1", 1, True),
        widget=forms.RadioSelect,
        **kwargs,
    )


def teks(label, *, required: bool = True, rows: int = 3, **kwargs) -> forms.CharField:
    """A free text of ``rows`` lines."""
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}), **kwargs
    )
