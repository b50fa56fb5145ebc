from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from baslager.organisations.decorators import STAFF_WITH_PARTICIPANTS, role_required

from . import selectors, services
from .forms import ChecklistForm, item_formset_class
from .models import ChecklistTemplate

ITEMS_PREFIX = "items"


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET"])
def library(request):
    shelves = selectors.library_by_stage(membership=request.membership)
    return render(request, "handbook/library.html", {"shelves": shelves})


def _with_one_more_row(data):
    data = data.copy()
    key = f"{ITEMS_PREFIX}-TOTAL_FORMS"
    try:
        data[key] = str(int(data.get(key, "0")) + 1)
    except ValueError:
        data[key] = "1"
    return data


def _edit(request, checklist: ChecklistTemplate):
    """The checklist and its items on one page and one save; "add an item" posts the page back
    with one more empty row (htmx swaps in just the items)."""
    data = request.POST if request.method == "POST" else None
    adding = data is not None and "add_item" in data
    if adding:
        data = _with_one_more_row(data)
    form = ChecklistForm(data, instance=checklist)
    items = item_formset_class(0 if checklist.pk else 3)(
        data, instance=checklist, prefix=ITEMS_PREFIX
    )
    if data is not None and not adding and all([form.is_valid(), items.is_valid()]):
        services.checklist_template_save(
            checklist=checklist,
            data=form.cleaned_data,
            items=items.save(commit=False),
            deleted_items=items.deleted_objects,
        )
        messages.success(request, _("The checklist is saved."))
        return redirect("handbook:library")
    context = {"form": form, "items": items, "checklist": checklist, "show_errors": not adding}
    return render(request, "handbook/form.html", context)


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def checklist_create(request):
    return _edit(request, ChecklistTemplate(organisation=request.membership.organisation))


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def checklist_edit(request, checklist):
    return _edit(request, selectors.checklist_detail(membership=request.membership, pk=checklist))


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def checklist_active(request, checklist):
    checklist = selectors.checklist_detail(membership=request.membership, pk=checklist)
    active = request.POST.get("active") == "1"
    services.checklist_template_set_active(checklist=checklist, active=active)
    if active:
        messages.success(request, _("%(title)s is active again.") % {"title": checklist.title})
    else:
        messages.success(
            request,
            _("%(title)s is deactivated: new placements no longer get it.")
            % {"title": checklist.title},
        )
    return redirect("handbook:library")
