from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from baslager.employers.models import Employer, EmployerStageChange, SizeBand, Stage
from baslager.openings.models import LowThresholdTask, OpeningKind, OpeningStatus
from baslager.outreach import services
from baslager.outreach.models import (
    CampaignStatus,
    CampaignTarget,
    FollowUp,
    FollowUpKind,
    Horizon,
    Outcome,
    TargetState,
)
from baslager.taxonomy.models import Industry, Occupation
from baslager.testing.personas import membership_of

from .factories import campaign_for, employers


def _take(campaign, caller):
    return services.target_take_next(campaign=campaign, caller=caller)


def test_it_builds_the_target_list_from_the_filters_and_extends_it_later(world):
    section = Industry.objects.create(concept_id="sni-c", label="Tillverkning", code="C", level=1)
    division = Industry.objects.create(
        concept_id="sni-10", label="Livsmedel", code="10", level=2, parent=section
    )
    bakery = Industry.objects.create(
        concept_id="sni-10710", label="Bagerier", code="10710", level=5, parent=division
    )
    shop = Industry.objects.create(concept_id="sni-g", label="Handel", code="G", level=1)
    home = world.home
    fits = Employer.objects.create(
        organisation=home,
        name="Bageriet",
        industry=bakery,
        kommun_code="0180",
        size_band=SizeBand.SMALL,
    )
    Employer.objects.create(
        organisation=home,
        name="Butiken",
        industry=shop,
        kommun_code="0180",
        size_band=SizeBand.SMALL,
    )
    Employer.objects.create(
        organisation=home,
        name="Långt bort",
        industry=bakery,
        kommun_code="2280",
        size_band=SizeBand.SMALL,
    )
    Employer.objects.create(
        organisation=home,
        name="Partnern",
        industry=bakery,
        kommun_code="0180",
        size_band=SizeBand.SMALL,
        stage=Stage.PARTNER,
    )
    Employer.objects.create(
        organisation=world.other, name="Annans bageri", industry=bakery, kommun_code="0180"
    )
    campaign = campaign_for(
        world,
        industries=[section],
        kommun_codes=["0180"],
        size_bands=[SizeBand.SMALL, SizeBand.MEDIUM],
        stages=[Stage.IDENTIFIED, Stage.CONTACTED],
    )
    assert list(campaign.targets.values_list("employer", flat=True)) == [fits.pk]

    later = Employer.objects.create(
        organisation=home,
        name="Nya bageriet",
        industry=bakery,
        kommun_code="0180",
        size_band=SizeBand.MEDIUM,
        stage=Stage.CONTACTED,
    )
    fits.stage = Stage.PARTNER  # no longer matches, but its place on the list is kept
    fits.save()
    assert services.campaign_targets_refresh(campaign=campaign) == 1
    assert set(campaign.targets.values_list("employer", flat=True)) == {fits.pk, later.pk}


def test_it_accepts_only_coaches_scouts_and_administrators_of_the_organisation_as_callers(world):
    for stranger in (world.viewer, world.outsider):
        with pytest.raises(ValidationError):
            campaign_for(world, world.coach, stranger)
    campaign = campaign_for(world, world.admin, world.coach, world.scout)
    assert set(campaign.callers.all()) == {world.admin, world.coach, world.scout}


def test_it_gives_due_call_backs_first_then_employers_never_called_then_the_longest_ago(world):
    first, second, third, fourth = employers(world.home, 4)
    campaign = campaign_for(world, world.coach, world.colleague)
    targets = {t.employer_id: t for t in campaign.targets.all()}
    now = timezone.now()
    # ``first`` was called yesterday, ``second`` an hour ago; ``fourth`` has a call back due.
    CampaignTarget.objects.filter(pk=targets[first.pk].pk).update(
        attempts=1, last_called_at=now - timedelta(days=1)
    )
    CampaignTarget.objects.filter(pk=targets[second.pk].pk).update(
        attempts=1, last_called_at=now - timedelta(hours=1)
    )
    CampaignTarget.objects.filter(pk=targets[fourth.pk].pk).update(
        attempts=1,
        state=TargetState.CALLBACK,
        callback_at=now - timedelta(minutes=5),
        callback_by=world.coach,
        last_called_at=now - timedelta(days=2),
    )
    order = []
    for caller in (world.coach, world.colleague, world.admin):
        if caller == world.admin:
            campaign.callers.add(world.admin)
        order.append(_take(campaign, caller).employer_id)
    assert order == [fourth.pk, third.pk, first.pk]


