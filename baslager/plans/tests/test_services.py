from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from baslager.plans.models import (
    ActivityKind,
    Attendance,
    AttendanceStatus,
    Enrolment,
    GoalStatus,
)
from baslager.plans.services import (
    AttendanceEntry,
    activity_create,
    attendance_record,
    enrolment_create,
    enrolments_create,
    goal_create,
    goal_update,
    occurrences_schedule,
)
from baslager.testing.personas import make_participant

from .helpers import STOCKHOLM, enrol, make_activity, make_goal, make_occurrence


def test_it_creates_and_updates_a_goal(world):
    goal = goal_create(participant=world.participant, title="Få ett jobb i lager")
    assert goal.organisation == world.home
    assert goal.status == GoalStatus.PLANNED

    goal_update(
        goal=goal,
        title="Få ett jobb i lager",
        description="Truckkort först",
        target_date=None,
        status=GoalStatus.IN_PROGRESS,
    )
    goal.refresh_from_db()
    assert goal.status == GoalStatus.IN_PROGRESS
    assert goal.description == "Truckkort först"


def test_it_creates_a_one_to_one_activity_and_enrols_the_participant(world):
    goal = make_goal(world.participant)
    activity = activity_create(
        organisation=world.home,
        kind=ActivityKind.INTERNSHIP,
        title="Praktik i butik",
        employer="ICA Kvantum Flygfältet",
        participant=world.participant,
        goal=goal,
        is_group=True,
    )
    assert activity.is_group is False
    enrolment = Enrolment.objects.get(activity=activity)
    assert enrolment.participant == world.participant
    assert enrolment.goal == goal


def test_it_refuses_an_enrolment_across_organisations(world):
    activity = make_activity(world.home)
    with pytest.raises(ValidationError):
        enrolment_create(activity=activity, participant=world.outsiders_participant)
    assert not Enrolment.objects.exists()


def test_it_refuses_a_goal_of_another_participant(world):
    activity = make_activity(world.home)
    goal = make_goal(world.colleagues_participant)
    with pytest.raises(ValidationError):
        enrolment_create(activity=activity, participant=world.participant, goal=goal)


def test_it_refuses_to_enrol_twice(world):
    activity = make_activity(world.home)
    enrolment_create(activity=activity, participant=world.participant)
    with pytest.raises(ValidationError):
        enrolment_create(activity=activity, participant=world.participant)


def test_it_enrols_many_and_skips_those_already_enrolled(world):
    activity = make_activity(world.home)
    enrol(activity, world.participant)
    created = enrolments_create(
        activity=activity, participants=[world.participant, world.colleagues_participant]
    )
    assert [e.participant for e in created] == [world.colleagues_participant]
    assert Enrolment.objects.filter(activity=activity).count() == 2


def test_it_schedules_a_weekly_series_at_the_same_local_time_across_summer_time(world):
    activity = make_activity(world.home)
    # Summer time ends on Sunday 25 October 2026: the Tuesday meetings must stay at 10:00.
    first = datetime(2026, 10, 13, 10, 0, tzinfo=STOCKHOLM)
    occurrences = occurrences_schedule(
        activity=activity, first_starts_at=first, duration_minutes=90, weeks=4
    )
    assert len(occurrences) == 4
    stored = list(activity.occurrences.order_by("starts_at"))
    local = [o.starts_at.astimezone(STOCKHOLM) for o in stored]
    assert [d.date().isoformat() for d in local] == [
        "2026-10-13",
        "2026-10-20",
        "2026-10-27",
        "2026-11-03",
    ]
    assert {(d.hour, d.minute, d.isoweekday()) for d in local} == {(10, 0, 2)}
    utc_hours = [o.starts_at.astimezone(UTC).hour for o in stored]
    assert utc_hours == [8, 8, 9, 9]
    assert {o.duration_minutes for o in stored} == {90}


def test_it_schedules_across_the_start_of_summer_time(world):
    activity = make_activity(world.home)
    first = timezone.make_aware(datetime(2027, 3, 23, 10, 0))  # naive local: Europe/Stockholm
    occurrences_schedule(activity=activity, first_starts_at=first, duration_minutes=60, weeks=2)
    local = [o.starts_at.astimezone(STOCKHOLM) for o in activity.occurrences.all()]
    assert [(d.day, d.hour) for d in local] == [(23, 10), (30, 10)]


def test_it_schedules_a_single_occurrence(world):
    activity = make_activity(world.home)
    first = datetime(2026, 12, 1, 13, 30, tzinfo=STOCKHOLM)
    occurrences_schedule(activity=activity, first_starts_at=first, duration_minutes=60)
    assert activity.occurrences.get().starts_at == first


