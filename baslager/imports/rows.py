"""One row of a file read into the values the employer services take, with a message per field
for what cannot be read.

Text fields go through the fields of the employer and contact forms themselves, and the
organisation number through the same normalisation, so a row passes exactly the checks the page
applies. Industry, kommun, kind, size, stage and coach arrive as words or codes and are looked up
here: once per file or chunk, not once per row. What cannot be looked up is a warning, and the
field is left empty: these fields are optional.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from baslager.employers.forms import ContactPersonForm, EmployerForm
from baslager.employers.models import EmployerKind, SizeBand, Stage
from baslager.employers.numbers import normalise_organisation_number
from baslager.employers.selectors import employer_name_key
from baslager.organisations.models import Membership
from baslager.participants.selectors import coach_candidates
from baslager.taxonomy.kommuner import KOMMUNER
from baslager.taxonomy.models import Industry

from .columns import header_key

ERROR = "error"
WARNING = "warning"

_KIND_WORDS = {
    EmployerKind.COMPANY: "företag aktiebolag ab privat privatföretag näringsliv",
    EmployerKind.PUBLIC_SECTOR: "offentlig offentligsektor kommun region myndighet statlig",
    EmployerKind.SOCIAL_ENTERPRISE: "asf socialtföretag arbetsintegrerandesocialtföretag",
    EmployerKind.SMALL_PRODUCER: "småproducent småskaligproducent",
    EmployerKind.ASSOCIATION: "förening ideell ideellförening",
}
_STAGE_WORDS = {Stage.PARTNER: "samarbetspartner"}
# A sole trader's personal identity number as our export writes it, its last four hidden.
_MASKED_NUMBER = re.compile(r"^\d{8}-\*{4}$")
_DIGITS_WITH_SPACES = re.compile(r"(?<=\d)[\s\u00a0](?=\d)")
_FIRST_NUMBER = re.compile(r"\d+")


def _choice_words(choices, words: dict) -> dict[str, str]:
    """{word: value} from each choice's value, its label in every language and ``words``."""
    known = {}
    for value, extra in words.items():
        for word in extra.split():
            known[word] = value
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for choice in choices:
                known.setdefault(header_key(choice.label), choice.value)
    for choice in choices:
        known.setdefault(header_key(choice.value), choice.value)
    return known


@cache
def _kinds() -> dict[str, str]:
    return _choice_words(EmployerKind, _KIND_WORDS)


@cache
def _stages() -> dict[str, str]:
    return _choice_words(Stage, _STAGE_WORDS)


@cache
def _size_labels() -> dict[str, str]:
    return _choice_words(SizeBand, {})


@cache
def _kommuner() -> dict[str, str]:
    known = {}
    for kommun in KOMMUNER:
        known[kommun.code] = kommun.code
        known[header_key(kommun.name)] = kommun.code
        known[header_key(f"{kommun.name} kommun")] = kommun.code
        known[header_key(f"{kommun.name}s kommun")] = kommun.code
    return known


def size_band_for(count: int) -> str:
    for limit, band in ((1, SizeBand.NONE), (10, SizeBand.MICRO), (50, SizeBand.SMALL)):
        if count < limit:
            return band
    return SizeBand.MEDIUM if count < 250 else SizeBand.LARGE


def _luhn_ok(digits: str) -> bool:
    total = 0
    for position, digit in enumerate(int(d) for d in digits):
        product = digit * (2 - position % 2)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def number_problem(raw: str) -> str:
    digits = re.sub(r"\D", "", raw)
    if len(digits) in (10, 12) and not _luhn_ok(digits[-10:]):
        return _("The organisation number %(number)s has the wrong check digit.") % {"number": raw}
    return _("%(number)s is not a valid organisation number.") % {"number": raw}


@dataclass
class Lookups:
    """What rows are read against: the organisation's coaches and the industries, loaded once."""

    employer_fields: dict
    contact_fields: dict
    industries_by_code: dict[str, Industry]
    industries_by_label: dict[str, Industry]
    coaches: dict[str, object]

    @classmethod
    def load(cls, membership: Membership) -> "Lookups":
        by_code, by_label = {}, {}
        # Deepest level first, so a label shared by a group and its only class finds the class.
        for industry in Industry.objects.only("pk", "code", "label", "level").order_by(
            "-level", "code"
        ):
            by_code.setdefault(industry.code.upper(), industry)
            by_label.setdefault(header_key(industry.label), industry)
        coaches = {}
        for user in coach_candidates(organisation=membership.organisation):
            coaches.setdefault(user.email.casefold(), user)
            if user.full_name:
                coaches.setdefault(header_key(user.full_name), user)
        return cls(
            employer_fields=EmployerForm(membership=membership).fields,
            contact_fields=ContactPersonForm().fields,
            industries_by_code=by_code,
            industries_by_label=by_label,
            coaches=coaches,
        )

    def industry(self, text: str) -> Industry | None:
        code = re.sub(r"[\s.]", "", text).upper()
        first, _space, rest = text.partition(" ")
        return (
            self.industries_by_code.get(code)
            or self.industries_by_code.get(re.sub(r"\.", "", first).upper())
            or self.industries_by_label.get(header_key(text))
            or self.industries_by_label.get(header_key(rest))
        )

    def coach(self, text: str):
        return self.coaches.get(text.casefold()) or self.coaches.get(header_key(text))


