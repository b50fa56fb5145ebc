"""Reminders on the participant page: whether they agreed to reminders, and by which channel."""

from django.utils.translation import gettext_lazy

from baslager.core.panels import Panel
from baslager.participants.panels import participant_page

from .selectors import consent_history


def _reminders(request, participant) -> dict:
    consents = list(consent_history(participant=participant))
    return {"active_consents": [consent for consent in consents if consent.withdrawn_on is None]}


def register_panels() -> None:
    participant_page.register(
        Panel(
            key="reminders",
            title=gettext_lazy("Reminders"),
            order=95,
            template="messaging/_participant_panel.html",
            context=_reminders,
            url_name="messaging:consent",
        )
    )
