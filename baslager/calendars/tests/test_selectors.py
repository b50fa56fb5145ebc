from datetime import date, datetime

import pytest

from baslager.calendars.selectors import (
    calendar_days,
    calendar_entries,
    month_grid_bounds,
    week_start,
)
from baslager.plans.tests.helpers import STOCKHOLM, enrol, make_activity, make_occurrence
from baslager.testing.personas import membership_of

pytestmark = pytest.mark.django_db

MONDAY = date(2030, 3, 4)


def _at(day: int, hour: int = 10) -> datetime:
    return datetime(2030, 3, day, hour, 0, tzinfo=STOCKHOLM)


@pytest.fixture
def sessions(world):
    """The coach's one-to-one with her participant, a colleague's one-to-one, a group activity
    of the organisation and the other organisation's group activity, all in one week."""
    own = make_activity(world.home, kind="coaching", title="Samtal Amina", is_group=False)
    enrol(own, world.participant)
    colleagues = make_activity(world.home, kind="coaching", title="Samtal Bertil", is_group=False)
    enrol(colleagues, world.colleagues_participant)
    group = make_activity(world.home, title="Veckomöte", is_group=True)
    enrol(group, world.participant)
    enrol(group, world.colleagues_participant)
    led = make_activity(world.home, title="Studiecirkel", is_group=False, leader=world.coach)
    others = make_activity(world.other, title="Andras möte", is_group=True)
    return {
        "own": make_occurrence(own, _at(5)),
        "colleagues": make_occurrence(colleagues, _at(5, 13)),
        "group": make_occurrence(group, _at(6)),
        "led": make_occurrence(led, _at(7)),
        "others": make_occurrence(others, _at(6)),
        "next_week": make_occurrence(own, _at(11)),
    }


def _titles(entries) -> list[str]:
    return [entry.activity.title for entry in entries]


def test_it_shows_a_coach_her_own_sessions_and_the_organisations_group_activities(world, sessions):
    entries = calendar_entries(
        membership=membership_of(world.coach), start=MONDAY, end=date(2030, 3, 11)
    )
    assert _titles(entries) == ["Samtal Amina", "Veckomöte", "Studiecirkel"]
    assert [entry.is_mine for entry in entries] == [True, True, True]


def test_it_leaves_out_group_activities_when_asked_for_own_sessions_only(world, sessions):
    entries = calendar_entries(
        membership=membership_of(world.colleague),
        start=MONDAY,
        end=date(2030, 3, 11),
        only_mine=True,
    )
    assert _titles(entries) == ["Samtal Bertil", "Veckomöte"]


def test_it_names_only_the_participants_the_member_may_see(world, sessions):
    entries = calendar_entries(
        membership=membership_of(world.colleague), start=MONDAY, end=date(2030, 3, 11)
    )
    group = next(entry for entry in entries if entry.activity.title == "Veckomöte")
    assert group.participants == [world.colleagues_participant]
    assert "Samtal Amina" not in _titles(entries)


def test_a_group_activity_without_the_members_participants_is_not_hers(world, sessions):
    entries = calendar_entries(
        membership=membership_of(world.admin), start=MONDAY, end=date(2030, 3, 11)
    )
    group = next(entry for entry in entries if entry.activity.title == "Veckomöte")
    assert group.is_mine is False
    assert "Andras möte" not in _titles(entries)


def test_it_takes_three_queries_however_many_sessions(world, sessions, django_assert_num_queries):
    membership = membership_of(world.coach)
    with django_assert_num_queries(3):
        calendar_entries(membership=membership, start=MONDAY, end=date(2030, 4, 1))


def test_the_month_grid_runs_from_monday_to_sunday():
    assert month_grid_bounds(date(2030, 3, 17)) == (date(2030, 2, 25), date(2030, 4, 1))
    assert week_start(date(2030, 3, 10)) == MONDAY


def test_days_outside_the_month_are_marked(world, sessions):
    start, end = month_grid_bounds(MONDAY)
    entries = calendar_entries(membership=membership_of(world.coach), start=start, end=end)
    days = calendar_days(entries, start, end, period=(date(2030, 3, 1), date(2030, 4, 1)))
    assert len(days) == 35
    assert not days[0].in_period and days[4].in_period
    assert [entry.activity.title for entry in days[8].entries] == ["Samtal Amina"]
