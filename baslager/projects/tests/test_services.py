import datetime

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from baslager.employers.models import Employer
from baslager.openings.services import task_create
from baslager.projects.models import Funder
from baslager.projects.selectors import project_list, project_task_counts, projects_running
from baslager.projects.services import project_create, project_update
from baslager.testing.personas import membership_of

START = datetime.date(2025, 1, 1)


def _project(world, name="Alla kan arbeta", **data):
    values = {
        "name": name,
        "funder": Funder.ESF_PLUS,
        "starts_on": START,
        "ends_on": datetime.date(2027, 12, 31),
        **data,
    }
    return project_create(membership=membership_of(world.admin), data=values)


def test_it_registers_a_project_of_the_organisation_with_an_audit_entry(world):
    project = _project(world, planned_participants=120, reference_number="2024/00123")
    assert project.organisation == world.home
    assert project.planned_participants == 120
    assert LogEntry.objects.get_for_object(project).count() == 1


def test_it_refuses_a_project_that_ends_before_it_starts(world):
    with pytest.raises(ValidationError) as error:
        _project(world, ends_on=datetime.date(2024, 12, 31))
    assert "ends_on" in error.value.message_dict
    project = _project(world)
    with pytest.raises(ValidationError):
        project_update(project=project, data={"starts_on": datetime.date(2028, 1, 1)})


def test_it_counts_the_tasks_of_each_project_and_those_offered_to_everyone(world):
    project, other = _project(world), _project(world, "Vägen tillbaka")
    employer = Employer.objects.create(organisation=world.home, name="Härnö Snickeri")

    def task(title, project, everyone=True):
        data = {
            "employer": employer,
            "title": title,
            "identified_on": START,
            "project": project,
            "offered_to_everyone_regardless_of_gender": everyone,
        }
        return task_create(membership=membership_of(world.coach), actor=world.coach, data=data)

    task("Slipa lister", project)
    task("Sopa verkstaden", project)
    task("Bära virke", project, everyone=False)
    task("Packa beställningar", other)
    task("Utan projekt", None)

    membership = membership_of(world.viewer)
    counts = project_task_counts(membership=membership, project=project)
    assert counts == {"identified": 3, "offered_to_everyone": 2}
    listed = {
        p.name: (p.tasks_identified, p.tasks_offered_to_everyone)
        for p in project_list(membership=membership)
    }
    assert listed == {"Alla kan arbeta": (3, 2), "Vägen tillbaka": (1, 1)}


def test_a_task_cannot_count_towards_another_organisations_project(world):
    elsewhere = project_create(
        membership=membership_of(world.outsider),
        data={"name": "Annat", "funder": Funder.KOMMUN, "starts_on": START, "ends_on": START},
    )
    employer = Employer.objects.create(organisation=world.home, name="Härnö Snickeri")
    data = {"employer": employer, "title": "Sopa", "identified_on": START, "project": elsewhere}
    with pytest.raises(ValidationError):
        task_create(membership=membership_of(world.coach), actor=world.coach, data=data)


def test_it_knows_which_projects_run_on_a_day(world):
    running = _project(world)
    _project(
        world, "Avslutat", starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2021, 1, 1)
    )
    assert list(projects_running(membership=membership_of(world.coach), on=START)) == [running]
