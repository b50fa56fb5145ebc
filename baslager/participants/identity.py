"""Swedish identity numbers: personnummer and samordningsnummer.

Typed as 10 digits (YYMMDD-NNNC, "+" from the year the person turns 100) or 12
(YYYYMMDDNNNC), with or without the separator; stored as 12 digits. The check
digit and the date are validated with the ``personnummer`` package; the checks
are repeated here only to tell the person which part is wrong.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from personnummer import personnummer as pnr

from .models import IdKind

_PATTERN = re.compile(r"^(?P<century>\d{2})?(?P<yymmdd>\d{6})(?P<sep>[-+]?)(?P<rest>\d{4})$")
COORDINATION_DAY_OFFSET = 60


@dataclass(frozen=True)
class IdentityNumber:
    digits: str
    birth_date: date
    is_coordination_number: bool

    @property
    def kind(self) -> str:
        return IdKind.SAMORDNINGSNUMMER if self.is_coordination_number else IdKind.PERSONNUMMER


def _compact(raw: str) -> str:
    return re.sub(r"\s+", "", raw or "")


def _full_year(match: re.Match, today: date) -> int:
    yy = int(match["yymmdd"][:2])
    if match["century"]:
        return int(match["century"]) * 100 + yy
    base = today.year - 100 if match["sep"] == "+" else today.year
    return base - ((base - yy) % 100)


def _luhn_ok(nine_and_check: str) -> bool:
    total = 0
    for position, digit in enumerate(nine_and_check[:9]):
        product = int(digit) * (2 - position % 2)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10 == int(nine_and_check[9])


def _birth_date(full_year: int, mmdd: str) -> date | None:
    month, day = int(mmdd[:2]), int(mmdd[2:])
    if day > COORDINATION_DAY_OFFSET:
        day -= COORDINATION_DAY_OFFSET
    try:
        return date(full_year, month, day)
    except ValueError:
        return None


def parse(raw: str, *, today: date | None = None) -> IdentityNumber:
    """Parse a typed personnummer or samordningsnummer; ValidationError says what is wrong."""
    today = today or date.today()
    compact = _compact(raw)
    match = _PATTERN.match(compact)
    if match is None:
        raise ValidationError(_("Write the number as YYMMDD-NNNN or YYYYMMDDNNNN."), code="format")
    full_year = _full_year(match, today)
    born = _birth_date(full_year, match["yymmdd"][2:])
    if born is None:
        raise ValidationError(_("The date in the number does not exist."), code="date")
    if born > today:
        raise ValidationError(_("The date in the number lies in the future."), code="date")
    ten_digits = match["yymmdd"] + match["rest"]
    if not _luhn_ok(ten_digits):
        raise ValidationError(
            _("The last digit (the check digit) does not match. Check for typing errors."),
            code="check_digit",
        )
    # The package is the reference; twelve digits leave it no guessing about the century.
    twelve = f"{full_year // 100:02d}{ten_digits}"
    try:
        number = pnr.parse(twelve)
    except pnr.PersonnummerException as exc:
        raise ValidationError(_("This is not a valid identity number."), code="invalid") from exc
    return IdentityNumber(
        digits=twelve, birth_date=born, is_coordination_number=number.is_coordination_number()
    )


def validate(raw: str, kind: str, *, today: date | None = None) -> IdentityNumber:
    """Parse ``raw`` and check that it is the ``kind`` of number the person chose."""
    number = parse(raw, today=today)
    if kind == IdKind.PERSONNUMMER and number.is_coordination_number:
        raise ValidationError(
            _(
                "This is a coordination number (samordningsnummer): the day is over 60. "
                "Choose “Coordination number” as the kind."
            ),
            code="kind",
        )
    if kind == IdKind.SAMORDNINGSNUMMER and not number.is_coordination_number:
        raise ValidationError(
            _(
                "This is a personal identity number (personnummer), not a coordination number. "
                "Choose “Personal identity number” as the kind."
            ),
            code="kind",
        )
    return number


def mask(digits: str) -> str:
    """Show the date part only: 19811218-****."""
    if not digits:
        return ""
    return f"{digits[:8]}-****"


def display(digits: str) -> str:
    """The full number as written on papers: 19811218-9876."""
    if len(digits) != 12:
        return digits
    return f"{digits[:8]}-{digits[8:]}"
