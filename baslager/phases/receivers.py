"""What the phases do when something happens in the apps below them."""

from .services import participant_place_at_intake


def place_at_intake(sender, *, participant, membership, actor, **kwargs) -> None:
    participant_place_at_intake(participant=participant, membership=membership, actor=actor)
