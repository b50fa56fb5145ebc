from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from baslager.employers.models import Employer, Supervisor
from baslager.handbook.models import ChecklistStage, ChecklistTemplate
from baslager.handbook.services import checklist_library_for, checklist_template_save
from baslager.openings.models import Opening, OpeningKind
from baslager.placements.models import (
    PlacementChecklistItem,
    PlacementStatus,
    SupervisorLink,
)
from baslager.placements.selectors import (
    checklist_overview,
    supervisor_link_by_token,
    supervisor_over_capacity,
    working_supervisor_link,
)
from baslager.placements.services import (
    checklist_item_tick,
    placement_create,
    placement_edit,
    placement_end,
    supervisor_link_create,
    supervisor_link_revoke,
)
from baslager.testing.personas import make_participant

TODAY = timezone.localdate


def _create(membership, actor, **data):
    data.setdefault("starts_on", TODAY())
    return placement_create(membership=membership, actor=actor, data=data)


def test_it_copies_the_active_checklists_of_the_library_into_a_new_placement(placement, world):
    library = checklist_library_for(organisation=world.home)
    copied = list(placement.checklists.order_by("position"))
    assert [c.stage for c in copied] == [
        ChecklistStage.BEFORE_ARRIVAL,
        ChecklistStage.FIRST_DAY,
        ChecklistStage.FIRST_WEEK,
        ChecklistStage.FOLLOW_UP,
    ]
    first = library.get(stage=ChecklistStage.BEFORE_ARRIVAL)
    assert [(i.text, i.who) for i in copied[0].items.order_by("position")] == [
        (i.text, i.who) for i in first.items.order_by("position")
    ]
    assert copied[0].title == first.title and copied[0].copied_from == first
    assert not PlacementChecklistItem.objects.filter(done_at__isnull=False).exists()


def test_it_starts_a_placement_that_begins_today_as_ongoing_and_a_later_one_as_planned(
    world, coach_membership, employer
):
    now = _create(
        coach_membership,
        world.coach,
        participant=world.participant,
        employer=employer,
        kind=OpeningKind.JOB,
    )
    later = _create(
        coach_membership,
        world.coach,
        participant=world.participant,
        employer=employer,
        kind=OpeningKind.JOB,
        starts_on=TODAY() + timedelta(days=3),
    )
    assert (now.status, later.status) == (PlacementStatus.ONGOING, PlacementStatus.PLANNED)
    assert now.created_by == world.coach


def test_it_refuses_a_supervisor_of_another_employer(world, coach_membership, employer):
    elsewhere = Employer.objects.create(organisation=world.home, name="Annat AB")
    stranger = Supervisor.objects.create(organisation=world.home, employer=elsewhere, name="Per")
    with pytest.raises(ValidationError) as error:
        _create(
            coach_membership,
            world.coach,
            participant=world.participant,
            employer=employer,
            supervisor=stranger,
            kind=OpeningKind.INTERNSHIP,
        )
    assert "supervisor" in error.value.message_dict
    assert not world.participant.placements.exists()


def test_it_refuses_an_employer_of_another_organisation(world, coach_membership):
    theirs = Employer.objects.create(organisation=world.other, name="Deras AB")
    with pytest.raises(ValidationError):
        _create(
            coach_membership,
            world.coach,
            participant=world.participant,
            employer=theirs,
            kind=OpeningKind.INTERNSHIP,
        )


def test_it_takes_employer_and_kind_from_the_opening(world, coach_membership, opening):
    placement = _create(
        coach_membership, world.coach, participant=world.participant, opening=opening
    )
    assert (placement.employer, placement.kind) == (opening.employer, OpeningKind.WORK_TRAINING)


def test_it_refuses_an_opening_of_another_employer(world, coach_membership, opening):
    elsewhere = Employer.objects.create(organisation=world.home, name="Annat AB")
    with pytest.raises(ValidationError) as error:
        _create(
            coach_membership,
            world.coach,
            participant=world.participant,
            employer=elsewhere,
            opening=opening,
            kind=OpeningKind.JOB,
        )
    assert "opening" in error.value.message_dict


def test_editing_the_library_later_leaves_a_placements_copies_alone(placement, world):
    template = ChecklistTemplate.objects.get(
        organisation=world.home, stage=ChecklistStage.FIRST_DAY
    )
    before = list(
        placement.checklists.get(stage=ChecklistStage.FIRST_DAY)
        .items.order_by("position")
        .values_list("text", flat=True)
    )
    first_item = template.items.order_by("position").first()
    first_item.text = "Något helt annat"
    checklist_template_save(
        checklist=template,
        data={"title": "Ny titel"},
        items=[first_item],
        deleted_items=list(template.items.order_by("position")[1:3]),
    )
    copy = placement.checklists.get(stage=ChecklistStage.FIRST_DAY)
    assert copy.title == "Första dagen"
    assert list(copy.items.order_by("position").values_list("text", flat=True)) == before


def test_a_deactivated_checklist_is_not_given_to_new_placements(world, coach_membership, employer):
    checklist_library_for(organisation=world.home).filter(stage=ChecklistStage.FOLLOW_UP).update(
        is_active=False
    )
    placement = _create(
        coach_membership,
        world.coach,
        participant=world.participant,
        employer=employer,
        kind=OpeningKind.JOB,
    )
    assert not placement.checklists.filter(stage=ChecklistStage.FOLLOW_UP).exists()
    assert placement.checklists.count() == 3


