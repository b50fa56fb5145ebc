import csv

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from baslager.core.access_log import access_record
from baslager.organisations.access import get_scoped_or_404, scoped
from baslager.organisations.decorators import ADMIN_ONLY, role_required
from baslager.participants.models import Participant

from . import selectors, services
from .forms import AuditFilterForm

ENTRIES_PER_PAGE = 50
EXPORT_CHUNK = 500


def _filter(request) -> dict:
    """The filter form and the entries it selects; several matching names select none yet."""
    membership = request.membership
    form = AuditFilterForm(
        request.GET or None, actors=selectors.audit_actors_for(membership=membership)
    )
    result = {"form": form, "participant": None, "matches": []}
    if not form.is_bound:
        result["entries"] = selectors.audit_entries_for(membership=membership)
        return result
    if not form.is_valid():
        result["entries"] = selectors.audit_entries_for(membership=membership).none()
        return result
    data = form.cleaned_data
    participant = None
    if data["participant"]:
        participant = scoped(Participant, membership).filter(public_id=data["participant"]).first()
        if participant is None:
            form.add_error("name", _("No participant matches."))
    elif data["name"]:
        matches = selectors.audit_participants_matching(membership=membership, name=data["name"])
        if len(matches) == 1:
            participant = matches[0]
        elif not matches:
            form.add_error("name", _("No participant matches."))
        else:
            result["matches"] = matches
    if form.errors or result["matches"]:
        result["entries"] = selectors.audit_entries_for(membership=membership).none()
        return result
    result["participant"] = participant
    result["entries"] = selectors.audit_entries_for(
        membership=membership,
        participant=participant,
        actor=data["actor"],
        action=form.action_code(),
        since=data["since"],
        until=data["until"],
    )
    return result


def _page(request, entries):
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    rows = selectors.audit_rows_for(entries=page.object_list, membership=request.membership)
    return page, rows


@role_required(*ADMIN_ONLY)
def log(request):
    context = _filter(request)
    context["page"], context["rows"] = _page(request, context["entries"])
    return render(request, "audit/log.html", context)


@role_required(*ADMIN_ONLY)
def participant(request, participant):
    participant = get_scoped_or_404(Participant, request.membership, public_id=participant)
    entries = selectors.audit_entries_for(membership=request.membership, participant=participant)
    page, rows = _page(request, entries)
    # The trail shows what was changed in the participant's data, so looking at it is a read too.
    access_record(instance=participant, what="audit_trail")
    return render(
        request,
        "audit/participant.html",
        {"participant": participant, "page": page, "rows": rows},
    )


def _csv_safe(value) -> str:
    """Keep spreadsheet programs from running a cell as a formula."""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _changes_text(row) -> str:
    parts = []
    for change in row.changes:
        if change.note:
            parts.append(f"{change.field}: {change.note}")
        else:
            parts.append(f"{change.field}: {change.old} → {change.new}")
    return "; ".join(parts)


@role_required(*ADMIN_ONLY)
def export(request):
    context = _filter(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.csv"'
    response.write("\ufeff")  # lets spreadsheet programs read the file as UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("When"),
            _("Who"),
            _("Email"),
            _("What"),
            _("Action"),
            _("Changes"),
            _("Participant"),
            _("Participant id"),
            _("What happened"),
        ]
    )
    paginator = Paginator(context["entries"], EXPORT_CHUNK)
    for number in paginator.page_range:
        entries = paginator.page(number).object_list
        for row in selectors.audit_rows_for(entries=entries, membership=request.membership):
            entry = row.entry
            writer.writerow(
                [
                    _csv_safe(value)
                    for value in (
                        timezone.localtime(entry.timestamp).isoformat(timespec="seconds"),
                        entry.actor or "",
                        entry.actor.email if entry.actor else entry.actor_email or "",
                        row.what,
                        row.action,
                        _changes_text(row),
                        row.participant or "",
                        row.participant_id,
                        row.sentence,
                    )
                ]
            )
    services.audit_export_record(membership=request.membership, actor=request.user)
    return response
