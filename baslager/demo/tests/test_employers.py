import random
from collections import Counter

import pytest
from django.utils import timezone
from personnummer import personnummer

from baslager.demo.employer_texts import AB, ECONOMIC, NON_PROFIT, PUBLIC_BODY, SOLE
from baslager.demo.employers import organisation_number_make
from baslager.demo.services import demo_data_delete, demo_data_load, demo_split
from baslager.employers.models import (
    ContactPerson,
    Employer,
    EmployerKind,
    EmployerStageChange,
    Stage,
    Supervisor,
    SupervisorTraining,
    ValueChainLink,
)
from baslager.employers.numbers import LegalForm, legal_form_of, normalise_organisation_number
from baslager.openings.models import (
    LowThresholdTask,
    Opening,
    OpeningKind,
    OpeningStatus,
    OpeningStatusChange,
)
from baslager.openings.services import TRANSITIONS
from baslager.organisations.models import Organisation

pytestmark = pytest.mark.django_db

ALLA = "Alla kan arbeta (demo)"
ARBETSLIVSKRAFT = "Arbetslivskraft (demo)"
FORMS = {
    AB: LegalForm.LIMITED_COMPANY,
    PUBLIC_BODY: LegalForm.PUBLIC_SECTOR,
    ECONOMIC: LegalForm.ECONOMIC_ASSOCIATION,
    NON_PROFIT: LegalForm.NON_PROFIT,
    SOLE: LegalForm.SOLE_TRADER,
}


def by_organisation(model) -> dict[str, int]:
    return dict(Counter(model.objects.values_list("organisation__name", flat=True)))


def test_it_makes_valid_organisation_numbers_of_each_legal_form():
    rng = random.Random(3)
    for form, legal_form in FORMS.items():
        for _ in range(200):
            number = organisation_number_make(rng, form)
            assert normalise_organisation_number(number) == number
            assert legal_form_of(number) == legal_form
            if form == SOLE:
                assert personnummer.valid(number)


def test_employers_have_valid_unique_numbers_that_match_their_names():
    demo_data_load(participants=4, employers=120)

    employers = list(Employer.objects.all())
    assert len(employers) == 120
    for employer in employers:
        assert normalise_organisation_number(employer.organisation_number) == (
            employer.organisation_number
        )
        if employer.name.endswith(" AB"):
            assert employer.legal_form == LegalForm.LIMITED_COMPANY, employer.name
        if "ekonomisk förening" in employer.name:
            assert employer.legal_form == LegalForm.ECONOMIC_ASSOCIATION, employer.name
        if employer.kind == EmployerKind.PUBLIC_SECTOR:
            assert employer.legal_form == LegalForm.PUBLIC_SECTOR, employer.name
        if employer.kind == EmployerKind.ASSOCIATION:
            assert employer.legal_form == LegalForm.NON_PROFIT, employer.name
        # The starter taxonomy has only the SNI sections, which the demo falls back to.
        assert employer.industry is not None and employer.industry.level == 1
    numbers = Counter((e.organisation_id, e.organisation_number) for e in employers)
    assert max(numbers.values()) == 1
    assert len({e.name for e in employers}) == len(employers)
    forms = Counter(employer.legal_form for employer in employers)
    assert forms[LegalForm.SOLE_TRADER] >= 2
    assert forms[LegalForm.LIMITED_COMPANY] > forms[LegalForm.SOLE_TRADER]
    kinds = {employer.kind for employer in employers}
    assert kinds == set(EmployerKind.values)


def test_counts_follow_the_options():
    demo_data_load(participants=4, employers=30, openings=24)

    assert by_organisation(Employer) == {ARBETSLIVSKRAFT: 15, ALLA: 15}
    assert by_organisation(Opening) == {ARBETSLIVSKRAFT: 12, ALLA: 12}

    result = demo_data_load(participants=4, employers=100, openings=300, reset=True)

    assert by_organisation(Employer) == demo_split(total=100, default=80) == result.employers
    assert by_organisation(Opening) == demo_split(total=300, default=60) == result.openings
    assert by_organisation(Opening)[ARBETSLIVSKRAFT] > 4 * by_organisation(Opening)[ALLA]


