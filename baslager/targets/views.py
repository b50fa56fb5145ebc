from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from baslager.core.forms import save_valid_form
from baslager.core.pdf import render_pdf
from baslager.organisations.access import get_scoped_or_404
from baslager.organisations.decorators import ADMIN_ONLY, role_required
from baslager.organisations.models import Role
from baslager.projects.models import Project

from . import selectors, services
from .export import as_workbook
from .forms import ProjectTargetForm
from .models import ProjectTarget, TargetKind
from .presentation import gender_chart, gender_label, target_text, trend_chart, value_text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _dashboard_url(project: Project) -> str:
    return reverse("targets:dashboard", kwargs={"project": project.pk})


def _context(request, project) -> dict:
    today = timezone.localdate()
    statuses = selectors.dashboard(membership=request.membership, project=project, today=today)
    cards = [
        {
            "status": status,
            "is_share": status.kind in TargetKind.shares(),
            "target_text": target_text(status.target),
            "actual": value_text(status.kind, status.now.total),
            "progress_bar": None if status.progress is None else min(status.progress, 100),
            "by_gender": [
                (gender_label(column), figure, value_text(status.kind, figure))
                for column, figure in status.now.by_gender
            ],
            "trend": trend_chart(status),
            "gender_chart": gender_chart(status),
        }
        for status in statuses
    ]
    return {
        "project": project,
        "cards": cards,
        "today": today,
        "exact": request.membership.is_admin,
    }


def _file_name(project: Project, suffix: str) -> str:
    return f"{slugify(project.name) or 'project'}-{_('targets')}.{suffix}"


# Targets and actuals are counts only, small cells suppressed for all but administrators: every
# role may read them, as they may read the project; only administrators set the targets.
@role_required(*Role.values)
@require_http_methods(["GET"])
def dashboard(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    return render(request, "targets/dashboard.html", _context(request, project))


@role_required(*Role.values)
@require_http_methods(["GET"])
def dashboard_pdf(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    return render_pdf(
        request, "targets/dashboard.html", _context(request, project), _file_name(project, "pdf")
    )


@role_required(*Role.values)
@require_http_methods(["GET"])
def dashboard_excel(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    statuses = selectors.dashboard(
        membership=request.membership, project=project, today=timezone.localdate()
    )
    response = HttpResponse(as_workbook(project=project, statuses=statuses), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, _file_name(project, "xlsx"))
    return response


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def target_create(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    form = ProjectTargetForm(request.POST or None)
    if save_valid_form(
        request,
        form,
        lambda data: services.project_target_create(project=project, data=data),
    ):
        messages.success(request, _("The target is added."))
        return redirect(_dashboard_url(project))
    return render(request, "targets/form.html", {"form": form, "project": project, "target": None})


def _target(request, pk: int) -> ProjectTarget:
    return get_scoped_or_404(
        ProjectTarget.objects.select_related("project"), request.membership, pk=pk
    )


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def target_edit(request, project_target):
    target = _target(request, project_target)
    form = ProjectTargetForm(request.POST or None, instance=target)
    if save_valid_form(
        request, form, lambda data: services.project_target_update(target=target, data=data)
    ):
        messages.success(request, _("The target is saved."))
        return redirect(_dashboard_url(target.project))
    context = {"form": form, "project": target.project, "target": target}
    return render(request, "targets/form.html", context)


@role_required(*ADMIN_ONLY)
@require_POST
def target_delete(request, project_target):
    target = _target(request, project_target)
    project = target.project
    services.project_target_delete(target=target)
    messages.success(request, _("The target is removed."))
    return redirect(_dashboard_url(project))
