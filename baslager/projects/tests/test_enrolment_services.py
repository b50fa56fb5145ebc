from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from baslager.participants.models import LabourMarketStatus, SpecialCategoryData, TriState
from baslager.projects.models import (
    Citizenship,
    EmploymentForm,
    EmploymentStatusAtEntry,
    EvidenceKind,
    ExitReason,
    IscedBand,
    ProjectEnrolment,
    ProjectReEntry,
    SituationKind,
    StatusAfterSixMonths,
)
from baslager.projects.services import (
    exit_situation_add,
    project_enrolment_enter,
    project_enrolment_exit,
    project_enrolment_update_entry,
    six_month_follow_up_answer,
)
from baslager.taxonomy.models import EducationLevel
from baslager.testing.personas import make_participant

from .factories import make_project

TODAY = timezone.localdate()


def _enter(world, project, *, participant=None, entry_date=None):
    return project_enrolment_enter(
        participant=participant or world.participant,
        project=project,
        entry_date=entry_date or TODAY - timedelta(days=100),
        actor=world.coach,
    )


def _exited(world, project, *, exit_date=None, participant=None, entry_date=None):
    enrolment, _ = _enter(world, project, participant=participant, entry_date=entry_date)
    return project_enrolment_exit(
        enrolment=enrolment,
        exit_date=exit_date or TODAY - timedelta(days=20),
        exit_reason=ExitReason.COMPLETED,
        actor=world.coach,
    )


def test_the_characteristics_at_entry_are_filled_in_from_the_participant(world):
    participant = world.participant
    participant.labour_market_status = LabourMarketStatus.UNEMPLOYED
    participant.birth_date = date(1980, 1, 1)
    participant.unemployed_since = TODAY - timedelta(days=800)
    participant.education_level = EducationLevel.objects.create(
        concept_id="sun-3", label="Gymnasial utbildning", code="3", level=1, isced=3
    )
    participant.save()
    SpecialCategoryData.objects.create(
        organisation=world.home,
        participant=participant,
        has_disability=TriState.YES,
        minority=TriState.REFUSED,
        foreign_background=TriState.NO,
        third_country_national=TriState.YES,
        collection_attempted_at=date(2025, 3, 1),
    )
    enrolment, re_entered = _enter(world, make_project(world))
    assert not re_entered
    assert enrolment.employment_status_at_entry == EmploymentStatusAtEntry.LONG_TERM_UNEMPLOYED
    assert enrolment.education_at_entry == IscedBand.UPPER_OR_POST_SECONDARY
    assert enrolment.created_by == world.coach
    snapshot = enrolment.sensitive_snapshot
    assert (snapshot.disability, snapshot.minority, snapshot.foreign_background) == (
        "yes",
        "refused",
        "no",
    )
    assert snapshot.citizenship == Citizenship.THIRD_COUNTRY
    assert snapshot.collection_attempted_at == date(2025, 3, 1)


def test_long_term_unemployment_is_measured_on_the_project_entry_date(world):
    participant = world.participant
    participant.labour_market_status = LabourMarketStatus.UNEMPLOYED
    participant.birth_date = date(1980, 1, 1)
    participant.entry_date = TODAY - timedelta(days=300)
    participant.unemployed_since = TODAY - timedelta(days=400)
    participant.save()
    assert not participant.is_long_term_unemployed
    enrolment, _ = _enter(world, make_project(world), entry_date=TODAY)
    assert enrolment.employment_status_at_entry == EmploymentStatusAtEntry.LONG_TERM_UNEMPLOYED


def test_without_special_category_data_the_sensitive_answers_stay_not_asked(world):
    enrolment, _ = _enter(world, make_project(world))
    assert enrolment.sensitive_snapshot.disability == ""
    assert enrolment.sensitive_snapshot.citizenship == ""


def test_re_entering_the_same_project_reopens_it_and_keeps_the_first_entry(world):
    project = make_project(world)
    enrolment = _exited(world, project, exit_date=TODAY - timedelta(days=30))
    project_enrolment_update_entry(
        enrolment=enrolment,
        data={"homeless_at_entry": "yes"},
        sensitive={"has_disability": TriState.YES},
    )
    first_entry = enrolment.entry_date
    follow_up = enrolment.follow_ups_6m.get()

    again, re_entered = _enter(world, project, entry_date=TODAY - timedelta(days=5))

    assert re_entered and again.pk == enrolment.pk
    assert ProjectEnrolment.objects.filter(participant=world.participant).count() == 1
    assert again.entry_date == first_entry
    assert again.exit_date is None and again.exit_reason == ""
    assert again.homeless_at_entry == "yes"
    assert again.sensitive_snapshot.disability == "yes"
    re_entry = ProjectReEntry.objects.get(enrolment=enrolment)
    assert re_entry.previous_exit_date == TODAY - timedelta(days=30)
    assert re_entry.previous_exit_reason == ExitReason.COMPLETED
    assert re_entry.re_entered_on == TODAY - timedelta(days=5)
    follow_up.refresh_from_db()
    assert follow_up.cancelled_at is not None