def test_default_numbers_are_about_forty_employers_and_thirty_openings_each():
    demo_data_load(participants=4)

    assert by_organisation(Employer) == {ARBETSLIVSKRAFT: 40, ALLA: 40}
    assert by_organisation(Opening) == {ARBETSLIVSKRAFT: 30, ALLA: 30}
    named = {"Ronna Bageri", "Café Kanalen", "Säbrå Trädgård", "Ålsta folkhögskolas kök"}
    assert named <= set(Employer.objects.values_list("name", flat=True))


def employer_side() -> tuple[list, list, list]:
    employers = sorted(
        Employer.objects.values_list(
            "organisation__name", "name", "organisation_number", "stage", "kind", "city"
        )
    )
    openings = sorted(
        (
            opening.employer.name,
            opening.title,
            opening.kind,
            opening.status,
            opening.starts_on,
            tuple(sorted(skill.label for skill in opening.must_have_skills.all())),
        )
        for opening in Opening.objects.select_related("employer").prefetch_related(
            "must_have_skills"
        )
    )
    tasks = sorted(LowThresholdTask.objects.values_list("employer__name", "title", "identified_on"))
    return employers, openings, tasks


def test_the_same_seed_gives_the_same_employers_and_openings():
    demo_data_load(participants=6, employers=20, openings=30, seed=7)
    first = employer_side()
    demo_data_delete()

    demo_data_load(participants=6, employers=20, openings=30, seed=7)

    assert employer_side() == first
    demo_data_delete()
    demo_data_load(participants=6, employers=20, openings=30, seed=8)
    assert employer_side()[0] != first[0]
    assert employer_side()[1] != first[1]


def test_stage_histories_end_at_the_current_stage():
    demo_data_load(participants=4)
    now = timezone.now()

    changes: dict[int, list[EmployerStageChange]] = {}
    for change in EmployerStageChange.objects.order_by("changed_at", "pk"):
        changes.setdefault(change.employer_id, []).append(change)
    employers = list(Employer.objects.all())
    assert {employer.stage for employer in employers} == set(Stage.values)
    for employer in employers:
        history = changes[employer.pk]
        assert history[0].from_stage == "" and history[0].to_stage == Stage.IDENTIFIED
        for earlier, later in zip(history, history[1:], strict=False):
            assert later.from_stage == earlier.to_stage
            assert later.changed_at > earlier.changed_at
        assert history[-1].to_stage == employer.stage
        assert history[-1].changed_at < now
        assert employer.created_at == history[0].changed_at
        # Moves after a campaign call are the caller's (see demo/work_calls.py).
        by_owner = [change for change in history if change.note != "Efter samtal"]
        assert all(change.changed_by_id == employer.owner_id for change in by_owner)
        assert all(change.organisation_id == employer.organisation_id for change in history)


def test_openings_hang_together():
    demo_data_load(participants=4, openings=200)
    now = timezone.now()

    openings = list(
        Opening.objects.select_related("employer", "supervisor", "occupation").prefetch_related(
            "must_have_skills", "nice_to_have_skills", "occupation__skills"
        )
    )
    changes: dict[int, list[OpeningStatusChange]] = {}
    for change in OpeningStatusChange.objects.order_by("changed_at", "pk"):
        changes.setdefault(change.opening_id, []).append(change)
    assert {opening.kind for opening in openings} == set(OpeningKind.values)
    assert {opening.status for opening in openings} == set(OpeningStatus.values)
    assert any(opening.supervisor for opening in openings)
    assert any(opening.nice_to_have_skills.all() for opening in openings)
    for opening in openings:
        opening.full_clean()
        if opening.supervisor:
            assert opening.supervisor.employer_id == opening.employer_id
        assert opening.kommun_code == opening.employer.kommun_code
        assert opening.place.startswith(opening.employer.street_address)
        assert 10 <= opening.hours_per_week <= 40
        assert 1 <= opening.places <= 3
        must = {skill.pk for skill in opening.must_have_skills.all()}
        nice = {skill.pk for skill in opening.nice_to_have_skills.all()}
        assert not must & nice
        if opening.occupation:
            linked = {skill.pk for skill in opening.occupation.skills.all()}
            assert must | nice <= linked
            assert 2 <= len(must) <= 4 and len(nice) <= 3
        history = changes[opening.pk]
        assert history[0].from_status == "" and history[0].to_status == OpeningStatus.DRAFT
        for earlier, later in zip(history, history[1:], strict=False):
            assert later.from_status == earlier.to_status
            assert later.to_status in TRANSITIONS[earlier.to_status]
            assert later.changed_at > earlier.changed_at
        assert history[-1].to_status == opening.status
        assert history[-1].changed_at < now


