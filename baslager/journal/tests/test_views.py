import re
from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from baslager.journal.models import CaseNote, CaseNoteVersion
from baslager.journal.selectors import latest_case_notes
from baslager.journal.services import case_note_correct, case_note_create
from baslager.journal.urls import urlpatterns as journal_urlpatterns


def notes_url(participant):
    return reverse("journal:notes", kwargs={"participant": participant.public_id})


def write_note(world, text="Första mötet gick bra.", participant=None, author=None):
    return case_note_create(
        participant=participant or world.participant,
        occurred_on=timezone.localdate(),
        text=text,
        author=author or world.coach,
    )


def case_note_reads(participant):
    return LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS,
        additional_data__participant=str(participant.public_id),
        additional_data__viewed="case_notes",
    )


def test_it_shows_the_coach_their_participants_notes(world, signed_in):
    write_note(world, "Amina vill jobba inom vården.")
    response = signed_in(world.coach).get(notes_url(world.participant))
    assert response.status_code == 200
    assert "Amina vill jobba inom vården." in response.content.decode()
    assert world.coach.full_name in response.content.decode()


def test_it_logs_every_read_of_the_notes(world, signed_in):
    write_note(world)
    client = signed_in(world.coach)
    client.get(notes_url(world.participant))
    client.get(notes_url(world.participant))
    reads = case_note_reads(world.participant)
    assert reads.count() == 2
    assert {entry.actor for entry in reads} == {world.coach}
    assert reads.first().additional_data["organisation"] == world.home.pk


def test_it_lets_the_administrator_read_the_notes(world, signed_in):
    write_note(world, "Anteckning för admin.")
    response = signed_in(world.admin).get(notes_url(world.participant))
    assert response.status_code == 200
    assert "Anteckning för admin." in response.content.decode()
    assert case_note_reads(world.participant).get().actor == world.admin


def test_it_hides_notes_from_a_colleague_even_when_the_organisation_is_open(world, signed_in):
    world.home.coaches_see_all_participants = True
    world.home.save()
    note = write_note(world)
    client = signed_in(world.colleague)
    assert client.get(notes_url(world.participant)).status_code == 404
    assert client.post(notes_url(world.participant), {"text": "x"}).status_code == 404
    history = reverse("journal:note_history", kwargs={"note": note.public_id})
    assert client.get(history).status_code == 404
    assert not case_note_reads(world.participant).exists()


def test_it_answers_404_to_another_organisation(world, signed_in):
    note = write_note(world)
    client = signed_in(world.outsider)
    assert client.get(notes_url(world.participant)).status_code == 404
    for name in ("journal:note_history", "journal:note_correct"):
        assert client.get(reverse(name, kwargs={"note": note.public_id})).status_code == 404


@pytest.mark.parametrize("persona", ["scout", "viewer"])
def test_it_refuses_scouts_and_viewers(world, signed_in, persona):
    note = write_note(world)
    client = signed_in(getattr(world, persona))
    assert client.get(notes_url(world.participant)).status_code == 403
    for name in ("journal:note_history", "journal:note_correct"):
        assert client.get(reverse(name, kwargs={"note": note.public_id})).status_code == 403


def test_it_adds_a_note(world, signed_in):
    today = timezone.localdate()
    response = signed_in(world.coach).post(
        notes_url(world.participant), {"occurred_on": today.isoformat(), "text": "Ny anteckning"}
    )
    assert response.status_code == 302
    note = CaseNote.objects.get(participant=world.participant)
    assert note.author == world.coach
    assert note.occurred_on == today
    assert note.current_version.text == "Ny anteckning"


