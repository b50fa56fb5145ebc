from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from baslager.organisations.access import get_scoped_or_404
from baslager.organisations.decorators import role_required
from baslager.organisations.models import Role
from baslager.projects.selectors import follow_ups_6m_due

from . import selectors, services
from .forms import CallForm, CampaignForm, NeedsSurveyForm, TargetFilterForm, need_formset
from .models import FollowUp, RecruitmentNeed

# Scouts call in the campaigns they are callers in; viewers see nothing of outreach.
OUTREACH_ROLES = (Role.ADMIN, Role.COACH, Role.SCOUT)
ORGANISER_ROLES = (Role.ADMIN, Role.COACH)
PAGE_SIZE = 25


def _campaign_url(campaign) -> str:
    return reverse("outreach:campaign", kwargs={"campaign": campaign.pk})


def _target_url(target) -> str:
    return reverse("outreach:target", kwargs={"target": target.pk})


@role_required(*OUTREACH_ROLES)
@require_GET
def campaign_list(request):
    campaigns = selectors.campaign_list(membership=request.membership)
    page = Paginator(campaigns, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "outreach/campaign_list.html", {"page": page})


def _match_count(request, form) -> int:
    return services.matching_employers(
        organisation_id=request.membership.organisation_id, filters=form.filters()
    ).count()


