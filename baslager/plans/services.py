"""Writes for the individual plan: goals, activities, enrolments, occurrences and attendance."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from auditlog.cid import get_cid
from auditlog.context import auditlog_value
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from baslager.organisations.models import Organisation
from baslager.participants.models import Participant

from .models import (
    Activity,
    Attendance,
    AttendanceStatus,
    Enrolment,
    Goal,
    GoalStatus,
    Occurrence,
)

ACTIVITY_FIELDS = (
    "kind",
    "title",
    "description",
    "location",
    "employer",
    "leader",
    "is_group",
    "starts_on",
    "ends_on",
)


@transaction.atomic
def goal_create(
    *,
    participant: Participant,
    title: str,
    description: str = "",
    target_date: date | None = None,
    status: str = GoalStatus.PLANNED,
) -> Goal:
    return Goal.objects.create(
        organisation_id=participant.organisation_id,
        participant=participant,
        title=title,
        description=description,
        target_date=target_date,
        status=status,
    )


@transaction.atomic
def goal_update(
    *, goal: Goal, title: str, description: str, target_date: date | None, status: str
) -> Goal:
    goal.title = title
    goal.description = description
    goal.target_date = target_date
    goal.status = status
    goal.save(update_fields=["title", "description", "target_date", "status"])
    return goal


@transaction.atomic
def activity_create(
    *,
    organisation: Organisation,
    kind: str,
    title: str,
    participant: Participant | None = None,
    goal: Goal | None = None,
    **fields,
) -> Activity:
    """Create an activity; given a ``participant``, it is their one-to-one activity and they are
    enrolled in it at once (towards ``goal``, if given)."""
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"Unknown activity fields: {sorted(unknown)}")
    if participant is not None:
        fields["is_group"] = False
    activity = Activity.objects.create(organisation=organisation, kind=kind, title=title, **fields)
    if participant is not None:
        enrolment_create(activity=activity, participant=participant, goal=goal)
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, **fields) -> Activity:
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"Unknown activity fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(activity, name, value)
    activity.save(update_fields=list(fields))
    return activity


def _check_goal(goal: Goal | None, participant: Participant) -> None:
    if goal is not None and goal.participant_id != participant.pk:
        raise ValidationError(_("The goal belongs to another participant."))


@transaction.atomic
def enrolment_create(
    *, activity: Activity, participant: Participant, goal: Goal | None = None
) -> Enrolment:
    if activity.organisation_id != participant.organisation_id:
        raise ValidationError(_("The activity belongs to another organisation."))
    _check_goal(goal, participant)
    participant.check_case_open()
    if Enrolment.objects.filter(activity=activity, participant=participant).exists():
        raise ValidationError(
            _("%(name)s already takes part in this activity.") % {"name": participant.full_name}
        )
    return Enrolment.objects.create(
        organisation_id=activity.organisation_id,
        activity=activity,
        participant=participant,
        goal=goal,
    )


@transaction.atomic
def enrolments_create(
    *, activity: Activity, participants: Iterable[Participant]
) -> list[Enrolment]:
    """Enrol several participants in a group activity; those already in it are left alone."""
    participants = list(participants)
    enrolled = set(
        Enrolment.objects.filter(activity=activity, participant__in=participants).values_list(
            "participant_id", flat=True
        )
    )
    # One save per row so that each enrolment reaches the audit log.
    return [
        enrolment_create(activity=activity, participant=participant)
        for participant in participants
        if participant.pk not in enrolled
    ]


@transaction.atomic
def enrolment_update(*, enrolment: Enrolment, goal: Goal | None) -> Enrolment:
    _check_goal(goal, enrolment.participant)
    enrolment.goal = goal
    enrolment.save(update_fields=["goal"])
    return enrolment


@transaction.atomic
def occurrences_schedule(
    *,
    activity: Activity,
    first_starts_at: datetime,
    duration_minutes: int,
    weeks: int = 1,
    note: str = "",
) -> list[Occurrence]:
    """One occurrence, or a weekly series of ``weeks`` occurrences at the same local wall-clock time
    (a Tuesday 10:00 meeting stays at 10:00 across a change to or from summer time)."""
    if weeks < 1:
        raise ValidationError(_("Schedule at least one occasion."))
    if timezone.is_naive(first_starts_at):
        first_starts_at = timezone.make_aware(first_starts_at)
    local = timezone.localtime(first_starts_at)
    zone = local.tzinfo
    wall_clock = local.replace(tzinfo=None)
    return Occurrence.objects.bulk_create(
        Occurrence(
            organisation_id=activity.organisation_id,
            activity=activity,
            starts_at=timezone.make_aware(wall_clock + timedelta(weeks=week), zone),
            duration_minutes=duration_minutes,
            note=note,
        )
        for week in range(weeks)
    )


@dataclass(frozen=True)
class AttendanceEntry:
    participant: Participant
    status: str
    hours: Decimal | None = None  # None: the whole occurrence when present, else nothing


def _entry_hours(entry: AttendanceEntry, occurrence: Occurrence) -> Decimal:
    if entry.status != AttendanceStatus.PRESENT:
        return Decimal("0")
    if entry.hours is None:
        return occurrence.default_hours
    return Decimal(entry.hours).quantize(Decimal("0.1"))


@transaction.atomic
def attendance_record(
    *, occurrence: Occurrence, entries: Iterable[AttendanceEntry], recorded_by
) -> list[Attendance]:
    """Save attendance for many participants of one occurrence in a fixed number of queries."""
    entries = list(entries)
    ids = [entry.participant.pk for entry in entries]
    if len(set(ids)) != len(ids):
        raise ValidationError(_("Each participant can be recorded once per occasion."))
    enrolled = set(
        Enrolment.objects.filter(
            activity_id=occurrence.activity_id, participant_id__in=ids
        ).values_list("participant_id", flat=True)
    )
    if set(ids) - enrolled:
        raise ValidationError(_("Attendance can only be recorded for enrolled participants."))
    existing = {
        row.participant_id: row
        for row in Attendance.objects.filter(occurrence=occurrence, participant_id__in=ids)
    }
    now = timezone.now()
    created: list[Attendance] = []
    changed: list[tuple[Attendance, dict]] = []
    for entry in entries:
        hours = _entry_hours(entry, occurrence)
        row = existing.get(entry.participant.pk)
        if row is None:
            created.append(
                Attendance(
                    organisation_id=occurrence.organisation_id,
                    occurrence=occurrence,
                    participant=entry.participant,
                    status=entry.status,
                    hours=hours,
                    recorded_by=recorded_by,
                    recorded_at=now,
                )
            )
            continue
        changes = {}
        if row.status != entry.status:
            changes["status"] = [row.status, entry.status]
        if row.hours != hours:
            changes["hours"] = [str(row.hours), str(hours)]
        if changes:
            row.participant = entry.participant
            row.status, row.hours = entry.status, hours
            row.recorded_by, row.recorded_at = recorded_by, now
            changed.append((row, changes))
    Attendance.objects.bulk_create(created)
    if changed:
        Attendance.objects.bulk_update(
            [row for row, _changes in changed], ["status", "hours", "recorded_by", "recorded_at"]
        )
    _attendance_log(created=created, changed=changed, actor=recorded_by)
    return created + [row for row, _changes in changed]


def _attendance_log(*, created: list[Attendance], changed: list[tuple[Attendance, dict]], actor):
    """Bulk writes skip auditlog's signals, so write the same log rows ourselves, in one insert."""
    if not created and not changed:
        return
    content_type = ContentType.objects.get_for_model(Attendance)
    try:
        context = auditlog_value.get()
    except LookupError:
        context = {}
    common = {
        "content_type": content_type,
        "actor": actor,
        "actor_email": getattr(actor, "email", None),
        "cid": get_cid(),
        "remote_addr": context.get("remote_addr"),
        "remote_port": context.get("remote_port"),
    }
    rows = [
        (
            row,
            LogEntry.Action.CREATE,
            {"status": ["None", row.status], "hours": ["None", str(row.hours)]},
        )
        for row in created
    ] + [(row, LogEntry.Action.UPDATE, changes) for row, changes in changed]
    LogEntry.objects.bulk_create(
        LogEntry(
            object_pk=str(row.pk),
            object_id=row.pk,
            object_repr=str(row),
            action=action,
            changes=changes,
            additional_data=row.get_additional_data(),
            **common,
        )
        for row, action, changes in rows
    )
