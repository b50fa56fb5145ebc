from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from baslager.core.pdf import render_pdf
from baslager.organisations.access import get_scoped_or_404, suppress_small
from baslager.organisations.decorators import STAFF_WITH_PARTICIPANTS, role_required
from baslager.organisations.models import Role
from baslager.projects.models import Project

from . import selectors, services
from .calculation import Parameters, ProjectCost, valuation
from .chart import bar_chart
from .forms import ParameterForms, WhatIfForm
from .models import Actor
from .workbook import as_workbook

# Figures only, no personal data: viewers (funders, steering groups) read them; scouts work with
# employers and have no use for them.
READERS = (Role.ADMIN, Role.COACH, Role.VIEWER)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _results(parameters: Parameters, *, people, cost: ProjectCost | None, participants) -> dict:
    result = valuation(parameters, people=people, cost=cost, participants=participants)
    labels = dict(Actor.choices)
    return {
        "valuation": result,
        "rows": [(labels[r.actor], r) for r in result.actors],
        "participants": participants,
        "chart": bar_chart([(labels[r.actor], r.net) for r in result.actors]),
    }


def _parameter_set(request):
    return services.parameter_set_for(organisation=request.membership.organisation)


def _parameters_shown(parameter_set) -> dict:
    return {
        "parameter_set": parameter_set,
        "assumptions": selectors.assumptions_in_order(parameter_set),
        "cost_items": parameter_set.cost_items.all(),
    }


@role_required(*READERS)
@require_GET
def calculator(request):
    """The organisation's parameters tried on a project: the what-if form sends its figures with
    GET, so a result can be bookmarked, and htmx swaps in only the results."""
    parameter_set = _parameter_set(request)
    form = WhatIfForm(request.GET or WhatIfForm.DEFAULTS)
    context = {"form": form, **_parameters_shown(parameter_set)}
    if form.is_valid():
        context |= _results(
            selectors.parameters_of(parameter_set),
            people=form.people(),
            cost=form.cost(),
            participants=form.cleaned_data["participants"],
        )
    if request.htmx:
        return render(request, "socioeconomics/_results.html", context)
    return render(request, "socioeconomics/calculator.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def parameters_edit(request):
    parameter_set = _parameter_set(request)
    forms = ParameterForms(parameter_set, request.POST or None)
    if request.method == "POST" and forms.is_valid():
        services.parameter_set_save(parameter_set=parameter_set, **forms.save_arguments())
        messages.success(request, _("The parameters are saved."))
        return redirect("socioeconomics:calculator")
    what_if = WhatIfForm(WhatIfForm.DEFAULTS)
    what_if.is_valid()
    context = {"forms": forms, "what_if": what_if}
    context |= _results(
        selectors.parameters_of(parameter_set),
        people=what_if.people(),
        cost=what_if.cost(),
        participants=what_if.cleaned_data["participants"],
    )
    return render(request, "socioeconomics/parameters.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def parameters_preview(request):
    """The results for the parameters being edited, before they are saved (htmx); writes
    nothing."""
    forms = ParameterForms(_parameter_set(request), request.POST)
    if not forms.is_valid():
        return render(request, "socioeconomics/_preview_invalid.html", {"forms": forms})
    what_if = WhatIfForm(WhatIfForm.DEFAULTS)
    what_if.is_valid()
    context = _results(
        forms.parameters(),
        people=what_if.people(),
        cost=what_if.cost(),
        participants=what_if.cleaned_data["participants"],
    )
    return render(request, "socioeconomics/_results.html", context | {"preview": True})


def _project(request, project: Project) -> dict:
    """What the people a project brought into work are worth, and how many it needs to pay for
    itself. Viewers see no figure that rests on fewer than five people."""
    people = selectors.people_into_work(membership=request.membership, project=project)
    participants = selectors.project_participants(membership=request.membership, project=project)
    shown_people = people
    if not request.membership.works_with_participants:
        shown_people = suppress_small(people)
        participants = participants and suppress_small(participants)
    parameter_set = _parameter_set(request)
    context = {
        "project": project,
        "people": shown_people,
        "values_hidden": not shown_people,
        **_parameters_shown(parameter_set),
    }
    return context | _results(
        selectors.parameters_of(parameter_set),
        people=people if shown_people is not None else 0,
        cost=selectors.project_cost_of(project),
        participants=participants,
    )


def _file_name(project: Project, suffix: str) -> str:
    return f"{slugify(project.name) or 'project'}-{_('socio-economic-value')}.{suffix}"


# The PDF and the Excel file are the page's figures, for the page's readers.
@role_required(*READERS)
@require_GET
def project_value(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    return render(request, "socioeconomics/project.html", _project(request, project))


@role_required(*READERS)
@require_GET
def project_pdf(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    return render_pdf(
        request,
        "socioeconomics/project.html",
        _project(request, project),
        _file_name(project, "pdf"),
    )


@role_required(*READERS)
@require_GET
def project_excel(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    response = HttpResponse(as_workbook(context=_project(request, project)), content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, _file_name(project, "xlsx"))
    return response
