"""Reads of case notes. Callers have already checked that the participant's notes may be read."""

from django.db.models import Prefetch, QuerySet

from baslager.participants.models import Participant

from .models import CaseNote, CaseNoteVersion


def _with_versions(queryset: QuerySet) -> QuerySet:
    """Notes with author and every version in two queries however many notes there are.

    ``note.version_list`` holds the versions oldest first; the last one is the current text.
    """
    return queryset.select_related("author").prefetch_related(
        Prefetch(
            "versions",
            queryset=CaseNoteVersion.objects.select_related("written_by").order_by(
                "written_at", "pk"
            ),
            to_attr="version_list",
        )
    )


def case_notes_for(*, participant: Participant) -> QuerySet:
    """The participant's notes, newest first, each with ``version_list``."""
    return _with_versions(
        CaseNote.objects.filter(participant=participant).order_by(
            "-occurred_on", "-created_at", "-pk"
        )
    )


def latest_case_notes(*, participant: Participant, limit: int = 3) -> list[CaseNote]:
    return list(case_notes_for(participant=participant)[:limit])


def case_note_versions(*, note: CaseNote) -> QuerySet:
    """Every version of ``note``, oldest first."""
    return note.versions.select_related("written_by").order_by("written_at", "pk")
