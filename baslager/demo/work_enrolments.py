"""The demo participants in their organisation's project: entry, the characteristics at entry,
and for about a third an exit with what they went on to, and the six-month follow-up.

Entry is the participant's own entry date moved into the project period. Inserted in bulk (no
audit entries) with a generator of its own, so nothing else in the demo changes.
"""

import random
from datetime import date, time, timedelta

from dateutil.relativedelta import relativedelta

from baslager.participants.models import (
    LabourMarketStatus,
    Participant,
    ParticipantStatus,
    SpecialCategoryData,
    TriState,
)
from baslager.projects.models import (
    SITUATION_WINDOW,
    Citizenship,
    EmploymentForm,
    EmploymentStatusAtEntry,
    EnrolmentSensitiveSnapshot,
    EvidenceKind,
    ExitReason,
    ExitSituation,
    IscedBand,
    Project,
    ProjectEnrolment,
    SituationKind,
    SixMonthFollowUp,
    StatusAfterSixMonths,
)

from .batch import Context
from .bulk import rows_insert
from .schedule import at

SIX_MONTHS = relativedelta(months=6)
# Besides those who have ended, this share of the others has left the project.
EXIT_SHARE = 0.3
# What they went on to: (kind, weight, exit reason, evidence kind, evidence).
OUTCOMES = (
    (
        SituationKind.EMPLOYMENT,
        35,
        ExitReason.FOUND_WORK,
        EvidenceKind.EMPLOYER_CONFIRMATION,
        "Anställningsavtal visat för jobbcoachen.",
    ),
    (
        SituationKind.JOB_SEEKING,
        30,
        ExitReason.COMPLETED,
        EvidenceKind.ARBETSFORMEDLINGEN,
        "Inskriven som arbetssökande enligt Arbetsförmedlingen.",
    ),
    (
        SituationKind.EDUCATION,
        20,
        ExitReason.STARTED_STUDIES,
        EvidenceKind.CERTIFICATE,
        "Antagningsbesked från vuxenutbildningen.",
    ),
    (
        SituationKind.INTERNSHIP,
        15,
        ExitReason.COMPLETED,
        EvidenceKind.EMPLOYER_CONFIRMATION,
        "Praktikavtal undertecknat av handledaren.",
    ),
)
EMPLOYMENT_FORMS = (
    (EmploymentForm.ORDINARY, 30),
    (EmploymentForm.NYSTARTSJOBB, 25),
    (EmploymentForm.LONEBIDRAG, 20),
    (EmploymentForm.INTRODUKTIONSJOBB, 15),
    (EmploymentForm.SELF_EMPLOYMENT, 10),
)
# How those who went on to each kind are doing six months later.
LATER = {
    SituationKind.EMPLOYMENT: (
        (StatusAfterSixMonths.EMPLOYED, 80),
        (StatusAfterSixMonths.UNEMPLOYED, 20),
    ),
    SituationKind.JOB_SEEKING: (
        (StatusAfterSixMonths.EMPLOYED, 30),
        (StatusAfterSixMonths.UNEMPLOYED, 60),
        (StatusAfterSixMonths.INACTIVE, 10),
    ),
    SituationKind.EDUCATION: (
        (StatusAfterSixMonths.IN_EDUCATION, 85),
        (StatusAfterSixMonths.UNEMPLOYED, 15),
    ),
    SituationKind.INTERNSHIP: (
        (StatusAfterSixMonths.EMPLOYED, 45),
        (StatusAfterSixMonths.UNEMPLOYED, 55),
    ),
}


def _pick(rng: random.Random, choices):
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights)[0]


def _status_at_entry(participant: Participant, entry: date) -> str:
    status = participant.labour_market_status
    if status == LabourMarketStatus.UNEMPLOYED:
        # The long-term rule measures at the entry date: at the project's, not the participant's.
        participant.entry_date = entry
        if participant.is_long_term_unemployed:
            return EmploymentStatusAtEntry.LONG_TERM_UNEMPLOYED
    return {
        LabourMarketStatus.UNEMPLOYED: EmploymentStatusAtEntry.UNEMPLOYED,
        LabourMarketStatus.INACTIVE: EmploymentStatusAtEntry.INACTIVE,
        LabourMarketStatus.EMPLOYED: EmploymentStatusAtEntry.EMPLOYED,
    }.get(status, "")


