import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from baslager.core.access_log import access_record
from baslager.core.forms import save_valid_form
from baslager.messaging.models import Channel
from baslager.messaging.selectors import messages_about
from baslager.openings.models import Opening
from baslager.organisations.access import get_scoped_or_404
from baslager.organisations.decorators import STAFF_WITH_PARTICIPANTS, role_required
from baslager.participants.models import Participant

from . import selectors, services
from .forms import PlacementCreateForm, PlacementEditForm, PlacementEndForm
from .models import PlacementChecklistItem


def _detail_url(placement) -> str:
    return reverse("placements:detail", kwargs={"placement": placement.public_id})


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


def _warn_if_over_capacity(request, placement) -> None:
    if selectors.supervisor_over_capacity(supervisor=placement.supervisor):
        messages.warning(
            request,
            _("%(name)s now supervises more participants than the %(capacity)s they have room for.")
            % {"name": placement.supervisor.name, "capacity": placement.supervisor.capacity},
        )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def placement_create(request):
    """From a participant's page (``?participant=``) or an opening's (``?opening=``)."""
    initial = {}
    participant = _preselected(request, Participant, "participant")
    opening = _preselected(request, Opening, "opening")
    if participant is not None:
        initial["participant"] = participant
    if opening is not None:
        initial |= {
            "opening": opening,
            "employer": opening.employer,
            "supervisor": opening.supervisor,
        }
    form = PlacementCreateForm(request.POST or None, membership=request.membership, initial=initial)
    placement = save_valid_form(
        request,
        form,
        lambda data: services.placement_create(
            membership=request.membership, actor=request.user, data=data
        ),
    )
    if placement is not None:
        messages.success(request, _("The placement is registered."))
        _warn_if_over_capacity(request, placement)
        return redirect(_detail_url(placement))
    context = {"form": form, "participant": participant, "opening": opening}
    return render(request, "placements/create.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET"])
def participant_placements(request, participant):
    """Every placement of one participant, newest first, with its checklists' progress."""
    participant = get_scoped_or_404(Participant, request.membership, public_id=participant)
    placements = selectors.placements_of_participant(
        membership=request.membership, participant=participant
    )
    return render(
        request,
        "placements/participant.html",
        {"participant": participant, "placements": placements},
    )


def _render_detail(request, placement, *, new_token: str = ""):
    context = {
        "placement": placement,
        "sent": messages_about(membership=request.membership, topic=f"placement:{placement.pk}"),
        "overview": selectors.checklist_overview(placement=placement),
        "link": selectors.working_supervisor_link(placement=placement),
        "new_link": request.build_absolute_uri(
            reverse("placements:supervisor", kwargs={"token": new_token})
        )
        if new_token
        else "",
    }
    return render(request, "placements/detail.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET"])
def placement_detail(request, placement):
    placement = selectors.placement_detail(membership=request.membership, public_id=placement)
    return _render_detail(request, placement)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def placement_edit(request, placement):
    placement = selectors.placement_detail(membership=request.membership, public_id=placement)
    initial = {
        "supervisor": placement.supervisor,
        "kind": placement.kind,
        "starts_on": placement.starts_on,
        "ends_on": placement.ends_on,
        "status": placement.status,
    }
    form = PlacementEditForm(request.POST or None, placement=placement, initial=initial)
    saved = save_valid_form(
        request, form, lambda data: services.placement_edit(placement=placement, data=data)
    )
    if saved is not None:
        messages.success(request, _("The details are saved."))
        _warn_if_over_capacity(request, placement)
        return redirect(_detail_url(placement))
    return render(request, "placements/edit.html", {"form": form, "placement": placement})


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def placement_end(request, placement):
    placement = selectors.placement_detail(membership=request.membership, public_id=placement)
    form = PlacementEndForm(request.POST or None)
    ended = save_valid_form(
        request, form, lambda data: services.placement_end(placement=placement, **data)
    )
    if ended is not None:
        messages.success(request, _("The placement is ended."))
        return redirect(_detail_url(placement))
    return render(request, "placements/end.html", {"form": form, "placement": placement})


def _wants_done(request) -> bool | None:
    """``done=1`` ticks an item off, ``done=0`` puts it back; None for anything else."""
    return {"1": True, "0": False}.get(request.POST.get("done", ""))


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def item_tick(request, placement, item):
    placement = selectors.placement_detail(membership=request.membership, public_id=placement)
    item = get_scoped_or_404(
        PlacementChecklistItem.objects.filter(checklist__placement=placement),
        request.membership,
        pk=item,
    )
    done = _wants_done(request)
    if done is None:
        return HttpResponseBadRequest()
    services.checklist_item_tick(item=item, done=done, actor=request.user)
    if request.htmx:
        context = {
            "placement": placement,
            "overview": selectors.checklist_overview(placement=placement),
        }
        return render(request, "placements/_checklists.html", context)
    return redirect(_detail_url(placement) + "#checklists-heading")


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def link_create(request, placement):
    """A new secret link for the supervisor, shown this once or sent to them by e-mail or SMS
    (``send``); an earlier link stops working."""
    placement = selectors.placement_detail(membership=request.membership, public_id=placement)
    send = request.POST.get("send", "")
    if send and send not in Channel.values:
        return HttpResponseBadRequest()
    try:
        if send:
            services.supervisor_link_send(
                placement=placement,
                actor=request.user,
                channel=send,
                link_url=lambda token: request.build_absolute_uri(
                    reverse("placements:supervisor", kwargs={"token": token})
                ),
            )
        else:
            _link, token = services.supervisor_link_create(placement=placement, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_detail_url(placement) + "#link-heading")
    if send:
        messages.success(request, _("A new link is on its way to the supervisor."))
        return redirect(_detail_url(placement) + "#link-heading")
    return _render_detail(request, placement, new_token=token)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def link_revoke(request, placement):
    placement = selectors.placement_detail(membership=request.membership, public_id=placement)
    if services.supervisor_link_revoke(placement=placement):
        messages.success(request, _("The supervisor's link no longer works."))
    return redirect(_detail_url(placement) + "#link-heading")


def _supervisor_context(link, token: str) -> dict:
    return {
        "link": link,
        "token": token,
        "placement": link.placement,
        "overview": selectors.checklist_overview(placement=link.placement),
    }


# The supervisor works at the employer and has no account: the secret token in the address is
# the permission. Nothing here may be cached on a shared device.
@login_not_required
@never_cache
@require_http_methods(["GET"])
def supervisor_page(request, token):
    link = selectors.supervisor_link_by_token(token=token)
    access_record(instance=link, what="supervisor_page")
    return render(request, "placements/supervisor.html", _supervisor_context(link, token))


@login_not_required
@never_cache
@require_POST
def supervisor_tick(request, token, item):
    link = selectors.supervisor_link_by_token(token=token)
    item = get_object_or_404(
        PlacementChecklistItem.objects.filter(checklist__placement=link.placement), pk=item
    )
    done = _wants_done(request)
    if done is None:
        return HttpResponseBadRequest()
    services.checklist_item_tick(item=item, done=done, by_supervisor=True)
    if request.htmx:
        return render(request, "placements/_checklists.html", _supervisor_context(link, token))
    return redirect(reverse("placements:supervisor", kwargs={"token": token}))
