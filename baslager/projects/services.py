import copy
from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from baslager.organisations.models import Membership
from baslager.participants.models import (
    LabourMarketStatus,
    Participant,
    SpecialCategoryData,
    TriState,
)
from baslager.participants.services import special_category_save

from .models import (
    IMPROVEMENT_FLAGS,
    Citizenship,
    EmploymentStatusAtEntry,
    EnrolmentSensitiveSnapshot,
    ExitSituation,
    IscedBand,
    Project,
    ProjectEnrolment,
    ProjectReEntry,
    SixMonthFollowUp,
)

PROJECT_FIELDS = (
    "name",
    "funder",
    "funder_details",
    "reference_number",
    "starts_on",
    "ends_on",
    "planned_participants",
    "target_groups",
    "purpose",
    "budget",
)


def _apply(project: Project, data: dict) -> Project:
    for field in PROJECT_FIELDS:
        if field in data:
            setattr(project, field, data[field])
    project.full_clean(exclude=["organisation"])
    project.save()
    return project


@transaction.atomic
def project_create(*, membership: Membership, data: dict) -> Project:
    """Raises ValidationError when the data break a project's rules."""
    return _apply(Project(organisation=membership.organisation), data)


@transaction.atomic
def project_update(*, project: Project, data: dict) -> Project:
    return _apply(project, data)


# Enrolment, exit and follow-up: the ESF+ rules (domain-rules.md §1).

SIX_MONTHS = relativedelta(months=6)


def _long_term_unemployed_on(participant: Participant, day: date) -> bool:
    # Participant.is_long_term_unemployed holds the ESF+ rule but measures at the participant's
    # own entry date; a project's entry may come later, so measure on a copy entering that day.
    as_at = copy.copy(participant)
    as_at.entry_date = day
    return as_at.is_long_term_unemployed


def _employment_status_at(participant: Participant, day: date) -> str:
    status = participant.labour_market_status
    if status == LabourMarketStatus.UNEMPLOYED and _long_term_unemployed_on(participant, day):
        return EmploymentStatusAtEntry.LONG_TERM_UNEMPLOYED
    return {
        LabourMarketStatus.UNEMPLOYED: EmploymentStatusAtEntry.UNEMPLOYED,
        LabourMarketStatus.INACTIVE: EmploymentStatusAtEntry.INACTIVE,
        LabourMarketStatus.EMPLOYED: EmploymentStatusAtEntry.EMPLOYED,
    }.get(status, "")


def _citizenship(third_country_national: str) -> str:
    return {TriState.YES: Citizenship.THIRD_COUNTRY, TriState.NO: Citizenship.EU}.get(
        third_country_national, ""
    )


def _sensitive_snapshot_copy(enrolment: ProjectEnrolment) -> EnrolmentSensitiveSnapshot:
    """Copies the participant's special-category answers, the one source of them, into the
    enrolment's snapshot, from one restricted table to another; nothing is shown to the person
    enrolling. A snapshot that says stateless stays so while the record says third-country
    national, which includes the stateless."""
    data = SpecialCategoryData.objects.filter(participant_id=enrolment.participant_id).first()
    snapshot, _created = EnrolmentSensitiveSnapshot.objects.get_or_create(
        enrolment=enrolment, defaults={"organisation_id": enrolment.organisation_id}
    )
    if data is not None:
        snapshot.disability = data.has_disability
        snapshot.minority = data.minority
        snapshot.foreign_background = data.foreign_background
        citizenship = _citizenship(data.third_country_national)
        if not (
            citizenship == Citizenship.THIRD_COUNTRY
            and snapshot.citizenship == Citizenship.STATELESS
        ):
            snapshot.citizenship = citizenship
        snapshot.collection_attempted_at = data.collection_attempted_at
    snapshot.save()
    return snapshot


def _check_entry_in_project(project: Project, entry_date: date) -> None:
    if not project.runs_on(entry_date):
        raise ValidationError(
            {
                "entry_date": _("%(project)s runs from %(start)s to %(end)s.")
                % {
                    "project": project.name,
                    "start": project.starts_on.isoformat(),
                    "end": project.ends_on.isoformat(),
                }
            },
            code="outside_project",
        )


@transaction.atomic
def project_enrolment_enter(
    *, participant: Participant, project: Project, entry_date: date, actor
) -> tuple[ProjectEnrolment, bool]:
    """Enrols ``participant`` in ``project``; returns the enrolment and whether it was a re-entry.

    ESF+: re-entering the same project re-opens its enrolment, keeping the first entry date and
    the characteristics at entry, and records the re-entry; another project is a new enrolment.
    """
    if participant.organisation_id != project.organisation_id:
        raise ValidationError(_("The project belongs to another organisation."))
    participant.check_case_open()
    _check_entry_in_project(project, entry_date)
    enrolment = (
        ProjectEnrolment.objects.select_for_update()
        .filter(participant=participant, project=project)
        .first()
    )
    if enrolment is None:
        return _enrolment_create(participant, project, entry_date, actor), False
    if enrolment.is_open:
        raise ValidationError(
            _("%(name)s is already in %(project)s.")
            % {"name": participant.full_name, "project": project.name},
            code="already_enrolled",
        )
    if entry_date < enrolment.exit_date:
        raise ValidationError(
            {
                "entry_date": _("A re-entry cannot be before the last exit (%(date)s).")
                % {"date": enrolment.exit_date.isoformat()}
            },
            code="re_entry_before_exit",
        )
    ProjectReEntry.objects.create(
        organisation_id=enrolment.organisation_id,
        enrolment=enrolment,
        re_entered_on=entry_date,
        previous_exit_date=enrolment.exit_date,
        previous_exit_reason=enrolment.exit_reason,
        recorded_by=actor,
    )
    enrolment.follow_ups_6m.filter(answered_at__isnull=True, cancelled_at__isnull=True).update(
        cancelled_at=timezone.now()
    )
    enrolment.exit_date = None
    enrolment.exit_reason = ""
    enrolment.exit_recorded_by = None
    enrolment.save()
    return enrolment, True


