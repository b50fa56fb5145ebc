"""The ESF+ common indicators for participants (Reg. (EU) 2021/1057, Annex I), one function each.

Each indicator is a predicate over one ``ParticipantRecord``: does this participant count? The
counting rules around them live here once:

* Output indicators (EECO) are characteristics at entry, counted for participants who entered in
  the period; result indicators (EECR) are counted for participants who left in the period.
* The completeness rule: a record lacking gender, employment status, age or education level
  counts in EECO01 (the total) only, in no other indicator.
* Disability and minority are special-category answers a participant may refuse: a refusal is
  not a yes, and is counted apart so the report can say how many declined.
* Every count is broken down by gender: women, men, non-binary persons.

``INDICATORS`` maps each code to its label, function and unit, so pages and exports iterate it.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from .records import (
    LABOUR_MARKET_KINDS,
    Answer,
    EntryStatus,
    Gender,
    Isced,
    ParticipantRecord,
    SituationKind,
)

# "Upon leaving" is the four weeks after exit: the exit day and the 28 days that follow.
UPON_LEAVING_DAYS = 28

GENDERS = (Gender.WOMAN, Gender.MAN, Gender.NON_BINARY)


# Output indicators: characteristics at entry.


def eeco01(record: ParticipantRecord) -> bool:
    """Total number of participants."""
    return True


def eeco02(record: ParticipantRecord) -> bool:
    """Unemployed, including long-term unemployed."""
    return record.entry_status in (EntryStatus.UNEMPLOYED, EntryStatus.LONG_TERM_UNEMPLOYED)


def eeco03(record: ParticipantRecord) -> bool:
    """Long-term unemployed (a subset of EECO02)."""
    return record.entry_status == EntryStatus.LONG_TERM_UNEMPLOYED


def eeco04(record: ParticipantRecord) -> bool:
    """Inactive."""
    return record.entry_status == EntryStatus.INACTIVE


def eeco05(record: ParticipantRecord) -> bool:
    """Employed, including self-employed."""
    return record.entry_status == EntryStatus.EMPLOYED


def eeco06(record: ParticipantRecord) -> bool:
    """Children below 18 years of age on the entry date."""
    return record.age_at_entry is not None and record.age_at_entry < 18


def eeco07(record: ParticipantRecord) -> bool:
    """Young people between 18 and 29 years of age on the entry date, both included."""
    return record.age_at_entry is not None and 18 <= record.age_at_entry <= 29


def eeco08(record: ParticipantRecord) -> bool:
    """Participants 55 years of age and above on the entry date."""
    return record.age_at_entry is not None and record.age_at_entry >= 55


def eeco09(record: ParticipantRecord) -> bool:
    """Lower secondary education or less (ISCED 0–2)."""
    return record.isced == Isced.LOWER_SECONDARY_OR_LESS


def eeco10(record: ParticipantRecord) -> bool:
    """Upper secondary (ISCED 3) or post-secondary (ISCED 4) education."""
    return record.isced == Isced.UPPER_OR_POST_SECONDARY


def eeco11(record: ParticipantRecord) -> bool:
    """Tertiary education (ISCED 5–8)."""
    return record.isced == Isced.TERTIARY


def eeco12(record: ParticipantRecord) -> bool:
    """Participants with disabilities (special category: a refusal is not a yes)."""
    return record.disability == Answer.YES


def eeco13(record: ParticipantRecord) -> bool:
    """Third-country nationals (not EU citizens, stateless persons included)."""
    return record.third_country_national == Answer.YES


def eeco14(record: ParticipantRecord) -> bool:
    """Participants with a foreign background (independent of EECO13)."""
    return record.foreign_background == Answer.YES


def eeco15(record: ParticipantRecord) -> bool:
    """Minorities, including marginalised communities such as Roma (special category)."""
    return record.minority == Answer.YES


def eeco16(record: ParticipantRecord) -> bool:
    """Homeless or affected by housing exclusion."""
    return record.homeless


def eeco17(record: ParticipantRecord) -> bool:
    """Participants from rural areas."""
    return record.rural


# Result indicators.


def situation_upon_leaving(record: ParticipantRecord) -> SituationKind | None:
    """The last labour-market situation from the exit day to 28 days after it, or ``None``.

    Situations on the same day count in the order they were recorded. Education and a
    qualification are not labour-market situations here: they may come with any of them."""
    if record.exit_date is None:
        return None
    last_day = record.exit_date + timedelta(days=UPON_LEAVING_DAYS)
    last = None
    for situation in sorted(record.situations, key=lambda s: s.on):
        if situation.kind in LABOUR_MARKET_KINDS and record.exit_date <= situation.on <= last_day:
            last = situation.kind
    return last


def _any_upon_leaving(record: ParticipantRecord, kind: SituationKind) -> bool:
    if record.exit_date is None:
        return False
    last_day = record.exit_date + timedelta(days=UPON_LEAVING_DAYS)
    return any(s.kind == kind and record.exit_date <= s.on <= last_day for s in record.situations)


def eecr01(record: ParticipantRecord) -> bool:
    """Engaged in job searching upon leaving (never together with EECR04)."""
    return situation_upon_leaving(record) == SituationKind.JOB_SEEKING


def eecr02(record: ParticipantRecord) -> bool:
    """In education or training upon leaving."""
    return _any_upon_leaving(record, SituationKind.EDUCATION)


def eecr03(record: ParticipantRecord) -> bool:
    """Gaining a qualification upon leaving."""
    return _any_upon_leaving(record, SituationKind.QUALIFICATION)


def eecr04(record: ParticipantRecord) -> bool:
    """In employment, including self-employment, upon leaving (never together with EECR01)."""
    return situation_upon_leaving(record) == SituationKind.EMPLOYMENT


def eecr05(record: ParticipantRecord) -> bool:
    """In employment, including self-employment, six months after leaving."""
    return record.exit_date is not None and (
        record.follow_up is not None and record.follow_up.employed is True
    )


def eecr06(record: ParticipantRecord) -> bool:
    """An improved labour-market situation six months after leaving: only for those employed at
    entry, and a pay rise alone does not count."""
    follow_up = record.follow_up
    if record.exit_date is None or follow_up is None or not follow_up.employed:
        return False
    return record.entry_status == EntryStatus.EMPLOYED and (
        follow_up.precarious_to_stable
        or follow_up.underemployed_to_full
        or follow_up.higher_competence
        or follow_up.promoted
    )


# The registry.


class CountedAt(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    function: Callable[[ParticipantRecord], bool]
    unit: str
    counted_at: CountedAt
    # For special-category indicators: whether the participant refused to answer.
    refused: Callable[[ParticipantRecord], bool] | None = None

    @property
    def is_output(self) -> bool:
        return self.counted_at == CountedAt.ENTRY


PARTICIPANTS = _("participants")


def _output(code, label, function, refused=None) -> Indicator:
    return Indicator(code, label, function, PARTICIPANTS, CountedAt.ENTRY, refused)


def _result(code, label, function) -> Indicator:
    return Indicator(code, label, function, PARTICIPANTS, CountedAt.EXIT)


INDICATORS: dict[str, Indicator] = {
    indicator.code: indicator
    for indicator in (
        _output("EECO01", _("Total number of participants"), eeco01),
        _output("EECO02", _("Unemployed, including long-term unemployed"), eeco02),
        _output("EECO03", _("Long-term unemployed"), eeco03),
        _output("EECO04", _("Inactive"), eeco04),
        _output("EECO05", _("Employed, including self-employed"), eeco05),
        _output("EECO06", _("Children below 18 years of age"), eeco06),
        _output("EECO07", _("Young people between 18 and 29 years of age"), eeco07),
        _output("EECO08", _("Participants 55 years of age and above"), eeco08),
        _output("EECO09", _("With lower secondary education or less (ISCED 0–2)"), eeco09),
        _output(
            "EECO10",
            _("With upper secondary (ISCED 3) or post-secondary (ISCED 4) education"),
            eeco10,
        ),
        _output("EECO11", _("With tertiary education (ISCED 5–8)"), eeco11),
        _output(
            "EECO12",
            _("Participants with disabilities"),
            eeco12,
            refused=lambda record: record.disability == Answer.REFUSED,
        ),
        _output("EECO13", _("Third-country nationals"), eeco13),
        _output("EECO14", _("Participants with a foreign background"), eeco14),
        _output(
            "EECO15",
            _("Minorities (including marginalised communities such as Roma people)"),
            eeco15,
            refused=lambda record: record.minority == Answer.REFUSED,
        ),
        _output("EECO16", _("Homeless or affected by housing exclusion"), eeco16),
        _output("EECO17", _("Participants from rural areas"), eeco17),
        _result("EECR01", _("Participants engaged in job searching upon leaving"), eecr01),
        _result("EECR02", _("Participants in education or training upon leaving"), eecr02),
        _result("EECR03", _("Participants gaining a qualification upon leaving"), eecr03),
        _result(
            "EECR04",
            _("Participants in employment, including self-employment, upon leaving"),
            eecr04,
        ),
        _result(
            "EECR05",
            _("Participants in employment, including self-employment, six months after leaving"),
            eecr05,
        ),
        _result(
            "EECR06",
            _("Participants with an improved labour market situation six months after leaving"),
            eecr06,
        ),
    )
}


# Counting.


@dataclass
class Counts:
    """People per gender; ``unknown`` only ever holds people in EECO01 (incomplete records)."""

    by_gender: dict[Gender, int] = field(default_factory=lambda: dict.fromkeys(Gender, 0))

    def add(self, gender: Gender) -> None:
        self.by_gender[gender] += 1

    @property
    def total(self) -> int:
        return sum(self.by_gender.values())

    def __getitem__(self, gender: Gender) -> int:
        return self.by_gender[gender]


@dataclass
class IndicatorResult:
    indicator: Indicator
    counts: Counts = field(default_factory=Counts)
    refused: Counts | None = None


def in_period(day: date | None, starts_on: date, ends_on: date) -> bool:
    return day is not None and starts_on <= day <= ends_on


def counts_for(indicator: Indicator, record: ParticipantRecord, starts_on, ends_on) -> bool:
    """Whether ``record`` belongs to the population ``indicator`` counts in the period."""
    day = record.entry_date if indicator.is_output else record.exit_date
    if not in_period(day, starts_on, ends_on):
        return False
    return indicator.code == "EECO01" or record.is_complete


def compute(
    records: Iterable[ParticipantRecord], *, starts_on: date, ends_on: date
) -> list[IndicatorResult]:
    """Every indicator for the participants in ``records`` over the period, both days included."""
    results = [
        IndicatorResult(indicator, refused=Counts() if indicator.refused else None)
        for indicator in INDICATORS.values()
    ]
    # EECO01 counts everyone who entered; every other indicator only complete records.
    total = results[0]
    outputs = tuple(r for r in results[1:] if r.indicator.is_output)
    outcomes = tuple(r for r in results if not r.indicator.is_output)
    for record in records:
        entered = in_period(record.entry_date, starts_on, ends_on)
        if entered:
            total.counts.add(record.gender)
        if not record.is_complete:
            continue
        left = in_period(record.exit_date, starts_on, ends_on)
        for result in (outputs if entered else ()) + (outcomes if left else ()):
            _count(result, record)
    return results


def _count(result: IndicatorResult, record: ParticipantRecord) -> None:
    indicator = result.indicator
    if indicator.function(record):
        result.counts.add(record.gender)
    elif indicator.refused is not None and indicator.refused(record):
        result.refused.add(record.gender)


def people_behind(
    code: str,
    records: Iterable[ParticipantRecord],
    *,
    starts_on: date,
    ends_on: date,
    gender: Gender | None = None,
    refused: bool = False,
) -> list[int]:
    """The person ids counted in one cell of ``compute``'s table (or its refusals)."""
    indicator = INDICATORS[code]
    test = indicator.refused if refused else indicator.function
    if test is None:
        return []
    return [
        record.person_id
        for record in records
        if (gender is None or record.gender == gender)
        and counts_for(indicator, record, starts_on, ends_on)
        and test(record)
    ]
