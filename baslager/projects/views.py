from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from baslager.core.access_log import access_record
from baslager.core.forms import save_valid_form
from baslager.organisations.access import get_scoped_or_404, may_read_restricted, scoped
from baslager.organisations.decorators import ADMIN_ONLY, STAFF_WITH_PARTICIPANTS, role_required
from baslager.organisations.models import Role
from baslager.participants.models import Participant, ParticipantStatus, SpecialCategoryData

from . import selectors, services
from .forms import (
    EnrolForm,
    EntryForm,
    ExitForm,
    FollowUpAnswerForm,
    ProjectForm,
    SensitiveEntryForm,
    SituationForm,
)
from .models import (
    ExitSituation,
    Project,
    ProjectEnrolment,
    SixMonthFollowUp,
)

PAGE_SIZE = 25


def _detail_url(project: Project) -> str:
    return reverse("projects:detail", kwargs={"project": project.pk})


# Projects and their figures hold no personal data: every member, viewers included, may read
# them; only administrators set them up.
EVERY_ROLE = tuple(Role.values)


@role_required(*EVERY_ROLE)
@require_http_methods(["GET"])
def project_list(request):
    context = {
        "projects": selectors.project_list(membership=request.membership),
        "today": timezone.localdate(),
    }
    return render(request, "projects/list.html", context)