def _enrolment_create(participant, project, entry_date, actor) -> ProjectEnrolment:
    education = participant.education_level
    enrolment = ProjectEnrolment(
        organisation_id=participant.organisation_id,
        participant=participant,
        project=project,
        entry_date=entry_date,
        employment_status_at_entry=_employment_status_at(participant, entry_date),
        education_at_entry=IscedBand.for_isced(education.isced if education else None),
        created_by=actor,
    )
    enrolment.full_clean(exclude=["organisation"])
    enrolment.save()
    _sensitive_snapshot_copy(enrolment)
    return enrolment


ENTRY_FIELDS = (
    "employment_status_at_entry",
    "education_at_entry",
    "homeless_at_entry",
    "rural_at_entry",
)


@transaction.atomic
def project_enrolment_update_entry(
    *, enrolment: ProjectEnrolment, data: dict, sensitive: dict | None = None
) -> ProjectEnrolment:
    """Corrects the characteristics at entry; ``sensitive`` only from someone who may read them.

    The sensitive answers are written to the participant's special-category record, where the
    participant's page reads them too, and the enrolment's snapshot is copied from it."""
    for field in ENTRY_FIELDS:
        if field in data:
            setattr(enrolment, field, data[field])
    enrolment.full_clean(exclude=["organisation"])
    enrolment.save()
    if sensitive is not None:
        special_category_save(participant=enrolment.participant, data=sensitive)
        _sensitive_snapshot_copy(enrolment)
    return enrolment


def _follow_up_assignee(enrolment: ProjectEnrolment, actor):
    """The participant's first coach (the earliest added), else whoever recorded the exit."""
    through = Participant.coaches.through
    first = (
        through.objects.filter(participant_id=enrolment.participant_id)
        .order_by("pk")
        .values_list("user_id", flat=True)
        .first()
    )
    return first if first is not None else getattr(actor, "pk", None)


@transaction.atomic
def project_enrolment_exit(
    *, enrolment: ProjectEnrolment, exit_date: date, exit_reason: str, actor
) -> ProjectEnrolment:
    """Records (or corrects) the exit and puts the six-month follow-up on a coach's task list."""
    if exit_date > timezone.localdate():
        raise ValidationError(
            {"exit_date": _("The exit date cannot be in the future.")}, code="exit_in_future"
        )
    if not exit_reason:
        raise ValidationError({"exit_reason": _("Say why the participant left.")})
    enrolment.exit_date = exit_date
    enrolment.exit_reason = exit_reason
    enrolment.exit_recorded_by = actor
    enrolment.full_clean(exclude=["organisation"])
    enrolment.save()
    # One follow-up per exit: a corrected exit moves its follow-up unless it is answered already.
    # After a re-entry, the follow-ups of earlier stays stay as they were answered.
    stay_began = (
        enrolment.re_entries.aggregate(latest=Max("re_entered_on"))["latest"]
        or enrolment.entry_date
    )
    follow_up = enrolment.follow_ups_6m.filter(
        cancelled_at__isnull=True, exit_date__gte=stay_began
    ).first()
    if follow_up is None:
        follow_up = SixMonthFollowUp(
            organisation_id=enrolment.organisation_id,
            enrolment=enrolment,
            assignee_id=_follow_up_assignee(enrolment, actor),
        )
    if follow_up.answered_at is None:
        follow_up.exit_date = exit_date
        follow_up.due_on = exit_date + SIX_MONTHS
        follow_up.save()
    return enrolment


@transaction.atomic
def exit_situation_add(*, enrolment: ProjectEnrolment, data: dict, actor) -> ExitSituation:
    """Raises ValidationError for a date outside exit … exit + 28 days."""
    situation = ExitSituation(
        organisation_id=enrolment.organisation_id,
        enrolment=enrolment,
        recorded_by=actor,
        **{
            field: data.get(field, "")
            for field in ("kind", "employment_form", "evidence_kind", "evidence")
        },
        occurred_on=data.get("occurred_on"),
    )
    situation.full_clean(exclude=["organisation", "enrolment"])
    situation.save()
    return situation


@transaction.atomic
def exit_situation_delete(*, situation: ExitSituation) -> None:
    situation.delete()


ANSWER_FIELDS = (
    "employment_status",
    "employment_form",
    *IMPROVEMENT_FLAGS,
    "evidence_kind",
    "evidence",
)


@transaction.atomic
def six_month_follow_up_answer(
    *, follow_up: SixMonthFollowUp, data: dict, actor
) -> SixMonthFollowUp:
    if follow_up.cancelled_at is not None:
        raise ValidationError(_("This follow-up was cancelled when the participant came back."))
    if not data.get("employment_status"):
        raise ValidationError({"employment_status": _("Say what the participant does now.")})
    for field in ANSWER_FIELDS:
        if field in data:
            setattr(follow_up, field, data[field])
    follow_up.answered_at = timezone.now()
    follow_up.answered_by = actor
    follow_up.full_clean(exclude=["organisation", "enrolment", "assignee"])
    follow_up.save()
    return follow_up
