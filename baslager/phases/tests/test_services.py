from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from baslager.phases.models import Phase, PhaseTransition
from baslager.phases.services import (
    participant_move_to_phase,
    phase_create,
    phase_delete,
    phase_ladder_create_default,
    phase_reorder,
    phase_set_active,
)


def ladder_of(organisation):
    return list(Phase.objects.filter(organisation=organisation).order_by("position"))


def names_of(organisation):
    return [phase.name for phase in ladder_of(organisation)]


def test_it_creates_the_default_ladder_once(world):
    assert names_of(world.home) == [
        "Kartläggning",
        "Förberedelse",
        "Arbetsträning",
        "Praktik",
        "Anställning/Studier",
        "Uppföljning",
    ]
    phase_ladder_create_default(organisation=world.home)
    assert Phase.objects.filter(organisation=world.home).count() == 6


def test_it_adds_a_phase_last(world):
    phase = phase_create(organisation=world.home, name="Eget företag", description="Starta eget.")
    assert phase.position == 7
    assert names_of(world.home)[-1] == "Eget företag"


def test_it_turns_a_name_taken_meanwhile_into_a_validation_error(world):
    with pytest.raises(ValidationError) as caught:
        phase_create(organisation=world.home, name="Praktik")
    assert caught.value.message_dict == {"name": ["There is already a phase called Praktik."]}
    assert Phase.objects.filter(organisation=world.home).count() == 6


def test_it_swaps_a_phase_with_its_neighbour(world):
    second = ladder_of(world.home)[1]
    phase_reorder(phase=second, direction="up")
    assert names_of(world.home)[:2] == ["Förberedelse", "Kartläggning"]
    phase_reorder(phase=second, direction="down")
    assert names_of(world.home)[:3] == ["Kartläggning", "Förberedelse", "Arbetsträning"]


def test_it_leaves_the_first_phase_first_when_moved_up(world):
    first = ladder_of(world.home)[0]
    phase_reorder(phase=first, direction="up")
    assert names_of(world.home)[0] == "Kartläggning"
    assert names_of(world.other)[0] == "Kartläggning"


def test_it_refuses_to_delete_a_phase_with_participants(world):
    first = ladder_of(world.home)[0]
    with pytest.raises(ValidationError):
        phase_delete(phase=first)
    assert Phase.objects.filter(pk=first.pk).exists()


def test_it_refuses_to_delete_a_phase_someone_has_passed_through(world):
    first, second = ladder_of(world.home)[:2]
    participant_move_to_phase(
        participant=world.participant,
        to_phase=second,
        moved_on=timezone.localdate(),
        reason="Klar med kartläggningen",
        moved_by=world.coach,
    )
    participant_move_to_phase(
        participant=world.colleagues_participant,
        to_phase=second,
        moved_on=timezone.localdate(),
        reason="Klar",
        moved_by=world.colleague,
    )
    with pytest.raises(ValidationError):
        phase_delete(phase=first)


def test_it_deletes_an_unused_phase(world):
    last = ladder_of(world.home)[-1]
    phase_delete(phase=last)
    assert "Uppföljning" not in names_of(world.home)


def test_it_moves_a_participant_and_records_the_transition(world):
    first, second = ladder_of(world.home)[:2]
    today = timezone.localdate()
    transition = participant_move_to_phase(
        participant=world.participant,
        to_phase=second,
        moved_on=today,
        reason="  Klar med kartläggningen  ",
        moved_by=world.coach,
    )
    world.participant.refresh_from_db()
    assert world.participant.current_phase == second
    stored = PhaseTransition.objects.get(pk=transition.pk)
    assert (stored.from_phase, stored.to_phase) == (first, second)
    assert (stored.moved_on, stored.moved_by, stored.reason) == (
        today,
        world.coach,
        "Klar med kartläggningen",
    )
    assert stored.organisation == world.home


def move_errors(world, **overrides) -> dict:
    arguments = {
        "participant": world.participant,
        "to_phase": ladder_of(world.home)[1],
        "moved_on": timezone.localdate(),
        "reason": "Vidare",
        "moved_by": world.coach,
    }
    arguments.update(overrides)
    with pytest.raises(ValidationError) as caught:
        participant_move_to_phase(**arguments)
    assert not PhaseTransition.objects.exists()
    return caught.value.message_dict


def test_it_refuses_a_phase_of_another_organisation(world):
    errors = move_errors(world, to_phase=ladder_of(world.other)[1])
    assert errors == {"to_phase": ["Choose a phase of the participant's own organisation."]}


def test_it_refuses_the_current_phase(world):
    errors = move_errors(world, to_phase=ladder_of(world.home)[0])
    assert errors == {"to_phase": ["The participant is already in this phase."]}


def test_it_refuses_a_phase_out_of_use(world):
    second = ladder_of(world.home)[1]
    phase_set_active(phase=second, is_active=False)
    errors = move_errors(world, to_phase=second)
    assert errors == {"to_phase": ["This phase is no longer in use."]}


def test_it_refuses_a_date_in_the_future(world):
    errors = move_errors(world, moved_on=timezone.localdate() + timedelta(days=1))
    assert errors == {"moved_on": ["The date cannot be in the future."]}


def test_it_refuses_a_date_before_the_current_phase_began(world):
    world.participant.entry_date = timezone.localdate() - timedelta(days=10)
    world.participant.save()
    errors = move_errors(world, moved_on=timezone.localdate() - timedelta(days=11))
    assert list(errors) == ["moved_on"]
    assert "when the current phase began" in errors["moved_on"][0]


def test_it_requires_a_reason(world):
    errors = move_errors(world, reason="   ")
    assert errors == {"reason": ["Say why the participant moves."]}


def test_it_refuses_to_move_a_closed_case(world):
    world.participant.status = "ended"
    world.participant.save()
    with pytest.raises(ValidationError, match="is closed. Open it again first"):
        participant_move_to_phase(
            participant=world.participant,
            to_phase=ladder_of(world.home)[1],
            moved_on=timezone.localdate(),
            reason="Vidare",
            moved_by=world.coach,
        )
    assert not PhaseTransition.objects.exists()