def test_the_exit_after_a_re_entry_updates_the_exit_and_its_follow_up(world):
    project = make_project(world)
    enrolment = _exited(world, project, exit_date=TODAY - timedelta(days=60))
    _enter(world, project, entry_date=TODAY - timedelta(days=40))
    project_enrolment_exit(
        enrolment=enrolment, exit_date=TODAY, exit_reason=ExitReason.FOUND_WORK, actor=world.coach
    )
    live = enrolment.follow_ups_6m.filter(cancelled_at__isnull=True).get()
    assert live.exit_date == TODAY
    assert enrolment.follow_ups_6m.count() == 2


def test_an_exit_after_a_re_entry_gets_its_own_follow_up_beside_the_answered_one(world):
    project = make_project(world)
    enrolment = _exited(
        world,
        project,
        entry_date=TODAY - timedelta(days=300),
        exit_date=TODAY - timedelta(days=250),
    )
    answered = six_month_follow_up_answer(
        follow_up=enrolment.follow_ups_6m.get(),
        data={"employment_status": StatusAfterSixMonths.UNEMPLOYED},
        actor=world.coach,
    )
    _enter(world, project, entry_date=TODAY - timedelta(days=40))
    project_enrolment_exit(
        enrolment=enrolment, exit_date=TODAY, exit_reason=ExitReason.FOUND_WORK, actor=world.coach
    )
    answered.refresh_from_db()
    assert answered.exit_date == TODAY - timedelta(days=250) and answered.cancelled_at is None
    new = enrolment.follow_ups_6m.exclude(pk=answered.pk).get()
    assert (new.exit_date, new.answered_at) == (TODAY, None)


def test_a_participant_cannot_enter_a_project_they_are_in(world):
    project = make_project(world)
    _enter(world, project)
    with pytest.raises(ValidationError, match="already in"):
        _enter(world, project)


def test_a_re_entry_cannot_come_before_the_last_exit(world):
    project = make_project(world)
    _exited(world, project, exit_date=TODAY - timedelta(days=20))
    with pytest.raises(ValidationError, match="before the last exit"):
        _enter(world, project, entry_date=TODAY - timedelta(days=21))


def test_another_project_is_a_new_enrolment_even_at_the_same_time(world):
    first, second = make_project(world), make_project(world, name="Vägen vidare")
    one, _ = _enter(world, first)
    other, re_entered = _enter(world, second)
    assert not re_entered and one.pk != other.pk
    assert one.is_open and other.is_open


def test_the_entry_must_lie_in_the_project_period(world):
    project = make_project(world, starts_on=TODAY - timedelta(days=10))
    with pytest.raises(ValidationError, match="runs from"):
        _enter(world, project, entry_date=TODAY - timedelta(days=11))


def test_the_exit_cannot_come_before_the_entry_or_in_the_future(world):
    enrolment, _ = _enter(world, make_project(world), entry_date=TODAY - timedelta(days=10))
    for exit_date, message in (
        (TODAY - timedelta(days=11), "before the entry"),
        (TODAY + timedelta(days=1), "in the future"),
    ):
        with pytest.raises(ValidationError, match=message):
            project_enrolment_exit(
                enrolment=enrolment,
                exit_date=exit_date,
                exit_reason=ExitReason.MOVED,
                actor=world.coach,
            )
    enrolment.refresh_from_db()
    assert enrolment.exit_date is None


def test_the_exit_puts_a_follow_up_six_months_later_on_the_first_coach(world):
    world.participant.coaches.add(world.colleague)  # added after world.coach
    project = make_project(world, starts_on=date(2025, 1, 1))
    enrolment = _exited(world, project, entry_date=date(2025, 1, 1), exit_date=date(2025, 1, 31))
    follow_up = enrolment.follow_ups_6m.get()
    assert follow_up.due_on == date(2025, 7, 31)
    assert follow_up.assignee == world.coach
    assert follow_up.exit_date == date(2025, 1, 31)


def test_without_a_coach_the_follow_up_goes_to_whoever_recorded_the_exit(world):
    participant = make_participant(world.home)
    enrolment, _ = _enter(world, make_project(world), participant=participant)
    project_enrolment_exit(
        enrolment=enrolment,
        exit_date=TODAY,
        exit_reason=ExitReason.ILLNESS,
        actor=world.admin,
    )
    assert enrolment.follow_ups_6m.get().assignee == world.admin


