"""Small builders for plan data in tests, written straight to the database."""

from datetime import datetime
from zoneinfo import ZoneInfo

from baslager.plans.models import Activity, ActivityKind, Enrolment, Goal, Occurrence

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def make_activity(organisation, **fields) -> Activity:
    fields.setdefault("kind", ActivityKind.GROUP_MEETING)
    fields.setdefault("title", "Veckomöte")
    fields.setdefault("is_group", True)
    return Activity.objects.create(organisation=organisation, **fields)


def make_occurrence(activity, starts_at=None, **fields) -> Occurrence:
    starts_at = starts_at or datetime(2030, 3, 5, 10, 0, tzinfo=STOCKHOLM)
    return Occurrence.objects.create(
        organisation=activity.organisation, activity=activity, starts_at=starts_at, **fields
    )


def make_goal(participant, **fields) -> Goal:
    fields.setdefault("title", "Ta truckkort")
    return Goal.objects.create(
        organisation=participant.organisation, participant=participant, **fields
    )


def enrol(activity, participant, **fields) -> Enrolment:
    return Enrolment.objects.create(
        organisation=activity.organisation, activity=activity, participant=participant, **fields
    )
