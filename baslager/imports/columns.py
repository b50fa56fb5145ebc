"""Which column of a spreadsheet holds which field, from the words in its header row.

Headers are compared without case, spaces or punctuation, so "Org.nr", "ORGNR" and "org nr" are
one word. Besides the synonyms below, the headers our own export writes, in every language of
the interface, are recognised, so an exported file can be imported again.
"""

import re
from functools import cache

from django.conf import settings
from django.utils import translation
from django.utils.text import capfirst

from baslager.employers.models import ContactPerson, Employer
from baslager.taxonomy.models import Industry

EMPLOYER_FIELDS = (
    "organisation_number",
    "name",
    "kind",
    "industry",
    "size_band",
    "street_address",
    "postal_code",
    "city",
    "kommun",
    "stage",
    "owner",
    "notes",
)
CONTACT_FIELDS = ("contact_name", "contact_role", "contact_phone", "contact_email")
FIELDS = EMPLOYER_FIELDS + CONTACT_FIELDS

_SYNONYMS = {
    "organisation_number": "organisationsnummer orgnr orgnummer organisationsnr "
    "organisationnumber organizationnumber orgnumber orgno corporateidentitynumber",
    "name": "företag företagsnamn namn arbetsgivare arbetsgivarensnamn name company "
    "companyname employer employername",
    "kind": "typ kind type typavarbetsgivare kindofemployer arbetsgivartyp",
    "industry": "bransch sni snikod snicode sninummer industry näringsgren",
    "size_band": "antalanställda storlek size anställda numberofemployees employees storleksklass",
    "street_address": "adress gatuadress besöksadress address streetaddress",
    "postal_code": "postnummer postnr postalcode postcode zip zipcode",
    "city": "ort postort stad city town",
    "kommun": "kommun kommunkod municipality municipalitycode",
    "stage": "steg stage",
    "owner": "ansvarig ansvarigcoach coach responsible responsiblecoach",
    "notes": "anteckningar anteckning kommentar kommentarer övrigt notes note comments",
    "contact_name": "kontaktperson kontakt kontaktpersonensnamn contact contactperson contactname",
    "contact_role": "roll titel befattning role title jobtitle",
    "contact_phone": "telefon tel telefonnummer mobil mobilnummer phone telephone mobile",
    "contact_email": "epost epostadress mail mejl email emailaddress",
}

_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")


def header_key(text: str) -> str:
    return _NOT_ALPHANUMERIC.sub("", str(text).casefold())


def field_labels() -> dict[str, str]:
    """Each field's name in the active language, as the export writes it in its header row."""
    employer = Employer._meta
    contact = ContactPerson._meta
    labels = {
        field: capfirst(employer.get_field(field).verbose_name)
        for field in (
            "organisation_number",
            "name",
            "kind",
            "industry",
            "size_band",
            "street_address",
            "postal_code",
            "city",
            "stage",
            "owner",
            "notes",
        )
    }
    labels["kommun"] = capfirst(employer.get_field("kommun_code").verbose_name)
    labels["contact_name"] = capfirst(contact.verbose_name)
    for field in ("role", "phone", "email"):
        labels[f"contact_{field}"] = capfirst(contact.get_field(field).verbose_name)
    return {field: labels[field] for field in FIELDS}


def extra_export_labels() -> dict[str, str]:
    """Headers the export writes besides the fields' own: the employer's name on the contacts
    sheet, and the industry's code next to its name."""
    return {
        "name": capfirst(Employer._meta.verbose_name),
        "industry": capfirst(Industry._meta.get_field("code").verbose_name),
    }


@cache
def _known_headers() -> dict[str, str]:
    known = {word: field for field, words in _SYNONYMS.items() for word in words.split()}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for labels in (field_labels(), extra_export_labels()):
                for field, label in labels.items():
                    known.setdefault(header_key(label), field)
    return known


def recognise(headers: list[str]) -> dict[str, int]:
    """{field: column index} for the headers recognised; the first column for a field wins."""
    known = _known_headers()
    mapping: dict[str, int] = {}
    for index, header in enumerate(headers):
        field = known.get(header_key(header))
        if field and field not in mapping:
            mapping[field] = index
    return mapping
