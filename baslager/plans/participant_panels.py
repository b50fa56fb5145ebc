"""The plan on the participant page; its coming sessions are next steps."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from baslager.core.panels import NextStep, Panel
from baslager.participants.panels import participant_page

from .selectors import plan_overview

NEXT_SESSIONS = 3


def _next_sessions(upcoming) -> list:
    """The next session of each activity, soonest first: a weekly meeting is one step, not
    every week of it."""
    first_of_activity = {}
    for occurrence in upcoming:
        first_of_activity.setdefault(occurrence.activity_id, occurrence)
    return list(first_of_activity.values())[:NEXT_SESSIONS]


def _plan(request, participant) -> dict:
    plan = plan_overview(participant=participant)
    url = reverse("plans:plan", kwargs={"participant": participant.public_id})
    return {
        "plan": plan,
        "next_steps": [
            NextStep(text=occurrence.activity.title, url=url, when=occurrence.starts_at)
            for occurrence in _next_sessions(plan["upcoming"])
        ],
    }


def register_panels() -> None:
    participant_page.register(
        Panel(
            key="plan",
            title=_("Plan"),
            order=30,
            template="plans/_plan_panel.html",
            context=_plan,
            url_name="plans:plan",
        )
    )
