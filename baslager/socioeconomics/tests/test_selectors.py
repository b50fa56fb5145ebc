import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from baslager.organisations.models import Membership
from baslager.participants.models import Participant
from baslager.projects.models import ExitSituation, Project, ProjectEnrolment, SituationKind
from baslager.socioeconomics.models import Actor
from baslager.socioeconomics.selectors import (
    people_into_work,
    project_cost_of,
    project_participants,
)
from baslager.testing.personas import make_participant

EXIT = datetime.date(2026, 3, 1)


def _project(world, **fields):
    values = {
        "organisation": world.home,
        "name": "Alla kan arbeta",
        "funder": "esf_plus",
        "starts_on": datetime.date(2025, 1, 1),
        "ends_on": datetime.date(2026, 12, 31),
    }
    return Project.objects.create(**(values | fields))


def _left(world, project, *situations, participant: Participant | None = None):
    """An enrolment that exited on EXIT with ``situations`` as (days after exit, kind)."""
    participant = participant or make_participant(world.home, world.coach, first_name="Deltagare")
    enrolment = ProjectEnrolment.objects.create(
        organisation=world.home,
        participant=participant,
        project=project,
        entry_date=datetime.date(2025, 2, 1),
        exit_date=EXIT,
    )
    for days, kind in situations:
        ExitSituation.objects.create(
            organisation=world.home,
            enrolment=enrolment,
            kind=kind,
            employment_form="ordinary" if kind == SituationKind.EMPLOYMENT else "",
            occurred_on=EXIT + datetime.timedelta(days=days),
            evidence_kind="participant_statement",
        )
    return enrolment


def test_people_into_work_counts_the_last_situation_within_28_days(world):
    project = _project(world)
    viewer = Membership.objects.get(user=world.viewer)
    employment, education = SituationKind.EMPLOYMENT, SituationKind.EDUCATION
    _left(world, project, (3, employment))
    _left(world, project, (3, education), (20, employment))
    _left(world, project, (3, employment), (20, education))  # the last one counts: studies
    _left(world, project, (3, SituationKind.JOB_SEEKING), (40, employment))  # after the window
    _left(world, project)  # no situation recorded
    ProjectEnrolment.objects.create(
        organisation=world.home,
        participant=world.participant,
        project=project,
        entry_date=datetime.date(2025, 2, 1),
    )  # still in the project
    _left(world, _project(world), (3, employment), participant=world.participant)  # other project
    # Viewers see none of the rows, yet the count is the whole project's.
    assert people_into_work(membership=viewer, project=project) == 2
    outsider = Membership.objects.get(user=world.outsider)
    assert people_into_work(membership=outsider, project=project) == 0


def test_people_into_work_takes_the_same_queries_for_many_participants(world):
    project = _project(world)
    admin = Membership.objects.get(user=world.admin)
    _left(world, project, (1, SituationKind.EMPLOYMENT))
    with CaptureQueriesContext(connection) as few:
        people_into_work(membership=admin, project=project)
    for _ in range(6):
        _left(world, project, (1, SituationKind.EMPLOYMENT))
    with CaptureQueriesContext(connection) as many:
        assert people_into_work(membership=admin, project=project) == 7
    assert len(many) == len(few) == 1


def test_participants_are_the_enrolled_or_else_the_planned(world):
    admin = Membership.objects.get(user=world.admin)
    project = _project(world, planned_participants=34)
    assert project_participants(membership=admin, project=project) == 34
    _left(world, project)
    assert project_participants(membership=admin, project=project) == 1


def test_the_project_cost_is_its_budget_paid_by_its_funder(world):
    assert project_cost_of(_project(world)) is None
    esf = project_cost_of(_project(world, budget=4_000_000))
    assert esf.total == 4_000_000
    assert round(esf.years, 2) == 2.0
    assert esf.paid_by(Actor.KOMMUN) == 0  # ESF+ pays and gains nothing back
    finsam = project_cost_of(_project(world, budget=1_000_000, funder="samordningsforbund"))
    assert finsam.paid_by(Actor.FORSAKRINGSKASSAN) == 250_000
    assert sum(finsam.shares.values()) == 1
