from dataclasses import dataclass, field

from django.db.models import QuerySet

from baslager.openings.models import Opening
from baslager.organisations.access import (
    SMALLEST_SHOWN_COUNT,
    counted_in_aggregates,
    get_scoped_or_404,
    scoped,
)
from baslager.organisations.models import Membership, Organisation
from baslager.participants.models import Gender, Participant, ParticipantLanguage, WorkExperience
from baslager.placements.models import Placement
from baslager.taxonomy.models import OccupationGroup

from .models import GenderDominatedField, Proposal, ProposalStatusChange
from .reference import DEFAULT_FIELDS, NORM_BREAKING_TARGET, SOURCE


def proposals_for_participant(
    *, membership: Membership, participant: Participant
) -> QuerySet[Proposal]:
    return (
        scoped(Proposal, membership)
        .filter(participant=participant)
        .select_related("opening", "opening__employer")
        .order_by("-created_at", "-pk")
    )


def proposals_for_opening(*, membership: Membership, opening: Opening) -> QuerySet[Proposal]:
    """Only the proposals of participants the member may see; none for scouts and viewers."""
    return (
        scoped(Proposal, membership)
        .filter(opening=opening)
        .select_related("participant")
        .order_by("-created_at", "-pk")
    )


def proposal_detail(*, membership: Membership, public_id) -> Proposal:
    return get_scoped_or_404(
        Proposal.objects.select_related(
            "participant",
            "opening",
            "opening__employer",
            "opening__occupation",
            "placement",
            "consent_recorded_by",
            "created_by",
        ),
        membership,
        public_id=public_id,
    )


def proposal_history(*, proposal: Proposal) -> QuerySet[ProposalStatusChange]:
    return proposal.status_changes.select_related("changed_by").order_by("-changed_at", "-pk")


@dataclass(frozen=True)
class AnonymousProfile:
    """What an employer may learn before the participant consents to more: no name, identity
    number, contact details, age, gender, origin or special-category data."""

    skills: list[str]
    experience: list[tuple[str, object]]
    languages: list[tuple[str, str]]
    driving_licences: list[str]
    hours_per_week: int | None
    available_from: object
    available_days: list[str]
    name: str = ""


def anonymous_profile(*, proposal: Proposal, with_name: bool) -> AnonymousProfile:
    """The profile to present to the employer; the name only when asked for and consented to."""
    participant = proposal.participant
    experiences = (
        WorkExperience.objects.filter(participant=participant)
        .select_related("occupation")
        .order_by("-years", "pk")
    )
    languages = (
        ParticipantLanguage.objects.filter(participant=participant)
        .select_related("language")
        .order_by("language__label")
    )
    return AnonymousProfile(
        skills=list(participant.skills.order_by("label").values_list("label", flat=True)),
        # Occupations only: a title in the participant's own words may name a former employer,
        # a country or a person.
        experience=[(e.occupation.label, e.years) for e in experiences if e.occupation_id],
        languages=[(row.language.label, row.get_cefr_level_display()) for row in languages],
        driving_licences=participant.driving_licence_labels,
        hours_per_week=participant.hours_per_week,
        available_from=participant.available_from,
        available_days=participant.available_day_labels,
        name=participant.full_name if with_name and proposal.has_consent else "",
    )


# --- The fairness report ---------------------------------------------------------------------

GENDER_COLUMNS = (Gender.WOMAN, Gender.MAN, "other")
# A share of one gender above this is what SCB calls an uneven distribution (40–60 is even).
SEGREGATION_THRESHOLD = 0.6
NO_FIELD = ""
# How the drill-down names the row of proposals and placements without an occupation.
NO_FIELD_CODE = "none"


def gender_dominated_fields(*, organisation: Organisation) -> list[GenderDominatedField]:
    """The organisation's own reference table, or the shipped default while it has none."""
    rows = list(GenderDominatedField.objects.filter(organisation=organisation))
    if rows:
        return rows
    return [
        GenderDominatedField(
            organisation=organisation,
            ssyk_code=code,
            label=label,
            dominant_gender=gender,
            dominant_share=share,
            source=SOURCE,
        )
        for code, label, gender, share in DEFAULT_FIELDS
    ]


def matching_field(code: str | None, fields: list[GenderDominatedField]):
    """The most specific reference row whose SSYK code begins ``code`` (a 4-digit unit group)."""
    matches = [row for row in fields if code and code.startswith(row.ssyk_code)]
    return max(matches, key=lambda row: len(row.ssyk_code), default=None)


def _gender_column(gender: str) -> str:
    return gender if gender in (Gender.WOMAN, Gender.MAN) else "other"


@dataclass(frozen=True)
class Case:
    """One proposal or placement, reduced to what the report counts."""

    participant_id: int
    gender: str
    ssyk_code: str | None
    placement_id: int | None = None


def _proposal_cases(queryset) -> list[Case]:
    rows = queryset.values_list(
        "participant_id", "participant__gender", "opening__occupation__group__code"
    )
    return [Case(*row) for row in rows]


