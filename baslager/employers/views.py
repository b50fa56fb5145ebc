from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from baslager.organisations.access import get_scoped_or_404
from baslager.organisations.decorators import role_required
from baslager.organisations.models import Role

from . import selectors, services
from .diagram import value_chain_diagram
from .forms import (
    BUYS_FROM,
    ContactPersonForm,
    EmployerFilterForm,
    EmployerForm,
    MoveStageForm,
    SupervisorForm,
    SupervisorTrainingForm,
    ValueChainLinkForm,
)
from .models import ValueChainLink
from .panels import supervisor_page

# Scouts find employers; viewers (funders, steering groups) see only aggregates.
EMPLOYER_ROLES = (Role.ADMIN, Role.COACH, Role.SCOUT)
PAGE_SIZE = 25


def _detail_url(employer) -> str:
    return reverse("employers:detail", kwargs={"employer": employer.public_id})


@role_required(*EMPLOYER_ROLES)
def employer_list(request):
    filters = EmployerFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    employers = selectors.employer_list(
        membership=request.membership,
        search=criteria.get("q", "").strip(),
        stage=criteria.get("stage", ""),
        kind=criteria.get("kind", ""),
        kommun=criteria.get("kommun", ""),
    )
    page = Paginator(employers, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "employers/list.html", {"page": page, "filters": filters})


@role_required(*EMPLOYER_ROLES)
@require_http_methods(["GET", "POST"])
def employer_create(request):
    form = EmployerForm(request.POST or None, membership=request.membership)
    if request.method == "POST" and form.is_valid():
        employer = services.employer_create(
            membership=request.membership, actor=request.user, data=form.cleaned_data
        )
        messages.success(request, _("%(name)s is registered.") % {"name": employer.name})
        return redirect(_detail_url(employer))
    return render(request, "employers/form.html", {"form": form, "employer": None})


@role_required(*EMPLOYER_ROLES)
@require_http_methods(["GET", "POST"])
def employer_edit(request, employer):
    employer = selectors.employer_detail(membership=request.membership, public_id=employer)
    form = EmployerForm(request.POST or None, instance=employer, membership=request.membership)
    if request.method == "POST" and form.is_valid():
        services.employer_update(employer=employer, data=form.cleaned_data)
        messages.success(request, _("The details are saved."))
        return redirect(_detail_url(employer))
    return render(request, "employers/form.html", {"form": form, "employer": employer})


