"""Writes to the case notes. Nothing here changes a version once written."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from baslager.participants.models import Participant

from .models import CaseNote, CaseNoteVersion


@transaction.atomic
def case_note_create(*, participant: Participant, occurred_on: date, text: str, author) -> CaseNote:
    """A new note with its first version."""
    if occurred_on > timezone.localdate():
        raise ValidationError({"occurred_on": _("A note cannot be dated in the future.")})
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    note = CaseNote.objects.create(
        organisation_id=participant.organisation_id,
        participant=participant,
        occurred_on=occurred_on,
        author=author,
    )
    CaseNoteVersion.objects.create(note=note, text=text, written_by=author)
    return note


@transaction.atomic
def case_note_correct(*, note: CaseNote, text: str, reason: str, corrected_by) -> CaseNoteVersion:
    """Add a version that replaces the current text; the earlier versions stay as they were."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the note is corrected.")})
    if not text.strip():
        raise ValidationError({"text": _("Write the note.")})
    # Lock the note so two corrections at once cannot both be based on the same current text.
    CaseNote.objects.select_for_update().filter(pk=note.pk).get()
    current = note.versions.order_by("-written_at", "-pk").first()
    if current is not None and current.text.strip() == text.strip():
        raise ValidationError({"text": _("The text is unchanged.")})
    return CaseNoteVersion.objects.create(
        note=note, text=text, correction_reason=reason.strip(), written_by=corrected_by
    )
