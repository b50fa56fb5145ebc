from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from baslager.core.access_log import access_record
from baslager.organisations.decorators import ADMIN_ONLY, STAFF_WITH_PARTICIPANTS, role_required

from . import selectors, services
from .forms import (
    CoachesForm,
    IdentitySearchForm,
    MappingForm,
    ParticipantForm,
    SpecialCategoryForm,
    experience_formset_class,
    language_formset_class,
)
from .identity import display
from .models import IdKind
from .panels import participant_page, participant_status

PAGE_SIZE = 25
LANGUAGES_PREFIX = "languages"
EXPERIENCES_PREFIX = "experiences"


def _detail_url(participant) -> str:
    return reverse("participants:detail", kwargs={"participant": participant.public_id})


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def participant_list(request):
    """Search by name in the address bar; by identity number only in a POST body, never a URL."""
    id_form = IdentitySearchForm(request.POST or None)
    if request.method == "POST" and id_form.is_valid():
        found = selectors.participant_visible_by_id_number(
            membership=request.membership, id_number=id_form.cleaned_data["id_number"]
        )
        if found is not None:
            return redirect(_detail_url(found))
        id_form.add_error("id_number", _("None of the participants you can see has this number."))
    search = request.GET.get("q", "").strip()
    page = Paginator(
        selectors.participant_list(membership=request.membership, search=search), PAGE_SIZE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "participants/list.html",
        {"page": page, "search": search, "id_form": id_form},
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def participant_create(request):
    form = ParticipantForm(
        request.POST or None,
        membership=request.membership,
        initial={"id_kind": IdKind.PERSONNUMMER, "entry_date": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        participant = services.participant_register(
            membership=request.membership, actor=request.user, data=form.cleaned_data
        )
        messages.success(request, _("%(name)s is registered.") % {"name": participant.full_name})
        return redirect(_detail_url(participant))
    return render(
        request,
        "participants/form.html",
        {"form": form, "participant": None},
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def participant_edit(request, participant):
    participant = selectors.participant_for_membership(
        membership=request.membership, public_id=participant
    )
    form = ParticipantForm(
        request.POST or None, instance=participant, membership=request.membership
    )
    if request.method == "POST" and form.is_valid():
        services.participant_update(participant=participant, data=form.cleaned_data)
        messages.success(request, _("The details are saved."))
        return redirect(_detail_url(participant))
    return render(
        request,
        "participants/form.html",
        {"form": form, "participant": participant},
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
def participant_detail(request, participant):
    """The overview: next steps first, then a short panel from each app, each linking to its
    full section page. The panels log their own reads (case notes, for one)."""
    participant = selectors.participant_detail(membership=request.membership, public_id=participant)
    access_record(instance=participant, what="participant_page")
    return render(
        request,
        "participants/detail.html",
        {
            "participant": participant,
            "status": participant_status.compose(request, participant),
            "overview": participant_page.compose(request, participant),
        },
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
def participant_profile(request, participant):
    """Everything the intake and the competence mapping recorded, on a page of its own."""
    participant = selectors.participant_detail(membership=request.membership, public_id=participant)
    access_record(instance=participant, what="participant_page")
    return render(request, "participants/profile.html", {"participant": participant})


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_POST
def participant_reveal_id(request, participant):
    participant = selectors.participant_for_membership(
        membership=request.membership, public_id=participant
    )
    if participant.id_number:
        access_record(instance=participant, what="identity_number")
    context = {"participant": participant, "full_number": display(participant.id_number)}
    template = (
        "participants/_identity_number.html"
        if request.htmx
        else "participants/identity_number.html"
    )
    return render(request, template, context)


def _with_one_more_form(data, prefix: str):
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        data[key] = str(int(data.get(key, "0")) + 1)
    except ValueError:
        data[key] = "1"
    return data


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def participant_mapping(request, participant):
    """The whole competence mapping on one page and one save; "add a row" buttons post the page
    back with one more empty row (htmx swaps in just that section)."""
    participant = selectors.participant_for_membership(
        membership=request.membership, public_id=participant
    )
    data = request.POST if request.method == "POST" else None
    adding = False
    if data is not None and "add_language" in data:
        data, adding = _with_one_more_form(data, LANGUAGES_PREFIX), True
    elif data is not None and "add_experience" in data:
        data, adding = _with_one_more_form(data, EXPERIENCES_PREFIX), True
    languages_extra = 0 if participant.languages.exists() else 1
    experiences_extra = 0 if participant.experiences.exists() else 1
    form = MappingForm(data, instance=participant)
    languages = language_formset_class(languages_extra)(
        data, instance=participant, prefix=LANGUAGES_PREFIX
    )
    experiences = experience_formset_class(experiences_extra)(
        data, instance=participant, prefix=EXPERIENCES_PREFIX
    )
    if data is not None and not adding:
        valid = [form.is_valid(), languages.is_valid(), experiences.is_valid()]
        if all(valid):
            services.participant_mapping_save(
                participant=participant,
                data=form.cleaned_data,
                languages=(languages.save(commit=False), languages.deleted_objects),
                experiences=(experiences.save(commit=False), experiences.deleted_objects),
            )
            messages.success(request, _("The mapping is saved."))
            return redirect(_detail_url(participant))
    context = {
        "participant": participant,
        "form": form,
        "languages": languages,
        "experiences": experiences,
        "show_errors": not adding,
    }
    return render(request, "participants/mapping.html", context)


def _participant_with_special_access(request, public_id):
    """The participant, when the member may read their special-category data; 404 otherwise,
    so a coach outside the caseload learns nothing, not even that the data exists."""
    participant = selectors.participant_for_membership(
        membership=request.membership, public_id=public_id
    )
    if not selectors.may_read_special_category(
        membership=request.membership, participant=participant
    ):
        raise Http404
    return participant


@role_required(*STAFF_WITH_PARTICIPANTS)
def special_category(request, participant):
    participant = _participant_with_special_access(request, participant)
    record = selectors.special_category_data(membership=request.membership, participant=participant)
    access_record(instance=record or participant, what="special_category_data")
    return render(
        request, "participants/special_category.html", {"participant": participant, "data": record}
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
@require_http_methods(["GET", "POST"])
def special_category_edit(request, participant):
    participant = _participant_with_special_access(request, participant)
    record = selectors.special_category_data(membership=request.membership, participant=participant)
    form = SpecialCategoryForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        services.special_category_save(participant=participant, data=form.cleaned_data)
        messages.success(request, _("The special-category data is saved."))
        return redirect("participants:special_category", participant=participant.public_id)
    if request.method == "GET":
        access_record(instance=record or participant, what="special_category_data")
    return render(
        request,
        "participants/special_category_form.html",
        {"participant": participant, "form": form},
    )


@role_required(*ADMIN_ONLY)
@require_http_methods(["GET", "POST"])
def participant_coaches(request, participant):
    participant = selectors.participant_for_membership(
        membership=request.membership, public_id=participant
    )
    form = CoachesForm(
        request.POST or None,
        membership=request.membership,
        initial={"coaches": list(participant.coaches.all())},
    )
    if request.method == "POST" and form.is_valid():
        services.participant_coaches_set(
            participant=participant, coaches=form.cleaned_data["coaches"]
        )
        messages.success(request, _("The coaches are saved."))
        return redirect(_detail_url(participant))
    return render(
        request,
        "participants/coaches.html",
        {"participant": participant, "form": form},
    )
