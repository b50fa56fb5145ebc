import pytest
from auditlog.models import LogEntry
from django.urls import reverse


def coaches_url(participant):
    return reverse("participants:coaches", kwargs={"participant": participant.public_id})


def test_it_lets_an_administrator_choose_coaches_among_coaches_and_administrators(world, signed_in):
    client = signed_in(world.admin)

    page = client.get(coaches_url(world.participant)).content.decode()
    assert "Kalle Kollega" in page and "Alma Admin" in page
    assert "Sam Scout" not in page and "Vera Viewer" not in page and "Olle Outsider" not in page

    response = client.post(
        coaches_url(world.participant), {"coaches": [world.colleague.pk, world.admin.pk]}
    )

    assert response.status_code == 302
    assert set(world.participant.coaches.all()) == {world.colleague, world.admin}
    entry = LogEntry.objects.get_for_object(world.participant).latest("pk")
    assert entry.actor == world.admin


def test_it_refuses_someone_who_is_not_a_coach_of_the_organisation(world, signed_in):
    response = signed_in(world.admin).post(
        coaches_url(world.participant), {"coaches": [world.scout.pk, world.outsider.pk]}
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert list(world.participant.coaches.all()) == [world.coach]


@pytest.mark.parametrize("role", ["coach", "scout", "viewer"])
def test_it_keeps_coach_assignment_with_administrators(world, signed_in, role):
    client = signed_in(getattr(world, role))

    assert client.get(coaches_url(world.participant)).status_code == 403
    assert client.post(coaches_url(world.participant), {"coaches": []}).status_code == 403
    assert list(world.participant.coaches.all()) == [world.coach]


def test_it_hides_the_coaches_page_from_another_organisation(world, signed_in):
    client = signed_in(world.outsider)

    assert client.get(coaches_url(world.participant)).status_code == 404
    assert client.post(coaches_url(world.participant), {"coaches": []}).status_code == 404