def test_it_rejects_a_future_date_and_keeps_what_was_typed(world, signed_in):
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = signed_in(world.coach).post(
        notes_url(world.participant), {"occurred_on": tomorrow.isoformat(), "text": "Behåll mig"}
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Behåll mig" in content
    assert 'aria-invalid="true"' in content
    assert 'href="#id_occurred_on"' in content
    assert not CaseNote.objects.exists()


def test_it_offers_no_way_to_delete_a_note(world, signed_in):
    note = write_note(world)
    client = signed_in(world.admin)
    pages = [
        notes_url(world.participant),
        reverse("journal:note_history", kwargs={"note": note.public_id}),
        reverse("journal:note_correct", kwargs={"note": note.public_id}),
    ]
    for url in pages:
        content = client.get(url).content.decode()
        targets = re.findall(r'(?:href|action|hx-delete|hx-post)="([^"]*)"', content)
        assert not [t for t in targets if "delete" in t.lower()]
        buttons = re.findall(r"<button[^>]*>(.*?)</button>", content, flags=re.S)
        assert not [b for b in buttons if re.search(r"delete|remove", b, flags=re.I)]
    assert client.post(pages[1]).status_code == 405
    assert not any("delete" in str(pattern.pattern) for pattern in journal_urlpatterns)
    assert CaseNote.objects.filter(pk=note.pk).exists()
    assert note.versions.count() == 1


def test_it_corrects_a_note_and_keeps_the_earlier_version(world, signed_in):
    note = write_note(world, "Träffades på tisdag.")
    url = reverse("journal:note_correct", kwargs={"note": note.public_id})
    client = signed_in(world.coach)
    form_page = client.get(url).content.decode()
    assert "Träffades på tisdag." in form_page
    response = client.post(url, {"text": "Träffades på onsdag.", "reason": "Fel dag"})
    assert response.status_code == 302
    texts = list(note.versions.order_by("written_at", "pk").values_list("text", flat=True))
    assert texts == ["Träffades på tisdag.", "Träffades på onsdag."]

    listing = client.get(notes_url(world.participant)).content.decode()
    assert "Träffades på onsdag." in listing
    assert "Träffades på tisdag." not in listing
    history_url = reverse("journal:note_history", kwargs={"note": note.public_id})
    assert history_url in listing

    history = client.get(history_url).content.decode()
    assert "Träffades på tisdag." in history
    assert "Träffades på onsdag." in history
    assert "Fel dag" in history


def test_it_requires_a_reason_for_a_correction(world, signed_in):
    note = write_note(world, "Original")
    url = reverse("journal:note_correct", kwargs={"note": note.public_id})
    response = signed_in(world.coach).post(url, {"text": "Ändrad", "reason": ""})
    assert response.status_code == 200
    assert "Ändrad" in response.content.decode()
    assert note.versions.count() == 1


def test_it_lets_only_the_author_or_an_administrator_correct(world, signed_in):
    world.participant.coaches.add(world.colleague)
    note = write_note(world, "Original")
    url = reverse("journal:note_correct", kwargs={"note": note.public_id})
    assert signed_in(world.colleague).post(url, {"text": "Nytt", "reason": "x"}).status_code == 403
    assert note.versions.count() == 1
    response = signed_in(world.admin).post(url, {"text": "Nytt", "reason": "Rättat av admin"})
    assert response.status_code == 302
    assert note.versions.count() == 2


def test_it_logs_reads_of_the_history(world, signed_in):
    note = write_note(world)
    signed_in(world.admin).get(reverse("journal:note_history", kwargs={"note": note.public_id}))
    entry = LogEntry.objects.get(
        action=LogEntry.Action.ACCESS, additional_data__viewed="case_note_history"
    )
    assert entry.actor == world.admin
    assert entry.additional_data["participant"] == str(world.participant.public_id)


def test_it_reads_notes_in_a_constant_number_of_queries(world, signed_in):
    client = signed_in(world.coach)

    def queries_for(count):
        for i in range(count - CaseNote.objects.filter(participant=world.participant).count()):
            note = write_note(world, f"Anteckning {i}")
            if i % 2:
                case_note_correct(
                    note=note, text=f"Rättad {i}", reason="r", corrected_by=world.coach
                )
        with CaptureQueriesContext(connection) as context:
            response = client.get(notes_url(world.participant))
        assert response.status_code == 200
        assert len(response.context["page"].object_list) == count
        return len(context.captured_queries)

    assert queries_for(3) == queries_for(15)
    assert CaseNoteVersion.objects.filter(correction_reason="r").exists()


def test_it_pages_the_notes_newest_first(world, signed_in):
    today = timezone.localdate()
    for days_ago in range(21):
        case_note_create(
            participant=world.participant,
            occurred_on=today - timedelta(days=days_ago),
            text=f"Anteckning {days_ago} dagar sedan",
            author=world.coach,
        )
    client = signed_in(world.coach)
    first = client.get(notes_url(world.participant))
    assert 'href="?page=2"' in first.content.decode()
    assert first.context["page"][0].occurred_on == today
    second = client.get(notes_url(world.participant), {"page": 2})
    assert [n.current_version.text for n in second.context["page"]] == ["Anteckning 20 dagar sedan"]


def test_it_renders_the_panel_of_latest_notes_for_the_participant_page(world):
    for text in ("Ett", "Två", "Tre", "Fyra"):
        write_note(world, text)
    notes = latest_case_notes(participant=world.participant)
    with translation.override("en"):
        html = render_to_string(
            "journal/_notes_panel.html", {"participant": world.participant, "notes": notes}
        )
    assert html.count('class="card journal-note"') == 3
    assert "Fyra" in html
    assert "Ett" not in html
    assert notes_url(world.participant) in html
    assert "Every read is logged." in html