def test_correcting_the_exit_moves_the_follow_up(world):
    project = make_project(world, starts_on=date(2025, 1, 1))
    enrolment = _exited(world, project, entry_date=date(2025, 1, 1), exit_date=date(2025, 1, 10))
    project_enrolment_exit(
        enrolment=enrolment,
        exit_date=date(2025, 2, 10),
        exit_reason=ExitReason.OTHER,
        actor=world.coach,
    )
    follow_up = enrolment.follow_ups_6m.get()
    assert follow_up.due_on == date(2025, 8, 10)


def _situation(enrolment, world, days_after_exit, **data):
    values = {
        "kind": SituationKind.JOB_SEEKING,
        "occurred_on": enrolment.exit_date + timedelta(days=days_after_exit),
        "evidence_kind": EvidenceKind.PARTICIPANT_STATEMENT,
        **data,
    }
    return exit_situation_add(enrolment=enrolment, data=values, actor=world.coach)


def test_situations_are_dated_events_in_the_28_days_after_exit(world):
    enrolment = _exited(world, make_project(world), exit_date=TODAY - timedelta(days=40))
    _situation(enrolment, world, 0)
    _situation(
        enrolment,
        world,
        28,
        kind=SituationKind.EMPLOYMENT,
        employment_form=EmploymentForm.NYSTARTSJOBB,
        evidence_kind=EvidenceKind.EMPLOYER_CONFIRMATION,
    )
    assert [s.kind for s in enrolment.situations.all()] == ["job_seeking", "employment"]
    for days in (-1, 29):
        with pytest.raises(ValidationError, match="within 28 days of the exit"):
            _situation(enrolment, world, days)
    assert enrolment.situations.count() == 2


def test_employment_needs_its_form_and_nothing_else_has_one(world):
    enrolment = _exited(world, make_project(world))
    with pytest.raises(ValidationError, match="which form of employment"):
        _situation(enrolment, world, 3, kind=SituationKind.EMPLOYMENT)
    with pytest.raises(ValidationError, match="only with employment"):
        _situation(enrolment, world, 3, employment_form=EmploymentForm.ORDINARY)


def test_a_situation_needs_the_exit_first(world):
    enrolment, _ = _enter(world, make_project(world))
    with pytest.raises(ValidationError, match="Record the exit first"):
        exit_situation_add(
            enrolment=enrolment,
            data={
                "kind": SituationKind.OTHER,
                "occurred_on": TODAY,
                "evidence_kind": EvidenceKind.OTHER,
            },
            actor=world.coach,
        )


def test_the_follow_up_answer_is_recorded_with_who_and_when(world):
    enrolment = _exited(world, make_project(world))
    follow_up = six_month_follow_up_answer(
        follow_up=enrolment.follow_ups_6m.get(),
        data={
            "employment_status": StatusAfterSixMonths.EMPLOYED,
            "employment_form": EmploymentForm.LONEBIDRAG,
            "evidence_kind": EvidenceKind.ARBETSFORMEDLINGEN,
        },
        actor=world.coach,
    )
    follow_up.refresh_from_db()
    assert follow_up.answered_by == world.coach and follow_up.answered_at is not None
    assert follow_up.employment_form == EmploymentForm.LONEBIDRAG
    assert not follow_up.improved_situation


def test_an_improved_situation_counts_only_for_those_employed_at_entry(world):
    enrolment = _exited(world, make_project(world))
    follow_up = enrolment.follow_ups_6m.get()
    answer = {
        "employment_status": StatusAfterSixMonths.EMPLOYED,
        "employment_form": EmploymentForm.ORDINARY,
        "precarious_to_stable": True,
    }
    with pytest.raises(ValidationError, match="employed at entry"):
        six_month_follow_up_answer(follow_up=follow_up, data=answer, actor=world.coach)
    project_enrolment_update_entry(
        enrolment=enrolment, data={"employment_status_at_entry": EmploymentStatusAtEntry.EMPLOYED}
    )
    follow_up.refresh_from_db()
    six_month_follow_up_answer(follow_up=follow_up, data=answer, actor=world.coach)
    follow_up.refresh_from_db()
    assert follow_up.improved_situation


def test_an_improved_situation_needs_employment_six_months_later(world):
    enrolment = _exited(world, make_project(world))
    project_enrolment_update_entry(
        enrolment=enrolment, data={"employment_status_at_entry": EmploymentStatusAtEntry.EMPLOYED}
    )
    with pytest.raises(ValidationError, match="needs employment"):
        six_month_follow_up_answer(
            follow_up=enrolment.follow_ups_6m.get(),
            data={"employment_status": StatusAfterSixMonths.UNEMPLOYED, "promoted": True},
            actor=world.coach,
        )


def test_a_closed_case_cannot_enter_a_project(world):
    world.participant.status = "ended"
    world.participant.save()
    with pytest.raises(ValidationError, match="is closed"):
        _enter(world, make_project(world))
