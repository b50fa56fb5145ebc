from datetime import date

import pytest

from baslager.demo.bulk import rows_insert
from baslager.phases.models import Phase, PhaseTransition


def test_it_inserts_rows_with_defaults_and_auto_dates(world):
    phase = Phase.objects.filter(organisation=world.home).order_by("position").last()

    rows_insert(
        PhaseTransition,
        [
            {
                "organisation": world.home,
                "participant": world.participant,
                "to_phase": phase,
                "moved_on": date(2026, 1, 5),
                "reason": "Praktikplats klar.",
            }
        ],
    )

    move = PhaseTransition.objects.get(participant=world.participant)
    assert (move.to_phase, move.moved_on, move.reason) == (
        phase,
        date(2026, 1, 5),
        "Praktikplats klar.",
    )
    assert move.from_phase is None and move.moved_by is None
    assert move.created_at is not None


def test_it_refuses_a_field_the_model_lacks(world):
    with pytest.raises(ValueError, match="no field colour"):
        rows_insert(PhaseTransition, [{"participant": world.participant, "colour": "red"}])
    assert not PhaseTransition.objects.exists()
