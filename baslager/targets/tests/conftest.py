from datetime import date

import pytest

from baslager.employability.models import AnsweredHow
from baslager.employability.services import assessment_record, questionnaire_for
from baslager.employers.models import Employer
from baslager.openings.models import Opening, OpeningKind
from baslager.placements.models import Placement
from baslager.projects.models import ExitSituation, Project, ProjectEnrolment
from baslager.taxonomy.models import Occupation, OccupationGroup
from baslager.testing.personas import make_participant

START = date(2025, 1, 1)


@pytest.fixture
def project(world):
    return Project.objects.create(
        organisation=world.home,
        name="Alla kan arbeta",
        funder="esf_plus",
        starts_on=START,
        ends_on=date(2027, 12, 31),
    )


@pytest.fixture
def person(world, project):
    """``person(gender, entry=, exit=, situations=[(day, kind)])``: a participant of home enrolled
    in ``project``; returns the enrolment."""

    def make(gender="woman", *, entry=START, exit=None, situations=(), first_name="Amina"):
        participant = make_participant(
            world.home, world.coach, gender=gender, first_name=first_name
        )
        enrolment = ProjectEnrolment.objects.create(
            organisation=world.home,
            participant=participant,
            project=project,
            entry_date=entry,
            exit_date=exit,
            exit_reason="completed" if exit else "",
        )
        for day, kind in situations:
            ExitSituation.objects.create(
                organisation=world.home,
                enrolment=enrolment,
                kind=kind,
                employment_form="ordinary" if kind == "employment" else "",
                occurred_on=day,
                evidence_kind="participant_statement",
            )
        return enrolment

    return make


def occupation(code: str, label: str) -> Occupation:
    major, _ = OccupationGroup.objects.get_or_create(
        code=code[0], level=1, defaults={"concept_id": f"g{code[0]}", "label": f"Fält {code[0]}"}
    )
    group, _ = OccupationGroup.objects.get_or_create(
        code=code, level=4, defaults={"concept_id": f"g{code}", "label": label, "parent": major}
    )
    return Occupation.objects.create(concept_id=f"o{code}-{label[:8]}", label=label, group=group)


@pytest.fixture
def place(world):
    """``place(participant, starts_on, kind=, ssyk=)``: a placement of ``participant``."""
    employer = Employer.objects.create(organisation=world.home, name="Snickeriet AB")
    openings = {}

    def make(participant, starts_on, *, kind=OpeningKind.INTERNSHIP, ssyk=None):
        opening = None
        if ssyk:
            if ssyk not in openings:
                openings[ssyk] = Opening.objects.create(
                    organisation=world.home,
                    employer=employer,
                    title=ssyk,
                    kind=kind,
                    occupation=occupation(ssyk, f"Yrke {ssyk}"),
                )
            opening = openings[ssyk]
        return Placement.objects.create(
            organisation=world.home,
            participant=participant,
            employer=employer,
            opening=opening,
            kind=kind,
            starts_on=starts_on,
        )

    return make


@pytest.fixture
def record(world):
    """``record(participant, occasion, value, on, project)``: a self-assessment answering every
    question with ``value``."""
    questionnaire = questionnaire_for(organisation=world.home)
    questions = list(questionnaire.questions.filter(is_active=True))

    def make(participant, occasion, value, *, on, project):
        return assessment_record(
            participant=participant,
            questionnaire=questionnaire,
            occasion=occasion,
            language="sv",
            answered_how=AnsweredHow.PAPER,
            values={q.pk: value for q in questions},
            answered_on=on,
            entered_by=world.coach,
            project=project,
        )

    return make
