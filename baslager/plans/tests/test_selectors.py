from datetime import date, timedelta
from decimal import Decimal

from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from baslager.plans.models import Attendance, AttendanceStatus, GoalStatus
from baslager.plans.selectors import attendance_sheet, plan_for_print, plan_overview
from baslager.testing.personas import make_participant, membership_of

from .helpers import enrol, make_activity, make_goal, make_occurrence


def attend(occurrence, participant, status, hours):
    Attendance.objects.create(
        organisation=occurrence.organisation,
        occurrence=occurrence,
        participant=participant,
        status=status,
        hours=hours,
    )


def test_it_sums_attendance_and_lists_coming_occurrences(world):
    now = timezone.now()
    activity = make_activity(world.home, title="Jobbklubben")
    past = [make_occurrence(activity, starts_at=now - timedelta(days=d)) for d in (14, 7, 1)]
    soon = make_occurrence(activity, starts_at=now + timedelta(days=6))
    make_occurrence(activity, starts_at=now + timedelta(weeks=9))
    enrol(activity, world.participant)
    enrol(activity, world.colleagues_participant)
    attend(past[0], world.participant, AttendanceStatus.PRESENT, Decimal("2.0"))
    attend(past[1], world.participant, AttendanceStatus.PRESENT, Decimal("1.5"))
    attend(past[2], world.participant, AttendanceStatus.ABSENT, Decimal("0"))
    attend(past[2], world.colleagues_participant, AttendanceStatus.PRESENT, Decimal("9"))
    make_goal(world.participant, status=GoalStatus.ACHIEVED)
    make_goal(world.participant, title="Söka tio jobb")

    plan = plan_overview(participant=world.participant)

    [enrolment] = plan["enrolments"]
    assert enrolment.hours_present == Decimal("3.5")
    assert (enrolment.times_present, enrolment.times_excused, enrolment.times_absent) == (2, 0, 1)
    assert enrolment.upcoming == [soon]
    assert plan["upcoming"] == [soon]
    assert plan["hours_present"] == Decimal("3.5")
    assert [g.title for g in plan["open_goals"]] == ["Söka tio jobb"]


def test_it_reads_a_plan_in_the_same_number_of_queries_for_2_and_10(world):
    def count(size):
        participant = make_participant(world.home, world.coach)
        for number in range(size):
            activity = make_activity(world.home, title=f"Aktivitet {number}")
            occurrence = make_occurrence(activity, starts_at=timezone.now() + timedelta(days=1))
            make_occurrence(activity, starts_at=timezone.now() - timedelta(days=1))
            attend(occurrence, participant, AttendanceStatus.PRESENT, Decimal("1"))
            make_goal(participant)
            enrol(activity, participant)
        with CaptureQueriesContext(connection) as queries:
            plan = plan_overview(participant=participant)
            render_to_string("plans/_plan_panel.html", {"participant": participant, "plan": plan})
        assert len(plan["enrolments"]) == size
        return len(queries)

    assert count(2) == count(10) <= 4


def test_it_leaves_ended_activities_off_the_printed_plan(world):
    ended = make_activity(world.home, title="Förra årets praktik", ends_on=date(2020, 1, 31))
    running = make_activity(world.home, title="Jobbklubben")
    enrol(ended, world.participant)
    enrol(running, world.participant)
    plan = plan_for_print(participant=world.participant)
    assert [e.activity for e in plan["enrolments"]] == [running]
    assert plan["coaches"] == [world.coach]


def test_it_renders_the_panel_with_links_to_the_plan_and_print(world):
    make_goal(world.participant, title="Ta truckkort")
    activity = make_activity(world.home, title="Jobbklubben")
    make_occurrence(activity, starts_at=timezone.now() + timedelta(days=1))
    enrol(activity, world.participant)
    html = render_to_string(
        "plans/_plan_panel.html",
        {"participant": world.participant, "plan": plan_overview(participant=world.participant)},
    )
    assert "Ta truckkort" in html
    assert "Jobbklubben" in html
    assert f"/plans/{world.participant.public_id}/" in html
    assert f"/plans/{world.participant.public_id}/print/" in html


def test_the_attendance_sheet_leaves_out_closed_cases_with_nothing_recorded(world):
    activity = make_activity(world.home)
    closed = make_participant(world.home, world.coach, first_name="Dana", status="ended")
    closed_and_recorded = make_participant(world.home, world.coach, first_name="Erik")
    for participant in (world.participant, closed, closed_and_recorded):
        enrol(activity, participant)
    occurrence = make_occurrence(activity)
    Attendance.objects.create(
        organisation=world.home,
        occurrence=occurrence,
        participant=closed_and_recorded,
        status=AttendanceStatus.PRESENT,
        hours=1,
    )
    closed_and_recorded.status = "ended"
    closed_and_recorded.save()

    participants, recorded = attendance_sheet(
        membership=membership_of(world.coach), occurrence=occurrence
    )

    assert {p.first_name for p in participants} == {"Amina", "Erik"}
    assert set(recorded) == {closed_and_recorded.pk}
