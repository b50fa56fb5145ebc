import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from baslager.core.access_log import access_record
from baslager.core.forms import save_valid_form
from baslager.openings.models import Opening
from baslager.organisations.access import get_scoped_or_404, suppress_small
from baslager.organisations.decorators import ADMIN_ONLY, STAFF_WITH_PARTICIPANTS, role_required
from baslager.organisations.models import Role
from baslager.participants.models import Participant

from . import selectors, services
from .forms import AdvanceForm, PeopleFilterForm, ProposalCreateForm, ReferenceForm
from .models import GenderDominatedField, ProposalSource, ProposalStatus

PAGE_SIZE = 25


def _detail_url(proposal) -> str:
    return reverse("proposals:detail", kwargs={"proposal": proposal.public_id})


def _preselected(request, model, name: str):
    """The object named by ``?<name>=<uuid>`` when the member may see it; 404 otherwise."""
    raw = request.GET.get(name, "")
    if not raw:
        return None
    try:
        public_id = uuid.UUID(raw)
    except ValueError as exc:
        raise Http404 from exc
    return get_scoped_or_404(model, request.membership, public_id=public_id)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def proposal_create(request):
    """From a participant's page (``?participant=``), an opening's (``?opening=``) or a match
    (both, and ``?source=matching``)."""
    participant = _preselected(request, Participant, "participant")
    opening = _preselected(request, Opening, "opening")
    initial = {"participant": participant, "opening": opening}
    if request.GET.get("source") in ProposalSource.values:
        initial["source"] = request.GET["source"]
    form = ProposalCreateForm(request.POST or None, membership=request.membership, initial=initial)
    proposal = save_valid_form(
        request,
        form,
        lambda data: services.proposal_create(
            membership=request.membership, actor=request.user, **data
        ),
    )
    if proposal is not None:
        messages.success(request, _("The proposal is registered."))
        return redirect(_detail_url(proposal))
    context = {"form": form, "participant": participant, "opening": opening}
    return render(request, "proposals/create.html", context)


def _detail(request, proposal, form: AdvanceForm):
    context = {
        "proposal": proposal,
        "history": selectors.proposal_history(proposal=proposal),
        "next_statuses": [ProposalStatus(s) for s in services.next_statuses(proposal=proposal)],
        "form": form,
    }
    return render(request, "proposals/detail.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET"])
def proposal_detail(request, proposal):
    proposal = selectors.proposal_detail(membership=request.membership, public_id=proposal)
    return _detail(request, proposal, AdvanceForm())


# The service's rules, by the code of the error they raise, and the field each belongs to.
ADVANCE_ERROR_FIELDS = {"starts_on": "starts_on", "reason": "note"}


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def proposal_advance(request, proposal):
    """Takes the next step; a refused step shows the page again with the error at its field and
    everything typed kept."""
    proposal = selectors.proposal_detail(membership=request.membership, public_id=proposal)
    form = AdvanceForm(request.POST)
    if form.is_valid():
        try:
            services.proposal_advance(
                proposal=proposal,
                membership=request.membership,
                actor=request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.add_error(ADVANCE_ERROR_FIELDS.get(getattr(error, "code", None)), error)
        else:
            messages.success(request, _("The proposal is updated."))
            return redirect(_detail_url(proposal))
    return _detail(request, proposal, form)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET"])
def proposal_profile(request, proposal):
    """The profile to print or send to the employer: anonymous until the participant consents;
    after that the coach may add the name (``?name=1``)."""
    proposal = selectors.proposal_detail(membership=request.membership, public_id=proposal)
    with_name = request.GET.get("name") == "1" and proposal.has_consent
    access_record(
        instance=proposal, what="employer_profile_named" if with_name else "employer_profile"
    )
    context = {
        "proposal": proposal,
        "profile": selectors.anonymous_profile(proposal=proposal, with_name=with_name),
        "contact": request.user,
    }
    return render(request, "proposals/profile.html", context)


# The report holds counts only, each of them suppressed under five: every role may read it.
@role_required(Role.ADMIN, Role.COACH, Role.SCOUT, Role.VIEWER)
@require_http_methods(["GET"])
def fairness_report(request):
    report = selectors.fairness_report(membership=request.membership)
    context = {
        "report": report,
        "major_rows": [_shown(row) for row in report.by_major_group],
        "field_rows": [_shown(row) for row in report.by_dominated_field],
        "norm_breaking": suppress_small(report.norm_breaking_placements),
        "may_drill_down": request.membership.works_with_participants,
        "no_field_code": selectors.NO_FIELD_CODE,
    }
    return render(request, "proposals/fairness.html", context)


def _shown(row) -> dict:
    """A report row as the page shows it: counts suppressed, flags as the selector judged."""
    columns = selectors.GENDER_COLUMNS
    return {
        "row": row,
        "proposals": [(c, suppress_small(row.proposals.count(c))) for c in columns],
        "placements": [(c, suppress_small(row.placements.count(c))) for c in columns],
        "proposals_mirror": selectors.mirrors(row, "proposals"),
        "placements_mirror": selectors.mirrors(row, "placements"),
        "norm_breaking": suppress_small(row.norm_breaking_placements),
    }


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET"])
def fairness_people(request):
    """The participants behind one cell of the report, as far as the member may see them."""
    filters = PeopleFilterForm(request.GET or None)
    if not filters.is_valid():
        filters = PeopleFilterForm({"what": "proposals"})
        filters.is_valid()
    people = selectors.people_behind(membership=request.membership, **filters.cleaned_data)
    context = {
        "page": Paginator(people, PAGE_SIZE).get_page(request.GET.get("page")),
        "filters": filters,
    }
    return render(request, "proposals/people.html", context)


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def fairness_reference(request):
    """The organisation's table of gender-dominated occupational fields: add, remove, or load the
    shipped default."""
    organisation = request.membership.organisation
    action = request.POST.get("action", "")
    form = ReferenceForm(request.POST if action == "add" else None)
    if action == "default":
        count = services.reference_load_default(organisation=organisation)
        messages.success(
            request, _("The default table is loaded: %(count)s rows.") % {"count": count}
        )
        return redirect("proposals:reference")
    if action == "remove":
        row = get_scoped_or_404(
            GenderDominatedField, request.membership, pk=_int(request.POST.get("row"))
        )
        services.reference_remove(row=row)
        messages.success(request, _("The row is removed."))
        return redirect("proposals:reference")
    added = save_valid_form(
        request, form, lambda data: services.reference_add(organisation=organisation, data=data)
    )
    if added is not None:
        messages.success(request, _("The row is added."))
        return redirect("proposals:reference")
    rows = selectors.gender_dominated_fields(organisation=organisation)
    # Unsaved rows are the shipped default, shown until the organisation has a table of its own.
    context = {"form": form, "rows": rows, "is_default": not rows or rows[0].pk is None}
    return render(request, "proposals/reference.html", context)


def _int(raw) -> int:
    try:
        return int(raw)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
