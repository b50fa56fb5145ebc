"""The derived "increased perceived employability" and the history behind the charts."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from baslager.employability.models import Occasion
from baslager.employability.selectors import (
    employability_increased,
    employability_increased_for,
    history,
)
from baslager.employability.services import questionnaire_edit
from baslager.projects.models import Project
from baslager.testing.personas import make_participant, membership_of

JAN, MAR, JUN = date(2026, 1, 10), date(2026, 3, 10), date(2026, 6, 10)


@pytest.mark.parametrize(
    ("entry", "exit", "expected"),
    [
        ([2] * 9, [3] * 9, True),  # up a whole step
        ([2, 3] * 4 + [None], [3] * 9, True),  # 2.5 to 3: up exactly the threshold
        ([3] * 9, [3] * 9, False),  # the same
        ([3] * 9, [3] * 5 + [4] * 4, False),  # 3 to 3.44: up, but less than the threshold
        ([4] * 9, [2] * 9, False),  # down
    ],
)
def test_increase_is_measured_from_entry_to_exit(world, record, entry, exit, expected):
    record(Occasion.ENTRY, entry, on=JAN)
    record(Occasion.EXIT, exit, on=JUN)
    assert employability_increased(world.participant) is expected


def test_no_entry_or_nothing_after_it_gives_none(world, record):
    assert employability_increased(world.participant) is None
    record(Occasion.INTERIM, 2, on=JAN)
    record(Occasion.EXIT, 5, on=JUN)
    assert employability_increased(world.participant) is None  # no entry assessment
    other = make_participant(world.home, world.coach)
    record(Occasion.ENTRY, 2, on=JAN, participant=other)
    assert employability_increased(other) is None  # nothing after entry


def test_the_exit_counts_over_a_later_interim_and_the_latest_without_exit(world, record):
    record(Occasion.ENTRY, 2, on=JAN)
    record(Occasion.INTERIM, 4, on=MAR)
    assert employability_increased(world.participant) is True  # latest, no exit yet
    record(Occasion.EXIT, 2, on=JUN)
    assert employability_increased(world.participant) is False  # the exit decides


def test_skipped_answers_do_not_pull_the_average_down(world, record):
    record(Occasion.ENTRY, [3] * 9, on=JAN)
    record(Occasion.EXIT, [4] + [None] * 8, on=JUN)
    assert employability_increased(world.participant) is True
    found = history(membership=membership_of(world.coach), participant=world.participant)
    assert found.averages == [Decimal("3.00"), Decimal("4.00")]


def test_project_and_period_choose_the_assessments(world, record):
    project = Project.objects.create(
        organisation=world.home,
        name="Alla kan arbeta",
        funder="esf_plus",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
    )
    record(Occasion.ENTRY, 2, on=JAN, project=project)
    record(Occasion.EXIT, 4, on=MAR)  # not for the project
    record(Occasion.EXIT, 2, on=JUN, project=project)
    assert employability_increased(world.participant) is False
    assert employability_increased(world.participant, project=project) is False
    assert employability_increased(world.participant, between=(None, MAR)) is True
    assert employability_increased(world.participant, between=(MAR, None)) is None


def test_the_threshold_is_the_organisations_or_given(world, record, questionnaire):
    record(Occasion.ENTRY, 2, on=JAN)
    record(Occasion.EXIT, 3, on=JUN)
    assert employability_increased(world.participant, threshold=Decimal("1.5")) is False
    questionnaire_edit(questionnaire=questionnaire, data={"increase_threshold": Decimal("1.2")})
    assert employability_increased(world.participant) is False
    questionnaire_edit(questionnaire=questionnaire, data={"increase_threshold": Decimal("1")})
    assert employability_increased(world.participant) is True


def test_many_participants_take_the_same_queries(world, record):
    def run(count):
        people = [make_participant(world.home, world.coach) for _ in range(count)]
        for person in people:
            record(Occasion.ENTRY, 2, on=JAN, participant=person)
            record(Occasion.EXIT, 4, on=JUN, participant=person)
        with CaptureQueriesContext(connection) as queries:
            result = employability_increased_for(
                [p.pk for p in people], organisation_id=world.home.pk
            )
        assert set(result.values()) == {True}
        return len(queries)

    assert run(2) == run(12) == 2


def test_history_lines_answers_up_by_question(world, record, questionnaire):
    record(Occasion.ENTRY, 2, on=JAN)
    record(Occasion.EXIT, [5, None], on=JUN)
    found = history(membership=membership_of(world.coach), participant=world.participant)
    first = found.questions[0]
    assert first.question == questionnaire.questions.first()
    assert first.values == [2, 5] and first.first_and_last == (2, 5)
    assert found.questions[1].values == [2, None]
    assert found.questions[2].values == [2, None]  # not answered at exit at all
    assert found.increased is True


def test_history_is_empty_for_a_colleague(world, record):
    record(Occasion.ENTRY, 2, on=JAN)
    found = history(membership=membership_of(world.colleague), participant=world.participant)
    assert found.assessments == [] and found.increased is None
