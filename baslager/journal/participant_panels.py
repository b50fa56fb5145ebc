"""The latest case notes on the participant page, for those who may read them; the read is
logged like every other read of case notes."""

from django.utils.translation import gettext_lazy as _

from baslager.core.access_log import access_record
from baslager.core.panels import Panel
from baslager.participants.panels import participant_page
from baslager.participants.selectors import may_read_special_category

from .selectors import latest_case_notes

SHOWN = 2


def _notes(request, participant) -> dict | None:
    if not may_read_special_category(membership=request.membership, participant=participant):
        return None
    notes = latest_case_notes(participant=participant, limit=SHOWN)
    access_record(instance=participant, what="case_notes")
    return {"notes": notes}


def register_panels() -> None:
    participant_page.register(
        Panel(
            key="case_notes",
            title=_("Case notes"),
            order=40,
            template="journal/_notes_panel.html",
            context=_notes,
            url_name="journal:notes",
        )
    )
