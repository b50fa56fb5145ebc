"""What a project has actually achieved, for each kind of target, at any date and by gender.

Each kind has one function ``<kind>(project)`` that reads what it needs in a fixed number of
queries and returns *facts*; ``facts.at(day)`` then counts them as they stood that day, so a
monthly series costs no more queries than one figure. Counts are raw here: the views suppress
small cells.

The rules, in the words of Alla kan arbeta's application ("35 % går vidare till studier, 20 % till
praktik, 25 % till anställning, 20 % har ökat sin upplevda anställningsbarhet"):

* Shares to studies, internship and employment are of the participants who have left the
  project. Each one counts where they went: the last situation recorded within 28 days of the
  exit (projects.ExitSituation), as ESF+ counts it; a qualification gained is not a destination
  and is passed over.
* The share with increased perceived employability is of the participants with a measured
  change (baslager.employability: an entry assessment for the project and one after it); those
  without are left out, not counted as "no".
* Placements (internship places, norm-breaking placements) count those of the project's
  participants that started while they were in the project. Norm-breaking is the rule of the
  gender-balance report (proposals.selectors.is_norm_breaking).
* Low-threshold tasks are those registered for the project, by the day they were identified;
  tasks have no gender.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import F, Q

from baslager.employability.selectors import employability_increased_for, increase_threshold
from baslager.openings.models import LowThresholdTask, OpeningKind
from baslager.participants.models import Gender
from baslager.placements.models import Placement
from baslager.projects.models import (
    SITUATION_WINDOW,
    ExitSituation,
    Project,
    ProjectEnrolment,
    SituationKind,
)
from baslager.proposals.selectors import Case, gender_dominated_fields, is_norm_breaking

from .models import TargetKind

WOMEN, MEN, OTHER = "woman", "man", "other"
# Columns of every breakdown; "other" holds other genders and those who have not said.
GENDER_COLUMNS = (WOMEN, MEN, OTHER)


def gender_column(gender: str | None) -> str:
    return gender if gender in (Gender.WOMAN, Gender.MAN) else OTHER


@dataclass(frozen=True)
class Tally:
    """``counted`` by gender column and, for shares, ``out_of`` by gender column. Without a
    gender (tasks) everything is under ``OTHER`` and ``by_gender`` is False."""

    counted: dict[str, int]
    out_of: dict[str, int] | None = None
    by_gender: bool = True

    @property
    def total(self) -> int:
        return sum(self.counted.values())

    @property
    def total_out_of(self) -> int | None:
        return None if self.out_of is None else sum(self.out_of.values())


def _columns(genders: Iterable[str]) -> dict[str, int]:
    counts = Counter(genders)
    return {column: counts.get(column, 0) for column in GENDER_COLUMNS}


@dataclass(frozen=True)
class Counted:
    """Things that happened on a day: (day, gender column or None)."""

    events: list[tuple[date, str | None]]
    by_gender: bool = True

    def at(self, day: date) -> Tally:
        genders = [gender or OTHER for when, gender in self.events if when <= day]
        return Tally(counted=_columns(genders), by_gender=self.by_gender)


@dataclass(frozen=True)
class Person:
    """Someone counted in a share from ``since``; ``states`` are (day, counts) in date order,
    and the last one on or before the day asked about decides."""

    gender: str
    since: date
    states: list[tuple[date, bool]] = field(default_factory=list)

    def counts_at(self, day: date) -> bool:
        current = False
        for when, counts in self.states:
            if when > day:
                break
            current = counts
        return current


@dataclass(frozen=True)
class Shares:
    people: list[Person]

    def at(self, day: date) -> Tally:
        present = [person for person in self.people if person.since <= day]
        return Tally(
            counted=_columns(p.gender for p in present if p.counts_at(day)),
            out_of=_columns(p.gender for p in present),
        )


@dataclass(frozen=True)
class Measured:
    """Increased perceived employability, asked of baslager.employability for each day (one
    query a day: the comparison is theirs and depends on which assessments existed by then)."""

    project: Project
    genders: dict[int, str]
    threshold: Decimal

    def at(self, day: date) -> Tally:
        if not self.genders:
            return Tally(counted=_columns(()), out_of=_columns(()))
        results = employability_increased_for(
            self.genders,
            organisation_id=self.project.organisation_id,
            project=self.project,
            between=(None, day),
            threshold=self.threshold,
        )
        measured = {pk: result for pk, result in results.items() if result is not None}
        return Tally(
            counted=_columns(self.genders[pk] for pk, result in measured.items() if result),
            out_of=_columns(self.genders[pk] for pk in measured),
        )


Facts = Counted | Shares | Measured


def _enrolments(project: Project):
    return ProjectEnrolment.objects.filter(organisation_id=project.organisation_id, project=project)


def _destination_shares(project: Project, kind: str) -> Shares:
    """Participants who have left, each counted when their last situation after exit is
    ``kind``."""
    people: dict[int, Person] = {}
    rows = (
        _enrolments(project)
        .filter(exit_date__isnull=False)
        .values_list("pk", "participant__gender", "exit_date")
    )
    for pk, gender, exit_date in rows:
        people[pk] = Person(gender=gender_column(gender), since=exit_date)
    situations = (
        ExitSituation.objects.filter(enrolment_id__in=people)
        .exclude(kind=SituationKind.QUALIFICATION)
        .order_by("occurred_on", "pk")
        .values_list("enrolment_id", "enrolment__exit_date", "occurred_on", "kind")
    )
    for pk, exit_date, occurred_on, situation in situations:
        if exit_date <= occurred_on <= exit_date + SITUATION_WINDOW:
            people[pk].states.append((occurred_on, situation == kind))
    return Shares(list(people.values()))


def studies(project: Project) -> Shares:
    return _destination_shares(project, SituationKind.EDUCATION)


def internship(project: Project) -> Shares:
    return _destination_shares(project, SituationKind.INTERNSHIP)


def employment(project: Project) -> Shares:
    return _destination_shares(project, SituationKind.EMPLOYMENT)


def employability(project: Project) -> Measured:
    rows = _enrolments(project).values_list("participant_id", "participant__gender")
    return Measured(
        project=project,
        genders={pk: gender_column(g) for pk, g in rows},
        threshold=increase_threshold(organisation_id=project.organisation_id),
    )


def _project_placements(project: Project):
    """Placements of the project's participants that started while they were in it."""
    # One filter() call, so every condition is on the same enrolment (one per project).
    return Placement.objects.filter(
        Q(participant__project_enrolments__exit_date__isnull=True)
        | Q(starts_on__lte=F("participant__project_enrolments__exit_date")),
        organisation_id=project.organisation_id,
        participant__project_enrolments__project=project,
        starts_on__gte=F("participant__project_enrolments__entry_date"),
    )


