"""Participant records from the projects' models, in a constant number of queries."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from baslager.esf import indicators as ind
from baslager.esf import selectors
from baslager.esf.records import Answer, EntryStatus, Gender, Isced, SituationKind
from baslager.participants.models import Gender as ParticipantGender
from baslager.participants.models import SpecialCategoryData
from baslager.projects import services as project_services
from baslager.projects.models import (
    EnrolmentSensitiveSnapshot,
    ExitSituation,
    Funder,
    Project,
    ProjectEnrolment,
    SixMonthFollowUp,
)
from baslager.testing.personas import make_participant, membership_of

pytestmark = pytest.mark.django_db


def make_project(organisation, **fields) -> Project:
    fields.setdefault("starts_on", date(2025, 1, 1))
    fields.setdefault("ends_on", date(2026, 12, 31))
    return Project.objects.create(
        organisation=organisation, name="Alla kan arbeta", funder=Funder.ESF_PLUS, **fields
    )


def enrol(participant, project, entry_date=date(2025, 2, 3), **fields) -> ProjectEnrolment:
    return ProjectEnrolment.objects.create(
        organisation=participant.organisation,
        participant=participant,
        project=project,
        entry_date=entry_date,
        **fields,
    )


def situation(enrolment, kind, on):
    return ExitSituation.objects.create(
        organisation=enrolment.organisation,
        enrolment=enrolment,
        kind=kind,
        occurred_on=on,
        evidence_kind="participant_statement",
    )


def test_records_carry_the_characteristics_at_entry_and_the_results(world):
    project = make_project(world.home)
    world.participant.gender = ParticipantGender.OTHER
    world.participant.birth_date = date(2000, 2, 3)
    world.participant.id_number = "200002031234"
    world.participant.save()
    enrolment = enrol(
        world.participant,
        project,
        exit_date=date(2025, 6, 30),
        exit_reason="found_work",
        employment_status_at_entry="employed",
        education_at_entry="isced_0_2",
        homeless_at_entry="yes",
        rural_at_entry="no",
    )
    EnrolmentSensitiveSnapshot.objects.create(
        organisation=world.home,
        enrolment=enrolment,
        disability="refused",
        minority="yes",
        foreign_background="no",
        citizenship="stateless",
    )
    situation(enrolment, "job_seeking", date(2025, 7, 1))
    situation(enrolment, "employment", date(2025, 7, 20))
    SixMonthFollowUp.objects.create(
        organisation=world.home,
        enrolment=enrolment,
        exit_date=date(2025, 6, 30),
        due_on=date(2025, 12, 30),
        employment_status="employed",
        employment_form="ordinary",
        promoted=True,
        answered_at=timezone.now(),
    )
    [record] = selectors.participant_records(project=project, membership=membership_of(world.admin))
    assert record.person_id == world.participant.pk
    assert record.identity == "200002031234"
    assert (record.gender, record.age_at_entry) == (Gender.NON_BINARY, 25)
    assert (record.entry_status, record.isced) == (
        EntryStatus.EMPLOYED,
        Isced.LOWER_SECONDARY_OR_LESS,
    )
    assert record.homeless and not record.rural
    assert (record.disability, record.minority) == (Answer.REFUSED, Answer.YES)
    assert (record.foreign_background, record.third_country_national) == (Answer.NO, Answer.YES)
    assert [s.kind for s in record.situations] == [
        SituationKind.JOB_SEEKING,
        SituationKind.EMPLOYMENT,
    ]
    assert ind.eecr04(record) and ind.eecr05(record) and ind.eecr06(record)


def test_missing_answers_are_unknown_and_the_record_incomplete(world):
    project = make_project(world.home)
    enrol(world.participant, project)  # no status, no education, no birth date
    [record] = selectors.participant_records(project=project, membership=membership_of(world.admin))
    assert record.gender == Gender.UNKNOWN and record.entry_status == EntryStatus.UNKNOWN
    assert record.disability == Answer.UNKNOWN and record.follow_up is None
    assert not record.is_complete


def test_only_the_project_asked_for_and_the_organisation_of_the_member(world):
    project, other_project = make_project(world.home), make_project(world.home)
    enrol(world.participant, project)
    enrol(world.colleagues_participant, other_project)
    enrol(world.outsiders_participant, make_project(world.other))
    records = selectors.participant_records(project=project, membership=membership_of(world.admin))
    assert [r.person_id for r in records] == [world.participant.pk]
    outsider = membership_of(world.outsider)
    assert selectors.participant_records(project=project, membership=outsider) == []


def test_a_constant_number_of_queries(world):
    project = make_project(world.home)
    membership = membership_of(world.viewer)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            selectors.participant_records(project=project, membership=membership)
        return len(captured)

    def add(n):
        for i in range(n):
            person = make_participant(world.home, first_name=f"P{i}", birth_date=date(1990, 1, 1))
            enrolment = enrol(person, project, exit_date=date(2025, 5, 1), exit_reason="other")
            EnrolmentSensitiveSnapshot.objects.create(organisation=world.home, enrolment=enrolment)
            situation(enrolment, "education", date(2025, 5, 2))
            situation(enrolment, "employment", date(2025, 5, 3))

    add(1)
    few = queries()
    add(12)
    assert queries() == few == 4


def test_re_entry_keeps_the_first_entry_and_counts_the_latest_exit_only(world):
    """Through the projects' own services: leave, come back, leave again."""
    project = make_project(world.home)
    admin = world.admin
    participant = world.participant
    participant.labour_market_status = "unemployed"
    participant.save()
    enrolment, _ = project_services.project_enrolment_enter(
        participant=participant, project=project, entry_date=date(2025, 2, 3), actor=admin
    )
    project_services.project_enrolment_exit(
        enrolment=enrolment, exit_date=date(2025, 4, 1), exit_reason="found_work", actor=admin
    )
    project_services.exit_situation_add(
        enrolment=enrolment,
        data={
            "kind": "employment",
            "employment_form": "ordinary",
            "occurred_on": date(2025, 4, 5),
            "evidence_kind": "employer_confirmation",
        },
        actor=admin,
    )
    again, re_entry = project_services.project_enrolment_enter(
        participant=participant, project=project, entry_date=date(2025, 6, 1), actor=admin
    )
    assert re_entry and again.pk == enrolment.pk
    project_services.project_enrolment_exit(
        enrolment=again, exit_date=date(2025, 9, 1), exit_reason="completed", actor=admin
    )
    project_services.exit_situation_add(
        enrolment=again,
        data={"kind": "job_seeking", "occurred_on": date(2025, 9, 3), "evidence_kind": "other"},
        actor=admin,
    )
    [record] = selectors.participant_records(project=project, membership=membership_of(admin))
    assert record.entry_date == date(2025, 2, 3)
    assert record.exit_date == date(2025, 9, 1)
    assert ind.eecr01(record) and not ind.eecr04(record)  # the April job was the earlier stay