@role_required(*ORGANISER_ROLES)
@require_http_methods(["GET", "POST"])
def campaign_create(request):
    form = CampaignForm(request.POST or None, membership=request.membership)
    if request.method == "POST" and "count" not in request.POST and form.is_valid():
        try:
            campaign = services.campaign_create(
                membership=request.membership, actor=request.user, data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error("callers", error)
        else:
            messages.success(request, _("The campaign is created."))
            return redirect(_campaign_url(campaign))
    context = {"form": form, "campaign": None, "match_count": _match_count(request, form)}
    return render(request, "outreach/campaign_form.html", context)


@role_required(*ORGANISER_ROLES)
@require_http_methods(["GET", "POST"])
def campaign_edit(request, campaign):
    campaign = selectors.campaign_detail(membership=request.membership, pk=campaign)
    form = CampaignForm(request.POST or None, instance=campaign, membership=request.membership)
    if request.method == "POST" and "count" not in request.POST and form.is_valid():
        try:
            services.campaign_update(campaign=campaign, data=form.cleaned_data)
        except ValidationError as error:
            form.add_error("callers", error)
        else:
            messages.success(request, _("The campaign is saved."))
            return redirect(_campaign_url(campaign))
    context = {"form": form, "campaign": campaign, "match_count": _match_count(request, form)}
    return render(request, "outreach/campaign_form.html", context)


@role_required(*ORGANISER_ROLES)
@require_GET
def campaign_count(request):
    """How many employers the filters typed so far match (htmx, as the form changes)."""
    form = CampaignForm(request.GET, membership=request.membership)
    return render(
        request, "outreach/_match_count.html", {"match_count": _match_count(request, form)}
    )


@role_required(*OUTREACH_ROLES)
@require_GET
def campaign_detail(request, campaign):
    campaign = selectors.campaign_detail(membership=request.membership, pk=campaign)
    filters = TargetFilterForm(request.GET or None)
    state = filters.cleaned_data["state"] if filters.is_valid() else ""
    targets = selectors.campaign_targets(campaign=campaign, state=state)
    context = {
        "campaign": campaign,
        "stats": selectors.campaign_statistics(campaign=campaign),
        "filters": filters,
        "page": Paginator(targets, PAGE_SIZE).get_page(request.GET.get("page")),
        "is_caller": services.is_caller(campaign=campaign, user=request.user),
        "may_organise": request.membership.role in ORGANISER_ROLES,
        "now": timezone.now(),
    }
    return render(request, "outreach/campaign_detail.html", context)


@role_required(*ORGANISER_ROLES)
@require_POST
def campaign_refresh(request, campaign):
    campaign = selectors.campaign_detail(membership=request.membership, pk=campaign)
    added = services.campaign_targets_refresh(campaign=campaign)
    messages.success(
        request,
        ngettext(
            "%(count)d employer is added to the list.",
            "%(count)d employers are added to the list.",
            added,
        )
        % {"count": added},
    )
    return redirect(_campaign_url(campaign))


@role_required(*OUTREACH_ROLES)
@require_http_methods(["GET", "POST"])
def call_next(request, campaign):
    """The caller's start: GET shows the script and what they hold; POST takes the next
    employer from the queue and opens it."""
    campaign = selectors.campaign_detail(membership=request.membership, pk=campaign)
    if not services.is_caller(campaign=campaign, user=request.user):
        raise PermissionDenied
    if request.method == "POST":
        return _take_next(request, campaign)
    held = services.current_reservation(campaign=campaign, caller=request.user)
    return render(request, "outreach/call_next.html", {"campaign": campaign, "held": held})


def _take_next(request, campaign):
    try:
        target = services.target_take_next(campaign=campaign, caller=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_campaign_url(campaign))
    if target is None:
        messages.success(request, _("Nobody is left to call in this campaign right now."))
        return redirect(_campaign_url(campaign))
    return redirect(_target_url(target))


@role_required(*OUTREACH_ROLES)
@require_http_methods(["GET", "POST"])
def target_call(request, target):
    """One employer of a campaign: who to call, earlier calls, and (while the caller holds it)
    the outcome and needs-survey forms. POST logs the call, then takes the next one when asked."""
    target = selectors.target_detail(membership=request.membership, pk=target)
    campaign = target.campaign
    caller = services.is_caller(campaign=campaign, user=request.user)
    forms = {
        "call_form": CallForm(request.POST or None),
        "survey_form": NeedsSurveyForm(request.POST or None),
        "needs": need_formset(request.POST or None),
    }
    if request.method == "POST":
        if not caller:
            raise PermissionDenied
        if "reserve" in request.POST:
            return _reserve(request, target)
        if "release" in request.POST:
            services.target_release(target=target, caller=request.user)
            messages.success(request, _("The employer is back in the queue."))
            return redirect(_campaign_url(campaign))
        if response := _log(request, target, **forms):
            return response
    now = timezone.now()
    context = {
        "campaign": campaign,
        "target": target,
        "is_caller": caller,
        "holds": target.reserved_by_id == request.user.pk
        and target.reserved_until is not None
        and target.reserved_until > now,
        "held_by_other": target.reserved_by_id not in (None, request.user.pk)
        and target.reserved_until > now,
        "contacts": target.employer.contacts.order_by("name", "pk"),
        "calls": selectors.target_calls(target=target),
        **forms,
    }
    return render(request, "outreach/target.html", context)


def _reserve(request, target):
    try:
        services.target_reserve(target=target, caller=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(_target_url(target))


def _log(request, target, *, call_form, survey_form, needs) -> HttpResponse | None:
    if not (call_form.is_valid() and survey_form.is_valid() and needs.is_valid()):
        return None
    data = call_form.cleaned_data
    new_needs = [form.cleaned_data for form in needs.forms if form.has_changed()]
    try:
        with transaction.atomic():
            call = services.call_log(
                target=target,
                caller=request.user,
                outcome=data["outcome"],
                note=data["note"],
                callback_at=data["callback_at"],
                meeting_at=data["meeting_at"],
                material_due=data["material_due"],
            )
            if call.reached and (survey_form.has_changed() or new_needs):
                services.needs_survey_save(
                    call=call,
                    membership=request.membership,
                    actor=request.user,
                    data=survey_form.cleaned_data,
                    needs=new_needs,
                )
    except ValidationError as error:
        call_form.add_error(None, error)
        return None
    messages.success(request, _("The call to %(name)s is saved.") % {"name": target.employer})
    if "next" in request.POST:
        return _take_next(request, target.campaign)
    return redirect(_campaign_url(target.campaign))


@role_required(*OUTREACH_ROLES)
@require_POST
def need_to_opening(request, need):
    queryset = RecruitmentNeed.objects.select_related("occupation", "survey__call__target")
    if request.membership.role == Role.SCOUT:
        queryset = queryset.filter(survey__call__target__campaign__callers=request.user)
    need = get_scoped_or_404(queryset, request.membership, pk=need)
    try:
        opening = services.recruitment_need_to_opening(
            need=need, membership=request.membership, actor=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_target_url(need.survey.call.target))
    messages.success(request, _("The need is a draft opening now; complete it and open it."))
    return redirect(reverse("openings:detail", kwargs={"opening": opening.public_id}))


@role_required(*OUTREACH_ROLES)
@require_GET
def my_tasks(request):
    follow_ups = selectors.my_follow_ups(membership=request.membership)
    page = Paginator(follow_ups, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "now": timezone.now(),
        "today": timezone.localdate(),
        # Six-month follow-ups after a project (projects app), of participants the member sees.
        "participant_follow_ups": follow_ups_6m_due(
            membership=request.membership, today=timezone.localdate()
        ),
    }
    return render(request, "outreach/tasks.html", context)


@role_required(*OUTREACH_ROLES)
@require_POST
def follow_up_done(request, follow_up):
    follow_up = get_scoped_or_404(
        FollowUp.objects.filter(assignee=request.user), request.membership, pk=follow_up
    )
    services.follow_up_complete(follow_up=follow_up, actor=request.user)
    if request.htmx:
        return HttpResponse("")
    messages.success(request, _("The task is done."))
    return redirect(reverse("outreach:tasks"))