def enrolments_load(ctx: Context) -> None:
    project = Project.objects.filter(organisation=ctx.organisation).first()
    if project is None:
        return
    rng = random.Random(f"{ctx.seed}:{ctx.spec.key}:enrolments")
    today = ctx.today
    participants = list(
        Participant.objects.filter(organisation=ctx.organisation)
        .select_related("education_level")
        .only(
            "pk",
            "birth_date",
            "entry_date",
            "labour_market_status",
            "unemployed_since",
            "status",
            "education_level__isced",
        )
        .order_by("pk")
    )
    coach_of = {}
    for participant_id, user_id in (
        Participant.coaches.through.objects.filter(participant__organisation=ctx.organisation)
        .order_by("-pk")
        .values_list("participant_id", "user_id")
    ):
        coach_of[participant_id] = user_id  # the earliest added wins, as for real follow-ups
    sensitive = {
        data.participant_id: data
        for data in SpecialCategoryData.objects.filter(organisation=ctx.organisation)
    }
    enrolments, plans = [], []
    for participant in participants:
        entry = min(max(participant.entry_date, project.starts_on), project.ends_on, today)
        coach = coach_of.get(participant.pk)
        education = participant.education_level
        enrolment = ProjectEnrolment(
            organisation=ctx.organisation,
            participant=participant,
            project=project,
            entry_date=entry,
            employment_status_at_entry=_status_at_entry(participant, entry),
            education_at_entry=IscedBand.for_isced(education.isced if education else None),
            homeless_at_entry=_pick(rng, (("no", 90), ("yes", 4), ("", 6))),
            rural_at_entry=_pick(rng, (("no", 75), ("yes", 15), ("", 10))),
            created_by_id=coach,
        )
        ended = participant.status == ParticipantStatus.ENDED
        days_in = (today - entry).days
        outcome = None
        if days_in >= 30 and (ended or rng.random() < EXIT_SHARE):
            outcome = _pick(rng, [(o, o[1]) for o in OUTCOMES])
            enrolment.exit_date = entry + timedelta(days=rng.randint(30, days_in))
            enrolment.exit_reason = outcome[2]
            enrolment.exit_recorded_by_id = coach
        enrolments.append(enrolment)
        plans.append((enrolment, coach, outcome))
    ProjectEnrolment.objects.bulk_create(enrolments, batch_size=500)
    rows_insert(
        EnrolmentSensitiveSnapshot,
        [
            _snapshot(ctx, enrolment, sensitive.get(enrolment.participant_id))
            for enrolment in enrolments
        ],
    )
    situations, follow_ups = [], []
    for enrolment, coach, outcome in plans:
        if outcome is None:
            continue
        kind, _weight, _reason, evidence_kind, evidence = outcome
        exit_date = enrolment.exit_date
        occurred = min(exit_date + timedelta(days=rng.randint(0, SITUATION_WINDOW.days)), today)
        situations.append(
            {
                "organisation": ctx.organisation,
                "enrolment": enrolment,
                "kind": kind,
                "employment_form": (
                    _pick(rng, EMPLOYMENT_FORMS) if kind == SituationKind.EMPLOYMENT else ""
                ),
                "occurred_on": occurred,
                "evidence_kind": evidence_kind,
                "evidence": evidence,
                "recorded_by": coach,
            }
        )
        follow_ups.append(_follow_up(ctx, rng, enrolment, coach, kind))
    rows_insert(ExitSituation, situations)
    rows_insert(SixMonthFollowUp, follow_ups)


def _snapshot(ctx: Context, enrolment: ProjectEnrolment, data) -> dict:
    row = {"organisation": ctx.organisation, "enrolment": enrolment}
    if data is not None:
        row |= {
            "disability": data.has_disability,
            "minority": data.minority,
            "foreign_background": data.foreign_background,
            "citizenship": {
                TriState.YES: Citizenship.THIRD_COUNTRY,
                TriState.NO: Citizenship.EU,
            }.get(data.third_country_national, ""),
            "collection_attempted_at": data.collection_attempted_at,
        }
    return row


def _follow_up(ctx: Context, rng, enrolment: ProjectEnrolment, coach, kind) -> dict:
    due = enrolment.exit_date + SIX_MONTHS
    row = {
        "organisation": ctx.organisation,
        "enrolment": enrolment,
        "exit_date": enrolment.exit_date,
        "due_on": due,
        "assignee": coach,
        "answered_at": None,
        "answered_by": None,
        "cancelled_at": None,
    }
    if due >= ctx.today:
        return row
    status = _pick(rng, LATER[kind])
    employed = status == StatusAfterSixMonths.EMPLOYED
    answered = min(due + timedelta(days=rng.randint(0, 14)), ctx.today - timedelta(days=1))
    return row | {
        "employment_status": status,
        "employment_form": _pick(rng, EMPLOYMENT_FORMS) if employed else "",
        "evidence_kind": (
            EvidenceKind.EMPLOYER_CONFIRMATION if employed else EvidenceKind.PARTICIPANT_STATEMENT
        ),
        "evidence": "Uppföljningssamtal per telefon.",
        "answered_at": at(answered, time(10, 30)),
        "answered_by": coach,
    }
