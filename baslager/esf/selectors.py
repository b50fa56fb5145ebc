"""Participant records for a project, read in four queries whatever the number of participants.

The records feed figures (counts for the organisation as a whole), so they are read through
``counted_in_aggregates``; the people behind a figure are listed through ``scoped`` only.
"""

from collections import defaultdict
from datetime import date

from django.utils import timezone

from baslager.organisations.access import counted_in_aggregates, scoped
from baslager.organisations.models import Membership
from baslager.participants.models import Gender as ParticipantGender
from baslager.participants.models import Participant, TriState
from baslager.projects.models import (
    Citizenship,
    EnrolmentSensitiveSnapshot,
    ExitSituation,
    Project,
    ProjectEnrolment,
    SixMonthFollowUp,
    StatusAfterSixMonths,
    YesNoUnknown,
)

from .export import (
    MonthRows,
    MonthStatus,
    SubmittedBatch,
    month_statuses,
    monthly_rows,
    months_between,
)
from .indicators import IndicatorResult, compute, people_behind
from .models import ExportBatch
from .records import (
    Answer,
    EntryStatus,
    Gender,
    Isced,
    ParticipantRecord,
    Situation,
    SituationKind,
)
from .records import SixMonthFollowUp as FollowUpAnswer

GENDERS = {
    ParticipantGender.WOMAN: Gender.WOMAN,
    ParticipantGender.MAN: Gender.MAN,
    # The third category ESF+ reports is non-binary persons; "not stated" is unknown.
    ParticipantGender.OTHER: Gender.NON_BINARY,
}
ISCED = {
    "isced_0_2": Isced.LOWER_SECONDARY_OR_LESS,
    "isced_3_4": Isced.UPPER_OR_POST_SECONDARY,
    "isced_5_8": Isced.TERTIARY,
}
ANSWERS = {TriState.YES: Answer.YES, TriState.NO: Answer.NO, TriState.REFUSED: Answer.REFUSED}
THIRD_COUNTRY = {
    Citizenship.EU: Answer.NO,
    Citizenship.THIRD_COUNTRY: Answer.YES,
    Citizenship.STATELESS: Answer.YES,
}
# Indicators read from the special-category snapshot: their people are listed only to those who
# may read that snapshot (administrators and the participant's own coaches).
RESTRICTED_CODES = frozenset({"EECO12", "EECO13", "EECO14", "EECO15"})


def participant_records(*, project: Project, membership: Membership) -> list[ParticipantRecord]:
    enrolments = (
        counted_in_aggregates(ProjectEnrolment, membership)
        .filter(project=project)
        .values_list(
            "pk",
            "participant_id",
            "participant__gender",
            "participant__birth_date",
            "participant__id_number",
            "entry_date",
            "exit_date",
            "employment_status_at_entry",
            "education_at_entry",
            "homeless_at_entry",
            "rural_at_entry",
        )
        .order_by("entry_date", "pk")
    )
    sensitive = {
        row[0]: row[1:]
        for row in counted_in_aggregates(EnrolmentSensitiveSnapshot, membership)
        .filter(enrolment__project=project)
        .values_list("enrolment_id", "disability", "minority", "foreign_background", "citizenship")
    }
    situations = defaultdict(list)
    for enrolment_id, kind, on in (
        counted_in_aggregates(ExitSituation, membership)
        .filter(enrolment__project=project)
        .values_list("enrolment_id", "kind", "occurred_on")
        .order_by("occurred_on", "pk")
    ):
        situations[enrolment_id].append(Situation(SituationKind(kind), on))
    follow_ups = {
        (row[0], row[1]): row[2:]
        for row in counted_in_aggregates(SixMonthFollowUp, membership)
        .filter(enrolment__project=project, cancelled_at__isnull=True, answered_at__isnull=False)
        .values_list(
            "enrolment_id",
            "exit_date",
            "employment_status",
            "precarious_to_stable",
            "underemployed_to_full",
            "higher_competences",
            "promoted",
        )
    }
    return [_record(row, sensitive, situations, follow_ups) for row in enrolments]


