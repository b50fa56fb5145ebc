from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from baslager.journal.models import CaseNote, CaseNoteVersion
from baslager.journal.selectors import case_notes_for, latest_case_notes
from baslager.journal.services import case_note_correct, case_note_create


def test_it_creates_a_note_with_its_first_version(world):
    note = case_note_create(
        participant=world.participant,
        occurred_on=timezone.localdate(),
        text="Första mötet.",
        author=world.coach,
    )
    assert note.organisation == world.home
    assert [v.text for v in note.versions.all()] == ["Första mötet."]
    assert note.versions.get().written_by == world.coach


def test_it_rejects_a_note_dated_in_the_future(world):
    with pytest.raises(ValidationError):
        case_note_create(
            participant=world.participant,
            occurred_on=timezone.localdate() + timedelta(days=1),
            text="Imorgon.",
            author=world.coach,
        )
    assert not CaseNote.objects.exists()


def test_it_keeps_the_earlier_version_when_a_note_is_corrected(world):
    note = case_note_create(
        participant=world.participant,
        occurred_on=timezone.localdate(),
        text="Träffade Amina på tisdag.",
        author=world.coach,
    )
    first = note.versions.get()
    case_note_correct(
        note=note, text="Träffade Amina på onsdag.", reason="Fel veckodag", corrected_by=world.admin
    )

    versions = list(CaseNoteVersion.objects.filter(note=note).order_by("written_at", "pk"))
    assert [v.text for v in versions] == ["Träffade Amina på tisdag.", "Träffade Amina på onsdag."]
    first.refresh_from_db()
    assert first.text == "Träffade Amina på tisdag."
    assert first.written_by == world.coach
    assert versions[1].correction_reason == "Fel veckodag"
    assert versions[1].written_by == world.admin
    reloaded = case_notes_for(participant=world.participant).get()
    assert reloaded.current_version.text == "Träffade Amina på onsdag."
    assert reloaded.is_corrected


def test_it_refuses_a_correction_without_reason_or_change(world):
    note = case_note_create(
        participant=world.participant,
        occurred_on=timezone.localdate(),
        text="Text",
        author=world.coach,
    )
    with pytest.raises(ValidationError):
        case_note_correct(note=note, text="Ny text", reason=" ", corrected_by=world.coach)
    with pytest.raises(ValidationError):
        case_note_correct(note=note, text="Text", reason="Ingen", corrected_by=world.coach)
    assert note.versions.count() == 1


def test_it_lists_the_latest_notes_newest_first(world):
    today = timezone.localdate()
    for days_ago in range(5):
        case_note_create(
            participant=world.participant,
            occurred_on=today - timedelta(days=days_ago),
            text=f"{days_ago} dagar sedan",
            author=world.coach,
        )
    case_note_create(
        participant=world.colleagues_participant,
        occurred_on=today,
        text="Annan deltagare",
        author=world.colleague,
    )
    latest = latest_case_notes(participant=world.participant)
    assert [n.current_version.text for n in latest] == [
        "0 dagar sedan",
        "1 dagar sedan",
        "2 dagar sedan",
    ]