def test_it_records_attendance_for_a_group_with_default_hours(world):
    activity = make_activity(world.home)
    occurrence = make_occurrence(activity, duration_minutes=150)
    third = make_participant(world.home, world.coach, first_name="Cia")
    for participant in (world.participant, world.colleagues_participant, third):
        enrol(activity, participant)

    attendance_record(
        occurrence=occurrence,
        entries=[
            AttendanceEntry(participant=world.participant, status=AttendanceStatus.PRESENT),
            AttendanceEntry(
                participant=world.colleagues_participant,
                status=AttendanceStatus.PRESENT,
                hours=Decimal("1"),
            ),
            AttendanceEntry(participant=third, status=AttendanceStatus.ABSENT),
        ],
        recorded_by=world.coach,
    )

    rows = {a.participant_id: a for a in Attendance.objects.filter(occurrence=occurrence)}
    assert rows[world.participant.pk].hours == Decimal("2.5")
    assert rows[world.colleagues_participant.pk].hours == Decimal("1.0")
    assert rows[third.pk].status == AttendanceStatus.ABSENT
    assert rows[third.pk].hours == 0
    assert {a.recorded_by for a in rows.values()} == {world.coach}
    assert (
        LogEntry.objects.filter(
            content_type__model="attendance", action=LogEntry.Action.CREATE, actor=world.coach
        ).count()
        == 3
    )


def test_it_updates_attendance_and_logs_only_what_changed(world):
    activity = make_activity(world.home)
    occurrence = make_occurrence(activity)
    enrol(activity, world.participant)
    enrol(activity, world.colleagues_participant)
    present = AttendanceStatus.PRESENT
    attendance_record(
        occurrence=occurrence,
        entries=[
            AttendanceEntry(participant=world.participant, status=present),
            AttendanceEntry(participant=world.colleagues_participant, status=present),
        ],
        recorded_by=world.coach,
    )

    attendance_record(
        occurrence=occurrence,
        entries=[
            AttendanceEntry(participant=world.participant, status=AttendanceStatus.EXCUSED),
            AttendanceEntry(participant=world.colleagues_participant, status=present),
        ],
        recorded_by=world.admin,
    )

    row = Attendance.objects.get(occurrence=occurrence, participant=world.participant)
    assert (row.status, row.hours, row.recorded_by) == (AttendanceStatus.EXCUSED, 0, world.admin)
    assert Attendance.objects.count() == 2
    update = LogEntry.objects.get(content_type__model="attendance", action=LogEntry.Action.UPDATE)
    assert update.changes["status"] == ["present", "excused"]
    assert update.additional_data["participant"] == str(world.participant.public_id)


def test_it_refuses_attendance_for_someone_not_enrolled(world):
    activity = make_activity(world.home)
    occurrence = make_occurrence(activity)
    with pytest.raises(ValidationError):
        attendance_record(
            occurrence=occurrence,
            entries=[
                AttendanceEntry(participant=world.participant, status=AttendanceStatus.PRESENT)
            ],
            recorded_by=world.coach,
        )
    assert not Attendance.objects.exists()


def test_it_records_attendance_in_the_same_number_of_queries_for_3_and_20(world):
    def record(size):
        activity = make_activity(world.home)
        occurrence = make_occurrence(activity, starts_at=timezone.now() + timedelta(days=1))
        people = [make_participant(world.home, world.coach) for _ in range(size)]
        for person in people:
            enrol(activity, person)
        entries = [AttendanceEntry(participant=p, status=AttendanceStatus.PRESENT) for p in people]
        with CaptureQueriesContext(connection) as first:
            attendance_record(occurrence=occurrence, entries=entries, recorded_by=world.coach)
        changed = [AttendanceEntry(participant=p, status=AttendanceStatus.ABSENT) for p in people]
        with CaptureQueriesContext(connection) as second:
            attendance_record(occurrence=occurrence, entries=changed, recorded_by=world.coach)
        return len(first), len(second)

    assert record(3) == record(20)
    assert Attendance.objects.filter(status=AttendanceStatus.ABSENT).count() == 23


def test_it_refuses_to_enrol_a_closed_case(world):
    activity = make_activity(world.home)
    world.participant.status = "ended"
    world.participant.save()
    with pytest.raises(ValidationError, match="is closed"):
        enrolment_create(activity=activity, participant=world.participant)
    assert not Enrolment.objects.exists()