@role_required(*EVERY_ROLE)
@require_http_methods(["GET"])
def project_detail(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    membership = request.membership
    enrolments = selectors.enrolments_in_project(membership=membership, project=project)
    context = {
        "project": project,
        "task_counts": selectors.project_task_counts(membership=membership, project=project),
        "today": timezone.localdate(),
        # Rows only for staff who see participants; every role gets the suppressed counts.
        "page": Paginator(enrolments, PAGE_SIZE).get_page(request.GET.get("page"))
        if membership.role in STAFF_WITH_PARTICIPANTS
        else None,
        "totals": selectors.project_enrolment_totals(membership=membership, project=project),
        "flow": selectors.project_flow_by_month(membership=membership, project=project),
    }
    return render(request, "projects/detail.html", context)


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def project_create(request):
    form = ProjectForm(request.POST or None)
    project = save_valid_form(
        request,
        form,
        lambda data: services.project_create(membership=request.membership, data=data),
    )
    if project is not None:
        messages.success(request, _("%(name)s is registered.") % {"name": project.name})
        return redirect(_detail_url(project))
    return render(request, "projects/form.html", {"form": form, "project": None})


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def project_edit(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    form = ProjectForm(request.POST or None, instance=project)
    if save_valid_form(
        request, form, lambda data: services.project_update(project=project, data=data)
    ):
        messages.success(request, _("The details are saved."))
        return redirect(_detail_url(project))
    return render(request, "projects/form.html", {"form": form, "project": project})


# Participants in projects: only staff who may see the participant (others answer 403 or 404).


def _participant_url(participant) -> str:
    return reverse("projects:participant", kwargs={"participant": participant.public_id})


@role_required(*STAFF_WITH_PARTICIPANTS)
def participant_projects(request, participant):
    """The participant's projects in full: entries, exits, situations and follow-ups."""
    participant = get_scoped_or_404(Participant, request.membership, public_id=participant)
    context = {"participant": participant, **selectors.participant_projects(
        membership=request.membership, participant=participant
    )}
    return render(request, "projects/participant.html", context)


def _enrolment(request, pk: int) -> ProjectEnrolment:
    return get_scoped_or_404(
        ProjectEnrolment.objects.select_related("participant", "project"),
        request.membership,
        pk=pk,
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def enrolment_create(request, participant):
    participant = get_scoped_or_404(Participant, request.membership, public_id=participant)
    form = EnrolForm(
        request.POST or None,
        membership=request.membership,
        initial={"entry_date": timezone.localdate()},
    )
    result = save_valid_form(
        request,
        form,
        lambda data: services.project_enrolment_enter(
            participant=participant,
            project=data["project"],
            entry_date=data["entry_date"],
            actor=request.user,
        ),
    )
    if result is not None:
        enrolment, re_entered = result
        if re_entered:
            messages.success(
                request,
                _("Welcome back: the first entry date and the characteristics at entry are kept."),
            )
            return redirect(_participant_url(participant))
        messages.success(request, _("Enrolled. Check the characteristics at entry."))
        return redirect(reverse("projects:entry", kwargs={"project_enrolment": enrolment.pk}))
    context = {"form": form, "participant": participant}
    return render(request, "projects/enrol.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def enrolment_entry(request, project_enrolment):
    """The characteristics at entry; the sensitive ones only for those who may read them."""
    enrolment = _enrolment(request, project_enrolment)
    form = EntryForm(request.POST or None, instance=enrolment)
    sensitive_form = None
    if may_read_restricted(request.membership, enrolment.participant):
        participant = enrolment.participant
        record = scoped(SpecialCategoryData, request.membership).filter(participant=participant)
        record = record.first() or SpecialCategoryData(
            organisation_id=participant.organisation_id, participant=participant
        )
        sensitive_form = SensitiveEntryForm(request.POST or None, instance=record)
        if record.pk:
            access_record(instance=record, what="special_category_data")
    # Both forms validate first, so a mistake in either shows at once.
    valid = [f.is_valid() for f in (form, sensitive_form) if f is not None and f.is_bound]
    if valid and all(valid):
        saved = save_valid_form(
            request,
            form,
            lambda data: services.project_enrolment_update_entry(
                enrolment=enrolment,
                data=data,
                sensitive=sensitive_form.cleaned_data if sensitive_form else None,
            ),
        )
        if saved is not None:
            messages.success(request, _("The characteristics at entry are saved."))
            return redirect(_participant_url(enrolment.participant))
    context = {"enrolment": enrolment, "form": form, "sensitive_form": sensitive_form}
    return render(request, "projects/entry.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def enrolment_exit(request, project_enrolment):
    enrolment = _enrolment(request, project_enrolment)
    initial = {
        "exit_date": enrolment.exit_date or timezone.localdate(),
        "exit_reason": enrolment.exit_reason,
    }
    form = ExitForm(request.POST or None, initial=initial)
    saved = save_valid_form(
        request,
        form,
        lambda data: services.project_enrolment_exit(
            enrolment=enrolment, actor=request.user, **data
        ),
    )
    if saved is not None:
        participant = enrolment.participant
        if participant.status == ParticipantStatus.ACTIVE and not selectors.is_in_a_project(
            participant=participant
        ):
            # The top of the participant's page offers to close the case.
            messages.success(
                request,
                _(
                    "The exit is recorded. Add the situation within 28 days when you know it. "
                    "%(name)s is in no project any more: if the work together is over, close "
                    "the case."
                )
                % {"name": participant.first_name},
            )
            return redirect(
                reverse("participants:detail", kwargs={"participant": participant.public_id})
            )
        messages.success(
            request,
            _("The exit is recorded. Add the situation within 28 days when you know it."),
        )
        return redirect(_participant_url(participant))
    context = {
        "enrolment": enrolment,
        "form": form,
        "heading": _("Exit from %(project)s") % {"project": enrolment.project.name},
        "submit": _("Record the exit"),
    }
    return render(request, "projects/enrolment_form.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def situation_create(request, project_enrolment):
    enrolment = _enrolment(request, project_enrolment)
    if enrolment.exit_date is None:
        messages.error(request, _("Record the exit first."))
        return redirect(_participant_url(enrolment.participant))
    instance = ExitSituation(organisation_id=enrolment.organisation_id, enrolment=enrolment)
    form = SituationForm(
        request.POST or None, instance=instance, initial={"occurred_on": enrolment.exit_date}
    )
    saved = save_valid_form(
        request,
        form,
        lambda data: services.exit_situation_add(
            enrolment=enrolment, data=data, actor=request.user
        ),
    )
    if saved is not None:
        messages.success(request, _("The situation is recorded."))
        return redirect(_participant_url(enrolment.participant))
    context = {
        "enrolment": enrolment,
        "form": form,
        "heading": _("Situation after exit from %(project)s") % {"project": enrolment.project.name},
        "intro": _(
            "What the participant did within 28 days of the exit (%(start)s–%(end)s). Record "
            "each change: the last one in the window counts."
        )
        % {
            "start": enrolment.exit_date.isoformat(),
            "end": enrolment.situation_window_ends.isoformat(),
        },
        "submit": _("Record the situation"),
    }
    return render(request, "projects/enrolment_form.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def situation_delete(request, situation):
    situation = get_scoped_or_404(
        ExitSituation.objects.select_related("enrolment__participant"),
        request.membership,
        pk=situation,
    )
    participant = situation.enrolment.participant
    services.exit_situation_delete(situation=situation)
    messages.success(request, _("The situation is removed."))
    return redirect(_participant_url(participant))


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def follow_up_answer(request, follow_up_6m):
    follow_up = get_scoped_or_404(
        SixMonthFollowUp.objects.select_related("enrolment__participant", "enrolment__project"),
        request.membership,
        pk=follow_up_6m,
        cancelled_at__isnull=True,
    )
    enrolment = follow_up.enrolment
    form = FollowUpAnswerForm(request.POST or None, instance=follow_up)
    saved = save_valid_form(
        request,
        form,
        lambda data: services.six_month_follow_up_answer(
            follow_up=follow_up, data=data, actor=request.user
        ),
    )
    if saved is not None:
        messages.success(request, _("The six-month follow-up is recorded."))
        return redirect(_participant_url(enrolment.participant))
    context = {
        "enrolment": enrolment,
        "form": form,
        "heading": _("Six months after %(project)s") % {"project": enrolment.project.name},
        "intro": _(
            "Due %(due)s, six months after the exit on %(exit)s. The improvements count only "
            "for participants employed at entry; a pay rise alone is not one."
        )
        % {"due": follow_up.due_on.isoformat(), "exit": follow_up.exit_date.isoformat()},
        "submit": _("Save the answer"),
    }
    return render(request, "projects/enrolment_form.html", context)
