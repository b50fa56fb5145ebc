from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from baslager.core.access_log import access_record
from baslager.core.pdf import render_pdf
from baslager.organisations.access import get_scoped_or_404
from baslager.organisations.decorators import ADMIN_ONLY, STAFF_WITH_PARTICIPANTS, role_required
from baslager.organisations.models import Role
from baslager.projects.models import Project

from . import selectors, services
from .export import MonthState, as_csv, as_workbook
from .forms import CellForm, DownloadForm, SubmitForm, period_of
from .indicators import INDICATORS
from .presentation import as_workbook as as_report_workbook
from .presentation import report_row, result_charts
from .records import Gender

PAGE_SIZE = 25
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# The report holds counts only; every role may read it, and only administrators, who report the
# exact figures to the funder, see counts under five. The PDF and the Excel file are the same
# report, for the same roles.
def _report(request, project: Project) -> dict:
    form, starts_on, ends_on = period_of(request, project)
    results = selectors.indicator_results(
        project=project, membership=request.membership, starts_on=starts_on, ends_on=ends_on
    )
    exact = request.membership.is_admin
    rows = [report_row(r, exact) for r in results]
    outputs = [row for row in rows if row["indicator"].is_output]
    result_rows = [row for row in rows if not row["indicator"].is_output]
    return {
        "project": project,
        "form": form,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "period_query": urlencode(
            {"starts_on": starts_on.isoformat(), "ends_on": ends_on.isoformat()}
        ),
        "outputs": outputs,
        "results": result_rows,
        "charts": result_charts(result_rows),
        "may_drill_down": request.membership.works_with_participants,
        "exact": exact,
    }


def _report_file_name(project: Project, suffix: str) -> str:
    return f"{slugify(project.name) or 'project'}-{_('esf-indicators')}.{suffix}"


@role_required(*Role.values)
@require_http_methods(["GET"])
def report(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    return render(request, "esf/report.html", _report(request, project))


@role_required(*Role.values)
@require_http_methods(["GET"])
def report_pdf(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    # On paper the figures are not links to the people behind them.
    context = _report(request, project) | {"may_drill_down": False}
    return render_pdf(request, "esf/report.html", context, _report_file_name(project, "pdf"))


@role_required(*Role.values)
@require_http_methods(["GET"])
def report_excel(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    context = _report(request, project)
    workbook = as_report_workbook(
        project=project,
        starts_on=context["starts_on"],
        ends_on=context["ends_on"],
        rows=context["outputs"] + context["results"],
    )
    response = HttpResponse(workbook, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(
        True, _report_file_name(project, "xlsx")
    )
    return response


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET"])
def people(request, project):
    """The participants behind one figure, as far as the member may see them."""
    project = get_scoped_or_404(Project, request.membership, pk=project)
    form = CellForm(request.GET)
    if not form.is_valid():
        # Without a valid figure: everyone counted in the project's whole period.
        form = CellForm(
            {"code": "EECO01", "starts_on": project.starts_on, "ends_on": project.ends_on}
        )
        form.is_valid()
    data = form.cleaned_data
    participants = selectors.people_in_cell(
        project=project,
        membership=request.membership,
        code=data["code"],
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        gender=Gender(data["gender"]) if data["gender"] else None,
        refused=data["refused"],
    )
    context = {
        "project": project,
        "indicator": INDICATORS[data["code"]],
        "cell": data,
        "page": Paginator(participants, PAGE_SIZE).get_page(request.GET.get("page")),
    }
    return render(request, "esf/people.html", context)


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET"])
def export(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    statuses = selectors.export_statuses(project=project, membership=request.membership)
    context = {
        "project": project,
        "statuses": statuses,
        "next_to_send": next((s for s in statuses if s.must_be_sent), None),
        "resubmissions": [
            s for s in statuses if s.state in (MonthState.CHANGED, MonthState.RESUBMIT)
        ],
    }
    return render(request, "esf/export.html", context)


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET"])
def export_download(request, project):
    """Months that have ended, in order (or the one asked for), as CSV or Excel."""
    project = get_scoped_or_404(Project, request.membership, pk=project)
    form = DownloadForm(request.GET)
    if not form.is_valid():
        raise Http404
    today = timezone.localdate()
    months = [
        status.month_rows
        for status in selectors.export_statuses(
            project=project, membership=request.membership, today=today
        )
        if status.state != MonthState.NOT_OPEN
    ]
    if month := form.cleaned_data["month"]:
        months = [rows for rows in months if rows.month == month]
        if not months:
            raise Http404
    # The files hold personal identity numbers: every download is logged as a read.
    access_record(instance=project, what="scb_participant_export")
    name = f"scb-{project.reference_number or project.pk}"
    name += f"-{month:%Y-%m}" if month else ""
    if form.cleaned_data["format"] == "xlsx":
        response = HttpResponse(
            as_workbook(months),
            content_type=XLSX,
        )
        name += ".xlsx"
    else:
        response = HttpResponse(as_csv(months), content_type="text/csv; charset=utf-8")
        name += ".csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@role_required(*ADMIN_ONLY)
@require_POST
def export_submit(request, project):
    project = get_scoped_or_404(Project, request.membership, pk=project)
    form = SubmitForm(request.POST)
    target = reverse("esf:export", kwargs={"project": project.pk})
    if not form.is_valid():
        messages.error(request, _("Choose a month to record as sent."))
        return redirect(target)
    month = form.cleaned_data["month"]
    try:
        services.export_batch_submit(project=project, membership=request.membership, month=month)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(month)s recorded as sent to SCB.") % {"month": f"{month:%Y-%m}"}
        )
    return redirect(target)
