from datetime import date

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from baslager.participants.models import Participant
from baslager.phases.models import PhaseTransition
from baslager.testing.personas import make_participant

CREATE = reverse("participants:create")


def intake(**fields):
    data = {
        "first_name": "Fatima",
        "last_name": "Ali",
        "id_kind": "personnummer",
        "id_number": "811218-9876",
        "birth_date": "",
        "gender": "woman",
        "email": "fatima@example.se",
        "phone": "070-123 45 67",
        "street_address": "Storgatan 1",
        "postal_code": "15173",
        "city": "Södertälje",
        "kommun_code": "0181",
        "preferred_language": "ar",
        "needs_interpreter": "on",
        "entry_date": "2026-11-23",
        "labour_market_status": "unemployed",
        "unemployed_since": "2025-01-10",
    }
    data.update(fields)
    return data


def edit_url(participant):
    return reverse("participants:edit", kwargs={"participant": participant.public_id})


def test_it_registers_a_participant_from_the_intake_form(world, signed_in):
    response = signed_in(world.coach).post(CREATE, intake())

    participant = Participant.objects.get(last_name="Ali")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "participants:detail", kwargs={"participant": participant.public_id}
    )
    assert participant.organisation == world.home
    assert participant.id_number == "198112189876"
    assert participant.birth_date == date(1981, 12, 18)
    assert participant.postal_code == "151 73"
    assert participant.kommun_code == "0181"
    assert participant.needs_interpreter
    assert participant.is_long_term_unemployed
    assert list(participant.coaches.all()) == [world.coach]
    assert participant.current_phase.position == 1
    assert PhaseTransition.objects.filter(participant=participant, from_phase=None).exists()


def test_it_offers_the_kommuner_and_languages_in_the_form(world, signed_in):
    page = signed_in(world.coach).get(CREATE).content.decode()

    assert '<option value="0181">Södertälje</option>' in page
    assert '<optgroup label="Västernorrlands län">' in page
    assert 'value="ti"' in page


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"id_number": "811218-9877"}, "check digit"),
        ({"id_number": "811318-9876"}, "does not exist"),
        ({"id_number": "701063-2391"}, "coordination number"),
        ({"id_kind": "samordningsnummer"}, "not a coordination number"),
        ({"id_number": ""}, "Type the number"),
        ({"birth_date": "1990-01-01"}, "does not match"),
        ({"labour_market_status": "employed"}, "only for someone who is unemployed"),
        ({"first_name": ""}, "This field is required"),
    ],
)
def test_it_keeps_what_was_typed_and_says_what_is_wrong(world, signed_in, fields, message):
    response = signed_in(world.coach).post(CREATE, intake(**fields))

    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'class="error-summary"' in page
    assert 'aria-invalid="true"' in page
    assert 'value="Storgatan 1"' in page
    assert not Participant.objects.filter(last_name="Ali").exists()


def test_it_links_a_duplicate_number_to_the_participant_already_registered(world, signed_in):
    world.participant.id_kind = "personnummer"
    world.participant.id_number = "198112189876"
    world.participant.save()

    page = signed_in(world.coach).post(CREATE, intake()).content.decode()

    detail = reverse("participants:detail", kwargs={"participant": world.participant.public_id})
    assert f'<a href="{detail}">Amina Hassan</a>' in page
    assert Participant.objects.filter(id_number="198112189876").count() == 1


def test_it_catches_a_duplicate_the_coach_cannot_see_without_naming_them(world, signed_in):
    world.colleagues_participant.id_kind = "personnummer"
    world.colleagues_participant.id_number = "198112189876"
    world.colleagues_participant.save()

    page = signed_in(world.coach).post(CREATE, intake()).content.decode()

    assert "already registered in your organisation" in page
    assert "Bertil" not in page


def test_it_allows_the_same_number_in_another_organisation(world, signed_in):
    make_participant(world.other, world.outsider, id_kind="personnummer", id_number="198112189876")

    response = signed_in(world.coach).post(CREATE, intake())

    assert response.status_code == 302


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_refuses_intake_to_scouts_and_viewers(world, signed_in, role):
    client = signed_in(getattr(world, role))

    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, intake()).status_code == 403
    assert not Participant.objects.filter(last_name="Ali").exists()


def test_it_lets_an_administrator_register_in_their_own_organisation(world, signed_in):
    signed_in(world.outsider).post(CREATE, intake())

    assert Participant.objects.get(last_name="Ali").organisation == world.other


def test_it_edits_the_details_and_the_audit_log_names_the_field_and_the_actor(world, signed_in):
    participant = world.participant
    data = intake(first_name="Amina", last_name="Hassan", city="Järna", id_number="")
    data["id_kind"] = "none"

    response = signed_in(world.coach).post(edit_url(participant), data)

    assert response.status_code == 302
    participant.refresh_from_db()
    assert participant.city == "Järna"
    entry = (
        LogEntry.objects.get_for_object(participant)
        .filter(action=LogEntry.Action.UPDATE)
        .latest("pk")
    )
    assert entry.changes_dict["city"] == ["", "Järna"]
    assert entry.actor == world.coach


def test_it_never_puts_the_stored_number_into_the_edit_form_and_keeps_it_when_left_empty(
    world, signed_in
):
    participant = world.participant
    participant.id_kind = "personnummer"
    participant.id_number = "198112189876"
    participant.save()
    client = signed_in(world.coach)

    page = client.get(edit_url(participant)).content.decode()
    assert "9876" not in page
    assert "19811218-****" in page

    client.post(edit_url(participant), intake(first_name="Amina", last_name="Hassan", id_number=""))
    participant.refresh_from_db()
    assert participant.id_number == "198112189876"


def test_it_hides_another_organisations_participant_from_the_edit_page(world, signed_in):
    client = signed_in(world.outsider)

    assert client.get(edit_url(world.participant)).status_code == 404
    assert client.post(edit_url(world.participant), intake()).status_code == 404


def test_it_hides_a_colleagues_participant_from_a_coach(world, signed_in):
    assert signed_in(world.coach).get(edit_url(world.colleagues_participant)).status_code == 404


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_refuses_editing_to_scouts_and_viewers(world, signed_in, role):
    assert signed_in(getattr(world, role)).get(edit_url(world.participant)).status_code == 403
