"""Perceived employability on the participant page."""

from django.utils.translation import gettext_lazy as _

from baslager.core.panels import Panel
from baslager.participants.panels import participant_page

from .selectors import history


def _employability(request, participant) -> dict:
    return {"history": history(membership=request.membership, participant=participant)}


def register_panels() -> None:
    participant_page.register(
        Panel(
            key="employability",
            title=_("Perceived employability"),
            order=75,
            template="employability/_participant_panel.html",
            context=_employability,
            url_name="employability:participant",
        )
    )
