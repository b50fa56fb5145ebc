from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.utils import timezone

from baslager.cases.models import CaseClosure, CaseReopening, ClosureReason, Consequence
from baslager.cases.selectors import open_items
from baslager.cases.services import ProjectExit, case_close, case_reopen
from baslager.openings.models import OpeningKind
from baslager.participants.models import ParticipantStatus
from baslager.phases.models import Phase, PhaseTransition
from baslager.placements.models import Placement, PlacementStatus
from baslager.placements.services import placement_create
from baslager.plans.models import Occurrence
from baslager.projects.models import ExitReason, ExitSituation, SituationKind
from baslager.proposals.models import Proposal, ProposalStatus
from baslager.testing.personas import membership_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _close(world, open_case, **overrides):
    values = {
        "participant": world.participant,
        "membership": open_case["membership"],
        "actor": world.coach,
        "closed_on": TODAY(),
        "reason": ClosureReason.WORK,
        "note": "Fick jobb på lagret",
        "exits": {
            open_case["enrolment"].pk: ProjectExit(
                exit_date=TODAY(), exit_reason=ExitReason.FOUND_WORK
            )
        },
        **overrides,
    }
    return case_close(**values)


def test_closing_ends_everything_still_open(world, open_case):
    closure = _close(world, open_case)

    world.participant.refresh_from_db()
    assert world.participant.status == ParticipantStatus.ENDED
    # Only the coming sessions of the participant's own activity; the past one and the group's stay.
    assert not Occurrence.objects.filter(
        activity=open_case["own"], starts_at__gte=timezone.now()
    ).exists()
    assert Occurrence.objects.filter(activity=open_case["own"]).count() == 1
    assert Occurrence.objects.filter(activity=open_case["group"]).count() == 1
    placement = Placement.objects.get(pk=open_case["placement"].pk)
    assert (placement.status, placement.ended_on) == (PlacementStatus.ENDED, TODAY())
    started = Proposal.objects.get(pk=open_case["started"].pk)
    assert started.status == ProposalStatus.ENDED
    assert started.placement.status == PlacementStatus.ENDED
    under_way = Proposal.objects.get(pk=open_case["under_way"].pk)
    assert under_way.status == ProposalStatus.WITHDRAWN
    assert "Found work" in under_way.closing_reason
    enrolment = open_case["enrolment"]
    enrolment.refresh_from_db()
    assert (enrolment.exit_date, enrolment.exit_reason) == (TODAY(), ExitReason.FOUND_WORK)
    assert enrolment.follow_ups_6m.get().due_on > TODAY()
    assert closure.closed_by == world.coach
    assert sorted(row["kind"] for row in closure.consequences) == sorted(
        [Consequence.SESSION_CANCELLED] * 3
        + [Consequence.PLACEMENT_ENDED] * 2
        + [Consequence.PROPOSAL_WITHDRAWN, Consequence.PROJECT_EXITED]
    )
    assert open_items(participant=world.participant).is_empty


def test_closing_records_the_situation_within_28_days_when_known(world, open_case):
    situation = {
        "kind": SituationKind.EDUCATION,
        "employment_form": "",
        "occurred_on": TODAY(),
        "evidence_kind": "participant_statement",
        "evidence": "",
    }
    exits = {
        open_case["enrolment"].pk: ProjectExit(
            exit_date=TODAY(), exit_reason=ExitReason.STARTED_STUDIES, situation=situation
        )
    }
    _close(world, open_case, exits=exits, reason=ClosureReason.STUDIES)

    assert ExitSituation.objects.get(enrolment=open_case["enrolment"]).kind == "education"


def test_closing_is_audited(world, open_case):
    closure = _close(world, open_case)

    participant_log = LogEntry.objects.get_for_object(world.participant).filter(
        action=LogEntry.Action.UPDATE
    )
    assert any(entry.changes_dict.get("status") == ["active", "ended"] for entry in participant_log)
    assert LogEntry.objects.get_for_object(closure).get().action == LogEntry.Action.CREATE


