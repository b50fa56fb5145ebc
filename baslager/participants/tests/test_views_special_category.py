import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from baslager.participants.models import SpecialCategoryData


def view_url(participant):
    return reverse("participants:special_category", kwargs={"participant": participant.public_id})


def edit_url(participant):
    return reverse(
        "participants:special_category_edit", kwargs={"participant": participant.public_id}
    )


def reads(participant):
    return LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS,
        additional_data__participant=str(participant.public_id),
        additional_data__viewed="special_category_data",
    )


@pytest.fixture
def recorded(world):
    return SpecialCategoryData.objects.create(
        organisation=world.home,
        participant=world.participant,
        has_disability="yes",
        disability_description="Nedsatt hörsel",
        minority="refused",
    )


def answers(**fields):
    data = {
        "collection_attempted_at": "2026-11-23",
        "has_disability": "no",
        "disability_description": "",
        "health_notes": "Ryggbesvär",
        "addiction_history": "",
        "country_of_birth": "Somalia",
        "foreign_background": "yes",
        "third_country_national": "refused",
        "minority": "",
        "arrived_in_sweden": "2016-05-01",
    }
    data.update(fields)
    return data


@pytest.mark.parametrize("persona", ["coach", "admin"])
def test_it_shows_the_data_to_own_coaches_and_administrators_and_logs_each_read(
    world, signed_in, recorded, persona
):
    user = getattr(world, persona)

    response = signed_in(user).get(view_url(world.participant))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Nedsatt hörsel" in page
    assert "Does not want to answer" in page
    entry = reads(world.participant).get()
    assert entry.actor == user
    assert entry.object_pk == str(recorded.pk)
    assert entry.additional_data["special_category"] is True


def test_it_hides_the_data_from_a_coach_outside_the_caseload_even_in_an_open_organisation(
    world, signed_in, recorded
):
    world.home.coaches_see_all_participants = True
    world.home.save()
    client = signed_in(world.colleague)

    assert client.get(view_url(world.participant)).status_code == 404
    assert client.get(edit_url(world.participant)).status_code == 404
    response = client.post(edit_url(world.participant), answers())
    assert response.status_code == 404
    assert "Nedsatt hörsel" not in response.content.decode()
    assert not reads(world.participant).exists()
    recorded.refresh_from_db()
    assert recorded.has_disability == "yes"


def test_it_hides_the_data_from_another_organisation(world, signed_in, recorded):
    client = signed_in(world.outsider)

    assert client.get(view_url(world.participant)).status_code == 404
    assert client.post(edit_url(world.participant), answers()).status_code == 404


@pytest.mark.parametrize("role", ["scout", "viewer"])
def test_it_refuses_the_data_to_scouts_and_viewers(world, signed_in, recorded, role):
    client = signed_in(getattr(world, role))

    assert client.get(view_url(world.participant)).status_code == 403
    assert client.get(edit_url(world.participant)).status_code == 403


def test_it_logs_opening_an_empty_record_too(world, signed_in):
    page = signed_in(world.coach).get(view_url(world.participant)).content.decode()

    assert "Nothing is recorded." in page
    assert reads(world.participant).count() == 1


def test_it_records_answers_and_the_audit_log_keeps_the_change(world, signed_in):
    response = signed_in(world.coach).post(edit_url(world.participant), answers())

    assert response.status_code == 302
    record = SpecialCategoryData.objects.get(participant=world.participant)
    assert (record.has_disability, record.third_country_national) == ("no", "refused")
    assert record.country_of_birth == "Somalia"
    assert record.organisation == world.home
    created = LogEntry.objects.get_for_object(record).get(action=LogEntry.Action.CREATE)
    assert created.actor == world.coach


def test_it_keeps_typed_answers_when_a_date_is_wrong(world, signed_in):
    response = signed_in(world.coach).post(
        edit_url(world.participant), answers(arrived_in_sweden="not a date")
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Ryggbesvär" in page
    assert 'aria-invalid="true"' in page
    assert not SpecialCategoryData.objects.exists()


def test_it_logs_opening_the_edit_form_as_a_read(world, signed_in, recorded):
    page = signed_in(world.admin).get(edit_url(world.participant)).content.decode()

    assert "Nedsatt hörsel" in page
    assert reads(world.participant).get().actor == world.admin


def test_it_puts_nothing_of_the_data_on_the_participant_page(world, signed_in, recorded):
    page = (
        signed_in(world.coach)
        .get(reverse("participants:detail", kwargs={"participant": world.participant.public_id}))
        .content.decode()
    )

    assert "Nedsatt hörsel" not in page
    assert "Special-category data (logged)" in page
    assert not reads(world.participant).exists()