def test_supervisors_are_at_partners_and_two_thirds_are_trained():
    demo_data_load(participants=4, employers=200)
    today = timezone.localdate()

    supervisors = list(Supervisor.objects.select_related("employer"))
    per_employer = Counter(supervisor.employer_id for supervisor in supervisors)
    for supervisor in supervisors:
        assert supervisor.employer.stage in (Stage.PARTNER, Stage.RECRUITING)
        assert 1 <= supervisor.capacity <= 3
    assert set(per_employer.values()) == {1, 2}
    partners = Employer.objects.filter(stage__in=(Stage.PARTNER, Stage.RECRUITING))
    assert set(per_employer) == set(partners.values_list("pk", flat=True))
    trainings = list(SupervisorTraining.objects.all())
    assert 0.5 < len(trainings) / len(supervisors) < 0.8
    assert all(training.completed_on < today for training in trainings)
    assert {training.course for training in trainings} == {"Handledarutbildning"}


def test_alla_kan_arbeta_has_sixteen_tasks_mostly_open_to_everyone():
    demo_data_load(participants=4)

    alla = Organisation.objects.get(name=ALLA)
    tasks = list(LowThresholdTask.objects.filter(organisation=alla).select_related("employer"))
    assert len(tasks) == 16
    assert sum(task.offered_to_everyone_regardless_of_gender for task in tasks) >= 12
    assert all(task.employer.organisation_id == alla.pk for task in tasks)
    assert all(task.identified_on < timezone.localdate() for task in tasks)
    assert all(task.done_today_by and task.hours_per_week for task in tasks)
    assert by_organisation(LowThresholdTask)[ARBETSLIVSKRAFT] == 4
    bundles = Opening.objects.filter(organisation=alla, tasks__isnull=False).distinct()
    assert bundles.count() == 3
    for opening in bundles:
        assert opening.kind == OpeningKind.LOW_THRESHOLD
        assert {task.employer_id for task in opening.tasks.all()} == {opening.employer_id}


def test_each_organisation_has_a_value_chain_and_contact_people():
    demo_data_load(participants=4)

    for name in (ARBETSLIVSKRAFT, ALLA):
        links = ValueChainLink.objects.filter(organisation__name=name).select_related(
            "supplier", "customer"
        )
        assert links.count() >= 3
        for link in links:
            assert link.supplier.organisation_id == link.organisation_id
            assert link.customer.organisation_id == link.organisation_id
    assert ValueChainLink.objects.filter(
        supplier__name="Säbrå Trädgård", customer__name="Ålsta folkhögskolas kök"
    ).exists()
    contacts = Counter(ContactPerson.objects.values_list("employer_id", flat=True))
    assert set(contacts.values()) <= {1, 2}
    assert len(contacts) == Employer.objects.count()
    for contact in ContactPerson.objects.all():
        assert contact.name and contact.role
        assert contact.email == "" or contact.email.isascii()
        assert contact.email == "" or contact.email.endswith(".example.com")
        assert contact.phone == "" or contact.phone.startswith("070-174 06 ")


def test_removing_the_demo_data_removes_the_employer_side():
    demo_data_load(participants=4)
    assert LowThresholdTask.objects.exists() and SupervisorTraining.objects.exists()

    demo_data_delete()

    for model in (
        Employer,
        EmployerStageChange,
        ContactPerson,
        Supervisor,
        SupervisorTraining,
        ValueChainLink,
        Opening,
        OpeningStatusChange,
        LowThresholdTask,
        Opening.must_have_skills.through,
        Opening.tasks.through,
    ):
        assert not model.objects.exists(), model
