import csv
import time

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from baslager.core.forms import save_valid_form
from baslager.employers import selectors as employer_selectors
from baslager.employers.forms import EmployerFilterForm
from baslager.employers.models import Employer
from baslager.organisations.decorators import STAFF_WITH_PARTICIPANTS, role_required

from . import selectors, services
from .columns import FIELDS, field_labels
from .export import employers_workbook
from .forms import ColumnsForm, ConfirmForm, RowFilterForm, UploadForm
from .models import BatchStatus, RowStatus
from .reading import MAX_FILE_SIZE, MAX_ROWS
from .rows import ERROR

# Importing writes to the whole employer register; scouts register employers one at a time.
IMPORT_ROLES = STAFF_WITH_PARTICIPANTS
PAGE_SIZE = 50
# Without JavaScript each press of "Continue" runs chunks for about this long.
CONTINUE_SECONDS = 5
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _batch_url(batch) -> str:
    return reverse("imports:batch", kwargs={"batch": batch.public_id})


@role_required(*IMPORT_ROLES)
@require_http_methods(["GET", "POST"])
def import_start(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.import_batch_create(
                membership=request.membership, actor=request.user, upload=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect(_batch_url(batch))
    return render(
        request,
        "imports/start.html",
        {
            "form": form,
            "batches": selectors.recent_batches(membership=request.membership),
            "max_size": MAX_FILE_SIZE // (1024 * 1024),
            "max_rows": MAX_ROWS,
        },
    )


@role_required(*IMPORT_ROLES)
@require_http_methods(["GET", "POST"])
def import_batch(request, batch):
    """The preview until the import is confirmed (POST), then its progress, then its summary."""
    batch = selectors.batch_detail(membership=request.membership, public_id=batch)
    if batch.status != BatchStatus.PREVIEWED:
        if request.method == "POST":
            return redirect(_batch_url(batch))
        return render(request, "imports/batch.html", _progress_context(request, batch))
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.import_batch_start(
            batch=batch, duplicate_policy=form.cleaned_data["duplicate_policy"]
        )
        return redirect(_batch_url(batch))
    return render(request, "imports/preview.html", _preview_context(request, batch, form))


def _preview_context(request, batch, form, columns_form=None) -> dict:
    filters = RowFilterForm(request.GET or None)
    status = filters.cleaned_data["status"] if filters.is_valid() else ""
    page = Paginator(selectors.preview_rows(batch=batch, status=status), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    labels = field_labels()
    for row in page:
        problems = [
            {**message, "label": labels.get(message["field"], "")} for message in row.messages
        ]
        row.errors = [problem for problem in problems if problem["level"] == ERROR]
        row.warnings = [problem for problem in problems if problem["level"] != ERROR]
    counts = selectors.row_counts(batch=batch)
    return {
        "batch": batch,
        "form": form,
        "filters": filters,
        "page": page,
        "counts": counts,
        # Rows of a registered employer, and the rows that follow them, may update it.
        "importable": counts[RowStatus.NEW] + counts[RowStatus.EXISTING],
        "columns_form": columns_form or ColumnsForm(sheets=batch.sheets, labels=labels),
        "statuses": RowStatus,
    }


@role_required(*IMPORT_ROLES)
@require_POST
def import_columns(request, batch):
    """Reads the previewed rows again with the columns mapped as chosen on the preview."""
    batch = selectors.batch_detail(membership=request.membership, public_id=batch)
    if batch.status != BatchStatus.PREVIEWED:
        return redirect(_batch_url(batch))
    form = ColumnsForm(request.POST, sheets=batch.sheets, labels=field_labels())
    saved = save_valid_form(
        request,
        form,
        lambda _data: services.import_batch_map_columns(
            batch=batch, membership=request.membership, mappings=form.mappings()
        ),
    )
    if saved is not None:
        messages.success(request, _("The rows were read again with the columns you chose."))
        return redirect(_batch_url(batch))
    return render(
        request, "imports/preview.html", _preview_context(request, batch, ConfirmForm(), form)
    )


def _progress_context(request, batch) -> dict:
    failed = Paginator(selectors.failed_rows(batch=batch), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return {
        "batch": batch,
        "page": failed,
        # "1 200 of 5 000": grouped as the language groups digits, whatever the settings say.
        "position": number_format(batch.position, force_grouping=True),
        "total": number_format(batch.total, force_grouping=True),
    }


@role_required(*IMPORT_ROLES)
@require_POST
def import_step(request, batch):
    """Runs the next chunk. htmx asks again as soon as the answer is swapped in, until the import
    is done; without JavaScript, "Continue" runs chunks for a few seconds and shows the page."""
    batch = selectors.batch_detail(membership=request.membership, public_id=batch)
    started = time.monotonic()
    while True:
        batch = services.import_batch_step(
            batch=batch, membership=request.membership, actor=request.user
        )
        if (
            request.htmx
            or batch.status != BatchStatus.RUNNING
            or time.monotonic() - started > CONTINUE_SECONDS
        ):
            break
    if request.htmx:
        return render(request, "imports/_progress.html", _progress_context(request, batch))
    return redirect(_batch_url(batch))


@role_required(*IMPORT_ROLES)
@require_POST
def import_cancel(request, batch):
    batch = selectors.batch_detail(membership=request.membership, public_id=batch)
    if batch.status in (BatchStatus.PREVIEWED, BatchStatus.RUNNING):
        services.import_batch_cancel(batch=batch)
        messages.success(request, _("The import is cancelled."))
    return redirect(_batch_url(batch))


@role_required(*IMPORT_ROLES)
@require_GET
def failed_rows_csv(request, batch):
    """The rows that failed, as a CSV file to correct and import again; the last column says
    what was wrong and is not read back."""
    batch = selectors.batch_detail(membership=request.membership, public_id=batch)
    mapped = set().union(*(sheet["mapping"] for sheet in batch.sheets))
    fields = [field for field in FIELDS if field in mapped]
    labels = field_labels()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(f"{batch.file_name.rsplit('.', 1)[0]} {_('failed rows')}")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    # A byte order mark, and semicolons, are what Excel in Sweden opens without asking.
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow([labels[field] for field in fields] + [_("Problem")])
    for row in selectors.failed_rows(batch=batch).iterator(chunk_size=1000):
        writer.writerow([row.data.get(field, "") for field in fields] + [row.outcome_message])
    return response


@role_required(*IMPORT_ROLES)
@require_GET
def employers_export(request):
    """The employer list with the filters it was showing, as an Excel workbook."""
    filters = EmployerFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    employers = employer_selectors.employer_list(
        membership=request.membership,
        search=criteria.get("q", "").strip(),
        stage=criteria.get("stage", ""),
        kind=criteria.get("kind", ""),
        kommun=criteria.get("kommun", ""),
    )
    content = employers_workbook(
        employers=selectors.employers_for_export(employers).iterator(chunk_size=2000),
        contacts=selectors.contacts_for_export(
            membership=request.membership, employers=employers
        ).iterator(chunk_size=2000),
    )
    response = HttpResponse(content, content_type=XLSX_TYPE)
    name = f"{slugify(Employer._meta.verbose_name_plural)}-{timezone.localdate().isoformat()}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
