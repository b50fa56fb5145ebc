"""The state of the case above the participant's next steps: closed (and why), or ready to close."""

from django.utils.translation import gettext_lazy

from baslager.core.panels import Panel
from baslager.participants.models import ParticipantStatus
from baslager.participants.panels import participant_status

from .models import Consequence
from .selectors import case_history, has_left_every_project, latest_closure


def _case_status(request, participant) -> dict:
    closed = participant.status == ParticipantStatus.ENDED
    closure = latest_closure(participant=participant) if closed else None
    return {
        "case": {
            "closure": closure,
            "consequences": [
                (Consequence(row["kind"]).label, row["what"])
                for row in (closure.consequences if closure else [])
            ],
            "offer_close": not closed and has_left_every_project(participant=participant),
            "history": case_history(participant=participant),
        }
    }


def register_panels() -> None:
    participant_status.register(
        Panel(
            key="case",
            title=gettext_lazy("Case"),
            order=10,
            template="cases/_case_status.html",
            context=_case_status,
        )
    )
