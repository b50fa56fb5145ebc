from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from baslager.core.forms import save_valid_form
from baslager.organisations.access import scoped
from baslager.organisations.decorators import role_required

from . import selectors, services
from .forms import LeadFilterForm, LeadForm, RejectForm, VerifyForm
from .models import Lead

PAGE_SIZE = 25
# How many people the "top scouts" table shows.
TOP_SCOUTS = 10


def _detail_url(lead) -> str:
    return reverse("leads:detail", kwargs={"lead": lead.pk})


def _reviews(request) -> bool:
    return request.membership.role in services.REVIEW_ROLES


@role_required(*services.REGISTER_ROLES)
def lead_list(request):
    """Coaches and administrators get the whole organisation's queue; scouts their own leads."""
    reviews = _reviews(request)
    filters = LeadFilterForm(request.GET or None, membership=request.membership, by_finder=reviews)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    found_by = criteria.get("found_by") if reviews else request.user
    leads = selectors.lead_list(
        membership=request.membership, status=criteria.get("status", ""), found_by=found_by
    )
    context = {
        "page": Paginator(leads, PAGE_SIZE).get_page(request.GET.get("page")),
        "filters": filters,
        "reviews": reviews,
    }
    if reviews:
        credits = selectors.leads_credited_per_scout(scoped(Lead, request.membership))
        context["top_scouts"] = credits[:TOP_SCOUTS]
    else:
        context["counts"] = selectors.lead_counts(
            membership=request.membership, found_by=request.user
        )
    return render(request, "leads/list.html", context)


@role_required(*services.REGISTER_ROLES)
@require_http_methods(["GET", "POST"])
def lead_create(request):
    # Coming from a campaign's page, the lead is credited to that campaign unless changed.
    initial = {"campaign": request.GET.get("campaign")} if request.GET.get("campaign") else {}
    form = LeadForm(request.POST or None, membership=request.membership, initial=initial)
    lead = save_valid_form(
        request,
        form,
        lambda data: services.lead_register(
            membership=request.membership,
            actor=request.user,
            data=data,
            confirmed_duplicates=data["confirm_duplicates"],
        ),
    )
    if lead is not None:
        messages.success(
            request,
            _("Thank you! The lead for %(name)s is registered; a coach will look at it.")
            % {"name": lead.employer_name},
        )
        return redirect(_detail_url(lead))
    return render(request, "leads/form.html", {"form": form})


def _render_detail(request, lead, *, verify_form=None, reject_form=None):
    context = {"lead": lead, "reviews": _reviews(request) and lead.is_new}
    if context["reviews"]:
        duplicates = selectors.possible_duplicates(
            membership=request.membership,
            name=lead.employer_name,
            organisation_number=lead.organisation_number,
            exclude_lead_pk=lead.pk,
        )
        context["duplicates"] = duplicates
        context["verify_form"] = verify_form or VerifyForm(candidates=duplicates.employers)
        context["reject_form"] = reject_form or RejectForm()
    return render(request, "leads/detail.html", context)


def _decided(request, lead):
    """A lead someone else decided on meanwhile goes back to its page with a word why."""
    messages.error(request, _("This lead has already been decided on."))
    return redirect(_detail_url(lead))


@role_required(*services.REGISTER_ROLES)
@require_http_methods(["GET"])
def lead_detail(request, lead):
    lead = selectors.lead_detail(membership=request.membership, pk=lead)
    return _render_detail(request, lead)


@role_required(*services.REVIEW_ROLES)
@require_POST
def lead_verify(request, lead):
    lead = selectors.lead_detail(membership=request.membership, pk=lead)
    if not lead.is_new:
        return _decided(request, lead)
    candidates = selectors.possible_duplicates(
        membership=request.membership,
        name=lead.employer_name,
        organisation_number=lead.organisation_number,
        exclude_lead_pk=lead.pk,
    ).employers
    form = VerifyForm(request.POST, candidates=candidates)
    if form.is_valid():
        try:
            employer = services.lead_verify(
                lead=lead,
                membership=request.membership,
                actor=request.user,
                employer=form.cleaned_data["employer"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The lead is verified and %(scout)s is credited for %(name)s.")
                % {"scout": lead.found_by or _("an unknown member"), "name": employer.name},
            )
            return redirect(_detail_url(lead))
    return _render_detail(request, lead, verify_form=form)


@role_required(*services.REVIEW_ROLES)
@require_POST
def lead_reject(request, lead):
    lead = selectors.lead_detail(membership=request.membership, pk=lead)
    if not lead.is_new:
        return _decided(request, lead)
    form = RejectForm(request.POST)
    if form.is_valid():
        try:
            services.lead_reject(
                lead=lead,
                membership=request.membership,
                actor=request.user,
                reason=form.cleaned_data["rejection_reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The lead is rejected."))
            return redirect(_detail_url(lead))
    return _render_detail(request, lead, reject_form=form)
