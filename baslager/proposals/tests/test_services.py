from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.utils import timezone

from baslager.openings.models import OpeningKind
from baslager.placements.models import Placement, PlacementStatus
from baslager.proposals.models import Proposal, ProposalStatus
from baslager.proposals.services import (
    TRANSITIONS,
    next_statuses,
    proposal_advance,
    proposal_create,
)
from baslager.testing.personas import membership_of

from .conftest import advance

S = ProposalStatus
TO_INTERVIEW = (S.DISCUSSED, S.CONSENTED, S.PRESENTED, S.INTERVIEW)


def test_it_starts_a_proposal_as_suggested_with_a_first_line_of_history(world, proposal):
    assert proposal.status == S.SUGGESTED
    assert proposal.created_by == world.coach
    (change,) = proposal.status_changes.all()
    assert (change.from_status, change.to_status, change.changed_by) == (
        "",
        S.SUGGESTED,
        world.coach,
    )


def test_it_walks_the_whole_lifecycle_and_keeps_the_history(world, coach_membership, proposal):
    advance(proposal, coach_membership, world.coach, *TO_INTERVIEW)
    advance(proposal, coach_membership, world.coach, S.STARTED, starts_on=timezone.localdate())
    advance(proposal, coach_membership, world.coach, S.ENDED, note="Fick anställning")
    steps = list(proposal.status_changes.order_by("pk").values_list("from_status", "to_status"))
    assert steps == [
        ("", "suggested"),
        ("suggested", "discussed"),
        ("discussed", "consented"),
        ("consented", "presented"),
        ("presented", "interview"),
        ("interview", "started"),
        ("started", "ended"),
    ]
    assert proposal.closing_reason == "Fick anställning"
    assert next_statuses(proposal=proposal) == ()


@pytest.mark.parametrize(
    ("path", "forbidden"),
    [
        ((), S.CONSENTED),  # consent only after talking it through with the participant
        ((), S.PRESENTED),
        ((S.DISCUSSED,), S.PRESENTED),  # never presented before consenting
        ((S.DISCUSSED, S.CONSENTED), S.STARTED),
        ((S.DISCUSSED,), S.ENDED),
        ((S.DISCUSSED,), "nonsense"),
    ],
)
def test_it_refuses_steps_outside_the_lifecycle(world, coach_membership, proposal, path, forbidden):
    advance(proposal, coach_membership, world.coach, *path)
    with pytest.raises(ValidationError) as error:
        proposal_advance(
            proposal=proposal, to_status=forbidden, membership=coach_membership, actor=world.coach
        )
    assert error.value.code == "transition"
    proposal.refresh_from_db()
    assert proposal.status == (path[-1] if path else S.SUGGESTED)


@pytest.mark.parametrize("ending", [S.DECLINED, S.WITHDRAWN])
def test_it_ends_at_any_step_before_the_start_with_a_reason(
    world, coach_membership, proposal, ending
):
    for status in (S.SUGGESTED, *TO_INTERVIEW):
        assert ending in TRANSITIONS[status]
    advance(proposal, coach_membership, world.coach, S.DISCUSSED, S.CONSENTED)
    with pytest.raises(ValidationError) as error:
        advance(proposal, coach_membership, world.coach, ending, note="  ")
    assert error.value.code == "reason"
    advance(proposal, coach_membership, world.coach, ending, note="Arbetsgivaren valde en annan")
    assert proposal.closing_reason == "Arbetsgivaren valde en annan"
    assert next_statuses(proposal=proposal) == ()
    assert not proposal.has_consent  # the employer no longer learns the name


def test_it_records_whose_consent_and_who_recorded_it(world, coach_membership, proposal):
    advance(proposal, coach_membership, world.coach, S.DISCUSSED)
    assert proposal.consent_given_at is None and not proposal.has_consent
    advance(proposal, coach_membership, world.coach, S.CONSENTED, note="Muntligt samtycke")
    assert proposal.consent_recorded_by == world.coach
    assert timezone.now() - proposal.consent_given_at < timedelta(minutes=1)
    assert proposal.has_consent


def test_it_creates_the_placement_when_it_starts_and_ends_it_with_the_result(
    world, coach_membership, proposal, opening
):
    advance(proposal, coach_membership, world.coach, *TO_INTERVIEW)
    with pytest.raises(ValidationError) as error:
        advance(proposal, coach_membership, world.coach, S.STARTED)
    assert error.value.code == "starts_on"
    assert not Placement.objects.exists()
    today = timezone.localdate()
    advance(proposal, coach_membership, world.coach, S.STARTED, starts_on=today)
    placement = proposal.placement
    assert placement.participant == world.participant
    assert placement.opening == opening and placement.employer == opening.employer
    assert placement.kind == OpeningKind.WORK_TRAINING
    assert placement.status == PlacementStatus.ONGOING
    with pytest.raises(ValidationError):
        advance(proposal, coach_membership, world.coach, S.ENDED)  # a result is needed
    advance(proposal, coach_membership, world.coach, S.ENDED, note="Anställd", ended_on=today)
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ENDED
    assert (placement.ended_on, placement.result_note) == (today, "Anställd")


def test_it_starts_a_placement_of_the_kind_chosen(world, coach_membership, proposal):
    advance(proposal, coach_membership, world.coach, *TO_INTERVIEW)
    advance(
        proposal,
        coach_membership,
        world.coach,
        S.STARTED,
        starts_on=timezone.localdate() + timedelta(days=7),
        kind=OpeningKind.JOB,
    )
    assert proposal.placement.kind == OpeningKind.JOB
    assert proposal.placement.status == PlacementStatus.PLANNED


def test_it_refuses_a_second_open_proposal_for_the_same_pair(
    world, coach_membership, proposal, opening
):
    with pytest.raises(ValidationError) as error:
        proposal_create(
            membership=coach_membership,
            actor=world.coach,
            participant=world.participant,
            opening=opening,
        )
    assert error.value.code == "duplicate"
    advance(proposal, coach_membership, world.coach, S.WITHDRAWN, note="Flyttar")
    again = proposal_create(
        membership=coach_membership,
        actor=world.coach,
        participant=world.participant,
        opening=opening,
    )
    assert Proposal.objects.filter(participant=world.participant).count() == 2
    assert again.status == S.SUGGESTED


def test_it_refuses_participants_and_openings_of_another_organisation(world, opening):
    outsider = membership_of(world.outsider)
    with pytest.raises(ValidationError):
        proposal_create(
            membership=outsider,
            actor=world.outsider,
            participant=world.outsiders_participant,
            opening=opening,
        )
    assert not Proposal.objects.exists()


def test_it_logs_every_change_in_the_audit_log_with_the_participant(
    world, coach_membership, proposal
):
    advance(proposal, coach_membership, world.coach, S.DISCUSSED)
    entries = LogEntry.objects.filter(additional_data__participant=str(world.participant.public_id))
    models = {entry.content_type.model for entry in entries}
    assert {"proposal", "proposalstatuschange"} <= models
    assert entries.filter(content_type__model="proposal", action=LogEntry.Action.UPDATE).exists()


def test_it_refuses_to_propose_a_closed_case(world, coach_membership, opening):
    world.participant.status = "ended"
    world.participant.save()
    with pytest.raises(ValidationError, match="is closed"):
        proposal_create(
            membership=coach_membership,
            actor=world.coach,
            participant=world.participant,
            opening=opening,
        )
    assert not Proposal.objects.exists()