def test_ticking_and_unticking_moves_the_progress(placement, world):
    overview = checklist_overview(placement=placement)
    total = overview.progress.total
    assert total == PlacementChecklistItem.objects.filter(checklist__placement=placement).count()
    assert overview.progress.done == 0
    item = placement.checklists.get(stage=ChecklistStage.FIRST_DAY).items.first()
    checklist_item_tick(item=item, done=True, actor=world.coach)
    item.refresh_from_db()
    assert item.done_by == world.coach and item.done_at is not None
    assert not item.done_by_supervisor
    overview = checklist_overview(placement=placement)
    assert (overview.progress.done, overview.progress.total) == (1, total)
    first_day = next(s for s in overview.stages if s.stage == ChecklistStage.FIRST_DAY)
    assert first_day.progress.done == 1
    checklist_item_tick(item=item, done=False, actor=world.coach)
    item.refresh_from_db()
    assert (item.done_at, item.done_by) == (None, None)
    assert checklist_overview(placement=placement).progress.done == 0


def test_ticking_an_item_already_done_keeps_who_did_it(placement, world):
    item = PlacementChecklistItem.objects.filter(checklist__placement=placement).first()
    checklist_item_tick(item=item, done=True, by_supervisor=True)
    checklist_item_tick(item=item, done=True, actor=world.coach)
    item.refresh_from_db()
    assert item.done_by_supervisor and item.done_by is None


def test_ending_a_placement_records_the_day_and_result_once(placement):
    placement_end(placement=placement, ended_on=TODAY(), result_note="Fick anställning")
    placement.refresh_from_db()
    assert (placement.status, placement.ended_on, placement.result_note) == (
        PlacementStatus.ENDED,
        TODAY(),
        "Fick anställning",
    )
    with pytest.raises(ValidationError):
        placement_end(placement=placement, ended_on=TODAY())
    with pytest.raises(ValidationError):
        placement_edit(placement=placement, data={"status": PlacementStatus.ONGOING})


def test_it_refuses_an_end_before_the_start(placement):
    with pytest.raises(ValidationError):
        placement_end(placement=placement, ended_on=placement.starts_on - timedelta(days=1))


def test_editing_cannot_end_a_placement_or_take_another_employers_supervisor(placement, world):
    with pytest.raises(ValidationError):
        placement_edit(placement=placement, data={"status": PlacementStatus.ENDED})
    elsewhere = Employer.objects.create(organisation=world.home, name="Annat AB")
    stranger = Supervisor.objects.create(organisation=world.home, employer=elsewhere, name="Per")
    with pytest.raises(ValidationError):
        placement_edit(placement=placement, data={"supervisor": stranger})
    placement.refresh_from_db()
    placement_edit(placement=placement, data={"ends_on": placement.starts_on + timedelta(days=9)})
    placement.refresh_from_db()
    assert placement.ends_on == placement.starts_on + timedelta(days=9)


def test_a_supervisor_over_capacity_is_noticed(placement, world, coach_membership, supervisor):
    assert supervisor.capacity == 1
    assert not supervisor_over_capacity(supervisor=supervisor)
    other = make_participant(world.home, world.coach, first_name="Omar", last_name="Olsson")
    _create(
        coach_membership,
        world.coach,
        participant=other,
        employer=supervisor.employer,
        supervisor=supervisor,
        kind=OpeningKind.JOB,
    )
    assert supervisor_over_capacity(supervisor=supervisor)
    placement_end(placement=placement, ended_on=TODAY())
    assert not supervisor_over_capacity(supervisor=supervisor)


def test_a_supervisor_link_is_stored_as_a_hash_and_a_new_one_stops_the_old(placement, world):
    first, token = supervisor_link_create(placement=placement, actor=world.coach)
    assert token not in first.token_hash and len(token) >= 40
    assert supervisor_link_by_token(token=token) == first
    second, new_token = supervisor_link_create(placement=placement, actor=world.coach)
    first.refresh_from_db()
    assert first.revoked_at is not None
    assert working_supervisor_link(placement=placement) == second
    with pytest.raises(Http404):
        supervisor_link_by_token(token=token)
    assert supervisor_link_revoke(placement=placement) == 1
    assert working_supervisor_link(placement=placement) is None
    assert SupervisorLink.objects.filter(revoked_at__isnull=True).count() == 0
    with pytest.raises(Http404):
        supervisor_link_by_token(token=new_token)


def test_a_supervisor_link_expires_30_days_after_the_placements_end(placement, world):
    placement.starts_on = TODAY() - timedelta(days=90)
    placement.save()
    link, token = supervisor_link_create(placement=placement, actor=world.coach)
    placement_end(placement=placement, ended_on=TODAY() - timedelta(days=30))
    assert supervisor_link_by_token(token=token) == link
    placement.ended_on = TODAY() - timedelta(days=31)
    placement.save()
    with pytest.raises(Http404):
        supervisor_link_by_token(token=token)


def test_a_placement_without_a_supervisor_gets_no_link(world, coach_membership, employer):
    placement = _create(
        coach_membership,
        world.coach,
        participant=world.participant,
        employer=employer,
        kind=OpeningKind.JOB,
    )
    with pytest.raises(ValidationError):
        supervisor_link_create(placement=placement, actor=world.coach)


def test_an_opening_knows_the_placements_made_at_it(world, coach_membership):
    opening = Opening.objects.create(
        organisation=world.home,
        employer=Employer.objects.create(organisation=world.home, name="X AB"),
        title="Kock",
    )
    placement = _create(
        coach_membership, world.coach, participant=world.participant, opening=opening
    )
    assert opening.placements.get() == placement


def test_it_refuses_a_placement_for_a_closed_case(world, coach_membership, employer):
    world.participant.status = "ended"
    world.participant.save()
    with pytest.raises(ValidationError, match="is closed"):
        _create(
            coach_membership,
            world.coach,
            participant=world.participant,
            employer=employer,
            kind=OpeningKind.INTERNSHIP,
        )
    assert not world.participant.placements.exists()
