from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django_htmx.http import (
    HttpResponseClientRedirect,
    reswap,
    retarget,
    trigger_client_event,
)

from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.organisations.decorators import ADMIN_ONLY, STAFF_WITH_PARTICIPANTS, role_required
from baslager.organisations.models import Role
from baslager.participants.models import Participant

from . import selectors, services
from .forms import BoardFilterForm, MoveForm, PhaseForm
from .models import Phase
from .overview import phase_overview

# Ladder of phases (administrators)


def _ladder_page(request, form: PhaseForm, status: int = 200):
    context = {"phases": selectors.phase_ladder(membership=request.membership), "form": form}
    return render(request, "phases/ladder.html", context, status=status)


@role_required(*ADMIN_ONLY)
def ladder(request):
    services.phase_ladder_create_default(organisation=request.membership.organisation)
    return _ladder_page(request, PhaseForm(ladder=scoped(Phase, request.membership)))


@role_required(*ADMIN_ONLY)
def add(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = PhaseForm(request.POST, ladder=scoped(Phase, request.membership))
    if not form.is_valid():
        return _ladder_page(request, form)
    try:
        phase = services.phase_create(
            organisation=request.membership.organisation,
            name=form.cleaned_data["name"],
            description=form.cleaned_data["description"],
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _ladder_page(request, form)
    messages.success(request, _("%(phase)s was added to the ladder.") % {"phase": phase.name})
    return redirect("phases:ladder")


@role_required(*ADMIN_ONLY)
def edit(request, phase: int):
    phase = get_scoped_or_404(Phase, request.membership, pk=phase)
    ladder = scoped(Phase, request.membership)
    # The form writes what was typed onto the phase while validating; the heading keeps the name.
    name = phase.name
    if request.method == "POST":
        form = PhaseForm(request.POST, instance=phase, ladder=ladder)
        if form.is_valid():
            try:
                services.phase_update(
                    phase=phase,
                    name=form.cleaned_data["name"],
                    description=form.cleaned_data["description"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("%(phase)s was saved.") % {"phase": phase.name})
                return redirect("phases:ladder")
    else:
        form = PhaseForm(instance=phase, ladder=ladder)
    return render(request, "phases/edit.html", {"phase": phase, "name": name, "form": form})


@role_required(*ADMIN_ONLY)
def reorder(request, phase: int):
    phase = get_scoped_or_404(Phase, request.membership, pk=phase)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    direction = request.POST.get("direction")
    if direction in ("up", "down"):
        services.phase_reorder(phase=phase, direction=direction)
    return redirect("phases:ladder")


@role_required(*ADMIN_ONLY)
def deactivate(request, phase: int):
    phase = get_scoped_or_404(Phase, request.membership, pk=phase)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.phase_set_active(phase=phase, is_active=False)
    messages.success(
        request,
        _("%(phase)s is out of use. Participants in it stay until they are moved.")
        % {"phase": phase.name},
    )
    return redirect("phases:ladder")


@role_required(*ADMIN_ONLY)
def activate(request, phase: int):
    phase = get_scoped_or_404(Phase, request.membership, pk=phase)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.phase_set_active(phase=phase, is_active=True)
    messages.success(request, _("%(phase)s is in use again.") % {"phase": phase.name})
    return redirect("phases:ladder")


@role_required(*ADMIN_ONLY)
def delete(request, phase: int):
    phase = get_scoped_or_404(Phase, request.membership, pk=phase)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    name = phase.name
    try:
        services.phase_delete(phase=phase)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("%(phase)s was deleted.") % {"phase": name})
    return redirect("phases:ladder")


# Moving a participant


@role_required(*STAFF_WITH_PARTICIPANTS)
def move(request, participant):
    participant = get_scoped_or_404(
        Participant.objects.select_related("current_phase"),
        request.membership,
        public_id=participant,
    )
    phases = selectors.phases_to_move_to(membership=request.membership, participant=participant)
    form = MoveForm(request.POST if request.method == "POST" else None, phases=phases)
    back_to = _back_to(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.participant_move_to_phase(
                participant=participant,
                moved_by=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _moved(request, participant, back_to)
    context = {"participant": participant, "form": form, "back_to": back_to}
    if request.htmx:
        response = render(request, "phases/_move_form.html", context)
        if request.method == "POST":
            # Errors replace the form itself, not the timeline the form would have updated.
            response = reswap(retarget(response, "#phase-move-form"), "outerHTML")
        return response
    return render(request, "phases/move.html", context)


def _back_to(request) -> str | None:
    """Where a move opened from elsewhere (the board) returns: a page of this site, or None."""
    back_to = request.POST.get("next") or request.GET.get("next")
    if back_to and url_has_allowed_host_and_scheme(
        back_to, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return back_to
    return None


def _moved(request, participant, back_to: str | None):
    phase = participant.current_phase
    if back_to:
        messages.success(
            request,
            _("%(name)s moved to %(phase)s.")
            % {"name": participant.full_name, "phase": phase.name},
        )
        # From the board the whole board changes (counts, columns), so it is loaded again.
        return HttpResponseClientRedirect(back_to) if request.htmx else redirect(back_to)
    if request.htmx:
        context = {
            "participant": participant,
            "transitions": selectors.phase_history(participant=participant),
            "moved_to": phase,
        }
        response = render(request, "phases/_timeline.html", context)
        return trigger_client_event(response, "phase-changed", {"phase": phase.name})
    messages.success(
        request,
        _("%(name)s moved to %(phase)s.") % {"name": participant.full_name, "phase": phase.name},
    )
    return redirect("participants:detail", participant=participant.public_id)


# The caseload board


@role_required(*STAFF_WITH_PARTICIPANTS)
def board(request):
    membership = request.membership
    can_see_more = selectors.can_see_beyond_own_caseload(membership=membership)
    phases = list(scoped(Phase, membership).order_by("position"))
    coaches = list(selectors.board_coaches(membership=membership)) if can_see_more else []
    form = BoardFilterForm(request.GET, phases=phases, coaches=coaches, can_see_more=can_see_more)
    coach = form.value_of("coach")
    filters = selectors.BoardFilters(
        q=form.value_of("q", ""),
        phase=form.value_of("phase", ""),
        coach=int(coach) if coach else None,
        mine=form.value_of("mine", False),
        status=form.value_of("status", "active"),
        page=form.value_of("page", 1),
    )
    context = {
        "form": form,
        "board": selectors.caseload_board(
            membership=membership, filters=filters, user=request.user, phases=phases
        ),
        "view": form.value_of("view", "board"),
        "querystring": _without(request.GET, "phase", "page"),
    }
    # Going back in history asks for the whole page again, with the htmx header set.
    partial = request.htmx and not request.htmx.history_restore_request
    template = "phases/_board_results.html" if partial else "phases/board.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _without(query, *names: str) -> str:
    """The query string with ``names`` left out, for links that set those themselves."""
    kept = query.copy()
    for name in names:
        kept.pop(name, None)
    return kept.urlencode()


@role_required(*Role.values)
@require_GET
def overview(request):
    """The organisation in figures, for everyone in it; viewers see nothing else."""
    return render(
        request, "phases/overview.html", {"overview": phase_overview(membership=request.membership)}
    )