@role_required(*EMPLOYER_ROLES)
@require_http_methods(["GET", "POST"])
def employer_detail(request, employer):
    """The employer's facts, contacts and history; POST moves it to another stage."""
    employer = selectors.employer_detail(membership=request.membership, public_id=employer)
    form = MoveStageForm(request.POST or None, initial={"to_stage": employer.stage})
    if request.method == "POST" and form.is_valid():
        try:
            services.employer_move_stage(
                employer=employer,
                to_stage=form.cleaned_data["to_stage"],
                actor=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error("to_stage", error)
        else:
            messages.success(request, _("The stage is saved."))
            return redirect(_detail_url(employer))
    return _render_detail(request, employer, form=form)


def _render_detail(request, employer, *, form=None, chain_form=None):
    chain = selectors.value_chain_for(employer=employer)
    context = {
        "employer": employer,
        "form": MoveStageForm(initial={"to_stage": employer.stage}) if form is None else form,
        "chain_form": ValueChainLinkForm(membership=request.membership, employer=employer)
        if chain_form is None
        else chain_form,
        "chain": chain,
        "diagram": value_chain_diagram(chain, current=employer),
        "contacts": selectors.employer_contacts(employer=employer),
        "history": selectors.employer_stage_history(employer=employer),
        "supervisors": selectors.employer_supervisors(employer=employer),
    }
    return render(request, "employers/detail.html", context)


@role_required(*EMPLOYER_ROLES)
@require_http_methods(["GET", "POST"])
def contact_create(request, employer):
    employer = selectors.employer_detail(membership=request.membership, public_id=employer)
    form = ContactPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.contact_person_create(employer=employer, data=form.cleaned_data)
        messages.success(request, _("The contact person is added."))
        return redirect(_detail_url(employer))
    return render(request, "employers/contact_form.html", {"form": form, "employer": employer})


@role_required(*EMPLOYER_ROLES)
@require_POST
def chain_link_create(request, employer):
    employer = selectors.employer_detail(membership=request.membership, public_id=employer)
    form = ValueChainLinkForm(request.POST, membership=request.membership, employer=employer)
    if form.is_valid():
        other = form.cleaned_data["other"]
        supplier, customer = (
            (other, employer) if form.cleaned_data["direction"] == BUYS_FROM else (employer, other)
        )
        try:
            services.value_chain_link_create(
                supplier=supplier,
                customer=customer,
                role=form.cleaned_data["role"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The link is added to the value chain."))
            return redirect(_detail_url(employer) + "#chain-heading")
    return _render_detail(request, employer, chain_form=form)


@role_required(*EMPLOYER_ROLES)
@require_POST
def chain_link_delete(request, employer):
    """Removes one of the employer's own links, named by ``link`` in the POST data."""
    employer = selectors.employer_detail(membership=request.membership, public_id=employer)
    link_id = request.POST.get("link", "")
    if not link_id.isdigit():
        raise Http404
    link = get_scoped_or_404(
        ValueChainLink.objects.filter(Q(supplier=employer) | Q(customer=employer)),
        request.membership,
        pk=int(link_id),
    )
    services.value_chain_link_delete(link=link)
    messages.success(request, _("The link is removed from the value chain."))
    return redirect(_detail_url(employer) + "#chain-heading")


def _supervisor_url(supervisor) -> str:
    return reverse("employers:supervisor", kwargs={"supervisor": supervisor.pk})


@role_required(*EMPLOYER_ROLES)
@require_http_methods(["GET", "POST"])
def supervisor_create(request, employer):
    employer = selectors.employer_detail(membership=request.membership, public_id=employer)
    form = SupervisorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        supervisor = services.supervisor_create(employer=employer, data=form.cleaned_data)
        messages.success(request, _("%(name)s is added as a supervisor.") % {"name": supervisor})
        return redirect(_supervisor_url(supervisor))
    return render(
        request,
        "employers/supervisor_form.html",
        {"form": form, "employer": employer, "supervisor": None},
    )


@role_required(*EMPLOYER_ROLES)
@require_http_methods(["GET", "POST"])
def supervisor_edit(request, supervisor):
    supervisor = selectors.supervisor_detail(membership=request.membership, pk=supervisor)
    form = SupervisorForm(request.POST or None, instance=supervisor)
    if request.method == "POST" and form.is_valid():
        services.supervisor_update(supervisor=supervisor, data=form.cleaned_data)
        messages.success(request, _("The details are saved."))
        return redirect(_supervisor_url(supervisor))
    return render(
        request,
        "employers/supervisor_form.html",
        {"form": form, "employer": supervisor.employer, "supervisor": supervisor},
    )


@role_required(*EMPLOYER_ROLES)
@require_http_methods(["GET", "POST"])
def supervisor_detail(request, supervisor):
    """The supervisor's details and trainings; POST adds a training."""
    supervisor = selectors.supervisor_detail(membership=request.membership, pk=supervisor)
    form = SupervisorTrainingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.supervisor_training_add(supervisor=supervisor, **form.cleaned_data)
        messages.success(request, _("The training is added."))
        return redirect(_supervisor_url(supervisor) + "#trainings-heading")
    context = {
        "supervisor": supervisor,
        "form": form,
        "panels": supervisor_page.compose(request, supervisor),
    }
    return render(request, "employers/supervisor_detail.html", context)
