"""Placements on the pages of the apps below: the participant's and the supervisor's."""

from django.utils.translation import gettext_lazy as _

from baslager.core.panels import Panel
from baslager.employers.panels import supervisor_page
from baslager.participants.panels import participant_page

from .selectors import placements_of_participant, placements_of_supervisor, supervisor_load

SHOWN = 3


def _placements(request, participant) -> dict:
    placements = list(
        placements_of_participant(membership=request.membership, participant=participant)
    )
    return {"placements": placements[:SHOWN], "placement_count": len(placements)}


def _supervised(request, supervisor) -> dict:
    return {
        # Only the placements the member may see: none for scouts, the caseload for coaches.
        "placements": placements_of_supervisor(
            membership=request.membership, supervisor=supervisor
        ),
        "load": supervisor_load(supervisor=supervisor),
    }


def register_panels() -> None:
    participant_page.register(
        Panel(
            key="placements",
            title=_("Placements"),
            order=60,
            template="placements/_participant_panel.html",
            context=_placements,
            url_name="placements:participant",
        )
    )
    supervisor_page.register(
        Panel(
            key="placements",
            title=_("Participants supervised"),
            order=10,
            template="placements/_supervisor_panel.html",
            context=_supervised,
        )
    )