def test_it_keeps_a_call_back_for_the_caller_who_promised_it(world):
    (employer,) = employers(world.home, 1)
    campaign = campaign_for(world, world.coach, world.colleague)
    target = _take(campaign, world.coach)
    services.call_log(
        target=target,
        caller=world.coach,
        outcome=Outcome.CALL_BACK,
        callback_at=timezone.now() + timedelta(hours=1),
    )
    assert _take(campaign, world.colleague) is None, "not due yet"
    CampaignTarget.objects.filter(pk=target.pk).update(callback_at=timezone.now())
    assert _take(campaign, world.colleague) is None, "promised by the coach"
    assert _take(campaign, world.coach).pk == target.pk


def test_it_reserves_one_target_per_caller_until_the_reservation_runs_out(world):
    employers(world.home, 3)
    campaign = campaign_for(world, world.coach, world.colleague, reservation_minutes=10)
    mine = _take(campaign, world.coach)
    assert mine.reserved_by == world.coach
    assert timedelta(minutes=9) < mine.reserved_until - timezone.now() <= timedelta(minutes=10)
    assert _take(campaign, world.coach).pk == mine.pk, "the same one again, not a second"
    theirs = _take(campaign, world.colleague)
    assert theirs.pk != mine.pk
    assert CampaignTarget.objects.filter(reserved_by=world.coach).count() == 1

    # The coach walks away: once the reservation runs out the target is free again.
    CampaignTarget.objects.filter(pk=mine.pk).update(
        reserved_until=timezone.now() - timedelta(seconds=1)
    )
    services.call_log(target=theirs, caller=world.colleague, outcome=Outcome.NOT_INTERESTED)
    assert _take(campaign, world.colleague).pk == mine.pk
    with pytest.raises(ValidationError):
        services.call_log(target=mine, caller=world.coach, outcome=Outcome.INTERESTED)


def test_taking_the_next_employer_is_one_query_and_keeps_a_held_reservation_as_it_is(world):
    employers(world.home, 3)
    campaign = campaign_for(world, world.coach, world.colleague)
    with CaptureQueriesContext(connection) as taking:
        mine = _take(campaign, world.coach)
    with CaptureQueriesContext(connection) as holding:
        again = _take(campaign, world.coach)
    assert (len(taking), len(holding)) == (1, 1), [q["sql"] for q in taking.captured_queries]
    assert (again.pk, again.reserved_until) == (mine.pk, mine.reserved_until)
    assert again.reserved_by_id == world.coach.pk
    # Only an empty queue costs a second query: is the caller a caller at all?
    CampaignTarget.objects.update(state=TargetState.DONE, reserved_by=None, reserved_until=None)
    with CaptureQueriesContext(connection) as empty:
        assert _take(campaign, world.colleague) is None
    assert len(empty) == 2


def test_it_releases_a_target_and_says_when_nothing_is_left(world):
    employers(world.home, 1)
    campaign = campaign_for(world, world.coach, world.colleague)
    target = _take(campaign, world.coach)
    assert _take(campaign, world.colleague) is None
    services.target_release(target=target, caller=world.coach)
    assert _take(campaign, world.colleague).pk == target.pk