@dataclass
class RowReading:
    employer: dict = field(default_factory=dict)
    contact: dict | None = None
    messages: list[dict] = field(default_factory=list)
    number: str = ""
    name_key: str = ""

    @property
    def has_errors(self) -> bool:
        return any(message["level"] == ERROR for message in self.messages)

    def problem(self, field_name: str, text: str, level: str = ERROR) -> None:
        self.messages.append({"field": field_name, "level": level, "text": text})


def read_row(data: dict[str, str], lookups: Lookups) -> RowReading:
    reading = RowReading()
    employer = reading.employer
    fields = lookups.employer_fields
    for name in ("name", "street_address", "postal_code", "city", "notes"):
        if name in data or name == "name":
            _clean_into(reading, employer, name, name, fields[name], data.get(name, ""))
    reading.name_key = employer_name_key(employer.get("name", ""))
    _read_number(reading, data.get("organisation_number", ""))
    raw = data.get("kind", "")
    if raw:
        kind = _kinds().get(header_key(raw))
        if kind is None:
            _left_empty(
                reading,
                "kind",
                _("“%(value)s” is not a kind of employer. Use one of: %(choices)s.")
                % {"value": raw, "choices": ", ".join(str(c.label) for c in EmployerKind)},
            )
        else:
            employer["kind"] = kind
    looked_up = (
        ("industry", lookups.industry, _("No industry (SNI) has the code or name “%(value)s”.")),
        ("owner", lookups.coach, _("No coach in the organisation is called “%(value)s”.")),
        ("kommun", _kommun_code, _("“%(value)s” is not a Swedish municipality.")),
        ("stage", _stage, _("“%(value)s” is not a stage of the pipeline.")),
        ("size_band", _size_band, _("“%(value)s” is not a number of employees.")),
    )
    for name, find, message in looked_up:
        _read_looked_up(reading, data, name, find, message)
    _read_contact(reading, data, lookups.contact_fields)
    return reading


def _clean_into(reading, target: dict, key: str, field_name: str, form_field, raw: str) -> None:
    try:
        target[key] = form_field.clean(raw)
    except ValidationError as error:
        reading.problem(field_name, " ".join(error.messages))


def _read_number(reading: RowReading, raw: str) -> None:
    if not raw:
        return
    if _MASKED_NUMBER.match(raw):
        reading.problem(
            "organisation_number",
            _(
                "A sole trader's hidden personal identity number is not imported; the employer "
                "is matched by its name."
            ),
            WARNING,
        )
        return
    try:
        reading.number = normalise_organisation_number(raw)
    except ValidationError:
        reading.problem("organisation_number", number_problem(raw))
    else:
        reading.employer["organisation_number"] = reading.number


def _read_looked_up(reading, data, name, find, message) -> None:
    raw = data.get(name, "")
    if not raw:
        return
    found = find(raw)
    if found is None:
        _left_empty(reading, name, message % {"value": raw})
    else:
        reading.employer["kommun_code" if name == "kommun" else name] = found


def _left_empty(reading: RowReading, field_name: str, text: str) -> None:
    """A value of an optional field that cannot be looked up leaves the field empty and the row
    in: one unknown industry must not keep an employer, or a whole file of them, out."""
    reading.problem(field_name, f"{text} {_('The field is left empty.')}", WARNING)


def _kommun_code(text: str) -> str | None:
    # A code typed into Excel as a number loses its leading zero: 180 is Stockholm's 0180.
    return _kommuner().get(text.zfill(4) if text.isdigit() else header_key(text))


def _stage(text: str) -> str | None:
    return _stages().get(header_key(text))


def _size_band(text: str) -> str | None:
    band = _size_labels().get(header_key(text))
    if band is not None:
        return band
    number = _FIRST_NUMBER.search(_DIGITS_WITH_SPACES.sub("", text))
    return size_band_for(int(number.group())) if number else None


def swedish_phone(text: str) -> str:
    """A Swedish number typed into a number cell loses its leading zero (701234567 for
    070-123 45 67); nine bare digits starting 1–9 get it back."""
    return f"0{text}" if len(text) == 9 and text.isdigit() and text[0] != "0" else text


def _read_contact(reading: RowReading, data: dict, fields: dict) -> None:
    raw = {name: data.get(f"contact_{name}", "") for name in ("name", "role", "phone", "email")}
    if not any(raw.values()):
        return
    raw["phone"] = swedish_phone(raw["phone"])
    contact: dict = {}
    for name, text in raw.items():
        _clean_into(reading, contact, name, f"contact_{name}", fields[name], text)
    reading.contact = contact
