from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from baslager.core.access_log import access_record
from baslager.core.forms import save_valid_form
from baslager.openings.models import Opening
from baslager.organisations.access import get_scoped_or_404
from baslager.organisations.decorators import STAFF_WITH_PARTICIPANTS, role_required
from baslager.participants.models import Participant

from . import selectors, services
from .forms import MOVES, OverrideForm
from .models import OverrideAction
from .widening import widening_for_participant


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def participant_openings(request, participant):
    participant = get_scoped_or_404(Participant, request.membership, public_id=participant)
    form = OverrideForm(request.POST or None)
    saved = save_valid_form(request, form, lambda data: _override(request, participant, data))
    if saved:
        messages.success(request, _("The change to the order is recorded."))
        return redirect(reverse("matching:openings", kwargs={"participant": participant.public_id}))
    access_record(instance=participant, what="matching")
    matches, out_of_reach = selectors.participant_matching(
        participant=participant, membership=request.membership
    )
    history = selectors.override_history(participant=participant, membership=request.membership)
    return render(
        request,
        "matching/openings.html",
        {
            "participant": participant,
            "matches": matches,
            "out_of_reach": out_of_reach,
            "history": history,
            "form": form,
            "actions": MOVES + list(OverrideAction.choices),
            "propose": _proposals_url(),
        },
    )


def _override(request, participant, data):
    opening = get_scoped_or_404(Opening, request.membership, public_id=data["opening"])
    action, position = data["action"], data.get("position")
    if action in ("up", "down"):
        # Moving is placing at the row above or below the one it is shown at now.
        current = data.get("current") or 1
        action = OverrideAction.POSITION
        position = max(1, current - 1 if data["action"] == "up" else current + 1)
    return services.match_override_record(
        actor=request.user,
        participant=participant,
        opening=opening,
        action=action,
        position=position,
        reason=data["reason"],
    )


def _proposals_url() -> str:
    """The proposals app's create page, once it exists (issue 4, point 5)."""
    try:
        return reverse("proposals:create")
    except NoReverseMatch:
        return ""


@role_required(*STAFF_WITH_PARTICIPANTS)
def opening_participants(request, opening):
    opening = get_scoped_or_404(Opening, request.membership, public_id=opening)
    matches, out_of_reach = selectors.opening_matching(
        opening=opening, membership=request.membership
    )
    return render(
        request,
        "matching/participants.html",
        {
            "opening": opening,
            "matches": matches,
            "out_of_reach": out_of_reach,
            "propose": _proposals_url(),
        },
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
def participant_widening(request, participant):
    """Occupations outside the participant's earlier work that lie within reach of their skills."""
    participant = get_scoped_or_404(Participant, request.membership, public_id=participant)
    widening = widening_for_participant(membership=request.membership, participant=participant)
    return render(
        request, "matching/widening.html", {"participant": participant, "widening": widening}
    )