def test_it_lets_only_callers_call_and_only_in_active_campaigns(world):
    employers(world.home, 2)
    campaign = campaign_for(world, world.coach)
    with pytest.raises(PermissionDenied):
        _take(campaign, world.scout)
    target = campaign.targets.first()
    with pytest.raises(PermissionDenied):
        services.call_log(target=target, caller=world.scout, outcome=Outcome.NO_ANSWER)
    campaign.status = CampaignStatus.CLOSED
    campaign.save()
    with pytest.raises(ValidationError):
        _take(campaign, world.coach)


def test_it_reserves_a_chosen_target_unless_another_caller_has_it(world):
    employers(world.home, 2)
    campaign = campaign_for(world, world.coach, world.colleague)
    held = _take(campaign, world.coach)
    with pytest.raises(ValidationError):
        services.target_reserve(target=held, caller=world.colleague)
    other = campaign.targets.exclude(pk=held.pk).get()
    services.target_reserve(target=other, caller=world.coach)
    held.refresh_from_db()
    other.refresh_from_db()
    assert (held.reserved_by, other.reserved_by) == (None, world.coach)


def test_it_moves_the_target_and_the_employer_on_after_each_outcome(world):
    employers(world.home, 3)
    campaign = campaign_for(world, world.coach)

    target = _take(campaign, world.coach)
    services.call_log(target=target, caller=world.coach, outcome=Outcome.NO_ANSWER)
    target.refresh_from_db()
    assert (target.state, target.attempts, target.reserved_by, target.last_outcome) == (
        TargetState.WAITING,
        1,
        None,
        Outcome.NO_ANSWER,
    )
    assert target.employer.stage == Stage.IDENTIFIED, "nobody answered"

    target = _take(campaign, world.coach)
    services.call_log(target=target, caller=world.coach, outcome=Outcome.NOT_INTERESTED)
    target.refresh_from_db()
    target.employer.refresh_from_db()
    assert (target.state, target.employer.stage) == (TargetState.DONE, Stage.CONTACTED)

    target = _take(campaign, world.coach)
    meeting = timezone.now() + timedelta(days=3)
    material = timezone.now() + timedelta(days=1)
    services.call_log(
        target=target,
        caller=world.coach,
        outcome=Outcome.MEETING_BOOKED,
        meeting_at=meeting,
        material_due=material,
        note="Vill träffas",
    )
    target.refresh_from_db()
    assert target.state == TargetState.DONE
    change = EmployerStageChange.objects.get(employer=target.employer)
    assert (change.from_stage, change.to_stage, change.changed_by) == (
        Stage.IDENTIFIED,
        Stage.INTERESTED,
        world.coach,
    )
    assert set(
        FollowUp.objects.filter(target=target).values_list("kind", "due_at", "assignee")
    ) == {
        (FollowUpKind.MEETING, meeting, world.coach.pk),
        (FollowUpKind.SEND_MATERIAL, material, world.coach.pk),
    }


def test_it_never_moves_an_employer_back_in_the_pipeline(world):
    employers(world.home, 1, stage=Stage.PARTNER)
    campaign = campaign_for(world, world.coach)
    target = _take(campaign, world.coach)
    services.call_log(target=target, caller=world.coach, outcome=Outcome.INTERESTED)
    target.employer.refresh_from_db()
    assert target.employer.stage == Stage.PARTNER
    assert not EmployerStageChange.objects.exists()


def test_it_puts_a_call_back_on_the_callers_list_and_ticks_it_off_on_the_next_call(world):
    employers(world.home, 1)
    campaign = campaign_for(world, world.coach)
    target = _take(campaign, world.coach)
    when = timezone.now() + timedelta(hours=2)
    with pytest.raises(ValidationError):
        services.call_log(target=target, caller=world.coach, outcome=Outcome.CALL_BACK)
    services.call_log(
        target=target, caller=world.coach, outcome=Outcome.CALL_BACK, callback_at=when
    )
    target.refresh_from_db()
    assert (target.state, target.callback_at, target.callback_by) == (
        TargetState.CALLBACK,
        when,
        world.coach,
    )
    follow_up = FollowUp.objects.get()
    assert (follow_up.kind, follow_up.due_at, follow_up.assignee, follow_up.done_at) == (
        FollowUpKind.CALL_BACK,
        when,
        world.coach,
        None,
    )
    services.target_reserve(target=target, caller=world.coach)
    services.call_log(target=target, caller=world.coach, outcome=Outcome.INTERESTED)
    follow_up.refresh_from_db()
    assert follow_up.done_by == world.coach


