"""Proposals on the participant page; those still under way are next steps."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baslager.core.panels import NextStep, Panel
from baslager.participants.panels import participant_page

from .models import FINAL_STATUSES, ProposalStatus
from .selectors import proposals_for_participant


def _proposals(request, participant) -> dict:
    proposals = list(
        proposals_for_participant(membership=request.membership, participant=participant)
    )
    waiting = [
        proposal
        for proposal in proposals
        if proposal.status not in FINAL_STATUSES and proposal.status != ProposalStatus.STARTED
    ]
    return {
        "proposals": proposals,
        "next_steps": [
            NextStep(
                text=_("Proposal for %(opening)s: %(status)s")
                % {"opening": proposal.opening.title, "status": proposal.get_status_display()},
                url=reverse("proposals:detail", kwargs={"proposal": proposal.public_id}),
            )
            for proposal in waiting
        ],
    }


def register_panels() -> None:
    participant_page.register(
        Panel(
            key="proposals",
            title=gettext_lazy("Proposals"),
            order=65,
            template="proposals/_participant_proposals.html",
            context=_proposals,
        )
    )
