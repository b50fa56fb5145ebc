from django import template

from baslager.participants.models import ParticipantStatus

from ..models import Consequence
from ..selectors import case_history, has_left_every_project, latest_closure

register = template.Library()


@register.simple_tag
def case_status(participant) -> dict:
    """What the participant's page says about the case: the closing, while it is closed; an
    offer to close it once the participant has left every project; and the case's history."""
    closed = participant.status == ParticipantStatus.ENDED
    closure = latest_closure(participant=participant) if closed else None
    return {
        "closure": closure,
        "consequences": [
            (Consequence(row["kind"]).label, row["what"])
            for row in (closure.consequences if closure else [])
        ],
        "offer_close": not closed and has_left_every_project(participant=participant),
        "history": case_history(participant=participant),
    }