def _reached_call(world, campaign=None):
    campaign = campaign or campaign_for(world, world.coach)
    target = _take(campaign, world.coach)
    return services.call_log(target=target, caller=world.coach, outcome=Outcome.INTERESTED)


def test_a_need_becomes_a_draft_opening_in_one_step(world):
    employers(world.home, 1)
    call = _reached_call(world)
    welder = Occupation.objects.create(concept_id="occ-1", label="Svetsare")
    survey = services.needs_survey_save(
        call=call,
        membership=membership_of(world.coach),
        actor=world.coach,
        data={"competence_needs": "Truckkort", "takes_interns": "yes", "supervisors": 2},
        needs=[
            {
                "horizon": Horizon.SIX_MONTHS,
                "kind": OpeningKind.INTERNSHIP,
                "occupation": welder,
                "how_many": 3,
                "requirements": "MIG/MAG-svetsning",
            }
        ],
    )
    need = survey.needs.get()
    opening = services.recruitment_need_to_opening(
        need=need, membership=membership_of(world.coach), actor=world.coach
    )
    assert (
        opening.employer,
        opening.kind,
        opening.title,
        opening.occupation,
        opening.places,
        opening.description,
        opening.status,
    ) == (
        call.target.employer,
        OpeningKind.INTERNSHIP,
        "Svetsare",
        welder,
        3,
        "MIG/MAG-svetsning",
        OpeningStatus.DRAFT,
    )
    need.refresh_from_db()
    assert need.opening == opening
    assert opening.status_changes.get().changed_by == world.coach
    with pytest.raises(ValidationError):
        services.recruitment_need_to_opening(
            need=need, membership=membership_of(world.coach), actor=world.coach
        )


def test_it_adds_the_tasks_the_employer_named_to_its_low_threshold_catalogue(world):
    employers(world.home, 1)
    call = _reached_call(world)
    survey = services.needs_survey_save(
        call=call,
        membership=membership_of(world.coach),
        actor=world.coach,
        data={"low_threshold_tasks": "Plocka disk\nVika kartonger"},
    )
    task = LowThresholdTask.objects.get()
    assert (survey.low_threshold_task, task.employer, task.title, task.created_by) == (
        task,
        call.target.employer,
        "Plocka disk",
        world.coach,
    )


def test_it_records_no_needs_after_no_answer(world):
    employers(world.home, 1)
    campaign = campaign_for(world, world.coach)
    call = services.call_log(
        target=_take(campaign, world.coach), caller=world.coach, outcome=Outcome.NO_ANSWER
    )
    with pytest.raises(ValidationError):
        services.needs_survey_save(
            call=call, membership=membership_of(world.coach), actor=world.coach, data={}
        )


def test_it_completes_a_follow_up_once(world):
    employers(world.home, 1)
    campaign = campaign_for(world, world.coach)
    target = _take(campaign, world.coach)
    services.call_log(
        target=target,
        caller=world.coach,
        outcome=Outcome.WRONG_PERSON,
        material_due=timezone.now(),
    )
    follow_up = FollowUp.objects.get()
    services.follow_up_complete(follow_up=follow_up, actor=world.coach)
    done_at = follow_up.done_at
    services.follow_up_complete(follow_up=follow_up, actor=world.admin)
    follow_up.refresh_from_db()
    assert (follow_up.done_at, follow_up.done_by) == (done_at, world.coach)