def _record(row, sensitive, situations, follow_ups) -> ParticipantRecord:
    (
        pk,
        participant_id,
        gender,
        birth_date,
        identity,
        entry,
        exit_,
        status,
        isced,
        homeless,
        rural,
    ) = row
    disability, minority, foreign, citizenship = sensitive.get(pk, ("", "", "", ""))
    # Only the follow-up of the current exit counts: a re-entry cancels the earlier one.
    answer = follow_ups.get((pk, exit_)) if exit_ else None
    return ParticipantRecord(
        person_id=participant_id,
        gender=GENDERS.get(gender, Gender.UNKNOWN),
        birth_date=birth_date,
        entry_date=entry,
        exit_date=exit_,
        entry_status=EntryStatus(status) if status else EntryStatus.UNKNOWN,
        isced=ISCED.get(isced, Isced.UNKNOWN),
        disability=ANSWERS.get(disability, Answer.UNKNOWN),
        third_country_national=THIRD_COUNTRY.get(citizenship, Answer.UNKNOWN),
        foreign_background=ANSWERS.get(foreign, Answer.UNKNOWN),
        minority=ANSWERS.get(minority, Answer.UNKNOWN),
        homeless=homeless == YesNoUnknown.YES,
        rural=rural == YesNoUnknown.YES,
        situations=tuple(situations.get(pk, ())),
        follow_up=_follow_up(answer) if answer else None,
        identity=identity,
    )


def _follow_up(answer) -> FollowUpAnswer:
    status, precarious, underemployed, competences, promoted = answer
    return FollowUpAnswer(
        employed=status == StatusAfterSixMonths.EMPLOYED if status else None,
        precarious_to_stable=precarious,
        underemployed_to_full=underemployed,
        higher_competence=competences,
        promoted=promoted,
    )


def people_in_cell(
    *,
    project: Project,
    membership: Membership,
    code: str,
    starts_on: date,
    ends_on: date,
    gender: Gender | None = None,
    refused: bool = False,
):
    """The participants behind one figure, as far as ``membership`` may see them: through the
    restricted snapshot for origin and special-category indicators, else through enrolments."""
    records = participant_records(project=project, membership=membership)
    ids = people_behind(
        code, records, starts_on=starts_on, ends_on=ends_on, gender=gender, refused=refused
    )
    if code in RESTRICTED_CODES:
        visible = scoped(EnrolmentSensitiveSnapshot, membership).filter(
            enrolment__project=project, enrolment__participant_id__in=ids
        )
        visible_ids = visible.values("enrolment__participant_id")
    else:
        visible = scoped(ProjectEnrolment, membership).filter(
            project=project, participant_id__in=ids
        )
        visible_ids = visible.values("participant_id")
    return (
        scoped(Participant, membership)
        .filter(pk__in=visible_ids)
        .order_by("last_name", "first_name", "pk")
    )


def indicator_results(
    *, project: Project, membership: Membership, starts_on: date, ends_on: date
) -> list[IndicatorResult]:
    records = participant_records(project=project, membership=membership)
    return compute(records, starts_on=starts_on, ends_on=ends_on)


def project_months(*, project: Project, membership: Membership) -> list[MonthRows]:
    """Every month of the project's period, with its rows."""
    records = participant_records(project=project, membership=membership)
    return monthly_rows(records, months_between(project.starts_on, project.ends_on))


def export_statuses(*, project: Project, membership: Membership, today=None) -> list[MonthStatus]:
    batches = {
        batch.month: SubmittedBatch(batch.fingerprint, batch.submitted_at)
        for batch in scoped(ExportBatch, membership).filter(project=project)
    }
    months = project_months(project=project, membership=membership)
    return month_statuses(months, batches, today=today or timezone.localdate())
