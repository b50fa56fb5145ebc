import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from baslager.employers.models import Employer
from baslager.openings.models import EmploymentForm, OpeningKind, OpeningStatus
from baslager.openings.services import (
    TRANSITIONS,
    opening_change_status,
    opening_create,
    opening_update,
)
from baslager.taxonomy.models import Skill


@pytest.fixture
def employer(world):
    return Employer.objects.create(organisation=world.home, name="Lagerbolaget AB")


def _create(world, employer, **data):
    values = {"employer": employer, "kind": OpeningKind.JOB, "title": "Lagerarbetare", **data}
    return opening_create(membership=world.coach.memberships.get(), actor=world.coach, data=values)


def test_it_creates_a_draft_with_its_first_history_line_and_skills(world, employer):
    truck = Skill.objects.create(concept_id="s-truck", label="Truckkörning")
    opening = _create(world, employer, must_have_skills=[truck], places=2)
    assert opening.status == OpeningStatus.DRAFT
    assert opening.organisation == world.home
    assert list(opening.must_have_skills.all()) == [truck]
    change = opening.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == (
        "",
        OpeningStatus.DRAFT,
        world.coach,
    )


def test_it_moves_through_the_lifecycle_and_keeps_history(world, employer):
    opening = _create(world, employer)
    for status in (OpeningStatus.OPEN, OpeningStatus.FILLED, OpeningStatus.OPEN):
        opening_change_status(opening=opening, to_status=status, actor=world.scout, note="ok")
    opening_change_status(opening=opening, to_status=OpeningStatus.CLOSED, actor=world.admin)
    opening.refresh_from_db()
    assert opening.status == OpeningStatus.CLOSED
    steps = list(opening.status_changes.order_by("pk").values_list("from_status", "to_status"))
    assert steps == [
        ("", "draft"),
        ("draft", "open"),
        ("open", "filled"),
        ("filled", "open"),
        ("open", "closed"),
    ]
    assert opening.status_changes.order_by("pk").last().changed_by == world.admin


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (OpeningStatus.DRAFT, OpeningStatus.FILLED),
        (OpeningStatus.OPEN, OpeningStatus.DRAFT),
        (OpeningStatus.OPEN, OpeningStatus.OPEN),
        (OpeningStatus.CLOSED, OpeningStatus.OPEN),
        (OpeningStatus.CLOSED, OpeningStatus.DRAFT),
    ],
)
def test_it_refuses_transitions_outside_the_table(world, employer, start, target):
    opening = _create(world, employer)
    opening.status = start
    opening.save()
    with pytest.raises(ValidationError):
        opening_change_status(opening=opening, to_status=target, actor=world.coach)
    opening.refresh_from_db()
    assert opening.status == start
    assert opening.status_changes.count() == 1


def test_it_makes_closed_final():
    assert TRANSITIONS[OpeningStatus.CLOSED] == ()
    assert OpeningStatus.OPEN in TRANSITIONS[OpeningStatus.FILLED]


def test_it_allows_an_employment_form_only_for_jobs(world, employer):
    job = _create(world, employer, employment_form=EmploymentForm.NYSTARTSJOBB)
    assert job.employment_form == EmploymentForm.NYSTARTSJOBB
    with pytest.raises(ValidationError) as error:
        _create(
            world,
            employer,
            kind=OpeningKind.INTERNSHIP,
            employment_form=EmploymentForm.LONEBIDRAG,
        )
    assert "employment_form" in error.value.message_dict


def test_it_refuses_an_end_before_the_start(world, employer):
    opening = _create(world, employer, starts_on=datetime.date(2026, 3, 1))
    with pytest.raises(ValidationError) as error:
        opening_update(opening=opening, data={"ends_on": datetime.date(2026, 2, 1)})
    assert "ends_on" in error.value.message_dict


def test_it_refuses_an_employer_of_another_organisation(world):
    theirs = Employer.objects.create(organisation=world.other, name="Deras AB")
    with pytest.raises(ValidationError):
        _create(world, theirs)


def test_it_refuses_fewer_than_one_place(world, employer):
    with pytest.raises(ValidationError) as error:
        _create(world, employer, places=0)
    assert "places" in error.value.message_dict


def test_it_writes_an_audit_entry_on_status_change(world, employer):
    opening = _create(world, employer)
    opening_change_status(opening=opening, to_status=OpeningStatus.OPEN, actor=world.coach)
    entry = (
        LogEntry.objects.get_for_object(opening)
        .filter(action=LogEntry.Action.UPDATE)
        .latest("timestamp")
    )
    assert entry.changes_dict["status"] == ["draft", "open"]
    assert entry.additional_data == {"organisation": world.home.pk}


def test_its_supervisor_works_at_the_openings_employer(world, employer):
    from baslager.employers.models import Supervisor

    own = Supervisor.objects.create(organisation=world.home, employer=employer, name="Stina")
    elsewhere_employer = Employer.objects.create(organisation=world.home, name="Annat AB")
    elsewhere = Supervisor.objects.create(
        organisation=world.home, employer=elsewhere_employer, name="Erik"
    )
    opening = _create(world, employer, supervisor=own, description="Plock och pack.")
    assert (opening.supervisor, opening.description) == (own, "Plock och pack.")
    with pytest.raises(ValidationError) as error:
        opening_update(opening=opening, data={"supervisor": elsewhere})
    assert "supervisor" in error.value.message_dict


def test_the_audit_log_records_which_skills_and_tasks_an_opening_asks_for(world, employer):
    truck = Skill.objects.create(concept_id="s-truck", label="Truckkörning")
    opening = _create(world, employer)
    opening_update(opening=opening, data={"must_have_skills": [truck]})
    entry = LogEntry.objects.get_for_object(opening).order_by("-pk").first()
    assert entry.changes_dict["must_have_skills"]["objects"] == ["Truckkörning"]