def test_a_failure_on_the_way_changes_nothing(world, open_case):
    """The last step, the project exit, breaks a rule: everything before it is rolled back."""
    before = Occurrence.objects.count()
    exits = {
        open_case["enrolment"].pk: ProjectExit(
            exit_date=TODAY() - timedelta(days=365), exit_reason=ExitReason.FOUND_WORK
        )
    }
    with pytest.raises(ValidationError, match="Alla kan arbeta"):
        _close(world, open_case, exits=exits)

    world.participant.refresh_from_db()
    assert world.participant.status == ParticipantStatus.ACTIVE
    assert Occurrence.objects.count() == before
    assert Placement.objects.filter(status=PlacementStatus.ENDED).count() == 0
    assert not Proposal.objects.filter(status=ProposalStatus.WITHDRAWN).exists()
    assert not CaseClosure.objects.exists()


def test_every_open_project_needs_its_exit(world, open_case):
    with pytest.raises(ValidationError, match="Record the exit from Alla kan arbeta"):
        _close(world, open_case, exits={})
    assert not CaseClosure.objects.exists()


def test_what_was_shown_must_be_what_is_closed(world, open_case):
    shown = open_items(participant=world.participant).fingerprint
    Proposal.objects.filter(pk=open_case["under_way"].pk).update(status=ProposalStatus.DECLINED)

    with pytest.raises(ValidationError, match="changed meanwhile"):
        _close(world, open_case, confirmed=shown + "x")
    _close(world, open_case, confirmed=open_items(participant=world.participant).fingerprint)


@pytest.mark.parametrize(
    ("closed_on", "reason", "field"),
    [
        (TODAY() + timedelta(days=1), ClosureReason.WORK, "closed_on"),
        (TODAY(), "", "reason"),
    ],
)
def test_date_and_reason_are_checked(world, open_case, closed_on, reason, field):
    with pytest.raises(ValidationError) as error:
        _close(world, open_case, closed_on=closed_on, reason=reason)
    assert field in error.value.message_dict


def test_a_closed_case_cannot_be_closed_twice(world, open_case):
    _close(world, open_case)
    with pytest.raises(ValidationError, match="already closed"):
        _close(world, open_case, exits={})


def test_a_placement_that_has_not_begun_ends_on_its_first_day(world, employer):
    planned = placement_create(
        membership=membership_of(world.coach),
        actor=world.coach,
        data={
            "participant": world.participant,
            "employer": employer,
            "kind": OpeningKind.INTERNSHIP,
            "starts_on": TODAY() + timedelta(days=14),
        },
    )
    case_close(
        participant=world.participant,
        membership=membership_of(world.coach),
        actor=world.coach,
        closed_on=TODAY(),
        reason=ClosureReason.MOVED,
    )
    planned.refresh_from_db()
    assert (planned.status, planned.ended_on) == (PlacementStatus.ENDED, planned.starts_on)


def _closed(world):
    return case_close(
        participant=world.participant,
        membership=membership_of(world.coach),
        actor=world.coach,
        closed_on=TODAY(),
        reason=ClosureReason.NO_CONTACT,
    )


def test_reopening_records_who_when_why_and_puts_back_in_a_phase(world):
    _closed(world)
    phases = list(Phase.objects.filter(organisation=world.home).order_by("position"))

    reopening = case_reopen(
        participant=world.participant, actor=world.admin, phase=phases[2], reason="Hörde av sig"
    )

    world.participant.refresh_from_db()
    assert world.participant.status == ParticipantStatus.ACTIVE
    assert world.participant.current_phase == phases[2]
    assert (reopening.reopened_by, reopening.reopened_on, reopening.reason) == (
        world.admin,
        TODAY(),
        "Hörde av sig",
    )
    assert PhaseTransition.objects.get(participant=world.participant).reason == "Hörde av sig"
    assert LogEntry.objects.get_for_object(reopening).exists()


def test_reopening_in_the_same_phase_moves_nobody(world):
    _closed(world)
    case_reopen(
        participant=world.participant,
        actor=world.coach,
        phase=world.participant.current_phase,
        reason="Ny kontakt",
    )
    assert not PhaseTransition.objects.filter(participant=world.participant).exists()
    assert CaseReopening.objects.count() == 1


def test_an_open_case_cannot_be_reopened_and_a_reason_is_needed(world):
    phase = world.participant.current_phase
    with pytest.raises(ValidationError, match="open already"):
        case_reopen(participant=world.participant, actor=world.coach, phase=phase, reason="x")
    _closed(world)
    with pytest.raises(ValidationError) as error:
        case_reopen(participant=world.participant, actor=world.coach, phase=phase, reason=" ")
    assert "reason" in error.value.message_dict