def internship_places(project: Project) -> Counted:
    rows = (
        _project_placements(project)
        .filter(kind=OpeningKind.INTERNSHIP)
        .values_list("starts_on", "participant__gender")
    )
    return Counted([(starts_on, gender_column(gender)) for starts_on, gender in rows])


def norm_breaking(project: Project) -> Counted:
    fields = gender_dominated_fields(organisation=project.organisation)
    rows = _project_placements(project).values_list(
        "participant_id", "participant__gender", "opening__occupation__group__code", "starts_on"
    )
    return Counted(
        [
            (starts_on, gender_column(gender))
            for participant_id, gender, code, starts_on in rows
            if is_norm_breaking(Case(participant_id, gender, code), fields)
        ]
    )


def low_threshold_tasks(project: Project) -> Counted:
    rows = LowThresholdTask.objects.filter(
        organisation_id=project.organisation_id, project=project
    ).values_list("identified_on", flat=True)
    return Counted([(day, None) for day in rows], by_gender=False)


def participants(project: Project) -> Counted:
    rows = _enrolments(project).values_list("entry_date", "participant__gender")
    return Counted([(entry_date, gender_column(gender)) for entry_date, gender in rows])


FACTS: dict[str, Callable[[Project], Facts]] = {
    TargetKind.STUDIES: studies,
    TargetKind.INTERNSHIP: internship,
    TargetKind.EMPLOYMENT: employment,
    TargetKind.EMPLOYABILITY: employability,
    TargetKind.INTERNSHIP_PLACES: internship_places,
    TargetKind.LOW_THRESHOLD_TASKS: low_threshold_tasks,
    TargetKind.NORM_BREAKING: norm_breaking,
    TargetKind.PARTICIPANTS: participants,
}


def actual(kind: str, project: Project, day: date) -> Tally:
    """What ``project`` had achieved of ``kind`` on ``day``, by gender."""
    return FACTS[kind](project).at(day)
