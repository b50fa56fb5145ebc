"""Reads for the individual plan, each in a fixed number of queries."""

from collections import defaultdict
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from baslager.accounts.models import User
from baslager.organisations.access import scoped
from baslager.organisations.decorators import STAFF_WITH_PARTICIPANTS
from baslager.organisations.models import Membership
from baslager.participants.models import Participant, ParticipantStatus

from .models import (
    Activity,
    Attendance,
    AttendanceStatus,
    Enrolment,
    Goal,
    GoalStatus,
    Occurrence,
)

OPEN_GOAL_STATUSES = (GoalStatus.PLANNED, GoalStatus.IN_PROGRESS)


def activity_list(*, membership: Membership | None, kind: str = "") -> QuerySet[Activity]:
    """The organisation's activities with their number of participants and next occurrence."""
    participants = (
        Enrolment.objects.filter(activity=OuterRef("pk"))
        .order_by()
        .values("activity")
        .annotate(count=Count("pk"))
        .values("count")
    )
    next_occurrence = Occurrence.objects.filter(
        activity=OuterRef("pk"), starts_at__gte=timezone.now()
    ).order_by("starts_at")
    activities = (
        scoped(Activity, membership)
        .select_related("leader")
        .annotate(
            participant_count=Coalesce(
                Subquery(participants, output_field=IntegerField()), Value(0)
            ),
            next_starts_at=Subquery(next_occurrence.values("starts_at")[:1]),
        )
    )
    if kind:
        activities = activities.filter(kind=kind)
    return activities


def activities_to_join(
    *, membership: Membership | None, participant: Participant, today=None
) -> QuerySet[Activity]:
    """Activities ``participant`` could join: group activities, and one-to-one activities nobody
    takes part in yet, that have not ended; with their number of participants, so that activities
    of the same name can be told apart."""
    today = today or timezone.localdate()
    return (
        activity_list(membership=membership)
        .exclude(enrolments__participant=participant)
        .filter(Q(is_group=True) | Q(participant_count=0))
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .order_by("title", "starts_on", "pk")
    )


def leader_choices(*, membership: Membership | None) -> QuerySet[User]:
    """Staff of the member's organisation who can lead an activity."""
    if membership is None:
        return User.objects.none()
    return User.objects.filter(
        memberships__organisation_id=membership.organisation_id,
        memberships__role__in=STAFF_WITH_PARTICIPANTS,
        is_active=True,
    ).order_by("full_name")


def enrol_candidates(
    *, membership: Membership | None, activity: Activity, query: str = ""
) -> QuerySet[Participant]:
    """Active participants in the member's scope who are not yet in ``activity``."""
    candidates = (
        scoped(Participant, membership)
        .filter(status=ParticipantStatus.ACTIVE)
        .exclude(enrolments__activity=activity)
    )
    for term in query.split():
        candidates = candidates.filter(Q(first_name__icontains=term) | Q(last_name__icontains=term))
    return candidates.order_by("last_name", "first_name")


def activity_enrolments(*, membership: Membership | None, activity: Activity) -> list[Enrolment]:
    """Enrolments in ``activity`` whose participant the member may see."""
    return list(
        scoped(Enrolment, membership)
        .filter(activity=activity)
        .select_related("participant", "goal")
        .order_by("participant__last_name", "participant__first_name")
    )


def attendance_sheet(
    *, membership: Membership | None, occurrence: Occurrence
) -> tuple[list[Participant], dict[int, Attendance]]:
    """The participants of an occurrence the member may see, and what is recorded for them.
    Someone whose case is closed is no longer expected; what was recorded for them stays."""
    enrolled = [
        enrolment.participant
        for enrolment in activity_enrolments(membership=membership, activity=occurrence.activity)
    ]
    recorded = {
        row.participant_id: row
        for row in Attendance.objects.filter(
            occurrence=occurrence, participant__in=[p.pk for p in enrolled]
        )
    }
    participants = [
        participant
        for participant in enrolled
        if participant.status == ParticipantStatus.ACTIVE or participant.pk in recorded
    ]
    return participants, recorded


def plan_overview(*, participant: Participant, weeks: int = 8, now: datetime | None = None) -> dict:
    """Goals, enrolments (with activity, goal, attendance so far and coming occurrences) and the
    occurrences of the coming ``weeks``, in four queries whatever the size of the plan."""
    now = now or timezone.now()
    goals = list(Goal.objects.filter(participant=participant))
    enrolments = list(
        Enrolment.objects.filter(participant=participant)
        .select_related("activity", "activity__leader", "goal")
        .annotate(has_occurrences=Exists(Occurrence.objects.filter(activity=OuterRef("activity"))))
        .order_by("-activity__starts_on", "activity__title")
    )
    activities = {enrolment.activity_id: enrolment.activity for enrolment in enrolments}
    upcoming: list[Occurrence] = []
    totals: dict[int, dict] = {}
    if activities:
        upcoming = list(
            Occurrence.objects.filter(
                activity_id__in=activities,
                starts_at__gte=now,
                starts_at__lt=now + timedelta(weeks=weeks),
            ).order_by("starts_at")
        )
        totals = {
            row["occurrence__activity_id"]: row
            for row in Attendance.objects.filter(participant=participant)
            .values("occurrence__activity_id")
            .annotate(
                hours=Sum("hours", filter=Q(status=AttendanceStatus.PRESENT)),
                present=Count("pk", filter=Q(status=AttendanceStatus.PRESENT)),
                excused=Count("pk", filter=Q(status=AttendanceStatus.EXCUSED)),
                absent=Count("pk", filter=Q(status=AttendanceStatus.ABSENT)),
            )
        }
    by_activity: dict[int, list[Occurrence]] = defaultdict(list)
    for occurrence in upcoming:
        occurrence.activity = activities[occurrence.activity_id]
        by_activity[occurrence.activity_id].append(occurrence)
    for enrolment in enrolments:
        enrolment.upcoming = by_activity.get(enrolment.activity_id, [])
        row = totals.get(enrolment.activity_id, {})
        enrolment.hours_present = row.get("hours") or Decimal("0")
        enrolment.times_present = row.get("present", 0)
        enrolment.times_excused = row.get("excused", 0)
        enrolment.times_absent = row.get("absent", 0)
    return {
        "goals": goals,
        "open_goals": [goal for goal in goals if goal.status in OPEN_GOAL_STATUSES],
        "enrolments": enrolments,
        "upcoming": upcoming,
        "weeks": weeks,
        "hours_present": sum((e.hours_present for e in enrolments), Decimal("0")),
        "times_absent": sum(e.times_absent for e in enrolments),
    }


def plan_for_print(*, participant: Participant, weeks: int = 4) -> dict:
    """What the participant takes home: the plan of the coming weeks and whom to contact."""
    plan = plan_overview(participant=participant, weeks=weeks)
    today = timezone.localdate()
    # What ended is history for the coach, not something to take home.
    plan["enrolments"] = [
        enrolment
        for enrolment in plan["enrolments"]
        if enrolment.activity.ends_on is None or enrolment.activity.ends_on >= today
    ]
    plan["coaches"] = list(participant.coaches.filter(is_active=True).order_by("full_name"))
    return plan
