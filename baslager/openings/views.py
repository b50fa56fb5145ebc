import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from baslager.core.forms import save_valid_form
from baslager.employers.models import Employer
from baslager.organisations.access import get_scoped_or_404
from baslager.organisations.decorators import role_required
from baslager.organisations.models import Role
from baslager.projects.selectors import projects_running

from . import selectors, services
from .forms import (
    BundleForm,
    OpeningFilterForm,
    OpeningForm,
    StatusForm,
    TaskFilterForm,
    TaskForm,
)
from .models import LowThresholdTask

# Openings are organisation data like employers: scouts work with them; viewers see aggregates.
OPENING_ROLES = (Role.ADMIN, Role.COACH, Role.SCOUT)
PAGE_SIZE = 25


def _detail_url(opening) -> str:
    return reverse("openings:detail", kwargs={"opening": opening.public_id})


@role_required(*OPENING_ROLES)
def opening_list(request):
    filters = OpeningFilterForm(request.GET or None, membership=request.membership)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    openings = selectors.opening_list(
        membership=request.membership,
        search=criteria.get("q", "").strip(),
        kind=criteria.get("kind", ""),
        status=criteria.get("status", ""),
        kommun=criteria.get("kommun", ""),
        employer=criteria.get("employer"),
    )
    page = Paginator(openings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "openings/list.html", {"page": page, "filters": filters})


def _preselected_employer(request) -> Employer | None:
    raw = request.GET.get("employer", "")
    if not raw:
        return None
    try:
        public_id = uuid.UUID(raw)
    except ValueError as exc:
        raise Http404 from exc
    return get_scoped_or_404(Employer, request.membership, public_id=public_id)


@role_required(*OPENING_ROLES)
@require_http_methods(["GET", "POST"])
def opening_create(request):
    employer = _preselected_employer(request)
    form = OpeningForm(
        request.POST or None,
        membership=request.membership,
        initial={"employer": employer} if employer else None,
    )
    opening = save_valid_form(
        request,
        form,
        lambda data: services.opening_create(
            membership=request.membership, actor=request.user, data=data
        ),
    )
    if opening is not None:
        messages.success(request, _("%(title)s is registered.") % {"title": opening.title})
        return redirect(_detail_url(opening))
    return render(request, "openings/form.html", {"form": form, "opening": None})


@role_required(*OPENING_ROLES)
@require_http_methods(["GET", "POST"])
def opening_edit(request, opening):
    opening = selectors.opening_detail(membership=request.membership, public_id=opening)
    form = OpeningForm(request.POST or None, instance=opening, membership=request.membership)
    saved = save_valid_form(
        request, form, lambda data: services.opening_update(opening=opening, data=data)
    )
    if saved is not None:
        messages.success(request, _("The details are saved."))
        return redirect(_detail_url(opening))
    return render(request, "openings/form.html", {"form": form, "opening": opening})


@role_required(*OPENING_ROLES)
@require_http_methods(["GET"])
def opening_detail(request, opening):
    opening = selectors.opening_detail(membership=request.membership, public_id=opening)
    context = {
        "opening": opening,
        "must_have_skills": opening.must_have_skills.order_by("label"),
        "nice_to_have_skills": opening.nice_to_have_skills.order_by("label"),
        "history": selectors.opening_history(opening=opening),
        "next_statuses": services.next_statuses(opening=opening),
        "status_form": StatusForm(),
        "employer_tasks": selectors.tasks_at_employer(
            membership=request.membership, employer=opening.employer
        ),
        "bundled_task_ids": set(opening.tasks.values_list("pk", flat=True)),
    }
    return render(request, "openings/detail.html", context)


@role_required(*OPENING_ROLES)
@require_POST
def opening_status(request, opening):
    opening = selectors.opening_detail(membership=request.membership, public_id=opening)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a new status."))
        return redirect(_detail_url(opening))
    try:
        services.opening_change_status(
            opening=opening,
            to_status=form.cleaned_data["to_status"],
            actor=request.user,
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The status is saved."))
    return redirect(_detail_url(opening))


@role_required(*OPENING_ROLES)
@require_POST
def opening_bundle(request, opening):
    opening = selectors.opening_detail(membership=request.membership, public_id=opening)
    form = BundleForm(request.POST, membership=request.membership)
    if not form.is_valid():
        messages.error(request, _("Choose tasks from the list."))
        return redirect(_detail_url(opening))
    try:
        services.opening_bundle_tasks(opening=opening, tasks=form.cleaned_data["tasks"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The bundled tasks are saved."))
    return redirect(_detail_url(opening))


@role_required(*OPENING_ROLES)
@require_http_methods(["GET"])
def task_list(request):
    filters = TaskFilterForm(request.GET or None, membership=request.membership)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    chosen = {"employer": criteria.get("employer"), "project": criteria.get("project")}
    tasks = selectors.task_list(membership=request.membership, **chosen)
    context = {
        "page": Paginator(tasks, PAGE_SIZE).get_page(request.GET.get("page")),
        "filters": filters,
        "counts": selectors.task_counts(membership=request.membership, **chosen),
    }
    return render(request, "openings/task_list.html", context)


@role_required(*OPENING_ROLES)
@require_http_methods(["GET", "POST"])
def task_create(request):
    employer = _preselected_employer(request)
    today = timezone.localdate()
    initial = {"identified_on": today}
    if employer:
        initial["employer"] = employer
    # Most organisations run one project at a time; its tasks count towards it.
    running = list(projects_running(membership=request.membership, on=today)[:2])
    if len(running) == 1:
        initial["project"] = running[0]
    form = TaskForm(request.POST or None, membership=request.membership, initial=initial)
    task = save_valid_form(
        request,
        form,
        lambda data: services.task_create(
            membership=request.membership, actor=request.user, data=data
        ),
    )
    if task is not None:
        messages.success(request, _("%(title)s is registered.") % {"title": task.title})
        return redirect("openings:tasks")
    return render(request, "openings/task_form.html", {"form": form, "task": None})


@role_required(*OPENING_ROLES)
@require_http_methods(["GET", "POST"])
def task_edit(request, task):
    task = get_scoped_or_404(LowThresholdTask, request.membership, pk=task)
    form = TaskForm(request.POST or None, instance=task, membership=request.membership)
    saved = save_valid_form(request, form, lambda data: services.task_update(task=task, data=data))
    if saved is not None:
        messages.success(request, _("The details are saved."))
        return redirect("openings:tasks")
    return render(request, "openings/task_form.html", {"form": form, "task": task})
