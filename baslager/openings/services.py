from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from baslager.accounts.models import User
from baslager.organisations.models import Membership

from .models import LowThresholdTask, Opening, OpeningStatus, OpeningStatusChange

# The whole lifecycle: which statuses an opening may move to from each one. Closed is final;
# a filled place may open again when the person leaves.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    OpeningStatus.DRAFT: (OpeningStatus.OPEN, OpeningStatus.CLOSED),
    OpeningStatus.OPEN: (OpeningStatus.FILLED, OpeningStatus.CLOSED),
    OpeningStatus.FILLED: (OpeningStatus.OPEN, OpeningStatus.CLOSED),
    OpeningStatus.CLOSED: (),
}

OPENING_FIELDS = (
    "employer",
    "kind",
    "employment_form",
    "title",
    "description",
    "occupation",
    "swedish_level_needed",
    "offers_language_support",
    "driving_licence",
    "physical_demands",
    "physical_demands_text",
    "hours_per_week",
    "schedule",
    "place",
    "kommun_code",
    "workplace_accessibility",
    "places",
    "starts_on",
    "ends_on",
    "supervisor",
)
SKILL_FIELDS = ("must_have_skills", "nice_to_have_skills")


def next_statuses(*, opening: Opening) -> tuple[str, ...]:
    return TRANSITIONS[opening.status]


def _apply(opening: Opening, data: dict) -> None:
    for field in OPENING_FIELDS:
        if field in data:
            setattr(opening, field, data[field] if data[field] is not None else _empty(field))
    opening.full_clean(exclude=["organisation", "employer"])


def _empty(field: str):
    nullable = ("occupation", "hours_per_week", "starts_on", "ends_on", "supervisor")
    return None if field in nullable else ""


def _set_skills(opening: Opening, data: dict) -> None:
    for field in SKILL_FIELDS:
        if field in data:
            getattr(opening, field).set(data[field])


@transaction.atomic
def opening_create(*, membership: Membership, actor: User, data: dict) -> Opening:
    """A new opening as a draft, with that as the first line of its history. Raises
    ValidationError when the data break the opening's rules."""
    if data["employer"].organisation_id != membership.organisation_id:
        raise ValidationError(_("Choose an employer of your organisation."), code="employer")
    opening = Opening(organisation=membership.organisation)
    _apply(opening, data)
    opening.save()
    _set_skills(opening, data)
    OpeningStatusChange.objects.create(
        organisation=opening.organisation,
        opening=opening,
        to_status=opening.status,
        changed_by=actor,
    )
    return opening


@transaction.atomic
def opening_update(*, opening: Opening, data: dict) -> Opening:
    employer = data.get("employer")
    if employer is not None and employer.organisation_id != opening.organisation_id:
        raise ValidationError(_("Choose an employer of your organisation."), code="employer")
    _apply(opening, data)
    opening.save()
    _set_skills(opening, data)
    return opening


@transaction.atomic
def opening_change_status(
    *, opening: Opening, to_status: str, actor: User, note: str = ""
) -> OpeningStatusChange:
    if to_status not in TRANSITIONS[opening.status]:
        raise ValidationError(
            _("An opening that is %(from)s cannot become %(to)s."),
            code="transition",
            params={
                "from": OpeningStatus(opening.status).label,
                "to": OpeningStatus(to_status).label if to_status in OpeningStatus else to_status,
            },
        )
    change = OpeningStatusChange.objects.create(
        organisation_id=opening.organisation_id,
        opening=opening,
        from_status=opening.status,
        to_status=to_status,
        changed_by=actor,
        note=note,
    )
    opening.status = to_status
    opening.save(update_fields=["status", "updated_at"])
    return change


TASK_FIELDS = (
    "employer",
    "title",
    "description",
    "done_today_by",
    "hours_per_week",
    "language_demand",
    "physical_demands",
    "supervision",
    "offered_to_everyone_regardless_of_gender",
    "project",
    "identified_on",
)


def _apply_task(task: LowThresholdTask, data: dict) -> None:
    employer, project = data.get("employer"), data.get("project")
    if employer is not None and employer.organisation_id != task.organisation_id:
        raise ValidationError(_("Choose an employer of your organisation."), code="employer")
    if project is not None and project.organisation_id != task.organisation_id:
        raise ValidationError(_("Choose a project of your organisation."), code="project")
    for field in TASK_FIELDS:
        if field in data:
            setattr(task, field, data[field])
    task.full_clean(exclude=["organisation", "employer", "created_by", "project"])
    task.save()


@transaction.atomic
def task_create(*, membership: Membership, actor: User, data: dict) -> LowThresholdTask:
    task = LowThresholdTask(organisation=membership.organisation, created_by=actor)
    _apply_task(task, data)
    return task


@transaction.atomic
def task_update(*, task: LowThresholdTask, data: dict) -> LowThresholdTask:
    _apply_task(task, data)
    return task


@transaction.atomic
def opening_bundle_tasks(*, opening: Opening, tasks) -> Opening:
    """Makes ``tasks`` exactly the tasks bundled into ``opening``. Only tasks identified at the
    opening's own employer fit: the bundle becomes one place at one workplace."""
    tasks = list(tasks)
    if any(task.employer_id != opening.employer_id for task in tasks):
        raise ValidationError(
            _("Only tasks of the opening's own employer can be bundled into it."),
            code="other_employer",
        )
    opening.tasks.set(tasks)
    return opening