def test_people_behind_a_figure_are_scoped(world):
    project = make_project(world.home)
    for person in (world.participant, world.colleagues_participant):
        person.gender, person.birth_date = ParticipantGender.WOMAN, date(1990, 1, 1)
        person.save()
        enrolment = enrol(
            person, project, employment_status_at_entry="inactive", education_at_entry="isced_3_4"
        )
        SpecialCategoryData.objects.create(organisation=world.home, participant=person)
        EnrolmentSensitiveSnapshot.objects.create(
            organisation=world.home, enrolment=enrolment, disability="yes"
        )
    period = {"starts_on": date(2025, 1, 1), "ends_on": date(2025, 12, 31)}

    def names(user, code, **extra):
        people = selectors.people_in_cell(
            project=project, membership=membership_of(user), code=code, **period, **extra
        )
        return sorted(p.first_name for p in people)

    assert names(world.admin, "EECO04") == ["Amina", "Bertil"]
    assert names(world.coach, "EECO04") == ["Amina"]
    assert names(world.coach, "EECO04", gender=Gender.MAN) == []
    assert names(world.viewer, "EECO04") == []
    # Special-category figures: only the participant's own coaches, even in an open organisation.
    world.home.coaches_see_all_participants = True
    world.home.save()
    assert names(world.coach, "EECO04") == ["Amina", "Bertil"]
    assert names(world.coach, "EECO12") == ["Amina"]
