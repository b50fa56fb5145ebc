"""The development phases on the participant page."""

from django.utils.translation import gettext_lazy as _

from baslager.core.panels import Panel
from baslager.participants.panels import participant_page

from .selectors import phase_history


def _timeline(request, participant) -> dict:
    return {"transitions": phase_history(participant=participant)}


def register_panels() -> None:
    participant_page.register(
        Panel(
            key="phases",
            title=_("Development phases"),
            order=20,
            template="phases/_timeline.html",
            context=_timeline,
        )
    )
