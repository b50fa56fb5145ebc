from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from baslager.core.access_log import access_record
from baslager.organisations.access import get_scoped_or_404, may_read_restricted
from baslager.organisations.decorators import STAFF_WITH_PARTICIPANTS, role_required
from baslager.participants.models import Participant

from . import selectors, services
from .forms import CaseNoteCorrectionForm, CaseNoteForm
from .models import CaseNote

NOTES_PER_PAGE = 20


def _participant_with_notes_or_404(request, public_id) -> Participant:
    """The participant, if this member may read their notes; 404 alike for anyone else.

    A coach who may see the participant because the organisation is open still gets 404:
    notes stay with the participant's own coaches.
    """
    participant = get_scoped_or_404(Participant, request.membership, public_id=public_id)
    if not may_read_restricted(request.membership, participant):
        raise Http404
    return participant


def _note_or_404(request, public_id) -> CaseNote:
    return get_scoped_or_404(
        CaseNote.objects.select_related("participant", "author"),
        request.membership,
        public_id=public_id,
    )


def _may_correct(request, note: CaseNote) -> bool:
    """Only the author or an administrator may correct a note."""
    return note.author_id == request.user.pk or request.membership.is_admin


def _apply_errors(form, error: ValidationError) -> None:
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


@role_required(*STAFF_WITH_PARTICIPANTS)
def notes(request, participant):
    participant = _participant_with_notes_or_404(request, participant)
    if request.method == "POST":
        form = CaseNoteForm(request.POST)
        if form.is_valid():
            try:
                services.case_note_create(
                    participant=participant,
                    occurred_on=form.cleaned_data["occurred_on"],
                    text=form.cleaned_data["text"],
                    author=request.user,
                )
            except ValidationError as error:
                _apply_errors(form, error)
            else:
                messages.success(request, _("The note was saved."))
                return redirect("journal:notes", participant=participant.public_id)
    else:
        form = CaseNoteForm()
    page = Paginator(selectors.case_notes_for(participant=participant), NOTES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    access_record(instance=participant, what="case_notes")
    return render(
        request,
        "journal/notes.html",
        {"participant": participant, "page": page, "form": form},
    )


@role_required(*STAFF_WITH_PARTICIPANTS)
def note_correct(request, note):
    note = _note_or_404(request, note)
    if not _may_correct(request, note):
        raise PermissionDenied
    current = note.current_version
    current_text = current.text if current else ""
    form = CaseNoteCorrectionForm(request.POST or None, current_text=current_text)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_note_correct(
                note=note,
                text=form.cleaned_data["text"],
                reason=form.cleaned_data["reason"],
                corrected_by=request.user,
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The note was corrected. The earlier text is kept."))
            return redirect("journal:notes", participant=note.participant.public_id)
    access_record(instance=note, what="case_note")
    return render(request, "journal/note_correct.html", {"note": note, "form": form})


@require_safe
@role_required(*STAFF_WITH_PARTICIPANTS)
def note_history(request, note):
    note = _note_or_404(request, note)
    versions = list(selectors.case_note_versions(note=note))
    access_record(instance=note, what="case_note_history")
    return render(
        request,
        "journal/note_history.html",
        {"note": note, "versions": versions, "may_correct": _may_correct(request, note)},
    )
