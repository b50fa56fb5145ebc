"""Matching on the participant page: occupations within reach, and the way to the openings."""

from django.utils.translation import gettext_lazy as _

from baslager.core.panels import Panel
from baslager.participants.panels import participant_page

from .widening import widening_for_participant

SHOWN = 3


def _matching(request, participant) -> dict:
    widening = widening_for_participant(membership=request.membership, participant=participant)
    return {"widening": widening[:SHOWN]}


def register_panels() -> None:
    participant_page.register(
        Panel(
            key="matching",
            title=_("Matching"),
            order=50,
            template="matching/_participant_panel.html",
            context=_matching,
            url_name="matching:openings",
        )
    )
