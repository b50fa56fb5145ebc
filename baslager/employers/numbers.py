"""Swedish organisation numbers (domain rules §5.6), checked by the organisationsnummer package.

A sole trader (enskild firma) has no organisation number of its own and uses the owner's
personnummer, which we keep as 12 digits so the century is not lost.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from organisationsnummer.organisationsnummer import (
    Organisationsnummer,
    OrganisationsnummerException,
)


class LegalForm(models.TextChoices):
    ESTATE = "estate", _("Estate of a deceased person")
    PUBLIC_SECTOR = "public_sector", _("State, region or municipality")
    FOREIGN = "foreign", _("Foreign company")
    LIMITED_COMPANY = "limited_company", _("Limited company (aktiebolag)")
    SIMPLE_PARTNERSHIP = "simple_partnership", _("Simple partnership (enkelt bolag)")
    ECONOMIC_ASSOCIATION = "economic_association", _("Economic association")
    NON_PROFIT = "non_profit", _("Non-profit association or foundation")
    PARTNERSHIP = "partnership", _("Trading or limited partnership")
    SOLE_TRADER = "sole_trader", _("Sole trader (enskild firma)")
    UNKNOWN = "unknown", _("Unknown")

    @classmethod
    def from_group_digit(cls, digit: str) -> str:
        return _GROUP_DIGITS.get(digit, cls.UNKNOWN)


_GROUP_DIGITS = {
    "1": LegalForm.ESTATE,
    "2": LegalForm.PUBLIC_SECTOR,
    "3": LegalForm.FOREIGN,
    "5": LegalForm.LIMITED_COMPANY,
    "6": LegalForm.SIMPLE_PARTNERSHIP,
    "7": LegalForm.ECONOMIC_ASSOCIATION,
    "8": LegalForm.NON_PROFIT,
    "9": LegalForm.PARTNERSHIP,
}


def normalise_organisation_number(raw: str) -> str:
    """10 digits for an organisation, 12 for a sole trader's personnummer; ValidationError if
    the number is not valid."""
    text = "".join(raw.split())
    if not text:
        return ""
    try:
        number = Organisationsnummer(text)
    except (OrganisationsnummerException, ValueError) as exc:
        raise ValidationError(
            _("This is not a valid organisation number."), code="invalid"
        ) from exc
    if number.is_personnummer():
        return number.personnummer().format(True).replace("-", "").replace("+", "")
    return number.format()


def legal_form_of(number: str) -> str:
    if not number:
        return ""
    if len(number) == 12:
        return LegalForm.SOLE_TRADER
    return LegalForm.from_group_digit(number[0])


def display_number(number: str) -> str:
    """NNNNNN-NNNN for organisations; a sole trader's personnummer with its last four hidden."""
    if len(number) == 12:
        return f"{number[:8]}-****"
    if len(number) == 10:
        return f"{number[:6]}-{number[6:]}"
    return number
