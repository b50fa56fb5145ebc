from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from baslager.core.forms import save_valid_form
from baslager.organisations.access import get_scoped_or_404
from baslager.organisations.decorators import ADMIN_ONLY, role_required
from baslager.organisations.models import Role

from . import selectors, services
from .forms import ProjectForm
from .models import Project


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
    context = {
        "project": project,
        "task_counts": selectors.project_task_counts(
            membership=request.membership, project=project
        ),
        "today": timezone.localdate(),
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