def _placement_cases(queryset) -> list[Case]:
    rows = queryset.values_list(
        "participant_id", "participant__gender", "opening__occupation__group__code", "pk"
    )
    return [Case(*row) for row in rows]


def is_norm_breaking(case: Case, fields: list[GenderDominatedField]) -> bool:
    """A case where the participant is of the gender under-represented in the occupation."""
    row = matching_field(case.ssyk_code, fields)
    return row is not None and case.gender == row.under_represented_gender


@dataclass
class Cell:
    """People counted once per cell, whatever the number of their proposals or placements."""

    people: dict[str, set] = field(default_factory=lambda: {c: set() for c in GENDER_COLUMNS})

    def add(self, case: Case) -> None:
        self.people[_gender_column(case.gender)].add(case.participant_id)

    def count(self, column: str) -> int:
        return len(self.people[column])

    @property
    def binary_total(self) -> int:
        return self.count(Gender.WOMAN) + self.count(Gender.MAN)


@dataclass
class Row:
    code: str
    label: str
    proposals: Cell = field(default_factory=Cell)
    placements: Cell = field(default_factory=Cell)
    reference: GenderDominatedField | None = None
    norm_breaking_placements: int = 0


def _mirrors(cell: Cell, reference: GenderDominatedField | None) -> bool:
    """Whether the people counted follow the field's dominant gender as the labour market does.
    Judged only on five or more women and men, so a flag never points at one or two people."""
    total = cell.binary_total
    if reference is None or total < SMALLEST_SHOWN_COUNT:
        return False
    return cell.count(reference.dominant_gender) / total > SEGREGATION_THRESHOLD


@dataclass
class FairnessReport:
    by_major_group: list[Row]
    by_dominated_field: list[Row]
    norm_breaking_placements: int
    target: int
    reference_is_default: bool

    @property
    def target_reached(self) -> bool:
        return self.norm_breaking_placements >= self.target


def fairness_report(*, membership: Membership) -> FairnessReport:
    """Proposals and placements of the whole organisation by gender, per SSYK major group and
    per gender-dominated occupational field. Raw counts: views show them through
    ``suppress_small``."""
    organisation = membership.organisation
    fields = gender_dominated_fields(organisation=organisation)
    proposals = _proposal_cases(counted_in_aggregates(Proposal, membership))
    placements = _placement_cases(counted_in_aggregates(Placement, membership))
    major_labels = dict(OccupationGroup.objects.filter(level=1).values_list("code", "label"))
    by_major: dict[str, Row] = {}
    by_field: dict[str, Row] = {
        row.ssyk_code: Row(code=row.ssyk_code, label=row.label, reference=row) for row in fields
    }

    def rows_for(case: Case):
        major = case.ssyk_code[:1] if case.ssyk_code else NO_FIELD
        if major not in by_major:
            by_major[major] = Row(code=major, label=major_labels.get(major, ""))
        yield by_major[major]
        if (reference := matching_field(case.ssyk_code, fields)) is not None:
            yield by_field[reference.ssyk_code]

    for case in proposals:
        for row in rows_for(case):
            row.proposals.add(case)
    norm_breaking = 0
    for case in placements:
        breaks_norm = is_norm_breaking(case, fields)
        norm_breaking += breaks_norm
        for row in rows_for(case):
            row.placements.add(case)
            row.norm_breaking_placements += breaks_norm
    return FairnessReport(
        by_major_group=sorted(by_major.values(), key=lambda row: (row.code == NO_FIELD, row.code)),
        by_dominated_field=[
            row
            for row in by_field.values()
            if row.proposals.binary_total or row.placements.binary_total
        ],
        norm_breaking_placements=norm_breaking,
        target=NORM_BREAKING_TARGET,
        reference_is_default=not fields or fields[0].pk is None,
    )


def mirrors(row: Row, what: str) -> bool:
    return _mirrors(getattr(row, what), row.reference)


def people_behind(
    *, membership: Membership, what: str, code: str, gender: str, norm_breaking: bool = False
) -> QuerySet[Participant]:
    """The participants behind one cell of the report that the member may see: administrators
    all, coaches their own caseload (or all, if the organisation allows)."""
    model = Placement if what == "placements" else Proposal
    organisation = membership.organisation
    fields = gender_dominated_fields(organisation=organisation)
    records = scoped(model, membership)
    if gender in (Gender.WOMAN, Gender.MAN):
        records = records.filter(participant__gender=gender)
    elif gender == "other":
        records = records.exclude(participant__gender__in=(Gender.WOMAN, Gender.MAN))
    if code == NO_FIELD_CODE:
        records = records.filter(opening__occupation__group__code__isnull=True)
    elif code:
        records = records.filter(opening__occupation__group__code__startswith=code)
    if norm_breaking:
        cases = _placement_cases(records)
        records = records.filter(
            pk__in=[case.placement_id for case in cases if is_norm_breaking(case, fields)]
        )
    ids = records.values("participant_id")
    return (
        scoped(Participant, membership).filter(pk__in=ids).order_by("last_name", "first_name", "pk")
    )
