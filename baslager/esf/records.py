"""What the ESF+ indicators are computed from: one plain record per participant and project.

The indicators never touch the database. A selector builds these records in a few bulk queries
(``selectors.participant_records``); tests and the benchmark build them by hand. Characteristics
are as at the entry date (domain-rules §1.5).
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property


class Gender(StrEnum):
    WOMAN = "woman"
    MAN = "man"
    NON_BINARY = "non_binary"
    UNKNOWN = "unknown"


class EntryStatus(StrEnum):
    """Employment status at entry: exactly one of unemployed, inactive or employed; the
    long-term unemployed are a subset of the unemployed."""

    UNEMPLOYED = "unemployed"
    LONG_TERM_UNEMPLOYED = "long_term_unemployed"
    INACTIVE = "inactive"
    EMPLOYED = "employed"
    UNKNOWN = "unknown"


class Isced(StrEnum):
    LOWER_SECONDARY_OR_LESS = "0-2"
    UPPER_OR_POST_SECONDARY = "3-4"
    TERTIARY = "5-8"
    UNKNOWN = "unknown"


class Answer(StrEnum):
    """A question the participant may decline; a refusal is kept apart from "never asked"."""

    YES = "yes"
    NO = "no"
    REFUSED = "refused"
    UNKNOWN = "unknown"


class SituationKind(StrEnum):
    JOB_SEEKING = "job_seeking"
    EDUCATION = "education"
    QUALIFICATION = "qualification"
    EMPLOYMENT = "employment"
    INTERNSHIP = "internship"
    OTHER = "other"


# Education and a qualification may come with any labour-market situation (EECR02/03 co-occur);
# the other kinds say where someone stands on the labour market, and only the last of them in
# the 28 days after exit counts.
LABOUR_MARKET_KINDS = frozenset(
    {
        SituationKind.JOB_SEEKING,
        SituationKind.EMPLOYMENT,
        SituationKind.INTERNSHIP,
        SituationKind.OTHER,
    }
)


@dataclass(frozen=True)
class Situation:
    kind: SituationKind
    on: date


@dataclass(frozen=True)
class SixMonthFollowUp:
    """The answer six months after exit. The improvement flags matter only for people employed
    at entry; a pay rise is recorded but never counts as an improvement on its own."""

    employed: bool | None
    precarious_to_stable: bool = False
    underemployed_to_full: bool = False
    higher_competence: bool = False
    promoted: bool = False
    pay_rise: bool = False


@dataclass(frozen=True)
class ParticipantRecord:
    person_id: int
    gender: Gender
    birth_date: date | None
    entry_date: date
    exit_date: date | None
    entry_status: EntryStatus
    isced: Isced
    disability: Answer = Answer.UNKNOWN
    third_country_national: Answer = Answer.UNKNOWN
    foreign_background: Answer = Answer.UNKNOWN
    minority: Answer = Answer.UNKNOWN
    homeless: bool = False
    rural: bool = False
    situations: tuple[Situation, ...] = ()
    follow_up: SixMonthFollowUp | None = None
    # The identity SCB asks for (personnummer, samordningsnummer or a reserve number).
    identity: str = field(default="", compare=False)

    @cached_property
    def age_at_entry(self) -> int | None:
        return age_on(self.birth_date, self.entry_date) if self.birth_date else None

    @cached_property
    def is_complete(self) -> bool:
        """The completeness rule: gender, employment status, age and education level known."""
        return (
            self.gender != Gender.UNKNOWN
            and self.entry_status != EntryStatus.UNKNOWN
            and self.birth_date is not None
            and self.isced != Isced.UNKNOWN
        )


def age_on(birth_date: date, day: date) -> int:
    """Whole years on ``day``. Someone born on 29 February turns a year older on 28 February in
    other years, as ``dateutil.relativedelta`` (and ``Participant.age_on``) count it."""
    birthday = (birth_date.month, birth_date.day)
    if birthday == (2, 29) and not _is_leap(day.year):
        birthday = (2, 28)
    return day.year - birth_date.year - ((day.month, day.day) < birthday)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
