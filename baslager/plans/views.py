from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from baslager.core.access_log import access_record
from baslager.organisations.access import get_scoped_or_404
from baslager.organisations.decorators import STAFF_WITH_PARTICIPANTS, role_required
from baslager.participants.models import Participant

from . import selectors, services
from .forms import (
    ActivityForm,
    AttendanceForm,
    EnrolForm,
    EnrolmentForm,
    GoalForm,
    GroupEnrolForm,
    IndividualActivityForm,
    OccurrenceForm,
)
from .models import Activity, ActivityKind, AttendanceStatus, Enrolment, Goal, Occurrence

ACTIVITIES_PER_PAGE = 50
CANDIDATES_SHOWN = 50


def _posted(request):
    """The submitted data on POST (even when empty, so that the form is bound), else None."""
    return request.POST if request.method == "POST" else None


def _participant(request, public_id) -> Participant:
    return get_scoped_or_404(Participant, request.membership, public_id=public_id)


def _activity_fields(form) -> dict:
    return {name: form.cleaned_data[name] for name in form.Meta.fields}


# The plan of one participant


@role_required(*STAFF_WITH_PARTICIPANTS)
def plan(request, participant):
    participant = _participant(request, participant)
    access_record(instance=participant, what="plan")
    return render(
        request,
        "plans/plan.html",
        {"participant": participant, "plan": selectors.plan_overview(participant=participant)},
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
def plan_print(request, participant):
    participant = _participant(request, participant)
    access_record(instance=participant, what="plan_print")
    return render(
        request,
        "plans/print.html",
        {"participant": participant, "plan": selectors.plan_for_print(participant=participant)},
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def goal_create(request, participant):
    participant = _participant(request, participant)
    form = GoalForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        services.goal_create(participant=participant, **form.cleaned_data)
        messages.success(request, _("The goal was added."))
        return redirect("plans:plan", participant=participant.public_id)
    return render(
        request, "plans/goal_form.html", {"participant": participant, "form": form, "goal": None}
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def goal_edit(request, goal):
    goal = get_scoped_or_404(
        Goal.objects.select_related("participant"), request.membership, pk=goal
    )
    form = GoalForm(_posted(request), instance=goal)
    if request.method == "POST" and form.is_valid():
        services.goal_update(goal=goal, **form.cleaned_data)
        messages.success(request, _("The goal was saved."))
        return redirect("plans:plan", participant=goal.participant.public_id)
    return render(
        request,
        "plans/goal_form.html",
        {"participant": goal.participant, "form": form, "goal": goal},
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def enrol(request, participant):
    """Put the participant in an existing activity, or make a one-to-one activity for them."""
    participant = _participant(request, participant)
    goals = participant.goals.all()
    activities = selectors.activities_to_join(
        membership=request.membership, participant=participant
    )
    mode = request.POST.get("mode")
    existing_form = EnrolForm(
        request.POST if mode == "existing" else None, activities=activities, goals=goals
    )
    new_form = IndividualActivityForm(
        request.POST if mode == "new" else None,
        leaders=selectors.leader_choices(membership=request.membership),
        goals=goals,
        initial={"leader": request.user},
        prefix="new",
    )
    if mode == "existing" and existing_form.is_valid():
        try:
            services.enrolment_create(participant=participant, **existing_form.cleaned_data)
        except ValidationError as error:
            existing_form.add_error(None, error)
        else:
            messages.success(request, _("%(name)s was enrolled.") % {"name": participant})
            return redirect("plans:plan", participant=participant.public_id)
    if mode == "new" and new_form.is_valid():
        services.activity_create(
            organisation=request.membership.organisation,
            participant=participant,
            goal=new_form.cleaned_data["goal"],
            **_activity_fields(new_form),
        )
        messages.success(
            request,
            _("The activity was created. Schedule its occasions from its card in the plan."),
        )
        return redirect("plans:plan", participant=participant.public_id)
    return render(
        request,
        "plans/enrol.html",
        {"participant": participant, "existing_form": existing_form, "new_form": new_form},
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def enrolment_edit(request, enrolment):
    enrolment = get_scoped_or_404(
        Enrolment.objects.select_related("participant", "activity"),
        request.membership,
        pk=enrolment,
    )
    form = EnrolmentForm(
        _posted(request),
        goals=enrolment.participant.goals.all(),
        initial={"goal": enrolment.goal_id},
    )
    if request.method == "POST" and form.is_valid():
        services.enrolment_update(enrolment=enrolment, goal=form.cleaned_data["goal"])
        messages.success(request, _("The activity was linked to the goal."))
        return redirect("plans:plan", participant=enrolment.participant.public_id)
    return render(request, "plans/enrolment_form.html", {"enrolment": enrolment, "form": form})


# Activities


@role_required(*STAFF_WITH_PARTICIPANTS)
def activities(request):
    kind = request.GET.get("kind", "")
    if kind not in ActivityKind.values:
        kind = ""
    page = Paginator(
        selectors.activity_list(membership=request.membership, kind=kind), ACTIVITIES_PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "plans/activities.html",
        {"page": page, "kind": kind, "kinds": ActivityKind.choices},
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def activity_create(request):
    form = ActivityForm(
        _posted(request),
        leaders=selectors.leader_choices(membership=request.membership),
        initial={"leader": request.user, "is_group": True},
    )
    if request.method == "POST" and form.is_valid():
        activity = services.activity_create(
            organisation=request.membership.organisation, **_activity_fields(form)
        )
        messages.success(request, _("The activity was created. Now schedule its occasions."))
        return redirect("plans:activity", activity=activity.pk)
    return render(request, "plans/activity_form.html", {"form": form, "activity": None})


@role_required(*STAFF_WITH_PARTICIPANTS)
def activity(request, activity):
    activity = get_scoped_or_404(
        Activity.objects.select_related("leader"), request.membership, pk=activity
    )
    enrolments = selectors.activity_enrolments(membership=request.membership, activity=activity)
    return render(
        request,
        "plans/activity.html",
        {
            "activity": activity,
            "enrolments": enrolments,
            "others": activity.enrolments.count() - len(enrolments),
            "occurrences": activity.occurrences.all(),
        },
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def activity_edit(request, activity):
    activity = get_scoped_or_404(Activity, request.membership, pk=activity)
    form = ActivityForm(
        _posted(request),
        instance=activity,
        leaders=selectors.leader_choices(membership=request.membership),
    )
    if request.method == "POST" and form.is_valid():
        services.activity_update(activity=activity, **_activity_fields(form))
        messages.success(request, _("The activity was saved."))
        return redirect("plans:activity", activity=activity.pk)
    return render(request, "plans/activity_form.html", {"form": form, "activity": activity})


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def activity_enrol(request, activity):
    """Enrol several participants at once; the search narrows what is shown, not what is allowed."""
    activity = get_scoped_or_404(Activity, request.membership, pk=activity)
    query = request.GET.get("q", "").strip()
    candidates = selectors.enrol_candidates(membership=request.membership, activity=activity)
    form = GroupEnrolForm(_posted(request), candidates=candidates)
    if request.method == "POST" and form.is_valid():
        created = services.enrolments_create(
            activity=activity, participants=form.cleaned_data["participants"]
        )
        messages.success(
            request,
            ngettext(
                "%(count)d participant was enrolled.",
                "%(count)d participants were enrolled.",
                len(created),
            )
            % {"count": len(created)},
        )
        return redirect("plans:activity", activity=activity.pk)
    shown = list(
        selectors.enrol_candidates(membership=request.membership, activity=activity, query=query)[
            : CANDIDATES_SHOWN + 1
        ]
    )
    context = {
        "activity": activity,
        "form": form,
        "query": query,
        "candidates": shown[:CANDIDATES_SHOWN],
        "more": len(shown) > CANDIDATES_SHOWN,
        "chosen": set(form["participants"].value() or []),
    }
    if request.htmx and request.method == "GET":
        return render(request, "plans/_enrol_candidates.html", context)
    return render(request, "plans/activity_enrol.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def occurrence_create(request, activity):
    activity = get_scoped_or_404(Activity, request.membership, pk=activity)
    form = OccurrenceForm(_posted(request), initial={"date": activity.starts_on})
    if request.method == "POST" and form.is_valid():
        created = services.occurrences_schedule(
            activity=activity,
            first_starts_at=form.starts_at(),
            duration_minutes=form.cleaned_data["duration_minutes"],
            weeks=form.cleaned_data["weeks"],
            note=form.cleaned_data["note"],
        )
        messages.success(
            request,
            ngettext(
                "%(count)d occasion was scheduled.",
                "%(count)d occasions were scheduled.",
                len(created),
            )
            % {"count": len(created)},
        )
        return redirect("plans:activity", activity=activity.pk)
    return render(request, "plans/occurrence_form.html", {"activity": activity, "form": form})


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def attendance(request, occurrence):
    occurrence = get_scoped_or_404(
        Occurrence.objects.select_related("activity"), request.membership, pk=occurrence
    )
    participants, recorded = selectors.attendance_sheet(
        membership=request.membership, occurrence=occurrence
    )
    initial = {}
    for participant in participants:
        row = recorded.get(participant.pk)
        if row is not None:
            initial[f"status_{participant.public_id}"] = row.status
            if row.status == AttendanceStatus.PRESENT:
                initial[f"hours_{participant.public_id}"] = row.hours
    if request.method == "POST" and AttendanceForm.MARK_ALL_PRESENT in request.POST:
        form = AttendanceForm.everyone_present(
            request.POST, participants=participants, occurrence=occurrence
        )
    else:
        form = AttendanceForm(
            _posted(request), participants=participants, occurrence=occurrence, initial=initial
        )
        if request.method == "POST" and form.is_valid():
            services.attendance_record(
                occurrence=occurrence, entries=form.entries(), recorded_by=request.user
            )
            messages.success(request, _("Attendance was saved."))
            return redirect("plans:attendance", occurrence=occurrence.pk)
    return render(
        request,
        "plans/attendance.html",
        {"occurrence": occurrence, "activity": occurrence.activity, "form": form},
    )
